// The loaded rows of a search, kept as the host sent them: per batch one string and one offsets
// array (CompactRows), so 200,000 rows cost about their text, not an array and a string per cell.
// A cell is cut out when it is painted, sorted, found, copied or shown in the row details.
// Beyond the row cap the store keeps the first rows and counts the others.
import { CompactRows, cellsToWire, type RowsBatch } from '../../../shared/contract/compactRows';

/** Rows the grid keeps unless the user set another cap (rowCap.ts). */
export const DEFAULT_ROW_CAP = 500_000;

export class RowStore {
  private readonly batches: CompactRows[] = [];
  /** Index of each batch's first row. */
  private readonly starts: number[] = [];
  private last = 0;
  length = 0;
  /** Rows that arrived beyond the cap (not kept). */
  beyondCap = 0;

  constructor(readonly cap: number = DEFAULT_ROW_CAP) {}

  /** Adds a batch; rows past the cap are only counted. Returns the rows kept. */
  append(wire: RowsBatch): number {
    const room = Math.max(0, this.cap - this.length);
    const keep = Math.min(room, wire.count);
    this.beyondCap += wire.count - keep;
    if (keep === 0) return 0;
    const batch = new CompactRows(wire);
    this.batches.push(batch);
    this.starts.push(this.length);
    this.length += keep;
    return keep;
  }

  /** The text of a cell ("" out of range). */
  cell(row: number, col: number): string {
    const b = this.locate(row);
    return b < 0 ? '' : this.batches[b]!.cell(row - this.starts[b]!, col);
  }

  /** A row's cells (a new array each call). */
  row(row: number): string[] {
    const b = this.locate(row);
    return b < 0 ? [] : this.batches[b]!.row(row - this.starts[b]!);
  }

  /** Characters and offset bytes held. */
  get bytes(): number {
    let n = 0;
    for (const b of this.batches) n += b.bytes;
    return n;
  }

  /** The batch holding a row: the last one found, its neighbour, else a binary search. */
  private locate(row: number): number {
    if (row < 0 || row >= this.length) return -1;
    const s = this.starts;
    const l = this.last;
    if (row >= s[l]! && (l + 1 >= s.length || row < s[l + 1]!)) return l;
    let lo = 0, hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= row) lo = mid; else hi = mid - 1;
    }
    this.last = lo;
    return lo;
  }
}

/** A store holding `rows` (the UI bench and tests), in batches as the host sends them. */
export function rowStoreOf(rows: readonly (readonly string[])[], width: number, batch = 1000): RowStore {
  const store = new RowStore(Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    store.append(cellsToWire(part.length, width, (r, c) => part[r]![c] ?? ''));
  }
  return store;
}
