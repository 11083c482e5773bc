// Which rows are selected (one current row, plus a set for shift/ctrl clicks and Ctrl+A), the
// keys that move it (arrows, Enter opens) and copying the selection as CSV.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { toCsv } from './csv';
import { cellText, type ColumnRef, type Rows } from './view';

interface Options {
  rows: Rows;
  /** Display order (null: as loaded). */
  view: number[] | null;
  cols: ColumnRef[];
  selected: number | undefined;
  onSelect(index: number): void;
  onOpenRow(index: number): void;
  onCopied(message: string): void;
  /** Scrolls a display position into view. */
  scrollTo(pos: number): void;
}

export interface GridSelection {
  multi: Set<number>;
  onRowClick(e: MouseEvent, index: number): void;
  onKey(e: KeyboardEvent): void;
  copy(): Promise<void>;
}

export function useGridSelection(o: Options): GridSelection {
  const [multi, setMulti] = useState<Set<number>>(new Set());
  const { rows, view, cols, selected, onSelect } = o;
  useEffect(() => { setMulti(new Set()); }, [rows]);
  const count = view ? view.length : rows.length;
  const at = useCallback((pos: number) => (view ? view[pos]! : pos), [view]);
  const positionOf = useCallback((idx: number) => (view ? view.indexOf(idx) : idx), [view]);

  // Read at click time, so the callback (a prop of every memoized row) stays the same across selections.
  const selectedRef = useRef(selected);
  useEffect(() => { selectedRef.current = selected; }, [selected]);
  const onRowClick = useCallback((e: MouseEvent, idx: number) => {
    const selected = selectedRef.current;
    if (e.shiftKey && selected !== undefined) {
      window.getSelection()?.removeAllRanges(); // the shift-press also selected the text between
      const pos = positionOf(selected), cur = positionOf(idx);
      const [a, b] = pos < cur ? [pos, cur] : [cur, pos];
      const s = new Set<number>();
      for (let i = a; i <= b; i += 1) s.add(at(i));
      setMulti(s);
      return;
    }
    if (e.metaKey || e.ctrlKey) { setMulti((s) => { const n = new Set(s); if (n.has(idx)) n.delete(idx); else n.add(idx); return n; }); return; }
    setMulti(new Set([idx]));
    onSelect(idx);
  }, [at, positionOf, onSelect]);

  async function copy() {
    const picked = multi.size ? [...multi] : selected !== undefined ? [selected] : [];
    if (!picked.length) return;
    picked.sort((a, b) => positionOf(a) - positionOf(b));
    const text = toCsv(cols.map((c) => c.id), picked.map((i) => cols.map((c) => cellText(rows, i, c))));
    await navigator.clipboard.writeText(text).catch(() => undefined);
    o.onCopied(`Copied ${picked.length} row${picked.length === 1 ? '' : 's'} as CSV`);
  }

  function onKey(e: KeyboardEvent) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c') { e.preventDefault(); void copy(); return; }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') { e.preventDefault(); setMulti(new Set(view ?? Array.from({ length: rows.length }, (_, i) => i))); return; }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Enter') return;
    e.preventDefault();
    const pos = selected === undefined ? -1 : positionOf(selected);
    if (e.key === 'Enter') { if (pos >= 0) o.onOpenRow(selected!); return; }
    const next = Math.max(0, Math.min(count - 1, pos + (e.key === 'ArrowDown' ? 1 : -1)));
    if (count) { onSelect(at(next)); setMulti(new Set([at(next)])); o.scrollTo(next); }
  }

  return { multi, onRowClick, onKey, copy };
}
