// The grid's column state: react-table holds sorting, sizing, visibility and order (it renders
// no rows: the body is our own view); widths fit the first rows' content once per result.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  getCoreRowModel, useReactTable,
  type ColumnDef, type ColumnOrderState, type ColumnSizingState, type SortingState, type Table, type VisibilityState,
} from '@tanstack/react-table';
import type { Decoders } from '../../../shared/metadata/lookupDecoder';
import type { SizedColumn } from './GridRow';
import type { ColumnRef, Rows } from './view';
import { FIT_SAMPLE_ROWS, fitWidths } from './columnFit';

const NO_DATA: string[][] = [];

export interface GridColumns {
  table: Table<string[]>;
  sorting: SortingState;
  /** The visible columns in order, with widths and decoders. */
  cols: SizedColumn[];
  /** The sorted-by column (visible or not). */
  sortCol: ColumnRef | undefined;
  setSizing(update: (s: ColumnSizingState) => ColumnSizingState): void;
  setOrder(ids: string[]): void;
  /** Forget order and widths; widths fit the content again. */
  resetLayout(): void;
}

export function useGridColumns(names: string[], rows: Rows, version: number, decoded: boolean, decoders: Decoders): GridColumns {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [visibility, setVisibility] = useState<VisibilityState>({});
  const [order, setOrder] = useState<ColumnOrderState>([]);
  const [sizing, setSizing] = useState<ColumnSizingState>({});
  const fittedFor = useRef<string[] | null>(null);

  // accessorFn is never called (no data goes through react-table) but makes a column sortable.
  const columns = useMemo<ColumnDef<string[]>[]>(() => names.map((name, i) => ({
    id: name, header: name, accessorFn: (r: string[]) => r[i], size: Math.min(260, Math.max(70, name.length * 8 + 34)), minSize: 40,
    enableSorting: true, sortDescFirst: false,
  })), [names]);
  const table = useReactTable({
    data: NO_DATA, columns,
    state: { sorting, columnVisibility: visibility, columnOrder: order, columnSizing: sizing },
    onSortingChange: setSorting, onColumnVisibilityChange: setVisibility, onColumnOrderChange: setOrder, onColumnSizingChange: setSizing,
    getCoreRowModel: getCoreRowModel(), manualSorting: true, manualFiltering: true, enableSortingRemoval: true,
    columnResizeMode: 'onChange',
  });
  useEffect(() => { setOrder([]); setVisibility({}); setSorting([]); setSizing({}); }, [names]);
  // Once the first rows of a result are in, columns take widths from their content (columnFit.ts);
  // a width the user set since is kept.
  useEffect(() => {
    if (!rows.length || fittedFor.current === names) return;
    fittedFor.current = names;
    const decs = names.map((c) => (decoded ? decoders.get(c) : undefined));
    const sample = Array.from({ length: Math.min(rows.length, FIT_SAMPLE_ROWS) }, (_, i) => rows.row(i));
    const widths = fitWidths(names, sample, (r, c) => { const v = r[c] ?? ''; const d = decs[c]; return d ? d(v) : v; });
    setSizing((s) => Object.fromEntries(names.map((c, i) => [c, s[c] ?? widths[i]])));
  }, [names, version, rows, decoded, decoders]);

  const visibleKey = table.getVisibleLeafColumns().map((c) => `${c.id}\u0000${c.getSize()}`).join('\u0001');
  const cols = useMemo<SizedColumn[]>(() => table.getVisibleLeafColumns().map((c) => ({
    id: c.id, index: names.indexOf(c.id), width: c.getSize(), decode: decoded ? decoders.get(c.id) : undefined,
  })), [visibleKey, names, decoded, decoders]);
  const sortId = sorting[0]?.id;
  const sortCol = useMemo(() => (sortId === undefined ? undefined : cols.find((c) => c.id === sortId)
    ?? { id: sortId, index: names.indexOf(sortId), decode: decoded ? decoders.get(sortId) : undefined }), [sortId, cols, names, decoded, decoders]);

  return {
    table, sorting, cols, sortCol, setSizing, setOrder,
    resetLayout: () => { setOrder([]); setSizing({}); fittedFor.current = null; },
  };
}
