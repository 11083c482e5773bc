// Query options over real HTTP, checked against the generated data read directly (not through the
// Web API's code): $filter, $select, $orderby, $top, $skip, $count, $expand=Media, entities by key,
// and the 400/404 OData errors for mistakes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_MS, createDataset, KEY_BASE, type Dataset } from '../../electron/demo/dataset';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { readServerError } from '../../shared/odata/errors';
import { allPages, bearer, clientToken, type Entity, query, request } from './helpers';

const LISTINGS = 700;
const SEED = 8;
let mls: DemoMls;
let token: string;
let ds: Dataset;
beforeAll(async () => {
  mls = await startDemoMls({ listings: LISTINGS, seed: SEED });
  token = await clientToken(mls);
  ds = createDataset(LISTINGS, SEED);
});
afterAll(async () => { await mls.close(); });

const key = (i: number) => String(KEY_BASE.listing + i);
const rowsWhere = (test: (i: number) => boolean) => Array.from({ length: LISTINGS }, (_, i) => i).filter(test);
const get = (options: Record<string, string | number | boolean>, root = mls.webApi.serviceRoot, set = 'Property') => allPages(query(root, set, options), bearer(token));
const keysOf = (rows: Entity[]) => rows.map((r) => r.ListingKey);

describe('$filter through the shared evaluator', () => {
  const CASES: [string, (i: number) => boolean][] = [
    ["ListPrice gt 300000 and StandardStatus eq 'Active'", (i) => ds.price[i] > 300000 && ds.status[i] === 0],
    ["StandardStatus in ('Active','Pending')", (i) => ds.status[i] === 0 || ds.status[i] === 2],
    ["PropertyType eq 'RES' and BedroomsTotal ge 4", (i) => ds.cls[i] === 0 && ds.beds[i] >= 4],
    ['Media/any(m: m/Order eq 20)', (i) => ds.photos[i] >= 20],
    ['year(ListingContractDate) eq 2025', (i) => new Date(BASE_MS + ds.listDay[i] * 86400000).getUTCFullYear() === 2025],
    ['ModificationTimestamp gt 2026-06-01T00:00:00Z', (i) => BASE_MS + ds.modSec[i] * 1000 > Date.UTC(2026, 5, 1)],
    ["not (StandardStatus eq 'Closed') and PhotosCount eq 0", (i) => ds.status[i] !== 3 && ds.photos[i] === 0],
  ];
  it.each(CASES)('%s', async (filter, test) => {
    const { rows, pages } = await get({ $filter: filter, $select: 'ListingKey', $count: true });
    const want = rowsWhere(test).map(key);
    expect(want.length).toBeGreaterThan(0);
    expect(keysOf(rows)).toEqual(want);
    expect(pages[0].body['@odata.count']).toBe(want.length);
  });

  it('filters collections with lambdas (any over a string lookup collection)', async () => {
    const { rows: all } = await get({ $select: 'ListingKey,Appliances' });
    const { rows } = await get({ $filter: "Appliances/any(a: a eq 'Washer')", $select: 'ListingKey' });
    const want = all.filter((r) => (r.Appliances as string[]).includes('Washer')).map((r) => r.ListingKey);
    expect(want.length).toBeGreaterThan(0);
    expect(keysOf(rows)).toEqual(want);
  });

  it('takes enum literals with the vendor namespace on the EnumType root', async () => {
    const { pages } = await get({ $filter: "StandardStatus has DemoMLS.Enums.StandardStatus'Closed'", $count: true, $top: 0 }, mls.webApi.enumServiceRoot);
    expect(pages[0].body['@odata.count']).toBe(rowsWhere((i) => ds.status[i] === 3).length);
    expect(pages[0].body.value).toEqual([]);
  });
});

describe('$select, $orderby, $top, $skip, $count, $expand', () => {
  it('returns only the selected properties, with the selection in the context URL', async () => {
    const { rows, pages } = await get({ $select: 'ListingKey,ListPrice,City', $top: 3 });
    expect(rows.map((r) => Object.keys(r))).toEqual([['ListingKey', 'ListPrice', 'City'], ['ListingKey', 'ListPrice', 'City'], ['ListingKey', 'ListPrice', 'City']]);
    expect(rows[0].ListPrice).toBe(ds.price[0]);
    expect(pages[0].body['@odata.context']).toBe(`${mls.webApi.serviceRoot}/$metadata#Property(ListingKey,ListPrice,City)`);
  });

  it('orders by several keys, ascending and descending, then windows with $skip and $top', async () => {
    const order = rowsWhere(() => true).sort((a, b) => ds.cls[a] - ds.cls[b] || ds.price[b] - ds.price[a] || a - b);
    const classes = ['RES', 'CND', 'LND', 'COM', 'RNT'];
    const byClass = (a: number, b: number) => (classes[a] < classes[b] ? -1 : classes[a] > classes[b] ? 1 : 0);
    const want = rowsWhere(() => true).sort((a, b) => byClass(ds.cls[a], ds.cls[b]) || ds.price[b] - ds.price[a] || a - b).map(key);
    expect(order.length).toBe(LISTINGS);
    const { rows } = await get({ $orderby: 'PropertyType asc,ListPrice desc', $select: 'ListingKey' });
    expect(keysOf(rows)).toEqual(want);
    const { rows: window, pages } = await get({ $orderby: 'PropertyType,ListPrice desc', $select: 'ListingKey', $skip: 40, $top: 25, $count: true });
    expect(keysOf(window)).toEqual(want.slice(40, 65));
    expect(pages[0].body['@odata.count']).toBe(LISTINGS);
    expect(pages[0].body['@odata.nextLink']).toBeUndefined();
  });

  it('puts nulls first in ascending order', async () => {
    const { rows } = await get({ $orderby: 'ClosePrice', $select: 'ListingKey,ClosePrice', $top: 5 });
    expect(rows.map((r) => r.ClosePrice)).toEqual([null, null, null, null, null]);
    const { rows: desc } = await get({ $orderby: 'ClosePrice desc', $select: 'ClosePrice', $top: 1 });
    expect(typeof desc[0].ClosePrice).toBe('number');
  });

  it('expands Media as an array inside each row', async () => {
    const { rows } = await get({ $expand: 'Media', $select: 'ListingKey,PhotosCount', $top: 30 });
    for (const [n, r] of rows.entries()) {
      const media = r.Media as Entity[];
      expect(media.length).toBe(ds.photos[n]);
      expect(r.PhotosCount).toBe(ds.photos[n]);
      expect(media.map((m) => m.Order)).toEqual(media.map((_, k) => k + 1));
      for (const m of media) {
        expect(m.ResourceRecordKey).toBe(key(n));
        expect(m.MediaURL).toBe(`${mls.baseUrl}/rets/media/${key(n)}/${m.Order as number}.png`);
      }
    }
    expect(rows.some((r) => (r.Media as Entity[]).length === 0)).toBe(true);
  });

  it('serves one entity by key, at top level', async () => {
    const r = await request(`${mls.webApi.serviceRoot}/Property('${key(42)}')?$select=ListingKey,ListPrice`, bearer(token));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ '@odata.context': `${mls.webApi.serviceRoot}/$metadata#Property(ListingKey,ListPrice)/$entity`, ListingKey: key(42), ListPrice: ds.price[42] });
    const missing = await request(`${mls.webApi.serviceRoot}/Property('999')`, bearer(token));
    expect(missing.status).toBe(404);
  });

  it('answers /$count with the number of matches as plain text', async () => {
    const r = await request(query(mls.webApi.serviceRoot, 'Property/$count', { $filter: "StandardStatus eq 'Active'" }), bearer(token));
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(r.text).toBe(String(rowsWhere((i) => ds.status[i] === 0).length));
  });

  it('pages the Lookup resource with $top, $skip and $count', async () => {
    const { pages } = await get({ $count: true, $top: 4, $skip: 2 }, mls.webApi.serviceRoot, 'Lookup');
    expect((pages[0].body.value as Entity[]).length).toBe(4);
    expect(pages[0].body['@odata.count']).toBeGreaterThan(100);
  });
});

describe('mistakes get OData errors that name the problem', () => {
  const ERRORS: [string, Record<string, string>, number, string, string, RegExp][] = [
    ['an unknown field in $filter', { $filter: 'ListPrise gt 1' }, 400, 'InvalidProperty', '$filter', /ListPrise/],
    ['a field with the wrong case', { $filter: 'listprice gt 1' }, 400, 'InvalidProperty', '$filter', /ListPrice/],
    ['a syntax error', { $filter: 'ListPrice gt' }, 400, 'InvalidFilter', '$filter', /Syntax/],
    ['a lookup value the Lookup resource lacks', { $filter: "StandardStatus eq 'Sold'" }, 400, 'InvalidFilter', '$filter', /Sold/],
    ['an unknown $select field', { $select: 'ListingKey,Nope' }, 400, 'InvalidProperty', '$select', /Nope/],
    ['$orderby on a collection', { $orderby: 'Appliances' }, 400, 'InvalidQueryOption', '$orderby', /collection/],
    ['a negative $top', { $top: '-1' }, 400, 'InvalidQueryOption', '$top', /whole number/],
    ['an unknown option', { $fitler: 'x' }, 400, 'InvalidQueryOption', '$fitler', /\$filter/],
    ['a $skiptoken we did not issue', { $skiptoken: '1000' }, 400, 'InvalidSkipToken', '$skiptoken', /nextLink/],
    ['an unsupported $expand', { $expand: 'ListAgent' }, 400, 'InvalidQueryOption', '$expand', /Media/],
  ];
  it.each(ERRORS)('%s', async (_, options, status, code, target, message) => {
    const r = await request(query(mls.webApi.serviceRoot, 'Property', options), bearer(token));
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    const e = readServerError(r.text, r.headers.get('content-type') ?? '');
    expect(e.shape).toBe('odata');
    expect(e.code).toBe(code);
    expect(e.target).toBe(target);
    expect(e.message).toMatch(message);
  });

  it('answers 404 for an entity set that does not exist, naming the right case', async () => {
    const r = await request(`${mls.webApi.serviceRoot}/property`, bearer(token));
    expect(r.status).toBe(404);
    expect(readServerError(r.text).message).toMatch(/case-sensitive: Property/);
  });
});
