// runWebApiDoctor: the connection doctor for a RESO Web API. Service root → DNS → TCP → TLS →
// token endpoint → service document → $metadata → $top=1 on each resource → paging → media →
// rate-limit headers, each step timed and reported as it changes, stopping at the first failure.
// The same onStep / report shape as runDoctor, so the host and the CLI drive both alike.
import { safeUrl, SERVICE_ROOT_WORDS, verdictOf, type DoctorReport, type WebApiDoctorTarget } from '../../shared/doctor';
import { ODataSession } from '../odata/session';
import { DEFAULT_ODATA_SETTINGS, type ODataSettings } from '../odata/types';
import { networkSteps } from './networkSteps';
import type { DoctorOptions } from './runDoctor';
import { StepRunner } from './stepRunner';
import { webApiSteps } from './webApiSteps';

/** A Web API connection as the doctor takes it: the client's settings, secrets included (never reported). */
export type WebApiDoctorSettings = Partial<ODataSettings> & Pick<ODataSettings, 'serviceRoot' | 'auth'>;

export function webApiTarget(settings: WebApiDoctorSettings): WebApiDoctorTarget {
  const a = settings.auth;
  const target: WebApiDoctorTarget = {
    protocol: 'webapi', serviceRoot: safeUrl(settings.serviceRoot), authKind: a.kind,
    userAgent: settings.userAgent ?? DEFAULT_ODATA_SETTINGS.userAgent,
  };
  if (a.kind === 'client-credentials' || a.kind === 'password') {
    target.tokenUrl = safeUrl(a.tokenUrl);
    target.clientId = a.clientId;
    if (a.scope) target.scope = a.scope;
  }
  if (a.kind === 'password') target.username = a.username;
  return target;
}

/** Every secret of the settings, for removal from anything printed. */
export function webApiSecrets(settings: WebApiDoctorSettings): string[] {
  const a = settings.auth;
  const out: string[] = [];
  if (a.kind === 'bearer') out.push(a.token);
  if (a.kind === 'client-credentials' || a.kind === 'password') out.push(a.clientSecret ?? '');
  if (a.kind === 'password') out.push(a.password);
  return out.filter((s) => s.length > 0);
}

export async function runWebApiDoctor(settings: WebApiDoctorSettings, options: DoctorOptions = {}): Promise<DoctorReport> {
  const { signal } = options;
  const timeoutMs = options.timeoutMs ?? settings.connectTimeoutMs ?? 15_000;
  const runner = new StepRunner(options.onStep, signal, options.slowStepMs, 'webapi');
  const startedAt = new Date().toISOString();
  const net = await networkSteps(runner, settings.serviceRoot, SERVICE_ROOT_WORDS, { timeoutMs, signal, now: options.now, ca: options.ca });
  if (!runner.stopped && !signal?.aborted) {
    // A probe does not wait out a rate limit: a 429 is reported, not slept through.
    const session = new ODataSession({ ...settings, connectTimeoutMs: timeoutMs, idleTimeoutMs: Math.max(timeoutMs, Math.min(settings.idleTimeoutMs ?? 60_000, 4 * timeoutMs)), maxRetries: 0 });
    try {
      await webApiSteps(session, runner, signal);
    } finally {
      await session.close().catch(() => undefined);
    }
  }
  runner.finish();
  return {
    target: webApiTarget(settings),
    startedAt, finishedAt: new Date().toISOString(), steps: runner.steps,
    localAddress: net.localAddress, remoteAddress: net.remoteAddress,
    verdict: verdictOf(runner.steps, signal?.aborted ?? false),
  };
}
