// The fast-scroll canvas's geometry (renderer/src/grid/canvasLayout.ts): which rows and columns
// it draws and where, and how it shortens a cell's text, as the DOM rows do; its tiles.
import { describe, expect, it } from 'vitest';
import { baselineIn, cellLabel, columnSpans, ellipsize, rowBand } from '../../renderer/src/grid/canvasLayout';
import { TILE_ROWS, blocksFor, tileCount } from '../../renderer/src/grid/canvasTiles';

describe('rowBand', () => {
  it('covers the rows under the header from the one the scroll position cuts', () => {
    // 900 px view, 26 px header: 874 px of body show, from 0 to 874: rows 0..36 (36 starts at 864).
    expect(rowBand(0, 900, 26, 24, 100_000)).toEqual({ first: 0, last: 36, top: 0 });
    // 130 px down: row 5 (120..144) is cut at the top; the body shows to 1004, row 41 starts at 984.
    expect(rowBand(130, 900, 26, 24, 100_000)).toEqual({ first: 5, last: 41, top: 120 });
  });

  it('stops at the last row and draws none when there are none', () => {
    expect(rowBand(0, 900, 26, 24, 10)).toEqual({ first: 0, last: 9, top: 0 });
    expect(rowBand(0, 900, 26, 24, 0)).toEqual({ first: 0, last: -1, top: 0 });
  });
});

describe('columnSpans', () => {
  const widths = [100, 80, 120, 100];

  it('takes the columns overlapping the view with their left edges after the row numbers', () => {
    expect(columnSpans(widths, 56, 0, 200)).toEqual([{ col: 0, x: 56, width: 100 }, { col: 1, x: 156, width: 80 }]);
    // 240 to 400: column 1 (156..236) is out, 2 (236..356) and 3 (356..456) are in.
    expect(columnSpans(widths, 56, 240, 160)).toEqual([{ col: 2, x: 236, width: 120 }, { col: 3, x: 356, width: 100 }]);
  });

  it('gives none past the last column', () => {
    expect(columnSpans(widths, 56, 1000, 300)).toEqual([]);
    expect(columnSpans([], 56, 0, 300)).toEqual([]);
  });
});

describe('cellLabel', () => {
  it('shows what the DOM cell shows: whole, or the part that fits and an ellipsis', () => {
    expect(cellLabel('Price 45', 82)).toEqual({ text: 'Price 45', clip: false });
    expect(cellLabel('Temporarily Off Market', 82)).toEqual({ text: 'Tempora\u2026', clip: false });
  });

  it('leaves text in other scripts to be measured', () => {
    expect(cellLabel('東京都渋谷区神宮前', 82)).toEqual({ text: '東京都渋谷区神宮前', clip: true });
  });
});

describe('ellipsize', () => {
  const width = (s: string) => Array.from(s).length * 10; // 10 px a character, the ellipsis too

  it('keeps text that fits and otherwise the longest start that fits with an ellipsis', () => {
    expect(ellipsize('東京都', 30, width)).toBe('東京都');
    expect(ellipsize('東京都渋谷区', 35, width)).toBe('東京\u2026');
    expect(ellipsize('東京都渋谷区', 5, width)).toBe('\u2026');
  });

  it('never splits a character made of two UTF-16 units', () => {
    expect(ellipsize('𠮷𠮷𠮷𠮷', 30, width)).toBe('𠮷𠮷\u2026');
  });
});

describe('baselineIn', () => {
  it('puts the baseline half the leading below the line top, plus the ascent', () => {
    // Liberation Mono 12px: ascent 10.8, descent 2.6 -> 11 and 3; leading 24 - 14 = 10.
    expect(baselineIn(24, 10.8, 2.6)).toBe(16);
    expect(baselineIn(24, 10, 3)).toBe(15); // odd leading: the half rounds down
  });
});

describe('canvas tiles', () => {
  it('hold six rows each, and enough of them for a view cut anywhere', () => {
    expect(TILE_ROWS).toBe(6);
    expect(tileCount(38)).toBe(8); // 38 rows touch at most 8 blocks of 6 (e.g. rows 5..42)
    expect(tileCount(6)).toBe(2);
    expect(tileCount(1)).toBe(2);
  });

  it('cover the blocks the rows in view touch, which never outnumber the tiles', () => {
    expect(blocksFor(0, 36)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(blocksFor(5, 42)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(blocksFor(12, 12)).toEqual([2]);
    expect(blocksFor(0, -1)).toEqual([]);
    for (let first = 0; first < 12; first += 1) expect(blocksFor(first, first + 37).length).toBeLessThanOrEqual(tileCount(38));
  });
});
