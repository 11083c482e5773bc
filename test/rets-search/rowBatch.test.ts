// CompactRowBatch reads a row as one decoded text when it can and splits it by bytes when it
// cannot: both ways must give every field the same value (decodeText of its bytes) and count the
// same ragged rows. Generated bodies cover each branch: entities, multi-byte UTF-8, windows-1252
// bytes, short and long rows, leading/trailing delimiters on and off, delimiters other than tab,
// in every read order (whole rows, first field only, column by column, random, raw bytes between).
import { describe, expect, it } from 'vitest';
import { CompactSearchParser } from '../../shared/rets/search/compact';
import type { RowBatch } from '../../shared/rets/search/types';
import { decodeXmlEntities } from '../../shared/rets/text';
import { decodeCharset } from '../../shared/rets/search/text';
import { bytes, prng } from './helpers';

const te = new TextEncoder();
const td = new TextDecoder();

/** Field values as bytes: ASCII, references good and bad, UTF-8, and windows-1252 bytes. */
const VALUES: Uint8Array[] = [
  'abc', '', 'x &amp; y', 'caf&#233;', '&#55357;&#56842;', 'x&#55357;y', 'Smith &amp; Sons &lt;b&gt; &QUOT;q&quot;', 'a & b', '&bogus; &#;',
  'porte-coch&amp;#xE8;re &amp;amp;', 'Núñez', '“quoted” 🏠', 'a long remark of more than twenty-four characters &amp; more',
  'é &amp; è', '&#9;', '&#x7C;', ' ', '0', '&#0;',
].map((s) => bytes(s)).concat([new Uint8Array([0x4e, 0xfa, 0xf1, 0x65, 0x7a]), new Uint8Array([0x93, 0x71, 0x94, 0x20, 0x80]), new Uint8Array([0xe9, 0x26, 0x61, 0x6d, 0x70, 0x3b])]);

interface Shape { delimiter: number; leading: boolean; trailing: boolean; width: number }

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** A COMPACT body of `rows` generated rows; some short, some long, some without their leading or trailing delimiter. */
function body(shape: Shape, rows: number, rnd: () => number): Uint8Array {
  const d = new Uint8Array([shape.delimiter]);
  const hex = shape.delimiter.toString(16).padStart(2, '0');
  const cols = Array.from({ length: shape.width }, (_, i) => `C${i}`).join(String.fromCharCode(shape.delimiter));
  const parts = [bytes(`<RETS ReplyCode="0" ReplyText="OK">\n<DELIMITER value="${hex}"/>\n<COLUMNS>${shape.leading ? String.fromCharCode(shape.delimiter) : ''}${cols}${shape.trailing ? String.fromCharCode(shape.delimiter) : ''}</COLUMNS>\n`)];
  for (let r = 0; r < rows; r++) {
    const x = rnd();
    const n = x < 0.7 ? shape.width : Math.max(0, shape.width + Math.floor(rnd() * 5) - 2);
    const fields: Uint8Array[] = [];
    for (let c = 0; c < n; c++) {
      const v = VALUES[Math.floor(rnd() * VALUES.length)]!;
      fields.push(v.includes(shape.delimiter) ? bytes('plain') : v);
    }
    parts.push(bytes('<DATA>'));
    if (rnd() < 0.9 ? shape.leading : !shape.leading) parts.push(d);
    fields.forEach((f, i) => { if (i > 0) parts.push(d); parts.push(f); });
    if (rnd() < 0.9 ? shape.trailing : !shape.trailing) parts.push(d);
    parts.push(bytes('</DATA>\n'));
  }
  parts.push(bytes('</RETS>\n'));
  return concat(parts);
}

function batches(b: Uint8Array, chunk: number): RowBatch[] {
  const p = new CompactSearchParser();
  const out: RowBatch[] = [];
  for (let i = 0; i < b.length; i += chunk) for (const ev of p.push(b.subarray(i, i + chunk))) if (ev.kind === 'rows') out.push(ev.batch);
  for (const ev of p.end()) if (ev.kind === 'rows') out.push(ev.batch);
  return out;
}

/** A field by the definition: its raw bytes (split by the byte splitter) decoded, then references. */
const definition = (oracle: RowBatch, r: number, c: number): string => decodeXmlEntities(decodeCharset(oracle.rawField(r, c)));

type Order = 'rows' | 'first' | 'firstThenRest' | 'columns' | 'random' | 'rawBetween';
const ORDERS: Order[] = ['rows', 'first', 'firstThenRest', 'columns', 'random', 'rawBetween'];

/**
 * Read a batch in an order, checking each value against the oracle batch (a twin never read by
 * get). Returns per row how far it was read: 0 not, 1 its first field only, 2 past it.
 */
function readAndCheck(b: RowBatch, oracle: RowBatch, order: Order, rnd: () => number): Uint8Array {
  const w = b.columns.length;
  const reach = new Uint8Array(b.length);
  const check = (r: number, c: number) => {
    const inside = r >= 0 && r < b.length && c >= 0 && c < w;
    if (inside) reach[r] = Math.max(reach[r]!, c === 0 ? 1 : 2);
    const want = inside ? definition(oracle, r, c) : '';
    expect(b.get(r, c), `row ${r} column ${c} (${order})`).toBe(want);
  };
  if (order === 'rows') for (let r = 0; r < b.length; r++) for (let c = 0; c < w; c++) check(r, c);
  if (order === 'first') for (let r = 0; r < b.length; r++) check(r, 0);
  if (order === 'firstThenRest') { for (let r = 0; r < b.length; r++) check(r, 0); for (let r = 0; r < b.length; r++) for (let c = 0; c < w; c++) check(r, c); }
  if (order === 'columns') for (let c = 0; c < w; c++) for (let r = 0; r < b.length; r++) check(r, c);
  if (order === 'random') for (let k = 0; k < b.length * w * 2; k++) check(Math.floor(rnd() * (b.length + 2)) - 1, Math.floor(rnd() * (w + 2)) - 1);
  if (order === 'rawBetween') {
    for (let r = 0; r < b.length; r++) {
      for (let c = 0; c < w; c++) {
        check(r, c);
        const k = Math.floor(rnd() * w);
        expect(b.rawField(r, k)).toEqual(oracle.rawField(r, k));
        expect(td.decode(b.fieldBytes(r, k))).toBe(definition(oracle, r, k));
        if (k > 0) reach[r] = 2;
      }
    }
  }
  return reach;
}

/** The ragged rows the byte splitter counts when the rows are split as far as they were read. */
function oracleRagged(oracle: RowBatch, reach: Uint8Array): number {
  const w = oracle.columns.length;
  for (let r = 0; r < oracle.length; r++) if (reach[r]) oracle.rawField(r, reach[r] === 1 ? 0 : w - 1);
  return oracle.raggedRows;
}

const SHAPES: Shape[] = [];
for (const delimiter of [0x09, 0x7c, 0x2c, 0x3b, 0x26]) {
  for (const leading of [true, false]) for (const trailing of [true, false]) for (const width of [1, 2, 5]) SHAPES.push({ delimiter, leading, trailing, width });
}

describe('CompactRowBatch: fields read as one row text equal the byte splitter\'s', () => {
  it.each(SHAPES.map((s) => [`delimiter 0x${s.delimiter.toString(16)}, leading ${s.leading}, trailing ${s.trailing}, ${s.width} columns`, s] as const))('%s', (_, shape) => {
    const rnd = prng(shape.delimiter * 31 + shape.width * 7 + (shape.leading ? 1 : 0) + (shape.trailing ? 2 : 0));
    const b = body(shape, 60, rnd);
    let ragged = 0;
    for (const order of ORDERS) {
      const chunk = 64 + Math.floor(rnd() * 400); // rows of one batch in several segments too
      const read = batches(b, chunk);
      const oracle = batches(b, chunk);
      for (let i = 0; i < read.length; i++) {
        const reach = readAndCheck(read[i]!, oracle[i]!, order, rnd);
        const want = oracleRagged(oracle[i]!, reach);
        expect(read[i]!.raggedRows, `ragged rows (${order})`).toBe(want);
        ragged += want;
      }
    }
    expect(ragged).toBeGreaterThan(0); // the generator made short and long rows
  });

  it('the benchmark-like row: ASCII with entities in some fields, every field right in one pass', () => {
    const fields = ['L000000001', 'Smith &amp; Chicago Realty', 'quiet &quot;sunny&quot; caf&#233;', '', '123.45', 'a &amp; b &amp;c'];
    const b = batches(bytes(`<RETS ReplyCode="0"><COLUMNS>\t${fields.map((_, i) => `F${i}`).join('\t')}\t</COLUMNS><DATA>\t${fields.join('\t')}\t</DATA></RETS>`), 1 << 16)[0]!;
    expect(b.row(0)).toEqual(['L000000001', 'Smith & Chicago Realty', 'quiet "sunny" café', '', '123.45', 'a & b &c']);
    expect(b.raggedRows).toBe(0);
  });

  it('a delimiter byte above 0x7F (part of UTF-8 characters) is split by bytes, as it always was', () => {
    // Delimiter 0xA6. Row 1 is valid UTF-8 ("x¦¦y": C2 A6 is ¦) yet its fields are cut at the byte
    // A6 and read as windows-1252; row 2 is not UTF-8 at all.
    const parts = [bytes('<RETS ReplyCode="0"><DELIMITER value="A6"/><COLUMNS>A'), new Uint8Array([0xa6]), bytes('B'), new Uint8Array([0xa6]), bytes('C</COLUMNS><DATA>'),
      new Uint8Array([0x78, 0xc2, 0xa6, 0xc2, 0xa6, 0x79]), bytes('</DATA><DATA>'), new Uint8Array([0x78, 0xa6, 0x79, 0xe9, 0xa6]), bytes('</DATA></RETS>')];
    const b = batches(concat(parts), 1 << 16)[0]!;
    expect(b.columns).toEqual(['A', 'B', 'C']);
    expect(b.row(0)).toEqual(['xÂ', 'Â', 'y']);
    expect(b.row(1)).toEqual(['x', 'yé', '']);
    expect(b.raggedRows).toBe(0);
  });

  it('reading only the first field of a row that has no delimiter after it counts the row ragged, as splitting does', () => {
    const b = batches(bytes('<RETS ReplyCode="0"><COLUMNS>\tA\tB\t</COLUMNS><DATA>only</DATA><DATA>\t1\t2\t</DATA><DATA>\t</DATA></RETS>'), 1 << 16)[0]!;
    expect([b.get(0, 0), b.get(1, 0), b.get(2, 0)]).toEqual(['only', '1', '']);
    expect(b.raggedRows).toBe(2);
    expect(b.row(0)).toEqual(['only', '']);
    expect(b.raggedRows).toBe(2);
  });

  it('rowBytes and rowShape are the response\'s bytes and layout whatever was read', () => {
    const text = '<RETS ReplyCode="0"><DELIMITER value="7C"/><COLUMNS>|A|B|</COLUMNS><DATA>|x &amp; y|é|</DATA></RETS>';
    const b = batches(bytes(text), 1 << 16)[0]! as RowBatch & { rowBytes(r: number, range: Int32Array): Uint8Array; rowShape: object };
    expect(b.row(0)).toEqual(['x & y', 'é']);
    const range = new Int32Array(2);
    const buf = b.rowBytes(0, range);
    expect(td.decode(buf.subarray(range[0], range[1]))).toBe('|x &amp; y|é|');
    expect(b.rowShape).toEqual({ delimiter: 0x7c, leading: true, trailing: true });
    expect(td.decode(b.rawField(0, 0))).toBe('x &amp; y');
    expect(b.fieldBytes(0, 1)).toEqual(te.encode('é'));
  });
});
