// The grid's row view: which loaded rows show, in which order. Kept outside react-table's row
// model (which builds an object per row on every batch) so 100,000 streaming rows stay cheap:
// no sort and no find is the identity; otherwise one index array.
import type { Decoder } from '../../../shared/metadata/lookupDecoder';

export interface ColumnRef { id: string; index: number; decode?: Decoder }

/** The loaded rows as the view reads them (RowStore). */
export interface Rows {
  readonly length: number;
  cell(row: number, col: number): string;
  row(row: number): string[];
}

const numeric = /^-?\d+(\.\d+)?$/;

/** A cell as the grid shows it: the raw value, or its lookup's long value. */
export function shownText(raw: string, c: ColumnRef): string {
  return c.decode ? c.decode(raw) : raw;
}

export function cellText(rows: Rows, row: number, c: ColumnRef): string {
  return shownText(rows.cell(row, c.index), c);
}

/** Rows containing `needle` (lower case) in one of `cols` as shown: each row split once. */
function findRows(rows: Rows, needle: string, cols: ColumnRef[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows.row(i);
    for (const c of cols) if (shownText(r[c.index] ?? '', c).toLowerCase().includes(needle)) { out.push(i); break; }
  }
  return out;
}

/** Row indexes in display order, or null for "all rows as they came". */
export function buildView(rows: Rows, sortCol: ColumnRef | undefined, desc: boolean, find: string, cols: ColumnRef[]): number[] | null {
  const needle = find.trim().toLowerCase();
  if (!sortCol && !needle) return null;
  const idx = needle ? findRows(rows, needle, cols) : Array.from({ length: rows.length }, (_, i) => i);
  if (sortCol) {
    const keys = new Array<string>(rows.length);
    for (const i of idx) keys[i] = cellText(rows, i, sortCol);
    let allNumeric = true;
    for (const i of idx) if (keys[i] !== '' && !numeric.test(keys[i]!)) { allNumeric = false; break; }
    const dir = desc ? -1 : 1;
    if (allNumeric) {
      const nums = new Float64Array(rows.length);
      for (const i of idx) nums[i] = keys[i] === '' ? Number.NEGATIVE_INFINITY : Number(keys[i]);
      idx.sort((a, b) => (nums[a]! - nums[b]!) * dir || a - b);
    } else {
      idx.sort((a, b) => (keys[a]! < keys[b]! ? -dir : keys[a]! > keys[b]! ? dir : a - b));
    }
  }
  return idx;
}
