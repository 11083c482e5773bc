// A profile's connect and response timeouts reach its RETS session: a server that stays silent
// longer than the response timeout fails with a typed timeout error that says what to raise.
// Old profile files without timeouts load with the defaults; out-of-range values are refused.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS, type Profile } from '../../shared/contract';
import type { RetsErrorInfo } from '../../shared/rets/errors';
import { createHost, type Host } from '../../electron/host/host';
import { call } from './hostHarness';

let dir: string;
let host: Host;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-timeouts-'));
  // The demo's "slow" account waits this long before every answer: longer than the 5 s minimum.
  host = await createHost({ dataDir: join(dir, 'data'), mode: 'browser', demo: { listings: 50, tuning: { slowDelayMs: 10_000 } }, secrets: { disableKeychain: true } });
});
afterAll(async () => { await host?.close(); rmSync(dir, { recursive: true, force: true }); });

describe('profile timeouts', () => {
  it('a response timeout shorter than the server takes fails as a timeout, with the setting to raise', async () => {
    const { profile } = await call<{ profile: Profile }>(host, 'profiles.create', {
      name: 'Slow', loginUrl: host.demo!.loginUrl, username: 'slow', password: 'demo', timeouts: { connectSeconds: 3, responseSeconds: 5 },
    });
    expect(profile.timeouts).toEqual({ connectSeconds: 3, responseSeconds: 5 });
    const r = await call<{ ok: boolean; elapsedMs: number; error?: RetsErrorInfo }>(host, 'profiles.test', { profileId: profile.id });
    expect(r.ok).toBe(false);
    expect(r.error?.kind).toBe('timeout');
    expect(r.error?.hint).toMatch(/response timeout/);
    expect(r.error?.message).toMatch(/did not start answering in time|stopped sending/);
  }, 20_000);

  it('loads a profile file written before timeouts existed with the defaults', async () => {
    const profiles = join(dir, 'data', 'profiles');
    mkdirSync(profiles, { recursive: true });
    writeFileSync(join(profiles, 'old-1.json'), JSON.stringify({
      id: 'old-1', name: 'Old', loginUrl: 'https://rets.example.com/login', username: 'u', userAgent: 'X/1.0', retsVersion: 'RETS/1.7.2',
      authScheme: 'auto', method: 'GET', throttle: { requestsPerMinute: 0 }, credentialId: 'c', secrets: { password: 'none', uaPassword: 'none' },
      createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    }));
    const { profile } = await call<{ profile: Profile }>(host, 'profiles.get', { id: 'old-1' });
    expect(profile.timeouts).toEqual(DEFAULT_TIMEOUTS);
    expect(profile.keepLoginHost).toBe(false);
  });

  it('refuses a timeout out of range and names the field', async () => {
    const env = await host.call('profiles.create', { name: 'Bad', loginUrl: 'https://rets.example.com/login', username: 'u', timeouts: { connectSeconds: 0, responseSeconds: 60 } });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(`${env.error.message} ${env.error.cause ?? ''}`).toMatch(/timeouts\.connectSeconds/);
  });
});
