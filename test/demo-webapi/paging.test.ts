// Server-driven paging: the default page size, Prefer: odata.maxpagesize answered with
// Preference-Applied, nextLinks (skiptokens) followed to the end with every row once, $top as a
// total across pages, and the cap on the page size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../electron/demo/webapi/accounts';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { allPages, bearer, clientToken, type Entity, query, request } from './helpers';

const LISTINGS = 2600;
let mls: DemoMls;
let token: string;
beforeAll(async () => {
  mls = await startDemoMls({ listings: LISTINGS, seed: 30 });
  token = await clientToken(mls);
});
afterAll(async () => { await mls.close(); });

const sizes = (pages: { body: Record<string, unknown> }[]) => pages.map((p) => (p.body.value as Entity[]).length);

describe('server-driven paging', () => {
  it('pages by the default size when no page size is asked, with nextLink until the last page', async () => {
    const { rows, pages } = await allPages(query(mls.webApi.serviceRoot, 'Property', { $select: 'ListingKey' }), bearer(token));
    expect(sizes(pages)).toEqual([DEFAULT_PAGE_SIZE, DEFAULT_PAGE_SIZE, LISTINGS - 2 * DEFAULT_PAGE_SIZE]);
    expect(new Set(rows.map((r) => r.ListingKey)).size).toBe(LISTINGS);
    expect(pages[0].headers.get('preference-applied')).toBeNull();
  });

  it('follows Prefer: odata.maxpagesize to the end, every row once, in order, with the count on every page', async () => {
    const filter = "ListPrice ge 100000 and StandardStatus ne 'Closed'";
    const init = bearer(token, { Prefer: 'odata.maxpagesize=150' });
    const { rows, pages } = await allPages(query(mls.webApi.serviceRoot, 'Property', { $filter: filter, $orderby: 'ModificationTimestamp,ListingKey', $select: 'ListingKey,ModificationTimestamp', $count: true }), init);
    const count = pages[0].body['@odata.count'] as number;
    expect(count).toBeGreaterThan(600);
    expect(rows.length).toBe(count);
    expect(new Set(rows.map((r) => r.ListingKey)).size).toBe(count);
    expect(pages.length).toBe(Math.ceil(count / 150));
    for (const p of pages) {
      expect(p.headers.get('preference-applied')).toBe('odata.maxpagesize=150');
      expect(p.body['@odata.count']).toBe(count);
    }
    const stamps = rows.map((r) => r.ModificationTimestamp as string);
    expect(stamps).toEqual([...stamps].sort());
    // The links keep the query as sent, add a skiptoken, and stay under the service root.
    const link = new URL(pages[0].body['@odata.nextLink'] as string);
    expect(link.origin + link.pathname).toBe(`${mls.webApi.serviceRoot}/Property`);
    expect(link.searchParams.get('$filter')).toBe(filter);
    expect(link.searchParams.get('$skiptoken')).toMatch(/^p/);
    expect(pages.at(-1)!.body['@odata.nextLink']).toBeUndefined();
  });

  it('treats $top as a total across pages', async () => {
    const { rows, pages } = await allPages(query(mls.webApi.serviceRoot, 'Property', { $top: 1200, $skip: 10, $select: 'ListingKey' }), bearer(token, { Prefer: 'odata.maxpagesize=500' }));
    expect(sizes(pages)).toEqual([500, 500, 200]);
    expect(rows[0].ListingKey).toBe('500010');
    expect(rows.at(-1)!.ListingKey).toBe('501209');
  });

  it('sends no nextLink for $top=1', async () => {
    const r = await request(query(mls.webApi.serviceRoot, 'Property', { $top: 1 }), bearer(token));
    expect((r.body.value as Entity[]).length).toBe(1);
    expect(r.body['@odata.nextLink']).toBeUndefined();
  });

  it('caps the page size it applies', async () => {
    const r = await request(query(mls.webApi.serviceRoot, 'Property', { $select: 'ListingKey' }), bearer(token, { Prefer: 'return=minimal, odata.maxpagesize=999999' }));
    expect(r.headers.get('preference-applied')).toBe(`odata.maxpagesize=${MAX_PAGE_SIZE}`);
    expect((r.body.value as Entity[]).length).toBe(LISTINGS);
  });

  it('pages Media expanded inside Property rows', async () => {
    const { rows, pages } = await allPages(query(mls.webApi.serviceRoot, 'Property', { $expand: 'Media', $select: 'ListingKey,PhotosCount', $top: 260 }), bearer(token, { Prefer: 'odata.maxpagesize=100' }));
    expect(sizes(pages)).toEqual([100, 100, 60]);
    for (const r of rows) expect((r.Media as Entity[]).length).toBe(r.PhotosCount);
  });
});
