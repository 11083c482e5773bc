// The grid's virtualized body. It owns the virtualizer, so a scroll re-renders this list of
// memoized rows only, not the header or the toolbar state above it. Rows are keyed by slot
// (position modulo the slot count), not by row: a row scrolled out hands its elements to the
// row scrolled in, and React rewrites ~25 text nodes instead of building and styling a new row.
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { GridRow, ROWNUM_WIDTH, type SizedColumn } from './GridRow';
import { columnWindow, useHorizontalView } from './columnWindow';
import { jumpAwareExtractor, type RowSpan } from './rowRange';

export const ROW_HEIGHT = 24;

interface Props {
  scrollRef: { current: HTMLDivElement | null };
  /** Set to a function that scrolls a display position into view (keyboard navigation). */
  scrollToRef: { current: ((pos: number) => void) | null };
  count: number;
  at(pos: number): number;
  rows: string[][];
  cols: SizedColumn[];
  width: number;
  selected?: number;
  multi: Set<number>;
  onRowClick(e: React.MouseEvent, index: number): void;
  onOpenRow(index: number): void;
}

export function GridBody(p: Props) {
  const view = useHorizontalView(p.scrollRef);
  const shown = useMemo(() => columnWindow(p.cols.map((c) => c.width), ROWNUM_WIDTH, view), [p.cols, view]);
  // The virtualizer renders synchronously on scroll (flushSync), so overscan only covers frames the
  // compositor scrolls ahead of the main thread. A jump renders the rows in view only (rowRange.ts);
  // a new extractor when scrolling starts or settles makes the virtualizer add the overscan then.
  const rendered = useRef<RowSpan>({ start: 0, end: -1 });
  const [scrolling, setScrolling] = useState(false);
  const rangeExtractor = useMemo(() => jumpAwareExtractor(rendered), [scrolling]);
  const virt = useVirtualizer({
    count: p.count, getScrollElement: () => p.scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 6,
    rangeExtractor, onChange: (v) => setScrolling(v.isScrolling),
  });
  p.scrollToRef.current = (pos) => virt.scrollToIndex(pos);
  const items = virt.getVirtualItems();
  // The slot count only grows (to an even number, so a slot keeps its stripe): a range that
  // changes length by one row while scrolling must not reshuffle every key.
  const slots = useRef(2);
  if (items.length > slots.current) slots.current = items.length + (items.length % 2);
  // Children go in slot order, not row order: rows are placed by transform, and a list whose
  // order never changes lets React update them in place (moving a node restyles and relays it).
  const bySlot = [...items].sort((a, b) => (a.index % slots.current) - (b.index % slots.current));
  return (
    <div style={{ height: virt.getTotalSize(), position: 'relative' }}>
      {bySlot.map((vi) => {
        const idx = p.at(vi.index);
        return (
          <GridRow
            key={vi.index % slots.current} index={idx} pos={vi.index} row={p.rows[idx]} cols={p.cols} from={shown.from} to={shown.to} top={vi.start} width={p.width} alt={vi.index % 2 === 1}
            selected={idx === p.selected || p.multi.has(idx)} onMouseDown={p.onRowClick} onOpen={p.onOpenRow}
          />
        );
      })}
    </div>
  );
}
