// A box with no keychain (headless Linux, browser mode): passwords kept in memory are gone after a
// restart of the host on the same data folder, and connecting says so in words instead of sending
// an empty password (which the server would refuse as a wrong one); a password typed for the
// session works; the opt-in encrypted secrets file keeps them across restarts, behind a passphrase.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, Profile, SessionStatus } from '../../shared/contract';
import type { RetsErrorInfo } from '../../shared/rets/errors';
import { startDemoMls, type DemoMls } from '../../electron/demo';
import { createHost, type Host } from '../../electron/host/host';
import { open, seal } from '../../electron/host/secretsFile';

let demo: DemoMls;
let dir: string;
let dataDir: string;
let password: string;
const PASSPHRASE = 'correct horse battery staple';

beforeAll(async () => {
  demo = await startDemoMls({ listings: 20 });
  password = demo.accounts.find((a) => a.username === 'demo')!.password;
  dir = mkdtempSync(join(tmpdir(), 'rw-secrets-'));
  dataDir = join(dir, 'data');
});
afterAll(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One run of the app: a host on the shared data folder, no keychain, closed at the end. */
async function withHost<T>(work: (host: Host) => Promise<T>): Promise<T> {
  const host = await createHost({ dataDir, mode: 'browser', demo: false, secrets: { disableKeychain: true } });
  try { return await work(host); } finally { await host.close(); }
}

async function ok<T>(host: Host, name: string, req: unknown = {}): Promise<T> {
  const env = (await host.call(name, req)) as Envelope<T>;
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.data;
}

async function failure(host: Host, name: string, req: unknown = {}): Promise<RetsErrorInfo> {
  const env = (await host.call(name, req)) as Envelope<unknown>;
  if (env.ok) throw new Error(`${name} succeeded where it should fail`);
  return env.error;
}

const profileNamed = async (host: Host, name: string) => (await ok<{ profiles: Profile[] }>(host, 'profiles.list')).profiles.find((p) => p.name === name)!;
const secretsFile = () => join(dataDir, 'secrets.enc');

describe('no keychain', () => {
  let id = '';

  it('a password kept in memory works for the session it was typed in', async () => {
    await withHost(async (host) => {
      const { profile } = await ok<{ profile: Profile }>(host, 'profiles.create', { name: 'Headless', loginUrl: demo.loginUrl, username: 'demo', password });
      id = profile.id;
      expect(profile).toMatchObject({ secretStorage: 'memory', hasPassword: true });
      expect((await ok<SessionStatus>(host, 'session.connect', { profileId: id })).state).toBe('connected');
    });
  });

  it('after a restart: "No password is stored…", not the server refusing the password; a session password connects', async () => {
    await withHost(async (host) => {
      // The request log outlives the restart: only entries after it count.
      const before = (await ok<{ entries: { id: number }[] }>(host, 'trace.list', { profileId: id })).entries.length;
      const profile = await profileNamed(host, 'Headless');
      expect(profile.hasPassword).toBe(false);
      expect(profile.secretWarning).toMatch(/^No password is stored for this profile \(no keychain here\): enter it\./);
      const err = await failure(host, 'session.connect', { profileId: id });
      expect(err).toMatchObject({ kind: 'auth', message: 'No password is stored for this profile (no keychain here): enter it.' });
      expect(err.message).not.toMatch(/rejected/);
      // Said before any request: the server never saw an empty password.
      expect((await ok<{ entries: unknown[] }>(host, 'trace.list', { profileId: id })).entries).toHaveLength(before);

      const { profile: after } = await ok<{ profile: Profile }>(host, 'profiles.sessionSecrets', { id, password });
      expect(after.hasPassword).toBe(true);
      expect((await ok<SessionStatus>(host, 'session.connect', { profileId: id })).state).toBe('connected');
      // Typed for the session only: nothing on disk holds it.
      expect(JSON.parse(readFileSync(join(host.layout.profiles, `${id}.json`), 'utf8')).secrets).toEqual({ password: 'memory', uaPassword: 'none' });
      expect(await ok(host, 'secrets.status')).toMatchObject({ exists: false });
    });
  });

  it('testing such a profile (the doctor\'s way in) says the same, before any request', async () => {
    await withHost(async (host) => {
      const err = await failure(host, 'profiles.test', { profileId: id });
      expect(err.message).toBe('No password is stored for this profile (no keychain here): enter it.');
    });
  });
});

describe('the encrypted secrets file', () => {
  let id = '';

  it('turning it on moves the memory secrets into it; the file is 0600 and holds no secret in plain text', async () => {
    await withHost(async (host) => {
      id = (await profileNamed(host, 'Headless')).id;
      expect(await ok(host, 'secrets.status')).toEqual({ available: true, exists: false, unlocked: false });
      await ok(host, 'profiles.sessionSecrets', { id, password });
      const r = await ok<{ created: boolean; moved: number; unlocked: boolean }>(host, 'secrets.unlock', { passphrase: PASSPHRASE });
      expect(r).toMatchObject({ created: true, moved: 1, unlocked: true, exists: true });
      expect((await profileNamed(host, 'Headless')).secretStorage).toBe('file');
      const { profile } = await ok<{ profile: Profile }>(host, 'profiles.create', { name: 'Second', loginUrl: demo.loginUrl, username: 'demo', password: 'second-secret-xyz' });
      expect(profile.secretStorage).toBe('file');
    });
    expect(statSync(secretsFile()).mode & 0o777).toBe(0o600);
    const text = readFileSync(secretsFile(), 'utf8');
    expect(text).not.toContain(password);
    expect(text).not.toContain('second-secret-xyz');
    expect(text).not.toContain(PASSPHRASE);
    expect(JSON.parse(text)).toMatchObject({ cipher: 'aes-256-gcm', kdf: { name: 'scrypt' } });
  });

  it('after a restart the file is locked until its passphrase is given; a wrong one is a typed error', async () => {
    await withHost(async (host) => {
      expect(await ok(host, 'secrets.status')).toEqual({ available: true, exists: true, unlocked: false });
      const locked = await profileNamed(host, 'Headless');
      expect(locked).toMatchObject({ hasPassword: false, secretStorage: 'file', secretWarning: 'The secrets file is locked: enter its passphrase.' });
      expect((await failure(host, 'session.connect', { profileId: id })).message).toBe('The secrets file is locked: enter its passphrase.');
      expect(await failure(host, 'secrets.unlock', { passphrase: 'not the passphrase' })).toMatchObject({ kind: 'input', message: 'The passphrase does not open the secrets file.' });
      await ok(host, 'secrets.unlock', { passphrase: PASSPHRASE });
      expect((await profileNamed(host, 'Headless')).hasPassword).toBe(true);
      expect((await ok<SessionStatus>(host, 'session.connect', { profileId: id })).state).toBe('connected');
    });
  });

  it('a changed file fails its integrity check, told apart from a wrong passphrase', async () => {
    const good = readFileSync(secretsFile(), 'utf8');
    const sealed = JSON.parse(good) as { data: string; kdf: { N: number } };
    const flipped = Buffer.from(sealed.data, 'base64');
    flipped[0]! ^= 1;
    writeFileSync(secretsFile(), JSON.stringify({ ...sealed, data: flipped.toString('base64') }));
    await withHost(async (host) => {
      expect((await failure(host, 'secrets.unlock', { passphrase: PASSPHRASE })).message).toMatch(/^The secrets file was changed outside the workbench or is damaged/);
    });
    // The header is authenticated too: a lowered scrypt cost is caught.
    writeFileSync(secretsFile(), JSON.stringify({ ...sealed, kdf: { ...sealed.kdf, N: sealed.kdf.N / 2 } }));
    await expect(open(readFileSync(secretsFile(), 'utf8'), PASSPHRASE)).rejects.toThrow(/passphrase does not open|changed outside/);
    // A truncated GCM tag (which GCM alone would accept as a weaker check) is refused.
    const short = { ...sealed, tag: Buffer.from((sealed as unknown as { tag: string }).tag, 'base64').subarray(0, 4).toString('base64') };
    await expect(open(JSON.stringify(short), PASSPHRASE)).rejects.toThrow(/changed outside the workbench/);
    writeFileSync(secretsFile(), good, { mode: 0o600 });
  });

  it('each write draws a new salt and nonce', async () => {
    const a = JSON.parse(await seal({ k: 'v' }, PASSPHRASE)) as Record<string, unknown>;
    const b = JSON.parse(await seal({ k: 'v' }, PASSPHRASE)) as Record<string, unknown>;
    expect(a.nonce).not.toBe(b.nonce);
    expect((a.kdf as { salt: string }).salt).not.toBe((b.kdf as { salt: string }).salt);
    expect(await open(JSON.stringify(a), PASSPHRASE)).toEqual({ k: 'v' });
  });
});

describe('profile files written before the secrets file existed', () => {
  it('load unchanged, each place as it was', async () => {
    const now = '2026-11-30T10:00:00.000Z';
    const today = (n: string, password: string, uaPassword: string) => ({
      id: n, name: n, loginUrl: demo.loginUrl, username: 'demo', userAgent: 'RETSWorkbench/1.0', retsVersion: 'RETS/1.7.2', authScheme: 'auto', method: 'GET',
      throttle: { requestsPerMinute: 0 }, timeouts: { connectSeconds: 15, responseSeconds: 60 }, keepLoginHost: false,
      credentialId: `cred-${n}`, secrets: { password, uaPassword }, createdAt: now, updatedAt: now,
    });
    await withHost(async (host) => {
      for (const [n, p, u] of [['old-keychain', 'keychain', 'none'], ['old-memory', 'memory', 'memory'], ['old-none', 'none', 'none']] as const) {
        writeFileSync(join(host.layout.profiles, `${n}.json`), `${JSON.stringify(today(n, p, u), null, 2)}\n`);
      }
      const { profiles, unreadable } = await ok<{ profiles: Profile[]; unreadable: unknown[] }>(host, 'profiles.list');
      expect(unreadable).toEqual([]);
      const by = (n: string) => profiles.find((p) => p.id === n)!;
      expect(by('old-keychain')).toMatchObject({ secretStorage: 'keychain', hasPassword: true });
      expect(by('old-memory')).toMatchObject({ secretStorage: 'memory', hasPassword: false });
      expect(by('old-none')).toMatchObject({ secretStorage: 'none', hasPassword: false });
    });
  });
});
