// A Web API profile's client secret in the real OS keychain (started by test/run.mjs): it lands in
// the keychain under the profile's credential, never on disk, is read back to get a token from the
// Demo MLS's Web API, and leaves the keychain with the profile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPassword } from '@napi-rs/keyring/keytar';
import type { Profile, SessionStatus } from '../../shared/contract';
import { allFilesText, call, startHarness, type Harness } from '../host/hostHarness';

let h: Harness;
const service = `rets-workbench-test-${process.pid}`;

beforeAll(async () => { h = await startHarness({ keychain: true, listings: 100 }); });
afterAll(async () => { await h?.close(); });

describe('Web API secrets in the keychain', () => {
  it('keeps the client secret in the keychain, connects with it, and removes it with the profile', async () => {
    const w = h.host.demo!.webApi;
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', {
      name: 'Keychain Web API', type: 'webapi', loginUrl: w.serviceRoot, username: '',
      webApi: { auth: 'client-credentials', tokenUrl: w.tokenUrl, clientId: 'demo-client', scope: 'api' }, clientSecret: 'demo-secret',
    });
    expect(profile).toMatchObject({ secretStorage: 'keychain', hasClientSecret: true });
    const file = JSON.parse(readFileSync(join(h.host.layout.profiles, `${profile.id}.json`), 'utf8')) as { credentialId: string; secrets: Record<string, string> };
    expect(file.secrets.clientSecret).toBe('keychain');
    expect(await getPassword(service, `${file.credentialId}:clientSecret`)).toBe('demo-secret');
    expect(allFilesText(h.dir)).not.toContain('demo-secret');
    const status = await call<SessionStatus>(h.host, 'session.connect', { profileId: profile.id });
    expect(status.state).toBe('connected');
    await call(h.host, 'profiles.delete', { id: profile.id });
    expect(await getPassword(service, `${file.credentialId}:clientSecret`)).toBeNull();
  });
});
