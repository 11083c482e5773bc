// The session client against the Demo MLS (electron/demo): a full RETS server with its
// own Digest/Basic/UA auth, metadata, search and photos, and accounts that misbehave on purpose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMls, type DemoMls } from '../../electron/demo/index';
import { RetsSession } from '../../electron/rets/session';
import { DEFAULT_SETTINGS, type ConnectionSettings } from '../../electron/rets/types';
import { collect, rejection } from './helpers';

let mls: DemoMls;
/** The server's clock runs this far ahead (sessions expire without waiting). */
let skewMs = 0;
beforeAll(async () => { mls = await startDemoMls({ listings: 300, seed: 3, maxRows: 100, clock: () => Date.now() + skewMs, tuning: { shortSessionSeconds: 1, rateLimitPerMinute: 3 } }); });
afterAll(async () => { await mls.close(); });

async function withSession<T>(username: string, fn: (s: RetsSession) => Promise<T>, extra: Partial<ConnectionSettings> = {}): Promise<T> {
  const account = mls.accounts.find((a) => a.username === username)!;
  const session = new RetsSession({
    ...DEFAULT_SETTINGS, loginUrl: mls.loginUrl, username, password: account.password,
    userAgent: account.userAgent || 'Workbench-Test/1.0', uaPassword: account.userAgentPassword || undefined,
    retsVersion: account.retsVersion, connectTimeoutMs: 2000, idleTimeoutMs: 3000, ...extra,
  });
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

const active = { resource: 'Property', class: 'RES', query: '(L_Status=|A)' };

describe('RetsSession against the demo MLS', () => {
  it('logs in, reads the metadata tree, pages a search past the server cap and logs out', async () => {
    await withSession('demo', async (s) => {
      const login = await s.login();
      expect(login.replyCode).toBe(0);
      const { metadata } = await s.getMetadata({ type: 'METADATA-SYSTEM', id: '*', format: 'COMPACT' });
      const property = metadata.resources.find((r) => r.id === 'Property')!;
      expect(property.keyField).toBe('L_ListingKey');
      expect(property.classes.some((c) => c.name === 'RES')).toBe(true);
      const pages: number[] = [];
      const all = await collect(s.searchAll({ ...active, query: '(L_ListPrice=0+)', select: 'L_ListingKey,L_ListPrice', format: 'COMPACT-DECODED', count: 1 }, { onPage: (p) => pages.push(p.rows) }));
      expect(all.count).toBeGreaterThan(100);
      expect(all.rows.length).toBe(all.count);
      expect(pages.length).toBeGreaterThan(1);
      expect(new Set(all.rows.map((r) => r[0])).size).toBe(all.rows.length);
      await s.logout();
    });
  });

  it('streams photos of several listings, one object per item', async () => {
    await withSession('demo', async (s) => {
      await s.login();
      const keys = (await collect(s.search({ ...active, select: 'L_ListingKey', format: 'COMPACT', limit: 5 }))).rows.map((r) => r[0]);
      let objects = 0;
      for await (const item of s.getObject({ resource: 'Property', type: 'Photo', ids: keys.map((k) => `${k}:*`) })) {
        if (item.kind === 'object') {
          objects++;
          expect(item.contentType).toBe('image/png');
          expect(Buffer.from(item.data.subarray(1, 4)).toString('latin1')).toBe('PNG');
          expect(keys).toContain(item.contentId);
        }
      }
      expect(objects).toBeGreaterThan(0);
    });
  });

  it('sends the UA digest the demo MLS requires', async () => {
    await withSession('uaauth', async (s) => {
      await s.login();
      const r = await collect(s.search({ ...active, limit: 2, format: 'COMPACT' }));
      expect(r.rows.length).toBe(2);
    });
  });

  it('explains an IP block (403), a wrong password (401) and HTML error pages', async () => {
    const blocked = await withSession('ipblocked', (s) => rejection(s.login()));
    expect(blocked.info).toMatchObject({ kind: 'auth', httpStatus: 403 });
    const badpass = await withSession('badpass', (s) => rejection(s.login()));
    expect(badpass.info).toMatchObject({ kind: 'auth', httpStatus: 401 });
    const html = await withSession('htmlerror', async (s) => {
      await s.login();
      return rejection(collect(s.search(active)));
    });
    expect(html.info.transaction).toBe('Search');
    expect(['http', 'parse']).toContain(html.info.kind);
    expect(html.info.httpStatus).toBe(500);
    const htmlMeta = await withSession('htmlerror', async (s) => {
      await s.login();
      return rejection(s.getMetadata({ type: 'METADATA-RESOURCE', id: '0' }));
    });
    expect(htmlMeta.info).toMatchObject({ transaction: 'GetMetadata', httpStatus: 500 });
  });

  it('explains a rate limit (HTTP 429) with the wait the server asks for', async () => {
    const err = await withSession('ratelimit', (s) => rejection((async () => {
      await s.login();
      for (let i = 0; i < 5; i++) await collect(s.search({ ...active, limit: 1, format: 'COMPACT' }));
    })()));
    expect(err.info.httpStatus).toBe(429);
    expect(err.message).toContain('rate-limiting');
  });

  it('logs in again when the session times out', async () => {
    await withSession('shortsession', async (s) => {
      await s.login();
      skewMs += 1500; // past the 1 s session life
      const r = await collect(s.search({ ...active, limit: 3, format: 'COMPACT' }));
      expect(r.rows.length).toBe(3);
      expect(s.trace.list().filter((e) => e.transaction === 'Login' && e.status === 200).length).toBe(2);
    });
  });

  it('reports a connection dropped mid-body as a typed error', async () => {
    const err = await withSession('dropper', async (s) => {
      await s.login();
      return rejection(collect(s.search({ ...active, query: '(L_ListPrice=0+)', format: 'COMPACT-DECODED', limit: 'NONE' })));
    });
    expect(err.info.transaction).toBe('Search');
    expect(['network', 'parse']).toContain(err.info.kind);
  });
});
