// CSV at disk speed: rows go from the parser's bytes to CSV bytes without a string per field. A
// COMPACT row is split, entity-decoded, formula-guarded and quoted in one pass over its bytes,
// into a big buffer handed out in chunks. The output is csv-stringify's, byte for byte, for the
// strings RowBatch.get() gives (RFC 4180: fields joined by `,`, records ended by CRLF, a field
// holding `,` `"` CR or LF quoted with `"` doubled; an optional UTF-8 BOM, written even when there
// is no record), with csv-stringify's `quote_record_delimiter: true`: without it, a field holding a
// lone CR or LF went out unquoted and split the record for any reader.
// Most COMPACT rows go through the row scan (rowScan.ts: four bytes at a time; the runs between
// fields that need work copied natively); rows it does not take (extra fields, a long decoded
// lookup value, an odd delimiter, a huge row) go through the byte loop, one byte at a time.
// A field that is not valid UTF-8 (a windows-1252 server) and rows that are not COMPACT bytes
// (STANDARD-XML, OData, the header) take the string path: decoded text, encoded to UTF-8 here.

import { CompactRowBatch } from '../rets/search/rowBatch';
import { decodeText } from '../rets/search/text';
import type { RowBatch } from '../rets/search/types';
import type { Decoder } from '../metadata/lookupDecoder';
import { LITTLE_ENDIAN, RowScan, scannableDelimiter } from './rowScan';

/** Per column, the lookup decoder its text goes through first (shared/metadata/lookupDecoder.ts), if any. */
export type ColumnDecoders = readonly (Decoder | undefined)[];
import { REF_CODE_BITS, REF_CODE_MASK, readCharRef } from '../rets/search/refBytes';

export interface CsvEncoderOptions {
  /** Start the first record with a UTF-8 byte order mark (Excel). */
  bom: boolean;
  /** Prefix cells a spreadsheet would run as formulas with `'` (shared/csv/formulaGuard.ts). */
  guard: boolean;
  /** Bytes per chunk handed out (default 1 MiB). */
  chunkBytes?: number;
}

const COMMA = 0x2c;
const DQ = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const AMP = 0x26;
const APOS = 0x27;

// What a byte means while a field is copied: 0 copy it; 1 copy it, the field needs quotes;
// 2 a `"`; 3 `&` (maybe a reference); 4 a non-ASCII byte; 5 the row's delimiter (set per batch).
const BYTE_KIND = new Uint8Array(256);
BYTE_KIND[COMMA] = 1; BYTE_KIND[CR] = 1; BYTE_KIND[LF] = 1; BYTE_KIND[DQ] = 2; BYTE_KIND[AMP] = 3;
BYTE_KIND.fill(4, 0x80);

const textEncoder = new TextEncoder();
const DEFAULT_CHUNK = 1 << 20;
/** Rows longer than this take the byte loop: the scan's mark list grows with the row. */
const MAX_SCANNED_ROW = 1 << 18;
/** Runs shorter than this are copied by a loop: a native call costs more. */
const SHORT_RUN = 24;
/** Bytes beyond a row's own room for its decoded lookup values on the fast path (longer ones: the byte loop). */
const LOOKUP_ROOM = 4096;

/**
 * The length of the valid UTF-8 sequence at i (WHATWG's strict decoder: no overlongs, surrogates
 * or code points above U+10FFFF), 0 when invalid; `stop` (the delimiter) ends a field, so a
 * sequence cannot run across it.
 */
function utf8Length(buf: Uint8Array, i: number, end: number, stop: number): number {
  const b = buf[i];
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) n = 2;
  else if (b >= 0xe0 && b <= 0xef) { n = 3; if (b === 0xe0) lo = 0xa0; else if (b === 0xed) hi = 0x9f; }
  else if (b >= 0xf0 && b <= 0xf4) { n = 4; if (b === 0xf0) lo = 0x90; else if (b === 0xf4) hi = 0x8f; }
  else return 0;
  if (i + n > end) return 0;
  const c = buf[i + 1];
  if (c < lo || c > hi || c === stop) return 0;
  for (let k = 2; k < n; k++) {
    const x = buf[i + k];
    if (x < 0x80 || x > 0xbf || x === stop) return 0;
  }
  return n;
}

/** Beyond any row offset. */
const NONE = 0x7fffffff;
const NO_LOOKUPS: readonly number[] = [];

/** The columns that have a decoder, ascending. */
function lookupColumns(decode: ColumnDecoders, width: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < width && c < decode.length; c++) if (decode[c]) out.push(c);
  return out;
}

/** Copies [from, to) of out to at (at <= from); returns at + the length. */
function copyRun(out: Uint8Array, at: number, from: number, to: number): number {
  const n = to - from;
  if (n > SHORT_RUN) { out.copyWithin(at, from, to); return at + n; }
  for (let i = from; i < to; i++) out[at++] = out[i];
  return at;
}

function isTrigger(b: number): boolean {
  return b === 0x3d || b === 0x2b || b === 0x2d || b === 0x40 || b === 0x09 || b === CR;
}

function isDigit(b: number): boolean { return b >= 0x30 && b <= 0x39; }

/** guardFormula's plain number (`^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$`, at most 64 characters) in bytes. */
function plainNumber(out: Uint8Array, s: number, e: number): boolean {
  if (e - s > 64) return false;
  let i = s;
  if (out[i] === 0x2b || out[i] === 0x2d) i++;
  const intStart = i;
  while (i < e && isDigit(out[i])) i++;
  const intDigits = i - intStart;
  if (i < e && out[i] === 0x2e) {
    const frac = ++i;
    while (i < e && isDigit(out[i])) i++;
    if (intDigits === 0 && i === frac) return false;
  } else if (intDigits === 0) {
    return false;
  }
  return i === e;
}

/** UTF-8 of a code point at p; returns the new p. */
function putCodePoint(out: Uint8Array, p: number, cp: number): number {
  if (cp < 0x80) { out[p] = cp; return p + 1; }
  if (cp < 0x800) { out[p] = 0xc0 | (cp >> 6); out[p + 1] = 0x80 | (cp & 63); return p + 2; }
  if (cp < 0x10000) { out[p] = 0xe0 | (cp >> 12); out[p + 1] = 0x80 | ((cp >> 6) & 63); out[p + 2] = 0x80 | (cp & 63); return p + 3; }
  out[p] = 0xf0 | (cp >> 18); out[p + 1] = 0x80 | ((cp >> 12) & 63); out[p + 2] = 0x80 | ((cp >> 6) & 63); out[p + 3] = 0x80 | (cp & 63);
  return p + 4;
}

/**
 * A field's decoded bytes stand at [fs, p): guard it and quote it in place (the buffer has room);
 * `quotes` counts its `"`, `special` says it holds `,` CR or LF. Returns the field's new end.
 */
function finishField(out: Uint8Array, fs: number, p: number, quotes: number, special: boolean, guard: boolean): number {
  const g = guard && p > fs && isTrigger(out[fs]) && !plainNumber(out, fs, p) ? 1 : 0;
  if (quotes === 0 && !special) {
    if (g === 0) return p;
    out.copyWithin(fs + 1, fs, p);
    out[fs] = APOS;
    return p + 1;
  }
  const end = p + quotes + 2 + g;
  if (quotes === 0) {
    out.copyWithin(fs + 1 + g, fs, p);
  } else {
    // Backwards, so that doubling each `"` never overwrites a byte not yet moved.
    let w = end - 2;
    for (let r = p - 1; r >= fs; r--) {
      const b = out[r];
      out[w--] = b;
      if (b === DQ) out[w--] = DQ;
    }
  }
  out[fs] = DQ;
  if (g) out[fs + 1] = APOS;
  out[end - 1] = DQ;
  return end;
}

/**
 * A field written at [fs, p) with its `"` already doubled: guard it and quote it in place (the
 * buffer has room). Returns the field's new end.
 */
function closeField(out: Uint8Array, fs: number, p: number, quote: boolean, guard: boolean): number {
  const g = guard && p > fs && isTrigger(out[fs]) && !plainNumber(out, fs, p) ? 1 : 0;
  if (!quote) {
    if (g === 0) return p;
    shiftRight(out, fs, p, 1);
    out[fs] = APOS;
    return p + 1;
  }
  shiftRight(out, fs, p, 1 + g);
  out[fs] = DQ;
  if (g) out[fs + 1] = APOS;
  out[p + 1 + g] = DQ;
  return p + 2 + g;
}

/** Moves [from, to) of out k bytes on. */
function shiftRight(out: Uint8Array, from: number, to: number, k: number): void {
  if (to - from > SHORT_RUN) { out.copyWithin(from + k, from, to); return; }
  for (let i = to - 1; i >= from; i--) out[i + k] = out[i];
}

/** Appends a text field (UTF-8 encoded, guarded, quoted) at p; the buffer has room. */
function putText(out: Uint8Array, p: number, text: string, guard: boolean): number {
  if (text.length === 0) return p;
  const { written } = textEncoder.encodeInto(text, out.subarray(p));
  const e = p + written;
  let quotes = 0;
  let special = false;
  for (let i = p; i < e; i++) {
    const b = out[i];
    if (b === DQ) quotes++;
    else if (b === COMMA || b === CR || b === LF) special = true;
  }
  return finishField(out, p, e, quotes, special, guard);
}

/** Room a record of these texts may take: 3 bytes per UTF-16 unit, `"` doubled, quotes, guard, `,`. */
function roomForTexts(cells: readonly string[]): number {
  let n = 2;
  for (const c of cells) n += c.length * 3 + 4;
  return n;
}

export class CsvEncoder {
  private buf: Uint8Array;
  private p = 0;
  private started = false;
  private readonly chunk: number;
  private readonly guard: boolean;
  private readonly bom: boolean;
  private kinds = BYTE_KIND;
  private kindsFor = -1;
  private readonly range = new Int32Array(2);
  /** An Int32Array view of buf, for the row scan. */
  private words: Int32Array = new Int32Array(0);
  private readonly scan = new RowScan();
  /** The next mark of the row scan that the fast path has not consumed. */
  private mark = 0;
  /** COMPACT rows written through the row scan (the others took the byte loop): for tests and tuning. */
  scannedRows = 0;
  /** A row did not fit in what is left of the buffer: take() before encoding on. */
  private stopped = false;

  constructor(options: CsvEncoderOptions) {
    this.chunk = options.chunkBytes ?? DEFAULT_CHUNK;
    this.guard = options.guard;
    this.bom = options.bom;
    this.buf = new Uint8Array(this.capacity());
  }

  /** A chunk plus room for the rows that end it. */
  private capacity(): number { return this.chunk + (this.chunk >> 2); }

  /** Whether a chunk's worth is ready: take() it and write it before encoding on. */
  get full(): boolean { return this.stopped || this.p >= this.chunk; }

  /** The last bytes: what is pending, or the BOM alone when there was no record. */
  end(): Uint8Array {
    this.room(0);
    return this.take();
  }

  /** The encoded bytes so far; the encoder goes on in a new buffer (the sink may keep this one). */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.p);
    this.buf = new Uint8Array(this.capacity());
    this.p = 0;
    this.stopped = false;
    return out;
  }

  /** Appends one record of text fields (the header; rows that are not COMPACT bytes). */
  record(cells: readonly string[]): void {
    this.room(roomForTexts(cells));
    let p = this.p;
    const out = this.buf;
    for (let c = 0; c < cells.length; c++) {
      if (c > 0) out[p++] = COMMA;
      p = putText(out, p, cells[c], this.guard);
    }
    out[p] = CR;
    out[p + 1] = LF;
    this.p = p + 2;
  }

  /**
   * Appends rows [from, to) of a batch, stopping early once a chunk is ready (`full`); returns the
   * row to go on from.
   */
  rows(batch: RowBatch, from: number, to: number, decode?: ColumnDecoders): number {
    if (!(batch instanceof CompactRowBatch)) {
      const width = batch.columns.length;
      const cells = new Array<string>(width);
      let r = from;
      for (; r < to && !this.full; r++) {
        for (let c = 0; c < width; c++) {
          const text = batch.get(r, c);
          const d = decode?.[c];
          cells[c] = d ? d(text) : text;
        }
        this.record(cells);
      }
      return r;
    }
    const { delimiter, leading } = batch.rowShape;
    if (this.kindsFor !== delimiter) {
      this.kinds = BYTE_KIND.slice();
      this.kinds[delimiter] = 5;
      this.kindsFor = delimiter;
    }
    const width = batch.columns.length;
    const range = this.range;
    const scanned = LITTLE_ENDIAN && width > 0 && scannableDelimiter(delimiter);
    const lookups = decode ? lookupColumns(decode, width) : NO_LOOKUPS;
    let r = from;
    for (; r < to && !this.full; r++) {
      const bytes = batch.rowBytes(r, range);
      const start = range[0];
      const close = range[1];
      const n = close - start;
      const need = n * 3 + width * 4 + 2;
      const fast = scanned && n <= MAX_SCANNED_ROW;
      // Decoded lookup values may be longer than the codes: room for them on the fast path.
      const room = fast && lookups.length > 0 ? need + LOOKUP_ROOM : need;
      // The fast path also holds a copy of the row past what the row can write (4-aligned, padded).
      const total = fast ? room + n + 12 : need;
      if (this.p > 0 && this.p + total > this.buf.length) { this.stopped = true; break; }
      this.room(total);
      const p = fast ? this.scannedRow(bytes, start, close, delimiter, leading, width, room, lookups, decode) : -1;
      if (p >= 0) this.scannedRows++;
      this.p = p >= 0 ? p : this.compactRow(bytes, start, close, delimiter, leading, width, decode);
    }
    return r;
  }

  /**
   * One COMPACT row as a CSV record at this.p through the row scan: the row is copied past the
   * record's room, its delimiters turned into commas; the runs between fields that need work are
   * copied from there, and only the marked bytes looked at; lookup columns' fields go through
   * their decoders. Returns the record's end, or -1 for a row with more fields than columns (the
   * byte loop drops them) or a decoded value longer than the record's room (the byte loop grows it).
   */
  private scannedRow(src: Uint8Array, start: number, close: number, d: number, leading: boolean, width: number, room: number, lookups: readonly number[], decode?: ColumnDecoders): number {
    const out = this.buf;
    if (this.words.buffer !== out.buffer) this.words = new Int32Array(out.buffer, 0, out.length >> 2);
    const n = close - start;
    const at = (this.p + room + 3) & ~3;
    out.set(src.subarray(start, close), at);
    out[at + n] = 0; out[at + n + 1] = 0; out[at + n + 2] = 0; out[at + n + 3] = 0;
    const lead = leading && n > 0 && src[start] === d ? 1 : 0;
    const scan = this.scan;
    scan.scan(this.words, at, n, d, this.guard, lead);
    const pieces = scan.delimCount - lead + 1;
    // More pieces than columns: fine when the one extra is a trailing delimiter's empty piece.
    const trailing = n > 0 && src[close - 1] === d;
    if (pieces > width && !(pieces === width + 1 && trailing)) return -1;
    const marks = scan.marks;
    const nm = scan.markCount;
    const fields = pieces < width ? pieces : width;
    let q = this.p;
    let run = lead;
    this.mark = 0;
    // The next lookup field (only fields the row has are decoded, as in the byte loop) and its start.
    let li = 0;
    let lc = lookups.length > 0 && lookups[0] < fields ? lookups[0] : -1;
    let ls = lc < 0 ? NONE : lc + lead === 0 ? 0 : scan.delimAt(lc + lead - 1) + 1;
    for (;;) {
      const x = this.mark < nm ? marks[this.mark] : NONE;
      if (ls <= x) {
        if (ls === NONE) break;
        const le = lc + lead < scan.delimCount ? scan.delimAt(lc + lead) : n;
        const text = (decode as ColumnDecoders)[lc]!(decodeText(src, start + ls, start + le));
        q = copyRun(out, q, at + run, at + ls);
        if (q + text.length * 3 + 4 + (n - le) * 3 + (width - lc) * 4 + 2 > at) return -1;
        q = putText(out, q, text, this.guard);
        while (this.mark < nm && marks[this.mark] < le) this.mark++;
        run = le;
        lc = ++li < lookups.length && lookups[li] < fields ? lookups[li] : -1;
        ls = lc < 0 ? NONE : scan.delimAt(lc + lead - 1) + 1;
        continue;
      }
      const fs = scan.fieldStart(x);
      const fe = scan.fieldEnd(x, n);
      q = copyRun(out, q, at + run, at + (fs > lead ? fs : lead));
      q = this.markedField(src, start, close, d, at, fs > lead ? fs : lead, fe, q);
      run = fe;
    }
    q = copyRun(out, q, at + run, at + (pieces > width ? n - 1 : n));
    for (let f = pieces; f < width; f++) out[q++] = COMMA;
    out[q] = CR;
    out[q + 1] = LF;
    return q + 2;
  }

  /**
   * A field [fs, fe) of the scanned row (row offsets; its copy at `at`) written at q: runs copied,
   * marked bytes decoded (references), doubled (`"`) or checked (UTF-8), then guarded and quoted.
   */
  private markedField(src: Uint8Array, start: number, close: number, d: number, at: number, fs: number, fe: number, q: number): number {
    const out = this.buf;
    const marks = this.scan.marks;
    const nm = this.scan.markCount;
    const fo = q;
    let quote = false;
    let cur = fs;
    let m = this.mark;
    for (; m < nm; m++) {
      const x = marks[m];
      if (x >= fe) break;
      if (x < cur) continue; // inside a reference or UTF-8 sequence already read
      q = copyRun(out, q, at + cur, at + x);
      const b = src[start + x];
      cur = x + 1;
      if (b === DQ) { out[q++] = DQ; out[q++] = DQ; quote = true; continue; }
      if (b === COMMA || b === CR || b === LF) { out[q++] = b; quote = true; continue; }
      if (b === AMP) {
        const ref = readCharRef(src, start + x, close, d);
        if (ref < 0) { out[q++] = b; continue; }
        const cp = ref & REF_CODE_MASK;
        if (cp === DQ) { out[q++] = DQ; quote = true; } else if (cp === COMMA || cp === CR || cp === LF) quote = true;
        q = putCodePoint(out, q, cp);
        cur = x + (ref >> REF_CODE_BITS);
        continue;
      }
      if (b >= 0x80) {
        const len = utf8Length(src, start + x, close, d);
        if (len === 0) {
          // Not UTF-8: the field as RowBatch.get() reads it (windows-1252), then encoded.
          while (m < nm && marks[m] < fe) m++;
          this.mark = m;
          return putText(out, fo, decodeText(src, start + fs, start + fe), this.guard);
        }
        for (let k = 0; k < len; k++) out[q++] = src[start + x + k];
        cur = x + len;
        continue;
      }
      out[q++] = b;
    }
    this.mark = m;
    q = copyRun(out, q, at + cur, at + fe);
    return closeField(out, fo, q, quote, this.guard);
  }

  /** Makes room for `need` more bytes: a bigger buffer only for a record larger than the buffer. */
  private room(need: number): void {
    if (!this.started) {
      this.started = true;
      if (this.bom) { this.buf[0] = 0xef; this.buf[1] = 0xbb; this.buf[2] = 0xbf; this.p = 3; }
    }
    if (this.p + need <= this.buf.length) return;
    const bigger = new Uint8Array(this.p + need);
    bigger.set(this.buf.subarray(0, this.p));
    this.buf = bigger;
  }

  /**
   * One COMPACT row's content [start, close) as a CSV record at this.p; returns the new end. Split
   * as CompactRowBatch splits it (leading delimiter dropped, missing fields empty, extra fields
   * dropped: a trailing delimiter's empty piece is an empty field either way).
   */
  private compactRow(buf: Uint8Array, start: number, close: number, d: number, leading: boolean, width: number, decode?: ColumnDecoders): number {
    let out = this.buf;
    const kinds = this.kinds;
    const guard = this.guard;
    let p = this.p;
    let s = leading && buf[start] === d ? start + 1 : start;
    let ended = false;
    for (let c = 0; c < width; c++) {
      if (c > 0) out[p++] = COMMA;
      if (ended) continue;
      const fs = p;
      const dec = decode?.[c];
      if (dec) {
        // A lookup column: its text, decoded; the decoded value may be longer than the row's bytes allowed for.
        let e = s;
        while (e < close && buf[e] !== d) e++;
        const text = dec(decodeText(buf, s, e));
        const need = p + text.length * 3 + 4 + (close - e) * 3 + (width - c) * 4 + 2;
        if (need > out.length) {
          const bigger = new Uint8Array(need);
          bigger.set(out.subarray(0, p));
          this.buf = out = bigger;
        }
        p = putText(out, fs, text, guard);
        if (e >= close) ended = true;
        else s = e + 1;
        continue;
      }
      let quotes = 0;
      let special = false;
      let i = s;
      let text = false;
      for (; i < close; i++) {
        const b = buf[i];
        const k = kinds[b];
        if (k === 0) { out[p++] = b; continue; }
        if (k === 5) break;
        if (k === 1) { out[p++] = b; special = true; continue; }
        if (k === 2) { out[p++] = b; quotes++; continue; }
        if (k === 4) {
          const n = utf8Length(buf, i, close, d);
          if (n === 0) { text = true; break; }
          out[p++] = b;
          out[p++] = buf[i + 1];
          if (n > 2) out[p++] = buf[i + 2];
          if (n > 3) out[p++] = buf[i + 3];
          i += n - 1;
          continue;
        }
        const ref = readCharRef(buf, i, close, d);
        if (ref < 0) { out[p++] = b; continue; }
        const cp = ref & REF_CODE_MASK;
        if (cp === DQ) quotes++;
        else if (cp === COMMA || cp === CR || cp === LF) special = true;
        p = putCodePoint(out, p, cp);
        i += (ref >> REF_CODE_BITS) - 1;
      }
      if (text) {
        // Not UTF-8: the field as RowBatch.get() reads it (windows-1252), then encoded.
        let e = i;
        while (e < close && buf[e] !== d) e++;
        p = putText(out, fs, decodeText(buf, s, e), guard);
        i = e;
      } else {
        p = finishField(out, fs, p, quotes, special, guard);
      }
      if (i >= close) ended = true;
      else s = i + 1;
    }
    out[p] = CR;
    out[p + 1] = LF;
    return p + 2;
  }
}

/**
 * Encodes rows [from, to) of a batch, handing each ready chunk to `write` (which may wait: that is
 * the backpressure). Returns when every row is encoded; the last partial chunk stays pending.
 */
export async function encodeBatch(enc: CsvEncoder, batch: RowBatch, from: number, to: number, write: (chunk: Uint8Array) => Promise<void> | void, decode?: ColumnDecoders): Promise<void> {
  let r = from;
  while (r < to) {
    r = enc.rows(batch, r, to, decode);
    if (enc.full) await write(enc.take());
  }
}
