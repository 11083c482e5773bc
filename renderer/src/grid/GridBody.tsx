// The grid's virtualized body. It owns the virtualizers (rows, and columns: only those in or near
// the view are rendered, two padding cells stand for the others), so a scroll re-renders this list
// of memoized rows only, not the header or the toolbar state above it. Rows are keyed by slot
// (position modulo the slot count), not by row: a row scrolled out hands its elements to the
// row scrolled in, and React rewrites ~25 text nodes instead of building and styling a new row.
// While the grid scrolls, a canvas stands in for the rows (FastScrollCanvas, fastScroll.ts): the
// rows keep their last render, under the canvas, and catch up when scrolling settles (catchUp.ts).
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { GridRow, ROWNUM_WIDTH } from './GridRow';
import { jumpAwareExtractor, type RowSpan } from './rowRange';
import { useFastScroll } from './fastScroll';
import { useCatchUp } from './catchUp';
import { NO_SLOTS, nextSlots, slotOrder } from './rowSlots';
import { FastScrollCanvas, type BodyRows } from './FastScrollCanvas';

export const ROW_HEIGHT = 24;
/** Scrolling has settled when no scroll event came for this long: the DOM rows show again. */
const SETTLE_MS = 120;

interface Props extends BodyRows {
  scrollRef: { current: HTMLDivElement | null };
  /** Set to a function that scrolls a display position into view (keyboard navigation). */
  scrollToRef: { current: ((pos: number) => void) | null };
  onRowClick(e: React.MouseEvent, index: number): void;
  onOpenRow(index: number): void;
  /** The first column stays in view while the grid scrolls sideways. */
  frozen: boolean;
  /** Draw on a canvas while scrolling (fastScroll.ts); off, the DOM rows scroll themselves. */
  canvas?: boolean;
}

/** Columns rendered beyond each side of the viewport (column virtualization). */
const COLUMN_OVERSCAN = 2;

/** The columns to render for the horizontal scroll position: react-virtual's horizontal mode
 *  over the column widths, and the widths the padding cells stand in for. */
function useColumnWindow(scrollRef: { current: HTMLElement | null }, cols: { width: number }[], pin: boolean) {
  const virt = useVirtualizer({
    horizontal: true, count: cols.length, getScrollElement: () => scrollRef.current,
    estimateSize: (i) => cols[i]?.width ?? 0, overscan: COLUMN_OVERSCAN, paddingStart: ROWNUM_WIDTH,
  });
  useEffect(() => { virt.measure(); }, [cols, virt]);
  const items = virt.getVirtualItems();
  const from = items[0]?.index ?? 0;
  const to = items.length ? items[items.length - 1]!.index + 1 : 0;
  return useMemo(() => {
    let padLeft = 0, padRight = 0;
    for (let i = pin ? 1 : 0; i < from; i += 1) padLeft += cols[i]!.width;
    for (let i = to; i < cols.length; i += 1) padRight += cols[i]!.width;
    return { from, to, padLeft, padRight };
  }, [cols, from, to, pin]);
}

export function GridBody(p: Props) {
  const shown = useColumnWindow(p.scrollRef, p.cols, p.frozen);
  // The virtualizer renders synchronously on scroll (flushSync). A jump renders the rows in view
  // only (rowRange.ts), and so does scrolling settling (the rows catch up with the canvas): the
  // overscan follows with the next range change, for compositor frames that scroll ahead of the
  // main thread.
  const rendered = useRef<RowSpan>({ start: 0, end: -1 });
  const [scrolling, setScrolling] = useState(false);
  const rangeExtractor = useMemo(() => jumpAwareExtractor(rendered, !scrolling), [scrolling]);
  const virt = useVirtualizer({
    count: p.count, getScrollElement: () => p.scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 6,
    rangeExtractor, onChange: (v) => setScrolling(v.isScrolling), isScrollingResetDelay: SETTLE_MS,
  });
  const { scrollToRef } = p;
  useEffect(() => {
    scrollToRef.current = (pos) => virt.scrollToIndex(pos);
    return () => { scrollToRef.current = null; };
  }, [scrollToRef, virt]);
  // The instance's flag, not the `scrolling` state: that one follows a render later, and the first
  // frame of a scroll would lay out DOM rows.
  const { fast, held } = useFastScroll(p.scrollRef, virt.isScrolling && p.canvas !== false);
  const items = virt.getVirtualItems();
  // While the canvas shows, the rows stay as they were: the same elements, so React skips them.
  // Once scrolling settles they catch up a few a frame (catchUp.ts), the others kept as they were.
  const { done, catching } = useCatchUp(fast, held, items.length);
  // The slots of the last commit; this render builds its own from them (a render React throws
  // away leaves them as they were).
  const committed = useRef(NO_SLOTS);
  const slots = fast ? committed.current : nextSlots(committed.current, items, done, (vi, slot) => {
    const idx = p.at(vi.index);
    return (
      <GridRow
        key={slot} index={idx} rows={p.rows} pos={vi.index} cols={p.cols} from={shown.from} to={shown.to} padLeft={shown.padLeft} padRight={shown.padRight} pin={p.frozen} top={vi.start} width={p.width} alt={vi.index % 2 === 1}
        selected={idx === p.selected || p.multi.has(idx)} onMouseDown={p.onRowClick} onOpen={p.onOpenRow}
      />
    );
  });
  useLayoutEffect(() => { committed.current = slots; });
  const rowEls = slotOrder(slots);
  const canvas = fast || catching;
  return (
    <div className={`grid-body${canvas ? ' fast' : ''}`} style={{ height: virt.getTotalSize() }}>
      {rowEls}
      <FastScrollCanvas
        scrollRef={p.scrollRef} active={canvas} rowHeight={ROW_HEIGHT} count={p.count} at={p.at} rows={p.rows} cols={p.cols} width={p.width}
        selected={p.selected} multi={p.multi}
      />
    </div>
  );
}
