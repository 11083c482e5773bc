// The grid's row view: which source rows show, in which order. Kept outside react-table's row
// model (which builds an object per row on every batch) so 100,000 streaming rows stay cheap:
// no sort and no find is the identity; otherwise one index array.
import type { Decoder } from '../../../shared/metadata/lookupDecoder';

export interface ColumnRef { id: string; index: number; decode?: Decoder }

const numeric = /^-?\d+(\.\d+)?$/;

export function cellText(row: string[], c: ColumnRef): string {
  const v = row[c.index] ?? '';
  return c.decode ? c.decode(v) : v;
}

/** Row indexes in display order, or null for "all rows as they came". */
export function buildView(rows: string[][], sortCol: ColumnRef | undefined, desc: boolean, find: string, cols: ColumnRef[]): number[] | null {
  const needle = find.trim().toLowerCase();
  if (!sortCol && !needle) return null;
  let idx: number[] = [];
  if (needle) {
    for (let i = 0; i < rows.length; i += 1) {
      const r = rows[i];
      for (const c of cols) if (cellText(r, c).toLowerCase().includes(needle)) { idx.push(i); break; }
    }
  } else {
    idx = Array.from({ length: rows.length }, (_, i) => i);
  }
  if (sortCol) {
    const keys = rows.map((r) => cellText(r, sortCol));
    const allNumeric = keys.every((k) => k === '' || numeric.test(k));
    const nums = allNumeric ? keys.map((k) => (k === '' ? Number.NEGATIVE_INFINITY : Number(k))) : undefined;
    const dir = desc ? -1 : 1;
    idx.sort(nums ? (a, b) => (nums[a] - nums[b]) * dir || a - b : (a, b) => (keys[a] < keys[b] ? -dir : keys[a] > keys[b] ? dir : a - b));
  }
  return idx;
}
