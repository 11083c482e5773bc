// The grid's model: the compact row store (rows kept as the host sent them, a cell read when
// shown, the row cap) and the row view over it (find, sort by raw or decoded text).
import { describe, expect, it } from 'vitest';
import { cellsToWire } from '../../shared/contract/compactRows';
import { RowStore, rowStoreOf } from '../../renderer/src/grid/rowStore';
import { buildView, cellText, type ColumnRef } from '../../renderer/src/grid/view';

const rows = [
  ['3', 'Avon', 'A'],
  ['10', 'bath', 'S'],
  ['', 'Cork', 'A'],
  ['2', 'Avondale', 'P'],
];
const col = (index: number, decode?: (v: string) => string): ColumnRef => ({ id: `c${index}`, index, ...(decode ? { decode } : {}) });

describe('the row store', () => {
  it('reads every cell of rows that came in batches of either form', () => {
    const store = new RowStore();
    store.append({ count: 2, width: 3, text: '3\tAvon\tA10\tbath\tS', sep: '\t', ends: [8, 17] });
    store.append(cellsToWire(2, 3, (r, c) => rows[r + 2]![c]!));
    expect(store.length).toBe(4);
    expect(Array.from({ length: 4 }, (_, r) => store.row(r))).toEqual(rows);
    for (let r = 0; r < 4; r++) for (let c = 0; c < 3; c++) expect(store.cell(r, c)).toBe(rows[r]![c]);
    expect(store.cell(4, 0)).toBe('');
    expect(store.cell(0, 3)).toBe('');
    expect(store.row(-1)).toEqual([]);
  });

  it('reads short rows as empty cells', () => {
    const store = new RowStore();
    store.append({ count: 2, width: 3, text: '1xy\tz', sep: '\t', ends: [2, 5] });
    expect(store.row(0)).toEqual(['1x', '', '']);
    expect(store.cell(1, 1)).toBe('z');
    expect(store.cell(1, 2)).toBe('');
  });

  it('keeps rows up to its cap and counts the others', () => {
    const store = new RowStore(3);
    expect(store.append(cellsToWire(2, 1, (r) => `a${r}`))).toBe(2);
    expect(store.append(cellsToWire(2, 1, (r) => `b${r}`))).toBe(1);
    expect(store.append(cellsToWire(5, 1, (r) => `c${r}`))).toBe(0);
    expect(store.length).toBe(3);
    expect(store.beyondCap).toBe(6);
    expect(store.row(2)).toEqual(['b0']);
    expect(store.cell(3, 0)).toBe('');
  });

  it('holds about its text: one string and 4 bytes an offset per batch', () => {
    const many = Array.from({ length: 5000 }, (_, i) => [String(i), `City ${i % 40}`, i % 2 ? 'A' : 'S']);
    const store = rowStoreOf(many, 3, 1000);
    const text = many.reduce((n, r) => n + r.join('').length, 0);
    expect(store.bytes).toBe(text + 5000 * 3 * 4);
    expect(store.row(4321)).toEqual(many[4321]);
  });
});

describe('the row view', () => {
  const store = rowStoreOf(rows, 3, 3);
  const cols = [col(0), col(1), col(2)];

  it('is the identity without sort or find', () => {
    expect(buildView(store, undefined, false, '  ', cols)).toBeNull();
  });

  it('finds rows by any shown column, ignoring case', () => {
    expect(buildView(store, undefined, false, 'avon', cols)).toEqual([0, 3]);
    expect(buildView(store, undefined, false, 'BATH', cols)).toEqual([1]);
    // Found by the decoded text, not the code.
    const decoded = [col(0), col(1), col(2, (v) => ({ A: 'Active', S: 'Sold', P: 'Pending' })[v] ?? v)];
    expect(buildView(store, undefined, false, 'pending', decoded)).toEqual([3]);
  });

  it('sorts numbers as numbers (empty first), text as text, stable, either way', () => {
    expect(buildView(store, col(0), false, '', cols)).toEqual([2, 3, 0, 1]);
    expect(buildView(store, col(0), true, '', cols)).toEqual([1, 0, 3, 2]);
    expect(buildView(store, col(1), false, '', cols)).toEqual([0, 3, 2, 1]); // code-unit order: upper case first
    expect(buildView(store, col(2), false, '', cols)).toEqual([0, 2, 3, 1]);
    expect(buildView(store, col(0), false, 'avon', cols)).toEqual([3, 0]); // found, then sorted
  });

  it('sorts a decoded column by what it shows', () => {
    const dec = col(2, (v) => ({ A: 'Zz active', S: 'Sold', P: 'Pending' })[v] ?? v);
    expect(buildView(store, dec, false, '', cols)).toEqual([3, 1, 0, 2]);
    expect(cellText(store, 3, dec)).toBe('Pending');
  });
});
