// A batch seen through another column order: the columns a user chose, in the order they chose,
// whatever order the server answered in (a column the batch lacks reads as empty). Export of the
// grid's visible columns and the Web API's pages (whose properties differ page to page) use it.
import type { RowBatch } from './types';
import { rowObjects, rowValues } from './batchRows';

const EMPTY = new Uint8Array(0);

/**
 * Where each wanted column sits in `columns` (names compared exactly, then ignoring case, as
 * servers may echo their own spelling); null when the order is already the same, or when a wanted
 * column is not there at all (then the server's order is kept: nothing it sent is dropped).
 */
export function columnPositions(wanted: readonly string[], columns: readonly string[]): number[] | null {
  const lower = columns.map((c) => c.toLowerCase());
  const at = wanted.map((w) => {
    const exact = columns.indexOf(w);
    return exact >= 0 ? exact : lower.indexOf(w.toLowerCase());
  });
  if (at.some((c) => c < 0)) return null;
  return at.length === columns.length && at.every((c, i) => c === i) ? null : at;
}

export class OrderedBatch implements RowBatch {
  readonly length: number;
  readonly raggedRows: number;
  constructor(private readonly batch: RowBatch, readonly columns: readonly string[], private readonly at: readonly number[]) {
    this.length = batch.length;
    this.raggedRows = batch.raggedRows;
  }

  get(row: number, column: number): string {
    const c = this.at[column]!;
    return c < 0 ? '' : this.batch.get(row, c);
  }

  row(row: number): string[] { return rowValues(this, row); }

  toObjects(): Record<string, string>[] { return rowObjects(this); }

  fieldBytes(row: number, column: number): Uint8Array {
    const c = this.at[column]!;
    return c < 0 ? EMPTY : this.batch.fieldBytes(row, c);
  }

  rawField(row: number, column: number): Uint8Array {
    const c = this.at[column]!;
    return c < 0 ? EMPTY : this.batch.rawField(row, c);
  }
}
