// What the grid body shows while it scrolls fast (fastScroll.ts): canvas tiles (canvasTiles.ts)
// placed in the body where their rows are, so the compositor moves them with the content like
// rows. Redrawn after every render while active: the virtualizer renders when the rows in view
// change, and the horizontal view when the grid scrolls sideways.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { columnSpans, rowBand } from './canvasLayout';
import { TileRing, type TileLook } from './canvasTiles';
import { useGridTheme } from './gridTheme';
import { ROWNUM_WIDTH, type SizedColumn } from './GridRow';
import { cellText, type Rows } from './view';

/** The rows the grid body shows, and how: what the DOM rows and the canvas tiles both draw. */
export interface BodyRows {
  count: number;
  /** The row index shown at a display position (sorting maps positions to rows). */
  at(pos: number): number;
  rows: Rows;
  cols: SizedColumn[];
  width: number;
  selected?: number;
  multi: Set<number>;
}

interface Props extends BodyRows {
  scrollRef: { current: HTMLElement | null };
  active: boolean;
  rowHeight: number;
}

/** The same look object while nothing it holds changed, so tiles drawn with it are kept. */
function sameLook(a: TileLook | null, b: TileLook): TileLook {
  return a && a.token === b.token && a.left === b.left && a.width === b.width && a.scale === b.scale && a.theme === b.theme ? a : b;
}

export function FastScrollCanvas(p: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const ring = useRef<TileRing | null>(null);
  const look = useRef<TileLook | null>(null);
  const theme = useGridTheme();
  const widths = useMemo(() => p.cols.map((c) => c.width), [p.cols]);
  // Changes when what any row looks like may have changed (rows stream in, sort, columns, selection).
  const token = useMemo(() => ({}), [p.rows, p.at, p.cols, p.width, p.count, p.selected, p.multi]);
  useLayoutEffect(() => {
    const host = ref.current, el = p.scrollRef.current;
    if (!host || !el || !p.active) return;
    // Reads first (layout is clean while the DOM rows stand still), then writes.
    const top = el.scrollTop, left = el.scrollLeft, vw = el.clientWidth, vh = el.clientHeight;
    const head = (host.parentElement as HTMLElement).offsetTop;
    const band = rowBand(top, vh, head, p.rowHeight, p.count);
    look.current = sameLook(look.current, { token, left, width: vw, scale: window.devicePixelRatio || 1, theme: theme(el) });
    ring.current ??= new TileRing(host);
    // One row more than the view holds: the first row may be partly scrolled out.
    const viewRows = Math.ceil(Math.max(0, vh - head) / p.rowHeight) + 1;
    ring.current.show(band.first, band.last, viewRows, {
      first: band.first, last: band.last, rowHeight: p.rowHeight, left, rowWidth: p.width, lead: ROWNUM_WIDTH,
      spans: columnSpans(widths, ROWNUM_WIDTH, left, vw),
      rowAt: p.at, cellAt: (row, col) => cellText(p.rows, row, p.cols[col]!), isSelected: (row) => row === p.selected || p.multi.has(row),
    }, look.current, p.count);
  });
  return <div ref={ref} className="grid-canvas" aria-hidden="true" style={{ display: p.active ? undefined : 'none' }} />;
}
