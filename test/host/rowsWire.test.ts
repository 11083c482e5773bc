// search.rows batches (electron/host/rowsWire.ts, shared/contract/compactRows.ts): what the grid
// reads from a batch is what the parser's batch holds, cell for cell, on every recorded search
// and on hostile bodies: entities (one of them the delimiter), UTF-8, windows-1252, ragged rows,
// rows with and without the leading and trailing delimiter, Web API values that are JSON.
import { describe, expect, it } from 'vitest';
import { CompactRows, wireRows } from '../../shared/contract/compactRows';
import { HostEvent } from '../../shared/contract';
import { createSearchParser } from '../../shared/rets/search/index';
import type { RowBatch } from '../../shared/rets/search/types';
import { createODataPayloadParser } from '../../shared/odata/payload/parser';
import { toWire } from '../../electron/host/rowsWire';
import { samplesOf } from '../samples/corpus';

function batchesOf(body: Uint8Array, chunk = body.length): RowBatch[] {
  const p = createSearchParser('auto');
  const out: RowBatch[] = [];
  const take = (evs: ReturnType<typeof p.end>) => { for (const e of evs) if (e.kind === 'rows') out.push(e.batch); };
  for (let i = 0; i < body.length; i += chunk) take(p.push(body.subarray(i, i + chunk)));
  take(p.end());
  return out;
}

/** Every batch cut into wire batches of `per` rows reads back as the parser's rows. */
function expectSame(batches: RowBatch[], per = 3): number {
  let n = 0;
  for (const b of batches) {
    for (let i = 0; i < b.length; i += per) {
      const w = toWire(b, i, Math.min(b.length, i + per));
      // The event carrying it is valid and survives JSON (how it crosses to the renderer).
      const e = HostEvent.parse(JSON.parse(JSON.stringify({ type: 'search.rows', operationId: 'op-1', start: i, ...w })));
      expect(e.type === 'search.rows' && wireRows(e)).toEqual(Array.from({ length: w.count }, (_, r) => b.row(i + r)));
      n += w.count;
    }
  }
  return n;
}

const enc = new TextEncoder();
const compact = (delim: string, cols: string, rows: string[]) =>
  `<RETS ReplyCode="0" ReplyText="OK"><DELIMITER value="${delim}"/><COLUMNS>${cols}</COLUMNS>${rows.map((r) => `<DATA>${r}</DATA>`).join('\n')}</RETS>`;

describe('search.rows batches', () => {
  it('read back as the parser reads every recorded COMPACT and STANDARD-XML search', () => {
    let rows = 0;
    for (const s of samplesOf('search')) rows += expectSame(batchesOf(s.body), 7);
    expect(rows).toBeGreaterThan(50);
  });

  it('carry COMPACT rows as text with the delimiter between cells, no array per row', () => {
    const b = batchesOf(enc.encode(compact('09', '\tA\tB\t', ['\t1\tx\t', '\t2\ty\t'])))[0]!;
    expect(toWire(b, 0, 2)).toEqual({ count: 2, width: 2, text: '1\tx2\ty', sep: '\t', ends: [3, 6] });
  });

  it('decode entities, and fall back to cell offsets when an entity is the delimiter', () => {
    const rows = ['\t1\tBath &amp; Co\t', '\t2\tTab&#9;inside\t', '\t3\t\t'];
    const batches = batchesOf(enc.encode(compact('09', '\tA\tB\t', rows)));
    expectSame(batches, 1);
    expectSame(batches, 3);
    const w = toWire(batches[0]!, 0, 3);
    expect(w.sep).toBeUndefined();
    expect(wireRows(w)).toEqual([['1', 'Bath & Co'], ['2', 'Tab\tinside'], ['3', '']]);
  });

  it('keep UTF-8 and windows-1252 text, ragged rows and other delimiters as the parser reads them', () => {
    expectSame(batchesOf(enc.encode(compact('7C', '|A|B|C|', ['|1|Zoë|Montréal|', '|2|東京|', '|3|a|b|c|d|', '|||||']))), 2);
    expectSame(batchesOf(enc.encode(compact('09', 'A\tB', ['1\tx', '2\t', '\ty']))), 2);
    const latin = enc.encode(compact('09', '\tA\tB\t', ['\t1\tcaf_\t', '\t2\tplain\t']));
    latin[new TextDecoder().decode(latin).indexOf('_')] = 0xe9; // é in windows-1252, not UTF-8
    const batches = batchesOf(latin);
    expectSame(batches, 2);
    expect(wireRows(toWire(batches[0]!, 0, 1))).toEqual([['1', 'café']]);
  });

  it('read the same across body chunk boundaries (rows in several buffers)', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `\t${i}\tRow ${i} &lt;${i}&gt;\t${'x'.repeat(i % 17)}\t`);
    const body = enc.encode(compact('09', '\tA\tB\tC\t', rows));
    expect(expectSame(batchesOf(body, 97), 50)).toBe(200);
  });

  it('keep Web API values, objects and collections included, as their JSON text', () => {
    const body = enc.encode(JSON.stringify({ value: [
      { ListingKey: 'a\tb', ListPrice: 100, Media: [{ MediaURL: 'http://x/1.jpg', Order: 1 }], Tags: ['x', 'y'], Note: null },
      { ListingKey: 'c', ListPrice: 2.5, Media: [], Tags: [], Note: 'é "q"' },
    ] }));
    const p = createODataPayloadParser();
    const batches: RowBatch[] = [];
    for (const e of [...p.push(body), ...p.end()]) if (e.kind === 'rows') batches.push(e.batch);
    expect(expectSame(batches, 2)).toBe(2);
    const rows = wireRows(toWire(batches[0]!, 0, 2));
    expect(JSON.parse(rows[0]![2]!)).toEqual([{ MediaURL: 'http://x/1.jpg', Order: 1 }]);
    expect(rows[1]).toEqual(['c', '2.5', '[]', '[]', 'é "q"']);
  });

  it('refuse offsets that do not fit the text', () => {
    expect(() => new CompactRows({ count: 2, width: 1, text: 'ab', ends: [1] })).toThrow(/offsets/);
    expect(() => new CompactRows({ count: 1, width: 1, text: 'ab', sep: '\t', ends: [3] })).toThrow(/offsets/);
    expect(() => new CompactRows({ count: 2, width: 1, text: 'ab', ends: [2, 1] })).toThrow(/offsets/);
  });
});
