// `rets-workbench doctor` as a subprocess against the demo MLS: exit codes, live output, --json,
// the password from RETS_PASSWORD (and from a profile), and no password in any output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMls, type DemoMls } from '../../electron/demo';
import { ProfileStore } from '../../electron/host/profiles';
import { SecretStore } from '../../electron/host/secrets';
import type { DoctorReport } from '../../shared/doctor';
import { parseDoctorArgs, UsageError } from '../../electron/cli/doctorArgs';
import { runCli } from '../cli/runCli';

let demo: DemoMls;
let home: string;


const cli = (args: string[], env: Record<string, string> = {}) => runCli(['doctor', ...args], { home, env });

beforeAll(async () => {
  demo = await startDemoMls({ listings: 100 });
  home = mkdtempSync(path.join(tmpdir(), 'doctor-cli-'));
  // A profile whose password is not stored: the CLI takes it from RETS_PASSWORD.
  const store = new ProfileStore(path.join(home, 'profiles'), new SecretStore({ disableKeychain: true }));
  await store.create({ name: 'Demo UA', loginUrl: demo.loginUrl, username: 'uaauth', userAgent: 'RETSWorkbench/1.0' });
});
afterAll(async () => {
  await demo.close();
  rmSync(home, { recursive: true, force: true });
});

describe('rets-workbench doctor', () => {
  it('exits 0 when every step passes, printing each step and the local address', async () => {
    const r = await cli(['--url', demo.loginUrl, '--user', 'basic', '--timeout', '5'], { RETS_PASSWORD: 'demo' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[ok {2}\] Login \(\d+ ms\)/);
    expect(r.stdout).toContain('[ok  ] Logout');
    expect(r.stdout).toContain('Result: PASSED');
    expect(r.stdout).toMatch(/Local address \(the connection left from\): 127\.0\.0\.1:\d+/);
  });

  it('exits 1 with the diagnosis when the password is wrong, and never prints the password', async () => {
    const pw = 'Wr0ng-Passw0rd';
    const r = await cli(['--url', demo.loginUrl, '--user', 'demo', '--auth', 'digest', '--timeout', '5'], { RETS_PASSWORD: pw });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[FAIL] Login');
    expect(r.stdout).toContain('The server rejected the username or password for "demo" (HTTP 401).');
    expect(r.stdout + r.stderr).not.toContain(pw);
  });

  it('--json prints the report and its Markdown, without the UA password', async () => {
    const r = await cli(['--profile', 'Demo UA', '--json', '--timeout', '5'], { RETS_PASSWORD: 'demo', RETS_UA_PASSWORD: 'uasecret' });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as DoctorReport & { markdown: string };
    expect(report.verdict.status).toBe('passed');
    expect(report.target).toMatchObject({ username: 'uaauth', uaPasswordSet: true });
    expect(report.steps.find((s) => s.id === 'uaAuth')?.status).toBe('passed');
    expect(report.markdown).toContain('## Result: PASSED');
    expect(r.stdout).not.toContain('uasecret');
  });

  it('--json with a failure exits 1 and names the failing step', async () => {
    const r = await cli(['--profile', 'Demo UA', '--json', '--timeout', '5'], { RETS_PASSWORD: 'demo' });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as DoctorReport;
    expect(report.verdict).toMatchObject({ status: 'failed', stepId: 'uaAuth' });
  });

  it('exits 2 on usage errors: a password flag, or no password without a terminal', async () => {
    const flag = await cli(['--url', demo.loginUrl, '--user', 'demo', '--password', 'x']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('secrets never go on the command line');
    const none = await cli(['--url', demo.loginUrl, '--user', 'demo']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No password for demo: set RETS_PASSWORD');
  });
});

describe('doctor arguments', () => {
  it('reads every option and normalizes the RETS version', () => {
    expect(parseDoctorArgs(['--url=https://x/login', '--user', 'joe', '--user-agent', 'A/1', '--rets-version', '1.5', '--auth', 'basic', '--timeout', '2.5', '--json']))
      .toMatchObject({ connection: { url: 'https://x/login', user: 'joe', userAgent: 'A/1', retsVersion: 'RETS/1.5', auth: 'basic', keepLoginHost: false }, timeoutSeconds: 2.5, json: true, help: false });
    expect(parseDoctorArgs(['--profile', 'Acme', '--keep-login-host']).connection.keepLoginHost).toBe(true);
    expect(parseDoctorArgs(['--help']).help).toBe(true);
  });
  it('refuses passwords, unknown options, bad values and missing targets', () => {
    expect(() => parseDoctorArgs(['--profile', 'p', '--ua-password', 'x'])).toThrow(UsageError);
    expect(() => parseDoctorArgs(['--profile', 'p', '--verbose'])).toThrow("Unknown option '--verbose'.");
    expect(() => parseDoctorArgs(['--profile', 'p', '--auth', 'ntlm'])).toThrow('--auth must be auto, digest, basic (got "ntlm").');
    expect(() => parseDoctorArgs(['--profile', 'p', '--rets-version', 'latest'])).toThrow(UsageError);
    expect(() => parseDoctorArgs(['--url', 'https://x/login'])).toThrow('Give --profile NAME, or --url URL and --user NAME.');
    expect(() => parseDoctorArgs(['--profile', 'p', '--url', 'https://x/login'])).toThrow('not both');
  });
});
