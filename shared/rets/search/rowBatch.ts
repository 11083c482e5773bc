// A batch of COMPACT rows kept as the response's bytes plus field offsets: nothing is turned into
// a string until a field is read, so a 100,000 x 120 search does not build 12 million strings.

import type { RowBatch } from './types';
import { decodeText } from './text';

const encoder = new TextEncoder();

export class CompactRowBatch implements RowBatch {
  readonly columns: readonly string[];
  readonly length: number;
  private readonly bytes: Uint8Array;
  /** Per row, per column: [start, end) into bytes; start === end for an empty or missing field. */
  private readonly offsets: Int32Array;
  private readonly width: number;

  constructor(columns: readonly string[], length: number, bytes: Uint8Array, offsets: Int32Array) {
    this.columns = columns;
    this.length = length;
    this.bytes = bytes;
    this.offsets = offsets;
    this.width = columns.length;
  }

  get(row: number, column: number): string {
    const i = this.index(row, column);
    if (i < 0) return '';
    const s = this.offsets[i];
    const e = this.offsets[i + 1];
    return s === e ? '' : decodeText(this.bytes, s, e);
  }

  row(row: number): string[] {
    const out = new Array<string>(this.width);
    for (let c = 0; c < this.width; c++) out[c] = this.get(row, c);
    return out;
  }

  toObjects(): Record<string, string>[] {
    const out: Record<string, string>[] = [];
    for (let r = 0; r < this.length; r++) {
      const o: Record<string, string> = {};
      for (let c = 0; c < this.width; c++) o[this.columns[c]] = this.get(r, c);
      out.push(o);
    }
    return out;
  }

  rawField(row: number, column: number): Uint8Array {
    const i = this.index(row, column);
    return i < 0 ? new Uint8Array(0) : this.bytes.subarray(this.offsets[i], this.offsets[i + 1]);
  }

  fieldBytes(row: number, column: number): Uint8Array {
    const raw = this.rawField(row, column);
    for (let k = 0; k < raw.length; k++) {
      const b = raw[k];
      if (b >= 0x80 || b === 0x26) return encoder.encode(this.get(row, column));
    }
    return raw;
  }

  private index(row: number, column: number): number {
    if (row < 0 || row >= this.length || column < 0 || column >= this.width) return -1;
    return (row * this.width + column) * 2;
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

  row(row: number): string[] {
    const out = new Array<string>(this.columns.length);
    for (let c = 0; c < out.length; c++) out[c] = this.get(row, c);
    return out;
  }

  toObjects(): Record<string, string>[] {
    return this.rows.map((_, r) => {
      const o: Record<string, string> = {};
      this.columns.forEach((name, c) => { o[name] = this.get(r, c); });
      return o;
    });
  }

  rawField(row: number, column: number): Uint8Array { return encoder.encode(this.get(row, column)); }
  fieldBytes(row: number, column: number): Uint8Array { return this.rawField(row, column); }
}
