// A profile's "send every request to the login URL's host" setting is kept in its file and reaches
// its session: through a real TCP tunnel to a server whose login reply names its own host, the
// connection test reports capability URLs on the tunnel's host.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginInfo, Profile } from '../../shared/contract';
import { createHost, type Host } from '../../electron/host/host';
import { startMiniRets, type MiniRets } from '../client/miniRets';
import { tunnel, type Tunnel } from '../client/tunnel';
import { call } from './hostHarness';

let dir: string;
let host: Host;
let mls: MiniRets;
let tun: Tunnel;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-loginhost-'));
  host = await createHost({ dataDir: join(dir, 'data'), mode: 'browser', demo: { listings: 20 }, secrets: { disableKeychain: true } });
  mls = await startMiniRets({ relativeUrls: false, withAction: false });
  tun = await tunnel(Number(new URL(mls.url).port));
});
afterAll(async () => {
  await host?.close();
  await tun?.close();
  await mls?.close();
  rmSync(dir, { recursive: true, force: true });
});

const test = (profileId: string) => call<{ ok: boolean; login?: LoginInfo }>(host, 'profiles.test', { profileId });

describe('keep the login URL\'s host', () => {
  it('is saved in the profile file and sends the session\'s requests through the tunnel', async () => {
    const { profile } = await call<{ profile: Profile }>(host, 'profiles.create', {
      name: 'Tunnelled', loginUrl: `${tun.url}/rets/login`, username: 'joe', password: 'pw', userAgent: 'Workbench/1.0', keepLoginHost: true,
    });
    expect(profile.keepLoginHost).toBe(true);
    const file = JSON.parse(readFileSync(join(dir, 'data', 'profiles', `${profile.id}.json`), 'utf8')) as Record<string, unknown>;
    expect(file.keepLoginHost).toBe(true);
    const on = await test(profile.id);
    expect(on.ok).toBe(true);
    expect(on.login?.capabilities.Search).toBe(`${tun.url}/rets/search`);

    await call(host, 'profiles.update', { id: profile.id, patch: { keepLoginHost: false } });
    const off = await test(profile.id);
    expect(off.login?.capabilities.Search).toBe(`${mls.url}/rets/search`);
    // The renderer learns why that matters: the login warning, with the host it names.
    expect(off.login?.warnings).toContainEqual(expect.stringContaining(`go to ${mls.url}, not to the login URL's host ${new URL(tun.url).host}`));
    expect(on.login?.warnings).toBeUndefined();
  });
});
