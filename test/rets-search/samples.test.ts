// Every search sample of the shared corpus through the streaming search parsers, with concrete
// expectations for each vendor's shape.
import { describe, expect, it } from 'vitest';
import { collectSearch } from '../../shared/rets/search/index';
import { isRetsError } from '../../shared/rets/errors';
import { sample, samplesOf } from '../samples/corpus';

const LIB = 'NationalAssociationOfRealtors__libRETS/project/librets';
const FLEX = 'troydavisson__PHRETS/tests/Integration/Fixtures/Http/get/retsgw.flexmls.com/rets2_1_Search';

interface Expect { count: number | null; columns: number; rows: number; maxRows: boolean; replyCode?: number; cell?: [number, string, string] }
const expected: Record<string, Expect> = {
  'Homefinder__ruby-rets/spec/responses/search/success.txt': { count: 2, columns: 5, rows: 2, maxRows: false, cell: [0, 'BATHS', '1.000000'] },
  [`${LIB}/test-network/src/resources/search.1`]: { count: 160, columns: 4, rows: 160, maxRows: false, cell: [159, 'ListingID', 'LN000159'] },
  [`${LIB}/test-network/src/resources/search.2`]: { count: 30, columns: 26, rows: 30, maxRows: false, cell: [0, 'AgentID', 'agent07'] },
  [`${LIB}/test/src/resources/raw-search`]: { count: 160, columns: 4, rows: 160, maxRows: false, cell: [0, 'City', 'Chicago'] },
  [`${LIB}/test/src/resources/search-response-extended-utf8.xml`]: { count: 1, columns: 3, rows: 1, maxRows: false, cell: [0, 'LastName', 'Núñez'] },
  [`${LIB}/test/src/resources/search-response-no-count.xml`]: { count: null, columns: 4, rows: 2, maxRows: false, cell: [1, 'City', 'Buffalo Grove'] },
  [`${LIB}/test/src/resources/search-response-no-final-tab.xml`]: { count: 2, columns: 4, rows: 2, maxRows: false, cell: [1, 'ListDate', '2004-05-30'] },
  [`${LIB}/test/src/resources/search-response.xml`]: { count: 2, columns: 4, rows: 2, maxRows: true, replyCode: 20208, cell: [0, 'ListPrice', '250000'] },
  'estately__rets/test/fixtures.rb__COUNT_ONLY.xml': { count: 1234, columns: 0, rows: 0, maxRows: false },
  'estately__rets/test/fixtures.rb__SAMPLE_COMPACT_WITH_SPECIAL_CHARS.xml': { count: null, columns: 5, rows: 1, maxRows: false, cell: [0, 'PublicRemarksNew', 'porte-cochère welcomes '] },
  'josephholsten__rets4r/test/fixtures/count_only_compact.xml': { count: 1024, columns: 0, rows: 0, maxRows: false },
  'josephholsten__rets4r/test/fixtures/search_compact.xml': { count: 4, columns: 3, rows: 2, maxRows: true, cell: [1, 'Third', 'Datum6'] },
  'josephholsten__rets4r/test/fixtures/search_compact_big.xml': { count: 4, columns: 3, rows: 130, maxRows: true, cell: [129, 'First', 'Datum4'] },
  'mslosarek__node-rets/test/data/properties.xml': { count: 1000, columns: 377, rows: 2, maxRows: false, cell: [0, 'EstimatedAgeRange', '21+ Years'] },
  'mslosarek__node-rets/test/data/properties_compact.xml': { count: 1000, columns: 376, rows: 2, maxRows: true, cell: [0, 'EstimatedAgeRange', '21+ Years'] },
  'mslosarek__node-rets/test/data/property_crea_standard.xml': { count: 1, columns: 321, rows: 1, maxRows: false, cell: [0, 'ListingID', '30707930'] },
  'refindlyllc__rets/tests/rets_responses/COMPACT-DECODED/Search_1of2.xml': { count: 6, columns: 208, rows: 3, maxRows: true, cell: [0, 'AdditionalRooms', 'Laundry in Residence,Screened Lanai/Porch'] },
  [`${FLEX}/71fb8c90d106cf1f88c5687044918787.txt`]: { count: 40, columns: 1, rows: 10, maxRows: false, cell: [0, 'LIST_1', '20051213200954781919000000'] },
  [`${FLEX}/7580aa7ffcd519406def9899f7efbb41.txt`]: { count: 9057, columns: 2, rows: 3, maxRows: true, cell: [0, 'LIST_105', '12-5'] },
  [`${FLEX}/772dbb6548885978fd7b656175e0b817.txt`]: { count: 9057, columns: 9, rows: 3, maxRows: true, cell: [0, 'LIST_0', '20000426143505724628000000'] },
  [`${FLEX}/77bebac441fa391975e56cb720f2d7e7.txt`]: { count: 40, columns: 1, rows: 15, maxRows: true, cell: [0, 'LIST_1', '20140904164308260560000000'] },
  [`${FLEX}/e9f250f06854ab0e94b017681e91c7bd.txt`]: { count: null, columns: 1, rows: 15, maxRows: true, cell: [14, 'LIST_1', '20080709224752957490000000'] },
  [`${FLEX}/f32d4206aad8af73adadb03e5b066e0e.txt`]: { count: null, columns: 1, rows: 10, maxRows: false, cell: [9, 'LIST_1', '20040224214007640626000000'] },
  'troydavisson__PHRETS/tests/Integration/Fixtures/VCR/Search/basic_search.json#1': { count: 182, columns: 9, rows: 3, maxRows: true, cell: [0, 'LIST_1', '20170119203842554091000000'] },
  'troydavisson__PHRETS/tests/Integration/Fixtures/VCR/Search/it_limits_fields.json#1': { count: 182, columns: 2, rows: 3, maxRows: true, cell: [0, 'LIST_105', '00-1941'] },
};

const label = (s: { file: string; index: number }) => `${s.file}#${s.index}`;

describe('search samples', () => {
  it.each(samplesOf('search').map((s) => [label(s), s] as const))('%s parses to consistent rows', (_l, s) => {
    const r = collectSearch(s.body);
    expect(r.replyCode).toBe((expected[s.file] ?? expected[label(s)])?.replyCode ?? 0);
    for (const row of r.rows) expect(row).toHaveLength(r.columns.length);
    if (r.rows.length > 0) expect(r.columns.length).toBeGreaterThan(0);
    if (r.count !== null && !r.maxRows) expect(r.rows.length).toBeLessThanOrEqual(r.count);
    expect(r.count !== null || r.rows.length > 0 || r.replyCode !== 0).toBe(true);
  });

  it.each(Object.entries(expected))('%s has the recorded content', (file, e) => {
    const [name, index] = file.split('#');
    const r = collectSearch(sample(name, Number(index ?? 0)).body);
    expect(r.count).toBe(e.count);
    expect(r.columns).toHaveLength(e.columns);
    expect(r.rows).toHaveLength(e.rows);
    expect(r.maxRows).toBe(e.maxRows);
    if (e.cell) {
      const [row, column, value] = e.cell;
      expect(r.rows[row][r.columns.indexOf(column)]).toBe(value);
    }
  });

  it('reads the paged flexmls pull: 13 pages of LIST_1, MAXROWS on all but the last', () => {
    const pages = samplesOf('search').filter((s) => s.file.endsWith('it_recursively_retrieves_all_results.json'));
    expect(pages).toHaveLength(13);
    const results = pages.map((p) => collectSearch(p.body));
    expect(results.map((r) => r.maxRows)).toEqual([...Array(12).fill(true), false]);
    expect(results.reduce((n, r) => n + r.rows.length, 0)).toBe(181);
    expect(new Set(results.flatMap((r) => r.rows.map((x) => x[0]))).size).toBe(181);
  });

  it('gives the same rows for STANDARD-XML and COMPACT of one server', () => {
    const xml = collectSearch(sample('mslosarek__node-rets/test/data/properties.xml').body, 'STANDARD-XML');
    const cmp = collectSearch(sample('mslosarek__node-rets/test/data/properties_compact.xml').body, 'COMPACT');
    for (const name of ['ListPrice', 'YearBuilt', 'EstimatedAgeRange']) {
      expect(xml.rows.map((r) => r[xml.columns.indexOf(name)])).toEqual(cmp.rows.map((r) => r[cmp.columns.indexOf(name)]));
    }
    expect(xml.rows[0][xml.columns.indexOf('ListPrice')]).toBe('299900.0');
  });

  it('flattens CREA DDF nested records with paths for repeated leaf names', () => {
    const r = collectSearch(sample('mslosarek__node-rets/test/data/property_crea_standard.xml').body);
    expect(r.columns.slice(0, 4)).toEqual(['ID', 'LastUpdated', 'ListingID', 'Name']);
    expect(r.rows[0][0]).toBe('20270724');
    expect(r.rows[0][r.columns.indexOf('AgentDetails/Office/Name')]).toBe('RE/MAX NIAGARA REALTY LTD,BROKERAGE');
  });
});

describe('search error samples', () => {
  const errors: [string, number][] = [
    [`${LIB}/test/src/resources/search-response-error.xml`, 20205],
    [`${LIB}/test/src/resources/search-response-no-records.xml`, 20201],
    ['Homefinder__ruby-rets/spec/responses/search/error.txt', 20000],
    ['troydavisson__PHRETS/tests/Integration/Fixtures/VCR/Search/it_throws_an_exception_when_making_a_bad_request.7.2.json', 20203],
  ];
  it.each(errors)('%s reports ReplyCode %d with no rows', (file, code) => {
    const s = samplesOf('error').find((x) => x.file === file) ?? sample(file, 1);
    const r = collectSearch(s.body);
    expect(r.replyCode).toBe(code);
    expect(r.rows).toEqual([]);
    expect(r.replyText.length).toBeGreaterThan(0);
  });

  it('an HTML page where XML was expected is a typed parse error naming the page', () => {
    const s = sample('estately__rets/test/fixtures.rb__HTML_AUTH_FAILURE.html');
    let err: unknown;
    try { collectSearch(s.body); } catch (e) { err = e; }
    expect(isRetsError(err)).toBe(true);
    expect((err as { info: { kind: string; message: string } }).info.kind).toBe('parse');
    expect((err as Error).message).toMatch(/HTML page/);
  });
});
