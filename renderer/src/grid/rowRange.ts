// Which rows the grid body renders: the visible ones plus some overscan, except on a jump. A jump
// (a scrollbar drag, Home/End, a scrollToIndex far away) rewrites every rendered row, so its frame
// renders only the rows in view; the overscan follows on the next range change or when scrolling
// settles, a few rows at a time instead of all at once.
import type { Range } from '@tanstack/react-virtual';

export interface RowSpan { start: number; end: number }

/** Rows [start, end] to render for the virtualizer's range, given the span rendered before. */
export function rowSpan(range: Range, prev: RowSpan): RowSpan {
  const jumped = range.startIndex > prev.end || range.endIndex < prev.start;
  if (jumped) return { start: range.startIndex, end: range.endIndex };
  return { start: Math.max(0, range.startIndex - range.overscan), end: Math.min(range.count - 1, range.endIndex + range.overscan) };
}

const NONE: RowSpan = { start: 0, end: -1 };

/** A virtualizer rangeExtractor that remembers the span it rendered last, in `rendered` (shared
 *  with the extractor it replaces). `fresh`: its first range counts as a jump, whatever came before. */
export function jumpAwareExtractor(rendered: { current: RowSpan }, fresh = false): (range: Range) => number[] {
  let first = fresh;
  return (range) => {
    const span = rowSpan(range, first ? NONE : rendered.current);
    first = false;
    rendered.current = span;
    return Array.from({ length: Math.max(0, span.end - span.start + 1) }, (_, i) => span.start + i);
  };
}
