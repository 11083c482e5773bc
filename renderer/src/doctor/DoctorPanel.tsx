// The connection doctor over the center area: its steps arrive live, each with its status,
// detail and error; at the end the diagnosis and a copyable report.
import { useEffect, useRef, useState } from 'react';
import { host } from '../host/client';
import { toErrorInfo } from '../host/errors';
import { ErrorBox } from '../shell/ErrorBox';
import { usePanelKeys } from '../shell/usePanelKeys';
import { StepDiagnosis } from './StepDiagnosis';
import type { DoctorStep, ProfileInput } from '../../../shared/contract';
import type { RetsErrorInfo } from '../../../shared/rets/errors';

export type DoctorTarget = { profileId: string; name: string } | { draft: ProfileInput; name: string };
const glyph: Record<DoctorStep['status'], string> = { pending: '○', running: '◐', passed: '✓', warning: '!', failed: '✕', skipped: '–' };

export function DoctorPanel({ target, onClose, onToast, closeLabel = 'Close' }: { target: DoctorTarget; onClose(): void; onToast(m: string): void; closeLabel?: string }) {
  const [steps, setSteps] = useState<DoctorStep[]>([]);
  const [report, setReport] = useState<string | null>(null);
  const [ok, setOk] = useState<boolean | null>(null);
  const [verdict, setVerdict] = useState<{ status: string; summary: string } | null>(null);
  const [error, setError] = useState<RetsErrorInfo | null>(null);
  const [runId, setRunId] = useState(0);
  const cancel = useRef<(() => Promise<void>) | null>(null);
  const panel = usePanelKeys(onClose);

  useEffect(() => {
    let live = true;
    setSteps([]); setReport(null); setOk(null); setError(null); setVerdict(null);
    const req = 'profileId' in target ? { profileId: target.profileId } : { draft: target.draft };
    host.operation('doctor.start', req, (e) => {
      if (!live) return;
      if (e.type === 'doctor.step') setSteps((s) => { const i = s.findIndex((x) => x.id === e.step.id); if (i < 0) return [...s, e.step]; const n = s.slice(); n[i] = e.step; return n; });
      if (e.type === 'doctor.done') { setSteps(e.steps); setReport(e.report); setOk(e.ok); setVerdict(e.verdict ?? null); }
      if (e.type === 'doctor.error') setError(e.error);
    }).then((op) => { cancel.current = op.cancel; }, (err) => live && setError(toErrorInfo(err)));
    return () => { live = false; void cancel.current?.(); };
  }, [target, runId]);

  const running = ok === null && !error;
  return (
    <div className="doctor" data-testid="doctor" {...panel}>
      <div className="section-h" style={{ height: 34 }}>Connection doctor · <span style={{ textTransform: 'none' }}>{target.name}</span><span className="spacer" />
        {running ? <button className="btn" onClick={() => void cancel.current?.()}>Stop</button> : <button className="btn" onClick={() => setRunId((n) => n + 1)}>Run again</button>}
        <button className="btn" onClick={onClose}>{closeLabel}</button>
      </div>
      <div style={{ overflow: 'auto', flex: 1 }}>
        {steps.map((s) => (
          <div key={s.id} className="step" data-testid="doctor-step" data-id={s.id} data-status={s.status}>
            <span className={`dot ${s.status}`} title={s.status} style={{ width: 'auto', height: 'auto', background: 'none', color: `var(--${s.status === 'passed' ? 'ok' : s.status === 'failed' ? 'danger' : s.status === 'warning' || s.status === 'running' ? 'warn' : 'muted'})` }}>{glyph[s.status]}</span>
            <span>{s.title}</span>
            <span className="muted small num">{s.durationMs !== undefined ? `${Math.round(s.durationMs)} ms` : ''}</span>
            {s.detail && <div className="detail">{s.detail}</div>}
            {s.diagnosis && (s.status === 'failed' || s.status === 'warning') && <StepDiagnosis diagnosis={s.diagnosis} />}
            {s.error && <div className="err"><ErrorBox error={s.error} /></div>}
          </div>
        ))}
        {running && steps.length === 0 && <div className="teach">Starting…</div>}
        {error && <ErrorBox error={error} />}
        {ok !== null && (
          <div className="info-box" data-testid="doctor-diagnosis" data-verdict={verdict?.status} style={{ borderColor: ok ? (verdict?.status === 'warning' ? 'var(--warn)' : 'var(--ok)') : 'var(--danger)' }}>
            {/* The verdict in one sentence (the failed step's diagnosis), then where to read on. */}
            {verdict?.summary && <div><b>{verdict.summary}</b></div>}
            {ok ? (verdict?.status === 'warning' ? 'It works, with the warnings above.' : 'All checks passed: this connection works.') : 'See the failed step above for the likely cause and what to do.'}
          </div>
        )}
        {report && (
          <>
            <div style={{ padding: '0 14px' }}><button className="btn" onClick={() => void navigator.clipboard.writeText(report).then(() => onToast('Report copied'), () => onToast('Copy failed'))}>Copy report</button></div>
            <pre className="report" data-testid="doctor-report">{report}</pre>
          </>
        )}
      </div>
    </div>
  );
}
