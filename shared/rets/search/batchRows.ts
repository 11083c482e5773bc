// A batch's rows as strings, one definition for every RowBatch (the parsers' batches and the
// views over them): a row in column order, and every row as an object keyed by column name.
import type { RowBatch } from './types';

/** One row's decoded values, in column order (a new array each call). */
export function rowValues(batch: Pick<RowBatch, 'columns' | 'get'>, row: number): string[] {
  const n = batch.columns.length;
  const out = new Array<string>(n);
  for (let c = 0; c < n; c++) out[c] = batch.get(row, c);
  return out;
}

/** Every row as an object keyed by column name. */
export function rowObjects(batch: Pick<RowBatch, 'columns' | 'get' | 'length'>): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (let r = 0; r < batch.length; r++) {
    const o: Record<string, string> = {};
    for (let c = 0; c < batch.columns.length; c++) o[batch.columns[c]!] = batch.get(r, c);
    out.push(o);
  }
  return out;
}
