// Which rows of a fixed-height list are in view (plus a few either side). The explorer's rows are
// all one height, so the window is arithmetic on scrollTop: no per-row measurements, which a
// general virtualizer rebuilds for every row (20,000 of them) each time the filter changes.
import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export interface RowWindow { first: number; last: number; total: number }

export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number): RowWindow {
  const [view, setView] = useState({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const update = () => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    // Rows for the new scroll position render in the same frame, so a fast scroll shows no gap.
    const scrolled = () => flushSync(update);
    update();
    el.addEventListener('scroll', scrolled, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    return () => { el.removeEventListener('scroll', scrolled); resize.disconnect(); };
  }, [scrollRef]);
  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  return { first, last, total: count * rowHeight };
}

/** Scrolls the list just enough to show row i whole (a keyboard move to a row out of view). */
export function revealRow(el: HTMLElement, i: number, rowHeight: number): void {
  const top = i * rowHeight;
  if (top < el.scrollTop) el.scrollTop = top;
  else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
}
