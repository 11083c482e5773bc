// The connection doctor (runDoctor) adapted to the contract: steps go out as they
// change, and the end brings the verdict and the copyable Markdown report (secrets removed).
import { contractStatus, renderReportMarkdown, type DoctorStep as ProbeStep } from '../../shared/doctor';
import type { DoctorStep } from '../../shared/contract';
import { runDoctor } from '../doctor/index';
import type { DoctorRunner } from './doctor';
import { connectionSettings } from './retsAdapter';

export function contractStep(s: ProbeStep): DoctorStep {
  const detail = s.diagnosis?.summary ?? s.facts.map((f) => `${f.label}: ${f.value}`).join(' · ');
  return {
    ...s,
    status: contractStatus(s.status),
    ...(detail ? { detail } : {}),
    ...(s.durationMs !== undefined ? { durationMs: s.durationMs } : {}),
  };
}

export const doctorRunner: DoctorRunner = async (conn, { signal, onStep }) => {
  const report = await runDoctor(connectionSettings(conn), { signal, onStep: (s) => onStep(contractStep(s)) });
  const secrets = [conn.password, conn.uaPassword ?? ''].filter((s) => s.length > 0);
  return {
    ok: report.verdict.status === 'passed' || report.verdict.status === 'warning',
    steps: report.steps.map(contractStep),
    report: renderReportMarkdown(report, secrets),
    cancelled: report.verdict.status === 'cancelled',
    verdict: { ...report.verdict },
  };
};
