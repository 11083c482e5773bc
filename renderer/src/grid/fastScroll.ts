// When the grid body shows the fast-scroll canvas instead of DOM rows: while the grid scrolls,
// except once the user presses on the rows or types a key other than a scrolling one, so a click,
// a double-click, a text selection or a shortcut always meets real rows. The next scroll with no
// button held (a wheel, PageDown) brings the canvas back.
// A press on the canvas brings the rows back before its release, but the browser sends the click
// to what the press and the release have in common (the body, not a row): it is passed on to
// the row under the pointer, so the first click after a scroll selects like any other.
import { useEffect, useState } from 'react';

const SCROLL_KEYS = new Set(['PageDown', 'PageUp', 'Home', 'End', ' ']);

/** A press on the scroll element's own scrollbars (dragging the thumb scrolls; it is no click). */
function onScrollbar(el: HTMLElement, e: PointerEvent): boolean {
  return e.target === el && (e.offsetX >= el.clientWidth || e.offsetY >= el.clientHeight);
}

/** Sends a click that reached no row to the row under the pointer; true if it did. */
function clickRowUnder(e: MouseEvent): boolean {
  if ((e.target as Element).closest('[role=row]')) return false;
  const row = document.elementFromPoint(e.clientX, e.clientY)?.closest('[role=row]');
  if (!row) return false;
  row.dispatchEvent(new MouseEvent('click', e));
  return true;
}

/** `fast`: show the canvas; `held`: a press or a key asked for real rows (and no scroll since). */
export function useFastScroll(scrollRef: { current: HTMLElement | null }, scrolling: boolean): { fast: boolean; held: boolean } {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    let pressed = false, onCanvas = false;
    const down = (e: PointerEvent) => {
      onCanvas = (e.target as Element).closest('.grid-canvas') !== null;
      if (!onScrollbar(el, e)) { pressed = true; setHeld(true); }
    };
    const click = (e: MouseEvent) => {
      if (onCanvas && clickRowUnder(e)) e.stopPropagation();
      onCanvas = false;
    };
    const up = () => { pressed = false; };
    const key = (e: KeyboardEvent) => { if (!SCROLL_KEYS.has(e.key)) setHeld(true); };
    const scroll = () => { if (!pressed) setHeld(false); };
    el.addEventListener('pointerdown', down, true);
    window.addEventListener('pointerup', up, true);
    el.addEventListener('click', click, true);
    el.addEventListener('keydown', key, true);
    el.addEventListener('scroll', scroll, { passive: true });
    return () => {
      el.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointerup', up, true);
      el.removeEventListener('click', click, true);
      el.removeEventListener('keydown', key, true);
      el.removeEventListener('scroll', scroll);
    };
  }, [scrollRef]);
  return { fast: scrolling && !held, held };
}
