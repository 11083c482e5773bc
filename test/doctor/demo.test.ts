// runDoctor against the demo MLS: each demo account rehearses one failure, and the doctor must
// name it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMls, type DemoMls } from '../../electron/demo';
import { runDoctor } from '../../electron/doctor';
import { DEFAULT_SETTINGS, type ConnectionSettings } from '../../electron/rets/types';
import { renderReportMarkdown, type DoctorReport, type DoctorStep } from '../../shared/doctor';

let demo: DemoMls;
let limited: DemoMls;
const T = 3000;
const step = (r: DoctorReport, id: DoctorStep['id']) => r.steps.find((s) => s.id === id)!;

function account(m: DemoMls, username: string, more: Partial<ConnectionSettings> = {}): ConnectionSettings {
  const a = m.accounts.find((x) => x.username === username)!;
  return {
    ...DEFAULT_SETTINGS, loginUrl: m.loginUrl, username, password: a.password,
    userAgent: a.userAgent || DEFAULT_SETTINGS.userAgent, uaPassword: a.userAgentPassword || undefined, ...more,
  };
}

beforeAll(async () => {
  demo = await startDemoMls({ listings: 200 });
  limited = await startDemoMls({ listings: 50, tuning: { rateLimitPerMinute: 0 } });
});
afterAll(async () => {
  await demo.close();
  await limited.close();
});

describe('the demo MLS', () => {
  it('the working account passes every step', async () => {
    const r = await runDoctor(account(demo, 'demo'), { timeoutMs: T });
    expect(r.verdict.status).toBe('passed');
    expect(r.steps.map((s) => s.status)).toEqual([
      'passed', 'passed', 'passed', 'skipped', 'passed', 'passed', 'skipped', 'passed', 'passed', 'passed', 'passed', 'passed',
    ]);
    expect(step(r, 'unauthenticated').facts).toContainEqual({ label: 'HTTP status', value: '401' });
    expect(step(r, 'search').facts.find((f) => f.label === 'Count')?.value).toMatch(/^\d+$/);
    expect(step(r, 'object').facts.find((f) => f.label === 'Received')?.value).toMatch(/^image\//);
  });

  it('a wrong password is called wrong credentials', async () => {
    const r = await runDoctor(account(demo, 'badpass'), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'failed', stepId: 'login' });
    expect(r.verdict.summary).toBe('The server rejected the username or password for "badpass" (HTTP 401).');
  });

  it('an address that is not whitelisted', async () => {
    const r = await runDoctor(account(demo, 'ipblocked'), { timeoutMs: T });
    expect(r.verdict.summary).toBe('The MLS refused the login from this IP address: it is not on their allow-list.');
    expect(r.verdict.diagnosis).toMatchObject({ httpStatus: 403, replyCode: 20036 });
  });

  it('a UA password the profile lacks fails at the UA step', async () => {
    const r = await runDoctor(account(demo, 'uaauth', { uaPassword: undefined }), { timeoutMs: T });
    expect(step(r, 'login').status).toBe('warning');
    expect(r.verdict.stepId).toBe('uaAuth');
    expect(r.verdict.summary).toBe('This MLS requires a registered User-Agent with a UA password, and the profile has none.');
    expect(r.verdict.diagnosis?.replyCode).toBe(20041);
  });

  it('the right UA password passes the UA step', async () => {
    const r = await runDoctor(account(demo, 'uaauth'), { timeoutMs: T });
    expect(step(r, 'uaAuth')).toMatchObject({ status: 'passed' });
  });

  it('an unregistered User-Agent', async () => {
    const r = await runDoctor(account(demo, 'uaauth', { userAgent: 'SomethingElse/2.0', uaPassword: undefined }), { timeoutMs: T });
    expect(r.verdict.summary).toBe('The MLS does not accept the User-Agent "SomethingElse/2.0": it only accepts the one registered for this account.');
  });

  it('a wrong UA password', async () => {
    const r = await runDoctor(account(demo, 'uaauth', { uaPassword: 'nope-wrong' }), { timeoutMs: T });
    expect(r.verdict.summary).toBe(`The MLS rejected the User-Agent "${demo.accounts.find((a) => a.username === 'uaauth')!.userAgent}" or its UA password.`);
  });

  it('a rate limit', async () => {
    const r = await runDoctor(account(limited, 'ratelimit'), { timeoutMs: T });
    expect(r.verdict.stepId).toBe('login');
    expect(r.verdict.summary).toMatch(/^The server is rate-limiting this account; it asks to wait \d+ s\.$/);
    expect(r.verdict.diagnosis?.httpStatus).toBe(429);
  });

  it('a RETS 1.5-only server is a version warning; asking for 1.5 passes', async () => {
    const r = await runDoctor(account(demo, 'rets15'), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'warning', stepId: 'login' });
    expect(step(r, 'login').diagnosis?.summary).toBe('Logged in, but the server speaks RETS/1.5 while the profile asks for RETS/1.7.2.');
    const ok = await runDoctor(account(demo, 'rets15', { retsVersion: 'RETS/1.5' }), { timeoutMs: T });
    expect(step(ok, 'login').status).toBe('passed');
  });

  it('an HTML error page after login', async () => {
    const r = await runDoctor(account(demo, 'htmlerror'), { timeoutMs: T });
    expect(r.verdict.stepId).toBe('metadata');
    expect(r.verdict.summary).toBe('Login works, but GetMetadata returned an HTML error page instead of RETS (HTTP 500).');
    expect(step(r, 'logout').status).toBe('passed');
  });

  it('a Basic-only account with a Digest profile', async () => {
    const r = await runDoctor(account(demo, 'basic', { authScheme: 'digest' }), { timeoutMs: T });
    expect(r.verdict.stepId).toBe('login');
    expect(r.verdict.diagnosis?.actions[0]).toBe('Set the authentication scheme to Basic in the profile.');
  });

  it('the Markdown report holds no password or UA password', async () => {
    const s = account(demo, 'uaauth');
    const r = await runDoctor(s, { timeoutMs: T });
    const md = renderReportMarkdown(r, [s.password, s.uaPassword!]);
    expect(JSON.stringify(r)).not.toContain(s.uaPassword!);
    expect(md).not.toContain(s.uaPassword!);
    expect(md).toContain('| User-Agent authentication | PASS |');
  });
});
