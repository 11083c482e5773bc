// The results' Columns popover: a filter over the column names, show and hide columns (all, or
// all the filter shows), freeze the first column, reset order and widths. It hangs
// under its toolbar button in a portal with fixed position (above the grid, below the toolbar),
// and closes on Esc (focus back to the button), on a press outside it, and from its button
// (a press on the button is not "outside", so the button's own click toggles it closed).
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { Table } from '@tanstack/react-table';
import { useEscape } from '../shell/useEscape';
import { useLatest } from '../shell/useLatest';

interface Props {
  table: Table<string[]>;
  /** The toolbar button that opens it; without one it sits at the top right of the window. */
  anchor?: RefObject<HTMLElement | null>;
  onReset(): void;
  onClose(): void;
  frozen: boolean;
  onFrozen(v: boolean): void;
  /** Column titles by the profile's saved mapping (absent: it has none). */
  byMapping?: { on: boolean; set(v: boolean): void };
}

const GAP = 4; // px between the button and the popover
const MARGIN = 8; // px kept free at the window's edges
const WIDTH = 240; // px, as min-width in styles.css

interface Place { top: number; left: number; maxHeight: number }

function placeUnder(anchor: HTMLElement | null | undefined): Place {
  const r = anchor?.getBoundingClientRect();
  const top = r ? r.bottom + GAP : 40;
  const left = Math.max(MARGIN, Math.min(r ? r.left : Infinity, window.innerWidth - WIDTH - MARGIN));
  return { top, left, maxHeight: Math.max(120, Math.min(420, window.innerHeight - top - MARGIN)) };
}

export function ColumnMenu({ table, anchor, onReset, onClose, frozen, onFrozen, byMapping }: Props) {
  const [filter, setFilter] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const close = useLatest(onClose);
  const [place, setPlace] = useState<Place>(() => placeUnder(anchor?.current));

  // The toolbar can move while the menu is open (an error box, the log panel): follow the button.
  useLayoutEffect(() => {
    const next = placeUnder(anchor?.current);
    setPlace((p) => (p.top === next.top && p.left === next.left && p.maxHeight === next.maxHeight ? p : next));
  });

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!ref.current?.contains(t) && !anchor?.current?.contains(t)) close.current();
    };
    const onResize = () => setPlace(placeUnder(anchor?.current));
    document.addEventListener('mousedown', onDown, true);
    window.addEventListener('resize', onResize);
    return () => {
      document.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('resize', onResize);
    };
  }, [anchor]);

  // Esc closes it before the app sees the key (so it does not also cancel a running search).
  useEscape((e) => {
    e.preventDefault();
    close.current();
    anchor?.current?.focus();
  });

  // Focus starts inside, so Tab and Space work at once (no ring after a mouse click: :focus-visible).
  useEffect(() => { ref.current?.querySelector('input')?.focus(); }, []);

  /** Tab past its last control (or Shift+Tab before its first) leaves it: closed, focus on the
   *  button (the portal sits at the end of the page, where Tab would otherwise go next). */
  function onTab(e: ReactKeyboardEvent) {
    if (e.key !== 'Tab') return;
    const items = ref.current?.querySelectorAll<HTMLElement>('input, button');
    if (!items?.length) return;
    const edge = e.shiftKey ? items[0] : items[items.length - 1];
    if (document.activeElement !== edge) return;
    e.preventDefault();
    close.current();
    anchor?.current?.focus();
  }

  const all = table.getAllLeafColumns();
  const needle = filter.trim().toLowerCase();
  const shown = needle ? all.filter((c) => c.id.toLowerCase().includes(needle)) : all;
  const visibleCount = all.filter((c) => c.getIsVisible()).length;
  /** Show or hide every column the filter shows; hiding all still keeps one, so the grid keeps a header to click. */
  function setAll(visible: boolean) {
    const next = Object.fromEntries(all.map((c) => [c.id, shown.includes(c) ? visible : c.getIsVisible()]));
    if (!visible && !Object.values(next).some(Boolean)) next[all[0].id] = true;
    table.setColumnVisibility(next);
  }

  return createPortal(
    <div
      ref={ref} className="colmenu popover" data-testid="column-menu" id="column-menu" role="dialog" aria-label="Columns"
      style={{ top: place.top, left: place.left, maxHeight: place.maxHeight }} onKeyDown={onTab}
    >
      <div className="muted small colmenu-h">Columns — drag headers to reorder</div>
      <input className="input colmenu-filter" placeholder="Filter columns" aria-label="Filter columns" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="column-filter" />
      <div className="colmenu-bulk">
        <button className="btn small" onClick={() => setAll(true)} data-testid="columns-show-all">{needle ? 'Show these' : 'Show all'}</button>
        <button className="btn small" onClick={() => setAll(false)} data-testid="columns-hide-all">{needle ? 'Hide these' : 'Hide all'}</button>
        <span className="muted small num">{visibleCount} of {all.length} shown</span>
      </div>
      {shown.map((c) => (
        <label key={c.id}><input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} />{c.id}</label>
      ))}
      {shown.length === 0 && <div className="muted small" style={{ padding: 4 }}>No column matches “{filter}”.</div>}
      <div className="colmenu-f">
        <label className="check small" style={{ fontFamily: 'var(--sans)' }}><input type="checkbox" checked={frozen} onChange={(e) => onFrozen(e.target.checked)} data-testid="freeze-first" />Freeze first column</label>
        {byMapping && <label className="check small" style={{ fontFamily: 'var(--sans)' }} title="Titles by the connection's saved mapping; unmapped columns keep their name"><input type="checkbox" checked={byMapping.on} onChange={(e) => byMapping.set(e.target.checked)} data-testid="titles-by-mapping" />Titles by mapping</label>}
        <span style={{ flex: 1 }} />
        <button className="btn" onClick={onReset}>Reset</button>
      </div>
    </div>,
    document.body,
  );
}
