// The row cap: how many rows of one search the grid keeps (the rest is counted, and the export
// writes them all). A setting kept in localStorage, like the other UI settings.
import { DEFAULT_ROW_CAP } from './rowStore';

const KEY = 'rw.rowCap';

export function rowCap(): number {
  const v = Number(typeof localStorage === 'undefined' ? NaN : localStorage.getItem(KEY));
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_ROW_CAP;
}

export function setRowCap(n: number | null): void {
  if (n === null) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, String(Math.max(1, Math.floor(n))));
}
