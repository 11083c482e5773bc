// The canvas the grid body shows while it scrolls fast (fastScroll.ts). It sits in the body at the
// first visible row and the scroll's left edge, so the compositor moves it with the content like
// a row, and is redrawn after every render while active: the virtualizer renders when the rows in
// view change, and the horizontal view when the grid scrolls sideways.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { drawBody } from './canvasBody';
import { columnSpans, rowBand } from './canvasLayout';
import { useGridTheme } from './gridTheme';
import { ROWNUM_WIDTH, type SizedColumn } from './GridRow';
import { cellText } from './view';

interface Props {
  scrollRef: { current: HTMLElement | null };
  active: boolean;
  rowHeight: number;
  count: number;
  at(pos: number): number;
  rows: string[][];
  cols: SizedColumn[];
  width: number;
  selected?: number;
  multi: Set<number>;
}

/** Sizes the backing store to `w` x `h` CSS px at the device pixel ratio; a no-op when unchanged
 *  (setting a canvas's size clears it and reallocates its buffer). */
function fit(canvas: HTMLCanvasElement, w: number, h: number, scale: number): void {
  const bw = Math.round(w * scale), bh = Math.round(h * scale);
  if (canvas.width === bw && canvas.height === bh) return;
  canvas.width = bw;
  canvas.height = bh;
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
}

export function FastScrollCanvas(p: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useGridTheme();
  const widths = useMemo(() => p.cols.map((c) => c.width), [p.cols]);
  useLayoutEffect(() => {
    const canvas = ref.current, el = p.scrollRef.current;
    if (!canvas || !el || !p.active) return;
    // Reads first (layout is clean while the DOM rows stand still), then writes.
    const top = el.scrollTop, left = el.scrollLeft, vw = el.clientWidth, vh = el.clientHeight;
    const head = (canvas.parentElement as HTMLElement).offsetTop;
    const band = rowBand(top, vh, head, p.rowHeight, p.count);
    const scale = window.devicePixelRatio || 1;
    // One row more than the view holds: the band's first row may be partly scrolled out.
    const h = (Math.ceil(Math.max(0, vh - head) / p.rowHeight) + 1) * p.rowHeight;
    fit(canvas, vw, h, scale);
    canvas.style.transform = `translate(${left}px, ${band.top}px)`;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    drawBody(ctx, {
      first: band.first, last: band.last, rowHeight: p.rowHeight, left, rowWidth: p.width, lead: ROWNUM_WIDTH,
      spans: columnSpans(widths, ROWNUM_WIDTH, left, vw),
      rowAt: p.at, cellAt: (row, col) => cellText(p.rows[row], p.cols[col]), isSelected: (row) => row === p.selected || p.multi.has(row),
    }, theme(el), vw, h, scale);
  });
  return <canvas ref={ref} className="grid-canvas" aria-hidden="true" style={{ display: p.active ? undefined : 'none' }} />;
}
