import { describe, expect, it } from 'vitest';
import { createODataPayloadParser, type ODataPayloadEvent, type ODataRowBatch } from '../../shared/odata/payload/index';
import { ODataParseError } from '../../shared/odata/parseError';

const enc = new TextEncoder();

/** Feed `text` split at the given byte positions; collect events. */
function run(text: string | Uint8Array, cuts: number[] = [], select?: string[]): ODataPayloadEvent[] {
  const bytes = typeof text === 'string' ? enc.encode(text) : text;
  const p = createODataPayloadParser({ select });
  const events: ODataPayloadEvent[] = [];
  let from = 0;
  for (const c of [...cuts, bytes.length]) { events.push(...p.push(bytes.subarray(from, c))); from = c; }
  events.push(...p.end());
  return events;
}

function rows(events: ODataPayloadEvent[]): Record<string, string>[] {
  return events.flatMap((e) => (e.kind === 'rows' ? e.batch.toObjects() : []));
}

function batches(events: ODataPayloadEvent[]): ODataRowBatch[] {
  return events.flatMap((e) => (e.kind === 'rows' ? [e.batch] : []));
}

/** Everything a consumer would see, as plain data, for comparing runs. */
function summary(events: ODataPayloadEvent[]): unknown {
  const meta = events.filter((e) => e.kind !== 'rows' && e.kind !== 'columns');
  const cols = events.filter((e) => e.kind === 'columns').pop();
  const all = batches(events);
  return {
    meta, columns: cols && cols.kind === 'columns' ? [...cols.columns] : [],
    rows: all.flatMap((b) => Array.from({ length: b.length }, (_, r) => b.columns.map((_c, c) => [b.get(r, c), b.kind(r, c), b.count(r, c), b.json(r, c)]))),
  };
}

const PAGE = `{"@odata.context":"https://api.example.org/reso/odata/$metadata#Property","@odata.count":"3","value":[
  {"ListingKey":"A1","ListPrice":450000.5,"StandardStatus":"Active","WaterfrontYN":true,"PublicRemarks":"Caf\\u00e9 \\"near\\" the \\ud83c\\udfe0 beach\\n","Media":[{"MediaURL":"https://x/1.jpg","Order":1},{"MediaURL":"https://x/2.jpg","Order":2}],"AccessibilityFeatures":["Ramp","Elevator"]},
  {"ListingKey":"A2","ListPrice":null,"StandardStatus":"Closed","WaterfrontYN":false,"PublicRemarks":"Größe 🏠","Media":[],"AccessibilityFeatures":[]},
  {"StandardStatus":"Pending","ListingKey":"A3","Extra":{"a":[1,{"b":"}"}]}}
],"@odata.nextLink":"https://api.example.org/reso/odata/Property?$skip=3&$top=3"}`;

describe('OData payload parser', () => {
  it('reads a page: context, count as a string, rows, nested Media, collections, nulls, nextLink', () => {
    const ev = run(PAGE);
    expect(ev.filter((e) => e.kind === 'context')).toEqual([{ kind: 'context', context: 'https://api.example.org/reso/odata/$metadata#Property' }]);
    expect(ev.filter((e) => e.kind === 'count')).toEqual([{ kind: 'count', count: 3, raw: '3' }]);
    expect(ev[ev.length - 1]).toEqual({ kind: 'nextLink', url: 'https://api.example.org/reso/odata/Property?$skip=3&$top=3' });
    const [b] = batches(ev);
    expect(b!.columns).toEqual(['ListingKey', 'ListPrice', 'StandardStatus', 'WaterfrontYN', 'PublicRemarks', 'Media', 'AccessibilityFeatures', 'Extra']);
    expect(b!.length).toBe(3);
    expect(b!.row(0)).toEqual(['A1', '450000.5', 'Active', 'true', 'Café "near" the 🏠 beach\n', '[{"MediaURL":"https://x/1.jpg","Order":1},{"MediaURL":"https://x/2.jpg","Order":2}]', '["Ramp","Elevator"]', '']);
    expect(b!.count(0, 5)).toBe(2);
    expect(b!.count(0, 6)).toBe(2);
    expect(b!.kind(0, 5)).toBe('array');
    expect(b!.kind(1, 1)).toBe('null');
    expect(b!.get(1, 1)).toBe('');
    expect(b!.get(1, 4)).toBe('Größe 🏠');
    expect(b!.count(1, 5)).toBe(0);
    expect(b!.kind(1, 5)).toBe('array');
    // The third row has its properties in another order and lacks some.
    expect(b!.row(2)).toEqual(['A3', '', 'Pending', '', '', '', '', '{"a":[1,{"b":"}"}]}']);
    expect(b!.kind(2, 1)).toBe('absent');
    expect(b!.kind(2, 7)).toBe('object');
    expect(b!.json(0, 0)).toBe('"A1"');
  });

  it('gives bytes for export: zero-copy views of plain strings, decoded text of escaped ones', () => {
    const [b] = batches(run(PAGE));
    expect(new TextDecoder().decode(b!.fieldBytes(0, 0))).toBe('A1');
    expect(new TextDecoder().decode(b!.fieldBytes(0, 4))).toBe('Café "near" the 🏠 beach\n');
    expect(new TextDecoder().decode(b!.rawField(0, 4))).toBe('Caf\\u00e9 \\"near\\" the \\ud83c\\udfe0 beach\\n');
    expect(b!.fieldBytes(1, 1).length).toBe(0);
  });

  it('gives the same result whatever the chunk boundaries (every single cut, and every pair of cuts on a small page)', () => {
    const bytes = enc.encode(PAGE);
    const whole = summary(run(bytes));
    for (let c = 0; c <= bytes.length; c++) expect(summary(run(bytes, [c]))).toEqual(whole);
    const small = enc.encode('{"value":[{"a":"x\\u00e9","b":[1,2]},{"a":null,"b":-1.5e3}],"@odata.nextLink":"n"}');
    const smallWhole = summary(run(small));
    for (let c1 = 0; c1 <= small.length; c1++) for (let c2 = c1; c2 <= small.length; c2++) expect(summary(run(small, [c1, c2]))).toEqual(smallWhole);
  });

  it('splits a multi-byte UTF-8 character across chunks and decodes it whole', () => {
    const bytes = enc.encode('{"value":[{"City":"Zürich 🏠"}]}');
    for (let c = 0; c <= bytes.length; c++) expect(rows(run(bytes, [c]))).toEqual([{ City: 'Zürich 🏠' }]);
  });

  it('delivers rows in batches as they arrive, before the body ends', () => {
    const p = createODataPayloadParser();
    const first = p.push(enc.encode('{"value":[{"K":"1"},{"K":"2"},{"K":"'));
    expect(batches(first).map((b) => b.length)).toEqual([2]);
    const second = p.push(enc.encode('3"}]}'));
    expect(batches(second)[0]!.get(0, 0)).toBe('3');
    expect(p.end()).toEqual([]);
  });

  it('reads a single entity (by key) as one row, with its annotations', () => {
    const ev = run('{"@odata.context":"https://h/$metadata#Property/$entity","@odata.etag":"W/\\"1\\"","ListingKey":"A1","value":5,"Media":[{"K":1}]}');
    expect(ev.map((e) => e.kind)).toEqual(['context', 'annotation', 'entity', 'columns', 'rows']);
    expect(rows(ev)).toEqual([{ ListingKey: 'A1', value: '5', Media: '[{"K":1}]' }]);
    expect(ev[1]).toEqual({ kind: 'annotation', name: '@odata.etag', value: 'W/"1"' });
    // Without a context: any object with properties that is not a value array is an entity.
    expect(rows(run('{"ListingKey":"A1","ListPrice":1}'))).toEqual([{ ListingKey: 'A1', ListPrice: '1' }]);
  });

  it('reads a collection of primitives as rows of one column "value"', () => {
    expect(rows(run('{"value":["Ramp","Elevator",3,null,[1]]}'))).toEqual([{ value: 'Ramp' }, { value: 'Elevator' }, { value: '3' }, { value: '' }, { value: '[1]' }]);
  });

  it('orders columns by $select, then properties the server adds', () => {
    const [b] = batches(run('{"value":[{"B":"2","A":"1","C":"3"}]}', [], ['A', 'B']));
    expect(b!.columns).toEqual(['A', 'B', 'C']);
    expect(b!.row(0)).toEqual(['1', '2', '3']);
  });

  it('counts numbers as sent and reports a count that is not a number', () => {
    expect(run('{"@odata.count":12,"value":[]}').filter((e) => e.kind === 'count')).toEqual([{ kind: 'count', count: 12, raw: '12' }]);
    expect(run('{"@odata.count":"many","value":[]}').find((e) => e.kind === 'warning')).toMatchObject({ message: expect.stringContaining('many') });
  });

  it('rejects broken bodies with typed errors', () => {
    const fails = (t: string, kind: string) => expect(() => run(t)).toThrow(expect.objectContaining({ name: 'ODataParseError', kind }));
    fails('', 'truncated');
    fails('{"value":[{"a":1}', 'truncated');
    fails('{"value":[{"a":"x', 'truncated');
    fails('<html><body>Error</body></html>', 'syntax');
    fails('[1,2]', 'syntax');
    fails('{"a":1]', 'syntax');
    fails('{"a":tru}', 'syntax');
    fails('{"a" 1}', 'syntax');
    fails('{"a":1} x', 'syntax');
    fails('{a:1}', 'syntax');
    expect(() => run('{"a":1}{')).toThrow(ODataParseError);
  });
});

describe('OData payload parser on a long page', () => {
  function page(n: number): string {
    const rowsText: string[] = [];
    for (let i = 0; i < n; i++) {
      rowsText.push(JSON.stringify({
        ListingKey: `K${i}`, ListPrice: i * 1000 + 0.25, City: i % 7 ? 'Springfield' : 'Zürich "Nord"', Remarks: 'x'.repeat(i % 300),
        Media: i % 10 ? [] : [{ MediaURL: `https://m/${i}.jpg`, Order: 1 }], Features: i % 3 ? null : ['A', 'B', 'C'],
      }));
    }
    return `{"@odata.context":"c","value":[${rowsText.join(',')}],"@odata.nextLink":"next"}`;
  }

  it('reads the same rows whatever the chunk size, carrying only the unfinished row between chunks', () => {
    const bytes = enc.encode(page(2000));
    const expected = (JSON.parse(page(2000)) as { value: Record<string, unknown>[] }).value;
    for (const size of [7, 1000, 65536, 300_000]) {
      const p = createODataPayloadParser();
      const events: ODataPayloadEvent[] = [];
      for (let i = 0; i < bytes.length; i += size) events.push(...p.push(bytes.subarray(i, i + size)));
      events.push(...p.end());
      const got = rows(events);
      expect(got).toHaveLength(2000);
      got.forEach((r, i) => {
        const e = expected[i]!;
        expect(r.ListingKey).toBe(e.ListingKey);
        expect(r.City).toBe(e.City);
        expect(r.ListPrice).toBe(String(e.ListPrice));
        expect(r.Media).toBe(JSON.stringify(e.Media));
        expect(r.Features).toBe(e.Features === null ? '' : JSON.stringify(e.Features));
      });
      expect(events[events.length - 1]).toEqual({ kind: 'nextLink', url: 'next' });
      if (size === 1000) expect(batches(events).length).toBeGreaterThan(100);
    }
  });
});

describe('rows in another order than the columns', () => {
  it('reads rows whose properties come in the server order, not the $select order, narrow and wide', () => {
    const names = Array.from({ length: 40 }, (_, i) => `F${i}`);
    const row = (r: number, keys: string[]) => `{${keys.map((k) => `"${k}":"${k}-${r}"`).join(',')}}`;
    const reversed = [...names].reverse();
    const body = `{"value":[${row(0, reversed)},${row(1, reversed)},${row(2, reversed.filter((_, i) => i % 3))},${row(3, ['F5', 'F1'])},${row(4, reversed)}]}`;
    const [b] = batches(run(body, [], names));
    expect(b!.columns).toEqual(names);
    for (const r of [0, 1, 4]) expect(b!.row(r)).toEqual(names.map((n) => `${n}-${r}`));
    expect(b!.row(2)).toEqual(names.map((n) => (reversed.indexOf(n) % 3 ? `${n}-2` : '')));
    expect(b!.row(3)).toEqual(names.map((n) => (n === 'F5' || n === 'F1' ? `${n}-3` : '')));
  });
});
