// A headless box with no keychain keeps a profile's password in the encrypted secrets file: the
// command line makes it when RETS_WORKBENCH_PASSPHRASE is set and opens it with the same variable.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMls, type DemoMls } from '../../electron/demo';
import { ProfileStore } from '../../electron/host/profiles';
import { SecretStore } from '../../electron/host/secrets';
import { dataLayout } from '../../electron/host/paths';
import { runCli } from './runCli';

const SECRET = 'demo';
const PASSPHRASE = 'a headless box passphrase';
let demo: DemoMls;
let home: string;

/** No keychain answers (DBus disabled), as on a headless server. */
const cli = (args: string[], env: Record<string, string> = {}, stdin = '') => runCli(args, { home, env, stdin });

beforeAll(async () => {
  demo = await startDemoMls({ listings: 30 });
  home = mkdtempSync(path.join(tmpdir(), 'rw-cli-secrets-'));
});
afterAll(async () => {
  await demo.close();
  rmSync(home, { recursive: true, force: true });
});

describe('RETS_WORKBENCH_PASSPHRASE', () => {
  it('profiles add keeps the password in the encrypted file, and a later command logs in with it', async () => {
    const add = await cli(['profiles', 'add', 'Headless', '--url', demo.loginUrl, '--user', 'demo', '--password-stdin', '--json'], { RETS_WORKBENCH_PASSPHRASE: PASSPHRASE }, `${SECRET}\n`);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ secretStorage: 'file', hasPassword: true });
    const file = path.join(home, 'secrets.enc');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ cipher: 'aes-256-gcm' });

    const meta = await cli(['metadata', '--profile', 'headless', '--type', 'METADATA-RESOURCE', '--id', '0'], { RETS_WORKBENCH_PASSPHRASE: PASSPHRASE });
    expect(meta.stderr).not.toMatch(/rejected|locked/);
    expect(meta.code).toBe(0);
    expect(meta.stdout).toMatch(/Property/);
  });

  it('without it (no terminal) the file stays locked and the command says so; a wrong one is told', async () => {
    const locked = await cli(['metadata', '--profile', 'headless', '--type', 'METADATA-RESOURCE', '--id', '0']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('The secrets file is locked: enter its passphrase.');
    const wrong = await cli(['metadata', '--profile', 'headless', '--type', 'METADATA-RESOURCE', '--id', '0'], { RETS_WORKBENCH_PASSPHRASE: 'not it' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('The passphrase does not open the secrets file.');
  });
});

describe('a saved Web API profile on the command line', () => {
  it('search and doctor use its settings and its stored client secret, with no RESO_* variable', async () => {
    const layout = dataLayout(home);
    const secrets = new SecretStore({ file: layout.secretsFile, fileOptIn: true, disableKeychain: true, passphrase: async () => PASSPHRASE });
    const store = new ProfileStore(layout.profiles, secrets);
    const w = demo.webApi;
    await store.create({
      name: 'Acme Web API', type: 'webapi', loginUrl: w.serviceRoot, username: '',
      webApi: { auth: 'client-credentials', tokenUrl: w.tokenUrl, clientId: 'demo-client', scope: w.scope, headers: { 'X-Dataset': 'acme' } }, clientSecret: 'demo-secret',
    });
    const env = { RETS_WORKBENCH_PASSPHRASE: PASSPHRASE, RESO_CLIENT_SECRET: '', RESO_TOKEN: '', RESO_PASSWORD: '' };
    const search = await cli(['search', 'Property', '', '--profile', 'acme web api', '--top', '3', '--select', 'ListingKey'], env);
    expect(search.stderr).toBe('');
    expect(search.code).toBe(0);
    expect(search.stdout.trim().split('\n')).toHaveLength(4);
    const doctor = await cli(['doctor', '--profile', 'Acme Web API', '--json'], env);
    expect(doctor.code).toBe(0);
    const report = JSON.parse(doctor.stdout) as { target: { protocol: string; clientId?: string } };
    expect(report.target).toMatchObject({ protocol: 'webapi', clientId: 'demo-client' });
    expect(doctor.stdout).not.toContain('demo-secret');
  });
});
