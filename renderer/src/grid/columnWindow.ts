// Which columns are in (or near) the horizontal viewport. Rows lay out and paint only those
// cells' text; the others keep their text in a hidden span (no layout object, textContent whole),
// so a scroll frame shapes and paints the ~10-15 columns one sees instead of all of them.
import { useEffect, useState } from 'react';

/** Extra width laid out on each side, so a short horizontal scroll shows text at once (one
 *  typical column: each column laid out costs every scrolled-in row a cell of layout). */
const MARGIN_PX = 80;

export interface ColumnWindow { from: number; to: number }

interface HorizontalView { left: number; width: number }

/** Scroll position and width of the scroll element, updated on horizontal scrolls and resizes
 *  only. A passive effect: the scroll element is the parent's, whose ref is not yet attached when
 *  this component's layout effects run. */
export function useHorizontalView(scrollRef: { current: HTMLElement | null }): HorizontalView {
  const [view, setView] = useState<HorizontalView>(() => ({ left: 0, width: typeof window === 'undefined' ? 4096 : window.innerWidth }));
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    const read = () => setView((v) => (v.left === el.scrollLeft && v.width === el.clientWidth ? v : { left: el.scrollLeft, width: el.clientWidth }));
    read();
    el.addEventListener('scroll', read, { passive: true });
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => { el.removeEventListener('scroll', read); ro.disconnect(); };
  }, [scrollRef]);
  return view;
}

/** Columns [from, to) that overlap the view; `lead` is the width before the first column. */
export function columnWindow(widths: number[], lead: number, view: HorizontalView): ColumnWindow {
  const lo = view.left - MARGIN_PX, hi = view.left + view.width + MARGIN_PX;
  let x = lead, from = widths.length, to = widths.length;
  for (let i = 0; i < widths.length; i += 1) {
    if (from === widths.length && x + widths[i] > lo) from = i;
    if (x >= hi) { to = i; break; }
    x += widths[i];
  }
  return { from: Math.min(from, to), to };
}
