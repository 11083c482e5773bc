// The wire log: the session's requests (secrets already removed by the host), with copy.
import { useTrace } from '../host/queries';
import type { TraceEntry } from '../../../shared/contract';

function line(e: TraceEntry): string {
  return `${e.startedAt} ${e.transaction} ${e.method} ${e.url} ${e.status ?? ''} ${e.replyCode ?? ''} ${e.replyText ?? ''} ${e.durationMs !== undefined ? `${Math.round(e.durationMs)}ms` : ''}`.trim();
}

export function LogPanel({ profileId, onClose, onToast }: { profileId?: string; onClose(): void; onToast(m: string): void }) {
  const trace = useTrace(profileId);
  const entries = trace.data ?? [];
  return (
    <div className="logpanel" data-testid="log-panel">
      <div className="section-h">Wire log<span className="muted" style={{ textTransform: 'none', fontWeight: 400 }}>· {entries.length} requests · secrets removed</span><span className="spacer" />
        <button className="btn ghost small" onClick={() => void navigator.clipboard.writeText(entries.map(line).join('\n')).then(() => onToast('Log copied'), () => onToast('Copy failed'))}>Copy</button>
        <button className="btn ghost small" onClick={onClose}>Hide</button>
      </div>
      <div className="log-list">
        {entries.length === 0 && <div className="teach">No requests yet in this session.</div>}
        {[...entries].reverse().map((e) => (
          <div key={e.id} className="log-row" title={JSON.stringify({ request: e.requestHeaders, response: e.responseHeaders }, null, 1)}>
            <span className="muted">{new Date(e.startedAt).toLocaleTimeString()}</span>
            <span>{e.transaction}</span>
            <span>{e.method}</span>
            <span style={{ color: e.status && e.status >= 400 ? 'var(--danger)' : undefined }}>{e.status ?? '…'}{e.replyCode !== undefined ? ` ${e.replyCode}` : ''}</span>
            <span className="num muted">{e.durationMs !== undefined ? `${Math.round(e.durationMs)} ms` : ''}</span>
            <span className="url">{e.url}{e.error ? ` — ${e.error.message}` : ''}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
