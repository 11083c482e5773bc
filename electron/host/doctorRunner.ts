// The connection doctor (runDoctor, runWebApiDoctor) adapted to the contract: steps go out as they
// change, and the end brings the verdict and the copyable Markdown report (secrets removed).
import { renderReportMarkdown, type DoctorReport, type DoctorStep as ProbeStep } from '../../shared/doctor';
import type { DoctorStep } from '../../shared/contract';
import { runDoctor, runWebApiDoctor as probeWebApi, webApiSecrets, type WebApiDoctorSettings } from '../doctor/index';
import type { DoctorRunner, DoctorRunResult } from './doctor';
import { odataSettings } from './odataAdapter';
import { connectionSettings } from './retsAdapter';

export function contractStep(s: ProbeStep): DoctorStep {
  const detail = s.diagnosis?.summary ?? s.facts.map((f) => `${f.label}: ${f.value}`).join(' · ');
  return {
    ...s,
    ...(detail ? { detail } : {}),
    ...(s.durationMs !== undefined ? { durationMs: s.durationMs } : {}),
  };
}

function runResult(report: DoctorReport, secrets: string[]): DoctorRunResult {
  return {
    ok: report.verdict.status === 'passed' || report.verdict.status === 'warning',
    steps: report.steps.map(contractStep),
    report: renderReportMarkdown(report, secrets),
    cancelled: report.verdict.status === 'cancelled',
    verdict: { ...report.verdict },
  };
}

export const doctorRunner: DoctorRunner = async (conn, { signal, onStep }) => {
  // A Web API profile gets the Web API probe, in the same shape.
  if (conn.type === 'webapi') return runWebApiDoctor(odataSettings(conn), { signal, onStep });
  const report = await runDoctor(connectionSettings(conn), { signal, onStep: (s) => onStep(contractStep(s)) });
  return runResult(report, [conn.password, conn.uaPassword ?? ''].filter((s) => s.length > 0));
};

/** The Web API doctor in the same shape as `doctorRunner`, for a Web API profile's settings (secrets included). */
export async function runWebApiDoctor(settings: WebApiDoctorSettings, { signal, onStep }: { signal: AbortSignal; onStep: (step: DoctorStep) => void }): Promise<DoctorRunResult> {
  const report = await probeWebApi(settings, { signal, onStep: (s) => onStep(contractStep(s)) });
  return runResult(report, webApiSecrets(settings));
}
