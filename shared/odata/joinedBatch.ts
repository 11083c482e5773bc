// A Web API batch seen with its collections joined: a cell holding a JSON array (a collection of
// lookup values, an expanded Media array) reads as its elements joined by a separator, so a CSV
// cell says "Dishwasher; Range" rather than ["Dishwasher","Range"]. Other cells pass through as
// the batch's own bytes.
import type { RowBatch } from '../rets/search/types';
import { joinCollection } from './nestedValues';
import type { ODataRowBatch } from './payload';
import { rowObjects, rowValues } from '../rets/search/batchRows';

const encoder = new TextEncoder();

export class JoinedBatch implements RowBatch {
  readonly columns: readonly string[];
  readonly length: number;
  readonly raggedRows: number;

  constructor(private readonly batch: ODataRowBatch, private readonly separator: string) {
    this.columns = batch.columns;
    this.length = batch.length;
    this.raggedRows = batch.raggedRows;
  }

  get(row: number, column: number): string {
    return this.batch.kind(row, column) === 'array' ? joinCollection(this.batch.json(row, column), this.separator) : this.batch.get(row, column);
  }

  row(row: number): string[] { return rowValues(this, row); }

  toObjects(): Record<string, string>[] { return rowObjects(this); }

  fieldBytes(row: number, column: number): Uint8Array {
    return this.batch.kind(row, column) === 'array' ? encoder.encode(this.get(row, column)) : this.batch.fieldBytes(row, column);
  }

  rawField(row: number, column: number): Uint8Array {
    return this.batch.rawField(row, column);
  }
}
