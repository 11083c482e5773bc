// The byte CSV encoder against what the export wrote before it: RowBatch.row() strings through
// guardFormula and csv-stringify (with quote_record_delimiter, so that a lone CR or LF is quoted). Every recorded search sample and generated hostile COMPACT
// bodies (quotes, commas, CR/LF, entities good and broken, surrogate references, multi-byte and
// invalid UTF-8, formula triggers, odd delimiters, ragged rows), with and without BOM and guard,
// in chunks small enough to cut rows and to outgrow the encoder's buffer.
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvEncoder, encodeBatch } from '../../shared/csv/csvEncoder';
import { guardFormula } from '../../shared/csv/formulaGuard';
import { createSearchParser } from '../../shared/rets/search/index';
import { CompactRowBatch } from '../../shared/rets/search/rowBatch';
import { decodeCharset } from '../../shared/rets/search/text';
import { decodeXmlEntities } from '../../shared/rets/text';
import type { RowBatch, SearchEvent } from '../../shared/rets/search/types';
import { samplesOf } from '../samples/corpus';
import { lcg } from '../fuzz/rng';

interface Options { bom: boolean; guard: boolean }
const OPTIONS: Options[] = [{ bom: false, guard: false }, { bom: true, guard: false }, { bom: false, guard: true }, { bom: true, guard: true }];

function chunks(body: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < body.length; i += size) out.push(body.slice(i, i + size));
  return out;
}

function events(body: Uint8Array, chunkSize: number): SearchEvent[] {
  const p = createSearchParser('auto');
  const out: SearchEvent[] = [];
  for (const c of chunks(body, chunkSize)) out.push(...p.push(c));
  out.push(...p.end());
  return out;
}

/**
 * A field's text by the definition (charset, then decodeXmlEntities' regular expressions), not by
 * the byte readers under test; RowBatch.get() must agree with it too.
 */
function oracleRow(b: RowBatch, r: number): string[] {
  if (!(b instanceof CompactRowBatch)) return b.row(r);
  const cells = b.columns.map((_, c) => decodeXmlEntities(decodeCharset(b.rawField(r, c))));
  expect(b.row(r)).toEqual(cells);
  return cells;
}

/** What the export wrote before: strings through guardFormula and csv-stringify. */
function expected(evs: SearchEvent[], o: Options): Buffer {
  const records: string[][] = [];
  for (const ev of evs) {
    if (ev.kind === 'columns' && records.length === 0) records.push([...ev.columns]);
    if (ev.kind === 'rows') for (let r = 0; r < ev.batch.length; r++) records.push(oracleRow(ev.batch, r));
  }
  const guarded = o.guard ? records.map((r) => r.map(guardFormula)) : records;
  return Buffer.from(stringify(guarded, { bom: o.bom, record_delimiter: 'windows', quote_record_delimiter: true }));
}

/** The encoder, chunks concatenated; counts the batches that took the COMPACT byte path and the rows the row scan took. */
async function encoded(evs: SearchEvent[], o: Options, chunkBytes: number): Promise<{ bytes: Buffer; compact: number; scanned: number }> {
  const enc = new CsvEncoder({ ...o, chunkBytes });
  const parts: Uint8Array[] = [];
  let headed = false;
  let compact = 0;
  for (const ev of evs) {
    if (ev.kind === 'columns' && !headed) { headed = true; enc.record(ev.columns); }
    if (ev.kind === 'rows') {
      if (ev.batch instanceof CompactRowBatch) compact++;
      await encodeBatch(enc, ev.batch, 0, ev.batch.length, (c) => { parts.push(c); });
    }
  }
  parts.push(enc.end());
  return { bytes: Buffer.concat(parts), compact, scanned: enc.scannedRows };
}

/** The encoder's output against csv-stringify's with and without BOM and guard; the counts of the last. */
async function check(body: Uint8Array, chunkSize: number, chunkBytes: number): Promise<number> {
  return (await checkAll(body, chunkSize, chunkBytes)).compact;
}

async function checkAll(body: Uint8Array, chunkSize: number, chunkBytes: number): Promise<{ compact: number; scanned: number; rows: number }> {
  const evs = events(body, chunkSize);
  let compact = 0;
  let scanned = 0;
  for (const o of OPTIONS) {
    const want = expected(evs, o);
    const got = await encoded(evs, o, chunkBytes);
    if (!got.bytes.equals(want)) {
      let at = 0;
      while (got.bytes[at] === want[at]) at++;
      const around = (b: Buffer) => JSON.stringify(b.subarray(Math.max(0, at - 80), at + 80).toString('latin1'));
      expect.fail(`bom ${o.bom} guard ${o.guard}, first difference at byte ${at}:\n got  ${around(got.bytes)}\n want ${around(want)}`);
    }
    compact = got.compact;
    scanned = got.scanned;
  }
  const rows = evs.reduce((n, e) => n + (e.kind === 'rows' ? e.batch.length : 0), 0);
  return { compact, scanned, rows };
}

describe('CSV encoder on the recorded search samples', () => {
  const searches = samplesOf('search');
  it.each(searches.map((s) => [`${s.file}#${s.index}`, s] as const))('%s', async (_l, s) => {
    await check(s.body, s.body.length, 1 << 20);
    await check(s.body, 97, 256);
  });

  it('takes the byte path for the COMPACT samples', async () => {
    let compact = 0;
    for (const s of searches) compact += await check(s.body, s.body.length, 1 << 20);
    expect(compact).toBeGreaterThan(20);
  });
});

// ---------------------------------------------------------------- generated hostile bodies
const enc = new TextEncoder();
const PIECES: (string | number[])[] = [
  'plain', 'Main St', ' ', '"', '""', ',', '\r', '\n', '\r\n', "'", '<', '>', ';', '#', 'x', '12', '-88.250000', '.5', '5.', '+', '-', '=',
  '@', '\t', 'a', 'amp', '&', '&amp;', '&AMP;', '&Amp;', '&lt;', '&GT;', '&quot;', '&apos;', '&nbsp;', '&NBSP;', '&foo;', '&abcdefg;', '&a;',
  '&#34;', '&#x22;', '&#44;', '&#13;', '&#10;', '&#x0D;', '&#61;', '&#0;', '&#x0;', '&#;', '&#x;', '&#xG1;', '&#65', '&#0000000065;',
  '&#00000000065;', '&#x0000041;', '&#x000000041;', '&#x10FFFF;', '&#x110000;', '&#9999999999;', '&#233;', '&#xe8;', '&#X1F600;',
  '&#xD83D;', '&#xDE0A;', '&#55357;', '&#56842;', '&amp;#xE8;', '&amp;#233;', '&amp;#xD83D;', '&amp;#x;', '&amp;amp;', '&amp;#65',
  'é', '€', '😀', '\uFEFF', 'Núñez', 'naïve café',
  [0xe9], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0x93, 0x94], [0xa0], [0xff], [0x00],
];


function pieceBytes(p: string | number[]): number[] { return typeof p === 'string' ? [...enc.encode(p)] : p; }

function field(r: () => number): number[] {
  const n = Math.floor(r() * 5);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(...pieceBytes(PIECES[Math.floor(r() * PIECES.length)]));
  if (r() < 0.05) out.push(...enc.encode('x'.repeat(70)));
  return out;
}

/** A COMPACT body with `rows` rows of hostile fields; some rows ragged, some missing a delimiter. */
function hostileBody(seed: number, delimiter: number, rows: number, width: number): Uint8Array {
  const r = lcg(seed);
  const hex = delimiter.toString(16).padStart(2, '0');
  const cols = Array.from({ length: width }, (_, i) => `C${i}`);
  const d = String.fromCharCode(delimiter);
  const bytes: number[] = [...enc.encode(`<RETS ReplyCode="0" ReplyText="OK">\n<COUNT Records="${rows}"/>\n<DELIMITER value="${hex}"/>\n<COLUMNS>${d}${cols.join(d)}${d}</COLUMNS>\n`)];
  for (let i = 0; i < rows; i++) {
    const n = r() < 0.1 ? Math.max(0, width + Math.floor(r() * 5) - 2) : width;
    bytes.push(...enc.encode('<DATA>'));
    if (r() > 0.05) bytes.push(delimiter);
    for (let c = 0; c < n; c++) {
      if (c > 0) bytes.push(delimiter);
      bytes.push(...field(r));
    }
    if (r() > 0.1) bytes.push(delimiter);
    bytes.push(...enc.encode('</DATA>\n'));
  }
  bytes.push(...enc.encode('</RETS>\n'));
  return new Uint8Array(bytes);
}

describe('CSV encoder on hostile fields', () => {
  // Tab, `|`, `;`, `x`, `a`, `=` and `-` go through the row scan (the last two are formula
  // triggers themselves); `,` `#` `&` `"` LF and 0xa0 are bytes the scan marks, so the byte loop.
  const scanned = [0x09, 0x7c, 0x3b, 0x78, 0x61, 0x3d, 0x2d];
  const delimiters = [...scanned, 0x2c, 0x23, 0x26, 0x22, 0x0a, 0xa0];
  it.each(delimiters.map((d) => [d.toString(16), d] as const))('delimiter 0x%s gives csv-stringify\'s bytes', async (_h, d) => {
    let rows = 0;
    let scannedRows = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const body = hostileBody(seed * 31 + d, d, 120, 7);
      const all = await checkAll(body, body.length, 1 << 20);
      expect(all.compact).toBeGreaterThan(0);
      rows += all.rows;
      scannedRows += all.scanned;
      await check(body, 61, 128);
    }
    // Rows with extra fields take the byte loop (most, when the delimiter is a byte the fields
    // hold: `;` ends every reference); the others the scan when the delimiter allows it.
    if (d === 0x09) expect(scannedRows).toBeGreaterThan(rows / 2);
    else if (scanned.includes(d)) expect(scannedRows).toBeGreaterThan(0);
    else expect(scannedRows).toBe(0);
  });

  it('scans rows of every shape: clean and marked fields side by side, at every offset in a word, triggers at word edges', async () => {
    // Fields of every length and kind, so that a field's start falls at every offset within a word.
    const pieces = ['', 'a', 'ab', 'abc', 'abcd', '=1', '-2', '+3', '@x', '-88.25', '=', 'x,y', 'say "hi"', 'a&amp;b', '&#61;A1', '&quot;',
      'caf\u00e9', '\u20ac5', '\u{1F600}', '\uFEFFbom', 'a\rb', 'c\nd', "it's", '#1 (of 2) 50%*$', '\x0b\x0c', '&nbsp;&lt;', '&bogus;', '&#xD83D;&#xDE0A;'];
    const r = lcg(99);
    const cols = ['A', 'B', 'C', 'D', 'E', 'F'];
    let rows = '';
    for (let i = 0; i < 400; i++) {
      const cells = cols.map(() => pieces[Math.floor(r() * pieces.length)]);
      const lead = i % 7 === 3 ? '' : '\t';
      const trail = i % 5 === 2 ? '' : '\t';
      rows += `<DATA>${lead}${cells.join('\t')}${trail}</DATA>\n`;
    }
    const body = enc.encode(`<RETS ReplyCode="0" ReplyText="OK">\n<DELIMITER value="09"/>\n<COLUMNS>\t${cols.join('\t')}\t</COLUMNS>\n${rows}</RETS>\n`);
    const all = await checkAll(body, body.length, 1 << 20);
    expect(all.scanned).toBe(400);
    await check(body, 29, 64);
  });

  it('scans windows-1252 fields beside UTF-8 ones, short rows and empty rows', async () => {
    const body = new Uint8Array([...enc.encode('<RETS ReplyCode="0" ReplyText="OK">\n<COLUMNS>\tA\tB\tC\t</COLUMNS>\n<DATA>\tcaf'), 0xe9, 0x2c, 0x93, 0x71, 0x94,
      ...enc.encode('\tcaf\u00e9 "x"\t=\u00e9\t</DATA>\n<DATA></DATA>\n<DATA>\t</DATA>\n<DATA>\ta\t</DATA>\n<DATA>a\tb</DATA>\n<DATA>\t\t\t\t</DATA>\n</RETS>\n')]);
    const evs = events(body, body.length);
    const got = await encoded(evs, { bom: false, guard: true }, 1 << 20);
    // The parser reads no row from an empty <DATA></DATA>.
    expect(got.scanned).toBe(5);
    expect(got.bytes.toString('utf8')).toBe('A,B,C\r\n"caf\u00e9,\u201cq\u201d","caf\u00e9 ""x""",\'=\u00e9\r\n,,\r\na,,\r\na,b,\r\n,,\r\n');
    await check(body, body.length, 1 << 20);
  });

  it('takes the byte loop for rows with extra fields and rows longer than the scan takes', async () => {
    const long = 'x'.repeat(300_000);
    const body = enc.encode('<RETS ReplyCode="0" ReplyText="OK">\n<COLUMNS>\tA\tB\t</COLUMNS>\n<DATA>\ta\tb\tc\t</DATA>\n'
      + `<DATA>\t${long},\t&amp;\t</DATA>\n<DATA>\ta\tb\t</DATA>\n</RETS>\n`);
    const all = await checkAll(body, body.length, 1 << 20);
    expect(all.scanned).toBe(1);
    await check(body, 4096, 1 << 16);
  });

  it('quotes, doubles and guards as the string path does', async () => {
    const body = enc.encode('<RETS ReplyCode="0" ReplyText="OK">\n<DELIMITER value="09"/>\n<COLUMNS>\tA\tB\tC\t</COLUMNS>\n'
      + '<DATA>\t=1+1\t&quot;hi&quot;, there\t-88.25\t</DATA>\n<DATA>\t&#61;SUM(A1)\ta&#13;&#10;b\t&#xD83D;&#xDE0A;&#xD83D;\t</DATA>\n</RETS>\n');
    const evs = events(body, body.length);
    const got = (await encoded(evs, { bom: true, guard: true }, 1 << 20)).bytes.toString('utf8');
    expect(got).toBe('\uFEFFA,B,C\r\n\'=1+1,"""hi"", there",-88.25\r\n\'=SUM(A1),"a\r\nb",😊\uFFFD\r\n');
    const batch = evs.find((e): e is { kind: 'rows'; batch: RowBatch } => e.kind === 'rows')!.batch;
    expect(batch.row(1)).toEqual(['=SUM(A1)', 'a\r\nb', '😊\uFFFD']);
  });

  it('decodes a windows-1252 field to UTF-8 text beside UTF-8 ones', async () => {
    const body = new Uint8Array([...enc.encode('<RETS ReplyCode="0" ReplyText="OK">\n<COLUMNS>\tA\tB\t</COLUMNS>\n<DATA>\tcaf'), 0xe9, 0x20, 0x93, 0x71, 0x94,
      ...enc.encode('\tcafé\t</DATA>\n</RETS>\n')]);
    const got = (await encoded(events(body, body.length), { bom: false, guard: false }, 1 << 20)).bytes.toString('utf8');
    expect(got).toBe('A,B\r\ncafé “q”,café\r\n');
  });

  it('writes the BOM alone when there is no record, as csv-stringify does', () => {
    expect([...new CsvEncoder({ bom: true, guard: true }).end()]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new CsvEncoder({ bom: false, guard: true }).end()).toHaveLength(0);
  });

  it('hands out chunks while a batch is encoded, the same bytes as one big chunk', async () => {
    const body = hostileBody(7, 0x09, 400, 9);
    const batch = events(body, body.length).find((e): e is { kind: 'rows'; batch: RowBatch } => e.kind === 'rows')!.batch;
    const small = new CsvEncoder({ bom: false, guard: true, chunkBytes: 1024 });
    const parts: Uint8Array[] = [];
    await encodeBatch(small, batch, 0, batch.length, (c) => { parts.push(c); });
    expect(parts.length).toBeGreaterThan(3);
    parts.push(small.end());
    const big = new CsvEncoder({ bom: false, guard: true });
    await encodeBatch(big, batch, 0, batch.length, () => { throw new Error('no chunk expected'); });
    expect(Buffer.concat(parts).equals(big.end())).toBe(true);
  });
});

describe('CSV encoder with lookup decoders', () => {
  // Codes to texts longer than any row (past the encoder's chunk), with commas, quotes, a formula
  // trigger and multi-byte characters; an unknown code and an empty field stay as they are.
  const long = `Très long, "quoted" ${'x'.repeat(5000)}`;
  const texts: Record<string, string> = { A: 'Active', S: long, F: '=formula', U: '😊 unicode' };
  const single = (v: string) => texts[v] ?? v;
  const multi = (v: string) => (v === '' ? v : v.split(',').map((x) => single(x.trim())).join(', '));
  const body = enc.encode('<RETS ReplyCode="0" ReplyText="OK">\n<DELIMITER value="09"/>\n<COLUMNS>\tID\tStatus\tFeatures\tNote\t</COLUMNS>\n'
    + Array.from({ length: 60 }, (_, i) => `<DATA>\t${i}\t${'ASFUQ'[i % 5]}\t${['A,S', '', 'F, U', 'Q'][i % 4]}\tplain &amp; ${i}\t</DATA>\n`).join('')
    + '</RETS>\n');
  const decode = [undefined, single, multi, undefined];

  it('writes what csv-stringify writes for the decoded strings, in big and small chunks', async () => {
    const evs = events(body, body.length);
    const batch = evs.find((e): e is { kind: 'rows'; batch: RowBatch } => e.kind === 'rows')!.batch;
    expect(batch).toBeInstanceOf(CompactRowBatch);
    for (const o of OPTIONS) {
      const rows = [['ID', 'Status', 'Features', 'Note'], ...Array.from({ length: batch.length }, (_, r) => batch.row(r).map((v, c) => decode[c]?.(v) ?? v))];
      const want = Buffer.from(stringify(o.guard ? rows.map((r) => r.map(guardFormula)) : rows, { bom: o.bom, record_delimiter: 'windows', quote_record_delimiter: true }));
      for (const chunkBytes of [1 << 20, 128]) {
        const e = new CsvEncoder({ ...o, chunkBytes });
        const parts: Uint8Array[] = [];
        e.record(['ID', 'Status', 'Features', 'Note']);
        await encodeBatch(e, batch, 0, batch.length, (c) => { parts.push(c); }, decode);
        parts.push(e.end());
        expect(Buffer.concat(parts).equals(want), `bom ${o.bom} guard ${o.guard} chunk ${chunkBytes}`).toBe(true);
        // Through the row scan, but for the rows whose long decoded value (S) outgrows the row's room.
        expect(e.scannedRows).toBe(Array.from({ length: 60 }, (_, i) => i % 5 !== 1 && i % 4 !== 0).filter(Boolean).length);
      }
    }
  });

  it('decodes lookup columns among hostile fields and ragged rows as csv-stringify writes them', async () => {
    const hostile = hostileBody(5, 0x09, 300, 7);
    const batch = events(hostile, hostile.length).find((e): e is { kind: 'rows'; batch: RowBatch } => e.kind === 'rows')!.batch;
    const lookup = [undefined, single, undefined, multi, undefined, undefined, single];
    for (const o of OPTIONS) {
      const rows = Array.from({ length: batch.length }, (_, r) => batch.row(r).map((v, c) => lookup[c]?.(v) ?? v));
      const want = Buffer.from(stringify(o.guard ? rows.map((r) => r.map(guardFormula)) : rows, { bom: o.bom, record_delimiter: 'windows', quote_record_delimiter: true }));
      const e = new CsvEncoder(o);
      const parts: Uint8Array[] = [];
      await encodeBatch(e, batch, 0, batch.length, (c) => { parts.push(c); }, lookup);
      parts.push(e.end());
      expect(Buffer.concat(parts).equals(want), `bom ${o.bom} guard ${o.guard}`).toBe(true);
      expect(e.scannedRows).toBeGreaterThan(batch.length / 2);
    }
  });

  it('decodes the same on the string path (a batch in another column order)', async () => {
    const batch = events(body, body.length).find((e): e is { kind: 'rows'; batch: RowBatch } => e.kind === 'rows')!.batch;
    const arrays = { columns: batch.columns, length: batch.length, raggedRows: 0, get: (r: number, c: number) => batch.get(r, c), row: (r: number) => batch.row(r),
      toObjects: () => batch.toObjects(), fieldBytes: (r: number, c: number) => batch.fieldBytes(r, c), rawField: (r: number, c: number) => batch.rawField(r, c) } satisfies RowBatch;
    const viaBytes = new CsvEncoder({ bom: false, guard: true });
    const viaStrings = new CsvEncoder({ bom: false, guard: true });
    await encodeBatch(viaBytes, batch, 0, batch.length, () => {}, decode);
    await encodeBatch(viaStrings, arrays, 0, arrays.length, () => {}, decode);
    const got = Buffer.from(viaStrings.end());
    expect(got.equals(Buffer.from(viaBytes.end()))).toBe(true);
    expect(got.toString('utf8')).toContain('Active');
  });
});
