// The grid's cheap-layout rules (renderer/src/grid): which cells show whole, cut with an ellipsis
// or clipped, and which columns are near the viewport.
import { describe, expect, it } from 'vitest';
import { fitCell } from '../../renderer/src/grid/cellFit';
import { columnWindow } from '../../renderer/src/grid/columnWindow';

describe('fitCell', () => {
  it('keeps short ASCII whole and cuts long ASCII to what fits, leaving room for the ellipsis', () => {
    // 82 px: (82 - 17) / 7.5 = 8 characters of room.
    expect(fitCell('Price 45', 82)).toEqual({ kind: 'whole' });
    expect(fitCell('', 40)).toEqual({ kind: 'whole' });
    expect(fitCell('Temporarily Off Market', 82)).toEqual({ kind: 'cut', keep: 7 });
    expect(fitCell('Temporarily', 20)).toEqual({ kind: 'cut', keep: 0 });
  });

  it('clips text in other scripts unless it fits at twice the ASCII width', () => {
    expect(fitCell('José', 82)).toEqual({ kind: 'whole' });
    expect(fitCell('Montréal Québec', 82)).toEqual({ kind: 'clip' });
    expect(fitCell('東京都渋谷区神宮前', 82)).toEqual({ kind: 'clip' });
  });
});

describe('columnWindow', () => {
  const widths = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100]; // after a 56 px row-number column

  it('takes the columns that overlap the view widened by 80 px each side', () => {
    expect(columnWindow(widths, 56, { left: 0, width: 300 })).toEqual({ from: 0, to: 4 }); // to 380 px: column 3 starts at 356
    expect(columnWindow(widths, 56, { left: 500, width: 200 })).toEqual({ from: 3, to: 8 }); // 420 to 780 px: 3 ends at 456, 7 starts at 756
  });

  it('covers every column when the view is wider than the grid, none past the end', () => {
    expect(columnWindow(widths, 56, { left: 0, width: 4096 })).toEqual({ from: 0, to: 10 });
    expect(columnWindow(widths, 56, { left: 5000, width: 300 })).toEqual({ from: 10, to: 10 });
    expect(columnWindow([], 56, { left: 0, width: 300 })).toEqual({ from: 0, to: 0 });
  });
});
