// runDoctor: the connection doctor's probe. URL → DNS → TCP → TLS → unauthenticated request →
// login → UA auth → capabilities → system metadata → count-only search → one object → logout,
// each step timed and reported as it changes, stopping at the first failure.
import {
  diagnoseTcp, diagnoseUnauthenticated, LOGIN_URL_WORDS, safeUrl, verdictOf, type DoctorFact, type DoctorReport, type DoctorStep, type LoginContext,
} from '../../shared/doctor';
import { RetsSession } from '../rets/session';
import type { ConnectionSettings } from '../rets/types';
import { codeOf, networkSteps } from './networkSteps';
import { capabilitiesStep, loginStep, logoutStep, metadataStep, objectStep, searchStep, uaStep } from './sessionSteps';
import { StepRunner } from './stepRunner';
import { unauthenticatedRequest } from './unauthenticated';

export interface DoctorOptions {
  signal?: AbortSignal;
  /** Called whenever a step changes (running, then its result). */
  onStep?: (step: DoctorStep) => void;
  /** Bound for each network wait (DNS, connect, handshake, first answer); default the profile's connect timeout. */
  timeoutMs?: number;
  /** Clock for certificate-expiry warnings (tests). */
  now?: () => Date;
  /** Trusted CA certificates (PEM) for the TLS check instead of Node's bundle, e.g. a corporate root. */
  ca?: string[];
  /** A step slower than this warns, with what the pace means for a sync (default DEFAULT_SLOW_STEP_MS, 3 s). */
  slowStepMs?: number;
}

export async function runDoctor(settings: ConnectionSettings, options: DoctorOptions = {}): Promise<DoctorReport> {
  const { signal } = options;
  const timeoutMs = options.timeoutMs ?? settings.connectTimeoutMs;
  const runner = new StepRunner(options.onStep, signal, options.slowStepMs);
  const startedAt = new Date().toISOString();
  const schemes: string[] = [];

  const net = await networkSteps(runner, settings.loginUrl, LOGIN_URL_WORDS, { timeoutMs, signal, now: options.now, ca: options.ca });

  await runner.run('unauthenticated', async () => {
    try {
      const r = await unauthenticatedRequest(settings.loginUrl, settings, timeoutMs, signal);
      schemes.push(...r.challenges.map((c) => c.scheme));
      const facts: DoctorFact[] = [{ label: 'HTTP status', value: String(r.status) }];
      if (r.challenges.length) facts.push({ label: 'Auth offered', value: r.challenges.map((c) => `${c.scheme}${c.realm ? ` (realm "${c.realm}")` : ''}`).join(', ') });
      if (r.server) facts.push({ label: 'Server', value: r.server });
      if (r.retsServer) facts.push({ label: 'RETS-Server', value: r.retsServer });
      if (r.contentType) facts.push({ label: 'Content-Type', value: r.contentType });
      const finding = diagnoseUnauthenticated({ ...r, configuredScheme: settings.authScheme, retsVersion: settings.retsVersion });
      return { status: finding.status, facts, diagnosis: finding.diagnosis };
    } catch (e) {
      const code = codeOf(e);
      const d = diagnoseTcp({ host: net.url!.hostname, port: net.url!.port, code, timeoutMs, message: (e as Error).message });
      if (code === 'ETIMEDOUT') d.summary = `The server accepted the connection but sent no HTTP answer within ${timeoutMs / 1000} s.`;
      return { status: 'failed', diagnosis: d };
    }
  });

  if (!runner.stopped && !signal?.aborted) await sessionSteps(settings, runner, schemes, timeoutMs, signal);

  runner.finish();
  const cancelled = signal?.aborted ?? false;
  return {
    target: {
      loginUrl: safeUrl(settings.loginUrl), username: settings.username, userAgent: settings.userAgent,
      retsVersion: settings.retsVersion, authScheme: settings.authScheme, uaPasswordSet: Boolean(settings.uaPassword),
    },
    startedAt, finishedAt: new Date().toISOString(), steps: runner.steps,
    localAddress: net.localAddress, remoteAddress: net.remoteAddress,
    verdict: verdictOf(runner.steps, cancelled),
  };
}

async function sessionSteps(settings: ConnectionSettings, runner: StepRunner, schemes: string[], timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const session = new RetsSession({ ...settings, connectTimeoutMs: timeoutMs, idleTimeoutMs: Math.max(timeoutMs, Math.min(settings.idleTimeoutMs, 4 * timeoutMs)) });
  const ctx: LoginContext = {
    username: settings.username, userAgent: settings.userAgent, uaPasswordSet: Boolean(settings.uaPassword),
    retsVersion: settings.retsVersion, configuredScheme: settings.authScheme, offeredSchemes: schemes,
  };
  try {
    let result: Awaited<ReturnType<typeof loginStep>> | undefined;
    await runner.run('login', async () => (result = await loginStep(session, ctx, signal)).outcome);
    const login = result;
    if (!login || (!login.ok && !login.uaFailure)) return;
    await runner.run('uaAuth', async () => uaStep(login, ctx));
    if (!login.ok) return;
    await runner.run('capabilities', async () => capabilitiesStep(login.response, settings.loginUrl));
    await runner.run('metadata', () => metadataStep(session, ctx, signal));
    let search: Awaited<ReturnType<typeof searchStep>> | undefined;
    await runner.run('search', async () => (search = await searchStep(session, ctx, signal)).outcome);
    const target = search?.target;
    if (target && login.response.capabilities.GetObject) await runner.run('object', () => objectStep(session, target, ctx, signal));
    else runner.skip('object', target ? 'the server lists no GetObject capability' : 'no searchable class found');
    // Log out even after a failure: a dangling session can lock the account for a while.
    const stopped = runner.stopped;
    runner.stopped = Boolean(signal?.aborted);
    await runner.run('logout', () => logoutStep(session, ctx, signal));
    runner.stopped = stopped || runner.stopped;
  } finally {
    await session.close().catch(() => undefined);
  }
}
