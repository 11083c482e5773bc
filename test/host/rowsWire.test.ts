// search.rows batches (electron/host/rowsWire.ts, shared/contract/compactRows.ts): the host sends
// rows as UTF-8 bytes, and what the grid reads from them (after the event crossed as a frame) is
// what the parser's batch holds, cell for cell (the cells the text path sent before), on every
// recorded search and on hostile bodies: entities (one of them the delimiter), UTF-8,
// windows-1252, ragged rows, rows with and without the leading and trailing delimiter, Web API
// values that are JSON.
import { describe, expect, it } from 'vitest';
import { CompactRows, textRows, wireRows } from '../../shared/contract/compactRows';
import { RowsOutbox } from '../../electron/host/rowsOutbox';
import { encodeFrame, FrameReader, HostEvent } from '../../shared/contract';
import { createSearchParser } from '../../shared/rets/search/index';
import type { RowBatch } from '../../shared/rets/search/types';
import { createODataPayloadParser } from '../../shared/odata/payload/parser';
import { joinPieces, toWire, type RowsPiece } from '../../electron/host/rowsWire';
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
      // The event carrying it is valid and survives its frame, read in small chunks (how it crosses to the renderer).
      const e = HostEvent.parse(overFrames({ type: 'search.rows', operationId: 'op-1', start: i, ...w }));
      expect(e.type === 'search.rows' && wireRows(e)).toEqual(Array.from({ length: w.count }, (_, r) => b.row(i + r)));
      n += w.count;
    }
  }
  return n;
}

const enc = new TextEncoder();

function overFrames(event: object): unknown {
  const bytes = Buffer.concat(encodeFrame(event));
  const reader = new FrameReader();
  const out: object[] = [];
  for (let i = 0; i < bytes.length; i += 5) out.push(...reader.push(bytes.subarray(i, i + 5)));
  reader.end();
  expect(out).toHaveLength(1);
  return out[0];
}
const compact = (delim: string, cols: string, rows: string[]) =>
  `<RETS ReplyCode="0" ReplyText="OK"><DELIMITER value="${delim}"/><COLUMNS>${cols}</COLUMNS>${rows.map((r) => `<DATA>${r}</DATA>`).join('\n')}</RETS>`;

describe('search.rows batches', () => {
  it('read back as the parser reads every recorded COMPACT and STANDARD-XML search', () => {
    let rows = 0;
    for (const s of samplesOf('search')) rows += expectSame(batchesOf(s.body), 7);
    expect(rows).toBeGreaterThan(50);
  });

  it('carry COMPACT rows as their bytes with the delimiter between cells, no array per row', () => {
    const b = batchesOf(enc.encode(compact('09', '\tA\tB\t', ['\t1\tx\t', '\t2\ty\t'])))[0]!;
    expect(toWire(b, 0, 2)).toEqual({ count: 2, width: 2, bytes: enc.encode('1\tx2\ty'), sep: '\t', ends: [3, 6] });
  });

  it('give byte offsets, turned into character offsets on arrival when the text is not ASCII', () => {
    const b = batchesOf(enc.encode(compact('09', 'A\tB', ['1\tZoë', '2\t東京', '3\t😀x'])))[0]!;
    const w = toWire(b, 0, 3);
    expect(w.ends).toEqual([6, 14, 21]);
    const t = textRows(w);
    expect(t.text).toBe('1\tZoë2\t東京3\t😀x');
    expect(Array.from(t.ends)).toEqual([5, 9, 14]);
    expect(new CompactRows(w).cell(2, 1)).toBe('😀x');
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

describe('gathering batches into events', () => {
  /** A piece holding `rows`: one chunk a row (with sep) or a cell (without). */
  const wire = (rows: string[][], sep?: string): RowsPiece => {
    const chunks = sep ? rows.map((r) => enc.encode(r.join(sep))) : rows.flat().map((v) => enc.encode(v));
    const ends: number[] = [];
    let at = 0;
    for (const c of chunks) ends.push(at += c.length);
    return { count: rows.length, width: 2, chunks, byteLength: at, ends, ...(sep ? { sep } : {}) };
  };

  it('joins pieces of one form into one buffer, shifting offsets', () => {
    const a = [['1', 'a'], ['2', 'bé']], b = [['3', 'ccc']];
    expect(wireRows(joinPieces([wire(a, '\t'), wire(b, '\t')]))).toEqual([...a, ...b]);
    expect(wireRows(joinPieces([wire(a), wire(b)]))).toEqual([...a, ...b]);
  });

  it('sends the first rows at once, then events of the size asked, in order, and what is left on flush', () => {
    const sent: { start: number; rows: string[][] }[] = [];
    const box = new RowsOutbox((start, w) => sent.push({ start, rows: wireRows(w) }), 4, 60_000);
    const rows = Array.from({ length: 11 }, (_, i) => [String(i), `r${i}`]);
    box.add(0, wire(rows.slice(0, 1), '\t'));
    expect(sent.map((s) => s.start)).toEqual([0]);
    box.add(1, wire(rows.slice(1, 3), '\t'));
    box.add(3, wire(rows.slice(3, 5), '\t')); // 4 rows wait: sent
    box.add(5, wire(rows.slice(5, 6), '\t'));
    box.add(6, wire(rows.slice(6, 8))); // another form: what waits goes first
    box.add(8, wire(rows.slice(8, 11)));
    box.flush();
    box.flush();
    expect(sent.map((s) => s.start)).toEqual([0, 1, 5, 6]);
    expect(sent.flatMap((s) => s.rows)).toEqual(rows);
  });

  it('sends rows that wait after the wait, when nothing else comes', async () => {
    const sent: number[] = [];
    let arrived!: () => void;
    const done = new Promise<void>((r) => { arrived = r; });
    const box = new RowsOutbox((start) => { sent.push(start); if (sent.length === 2) arrived(); }, 1000, 10);
    box.add(0, wire([['1', 'a']], '\t'));
    box.add(1, wire([['2', 'b']], '\t'));
    await done;
    expect(sent).toEqual([0, 1]);
  });
});
