// The results grid: the column state (useGridColumns), the header (GridHeader), the row view
// (view.ts: sort and find over the loaded rows), the selection (useGridSelection) and the
// virtualized body (GridBody), so 100,000 streaming rows keep ~60 pooled row elements in the DOM.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Decoders } from '../../../shared/metadata/lookupDecoder';
import { buildView, type Rows } from './view';
import { ROWNUM_WIDTH } from './GridRow';
import { GridBody } from './GridBody';
import { GridHeader } from './GridHeader';
import { ColumnMenu } from './ColumnMenu';
import { FindBar } from './FindBar';
import { CapNote, SortNote } from './GridNotes';
import { useGridColumns } from './useGridColumns';
import { useGridSelection } from './useGridSelection';

interface Props {
  columns: string[];
  rows: Rows & { beyondCap?: number };
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
  /** Column titles by mapping (GridHeader) and its toggle in the Columns menu. */
  labels?: ReadonlyMap<string, string>;
  byMapping?: { on: boolean; set(v: boolean): void };
  /** Lets the results toolbar's Copy button copy the selection. */
  copyRef?: { current: (() => void) | null };
  /** The loaded rows are not the whole result (more match, or still streaming): a sort covers only them. */
  partial?: boolean;
  /** Rows the server matched (when counted): beyond the row cap the grid says how many it did not keep. */
  matched?: number;
  /** Offers the export (of every matching row) when the grid could not keep them all. */
  onExport?(): void;
  /** The columns on screen, in their order (export offers them). */
  onColumnsShown?(names: string[]): void;
  /** false: no canvas while scrolling, the DOM rows only (the UI bench compares both). */
  canvas?: boolean;
}

export function ResultsGrid(p: Props) {
  const [find, setFind] = useState('');
  const [frozen, setFrozen] = useState(true);
  const { table, sorting, cols, sortCol, setSizing, setOrder, resetLayout } = useGridColumns(p.columns, p.rows, p.version, p.decoded, p.decoders);

  const shownNames = cols.map((c) => c.id).join('\u0001');
  const onColumnsShown = p.onColumnsShown;
  useEffect(() => { onColumnsShown?.(shownNames ? shownNames.split('\u0001') : []); }, [shownNames, onColumnsShown]);

  const desc = sorting[0]?.desc ?? false;
  // p.version: the store is appended in place, so a new batch is a new version of the same rows.
  const view = useMemo(() => buildView(p.rows, sortCol, desc, find, cols), [p.rows, p.version, sortCol, desc, find, cols]);
  const count = view ? view.length : p.rows.length;
  const at = useCallback((pos: number) => (view ? view[pos]! : pos), [view]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const scrollToRef = useRef<((pos: number) => void) | null>(null);
  const sel = useGridSelection({
    rows: p.rows, view, cols, selected: p.selected, onSelect: p.onSelect, onOpenRow: p.onOpenRow, onCopied: p.onCopied,
    scrollTo: (pos) => scrollToRef.current?.(pos),
  });
  const copyRef = p.copyRef;
  const copy = sel.copy;
  useEffect(() => {
    if (!copyRef) return undefined;
    copyRef.current = () => void copy();
    return () => { copyRef.current = null; };
  }, [copyRef, copy]);

  const totalWidth = ROWNUM_WIDTH + cols.reduce((s, c) => s + c.width, 0);
  const beyond = Math.max(p.rows.beyondCap ?? 0, (p.matched ?? 0) - p.rows.length);
  const capped = (p.rows.beyondCap ?? 0) > 0;

  return (
    <>
      {p.findOpen && <FindBar value={find} matches={count} onChange={setFind} onClose={p.onCloseFind} />}
      {p.showColumns && <ColumnMenu table={table} anchor={p.columnsAnchor} onReset={resetLayout} onClose={p.onCloseColumns} frozen={frozen} onFrozen={setFrozen} byMapping={p.byMapping} />}
      {sorting.length > 0 && p.partial && <SortNote column={sorting[0]!.id} loaded={p.rows.length} />}
      {capped && <CapNote kept={p.rows.length} more={beyond} onExport={p.onExport} />}
      <div className={`grid${frozen ? ' frozen' : ''}`} ref={scrollRef} tabIndex={0} onKeyDown={sel.onKey} data-testid="results-grid" role="grid" aria-rowcount={count}>
        <div style={{ width: totalWidth, minWidth: '100%' }}>
          <GridHeader table={table} width={totalWidth} frozen={frozen} titles={p.titles} labels={p.labels}
            onResize={(id, w) => setSizing((s) => ({ ...s, [id]: w }))} onOrder={setOrder} />
          <GridBody
            scrollRef={scrollRef} scrollToRef={scrollToRef} count={count} at={at} rows={p.rows} cols={cols} width={totalWidth}
            selected={p.selected} multi={sel.multi} onRowClick={sel.onRowClick} onOpenRow={p.onOpenRow} frozen={frozen} canvas={p.canvas}
          />
        </div>
      </div>
    </>
  );
}
