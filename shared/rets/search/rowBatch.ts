// A batch of COMPACT rows kept as the response's bytes plus field offsets: nothing is turned into
// a string until a field is read, so a 100,000 x 120 search does not build 12 million strings.

import type { RowBatch } from './types';
import { decodeAsciiRefs } from './refBytes';
import { decodeText, utf8Text } from './text';
import { decodeXmlEntities } from '../text';
import { rowObjects, rowValues } from './batchRows';

const encoder = new TextEncoder();

/** How a response lays out its rows: the delimiter and whether rows start/end with it. */
export interface RowShape { delimiter: number; leading: boolean; trailing: boolean }

export class CompactRowBatch implements RowBatch {
  readonly columns: readonly string[];
  readonly length: number;
  private readonly segments: Uint8Array[];
  /** Per row: which segment holds it (null: all in segment 0). */
  private readonly rowSegment: Uint8Array | null;
  /** Per row: [start, end) of its content between <DATA> and </DATA>. */
  private readonly bounds: Int32Array;
  private readonly shape: RowShape;
  private readonly width: number;
  /** Field offsets, [start, end) per row and column, for raw bytes and the rows split by bytes (allocated on first need). */
  private offsets: Int32Array | null = null;
  /** Per row: how many fields are split so far (width + 1 once the row is done). */
  private done: Int32Array | null = null;
  /** Per row: where splitting goes on. */
  private resume: Int32Array | null = null;
  private ragged = 0;
  /** The delimiter as a one-character string, for splitting a row's text. */
  private readonly sep: string;
  /**
   * The row last read past its first field (-1: none) and, when `textOk`, its text decoded in one
   * call with where each field starts in it: fields are slices of that text. Rows that cannot be
   * read so (not UTF-8, more or fewer fields than columns, a delimiter byte >= 0x80) are split by
   * bytes into `offsets` and decoded field by field.
   */
  private textRow = -1;
  private textOk = false;
  private rowText = '';
  private rowAscii = false;
  /** Per column: where its field starts in rowText; field c ends at starts[c + 1] - 1 (width + 1 entries). */
  private starts: Int32Array | null = null;
  /** Per column: equals `stamp` when the field holds an `&` in the row read as text. */
  private ampAt: Int32Array | null = null;
  private stamp = 0;

  constructor(columns: readonly string[], length: number, segments: Uint8Array[], rowSegment: Uint8Array | null, bounds: Int32Array, shape: RowShape) {
    this.columns = columns;
    this.length = length;
    // Plain Uint8Array views: a Node Buffer's subarray() is several times dearer, and one element
    // type keeps the per-byte loops that read these monomorphic.
    this.segments = segments.map((b) => (b.constructor === Uint8Array ? b : new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
    this.rowSegment = rowSegment;
    this.bounds = bounds;
    this.shape = shape;
    this.width = columns.length;
    this.sep = String.fromCharCode(shape.delimiter);
  }

  get(row: number, column: number): string {
    if (row < 0 || row >= this.length || column < 0 || column >= this.width) return '';
    if (row !== this.textRow) {
      // Reading only the first field (a key column) neither decodes nor splits the row.
      if (column === 0 && this.width > 1) return this.firstField(row);
      this.readText(row);
    }
    return this.textOk ? this.textField(row, column) : this.splitField(row, column);
  }

  /** The first field, found by a scan that stops at the first delimiter. */
  private firstField(row: number): string {
    const buf = this.bytesOf(row);
    const d = this.shape.delimiter;
    const start = this.bounds[row * 2];
    const close = this.bounds[row * 2 + 1];
    const s = this.shape.leading && buf[start] === d ? start + 1 : start;
    let e = s;
    while (e < close && buf[e] !== d) e++;
    // A row with no delimiter after its first field has too few fields: splitting counts it.
    if (e === close) return this.splitField(row, 0);
    return s === e ? '' : decodeText(buf, s, e);
  }

  /** A field of a row split by bytes (the rows readText declines). */
  private splitField(row: number, column: number): string {
    const i = this.index(row, column);
    const off = this.offsets as Int32Array;
    const s = off[i];
    const e = off[i + 1];
    return s === e ? '' : decodeText(this.bytesOf(row), s, e);
  }

  /** A field of the row read as text: a slice, references decoded (from the bytes when ASCII). */
  private textField(row: number, column: number): string {
    const starts = this.starts as Int32Array;
    const s = starts[column];
    const e = starts[column + 1] - 1;
    if (s >= e) return '';
    if ((this.ampAt as Int32Array)[column] !== this.stamp) return this.rowText.slice(s, e);
    if (!this.rowAscii) return decodeXmlEntities(this.rowText.slice(s, e));
    const base = this.bounds[row * 2];
    return decodeAsciiRefs(this.bytesOf(row), base + s, base + e, this.rowText, base);
  }

  /**
   * Decode a row in one native call and find its fields in the text, when it is UTF-8 and has as
   * many fields as columns (the same pieces as splitRow: a leading delimiter dropped, an empty
   * piece after a trailing one is not a field). Each field is then what decodeText gives for its
   * bytes: UTF-8 split at an ASCII delimiter leaves every field valid UTF-8.
   */
  private readText(row: number): void {
    this.textRow = row;
    this.textOk = false;
    const d = this.shape.delimiter;
    if (d >= 0x80) return; // such a byte may be part of a UTF-8 character
    const buf = this.bytesOf(row);
    const start = this.bounds[row * 2];
    const close = this.bounds[row * 2 + 1];
    const text = utf8Text(buf, start, close);
    if (text === null) return;
    const w = this.width;
    const starts = (this.starts ??= new Int32Array(w + 1));
    const sep = this.sep;
    let s = this.shape.leading && buf[start] === d ? 1 : 0;
    let n = 0; // pieces before the one starting at s
    for (;;) {
      starts[n] = s;
      const e = text.indexOf(sep, s);
      if (e < 0) break;
      if (n === w) return; // a piece after the one past the last field: too many fields
      n++;
      s = e + 1;
    }
    if (n === w) {
      if (s !== text.length) return; // a field past the last column
    } else if (n === w - 1) {
      if (this.shape.trailing && n > 0 && s === text.length) return; // a trailing delimiter ends the row one field short
      starts[w] = text.length + 1;
    } else {
      return;
    }
    this.rowText = text;
    this.rowAscii = text.length === close - start;
    this.textOk = true;
    this.markAmps(text, starts, w);
  }

  /** Mark the fields holding an `&`: one indexOf per such field, none for the others. */
  private markAmps(text: string, starts: Int32Array, w: number): void {
    const amp = (this.ampAt ??= new Int32Array(w));
    const stamp = ++this.stamp;
    let c = 0;
    for (let a = text.indexOf('&'); a >= 0; a = text.indexOf('&', starts[c + 1])) {
      while (c < w - 1 && starts[c + 1] <= a) c++;
      amp[c] = stamp;
      if (c === w - 1) break;
    }
  }

  row(row: number): string[] { return rowValues(this, row); }

  toObjects(): Record<string, string>[] { return rowObjects(this); }

  rawField(row: number, column: number): Uint8Array {
    const i = this.index(row, column);
    if (i < 0) return new Uint8Array(0);
    const off = this.offsets as Int32Array;
    return this.bytesOf(row).subarray(off[i], off[i + 1]);
  }

  fieldBytes(row: number, column: number): Uint8Array {
    const raw = this.rawField(row, column);
    for (let k = 0; k < raw.length; k++) {
      const b = raw[k];
      if (b >= 0x80 || b === 0x26) return encoder.encode(this.get(row, column));
    }
    return raw;
  }

  /** How rows are laid out, for a reader that splits rows itself (the CSV encoder). */
  get rowShape(): RowShape { return this.shape; }

  /**
   * A row's bytes for a reader that splits rows itself: the buffer holding it, with the row's
   * content between <DATA> and </DATA> as [range[0], range[1]).
   */
  rowBytes(row: number, range: Int32Array): Uint8Array {
    range[0] = this.bounds[row * 2];
    range[1] = this.bounds[row * 2 + 1];
    return this.bytesOf(row);
  }

  private bytesOf(row: number): Uint8Array {
    return this.segments[this.rowSegment === null ? 0 : this.rowSegment[row]];
  }

  /** Rows found (when read) to have more or fewer fields than columns. */
  get raggedRows(): number { return this.ragged; }

  /** Offset index of a field, splitting its row just far enough; -1 when out of range. */
  private index(row: number, column: number): number {
    if (row < 0 || row >= this.length || column < 0 || column >= this.width) return -1;
    if (this.done === null) {
      this.done = new Int32Array(this.length);
      this.resume = new Int32Array(this.length).fill(-1);
      this.offsets = new Int32Array(this.length * this.width * 2);
    }
    // Reading a field past the first means the row is being read: split it whole, once.
    if (this.done[row] <= column) this.splitRow(row, column === 0 ? 0 : this.width - 1);
    return (row * this.width + column) * 2;
  }

  /**
   * Split a row up to `column` (same rules as the parser: drop the leading and trailing
   * delimiter; missing fields read ""), so reading only the first field does not scan the row.
   */
  private splitRow(row: number, column: number): void {
    const buf = this.bytesOf(row);
    const off = this.offsets as Int32Array;
    const done = this.done as Int32Array;
    const resume = this.resume as Int32Array;
    const { delimiter: d, leading, trailing } = this.shape;
    const start = this.bounds[row * 2];
    const close = this.bounds[row * 2 + 1];
    const width = this.width;
    const rowBase = row * width * 2;
    let n = done[row];
    let s = resume[row];
    if (s < 0) s = leading && buf[start] === d ? start + 1 : start;
    while (n <= column) {
      let e = s;
      while (e < close && buf[e] !== d) e++;
      if (e >= close) {
        // The last piece: an empty one right after a trailing delimiter is not a field.
        const isTrailing = trailing && s === close && n > 0;
        if (!isTrailing) { off[rowBase + n * 2] = s; off[rowBase + n * 2 + 1] = close; n++; }
        if (n !== width) this.ragged++;
        for (let k = rowBase + n * 2; k < rowBase + width * 2; k++) off[k] = 0;
        done[row] = width + 1;
        return;
      }
      off[rowBase + n * 2] = s;
      off[rowBase + n * 2 + 1] = e;
      n++;
      s = e + 1;
    }
    if (n >= width) {
      // All columns are split: look on only to count an over-long row once.
      let extra = 0;
      for (let i = s; i < close; i++) if (buf[i] === d) extra++;
      if (extra > 0 || (s < close && !(trailing && s === close))) this.ragged++;
      done[row] = width + 1;
      return;
    }
    done[row] = n;
    resume[row] = s;
  }
}

/** Rows already split into strings (STANDARD-XML, small helpers). */
export class ArrayRowBatch implements RowBatch {
  readonly columns: readonly string[];
  readonly length: number;
  private readonly rows: string[][];

  constructor(columns: readonly string[], rows: string[][]) {
    this.columns = columns;
    this.rows = rows;
    this.length = rows.length;
  }

  get(row: number, column: number): string { return this.rows[row]?.[column] ?? ''; }

  row(row: number): string[] { return rowValues(this, row); }

  toObjects(): Record<string, string>[] { return rowObjects(this); }

  readonly raggedRows = 0;
  rawField(row: number, column: number): Uint8Array { return encoder.encode(this.get(row, column)); }
  fieldBytes(row: number, column: number): Uint8Array { return this.rawField(row, column); }
}
