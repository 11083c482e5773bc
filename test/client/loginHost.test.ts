// A server reached through a tunnel: its login reply names its own host in absolute capability
// URLs, which go around the tunnel. The session warns about it, or with keepLoginHost sends every
// request through the login URL's host. The tunnel is a real TCP forwarder on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { RetsSession } from '../../electron/rets/session';
import { DEFAULT_SETTINGS } from '../../electron/rets/types';
import { collect } from './helpers';
import { startMiniRets, type MiniRets } from './miniRets';
import { tunnel, type Tunnel } from './tunnel';

let mls: MiniRets | undefined;
let tun: Tunnel | undefined;
let session: RetsSession | undefined;
afterEach(async () => {
  await session?.close();
  await tun?.close();
  await mls?.close();
  session = tun = mls = undefined;
});

async function throughTunnel(keepLoginHost: boolean) {
  mls = await startMiniRets({ relativeUrls: false, withAction: false });
  tun = await tunnel(Number(new URL(mls.url).port));
  session = new RetsSession({
    ...DEFAULT_SETTINGS, loginUrl: `${tun.url}/rets/login`, username: 'joe', password: 'pw', userAgent: 'Workbench/1.0',
    connectTimeoutMs: 2000, idleTimeoutMs: 3000, keepLoginHost,
  });
  return { mls, tun, session, login: await session.login() };
}

const search = (s: RetsSession) => collect(s.search({ resource: 'Property', class: 'RES', query: '(Status=A)', limit: 5 }));

describe('capability URLs on another host than the login URL', () => {
  it('warns that they go around the tunnel, and requests follow the server\'s URLs', async () => {
    const { mls, tun, session, login } = await throughTunnel(false);
    expect(login.capabilities.Search).toBe(`${mls.url}/rets/search`);
    expect(login.warnings).toContainEqual(expect.stringMatching(
      new RegExp(`^Search, GetMetadata.* go to ${mls.url}, not to the login URL's host ${new URL(tun.url).host}\\. Through an SSH tunnel`),
    ));
    expect(login.warnings.join(' ')).not.toMatch(/\bLogin\b.* go/); // Login itself is never requested from the list
    const before = tun.bytes();
    const result = await search(session);
    expect(result.rows.length).toBe(5);
    expect(tun.bytes()).toBe(before); // the search went straight to the server, not through the tunnel
  });

  it('with keepLoginHost, every request goes through the login URL\'s host, without the warning', async () => {
    const { tun, session, login } = await throughTunnel(true);
    expect(login.capabilities.Search).toBe(`${tun.url}/rets/search`);
    expect(login.capabilities.GetMetadata).toBe(`${tun.url}/rets/getMetadata`);
    expect(login.warnings.filter((w) => w.includes('login URL\'s host'))).toEqual([]);
    const before = tun.bytes();
    const result = await search(session);
    expect(result.rows.length).toBe(5);
    expect(tun.bytes() - before).toBeGreaterThan(500); // the whole reply came back through the tunnel
  });
});
