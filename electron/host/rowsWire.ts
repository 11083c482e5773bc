// A parser batch turned into the rows of search.rows events as UTF-8 bytes (see SearchRowsEvent):
// the host never turns row bytes into strings nor escapes them into JSON. A COMPACT row without
// '&' that is valid UTF-8 (both checked by native scans) goes as the server sent it, its cells
// split by the server's delimiter: a byte range of the response, copied once into the event's
// buffer. Rows with entities or in windows-1252 are read cell by cell and encoded, and so is every
// other batch (STANDARD-XML, Web API: values there may be JSON text holding any character).
import { isUtf8 } from 'node:buffer';
import { cellsToWire } from '../../shared/contract/compactRows';
import { CompactRowBatch } from '../../shared/rets/search/rowBatch';
import type { RowBatch } from '../../shared/rets/search/types';

const encoder = new TextEncoder();
const AMP = 0x26;

/** Rows waiting to go: byte ranges not copied yet, `ends` counted from the piece's start. */
export interface RowsPiece {
  count: number;
  width: number;
  /** With sep: row ends, cells split by sep. Without: cell ends. */
  sep?: string;
  chunks: Uint8Array[];
  byteLength: number;
  ends: number[];
}

/** The batch fields of a search.rows event in its bytes form. */
export interface BytesBatch {
  count: number;
  width: number;
  bytes: Uint8Array;
  sep?: string;
  ends: number[];
}

/** Rows [from, to) of `batch` as a piece of a search.rows event. */
export function toPiece(batch: RowBatch, from: number, to: number): RowsPiece {
  if (batch instanceof CompactRowBatch) {
    const fast = compactPiece(batch, from, to);
    if (fast) return fast;
  }
  return cellsPiece(batch, from, to);
}

/** Rows [from, to) of `batch` as the batch of one search.rows event. */
export function toWire(batch: RowBatch, from: number, to: number): BytesBatch {
  return joinPieces([toPiece(batch, from, to)]);
}

/** Whether two pieces can travel as one event (same row width, same form). */
export function joinable(a: RowsPiece, b: RowsPiece): boolean {
  return a.width === b.width && a.sep === b.sep;
}

/** Pieces of one form as one event's batch: the bytes copied once into one buffer. */
export function joinPieces(pieces: RowsPiece[]): BytesBatch {
  const first = pieces[0]!;
  let total = 0;
  for (const p of pieces) total += p.byteLength;
  const bytes = new Uint8Array(total);
  const ends: number[] = [];
  let at = 0, count = 0;
  for (const p of pieces) {
    for (let i = 0; i < p.ends.length; i++) ends.push(p.ends[i]! + at);
    for (const c of p.chunks) { bytes.set(c, at); at += c.length; }
    count += p.count;
  }
  return { count, width: first.width, bytes, ends, ...(first.sep !== undefined ? { sep: first.sep } : {}) };
}

/** The rows as the server sent them (decoded where they must be), or null when a cell would hold the delimiter. */
function compactPiece(batch: CompactRowBatch, from: number, to: number): RowsPiece | null {
  const { delimiter: d, leading, trailing } = batch.rowShape;
  if (d >= 0x80) return null;
  const sep = String.fromCharCode(d);
  const range = new Int32Array(2);
  const chunks: Uint8Array[] = new Array(to - from);
  const ends: number[] = new Array(to - from);
  let at = 0;
  let r = from;
  while (r < to) {
    // The rows held in one buffer: checked for UTF-8 in one call, '&' found by one scan forward.
    const b = batch.rowBytes(r, range);
    const runStart = range[0]!;
    let runEnd = range[1]!;
    let k = r + 1;
    while (k < to && batch.rowBytes(k, range) === b) { runEnd = range[1]!; k++; }
    const allUtf8 = isUtf8(b.subarray(runStart, runEnd));
    // Buffer's indexOf is memchr; a Uint8Array's is a plain loop, several times slower.
    const scan = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    let amp = scan.indexOf(AMP, runStart);
    for (; r < k; r++) {
      batch.rowBytes(r, range);
      let s = range[0]!, e = range[1]!;
      if (leading && s < e && b[s] === d) s++;
      if (trailing && e > s && b[e - 1] === d) e--;
      if (amp >= 0 && amp < s) amp = scan.indexOf(AMP, s);
      let chunk: Uint8Array;
      if ((amp < 0 || amp >= e) && (allUtf8 || isUtf8(b.subarray(s, e)))) {
        chunk = b.subarray(s, e);
      } else {
        // Entities (or a charset) to decode: the parser's own field reading, then joined.
        const cells = batch.row(r);
        if (cells.some((v) => v.includes(sep))) return null;
        chunk = encoder.encode(cells.join(sep));
      }
      chunks[r - from] = chunk;
      at += chunk.length;
      ends[r - from] = at;
    }
  }
  return { count: to - from, width: batch.columns.length, sep, chunks, byteLength: at, ends };
}

/** The rows read cell by cell (the form without sep), their text encoded in one call. */
function cellsPiece(batch: RowBatch, from: number, to: number): RowsPiece {
  const w = cellsToWire(to - from, batch.columns.length, (r, c) => batch.get(from + r, c));
  const whole = encoder.encode(w.text);
  // All ASCII: byte offsets are the character offsets.
  if (whole.length === w.text.length) return { count: w.count, width: w.width, chunks: [whole], byteLength: whole.length, ends: w.ends };
  const ends = byteEnds(w.text, w.ends);
  if (ends[ends.length - 1] === whole.length) return { count: w.count, width: w.width, chunks: [whole], byteLength: whole.length, ends };
  // A lone surrogate at a cell's edge met its other half across the boundary: encode cell by cell.
  return encodedCells(w.count, w.width, w.text, w.ends);
}

/** The UTF-8 offsets of character offsets into `text`, in one pass over it. */
function byteEnds(text: string, ends: number[]): number[] {
  const out: number[] = new Array(ends.length);
  let c = 0, b = 0;
  for (let i = 0; i < ends.length; i++) {
    const to = ends[i]!;
    while (c < to) {
      const u = text.charCodeAt(c);
      if (u < 0x80) b += 1;
      else if (u < 0x800) b += 2;
      else if ((u & 0xfc00) === 0xd800 && c + 1 < to && (text.charCodeAt(c + 1) & 0xfc00) === 0xdc00) { b += 4; c++; }
      else b += 3; // the rest of the BMP, and a lone surrogate (encoded as U+FFFD)
      c++;
    }
    out[i] = b;
  }
  return out;
}

function encodedCells(count: number, width: number, text: string, ends: number[]): RowsPiece {
  const chunks: Uint8Array[] = new Array(ends.length);
  const out: number[] = new Array(ends.length);
  let from = 0, at = 0;
  for (let i = 0; i < ends.length; i++) {
    const c = encoder.encode(text.slice(from, ends[i]));
    chunks[i] = c;
    at += c.length;
    out[i] = at;
    from = ends[i]!;
  }
  return { count, width, chunks, byteLength: at, ends: out };
}
