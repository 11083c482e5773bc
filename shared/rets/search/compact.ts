// Streaming COMPACT / COMPACT-DECODED search parser. Bytes in, events out; rows are located by
// scanning bytes (indexOf for `<`, `</DATA>` and the delimiter) and kept as the batch's bytes plus
// an Int32Array of field offsets, so nothing is decoded until a field is read.

import { RetsError } from '../errors';
import { asciiText, concatBytes, HeldChunks, indexOfAscii, isPrefixCut, matchesAscii } from './bytes';
import { CompactRowBatch } from './rowBatch';
import { replyOf } from '../envelope';
import { htmlPageError, notRetsError, parseAttributes, tagName } from './tags';
import { decodeCharset, decodeText } from './text';
import type { SearchEvent, SearchParser } from './types';

const LT = 0x3c;
const GT = 0x3e;
const TAB = 0x09;
/** Rows per batch at most: big enough to amortize, small enough for a consumer to await. */
export const MAX_BATCH_ROWS = 2000;
/**
 * Columns of a search at most (real classes have up to ~1,500 fields): every row reads as this
 * many cells, so a COLUMNS line of a million tabs would turn each short row into a million cells.
 */
export const MAX_SEARCH_COLUMNS = 5000;
/** Rows whose field count is checked as they are parsed (later ones when they are read). */
const EAGER_CHECK_ROWS = 1000;
/** A single tag or row larger than this means a broken body (no closing tag), not a big search. */
const MAX_PENDING_BYTES = 64 * 1024 * 1024;
/** How much of a body that is not RETS an error quotes. */
const HEAD_CHARS = 400;

export class CompactSearchParser implements SearchParser {
  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private delimiter = TAB;
  private columns: string[] | null = null;
  private leading = true;
  private trailing = true;
  private sawRoot = false;
  private sawEnd = false;
  private warnedWide = false;
  private warnedLeading = false;
  private rowCount = 0;
  private started = false;
  // The batch being filled: row bounds into `buf`.
  private bounds = new Int32Array(0);
  private rowSegment = new Uint8Array(0);
  private segments: Uint8Array[] = [];
  private batchRows = 0;
  private events: SearchEvent[] = [];
  /** The first bytes of the body, for an error about a body that is not RETS (scanning consumes plain text). */
  private head = '';
  private readonly held = new HeldChunks();

  push(chunk: Uint8Array): SearchEvent[] {
    if (chunk.length === 0) return [];
    if (!this.sawRoot && this.head.length < HEAD_CHARS) this.head += decodeCharset(chunk.subarray(0, HEAD_CHARS - this.head.length));
    const carried = this.buf.length - this.pos;
    const now = this.held.offer(chunk, carried);
    if (!now) {
      if (carried + this.held.size > MAX_PENDING_BYTES) throw this.tooLong();
      return this.take();
    }
    this.parse(now);
    return this.take();
  }

  private parse(chunk: Uint8Array): void {
    if (this.pos >= this.buf.length) {
      this.useBuffer(chunk, 0);
      if (!this.started) this.skipBom();
      this.scan();
    } else {
      this.stitch(chunk);
    }
    this.flushBatch();
    if (this.buf.length - this.pos > MAX_PENDING_BYTES) throw this.tooLong();
  }

  private tooLong(): RetsError {
    return notRetsError(`has a tag or row longer than ${MAX_PENDING_BYTES >> 20} MiB with no closing tag (after ${this.rowCount} rows)`, '');
  }

  end(): SearchEvent[] {
    if (this.held.size > 0) this.parse(this.held.drain());
    if (!this.sawRoot) {
      const restText = this.head.trim();
      if (/<html|<!doctype\s+html|<body/i.test(restText)) throw htmlPageError(restText);
      throw notRetsError(this.started || restText ? 'is not RETS XML (no <RETS> element)' : 'was empty', restText);
    }
    if (!this.sawEnd) {
      throw new RetsError({
        kind: 'parse', transaction: 'Search',
        message: `The search response was cut off after ${this.rowCount} rows (no closing </RETS>).`,
        cause: 'The connection closed early, or the server stopped writing mid-response.',
        hint: 'Run the search again; if it keeps failing, lower Limit and page with Offset.',
      });
    }
    return this.take();
  }

  /**
   * The element cut by the previous chunk is completed from as few bytes of the new chunk as
   * needed (copying only those), then the chunk is read in place: the body is not copied again.
   */
  private stitch(chunk: Uint8Array): void {
    const carry = this.buf.subarray(this.pos);
    // At least as many new bytes as carried ones: a long cut element is not rescanned per 4 KB.
    let w = Math.min(chunk.length, Math.max(4096, carry.length));
    for (;;) {
      this.useBuffer(concatBytes(carry, chunk.subarray(0, w)), 0);
      if (!this.started) this.skipBom();
      this.scan();
      if (this.pos >= carry.length || w === chunk.length) break;
      w = Math.min(chunk.length, w * 4); // the cut element is longer: nothing was read, try more
    }
    if (w < chunk.length) {
      this.useBuffer(chunk, this.pos - carry.length);
      this.scan();
    }
  }

  /** Rows of one batch may come from two buffers (a stitched piece, then the chunk). */
  private useBuffer(buf: Uint8Array, pos: number): void {
    this.buf = buf;
    this.pos = pos;
    if (this.batchRows === 0) this.segments = [buf];
    else if (this.segments[this.segments.length - 1] !== buf) this.segments.push(buf);
  }

  private take(): SearchEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  private skipBom(): void {
    let i = 0;
    while (i < this.buf.length && (this.buf[i] <= 0x20)) i++;
    if (i === this.buf.length) return;
    this.started = true;
    if (this.buf[i] === 0xef && this.buf[i + 1] === 0xbb && this.buf[i + 2] === 0xbf) i += 3;
    this.pos = i;
  }

  private scan(): void {
    const buf = this.buf;
    let pos = this.pos;
    for (;;) {
      const lt = buf.indexOf(LT, pos);
      if (lt < 0) { pos = buf.length; break; }
      if (buf[lt + 1] === 0x44 /* D */ && matchesAscii(buf, lt, '<DATA>')) {
        const close = this.columns === null ? this.slowRow(buf, lt + 6) : this.readRow(buf, lt + 6);
        if (close < 0) { pos = lt; break; }
        pos = close + 7;
        if (this.batchRows >= MAX_BATCH_ROWS) this.flushBatch();
        continue;
      }
      const next = this.readTag(buf, lt);
      if (next < 0) { pos = lt; break; }
      pos = next;
    }
    this.pos = pos;
  }

  /**
   * The hot path: find `</DATA>` (memchr-fast indexOf) and count the row's delimiters, keeping
   * only the row's bounds; fields are split when first read. Returns the index of `</DATA>`, or
   * -1 when the row is not complete yet.
   */
  private readRow(buf: Uint8Array, start: number): number {
    const close = this.findDataClose(buf, start);
    if (close < 0) return -1;
    if (close - start <= 2 && isBlankRow(buf, start, close, this.delimiter)) { this.warn('Blank row skipped.'); return close; }
    const width = (this.columns as string[]).length;
    const d = this.delimiter;
    let s = start;
    if (this.leading) {
      if (buf[s] === d) s++;
      else if (!this.warnedLeading) { this.warnedLeading = true; this.warn('A row lacks the leading delimiter: tolerated.'); }
    }
    // Counting every row's delimiters would cost as much as splitting it: the first rows are
    // checked here (a response whose COLUMNS and DATA disagree shows it at once); a later ragged
    // row is found when it is read (RowBatch.raggedRows) and reads "" for its missing fields.
    if (this.rowCount < EAGER_CHECK_ROWS) {
      let n = 0;
      for (let i = s; i < close; i++) if (buf[i] === d) n++;
      const fields = this.trailing && n > 0 && buf[close - 1] === d ? n : n + 1;
      if (fields !== width) this.warnRagged(fields, width);
    }
    const at = this.batchRows * 2;
    if (this.bounds.length < at + 2) this.growBounds(at + 2);
    this.rowSegment[this.batchRows] = this.segments.length - 1;
    this.bounds[at] = start;
    this.bounds[at + 1] = close;
    this.batchRows++;
    this.rowCount++;
    return close;
  }

  /** A row before any COLUMNS: find its end first, then name columns after its field count. */
  private slowRow(buf: Uint8Array, start: number): number {
    const close = this.findDataClose(buf, start);
    if (close < 0) return -1;
    if (close - start <= 2 && isBlankRow(buf, start, close, this.delimiter)) { this.warn('Blank row skipped.'); return close; }
    this.inventColumns(buf, start, close);
    return this.readRow(buf, start);
  }

  /** `</DATA>` after start; a stray `<` in the data (unescaped) is kept as data. */
  private findDataClose(buf: Uint8Array, start: number): number {
    let i = buf.indexOf(LT, start);
    while (i >= 0) {
      if (i + 7 > buf.length) return -1;
      if (buf[i + 1] === 0x2f && matchesAscii(buf, i, '</DATA>')) return i;
      i = buf.indexOf(LT, i + 1);
    }
    return -1;
  }

  /** Handles the tag at lt; returns where scanning goes on, or -1 when more bytes are needed. */
  private readTag(buf: Uint8Array, lt: number): number {
    if (buf[lt + 1] === 0x21 && isPrefixCut(buf, lt)) return -1;
    if (matchesAscii(buf, lt, '<!--')) {
      const end = indexOfAscii(buf, '-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    const gt = buf.indexOf(GT, lt);
    if (gt < 0) return -1;
    const tag = asciiText(buf, lt + 1, gt);
    const name = tagName(tag).toUpperCase();
    if (name.startsWith('?') || name.startsWith('!')) {
      if (/^!DOCTYPE\s+HTML/i.test(tag)) throw htmlPageError(asciiText(buf, lt, Math.min(buf.length, lt + 2000)));
      return gt + 1;
    }
    if (!this.sawRoot && name !== 'RETS') {
      if (name === 'HTML' || name === 'HEAD' || name === 'BODY') throw htmlPageError(asciiText(buf, lt, Math.min(buf.length, lt + 2000)));
      this.warn(`Unexpected <${name}> before <RETS>: ignored.`);
    }
    if (name !== 'DATA' && name !== '/DATA') this.flushBatch();
    switch (name) {
      case 'RETS': {
        this.sawRoot = true;
        const { replyCode, replyText } = replyOf(parseAttributes(tag));
        this.events.push({ kind: 'status', replyCode, replyText, where: 'RETS' });
        if (tag.trimEnd().endsWith('/')) this.sawEnd = true;
        return gt + 1;
      }
      case '/RETS': this.sawEnd = true; return gt + 1;
      case 'RETS-STATUS': {
        const { replyCode, replyText } = replyOf(parseAttributes(tag));
        this.events.push({ kind: 'status', replyCode, replyText, where: 'RETS-STATUS' });
        return gt + 1;
      }
      case 'COUNT': {
        const n = Number.parseInt(parseAttributes(tag).records ?? '', 10);
        if (Number.isFinite(n)) this.events.push({ kind: 'count', count: n });
        else this.warn(`<COUNT> without a number: ${tag}`);
        return gt + 1;
      }
      case 'DELIMITER': {
        this.setDelimiter(parseAttributes(tag).value ?? '');
        return gt + 1;
      }
      case 'MAXROWS': this.events.push({ kind: 'maxrows' }); return gt + 1;
      case 'COLUMNS': {
        if (tag.trimEnd().endsWith('/')) { this.setColumns(buf, gt + 1, gt + 1); return gt + 1; }
        const close = indexOfAscii(buf, '</COLUMNS>', gt + 1);
        if (close < 0) return -1;
        this.setColumns(buf, gt + 1, close);
        return close + 10;
      }
      case 'DATA': // `<DATA/>` or `<DATA attr>`: a blank row
        if (!tag.trimEnd().endsWith('/')) {
          const close = this.columns === null ? this.slowRow(buf, gt + 1) : this.readRow(buf, gt + 1);
          return close < 0 ? -1 : close + 7;
        }
        this.warn('Blank row (<DATA/>) skipped.');
        return gt + 1;
      default:
        return gt + 1;
    }
  }

  private setDelimiter(value: string): void {
    const v = value.trim();
    const code = /^[0-9a-fA-F]{1,2}$/.test(v) ? Number.parseInt(v, 16) : Number.NaN;
    if (Number.isFinite(code) && code > 0) this.delimiter = code;
    else if (v.length === 1) this.delimiter = v.charCodeAt(0);
    else this.warn(`Unreadable DELIMITER value "${value}": using tab.`);
  }

  private setColumns(buf: Uint8Array, start: number, end: number): void {
    const d = this.delimiter;
    // Columns never have entities worth scanning past; trim surrounding white space that is not the delimiter.
    while (start < end && buf[start] !== d && buf[start] <= 0x20) start++;
    while (end > start && buf[end - 1] !== d && buf[end - 1] <= 0x20) end--;
    this.leading = start < end && buf[start] === d;
    this.trailing = end > start && buf[end - 1] === d;
    if (!this.leading || !this.trailing) this.warn('COLUMNS lack a leading or trailing delimiter: tolerated.');
    const names: string[] = [];
    let s = this.leading ? start + 1 : start;
    const stop = this.trailing ? end - 1 : end;
    if (stop >= s) {
      for (;;) {
        if (names.length > MAX_SEARCH_COLUMNS) break; // refused below, without decoding the rest
        let e = buf.indexOf(d, s);
        if (e < 0 || e > stop) e = stop;
        names.push(decodeText(buf, s, e));
        if (e >= stop) break;
        s = e + 1;
      }
    }
    this.setColumnNames(names);
  }

  private setColumnNames(names: string[]): void {
    if (names.length > MAX_SEARCH_COLUMNS) {
      throw new RetsError({
        kind: 'parse', transaction: 'Search',
        message: `The search response has more than ${MAX_SEARCH_COLUMNS} columns, more than any real class has: it is not read further.`,
        cause: 'The COLUMNS line (or the first row) is broken, or the server is not a RETS server.',
        hint: 'Select fewer fields; if it persists, save the raw response and report it to the MLS.',
      });
    }
    this.columns = names;
    this.events.push({ kind: 'columns', columns: names });
  }

  private inventColumns(buf: Uint8Array, start: number, end: number): void {
    let n = 1;
    for (let i = start; i < end; i++) if (buf[i] === this.delimiter) n++;
    if (buf[start] === this.delimiter) n--;
    if (end > start && buf[end - 1] === this.delimiter) n--;
    this.leading = buf[start] === this.delimiter;
    this.trailing = buf[end - 1] === this.delimiter;
    this.warn('DATA arrived before COLUMNS: columns named Column1, Column2, ….');
    if (n > MAX_SEARCH_COLUMNS) this.setColumnNames(new Array<string>(n));
    this.setColumnNames(Array.from({ length: Math.max(n, 1) }, (_, i) => `Column${i + 1}`));
  }

  private warnRagged(found: number, width: number): void {
    if (this.warnedWide) return;
    this.warnedWide = true;
    this.warn(`Row ${this.rowCount + 1} has ${found} fields for ${width} columns: ${found < width ? 'missing ones read as empty' : 'extra ones ignored'} (reported once).`);
  }

  private growBounds(need: number): void {
    const next = new Int32Array(Math.max(need, this.bounds.length * 2, 256));
    next.set(this.bounds.subarray(0, this.batchRows * 2));
    this.bounds = next;
    const seg = new Uint8Array(next.length >> 1);
    seg.set(this.rowSegment.subarray(0, this.batchRows));
    this.rowSegment = seg;
  }

  private flushBatch(): void {
    if (this.batchRows === 0) return;
    // The batch keeps its own copy of the bounds; they point into this push's bytes, which are
    // never written again (the next push starts a new buffer).
    const bounds = this.bounds.slice(0, this.batchRows * 2);
    const shape = { delimiter: this.delimiter, leading: this.leading, trailing: this.trailing };
    const segments = this.segments.length === 1 ? this.segments : this.segments.slice();
    const rowSegment = segments.length === 1 ? null : this.rowSegment.slice(0, this.batchRows);
    this.events.push({ kind: 'rows', batch: new CompactRowBatch(this.columns as string[], this.batchRows, segments, rowSegment, bounds, shape) });
    this.segments = [this.buf];
    this.batchRows = 0;
  }

  private warn(message: string): void {
    this.events.push({ kind: 'warning', message });
  }
}

/** White space without a delimiter: `<DATA>\t\t</DATA>` is one empty value in a one-column search, not blank. */
function isBlankRow(buf: Uint8Array, start: number, end: number, delimiter: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] > 0x20 || buf[i] === delimiter) return false;
  return true;
}
