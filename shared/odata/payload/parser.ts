// OData JSON payloads read as the bytes arrive: a push parser (pure, no I/O) with a hand-written
// tokenizer that walks each byte once, keeps an explicit stack of open containers (capped: a
// hostile body gets a typed "too deep" error) and delivers the `value` rows in compact batches
// at the end of each push. Only the bytes of the row being read are carried from one chunk to
// the next; a page is never built as a JS object tree. A collection's rows mostly go through a
// fast path (fastRows) that reads a whole token per step and hands any token cut by the end of
// the bytes, or unusual, to the tokenizer: a byte is scanned at most twice. Batches are views of
// the parser's buffers, which are never written below their end once a batch holds them.
//
//   const p = createODataPayloadParser({ select }); for each chunk: events = p.push(chunk);
//   at the end: events = p.end().
//
// Collections (`{"@odata.context": ..., "value": [ {...}, ... ], "@odata.nextLink": ...}`) give a
// row per element of `value` (an element that is not an object, as in a collection of
// primitives, is a row with the single column "value"). A single entity (`Property('A1')`, whose
// context ends in `$entity`, or any top-level object without a `value` array) gives one row.

import { ODataParseError } from '../parseError';
import { decodeJsonString, utf8Text } from './jsonString';
import { KeyPatterns } from './keyPatterns';
import { isNumberByte, literalEnd, nestedEnd, numberEnd, stringEnd } from './scanBytes';
import {
  COUNT_SHIFT, K_ARRAY, K_FALSE, K_NULL, K_NUMBER, K_OBJECT, K_STRING, K_STRING_ESC, K_TRUE, MAX_COUNT, ODataRowBatch,
} from './rowBatch';

export type ODataPayloadEvent =
  | { kind: 'context'; context: string }
  /** @odata.count: `raw` is the text as sent (servers send a number, some a string). */
  | { kind: 'count'; count: number; raw: string }
  | { kind: 'nextLink'; url: string }
  /** Other top-level annotations (@odata.deltaLink, vendor ones), decoded when strings, else their JSON text. */
  | { kind: 'annotation'; name: string; value: string }
  /** The body is a single entity: its row follows as a one-row batch. */
  | { kind: 'entity' }
  /** The column list grew (the same array, now longer): sent before the batch that first uses it. */
  | { kind: 'columns'; columns: readonly string[] }
  | { kind: 'rows'; batch: ODataRowBatch }
  | { kind: 'warning'; message: string };

export interface ODataPayloadParser {
  push(chunk: Uint8Array): ODataPayloadEvent[];
  end(): ODataPayloadEvent[];
  /** Bytes read so far. */
  readonly bytesRead: number;
  /** Bytes copied inside the parser (into its buffer, and the bytes still needed when it moves to another): linear in bytesRead. */
  readonly bytesCopied: number;
}

export interface ODataPayloadOptions {
  /** The $select list: columns start in this order (properties the server adds anyway follow). */
  select?: readonly string[];
  /** Deepest nesting of [ and { accepted (default 256). */
  maxDepth?: number;
  /** Most bytes one row (or one top-level annotation) may take (default 64 MiB). */
  maxRowBytes?: number;
  /** Most distinct columns (default 20,000). */
  maxColumns?: number;
}

// Tokenizer states.
const S_VALUE = 0;        // a value must come
const S_VALUE_OR_END = 1; // after "[": a value or "]"
const S_KEY_OR_END = 2;   // after "{": a key or "}"
const S_KEY = 3;          // after "," in an object: a key
const S_COLON = 4;
const S_AFTER = 5;        // after a value: "," or the closer
const S_STRING = 6;
const S_STRING_ESC = 7;   // right after a backslash
const S_NUMBER = 8;
const S_LITERAL = 9;
const S_END = 10;         // after the top-level value: only blanks

// Roles of a value, by where it stands.
const R_NONE = 0;   // inside a kept nested value
const R_TOP = 1;    // the whole body
const R_ANNOT = 2;  // a top-level annotation
const R_VALUE = 3;  // the top-level "value" member (an array: collection)
const R_ROW = 4;    // an element of the value array
const R_FIELD = 5;  // a property of the row (or of the single entity)

const M_UNKNOWN = 0;
const M_COLLECTION = 1;
const M_ENTITY = 2;

const OBJ = 1;
const ARR = 2;

/** Smallest buffer for bytes (batches hold views of them) and for fields (Int32 entries). */
const MIN_BUFFER = 256 * 1024;
const MIN_FIELDS = 64 * 1024;

const LITERALS = ['true', 'false', 'null'].map((w) => Uint8Array.from(w, (c) => c.charCodeAt(0)));
const LIT_KIND = [K_TRUE, K_FALSE, K_NULL];

function isBlank(b: number): boolean { return b === 32 || b === 10 || b === 13 || b === 9; }

class PayloadParser implements ODataPayloadParser {
  private buf = new Uint8Array(1 << 16);
  /** A batch holds a view of buf. */
  private bufShared = false;
  private view = new DataView(this.buf.buffer);
  private len = 0;
  private pos = 0;
  /** Stream offset of buf[0]. */
  private base = 0;
  private state = S_VALUE;
  private depth = 0;
  private readonly types: Uint8Array;
  private readonly maxDepth: number;
  private readonly maxRowBytes: number;
  private readonly maxColumns: number;

  // The token being read.
  private tokStart = -1;
  private tokEsc = false;
  private tokIsKey = false;
  private tokRole = R_NONE;
  private litIndex = 0;
  private litPos = 0;

  // Where the body is.
  private mode = M_UNKNOWN;
  private contextIsEntity = false;
  private topRole = R_NONE;
  private topName = '';
  private valueOpen = false;

  // A nested value being kept whole (object/array field, or object annotation).
  private capDepth = 0;
  private capStart = 0;
  private capKind = 0;
  private capCount = 0;
  private capRole = R_NONE;
  private capCol = 0;
  private capName = '';

  // The row being read.
  private inRow = false;
  private rowStart = 0;
  private rowDepth = 0;
  private rowPrimitive = false;
  private col = 0;
  private lastCol = -1;
  /** Properties read so far in the current row. */
  private keyInRow = 0;
  /** Column of the k-th property of the previous row: rows come in one order, so the next key is guessed from it. */
  private readonly keyOrder: number[] = [];

  // Columns, shared by every batch of this response.
  private readonly columns: string[] = [];
  private readonly colBytes: Uint8Array[] = [];
  private readonly colIndex = new Map<string, number>();
  /** Per column: `"Key":` to check where the previous row had that key. */
  private readonly keyPatterns = new KeyPatterns();
  private columnsChanged = false;

  // Fields and rows read since the last batch: offsets from fieldBase, where the batch's bytes
  // will begin (the start of its first row), so a batch takes them as they are.
  private fields = new Int32Array(4 * 1024);
  private fieldBase = 0;
  /** Index of the first field not yet in a batch (batches hold views of `fields` below it). */
  private fieldStart = 0;
  private nFields = 0;
  private rowEnds: number[] = [];
  private rowFieldEnds: number[] = [];
  private firstRowStart = -1;

  /** What the byte scans report besides a position. */
  private readonly scanned = { count: 0, escaped: false };

  private out: ODataPayloadEvent[] = [];
  private ended = false;
  bytesCopied = 0;

  constructor(options: ODataPayloadOptions) {
    this.maxDepth = options.maxDepth ?? 256;
    this.maxRowBytes = options.maxRowBytes ?? 64 * 1024 * 1024;
    this.maxColumns = options.maxColumns ?? 20_000;
    this.types = new Uint8Array(this.maxDepth + 2);
    for (const name of options.select ?? []) this.addColumn(name, encodeAscii(name));
    this.columnsChanged = this.columns.length > 0;
  }

  get bytesRead(): number { return this.base + this.len; }

  push(chunk: Uint8Array): ODataPayloadEvent[] {
    if (this.ended) throw new Error('push() after end()');
    this.append(chunk);
    this.scan();
    this.flushRows();
    this.checkRowSize();
    return this.take();
  }

  end(): ODataPayloadEvent[] {
    if (this.ended) return [];
    this.ended = true;
    if (this.state === S_NUMBER) this.endNumber(this.len);
    if (this.state !== S_END) {
      const what = this.depth === 0 && this.state === S_VALUE ? 'The body is empty' : 'The body ends before the JSON is complete: it is truncated';
      throw new ODataParseError('truncated', what, this.base + this.len);
    }
    this.flushRows();
    return this.take();
  }

  private take(): ODataPayloadEvent[] {
    const o = this.out;
    this.out = [];
    return o;
  }

  private error(kind: 'syntax' | 'too-deep' | 'too-large', message: string, at: number): never {
    throw new ODataParseError(kind, message, this.base + at);
  }

  // ---- bytes ----

  private append(chunk: Uint8Array): void {
    if (this.len + chunk.length > this.buf.length) this.makeRoom(chunk.length);
    this.buf.set(chunk, this.len);
    this.bytesCopied += chunk.length;
    this.len += chunk.length;
  }

  /** The oldest byte still needed: the row being read, a kept value, or the token being read. */
  private keepFrom(): number {
    let k = this.pos;
    if (this.tokStart >= 0) k = Math.min(k, this.tokStart - 1);
    if (this.capDepth > 0) k = Math.min(k, this.capStart);
    if (this.inRow) k = Math.min(k, this.rowStart);
    return Math.max(0, k);
  }

  /**
   * Room for n more bytes. The bytes still needed move to the front: of this buffer when no batch
   * holds a view of it and that frees at least half, else of a new one at least twice their size
   * (so each byte moves O(1) times). A buffer batches hold is never written below its end again.
   */
  private makeRoom(n: number): void {
    const keep = this.keepFrom();
    const tail = this.len - keep;
    if (!this.bufShared && keep >= tail && tail + n <= this.buf.length) {
      this.buf.copyWithin(0, keep, this.len);
    } else {
      let size = MIN_BUFFER;
      while (size < 2 * (tail + n)) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.buf.subarray(keep, this.len));
      this.buf = next;
      this.view = new DataView(next.buffer);
      this.bufShared = false;
    }
    this.bytesCopied += tail;
    this.len = tail;
    this.pos -= keep;
    this.base += keep;
    if (this.tokStart >= 0) this.tokStart -= keep;
    this.capStart -= keep;
    this.rowStart -= keep;
    this.fieldBase -= keep;
  }

  private checkRowSize(): void {
    const keep = this.keepFrom();
    if (this.len - keep > this.maxRowBytes) this.error('too-large', `A row or annotation is larger than ${this.maxRowBytes} bytes`, keep);
  }

  // ---- columns ----

  private addColumn(name: string, bytes: Uint8Array): number {
    if (this.columns.length >= this.maxColumns) this.error('too-large', `More than ${this.maxColumns} distinct properties`, this.pos);
    const c = this.columns.length;
    this.columns.push(name);
    this.colBytes.push(bytes);
    this.keyPatterns.add(bytes);
    this.colIndex.set(name, c);
    this.columnsChanged = true;
    return c;
  }

  private resolveColumn(s: number, e: number, esc: boolean): number {
    const k = this.keyInRow++;
    const expect = k < this.keyOrder.length ? this.keyOrder[k]! : this.lastCol + 1;
    const c = this.columnOf(s, e, esc, expect);
    if (k < this.keyOrder.length) this.keyOrder[k] = c;
    else if (k === this.keyOrder.length) this.keyOrder.push(c);
    return c;
  }

  private columnOf(s: number, e: number, esc: boolean, expect: number): number {
    if (!esc && expect < this.colBytes.length) {
      const want = this.colBytes[expect]!;
      if (want.length === e - s) {
        let i = 0;
        while (i < want.length && want[i] === this.buf[s + i]) i++;
        if (i === want.length) return (this.lastCol = expect);
      }
    }
    const name = esc ? decodeJsonString(this.buf, s, e) : utf8Text(this.buf, s, e);
    const c = this.colIndex.get(name) ?? this.addColumn(name, esc ? new TextEncoder().encode(name) : this.buf.slice(s, e));
    return (this.lastCol = c);
  }

  // ---- rows ----

  private pushField(col: number, s: number, e: number, meta: number): void {
    if ((this.nFields + 1) * 4 > this.fields.length) this.moreFields();
    const i = this.nFields * 4;
    this.fields[i] = col;
    this.fields[i + 1] = s - this.fieldBase;
    this.fields[i + 2] = e - this.fieldBase;
    this.fields[i + 3] = meta;
    this.nFields++;
  }

  /** A new block for fields; those not yet in a batch move to its front. */
  private moreFields(): void {
    const from = this.fieldStart;
    const pending = this.nFields - from;
    let size = MIN_FIELDS;
    while (size < 2 * 4 * (pending + 1)) size *= 2;
    const next = new Int32Array(size);
    next.set(this.fields.subarray(from * 4, this.nFields * 4));
    this.fields = next;
    this.nFields = pending;
    this.fieldStart = 0;
    for (let r = 0; r < this.rowFieldEnds.length; r++) this.rowFieldEnds[r]! -= from;
  }

  private startRow(at: number, depth: number): void {
    this.inRow = true;
    this.rowStart = at;
    this.rowDepth = depth;
    this.lastCol = -1;
    this.keyInRow = 0;
    if (this.rowEnds.length === 0) this.fieldBase = at;
  }

  private endRow(end: number): void {
    this.inRow = false;
    this.rowPrimitive = false;
    if (this.firstRowStart < 0) this.firstRowStart = this.rowStart;
    this.rowEnds.push(end);
    this.rowFieldEnds.push(this.nFields);
  }

  /** Hand the rows completed so far to the consumer as one batch (bytes copied out of the buffer). */
  private flushRows(): void {
    const n = this.rowEnds.length;
    if (this.columnsChanged && (n > 0 || this.ended)) { this.out.push({ kind: 'columns', columns: this.columns }); this.columnsChanged = false; }
    if (n === 0) return;
    const from = this.firstRowStart;
    const to = this.rowEnds[n - 1]!;
    const bytes = this.buf.subarray(from, to);
    this.bufShared = true;
    const first = this.fieldStart;
    const done = this.rowFieldEnds[n - 1]!;
    const fields = this.fields.subarray(first * 4, done * 4);
    const rowFields = new Int32Array(n + 1);
    for (let r = 0; r < n; r++) rowFields[r + 1] = this.rowFieldEnds[r]! - first;
    // Fields of the row still being read start the next batch, from the row's own start.
    this.fieldStart = done;
    const shift = this.rowStart - this.fieldBase;
    for (let i = done; i < this.nFields; i++) { this.fields[i * 4 + 1]! -= shift; this.fields[i * 4 + 2]! -= shift; }
    this.fieldBase = this.rowStart;
    this.rowEnds = [];
    this.rowFieldEnds = [];
    this.firstRowStart = -1;
    this.out.push({ kind: 'rows', batch: new ODataRowBatch(this.columns, bytes, rowFields, fields) });
  }

  /** A non-row event, after the rows read before it. */
  private emit(e: ODataPayloadEvent): void {
    this.flushRows();
    this.out.push(e);
  }

  // ---- annotations ----

  private annotation(name: string, meta: number, s: number, e: number): void {
    const kind = meta & 15;
    const text = kind === K_STRING_ESC ? decodeJsonString(this.buf, s, e) : kind === K_NULL ? '' : utf8Text(this.buf, s, e);
    if (name === '@odata.context' || name === '@context') {
      if (text.endsWith('$entity')) this.contextIsEntity = true;
      this.emit({ kind: 'context', context: text });
    } else if (name === '@odata.count' || name === '@count') {
      const n = Number(text.trim());
      if (text.trim() !== '' && Number.isFinite(n)) this.emit({ kind: 'count', count: n, raw: text });
      else this.emit({ kind: 'warning', message: `@odata.count "${text.slice(0, 40)}" is not a number: ignored` });
    } else if (name === '@odata.nextLink' || name === '@nextLink') {
      this.emit({ kind: 'nextLink', url: text });
    } else {
      this.emit({ kind: 'annotation', name, value: text });
    }
  }

  // ---- values ----

  /** The role of a value starting now at the current depth. */
  private roleHere(): number {
    const d = this.depth;
    if (this.capDepth > 0) {
      if (d === this.capDepth && this.capKind === K_ARRAY && this.capCount < MAX_COUNT) this.capCount++;
      return R_NONE;
    }
    if (d === 0) return R_TOP;
    if (d === 1) return this.topRole;
    if (this.valueOpen && d === 2) return R_ROW;
    if (this.inRow && d === this.rowDepth) return R_FIELD;
    return R_NONE;
  }

  /** A value begins at pos with byte b. */
  private beginValue(b: number): void {
    let role = this.roleHere();
    const at = this.pos;
    if (role === R_VALUE) {
      if (b === 91) { this.mode = M_COLLECTION; this.valueOpen = true; role = R_NONE; }
      else { this.enterEntity(at); this.col = this.resolveName('value'); role = R_FIELD; }
    } else if (role === R_ROW) {
      if (b === 123) { this.startRow(at, 3); role = R_NONE; }
      else { this.startRow(at, 2); this.rowPrimitive = true; this.col = this.resolveName('value'); role = R_FIELD; }
    } else if (role === R_TOP && b !== 123) {
      this.error('syntax', 'The body is not an OData JSON object', at);
    }
    if (b === 34) {
      this.state = S_STRING; this.tokStart = at + 1; this.tokEsc = false; this.tokIsKey = false; this.tokRole = role;
      this.pos = at + 1;
      return;
    }
    if (b === 123 || b === 91) {
      this.open(b === 123 ? OBJ : ARR, at);
      if (role === R_FIELD || role === R_ANNOT) {
        this.capDepth = this.depth; this.capStart = at; this.capKind = b === 123 ? K_OBJECT : K_ARRAY; this.capCount = 0;
        this.capRole = role; this.capCol = this.col; this.capName = this.topName;
      }
      this.pos = at + 1;
      return;
    }
    if (b === 45 || (b >= 48 && b <= 57)) { this.state = S_NUMBER; this.tokStart = at; this.tokRole = role; this.pos = at + 1; return; }
    const lit = b === 116 ? 0 : b === 102 ? 1 : b === 110 ? 2 : -1;
    if (lit < 0) this.error('syntax', `Unexpected character "${String.fromCharCode(b)}" where a value should be`, at);
    this.state = S_LITERAL; this.litIndex = lit; this.litPos = 1; this.tokStart = at; this.tokRole = role;
    this.pos = at + 1;
  }

  private resolveName(name: string): number {
    const c = this.colIndex.get(name) ?? this.addColumn(name, encodeAscii(name));
    this.lastCol = c;
    return c;
  }

  private enterEntity(rowStart: number): void {
    if (this.mode !== M_UNKNOWN) return;
    this.mode = M_ENTITY;
    this.emit({ kind: 'entity' });
    this.startRow(rowStart, 1);
  }

  /** A scalar or kept value ended: [s, e) are its bytes (strings without quotes). */
  private endValue(role: number, meta: number, s: number, e: number): void {
    if (role === R_FIELD) {
      this.pushField(this.col, s, e, meta);
      if (this.rowPrimitive) this.endRow(e);
    } else if (role === R_ANNOT) {
      this.annotation(this.topName, meta, s, e);
    }
    this.state = this.depth === 0 ? S_END : S_AFTER;
  }

  private endNumber(at: number): void {
    const s = this.tokStart;
    this.tokStart = -1;
    this.endValue(this.tokRole, K_NUMBER, s, at);
  }

  private open(type: number, at: number): void {
    if (this.depth >= this.maxDepth) this.error('too-deep', `JSON nested deeper than ${this.maxDepth} levels`, at);
    this.depth++;
    this.types[this.depth] = type;
    this.state = type === OBJ ? S_KEY_OR_END : S_VALUE_OR_END;
  }

  private close(b: number, at: number): void {
    const type = b === 125 ? OBJ : ARR;
    const d = this.depth;
    if (this.types[d] !== type) this.error('syntax', `Unexpected "${String.fromCharCode(b)}"`, at);
    this.depth--;
    this.pos = at + 1;
    if (this.capDepth === d) {
      this.capDepth = 0;
      const count = this.capCount > MAX_COUNT ? MAX_COUNT : this.capCount;
      const role = this.capRole;
      this.col = this.capCol;
      this.topName = this.capName;
      this.endValue(role, this.capKind | (count << COUNT_SHIFT), this.capStart, at + 1);
      return;
    }
    if (this.inRow && !this.rowPrimitive && d === this.rowDepth) this.endRow(at + 1);
    if (this.valueOpen && d === 2) this.valueOpen = false;
    this.state = this.depth === 0 ? S_END : S_AFTER;
  }

  /** A key ended: decide what the value after it is. */
  private endKey(s: number, e: number, esc: boolean): void {
    const d = this.depth;
    if (this.capDepth > 0) return;
    if (d === 1) {
      const name = esc ? decodeJsonString(this.buf, s, e) : utf8Text(this.buf, s, e);
      this.topName = name;
      if (name.charCodeAt(0) === 64 || this.mode === M_COLLECTION) { this.topRole = R_ANNOT; return; }
      if (name === 'value' && this.mode === M_UNKNOWN && !this.contextIsEntity) { this.topRole = R_VALUE; return; }
      this.enterEntity(s - 1);
      this.topRole = R_FIELD;
      this.col = this.resolveColumn(s, e, esc);
      return;
    }
    if (this.inRow && d === this.rowDepth) this.col = this.resolveColumn(s, e, esc);
  }

  // ---- the fast path ----

  /** Between tokens of a collection's rows, where the fast path can take over. */
  private atRowsBoundary(): boolean {
    if (this.mode !== M_COLLECTION || this.capDepth > 0 || this.tokStart >= 0) return false;
    if (this.inRow) return !this.rowPrimitive && this.depth === this.rowDepth;
    return this.valueOpen && this.depth === 2;
  }

  /**
   * A collection's rows read a whole token per step with the byte scans, committed after each
   * token in the tokenizer's own state (so the tokenizer takes over anywhere): returns where it
   * stopped, at the end of the bytes or at a token it leaves to the tokenizer (one cut by the end
   * of the bytes read so far, or one that is unusual or wrong, which the tokenizer reports).
   * Rows repeat their keys in one order: `,"Key":` is guessed from the previous row and checked
   * in one compare, then the value is read straight away.
   */
  private fastRows(from: number): number {
    const buf = this.buf;
    const len = this.len;
    let st = this.state;
    let i = from;
    while (i < len) {
      const b = buf[i]!;
      if (b === 32 || b === 10 || b === 13 || b === 9) { i++; continue; }
      if (!this.inRow) {
        // Between rows: a row object opens, or the tokenizer takes the rest (the end of `value`).
        if (st === S_AFTER && b === 44) { st = S_VALUE; i++; continue; }
        if ((st === S_VALUE || st === S_VALUE_OR_END) && b === 123 && this.depth < this.maxDepth) {
          this.startRow(i, 3);
          this.types[++this.depth] = OBJ;
          st = S_KEY_OR_END;
          i++;
          continue;
        }
        break;
      }
      if (st === S_AFTER && b === 44) {
        const next = this.fieldRun(i);
        if (next !== i) {
          i = next;
          st = this.state;
          if (st === S_VALUE) break; // a value cut by the end of the bytes (or unusual): the tokenizer's
          continue;
        }
      }
      if (st === S_VALUE) {
        const next = this.fieldValue(i);
        if (next < 0) break;
        st = S_AFTER;
        i = next;
        continue;
      }
      if (b === 125 && (st === S_AFTER || st === S_KEY_OR_END)) {
        this.depth--;
        this.endRow(i + 1);
        st = S_AFTER;
        i++;
        continue;
      }
      if ((st === S_AFTER && b === 44) || ((st === S_KEY || st === S_KEY_OR_END) && b === 34)) {
        const at = b === 44 ? i + 1 : i;
        const after = this.guessedKey(at);
        if (after >= 0) {
          // The value at once (the usual case); a blank or a cut leaves it to the loop.
          const next = after < len ? this.fieldValue(after) : -1;
          if (next >= 0) { st = S_AFTER; i = next; } else { st = S_VALUE; i = after; }
          continue;
        }
        if (b === 44) { st = S_KEY; i++; continue; }
        const scanned = this.scanned;
        scanned.escaped = false;
        const end = stringEnd(buf, i + 1, len, scanned);
        if (end < 0) break;
        this.col = this.resolveColumn(i + 1, end, scanned.escaped);
        st = S_COLON;
        i = end + 1;
        continue;
      }
      if (st === S_COLON && b === 58) { st = S_VALUE; i++; continue; }
      break;
    }
    this.state = st;
    this.pos = i;
    return i;
  }

  /**
   * The usual run of a row: `,"Key":value` again and again, each key the one the previous row had
   * there. From the comma at i: the index where the run stops (state S_AFTER there), or after a
   * guessed key whose value is cut or unusual (state S_VALUE there).
   */
  private fieldRun(i: number): number {
    const buf = this.buf;
    const len = this.len;
    const view = this.view;
    const patterns = this.keyPatterns;
    const order = this.keyOrder;
    let k = this.keyInRow;
    let col = this.lastCol;
    this.state = S_AFTER;
    while (buf[i] === 44) {
      const expect = k < order.length ? order[k]! : col + 1;
      const size = patterns.at(expect, view, i + 1, len);
      const after = i + 1 + size;
      if (size < 0 || after >= len) break;
      if (k === order.length) order.push(expect);
      k++;
      col = expect;
      this.col = col;
      const next = this.fieldValue(after);
      if (next < 0) { this.state = S_VALUE; i = after; break; }
      i = next;
    }
    this.keyInRow = k;
    this.lastCol = col;
    return i;
  }

  /** If the key the previous row had next stands at `at` ("Key" then ":"), take it: the index after the colon, else -1. */
  private guessedKey(at: number): number {
    const k = this.keyInRow;
    const expect = k < this.keyOrder.length ? this.keyOrder[k]! : this.lastCol + 1;
    const size = this.keyPatterns.at(expect, this.view, at, this.len);
    if (size < 0) return -1;
    this.keyInRow = k + 1;
    if (k === this.keyOrder.length) this.keyOrder.push(expect);
    this.col = this.lastCol = expect;
    return at + size;
  }

  /** The value at i (not a blank) as a field of the current column: the index after it, or -1 (cut or unusual: the tokenizer's). */
  private fieldValue(i: number): number {
    const buf = this.buf;
    const len = this.len;
    const b = buf[i]!;
    if (b === 34) {
      const scanned = this.scanned;
      scanned.escaped = false;
      const end = stringEnd(buf, i + 1, len, scanned);
      if (end < 0) return -1;
      this.pushField(this.col, i + 1, end, scanned.escaped ? K_STRING_ESC : K_STRING);
      return end + 1;
    }
    let end: number;
    let meta: number;
    if (b === 45 || (b >= 48 && b <= 57)) {
      end = numberEnd(buf, i + 1, len);
      meta = K_NUMBER;
    } else if (b === 123 || b === 91) {
      return this.nestedField(i);
    } else {
      end = literalEnd(buf, i, len);
      meta = b === 116 ? K_TRUE : b === 102 ? K_FALSE : K_NULL;
    }
    if (end < 0) return -1;
    this.pushField(this.col, i, end, meta);
    return end;
  }

  /** fieldValue for an object or array (Media, complex values, collections): kept whole, arrays with their element count. */
  private nestedField(i: number): number {
    const scanned = this.scanned;
    const end = nestedEnd(this.buf, i, this.len, this.types, this.depth, this.maxDepth, scanned);
    if (end < 0) return -1;
    const count = scanned.count > MAX_COUNT ? MAX_COUNT : scanned.count;
    this.pushField(this.col, i, end, (this.buf[i] === 123 ? K_OBJECT : K_ARRAY) | (count << COUNT_SHIFT));
    return end;
  }


  // ---- the tokenizer ----

  private scan(): void {
    const buf = this.buf;
    const len = this.len;
    let i = this.pos;
    while (i < len) {
      const st = this.state;
      if (st === S_STRING) {
        // The hot loop: most bytes are inside strings.
        let b = 0;
        while (i < len && (b = buf[i]!) !== 34 && b !== 92) i++;
        if (i >= len) break;
        if (b === 92) { this.tokEsc = true; i++; if (i >= len) { this.state = S_STRING_ESC; break; } i++; continue; }
        const s = this.tokStart;
        this.tokStart = -1;
        this.pos = i + 1;
        if (this.tokIsKey) { this.state = S_COLON; this.endKey(s, i, this.tokEsc); }
        else this.endValue(this.tokRole, this.tokEsc ? K_STRING_ESC : K_STRING, s, i);
        i = this.pos;
        continue;
      }
      if (st === S_STRING_ESC) { i++; this.state = S_STRING; continue; }
      if (st !== S_NUMBER && st !== S_LITERAL && this.atRowsBoundary()) {
        const from = i;
        i = this.fastRows(i);
        if (i !== from) continue;
      }
      const b = buf[i]!;
      if (st === S_NUMBER) {
        if (isNumberByte(b)) { i++; continue; }
        this.pos = i;
        this.endNumber(i);
        continue;
      }
      if (st === S_LITERAL) {
        const word = LITERALS[this.litIndex]!;
        if (b !== word[this.litPos]) this.error('syntax', 'A misspelt true, false or null', i);
        i++;
        if (++this.litPos === word.length) {
          const s = this.tokStart;
          this.tokStart = -1;
          this.pos = i;
          this.endValue(this.tokRole, LIT_KIND[this.litIndex]!, s, i);
        }
        continue;
      }
      if (isBlank(b) || (this.depth === 0 && st === S_VALUE && (b === 0xef || b === 0xbb || b === 0xbf))) { i++; continue; } // blanks; a UTF-8 BOM
      this.pos = i;
      switch (st) {
        case S_VALUE_OR_END:
          if (b === 93) { this.close(b, i); break; }
          this.beginValue(b);
          break;
        case S_VALUE:
          this.beginValue(b);
          break;
        case S_KEY_OR_END:
        case S_KEY:
          if (b === 125 && st === S_KEY_OR_END) { this.close(b, i); break; }
          if (b !== 34) this.error('syntax', 'A property name in quotes was expected', i);
          this.state = S_STRING; this.tokStart = i + 1; this.tokEsc = false; this.tokIsKey = true;
          this.pos = i + 1;
          break;
        case S_COLON:
          if (b !== 58) this.error('syntax', 'A ":" was expected after a property name', i);
          this.state = S_VALUE;
          this.pos = i + 1;
          break;
        case S_AFTER:
          if (b === 44) { this.state = this.types[this.depth] === OBJ ? S_KEY : S_VALUE; this.pos = i + 1; break; }
          if (b === 125 || b === 93) { this.close(b, i); break; }
          this.error('syntax', 'A "," or a closing bracket was expected', i);
          break;
        case S_END:
          this.error('syntax', 'More data after the end of the JSON body', i);
          break;
        default:
          break;
      }
      i = this.pos;
    }
    this.pos = i;
  }
}

function encodeAscii(s: string): Uint8Array { return new TextEncoder().encode(s); }

export function createODataPayloadParser(options: ODataPayloadOptions = {}): ODataPayloadParser {
  return new PayloadParser(options);
}
