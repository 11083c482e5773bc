// The results grid: @tanstack/react-table for sorting, sizing, visibility and order; the body
// virtualized with @tanstack/react-virtual so 100,000 rows keep ~40 row elements in the DOM.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable,
  type ColumnDef, type ColumnOrderState, type SortingState, type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Decoder } from './decode';
import { toCsv } from './csv';

interface Props {
  columns: string[];
  rows: string[][];
  version: number;
  decoders: Map<string, Decoder>;
  decoded: boolean;
  selected?: number;
  onSelect(index: number): void;
  onOpenRow(index: number): void;
  onCopied(message: string): void;
  findOpen: boolean;
  onCloseFind(): void;
  showColumns: boolean;
  onCloseColumns(): void;
  titles: Map<string, string>;
}

type Row = string[];

export function ResultsGrid(p: Props) {
  const data = useMemo(() => p.rows.slice(), [p.rows, p.version]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [visibility, setVisibility] = useState<VisibilityState>({});
  const [order, setOrder] = useState<ColumnOrderState>([]);
  const [find, setFind] = useState('');
  const [multi, setMulti] = useState<Set<number>>(new Set());
  const [dragCol, setDragCol] = useState<string | null>(null);
  const findRef = useRef<HTMLInputElement>(null);

  const columns = useMemo<ColumnDef<Row>[]>(() => p.columns.map((name, i) => {
    const dec = p.decoded ? p.decoders.get(name) : undefined;
    return {
      id: name, header: name, size: Math.min(260, Math.max(70, name.length * 8 + 34)), minSize: 40,
      accessorFn: dec ? (r: Row) => dec(r[i] ?? '') : (r: Row) => r[i] ?? '',
      sortingFn: numericOrText,
    };
  }), [p.columns, p.decoded, p.decoders]);

  const table = useReactTable({
    data, columns,
    state: { sorting, columnVisibility: visibility, columnOrder: order, globalFilter: find },
    onSortingChange: setSorting, onColumnVisibilityChange: setVisibility, onColumnOrderChange: setOrder,
    getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel(), getFilteredRowModel: getFilteredRowModel(),
    globalFilterFn: 'includesString',
    columnResizeMode: 'onChange',
    getRowId: (_r, i) => String(i),
  });
  useEffect(() => { setOrder([]); setVisibility({}); setSorting([]); setMulti(new Set()); }, [p.columns]);
  useEffect(() => { if (p.findOpen) findRef.current?.focus(); }, [p.findOpen]);

  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virt = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 24, overscan: 16 });
  const visible = table.getVisibleLeafColumns();
  const totalWidth = 56 + visible.reduce((s, c) => s + c.getSize(), 0);

  function clickRow(e: React.MouseEvent, idx: number) {
    if (e.shiftKey && p.selected !== undefined) {
      const pos = rows.findIndex((r) => r.index === p.selected);
      const cur = rows.findIndex((r) => r.index === idx);
      const [a, b] = pos < cur ? [pos, cur] : [cur, pos];
      setMulti(new Set(rows.slice(a, b + 1).map((r) => r.index)));
      return;
    }
    if (e.metaKey || e.ctrlKey) {
      setMulti((s) => { const n = new Set(s); if (n.has(idx)) n.delete(idx); else n.add(idx); return n; });
      return;
    }
    setMulti(new Set([idx]));
    p.onSelect(idx);
  }

  async function copySelection() {
    const picked = rows.filter((r) => multi.has(r.index));
    const use = picked.length ? picked : rows.filter((r) => r.index === p.selected);
    if (!use.length) return;
    const text = toCsv(visible.map((c) => c.id), use.map((r) => visible.map((c) => String(r.getValue(c.id) ?? ''))));
    await navigator.clipboard.writeText(text).catch(() => undefined);
    (window as unknown as { __lastCopy?: string }).__lastCopy = text;
    p.onCopied(`Copied ${use.length} row${use.length === 1 ? '' : 's'} as CSV`);
  }

  function onKey(e: KeyboardEvent) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c') { e.preventDefault(); void copySelection(); return; }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Enter') return;
    e.preventDefault();
    const pos = rows.findIndex((r) => r.index === p.selected);
    if (e.key === 'Enter') { if (pos >= 0) p.onOpenRow(rows[pos].index); return; }
    const next = Math.max(0, Math.min(rows.length - 1, pos + (e.key === 'ArrowDown' ? 1 : -1)));
    if (rows[next]) { p.onSelect(rows[next].index); setMulti(new Set([rows[next].index])); virt.scrollToIndex(next); }
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
          <span className="muted small num">{find ? `${rows.length.toLocaleString()} matching rows` : 'Type to filter the rows on screen'}</span>
          <span className="spacer" />
          <button className="btn ghost" onClick={() => { setFind(''); p.onCloseFind(); }}>Close</button>
        </div>
      )}
      {p.showColumns && (
        <div className="colmenu" data-testid="column-menu" onMouseLeave={p.onCloseColumns}>
          <div className="muted small" style={{ padding: '2px 4px 6px' }}>Columns — drag headers to reorder</div>
          {table.getAllLeafColumns().map((c) => (
            <label key={c.id}><input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} />{c.id}</label>
          ))}
          <div style={{ display: 'flex', gap: 6, marginTop: 6 }}>
            <button className="btn" onClick={() => table.toggleAllColumnsVisible(true)}>Show all</button>
            <button className="btn" onClick={() => { setOrder([]); table.resetColumnSizing(); }}>Reset</button>
          </div>
        </div>
      )}
      <div className="grid" ref={scrollRef} tabIndex={0} onKeyDown={onKey} data-testid="results-grid" role="grid" aria-rowcount={rows.length}>
        <div style={{ width: totalWidth, minWidth: '100%' }}>
          <div className="grid-head" style={{ width: totalWidth }}>
            <div className="grid-th rownum" style={{ width: 56 }}>#</div>
            {table.getHeaderGroups()[0]?.headers.map((h) => {
              const sorted = h.column.getIsSorted();
              return (
                <div
                  key={h.id} className={`grid-th${dragCol && dragCol !== h.id ? ' dragover' : ''}`} style={{ width: h.getSize() }}
                  role="columnheader" data-col={h.id} title={p.titles.get(h.id) ?? h.id}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  draggable onDragStart={() => setDragCol(h.id)} onDragOver={(e) => e.preventDefault()} onDrop={() => dropOn(h.id)} onDragEnd={() => setDragCol(null)}
                  onClick={h.column.getToggleSortingHandler()}
                >
                  <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{h.id}</span>
                  {sorted && <span className="sort">{sorted === 'asc' ? '▲' : '▼'}</span>}
                  <div
                    className={`resizer${h.column.getIsResizing() ? ' active' : ''}`}
                    onMouseDown={h.getResizeHandler()} onClick={(e) => e.stopPropagation()} onDoubleClick={() => h.column.resetSize()}
                  />
                </div>
              );
            })}
          </div>
          <div style={{ height: virt.getTotalSize(), position: 'relative' }}>
            {virt.getVirtualItems().map((vi) => {
              const row = rows[vi.index];
              const sel = row.index === p.selected || multi.has(row.index);
              return (
                <div
                  key={row.id} className={`grid-row${vi.index % 2 ? ' alt' : ''}${sel ? ' selected' : ''}`} role="row" data-row={row.index}
                  style={{ top: vi.start, width: totalWidth }}
                  onClick={(e) => clickRow(e, row.index)} onDoubleClick={() => p.onOpenRow(row.index)}
                >
                  <div className="grid-td rownum" style={{ width: 56 }}>{row.index + 1}</div>
                  {row.getVisibleCells().map((c) => (
                    <div key={c.id} className="grid-td" style={{ width: c.column.getSize() }} role="gridcell">{c.getValue() as string}</div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </>
  );
}

const numeric = /^-?\d+(\.\d+)?$/;
function numericOrText(a: { getValue(id: string): unknown }, b: { getValue(id: string): unknown }, id: string): number {
  const x = String(a.getValue(id) ?? '');
  const y = String(b.getValue(id) ?? '');
  if (numeric.test(x) && numeric.test(y)) return Number(x) - Number(y);
  return x < y ? -1 : x > y ? 1 : 0;
}
