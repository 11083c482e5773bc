// Streaming STANDARD-XML search parser. A small tolerant tag scanner walks the body as it
// arrives; each record's leaf elements become columns in order of first appearance (a new
// 'columns' event whenever a record brings new ones). Nothing but the current record is held.
//
// Where records are: <RETS><REData><Properties><AllProperty>… (records two levels under
// REData, per the RETS data DTDs), or CREA DDF's <RETS><RETS-RESPONSE><PropertyDetails>…
// (records one level under any other data root, skipping <Pagination>).

import { RetsError } from '../errors';
import { asciiText, concatBytes, HeldChunks, indexOfAscii, isPrefixCut, matchesAscii } from './bytes';
import { ArrayRowBatch } from './rowBatch';
import { replyOf } from '../envelope';
import { htmlPageError, notRetsError, parseAttributes, tagName } from './tags';
import { decodeCharset, decodeText } from './text';
import type { SearchEvent, SearchParser } from './types';
import { MAX_BATCH_ROWS, MAX_SEARCH_COLUMNS } from './compact';

const LT = 0x3c;
const GT = 0x3e;
const NOT_RECORDS = new Set(['PAGINATION']);
const MAX_PENDING_BYTES = 64 * 1024 * 1024;
/** Real records nest a few levels; a deeper body is hostile or broken (each leaf costs its depth). */
export const MAX_SEARCH_XML_DEPTH = 64;

interface Open { name: string; hasChildren: boolean; text: string }

export class StandardXmlSearchParser implements SearchParser {
  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private stack: Open[] = [];
  private sawRoot = false;
  private sawEnd = false;
  private recordDepth = -1;
  private inRecord = false;
  private skipDepth = -1;
  /** Working list of column names (grows); `columns` is the last one sent out. */
  private names: string[] = [];
  private taken = new Set<string>();
  private columns: string[] = [];
  private columnOf = new Map<string, number>();
  private row: string[] = [];
  private newColumns = false;
  /** Per column path of the current record: how many times it came (repeated elements get `#n`). */
  private repeats = new Map<string, number>();
  private rows: string[][] = [];
  /** The columns the pending rows were built with (a record may add columns before its row is pending). */
  private rowsColumns: string[] = [];
  private events: SearchEvent[] = [];
  private rowCount = 0;
  private readonly held = new HeldChunks();

  push(chunk: Uint8Array): SearchEvent[] {
    if (chunk.length === 0) return [];
    const carried = this.buf.length - this.pos;
    const now = this.held.offer(chunk, carried);
    if (!now) {
      if (carried + this.held.size > MAX_PENDING_BYTES) throw notRetsError('has a tag longer than 64 MiB', '');
      return this.take();
    }
    this.parse(now);
    return this.take();
  }

  private parse(chunk: Uint8Array): void {
    this.buf = this.pos >= this.buf.length ? chunk : concatBytes(this.buf.subarray(this.pos), chunk);
    this.pos = 0;
    this.scan();
    this.flushRows();
    if (this.buf.length - this.pos > MAX_PENDING_BYTES) throw notRetsError('has a tag longer than 64 MiB', '');
  }

  end(): SearchEvent[] {
    if (this.held.size > 0) this.parse(this.held.drain());
    const rest = asciiText(this.buf, this.pos, Math.min(this.buf.length, this.pos + 400)).trim();
    if (!this.sawRoot) {
      if (/<html|<!doctype\s+html|<body/i.test(rest)) throw htmlPageError(rest);
      throw notRetsError(rest ? 'is not RETS XML (no <RETS> element)' : 'was empty', rest);
    }
    if (!this.sawEnd) {
      throw new RetsError({
        kind: 'parse', transaction: 'Search',
        message: `The STANDARD-XML search response was cut off after ${this.rowCount} records (no closing </RETS>).`,
        cause: 'The connection closed early, or the server stopped writing mid-response.',
        hint: 'Run the search again; if it keeps failing, lower Limit and page with Offset.',
      });
    }
    return this.take();
  }

  private take(): SearchEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  private scan(): void {
    const buf = this.buf;
    let pos = this.pos;
    for (;;) {
      const lt = buf.indexOf(LT, pos);
      // Text is read only once its end is here: an entity or a UTF-8 sequence may straddle chunks.
      if (lt < 0) break;
      this.addText(buf, pos, lt);
      const next = this.readMarkup(buf, lt);
      if (next < 0) { pos = lt; break; }
      pos = next;
    }
    this.pos = pos;
  }

  private addText(buf: Uint8Array, start: number, end: number): void {
    const top = this.stack[this.stack.length - 1];
    if (!top || !this.inRecord || start >= end) return;
    top.text += decodeText(buf, start, end);
  }

  private readMarkup(buf: Uint8Array, lt: number): number {
    if (buf[lt + 1] === 0x21 && isPrefixCut(buf, lt)) return -1;
    if (matchesAscii(buf, lt, '<!--')) {
      const e = indexOfAscii(buf, '-->', lt + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (matchesAscii(buf, lt, '<![CDATA[')) {
      const e = indexOfAscii(buf, ']]>', lt + 9);
      if (e < 0) return -1;
      const top = this.stack[this.stack.length - 1];
      if (top && this.inRecord) top.text += decodeCharset(buf.subarray(lt + 9, e));
      return e + 3;
    }
    const gt = buf.indexOf(GT, lt);
    if (gt < 0) return -1;
    const tag = asciiText(buf, lt + 1, gt);
    const name = tagName(tag);
    if (name.startsWith('?')) return gt + 1;
    if (name.startsWith('!')) {
      if (/^!DOCTYPE\s+HTML/i.test(tag)) throw htmlPageError(asciiText(buf, lt, Math.min(buf.length, lt + 2000)));
      return gt + 1;
    }
    if (name.startsWith('/')) this.close(name.slice(1));
    else {
      const selfClosing = tag.trimEnd().endsWith('/');
      this.open(name, tag, buf, lt);
      if (selfClosing) this.close(name);
    }
    return gt + 1;
  }

  private open(name: string, tag: string, buf: Uint8Array, lt: number): void {
    const depth = this.stack.length; // depth of the new element: RETS is 0
    if (depth >= MAX_SEARCH_XML_DEPTH) throw tooMuch(`nests elements deeper than ${MAX_SEARCH_XML_DEPTH} levels`, this.rowCount);
    const upper = name.toUpperCase();
    if (depth === 0) {
      if (upper !== 'RETS') {
        if (upper === 'HTML' || upper === 'HEAD' || upper === 'BODY') throw htmlPageError(asciiText(buf, lt, Math.min(buf.length, lt + 2000)));
        this.warn(`Unexpected root <${name}>: read as if it were <RETS>.`);
      }
      this.sawRoot = true;
      const { replyCode, replyText } = replyOf(parseAttributes(tag));
      this.events.push({ kind: 'status', replyCode, replyText, where: 'RETS' });
    } else if (depth === 1) {
      this.envelopeTag(upper, tag);
    }
    const parent = this.stack[depth - 1];
    if (parent) parent.hasChildren = true;
    this.stack.push({ name, hasChildren: false, text: '' });
    if (depth === 1 && this.recordDepth < 0 && !isEnvelope(upper)) this.recordDepth = upper === 'REDATA' ? 3 : 2;
    if (depth === this.recordDepth && this.skipDepth < 0) {
      if (NOT_RECORDS.has(upper)) this.skipDepth = depth;
      else this.startRecord(tag);
    }
  }

  private envelopeTag(upper: string, tag: string): void {
    if (upper === 'COUNT') {
      const n = Number.parseInt(parseAttributes(tag).records ?? '', 10);
      if (Number.isFinite(n)) this.events.push({ kind: 'count', count: n });
    } else if (upper === 'MAXROWS') {
      this.flushRows();
      this.events.push({ kind: 'maxrows' });
    } else if (upper === 'RETS-STATUS') {
      this.flushRows();
      const { replyCode, replyText } = replyOf(parseAttributes(tag));
      this.events.push({ kind: 'status', replyCode, replyText, where: 'RETS-STATUS' });
    }
  }

  private close(name: string): void {
    const depth = this.stack.length - 1;
    if (depth < 0) return;
    const top = this.stack[depth];
    if (top.name !== name) {
      // Tolerate a mismatched end tag: close up to the matching open element if there is one.
      const at = this.stack.map((o) => o.name).lastIndexOf(name);
      if (at < 0) { this.warn(`Stray </${name}> ignored.`); return; }
      this.warn(`<${top.name}> closed by </${name}>: tolerated.`);
      while (this.stack.length - 1 > at) this.close(this.stack[this.stack.length - 1].name);
      this.close(name);
      return;
    }
    if (this.inRecord && depth > this.recordDepth && !top.hasChildren) this.setLeaf(top.text);
    if (depth === this.recordDepth) {
      if (this.skipDepth === depth) this.skipDepth = -1;
      else if (this.inRecord) this.endRecord();
    }
    this.stack.pop();
    if (depth === 0) this.sawEnd = true;
  }

  private startRecord(tag: string): void {
    this.inRecord = true;
    this.row = [];
    this.repeats.clear();
    for (const [k, v] of Object.entries(parseAttributes(tag.slice(tagName(tag).length), true))) this.setValue(`@${k}`, k, v);
  }

  private setLeaf(text: string): void {
    const path = this.stack.slice(this.recordDepth + 1).map((o) => o.name);
    this.setValue(path.join('/'), path[path.length - 1], text.trim());
  }

  private setValue(path: string, leaf: string, value: string): void {
    const seen = this.repeats.get(path) ?? 0;
    this.repeats.set(path, seen + 1);
    const key = seen === 0 ? path : `${path}#${seen + 1}`;
    let col = this.columnOf.get(key);
    if (col === undefined) {
      if (this.names.length >= MAX_SEARCH_COLUMNS) throw tooMuch(`has more than ${MAX_SEARCH_COLUMNS} different fields`, this.rowCount);
      col = this.names.length;
      const name = this.taken.has(leaf) ? key : leaf;
      this.names.push(name);
      this.taken.add(name);
      this.columnOf.set(key, col);
      this.newColumns = true;
    }
    this.row[col] = value;
  }

  private endRecord(): void {
    this.inRecord = false;
    if (this.newColumns) {
      this.flushRows();
      this.newColumns = false;
      this.columns = this.names.slice();
      this.events.push({ kind: 'columns', columns: this.columns });
    }
    // Kept as set: a record without some fields has holes, read as "" (ArrayRowBatch.get).
    this.rows.push(this.row);
    this.rowsColumns = this.columns;
    this.rowCount++;
    if (this.rows.length >= MAX_BATCH_ROWS) this.flushRows();
  }

  private flushRows(): void {
    if (this.rows.length === 0) return;
    this.events.push({ kind: 'rows', batch: new ArrayRowBatch(this.rowsColumns, this.rows) });
    this.rows = [];
  }

  private warn(message: string): void {
    this.events.push({ kind: 'warning', message });
  }
}

/** A body shaped beyond what any real search response is: refused before it costs the host. */
function tooMuch(what: string, rows: number): RetsError {
  return new RetsError({
    kind: 'parse', transaction: 'Search',
    message: `The STANDARD-XML search response ${what} (after ${rows} records): it is not read further.`,
    cause: 'No real search response is shaped like this: the body is broken, or the server is not a RETS server.',
    hint: 'Try Format=COMPACT-DECODED; if it persists, save the raw response and report it to the MLS.',
  });
}

function isEnvelope(upper: string): boolean {
  return upper === 'COUNT' || upper === 'MAXROWS' || upper === 'RETS-STATUS' || upper === 'DELIMITER';
}
