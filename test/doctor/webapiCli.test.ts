// `rets-workbench doctor --service-root ...` as a subprocess against the Demo MLS's Web API: exit
// codes, live output, --json, secrets from the environment and never in any output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDoctorArgs, UsageError } from '../../electron/cli/doctorArgs';
import { webApiSettings } from '../../electron/cli/doctorWebApiArgs';
import { startDemoMls, type DemoMls } from '../../electron/demo';
import type { DoctorReport } from '../../shared/doctor';
import { runCli } from '../cli/runCli';

let demo: DemoMls;
let home: string;


const cli = (args: string[], env: Record<string, string> = {}) => runCli(['doctor', ...args], { home, env });

const flags = (clientId: string) => ['--service-root', demo.webApi.serviceRoot, '--token-url', demo.webApi.tokenUrl, '--client-id', clientId, '--scope', 'api', '--timeout', '10'];

beforeAll(async () => {
  demo = await startDemoMls({ listings: 100 });
  home = mkdtempSync(path.join(tmpdir(), 'doctor-webapi-cli-'));
});
afterAll(async () => {
  await demo.close();
  rmSync(home, { recursive: true, force: true });
});

describe('rets-workbench doctor --service-root', () => {
  it('exits 0 when every step passes, printing each step and the local address', async () => {
    const r = await cli(flags('demo-client'), { RESO_CLIENT_SECRET: 'demo-secret' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Testing ${demo.webApi.serviceRoot} as client demo-client`);
    expect(r.stdout).toMatch(/\[ok {2}\] Token endpoint \(\d+ ms\)/);
    expect(r.stdout).toContain('[ok  ] Paging through nextLink');
    expect(r.stdout).toContain('Result: PASSED');
    expect(r.stdout).toMatch(/Local address \(the connection left from\): 127\.0\.0\.1:\d+/);
    expect(r.stdout + r.stderr).not.toContain('demo-secret');
  });

  it('exits 1 with the diagnosis on a wrong secret, never printing it; --json holds the report', async () => {
    const secret = 'Wr0ng-Secret-123';
    const r = await cli([...flags('demo-client'), '--json'], { RESO_CLIENT_SECRET: secret });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as DoctorReport & { markdown: string };
    expect(report.verdict).toMatchObject({ status: 'failed', stepId: 'token', summary: 'The token endpoint rejected the client id or client secret (invalid_client).' });
    expect(report.target).toMatchObject({ protocol: 'webapi', authKind: 'client-credentials', clientId: 'demo-client' });
    expect(report.markdown).toContain('# RESO Web API connection test');
    expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it('exits 2 without a secret and no terminal', async () => {
    const r = await cli(flags('demo-client'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No secret: set RESO_CLIENT_SECRET in the environment');
  });
});

describe('doctor Web API arguments', () => {
  it('infers the grant from the flags', () => {
    expect(parseDoctorArgs(['--service-root', 'https://api.x/odata', '--token-url', 'https://id.x/token', '--client-id', 'c']).webApi)
      .toMatchObject({ serviceRoot: 'https://api.x/odata', auth: 'client-credentials', tokenUrl: 'https://id.x/token', clientId: 'c' });
    expect(parseDoctorArgs(['--service-root', 'https://api.x/odata', '--token-url', 'https://id.x/token', '--client-id', 'c', '--username', 'u']).webApi?.auth).toBe('password');
    expect(parseDoctorArgs(['--service-root', 'https://api.x/odata']).webApi?.auth).toBe('bearer');
    expect(parseDoctorArgs(['--service-root', 'https://api.x/odata', '--auth', 'none']).webApi?.auth).toBe('none');
  });

  it('refuses secrets on the command line, mixed RETS flags and incomplete grants', () => {
    expect(() => parseDoctorArgs(['--service-root', 'https://api.x/odata', '--token', 'abc'])).toThrow('secrets never go on the command line');
    expect(() => parseDoctorArgs(['--service-root', 'https://api.x/odata', '--client-secret', 'abc'])).toThrow(UsageError);
    expect(() => parseDoctorArgs(['--service-root', 'https://api.x/odata', '--url', 'https://x/login'])).toThrow('--url is for RETS connections');
    expect(() => parseDoctorArgs(['--profile', 'p', '--token-url', 'https://id.x/token'])).toThrow('--token-url is for Web API connections: give --service-root too.');
    expect(() => parseDoctorArgs(['--service-root', 'https://api.x/odata', '--auth', 'password', '--token-url', 'https://id.x/token', '--client-id', 'c'])).toThrow('--auth password needs --username NAME.');
    expect(() => parseDoctorArgs(['--service-root', 'api.x/odata'])).toThrow('is not a URL');
  });

  it('reads the secrets from the environment', async () => {
    const f = parseDoctorArgs(['--service-root', 'https://api.x/odata', '--token-url', 'https://id.x/token', '--client-id', 'c', '--username', 'u']).webApi!;
    expect((await webApiSettings(f, { RESO_CLIENT_SECRET: 's', RESO_PASSWORD: 'p' })).auth)
      .toEqual({ kind: 'password', tokenUrl: 'https://id.x/token', clientId: 'c', username: 'u', password: 'p', clientSecret: 's' });
    const bearer = parseDoctorArgs(['--service-root', 'https://api.x/odata']).webApi!;
    expect((await webApiSettings(bearer, { RESO_TOKEN: 't' })).auth).toEqual({ kind: 'bearer', token: 't' });
  });
});
