// COMPACT rows encoded straight into bytes: each cell's characters are copied into one output
// buffer by a plain loop (ASCII, the common case), with the tab and row marks written as bytes,
// so no row or batch string is ever joined and no separate UTF-8 encoding pass runs. A cell that
// needs escaping or holds non-ASCII text takes the string path for that cell only, so the bytes
// are exactly those of the string formatter's text encoded as UTF-8. Columns with a byte writer
// (cellBytes.ts) skip the string altogether.
import { OVERRUN, type Put } from './cellBytes';
import * as m_xml from './xml';
// Imported bindings copied once: tsx turns each import use into a getter call, too slow per cell.
const { esc } = m_xml;

export type Cell = (row: number) => string;

const OPEN = Buffer.from('<DATA>\t', 'latin1');
const CLOSE = Buffer.from('</DATA>\r\n', 'latin1');

// The row marks as single stores (a copy loop per row cost as much as a few cells).
function putOpen(out: Uint8Array, p: number): number {
  out[p] = 60; out[p + 1] = 68; out[p + 2] = 65; out[p + 3] = 84; out[p + 4] = 65; out[p + 5] = 62; out[p + 6] = 9; // <DATA>\t
  return p + 7;
}
function putClose(out: Uint8Array, p: number): number {
  out[p] = 60; out[p + 1] = 47; out[p + 2] = 68; out[p + 3] = 65; out[p + 4] = 84; out[p + 5] = 65; out[p + 6] = 62; out[p + 7] = 13; out[p + 8] = 10; // </DATA>\r\n
  return p + 9;
}

/** Cells longer than this are written by Buffer.write (its call costs as much as ~40 characters). */
const LONG = 40;
const SPECIAL = /[\t&<>"]/;

/** Buffers kept for reuse (a few writes in flight on the socket at once). */
const SPARE_BUFFERS = 4;

/** Rows formatted column by column before their bytes are copied: keeps each cell function hot. */
const COLUMN_ROWS = 256;

/** The string formatter's escaping of a Character cell: tabs become spaces, then XML escapes. */
export const cleanText = (s: string): string => esc(s.indexOf('\t') >= 0 ? s.replace(/\t/g, ' ') : s);

/** Writes the cells of consecutive byte-written columns of a row, each followed by a tab. */
type RunWriter = (row: number, out: Uint8Array, pos: number) => number;

/** A writer for one run of byte-written columns, compiled for this column list: each column has
 * its own call in it, so each call sees one writer and V8 calls (or inlines) it directly. A loop
 * over the columns would make one call site see every writer, and each such call cost more than
 * most cells' work. The source is one line per column: "p = put3(row, out, p); out[p++] = 9;". */
function compileRun(puts: Put[]): RunWriter {
  const names = puts.map((_, j) => `put${j}`);
  const body = names.map((name) => `p = ${name}(row, out, p); out[p++] = 9;`).join('\n');
  const make = new Function(...names, `return function writeRun(row, out, p) {\n${body}\nreturn p;\n};`) as (...fns: Put[]) => RunWriter;
  return make(...puts);
}

/** Run writers kept by column list, so a search reuses the writer (and the machine code V8 made
 * for it) of an earlier search with the same Select list: a fresh writer starts cold, and its
 * first ~100,000 rows ran about a third slower. Bounded: the oldest go beyond MAX_RUN_WRITERS. */
const runWriters = new Map<string, RunWriter>();
const MAX_RUN_WRITERS = 64;
const putIds = new WeakMap<Put, number>();
let nextPutId = 0;

function runWriter(puts: Put[]): RunWriter {
  const key = puts.map((put) => {
    let id = putIds.get(put);
    if (id === undefined) putIds.set(put, (id = nextPutId++));
    return id;
  }).join(',');
  let run = runWriters.get(key);
  if (!run) {
    run = compileRun(puts);
    if (runWriters.size >= MAX_RUN_WRITERS) runWriters.delete(runWriters.keys().next().value!);
    runWriters.set(key, run);
  }
  return run;
}

export class CompactEncoder {
  private buf: Buffer;
  private pos = 0;
  /** Room a row's byte-written cells can take: checked once a row instead of once a cell. */
  private readonly putRoom: number;
  /** String cells of a group of rows, column by column (kept: allocating it per call cost ~10%). */
  private readonly parts: string[];
  private readonly rowIds = new Uint32Array(COLUMN_ROWS);
  /** Buffers given back by recycle(), for the next encode() calls. */
  private readonly spare: Buffer[] = [];
  /** Columns without a byte writer. */
  private readonly stringColumns: number[];
  /** The row's columns as runs of byte-written columns (one writer each) and single string columns. */
  private readonly segments: ({ run: RunWriter; width: number } | { column: number })[] = [];

  /** cells[j] gives column j's raw value; clean[j] says whether it is escaped as Character text;
   * puts[j], if set, writes that same value as bytes instead (then cells[j] is not called). */
  constructor(private readonly cells: Cell[], private readonly clean: boolean[], private readonly puts: (Put | undefined)[], sizeHint = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(sizeHint);
    this.putRoom = OPEN.length + CLOSE.length + OVERRUN + puts.reduce((sum, p) => sum + (p ? p.max + 1 : 0), 0);
    this.stringColumns = cells.map((_, j) => j).filter((j) => !puts[j]);
    this.parts = new Array<string>(COLUMN_ROWS * cells.length).fill('');
    for (let j = 0; j < cells.length;) {
      if (!puts[j]) { this.segments.push({ column: j++ }); continue; }
      let e = j;
      while (e < cells.length && puts[e]) e++;
      this.segments.push({ run: runWriter(puts.slice(j, e) as Put[]), width: e - j });
      j = e;
    }
  }

  /** Encodes rows rowOf(keys[from]) .. rowOf(keys[to - 1]); ends[i], if given, is where row i ends.
   * Returns the encoded bytes (a fresh Buffer, or a view of one, owned by the caller). */
  encode(keys: ArrayLike<number>, from: number, to: number, rowOf: (k: number) => number, ends?: Uint32Array): Buffer {
    this.fill(keys, from, to, rowOf, ends);
    const out = this.buf.subarray(0, this.pos);
    this.buf = this.spare.pop() ?? Buffer.allocUnsafe(this.buf.length);
    return out;
  }

  /** Encodes the same rows into `target` (an encoder worker's shared slot: no copy afterwards).
   * Returns a view of `target`, or of a larger buffer if the rows did not fit in it. */
  encodeInto(target: Buffer, keys: ArrayLike<number>, from: number, to: number, rowOf: (k: number) => number): Buffer {
    const own = this.buf;
    this.buf = target;
    try {
      this.fill(keys, from, to, rowOf);
      return this.buf.subarray(0, this.pos);
    } finally {
      this.buf = own;
    }
  }

  private fill(keys: ArrayLike<number>, from: number, to: number, rowOf: (k: number) => number, ends?: Uint32Array): void {
    this.pos = 0;
    const n = this.cells.length;
    const { parts, rowIds, clean } = this;
    for (let start = from; start < to; start += COLUMN_ROWS) {
      const count = Math.min(COLUMN_ROWS, to - start);
      for (let k = 0; k < count; k++) rowIds[k] = rowOf(keys[start + k]);
      for (const j of this.stringColumns) {
        const cell = this.cells[j];
        for (let k = 0, at = j; k < count; k++, at += n) parts[at] = cell(rowIds[k]);
      }
      for (let k = 0; k < count; k++) {
        this.room(this.putRoom);
        let out = this.buf;
        let p = this.pos;
        p = putOpen(out, p);
        const row = rowIds[k];
        for (const seg of this.segments) {
          if ('run' in seg) {
            p = seg.run(row, out, p);
            continue;
          }
          // A string cell may grow the buffer: leave the position, write, take both back.
          const j = seg.column;
          this.pos = p;
          this.cell(parts[k * n + j], clean[j]);
          this.room(this.putRoom);
          out = this.buf;
          p = this.pos;
        }
        p = putClose(out, p);
        this.pos = p;
        if (ends) ends[start - from + k + 1] = p;
      }
    }
  }

  /** Takes back bytes encode() returned once the caller is done with them: their buffer is used
   * again instead of a new one (fresh ~200 KB buffers for every batch kept the collector busy). */
  recycle(bytes: Buffer): void {
    // Only a buffer that owns its memory from the start (not a slice of Node's small pool).
    if (bytes.byteOffset !== 0 || this.spare.length >= SPARE_BUFFERS) return;
    this.spare.push(Buffer.from(bytes.buffer, 0, bytes.buffer.byteLength));
  }

  private room(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + extra));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** The cell's characters and its tab; the string path if it holds non-ASCII or (clean) markup. */
  private cell(s: string, clean: boolean): void {
    const len = s.length;
    if (len > LONG) return this.longCell(s, clean);
    this.room(len + 1);
    const out = this.buf;
    const p = this.pos;
    let i = 0;
    for (; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 || (clean && (c === 9 || c === 38 || c === 60 || c === 62 || c === 34))) break;
      out[p + i] = c;
    }
    if (i < len) return this.slowCell(clean ? cleanText(s) : s);
    out[p + len] = 9;
    this.pos = p + len + 1;
  }

  /** Long text: one native UTF-8 write costs less than copying it a character at a time. */
  private longCell(s: string, clean: boolean): void {
    this.slowCell(clean && SPECIAL.test(s) ? cleanText(s) : s);
  }

  private slowCell(s: string): void {
    const len = Buffer.byteLength(s, 'utf8');
    this.room(len + 1);
    this.pos += this.buf.write(s, this.pos, len, 'utf8');
    this.buf[this.pos++] = 9;
  }
}
