// The grid's cheap-layout rules (renderer/src/grid): which cells show whole, cut with an ellipsis
// or clipped, and which rows render on a jump.
import { describe, expect, it } from 'vitest';
import { fitCell } from '../../renderer/src/grid/cellFit';
import { jumpAwareExtractor, rowSpan } from '../../renderer/src/grid/rowRange';

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

describe('rowSpan', () => {
  const range = (startIndex: number, endIndex: number) => ({ startIndex, endIndex, overscan: 6, count: 1000 });

  it('adds the overscan while the new range overlaps what was rendered, clamped to the rows', () => {
    expect(rowSpan(range(100, 136), { start: 85, end: 136 })).toEqual({ start: 94, end: 142 });
    expect(rowSpan(range(2, 38), { start: 0, end: 40 })).toEqual({ start: 0, end: 44 });
    expect(rowSpan(range(960, 999), { start: 950, end: 999 })).toEqual({ start: 954, end: 999 });
  });

  it('renders only the rows in view after a jump, then adds the overscan', () => {
    expect(rowSpan(range(5000, 5036), { start: 94, end: 142 })).toEqual({ start: 5000, end: 5036 });
    expect(rowSpan(range(10, 46), { start: 94, end: 142 })).toEqual({ start: 10, end: 46 });
    const extract = jumpAwareExtractor({ current: { start: 0, end: -1 } });
    expect(extract(range(500, 503))).toEqual([500, 501, 502, 503]);
    expect(extract(range(500, 503))).toEqual([494, 495, 496, 497, 498, 499, 500, 501, 502, 503, 504, 505, 506, 507, 508, 509]);
  });

  it('starts fresh when asked (scrolling settled) and goes on from the span it shares otherwise', () => {
    const rendered = { current: { start: 0, end: -1 } };
    jumpAwareExtractor(rendered)(range(500, 503));
    jumpAwareExtractor(rendered)(range(500, 503));
    expect(rendered.current).toEqual({ start: 494, end: 509 });
    // A new extractor that goes on: the same range keeps its overscan.
    expect(jumpAwareExtractor(rendered)(range(500, 503))).toHaveLength(16);
    // A fresh one: its first range renders the rows in view only, then the overscan follows.
    const fresh = jumpAwareExtractor(rendered, true);
    expect(fresh(range(500, 503))).toEqual([500, 501, 502, 503]);
    expect(fresh(range(500, 503))).toHaveLength(16);
  });
});
