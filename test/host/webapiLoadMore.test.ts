// "Load more" on a Web API search against the Demo MLS's Web API over real HTTP: the next window
// ($skip = rows shown, $top = the limit) continues exactly where the first stopped, "more
// available" is counted from $skip on (the last window says no more), and the first request the
// host sends is the URL the renderer shows (shared/odata/urls.ts searchUrl), read from its request
// log with trace.get.
import { wireRows } from '../../shared/contract/compactRows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostEvent, TraceDetail, TraceEntry } from '../../shared/contract';
import { searchUrl } from '../../shared/odata/urls';
import { allPages, bearer, clientToken, query } from '../demo-webapi/helpers';
import { call, runOperation, startHarness, type Harness } from './hostHarness';

let h: Harness;
beforeAll(async () => { h = await startHarness({ listings: 300 }); });
afterAll(async () => { await h?.close(); });

const PROFILE = 'demo-webapi';
const filter = 'ListPrice gt 100000';
const select = ['ListingKey', 'ListPrice'];
const odata = { orderby: 'ListPrice desc,ListingKey', count: true };

async function search(skip: number, limit: number) {
  const req = { profileId: PROFILE, protocol: 'webapi', resource: 'Property', class: 'Property', query: filter, select, odata: { ...odata, skip }, options: { limit, count: 0 } } as const;
  const { events, last } = await runOperation(h.host, 'search.start', req);
  const rows = events.flatMap((e) => (e.type === 'search.rows' ? wireRows(e) : []));
  const pages = events.filter((e): e is Extract<HostEvent, { type: 'search.page' }> => e.type === 'search.page');
  return { rows, pages, last, req };
}

async function lastQueryUrl(): Promise<string> {
  const { entries } = await call<{ entries: TraceEntry[] }>(h.host, 'trace.list', { profileId: PROFILE });
  const newest = entries.filter((e) => e.transaction === 'Query').at(-1)!;
  return (await call<TraceDetail>(h.host, 'trace.get', { profileId: PROFILE, id: newest.id })).url;
}

describe('Web API Load more', () => {
  it('the next window continues where the first stopped; the last one says no more', async () => {
    const mls = h.host.demo!;
    const expected = (await allPages(query(mls.webApi.serviceRoot, 'Property', { $filter: filter, $select: select.join(','), $orderby: odata.orderby }), bearer(await clientToken(mls)))).rows
      .map((r) => select.map((c) => String(r[c])));
    expect(expected.length).toBeGreaterThan(40);
    const limit = Math.ceil(expected.length / 2);

    const first = await search(0, limit);
    expect(first.rows).toEqual(expected.slice(0, limit));
    expect(first.pages.at(-1)).toMatchObject({ totalRows: limit, more: true });
    expect(await lastQueryUrl()).toBe(searchUrl(mls.webApi.serviceRoot, 'Property', { ...first.req, ...first.req.options }));

    const next = await search(limit, limit);
    expect([...first.rows, ...next.rows]).toEqual(expected);
    expect(next.pages.at(-1)).toMatchObject({ totalRows: expected.length - limit, more: false });
    expect(next.last).toMatchObject({ type: 'search.done', maxrows: false, count: expected.length });
    expect(await lastQueryUrl()).toBe(searchUrl(mls.webApi.serviceRoot, 'Property', { ...next.req, ...next.req.options }));
    expect(await lastQueryUrl()).toContain(`$skip=${limit}`);
  });
});
