// Search over real HTTP: the rows returned are exactly those the shared DMQL2 evaluator selects
// from the same data; formats, Count, Select, Limit/Offset, StandardNames, MAXROWS and reply codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, compile, parse } from '../../shared/dmql';
import { buildCatalog } from '../../electron/demo/catalog';
import { createDataset } from '../../electron/demo/dataset';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { buildMetadata } from '../../electron/demo/metadataModel';
import { get, login, replyCode } from './helpers';

const LISTINGS = 1500;
const SEED = 21;
let mls: DemoMls;
let cookie: string;
beforeAll(async () => {
  mls = await startDemoMls({ listings: LISTINGS, seed: SEED, maxRows: 400 });
  cookie = (await login(mls.loginUrl)).cookie;
});
afterAll(async () => { await mls.close(); });

const search = (q: Record<string, string>) => get(`${mls.baseUrl}/rets/search?${new URLSearchParams(q)}`, { Cookie: cookie });

/** Parses a COMPACT body into column names and rows. */
function compact(text: string): { columns: string[]; rows: string[][]; count?: number; maxrows: boolean } {
  const columns = (/<COLUMNS>\t(.*)\t<\/COLUMNS>/.exec(text)?.[1] ?? '').split('\t');
  const rows = [...text.matchAll(/<DATA>\t(.*)\t<\/DATA>/g)].map((m) => m[1].split('\t'));
  const c = /<COUNT Records="(\d+)"/.exec(text);
  return { columns, rows, count: c ? Number(c[1]) : undefined, maxrows: text.includes('<MAXROWS') };
}

/** The keys the evaluator selects, computed here from an independently built copy of the data. */
let copy: { catalog: ReturnType<typeof buildCatalog>; md: ReturnType<typeof buildMetadata> } | undefined;
function expectedKeys(resource: string, cls: string, query: string, standardNames = false): string[] {
  if (!copy) {
    const catalog = buildCatalog(createDataset(LISTINGS, SEED), () => mls.baseUrl);
    copy = { catalog, md: buildMetadata(catalog) };
  }
  const { catalog, md } = copy;
  const demo = catalog.find((r) => r.id === resource)!.classes.find((c) => c.name === cls)!;
  const predicate = compile(parse(query).ast!, buildSchema(md, resource, cls, { standardNames }));
  const byName = new Map(demo.fields.map((f) => [standardNames ? f.standardName : f.systemName, f.get]));
  const out: string[] = [];
  for (let k = 0; k < demo.count; k++) {
    const row = demo.row(k);
    if (predicate((col) => byName.get(col)?.(row))) out.push(demo.fields[0].get(row));
  }
  return out;
}

describe('Search: rows match the DMQL2 evaluator', () => {
  const cases: [string, string, string][] = [
    ['Property', 'RES', '(L_Status=|A,P),(L_ListPrice=200000-450000)'],
    ['Property', 'RES', '(LFD_INTERIOR=+1,2)|(LIST_66=5+)'],
    ['Property', 'CND', '~(L_City=|RIVERTON,FAIRVIEW),(L_ListDate=2025-01-01+)'],
    ['Property', 'LND', '(L_Area=|100,101,102,103,104,105,106,107,108,109,110)'],
    ['Property', 'RNT', '(L_AddressStreet=Ma*),(L_UpdateDate=2025-06-01T00:00:00+)'],
    ['Property', 'COM', '(LIST_57=.EMPTY.)|(LIST_182=100000-)'],
    ['Agent', 'Agent', '(U_LastName=S*),(U_Languages=|2)'],
    ['OpenHouse', 'OpenHouse', '(OH_Type=|PUB)'],
    ['Media', 'Media', '(M_Order=1),(M_ResourceRecordKey=500000-500100)'],
    ['Property', 'RES', '(L_ListPrice=1+)'], // more than the server's 400-row cap: MAXROWS
    ['Property', 'ALL', '(L_Class=RES,CND),(L_Status=|S)'],
  ];
  for (const [res, cls, query] of cases) {
    it(`${res}:${cls} ${query}`, async () => {
      const want = expectedKeys(res, cls, query);
      const r = await search({ SearchType: res, Class: cls, Query: query, Format: 'COMPACT', Limit: 'NONE', Count: '1' });
      expect(want.length).toBeGreaterThan(0);
      const got = compact(r.text);
      expect(replyCode(r.text)).toBe(0);
      expect(got.count).toBe(want.length);
      const keyCol = got.columns.indexOf(res === 'Property' ? 'L_ListingKey' : got.columns[0]);
      expect(got.rows.map((row) => row[keyCol])).toEqual(want.slice(0, 400));
      expect(got.maxrows).toBe(want.length > 400);
    });
  }
});

describe('Search arguments', () => {
  const q = { SearchType: 'Property', Class: 'RES', Query: '(L_Status=|A)', Format: 'COMPACT' };

  it('Select picks columns in order; Limit and Offset page through the same rows', async () => {
    const all = compact((await search({ ...q, Select: 'L_ListingKey,L_ListPrice', Limit: '30' })).text);
    expect(all.columns).toEqual(['L_ListingKey', 'L_ListPrice']);
    expect(all.rows).toHaveLength(30);
    const page2 = compact((await search({ ...q, Select: 'L_ListingKey,L_ListPrice', Limit: '10', Offset: '11' })).text);
    expect(page2.rows).toEqual(all.rows.slice(10, 20));
  });

  it('Count=2 gives only the count; Count=1 the count and rows', async () => {
    const r = await search({ ...q, Count: '2' });
    expect(r.text).toMatch(/<COUNT Records="\d+" \/>/);
    expect(r.text).not.toContain('<DATA>');
    const n = Number(/Records="(\d+)"/.exec(r.text)![1]);
    expect(n).toBe(expectedKeys('Property', 'RES', '(L_Status=|A)').length);
  });

  it('COMPACT-DECODED writes lookup LongValues, multi-values joined with commas', async () => {
    const r = compact((await search({ ...q, Format: 'COMPACT-DECODED', Select: 'L_Status,LFD_INTERIOR', Query: '(L_Status=|A),(LFD_INTERIOR=|1)', Limit: '5' })).text);
    for (const row of r.rows) {
      expect(row[0]).toBe('Active');
      expect(row[1].split(',')).toContain('Bar');
    }
  });

  it('STANDARD-XML writes one element per record with a child per field', async () => {
    const r = await search({ ...q, Format: 'STANDARD-XML', Select: 'L_ListingKey,L_Status', Limit: '2' });
    expect(r.text).toMatch(/<REData>\r\n<Properties>\r\n<Residential><L_ListingKey>\d+<\/L_ListingKey><L_Status>Active<\/L_Status><\/Residential>/);
  });

  it('StandardNames=1 takes and gives RESO names', async () => {
    const r = compact((await search({ SearchType: 'Property', Class: 'Residential', StandardNames: '1', Query: '(StandardStatus=|A),(ListPrice=300000+)', Select: 'ListingKey,ListPrice', Format: 'COMPACT', Limit: 'NONE' })).text);
    expect(r.columns).toEqual(['ListingKey', 'ListPrice']);
    expect(r.rows.map((x) => x[0])).toEqual(expectedKeys('Property', 'RES', '(StandardStatus=|A),(ListPrice=300000+)', true).slice(0, 400));
  });

  it('answers the reply code for each mistake', async () => {
    expect(replyCode((await search({ ...q, Query: '(Nope=1)' })).text)).toBe(20200);
    expect(replyCode((await search({ ...q, Query: '(L_Status=|QQ)' })).text)).toBe(20200);
    expect(replyCode((await search({ ...q, Query: '(L_ListPrice=0-1)' })).text)).toBe(20201);
    expect(replyCode((await search({ ...q, Select: 'L_ListPrice,Bogus' })).text)).toBe(20202);
    expect(replyCode((await search({ ...q, QueryType: 'SQL' })).text)).toBe(20203);
    expect(replyCode((await search({ ...q, SearchType: 'House' })).text)).toBe(20203);
    expect(replyCode((await search({ ...q, Class: 'XYZ' })).text)).toBe(20203);
    expect(replyCode((await search({ ...q, Limit: 'lots' })).text)).toBe(20203);
    expect(replyCode((await search({ ...q, Query: '(L_Status=|A' })).text)).toBe(20206);
    expect(replyCode((await search({ ...q, Query: '' })).text)).toBe(20206);
    expect(replyCode((await search({ ...q, Query: '(L_ListPrice=cheap)' })).text)).toBe(20206);
    expect(replyCode((await search({ ...q, Format: 'STANDARD-XML:2.0' })).text)).toBe(20514);
    expect(replyCode((await search({ ...q, Offset: '999999' })).text)).toBe(20201);
  });
});
