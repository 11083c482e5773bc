// A batch of OData rows kept as the response's bytes plus, per field, its column, byte range and
// kind: nothing becomes a string until a cell is read (the same contract as the RETS
// CompactRowBatch, so the grid and the CSV export take either). Nested values (Media expanded
// into each row, complex values, collections) stay their raw JSON text, with an element count
// for arrays.

import type { RowBatch } from '../../rets/search/types';
import { decodeJsonString, utf8Text } from './jsonString';
import { rowObjects, rowValues } from '../../rets/search/batchRows';

export const K_ABSENT = 0;
export const K_STRING = 1;
/** A string with backslash escapes (decoded when read). */
export const K_STRING_ESC = 2;
export const K_NUMBER = 3;
export const K_TRUE = 4;
export const K_FALSE = 5;
export const K_NULL = 6;
export const K_OBJECT = 7;
export const K_ARRAY = 8;
/** meta = kind | count << COUNT_SHIFT (count: array elements, saturated). */
export const COUNT_SHIFT = 4;
export const MAX_COUNT = (1 << 27) - 1;

export type ODataValueKind = 'absent' | 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';
const KIND_NAMES: ODataValueKind[] = ['absent', 'string', 'string', 'number', 'boolean', 'boolean', 'null', 'object', 'array'];

const encoder = new TextEncoder();
const EMPTY = new Uint8Array(0);

export class ODataRowBatch implements RowBatch {
  readonly columns: readonly string[];
  readonly length: number;
  readonly raggedRows = 0;
  private readonly bytes: Uint8Array;
  /** Per row: index of its first field in `fields`; length + 1 entries. */
  private readonly rowFields: Int32Array;
  /** Per field: column, start, end, meta. */
  private readonly fields: Int32Array;
  /** Columns known when the batch was made: later columns are absent from it. */
  private readonly width: number;
  /** Per wide row read out of column order: column -> field index (-1: absent), built on its first such read. */
  private index: Map<number, Int32Array> | null = null;
  /** Column -> position within the row, from the first row: rows in one order that is not the column order ($select). */
  private order: Int32Array | null = null;

  constructor(columns: readonly string[], bytes: Uint8Array, rowFields: Int32Array, fields: Int32Array) {
    this.columns = columns;
    this.bytes = bytes;
    this.rowFields = rowFields;
    this.fields = fields;
    this.length = rowFields.length - 1;
    this.width = columns.length;
  }

  /** The first n rows (a view on the same bytes): for a client that stops at a row limit mid-page. */
  head(n: number): ODataRowBatch {
    if (n >= this.length) return this;
    return new ODataRowBatch(this.columns, this.bytes, this.rowFields.subarray(0, Math.max(0, n) + 1), this.fields);
  }

  /** Field index of (row, column), or -1 when the row does not have it. */
  private find(row: number, column: number): number {
    if (row < 0 || row >= this.length || column < 0 || column >= this.width) return -1;
    const first = this.rowFields[row]!;
    const end = this.rowFields[row + 1]!;
    const j = first + column;
    // Servers send every row's properties in one order, which is the column order: one compare.
    if (j < end && this.fields[j * 4] === column) return j;
    if (this.order === null) this.order = this.orderOfRow(0);
    const p = this.order[column]!;
    if (p >= 0 && first + p < end && this.fields[(first + p) * 4] === column) return first + p;
    // A narrow row (few properties, as in sparse rows) is searched; a wide one gets an index, so
    // reading all its cells stays linear. Rows are never indexed to the full width unless read.
    if (end - first <= 16) {
      for (let k = first; k < end; k++) if (this.fields[k * 4] === column) return k;
      return -1;
    }
    this.index ??= new Map();
    let idx = this.index.get(row);
    if (!idx) {
      idx = new Int32Array(this.width).fill(-1);
      for (let k = end - 1; k >= first; k--) idx[this.fields[k * 4]!] = k; // a repeated property: the first one counts
      this.index.set(row, idx);
    }
    return idx[column]!;
  }

  private orderOfRow(row: number): Int32Array {
    const o = new Int32Array(this.width).fill(-1);
    const first = this.rowFields[row]!;
    for (let k = this.rowFields[row + 1]! - 1; k >= first; k--) o[this.fields[k * 4]!] = k - first;
    return o;
  }

  private kindAt(j: number): number { return this.fields[j * 4 + 3]! & 15; }

  get(row: number, column: number): string {
    const j = this.find(row, column);
    if (j < 0) return '';
    const s = this.fields[j * 4 + 1]!;
    const e = this.fields[j * 4 + 2]!;
    switch (this.kindAt(j)) {
      case K_STRING_ESC: return decodeJsonString(this.bytes, s, e);
      case K_NULL: return '';
      default: return utf8Text(this.bytes, s, e);
    }
  }

  /** Every column of the response so far (columns first seen after this batch read ""). */
  row(row: number): string[] { return rowValues(this, row); }

  toObjects(): Record<string, string>[] { return rowObjects(this); }

  /** Strings: the bytes between the quotes (escapes as sent); other values: the JSON token or nested text. */
  rawField(row: number, column: number): Uint8Array {
    const j = this.find(row, column);
    if (j < 0) return EMPTY;
    return this.bytes.subarray(this.fields[j * 4 + 1]!, this.fields[j * 4 + 2]!);
  }

  fieldBytes(row: number, column: number): Uint8Array {
    const j = this.find(row, column);
    if (j < 0) return EMPTY;
    const k = this.kindAt(j);
    if (k === K_NULL) return EMPTY;
    if (k === K_STRING_ESC) return encoder.encode(this.get(row, column));
    return this.bytes.subarray(this.fields[j * 4 + 1]!, this.fields[j * 4 + 2]!);
  }

  /** What JSON value the row holds for a column ("absent" when the row lacks the property). */
  kind(row: number, column: number): ODataValueKind {
    const j = this.find(row, column);
    return j < 0 ? 'absent' : KIND_NAMES[this.kindAt(j)]!;
  }

  /** Elements of an array value (e.g. the Media expanded into a row); 0 for other kinds. */
  count(row: number, column: number): number {
    const j = this.find(row, column);
    return j < 0 || this.kindAt(j) !== K_ARRAY ? 0 : this.fields[j * 4 + 3]! >>> COUNT_SHIFT;
  }

  /** The value as JSON text (strings quoted, as sent); "" when absent. */
  json(row: number, column: number): string {
    const j = this.find(row, column);
    if (j < 0) return '';
    const k = this.kindAt(j);
    const s = this.fields[j * 4 + 1]!;
    const e = this.fields[j * 4 + 2]!;
    const text = utf8Text(this.bytes, s, e);
    return k === K_STRING || k === K_STRING_ESC ? `"${text}"` : text;
  }
}
