// A parser batch turned into search.rows batches (one string each, see SearchRowsEvent). COMPACT
// rows go through as their text: a run of rows is decoded with one native call and each row is a
// slice of it with the server's delimiter between cells, so no string is made per field. Rows
// with entities, bytes that are not ASCII in a form one call cannot slice, and every other batch
// (STANDARD-XML, Web API: values there may be JSON text holding any character) are read cell by cell.
import { cellsToWire, type WireBatch } from '../../shared/contract/compactRows';
import { CompactRowBatch } from '../../shared/rets/search/rowBatch';
import type { RowBatch } from '../../shared/rets/search/types';
import { utf8Text } from '../../shared/rets/search/text';

const loose = new TextDecoder('utf-8', { ignoreBOM: true });

/** Rows [from, to) of `batch` as one search.rows batch. */
export function toWire(batch: RowBatch, from: number, to: number): WireBatch {
  if (batch instanceof CompactRowBatch) {
    const fast = compactToWire(batch, from, to);
    if (fast) return fast;
  }
  return cellsToWire(to - from, batch.columns.length, (r, c) => batch.get(from + r, c));
}

/** The rows' text joined as the server sent them, or null when a cell would hold the delimiter. */
function compactToWire(batch: CompactRowBatch, from: number, to: number): WireBatch | null {
  const { delimiter: d, leading, trailing } = batch.rowShape;
  if (d >= 0x80) return null;
  const sep = String.fromCharCode(d);
  const range = new Int32Array(2);
  const parts: string[] = [];
  const ends: number[] = new Array(to - from);
  let at = 0;
  // The rows held in one buffer are decoded once, from the first row's start to the chunk's end.
  let tried: Uint8Array | null = null;
  let span: string | null = null;
  let spanStart = 0;
  for (let r = from; r < to; r++) {
    const b = batch.rowBytes(r, range);
    let s = range[0]!, e = range[1]!;
    if (leading && s < e && b[s] === d) s++;
    if (trailing && e > s && b[e - 1] === d) e--;
    if (b !== tried) {
      tried = b;
      spanStart = s;
      span = asciiSpan(b, s, batch.rowBytes(to - 1, range) === b ? range[1]! : b.length);
    }
    let text = span !== null && s >= spanStart && e - spanStart <= span.length ? span.slice(s - spanStart, e - spanStart) : null;
    if (text === null) {
      const t = utf8Text(b, s, e);
      text = t !== null && t.indexOf('\uFFFD') < 0 ? t : null;
    }
    if (text === null || text.includes('&')) {
      // Entities (or a charset) to decode: the parser's own field reading, then joined.
      const cells = batch.row(r);
      if (cells.some((v) => v.includes(sep))) return null;
      text = cells.join(sep);
    }
    parts.push(text);
    at += text.length;
    ends[r - from] = at;
  }
  return { count: to - from, width: batch.columns.length, text: parts.join(''), sep, ends };
}

/** bytes[start, end) as text when they are all ASCII (one char per byte), else null. */
function asciiSpan(bytes: Uint8Array, start: number, end: number): string | null {
  const t = loose.decode(bytes.subarray(start, end));
  // Nothing decodes to more characters than bytes, multi-byte characters to fewer and bad bytes
  // to U+FFFD: as long and without U+FFFD means every byte was ASCII.
  return t.length === end - start && t.indexOf('\uFFFD') < 0 ? t : null;
}
