// Where the fast-scroll canvas (canvasBody.ts) puts rows and cells: the same geometry as the DOM
// rows (GridRow.tsx and the .grid-row/.grid-td rules), worked out without the DOM.
import { fitCell } from './cellFit';

/** Rows [first, last] cover the viewport below the sticky header; `top` is the first row's offset
 *  in the body (the canvas sits there, so the compositor scrolls it like a row). */
export interface RowBand { first: number; last: number; top: number }

export function rowBand(scrollTop: number, viewHeight: number, headHeight: number, rowHeight: number, count: number): RowBand {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight));
  // The body starts below the header; what shows of it is [scrollTop, scrollTop + viewHeight - headHeight).
  const last = Math.min(count - 1, Math.ceil((scrollTop + viewHeight - headHeight) / rowHeight) - 1);
  return { first, last, top: first * rowHeight };
}

/** A column the canvas draws: its index among the shown columns and its left edge in the row. */
export interface ColumnSpan { col: number; x: number; width: number }

/** The columns that overlap [left, left + width) of a row whose first `lead` px are the row numbers. */
export function columnSpans(widths: number[], lead: number, left: number, width: number): ColumnSpan[] {
  const out: ColumnSpan[] = [];
  let x = lead;
  for (let i = 0; i < widths.length && x < left + width; i += 1) {
    if (x + widths[i] > left) out.push({ col: i, x, width: widths[i] });
    x += widths[i];
  }
  return out;
}

/** What a cell shows, as the DOM cell shows it: whole, cut with an ellipsis after `keep`
 *  characters (fitCell), or `clip` for text in other scripts, which the canvas measures. */
export type CellLabel = { text: string; clip: boolean };

export function cellLabel(text: string, width: number): CellLabel {
  const fit = fitCell(text, width);
  if (fit.kind === 'whole') return { text, clip: false };
  if (fit.kind === 'cut') return { text: `${text.slice(0, fit.keep)}\u2026`, clip: false };
  return { text, clip: true };
}

/** The longest start of `text` that fits `room` px followed by an ellipsis (CSS text-overflow:
 *  ellipsis), given a way to measure; the whole text when it fits. */
export function ellipsize(text: string, room: number, measure: (s: string) => number): string {
  if (measure(text) <= room) return text;
  const chars = Array.from(text);
  let lo = 0, hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(`${chars.slice(0, mid).join('')}\u2026`) <= room) lo = mid; else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('')}\u2026`;
}

/** Text baseline in a line box `lineHeight` tall for a font of this ascent and descent (the CSS
 *  half-leading model, with the integer metrics Blink lays text out with). */
export function baselineIn(lineHeight: number, ascent: number, descent: number): number {
  const a = Math.round(ascent), d = Math.round(descent);
  return Math.floor((lineHeight - (a + d)) / 2) + a;
}
