// Reading a search.rows batch (see SearchRowsEvent): one string and one offsets array for the
// whole batch, a cell cut out only when it is read (painted, sorted, found, copied). The host
// sends the text as UTF-8 bytes; `textRows` turns them into the string form once, on arrival.

/** The batch fields of a search.rows event. */
export interface WireRows {
  count: number;
  width: number;
  text: string;
  sep?: string;
  ends: ArrayLike<number>;
}

/** A batch of cells read one by one, in the text form (the offsets as an array). */
export type WireBatch = WireRows & { ends: number[] };

/** The batch fields of a search.rows event in either form: `text`, or `bytes` with byte offsets. */
export interface RowsBatch {
  count: number;
  width: number;
  text?: string;
  bytes?: Uint8Array;
  sep?: string;
  ends: ArrayLike<number>;
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A batch in the text form: the bytes decoded in one call and the offsets kept when they are
 * ASCII (one character a byte, the usual case); otherwise each row (or cell) decoded on its own
 * so that its offsets count characters.
 */
export function textRows(w: RowsBatch): WireRows {
  const { count, width, bytes } = w;
  const sep = w.sep !== undefined ? { sep: w.sep } : {};
  if (bytes === undefined) {
    if (w.text === undefined) throw new Error('search.rows: neither text nor bytes');
    return { count, width, text: w.text, ends: w.ends, ...sep };
  }
  const whole = utf8.decode(bytes);
  if (whole.length === bytes.length) return { count, width, text: whole, ends: w.ends, ...sep };
  const n = w.ends.length;
  const parts: string[] = new Array(n);
  const ends = new Uint32Array(n);
  let from = 0, at = 0;
  for (let i = 0; i < n; i++) {
    const to = w.ends[i]!;
    if (to < from || to > bytes.length) throw new Error('search.rows: offsets out of order');
    const t = utf8.decode(bytes.subarray(from, to));
    parts[i] = t;
    at += t.length;
    ends[i] = at;
    from = to;
  }
  return { count, width, text: parts.join(''), ends, ...sep };
}

export class CompactRows {
  readonly count: number;
  readonly width: number;
  private readonly text: string;
  private readonly sep: string | undefined;
  /** Row ends (with sep) or cell ends (without). */
  private readonly ends: Uint32Array;

  constructor(batch: RowsBatch) {
    const w = textRows(batch);
    const need = w.sep === undefined ? w.count * w.width : w.count;
    if (w.ends.length !== need) throw new Error(`search.rows: ${w.ends.length} offsets for ${w.count} rows of ${w.width} cells`);
    this.count = w.count;
    this.width = w.width;
    this.text = w.text;
    this.sep = w.sep;
    this.ends = w.ends instanceof Uint32Array ? w.ends : Uint32Array.from(w.ends);
    for (let i = 0; i < need; i++) {
      if (this.ends[i]! > w.text.length || (i > 0 && this.ends[i]! < this.ends[i - 1]!)) throw new Error('search.rows: offsets out of order');
    }
  }

  /** Characters held (text and offsets), for the memory figures. */
  get bytes(): number { return this.text.length + this.ends.byteLength; }

  cell(row: number, col: number): string {
    if (row < 0 || row >= this.count || col < 0 || col >= this.width) return '';
    const sep = this.sep;
    if (sep === undefined) {
      const i = row * this.width + col;
      return this.text.slice(i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
    }
    const end = this.ends[row]!;
    let s = row === 0 ? 0 : this.ends[row - 1]!;
    for (let c = 0; c < col; c++) {
      const k = this.text.indexOf(sep, s);
      if (k < 0 || k >= end) return ''; // a short row
      s = k + 1;
    }
    const k = this.text.indexOf(sep, s);
    return this.text.slice(s, k < 0 || k > end ? end : k);
  }

  /** Every cell of a row (a new array each call; missing cells read ""). */
  row(row: number): string[] {
    const out = new Array<string>(this.width);
    if (this.sep === undefined || row < 0 || row >= this.count) {
      for (let c = 0; c < this.width; c++) out[c] = this.cell(row, c);
      return out;
    }
    const parts = this.text.slice(row === 0 ? 0 : this.ends[row - 1], this.ends[row]).split(this.sep);
    for (let c = 0; c < this.width; c++) out[c] = parts[c] ?? '';
    return out;
  }

  rows(): string[][] {
    return Array.from({ length: this.count }, (_, r) => this.row(r));
  }
}

/** The batch of a search.rows event made from cells read one by one (the form without `sep`). */
export function cellsToWire(count: number, width: number, cell: (row: number, col: number) => string): WireBatch {
  const parts: string[] = new Array(count * width);
  const ends: number[] = new Array(count * width);
  let at = 0;
  for (let r = 0, i = 0; r < count; r++) {
    for (let c = 0; c < width; c++, i++) {
      const v = cell(r, c);
      parts[i] = v;
      at += v.length;
      ends[i] = at;
    }
  }
  return { count, width, text: parts.join(''), ends };
}

/** The rows of a search.rows event as arrays (tests, small consumers). */
export function wireRows(w: RowsBatch): string[][] {
  return new CompactRows(w).rows();
}
