// Secrets in a real OS keychain: test/run.mjs starts these tests inside dbus-run-session with an
// unlocked gnome-keyring-daemon, so @napi-rs/keyring talks to a real Secret Service. A profile's
// password lands in the keychain and never in the profile files; it is read back to log in; it
// leaves the keychain with the profile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPassword } from '@napi-rs/keyring/keytar';
import type { Profile, SessionStatus } from '../../shared/contract';
import { allFilesText, call, startHarness, type Harness } from '../host/hostHarness';

let h: Harness;
const service = `rets-workbench-test-${process.pid}`;
const PASSWORD = 'demo';
const UA_PASSWORD = 'uasecret';

beforeAll(async () => { h = await startHarness({ keychain: true, listings: 300 }); });
afterAll(async () => { await h?.close(); });

describe('keychain', () => {
  it('finds a working keychain here', async () => {
    const info = await call<{ keychain: { available: boolean; backend: string } }>(h.host, 'host.info');
    expect(info.keychain).toMatchObject({ available: true, backend: 'Secret Service' });
  });

  it('stores the password and UA password in the keychain, not on disk, and logs in with them', async () => {
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', {
      name: 'Keychain UA', loginUrl: h.host.demo!.loginUrl, username: 'uaauth', password: PASSWORD,
      userAgent: 'RETSWorkbench/1.0', uaPassword: UA_PASSWORD,
    });
    expect(profile).toMatchObject({ secretStorage: 'keychain', hasPassword: true, hasUaPassword: true });
    expect(profile.secretWarning).toBeUndefined();
    expect(JSON.stringify(profile)).not.toContain(UA_PASSWORD);

    const file = JSON.parse(readFileSync(join(h.host.layout.profiles, `${profile.id}.json`), 'utf8')) as { credentialId: string; secrets: unknown };
    expect(file.secrets).toEqual({ password: 'keychain', uaPassword: 'keychain' });
    expect(await getPassword(service, `${file.credentialId}:password`)).toBe(PASSWORD);
    expect(await getPassword(service, `${file.credentialId}:uaPassword`)).toBe(UA_PASSWORD);

    const status = await call<SessionStatus>(h.host, 'session.connect', { profileId: profile.id });
    expect(status.state, JSON.stringify(status.error)).toBe('connected');
    const { entries } = await call<{ entries: unknown[] }>(h.host, 'trace.list', { profileId: profile.id });
    expect(entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(entries)).not.toContain(UA_PASSWORD);

    expect(allFilesText(h.host.layout.root)).not.toContain(UA_PASSWORD);
  });

  it('replaces a password in the keychain on update and removes both with the profile', async () => {
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'To delete', loginUrl: h.host.demo!.loginUrl, username: 'demo', password: 'first-Secret-1' });
    const { credentialId } = JSON.parse(readFileSync(join(h.host.layout.profiles, `${profile.id}.json`), 'utf8')) as { credentialId: string };
    await call(h.host, 'profiles.update', { id: profile.id, patch: { password: 'second-Secret-2' } });
    expect(await getPassword(service, `${credentialId}:password`)).toBe('second-Secret-2');
    expect(allFilesText(h.host.layout.root)).not.toContain('second-Secret-2');

    await call(h.host, 'profiles.update', { id: profile.id, patch: { password: null } });
    expect(await getPassword(service, `${credentialId}:password`)).toBeNull();
    await call(h.host, 'profiles.update', { id: profile.id, patch: { password: 'third-Secret-3' } });
    await call(h.host, 'profiles.delete', { id: profile.id });
    expect(await getPassword(service, `${credentialId}:password`)).toBeNull();
    expect(readdirSync(h.host.layout.profiles)).not.toContain(`${profile.id}.json`);
  });

  it('reads secrets back from the keychain after a restart of the host', async () => {
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'Survives restart', loginUrl: h.host.demo!.loginUrl, username: 'demo', password: PASSWORD });
    const { createHost } = await import('../../electron/host/host');
    const second = await createHost({ dataDir: h.host.layout.root, mode: 'browser', demo: false, secrets: { service } });
    try {
      const got = await second.call('profiles.get', { id: profile.id });
      expect(got).toMatchObject({ ok: true, data: { profile: { hasPassword: true, secretStorage: 'keychain' } } });
      expect((await second.profiles.connection(profile.id)).password).toBe(PASSWORD);
    } finally {
      await second.close();
    }
  });

  it('moves a password typed into the login URL to the keychain', async () => {
    const url = new URL(h.host.demo!.loginUrl);
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'URL password', loginUrl: `http://demo:url-Secret-4@${url.host}${url.pathname}`, username: '' });
    expect(profile).toMatchObject({ loginUrl: h.host.demo!.loginUrl, username: 'demo', secretStorage: 'keychain', hasPassword: true });
    const { credentialId } = JSON.parse(readFileSync(join(h.host.layout.profiles, `${profile.id}.json`), 'utf8')) as { credentialId: string };
    expect(await getPassword(service, `${credentialId}:password`)).toBe('url-Secret-4');
    expect(allFilesText(h.host.layout.root)).not.toContain('url-Secret-4');
  });

  it('gives a copied profile file its own keychain entry, so deleting the original keeps the copy\'s password', async () => {
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'Original', loginUrl: h.host.demo!.loginUrl, username: 'demo', password: 'copied-Secret-5' });
    const dir = h.host.layout.profiles;
    copyFileSync(join(dir, `${profile.id}.json`), join(dir, `${profile.id}-copy.json`));
    await call(h.host, 'profiles.list');
    const credentialOf = (id: string) => (JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as { credentialId: string }).credentialId;
    const copyCredential = credentialOf(`${profile.id}-copy`);
    expect(copyCredential).not.toBe(credentialOf(profile.id));
    await call(h.host, 'profiles.delete', { id: profile.id });
    expect(await getPassword(service, `${copyCredential}:password`)).toBe('copied-Secret-5');
    expect((await h.host.profiles.connection(`${profile.id}-copy`)).password).toBe('copied-Secret-5');
    await call(h.host, 'profiles.delete', { id: `${profile.id}-copy` });
  });
});
