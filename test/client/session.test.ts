import { afterEach, describe, expect, it } from 'vitest';
import { collect, harness, rejection, type Harness } from './helpers';
import type { MiniRetsOptions } from './miniRets';
import type { ConnectionSettings } from '../../electron/rets/types';

let h: Harness | undefined;
afterEach(async () => { await h?.dispose(); h = undefined; });
const start = async (o: MiniRetsOptions = {}, s: Partial<ConnectionSettings> = {}): Promise<Harness> => (h = await harness(o, s));

describe('RetsSession login', () => {
  for (const auth of ['digest', 'digest-noqop', 'digest-sess', 'basic'] as const) {
    it(`logs in with ${auth} and resolves relative capability URLs against the login URL`, async () => {
      const { server, session } = await start({ auth });
      const login = await session.login();
      expect(login.capabilities.Search).toBe(`${server.url}/rets/search`);
      expect(login.capabilities.GetMetadata).toBe(`${server.url}/rets/getMetadata`);
      expect(session.loggedIn).toBe(true);
    });
  }

  it('redacts the session id from URLs it is asked to show', async () => {
    const { server, session } = await start();
    await session.login();
    const sid = server.log.at(-1)!.headers.cookie!.match(/RETS-Session-ID=([0-9a-f]+)/)![1];
    expect(session.redactUrl(`${server.url}/rets/search;jsessionid=x/a?sid2=${sid}&q=1`)).toBe(`${server.url}/rets/search;jsessionid=REDACTED/a?sid2=REDACTED&q=1`);
  });

  it('fetches the Action URL after login and keeps its text', async () => {
    const { server, session } = await start();
    await session.login();
    expect(session.actionText).toBe('Welcome to the test MLS. Maintenance Sunday.');
    expect(server.log.some((r) => r.path === '/rets/action')).toBe(true);
  });

  it('logs in even when the Action page is broken, with a warning', async () => {
    const { session } = await start({ brokenAction: true });
    const login = await session.login();
    expect(session.actionText).toBeUndefined();
    expect(login.warnings.some((w) => w.includes('Action page could not be fetched') && w.includes('404'))).toBe(true);
  });

  it('works with absolute capability URLs, POST and a UA password', async () => {
    const { server, session } = await start({ relativeUrls: false, uaPassword: 'uapw' }, { method: 'POST', uaPassword: 'uapw' });
    await session.login();
    const result = await collect(session.search({ resource: 'Property', class: 'RES', query: '(ListPrice=0+)', format: 'COMPACT', limit: 5 }));
    expect(result.rows.length).toBe(5);
    const search = server.log.find((r) => r.path === '/rets/search')!;
    expect(search.method).toBe('POST');
    expect(search.params).toMatchObject({ searchtype: 'Property', class: 'RES', querytype: 'DMQL2', format: 'COMPACT', limit: '5' });
    expect(search.headers['rets-ua-authorization']).toMatch(/^Digest [0-9a-f]{32}$/);
    // Both cookies travel: the session id (Path=/) and JSESSIONID (Path=/rets).
    expect(search.headers.cookie).toMatch(/RETS-Session-ID=[0-9a-f]+/);
    expect(search.headers.cookie).toContain('JSESSIONID=j1');
  });

  it('tells a wrong password apart from a wrong UA password', async () => {
    let { session } = await start({}, { password: 'nope' });
    const wrongPw = await rejection(session.login());
    expect(wrongPw.info).toMatchObject({ kind: 'auth', transaction: 'Login', httpStatus: 401 });
    expect(wrongPw.message).toContain('username or password');
    await h!.dispose();
    ({ session } = await start({ uaPassword: 'right' }, { uaPassword: 'wrong' }));
    const wrongUa = await rejection(session.login());
    expect(wrongUa.info).toMatchObject({ kind: 'auth', httpStatus: 401, replyCode: 20037 });
    expect(wrongUa.message).toContain('User-Agent');
  });

  it('logs out and reads the sign-off keys', async () => {
    const { session } = await start();
    await session.login();
    expect(await session.logout()).toEqual({ connectTime: 12, signOffMessage: 'Bye' });
    expect(session.loggedIn).toBe(false);
    const err = await rejection(collect(session.search({ resource: 'Property', class: 'RES', query: '(A=1)' })));
    expect(err.info.kind).toBe('input');
  });
});

describe('RetsSession search', () => {
  const base = { resource: 'Property', class: 'RES', query: '(ListPrice=0+)' };
  for (const format of ['COMPACT', 'COMPACT-DECODED', 'STANDARD-XML'] as const) {
    it(`pages a ${format} search with MAXROWS and Offset until done`, async () => {
      const { server, session } = await start({ rows: 25, pageCap: 10 });
      await session.login();
      const pages: number[] = [];
      const result = await collect(session.searchAll({ ...base, format, count: 1 }, { onPage: (p) => pages.push(p.offset) }));
      expect(pages).toEqual([1, 11, 21]);
      expect(result.count).toBe(25);
      expect(result.columns).toEqual(['ListingID', 'ListPrice', 'City']);
      expect(result.rows.length).toBe(25);
      expect(result.rows[0]).toEqual(['LN000001', '101000', 'Chicago']);
      expect(result.rows[24]).toEqual(['LN000025', '125000', 'Chicago']);
      expect(result.maxrows).toBe(false);
      expect(server.log.filter((r) => r.path === '/rets/search').map((r) => r.params.offset)).toEqual(['1', '11', '21']);
    });
  }

  it('stops with a protocol error when the server ignores Offset', async () => {
    const { session } = await start({ rows: 25, pageCap: 10, ignoreOffset: true });
    await session.login();
    let rows = 0;
    const err = await rejection((async () => {
      for await (const ev of session.searchAll(base)) if (ev.kind === 'rows') rows += ev.batch.length;
    })());
    expect(rows).toBe(10);
    expect(err.info.kind).toBe('protocol');
    expect(err.message).toContain('ignores Offset');
  });

  it('stops paging at the Limit, asking each page only for the rows still wanted', async () => {
    const { server, session } = await start({ rows: 25, pageCap: 10 });
    await session.login();
    const result = await collect(session.searchAll({ ...base, limit: 15 }));
    expect(result.rows.length).toBe(15);
    expect(result.rows[14][0]).toBe('LN000015');
    expect(server.log.filter((r) => r.path === '/rets/search').map((r) => `${r.params.offset}+${r.params.limit}`)).toEqual(['1+15', '11+5']);
  });

  it('treats 20201 as an empty result', async () => {
    const { session } = await start();
    await session.login();
    const one = await collect(session.search({ ...base, query: '(ListingID=NONE)' }));
    expect(one.statuses).toEqual([20201]);
    expect(one.rows).toEqual([]);
    const all = await collect(session.searchAll({ ...base, query: '(ListingID=NONE)' }));
    expect(all.rows).toEqual([]);
  });

  it('returns only the count with Count=2', async () => {
    const { server, session } = await start({ rows: 25 });
    await session.login();
    const result = await collect(session.searchAll({ ...base, count: 2 }));
    expect(result.count).toBe(25);
    expect(result.rows.length).toBe(0);
    expect(server.log.filter((r) => r.path === '/rets/search').length).toBe(1);
  });
});

describe('RetsSession metadata and re-login', () => {
  it('returns the parsed metadata and the raw text', async () => {
    const { session } = await start();
    await session.login();
    const { metadata, raw } = await session.getMetadata({ type: 'CLASS', id: 'Property', format: 'COMPACT' });
    expect(raw).toContain('<METADATA-CLASS');
    const block = metadata.tables.find((t) => t.type === 'METADATA-CLASS')!;
    expect(block.attributes.Resource).toBe('Property');
    expect(block.rows.map((r) => r.ClassName)).toEqual(['RES', 'LND']);
  });

  it('gives a RETS error with the catalogue text for a refused request', async () => {
    const { session } = await start();
    await session.login();
    const err = await rejection(session.getMetadata({ type: 'METADATA-NOPE', id: '0' }));
    expect(err.info).toMatchObject({ kind: 'rets', transaction: 'GetMetadata', replyCode: 20501, replyText: 'Invalid Type' });
    expect(err.info.hint).toBeTruthy();
  });

  for (const expireWith of [20701, 20037, '401'] as const) {
    it(`logs in again once and retries when the session expires with ${expireWith}`, async () => {
      const { server, session } = await start({ expireWith });
      await session.login();
      server.expire();
      const result = await collect(session.search({ resource: 'Property', class: 'RES', query: '(ListPrice=0+)', limit: 3 }));
      expect(result.rows.length).toBe(3);
      expect(server.logins).toBe(2);
      server.expire();
      let objects = 0;
      for await (const item of session.getObject({ resource: 'Property', type: 'Photo', ids: 'LN1:1' })) if (item.kind === 'object') objects++;
      expect(objects).toBe(1);
      expect(server.logins).toBe(3);
      server.expire();
      const { raw } = await session.getMetadata({ type: 'METADATA-CLASS', id: 'Property' });
      expect(raw).toContain('Residential');
      expect(server.logins).toBe(4);
    });
  }
});
