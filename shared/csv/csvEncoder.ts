// CSV at disk speed: rows go from the parser's bytes to CSV bytes without a string per field. A
// COMPACT row is split, entity-decoded, formula-guarded and quoted in one pass over its bytes,
// into a big buffer handed out in chunks. The output is csv-stringify's, byte for byte, for the
// strings RowBatch.get() gives (RFC 4180: fields joined by `,`, records ended by CRLF, a field
// holding `,` `"` CR or LF quoted with `"` doubled; an optional UTF-8 BOM, written even when there
// is no record), with csv-stringify's `quote_record_delimiter: true`: without it, a field holding a
// lone CR or LF went out unquoted and split the record for any reader.
// A field that is not valid UTF-8 (a windows-1252 server) and rows that are not COMPACT bytes
// (STANDARD-XML, OData, the header) take the string path: decoded text, encoded to UTF-8 here.

import { CompactRowBatch } from '../rets/search/rowBatch';
import { decodeText } from '../rets/search/text';
import type { RowBatch } from '../rets/search/types';
import type { Decoder } from '../metadata/lookupDecoder';

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
    let r = from;
    for (; r < to && !this.full; r++) {
      const bytes = batch.rowBytes(r, range);
      const start = range[0];
      const close = range[1];
      const need = (close - start) * 3 + width * 4 + 2;
      if (this.p > 0 && this.p + need > this.buf.length) { this.stopped = true; break; }
      this.room(need);
      this.p = this.compactRow(bytes, start, close, delimiter, leading, width, decode);
    }
    return r;
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
