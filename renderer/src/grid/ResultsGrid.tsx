// The results grid. @tanstack/react-table holds the column state (sorting, sizing, visibility,
// order) and renders the header; the body is our own row view (view.ts) virtualized with
// @tanstack/react-virtual in GridBody, so 100,000 streaming rows keep ~60 pooled row elements in the DOM.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import {
  getCoreRowModel, useReactTable,
  type ColumnDef, type ColumnOrderState, type ColumnSizingState, type SortingState, type VisibilityState,
} from '@tanstack/react-table';
import type { Decoders } from '../../../shared/metadata/lookupDecoder';
import { toCsv } from './csv';
import { buildView, cellText } from './view';
import { ROWNUM_WIDTH as ROWNUM, type SizedColumn } from './GridRow';
import { GridBody } from './GridBody';
import { ColumnMenu } from './ColumnMenu';
import { fitWidths } from './columnFit';

interface Props {
  columns: string[];
  rows: string[][];
  version: number;
  decoders: Decoders;
  decoded: boolean;
  selected?: number;
  onSelect(index: number): void;
  onOpenRow(index: number): void;
  onCopied(message: string): void;
  findOpen: boolean;
  onCloseFind(): void;
  showColumns: boolean;
  onCloseColumns(): void;
  /** The toolbar's Columns button: the Columns popover hangs under it. */
  columnsAnchor?: RefObject<HTMLElement | null>;
  titles: Map<string, string>;
  /** Lets the results toolbar's Copy button copy the selection. */
  copyRef?: { current: (() => void) | null };
  /** The loaded rows are not the whole result (more match, or still streaming): a sort covers only them. */
  partial?: boolean;
  /** The columns on screen, in their order (export offers them). */
  onColumnsShown?(names: string[]): void;
}

const NO_DATA: string[][] = [];
/** px a column grows or shrinks for each Alt+Right / Alt+Left on its focused header. */
const KEY_RESIZE = 16;

export function ResultsGrid(p: Props) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [visibility, setVisibility] = useState<VisibilityState>({});
  const [order, setOrder] = useState<ColumnOrderState>([]);
  const [sizing, setSizing] = useState<ColumnSizingState>({});
  const [find, setFind] = useState('');
  const [multi, setMulti] = useState<Set<number>>(new Set());
  const [dragCol, setDragCol] = useState<string | null>(null);
  const [frozen, setFrozen] = useState(true);
  const fittedFor = useRef<string[] | null>(null);
  const findRef = useRef<HTMLInputElement>(null);
  // Set from a press on a resize handle until just after its click: the header is draggable
  // (to reorder) and sortable (on click), and a resize must do neither.
  const resizingRef = useRef(false);

  // accessorFn is never called (no data goes through react-table) but makes a column sortable.
  const columns = useMemo<ColumnDef<string[]>[]>(() => p.columns.map((name, i) => ({
    id: name, header: name, accessorFn: (r: string[]) => r[i], size: Math.min(260, Math.max(70, name.length * 8 + 34)), minSize: 40,
    enableSorting: true, sortDescFirst: false,
  })), [p.columns]);
  const table = useReactTable({
    data: NO_DATA, columns,
    state: { sorting, columnVisibility: visibility, columnOrder: order, columnSizing: sizing },
    onSortingChange: setSorting, onColumnVisibilityChange: setVisibility, onColumnOrderChange: setOrder, onColumnSizingChange: setSizing,
    getCoreRowModel: getCoreRowModel(), manualSorting: true, manualFiltering: true, enableSortingRemoval: true,
    columnResizeMode: 'onChange',
  });
  useEffect(() => { setOrder([]); setVisibility({}); setSorting([]); setSizing({}); setMulti(new Set()); }, [p.columns]);
  // Once the first rows of a result are in, columns take widths from their content (columnFit.ts);
  // a width the user set since is kept.
  useEffect(() => {
    if (!p.rows.length || fittedFor.current === p.columns) return;
    fittedFor.current = p.columns;
    const decs = p.columns.map((c) => (p.decoded ? p.decoders.get(c) : undefined));
    const widths = fitWidths(p.columns, p.rows, (r, c) => { const v = r[c] ?? ''; const d = decs[c]; return d ? d(v) : v; });
    setSizing((s) => Object.fromEntries(p.columns.map((c, i) => [c, s[c] ?? widths[i]])));
  }, [p.columns, p.version, p.rows, p.decoded, p.decoders]);
  useEffect(() => { if (p.findOpen) findRef.current?.focus(); }, [p.findOpen]);

  const visibleIds = table.getVisibleLeafColumns().map((c) => `${c.id}\u0000${c.getSize()}`).join('\u0001');
  const shownNames = table.getVisibleLeafColumns().map((c) => c.id).join('\u0001');
  const onColumnsShown = p.onColumnsShown;
  useEffect(() => { onColumnsShown?.(shownNames ? shownNames.split('\u0001') : []); }, [shownNames, onColumnsShown]);
  const cols = useMemo<SizedColumn[]>(() => table.getVisibleLeafColumns().map((c) => ({
    id: c.id, index: p.columns.indexOf(c.id), width: c.getSize(), decode: p.decoded ? p.decoders.get(c.id) : undefined,
  })), [visibleIds, p.columns, p.decoded, p.decoders]);
  const sortCol = sorting[0] ? cols.find((c) => c.id === sorting[0].id) ?? { id: sorting[0].id, index: p.columns.indexOf(sorting[0].id), decode: p.decoded ? p.decoders.get(sorting[0].id) : undefined } : undefined;
  const view = useMemo(
    () => buildView(p.rows, sortCol, sorting[0]?.desc ?? false, find, cols),
    [p.rows, p.version, sorting, find, cols],
  );
  const count = view ? view.length : p.rows.length;
  const at = useCallback((pos: number) => (view ? view[pos] : pos), [view]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const scrollToRef = useRef<((pos: number) => void) | null>(null);
  const totalWidth = ROWNUM + cols.reduce((s, c) => s + c.width, 0);

  const selectedRef = useRef(p.selected);
  selectedRef.current = p.selected;
  const onRowClick = useCallback((e: React.MouseEvent, idx: number) => {
    const sel = selectedRef.current;
    if (e.shiftKey && sel !== undefined) {
      window.getSelection()?.removeAllRanges(); // the shift-press also selected the text between
      const pos = positionOf(sel), cur = positionOf(idx);
      const [a, b] = pos < cur ? [pos, cur] : [cur, pos];
      const s = new Set<number>();
      for (let i = a; i <= b; i += 1) s.add(at(i));
      setMulti(s);
      return;
    }
    if (e.metaKey || e.ctrlKey) { setMulti((s) => { const n = new Set(s); if (n.has(idx)) n.delete(idx); else n.add(idx); return n; }); return; }
    setMulti(new Set([idx]));
    p.onSelect(idx);
  }, [at, p.onSelect]);

  function positionOf(idx: number): number { return view ? view.indexOf(idx) : idx; }

  async function copySelection() {
    const picked = multi.size ? [...multi] : p.selected !== undefined ? [p.selected] : [];
    if (!picked.length) return;
    picked.sort((a, b) => positionOf(a) - positionOf(b));
    const text = toCsv(cols.map((c) => c.id), picked.map((i) => cols.map((c) => cellText(p.rows[i], c))));
    await navigator.clipboard.writeText(text).catch(() => undefined);
    p.onCopied(`Copied ${picked.length} row${picked.length === 1 ? '' : 's'} as CSV`);
  }

  if (p.copyRef) p.copyRef.current = () => void copySelection();

  function onKey(e: KeyboardEvent) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c') { e.preventDefault(); void copySelection(); return; }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') { e.preventDefault(); setMulti(new Set(view ?? p.rows.map((_, i) => i))); return; }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Enter') return;
    e.preventDefault();
    const pos = p.selected === undefined ? -1 : positionOf(p.selected);
    if (e.key === 'Enter') { if (pos >= 0) p.onOpenRow(p.selected!); return; }
    const next = Math.max(0, Math.min(count - 1, pos + (e.key === 'ArrowDown' ? 1 : -1)));
    if (count) { p.onSelect(at(next)); setMulti(new Set([at(next)])); scrollToRef.current?.(next); }
  }

  /** The handle's press: a resize, not an HTML5 drag of the header (which would swallow the
   *  mouse moves and the release, leaving the column in resize mode) nor a sort on release. */
  function startResize(e: MouseEvent, resize: (e: unknown) => void) {
    e.preventDefault();
    e.stopPropagation();
    resizingRef.current = true;
    // The click (if any) comes right after the mouseup, in the same task.
    document.addEventListener('mouseup', () => setTimeout(() => { resizingRef.current = false; }, 0), { once: true, capture: true });
    resize(e);
  }

  /** A focused header: Enter or Space sorts, Alt+Left/Right narrows or widens the column. */
  function onHeaderKey(e: KeyboardEvent, id: string) {
    const col = table.getColumn(id);
    if (!col) return;
    if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      e.stopPropagation();
      const w = Math.max(col.columnDef.minSize ?? 40, col.getSize() + (e.key === 'ArrowRight' ? KEY_RESIZE : -KEY_RESIZE));
      setSizing((s) => ({ ...s, [id]: w }));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      col.toggleSorting(undefined, e.shiftKey);
    }
  }

  function dropOn(target: string) {
    if (!dragCol || dragCol === target) return;
    const ids = (order.length ? order : table.getAllLeafColumns().map((c) => c.id)).filter((x) => x !== dragCol);
    ids.splice(ids.indexOf(target), 0, dragCol);
    setOrder(ids);
    setDragCol(null);
  }

  return (
    <>
      {p.findOpen && (
        <div className="findbar">
          <input ref={findRef} className="input" placeholder="Find in results" value={find} data-testid="grid-find"
            onChange={(e) => setFind(e.target.value)} onKeyDown={(e) => { if (e.key === 'Escape') { setFind(''); p.onCloseFind(); } }} />
          <span className="muted small num">{find ? `${count.toLocaleString()} matching rows` : 'Type to show only the rows that contain the text'}</span>
          <span className="spacer" />
          <button className="btn ghost" onClick={() => { setFind(''); p.onCloseFind(); }}>Close</button>
        </div>
      )}
      {p.showColumns && <ColumnMenu table={table} anchor={p.columnsAnchor} onReset={() => { setOrder([]); setSizing({}); fittedFor.current = null; }} onClose={p.onCloseColumns} frozen={frozen} onFrozen={setFrozen} />}
      {sorting.length > 0 && p.partial && (
        <div className="rw-sort-note" role="status" data-testid="sort-note">
          Sorted by {sorting[0].id}: only the {p.rows.length.toLocaleString()} loaded rows are sorted, not the whole result on the server. Raise Limit (or NONE) to sort them all.
        </div>
      )}
      <div className={`grid${frozen ? ' frozen' : ''}`} ref={scrollRef} tabIndex={0} onKeyDown={onKey} data-testid="results-grid" role="grid" aria-rowcount={count}>
        <div style={{ width: totalWidth, minWidth: '100%' }}>
          <div className="grid-head" style={{ width: totalWidth }}>
            <div className={`grid-th rownum${frozen ? ' frozen-num' : ''}`} style={{ width: ROWNUM }}>#</div>
            {table.getHeaderGroups()[0]?.headers.map((h, hi) => {
              const sorted = h.column.getIsSorted();
              return (
                <div
                  key={h.id} className={`grid-th${dragCol && dragCol !== h.id ? ' dragover' : ''}${frozen && hi === 0 ? ' frozen' : ''}`} style={{ width: h.getSize() }}
                  role="columnheader" data-col={h.id} title={p.titles.get(h.id) ?? h.id}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  tabIndex={0} aria-description="Enter sorts; Alt+Left and Alt+Right resize"
                  onKeyDown={(e) => onHeaderKey(e, h.id)}
                  draggable={!h.column.getIsResizing()}
                  onDragStart={(e) => { if (resizingRef.current) e.preventDefault(); else setDragCol(h.id); }}
                  onDragOver={(e) => e.preventDefault()} onDrop={() => dropOn(h.id)} onDragEnd={() => setDragCol(null)}
                  onClick={(e) => { if (!resizingRef.current) h.column.getToggleSortingHandler()?.(e); }}
                >
                  <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{h.id}</span>
                  {sorted && <span className="sort">{sorted === 'asc' ? '▲' : '▼'}</span>}
                  <div
                    className={`resizer${h.column.getIsResizing() ? ' active' : ''}`} data-testid="col-resizer"
                    role="separator" aria-orientation="vertical" aria-label={`Resize ${h.id}`} aria-valuenow={h.getSize()}
                    onMouseDown={(e) => startResize(e, h.getResizeHandler())} onTouchStart={h.getResizeHandler()}
                    onClick={(e) => e.stopPropagation()} onDoubleClick={(e) => { e.stopPropagation(); h.column.resetSize(); }}
                  />
                </div>
              );
            })}
          </div>
          <GridBody
            scrollRef={scrollRef} scrollToRef={scrollToRef} count={count} at={at} rows={p.rows} cols={cols} width={totalWidth}
            selected={p.selected} multi={multi} onRowClick={onRowClick} onOpenRow={p.onOpenRow} frozen={frozen}
          />
        </div>
      </div>
    </>
  );
}
