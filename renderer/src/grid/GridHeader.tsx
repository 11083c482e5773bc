// The grid's header row: a column sorts on click (or Enter/Space), resizes by its handle (or
// Alt+Left/Right) and moves by dragging onto another header.
import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Table } from '@tanstack/react-table';
import { ROWNUM_WIDTH } from './GridRow';

/** px a column grows or shrinks for each Alt+Right / Alt+Left on its focused header. */
const KEY_RESIZE = 16;

interface Props {
  table: Table<string[]>;
  width: number;
  frozen: boolean;
  titles: Map<string, string>;
  /** Shown titles (by mapping) where not the column's own name. */
  labels?: ReadonlyMap<string, string>;
  onResize(id: string, width: number): void;
  onOrder(ids: string[]): void;
}

export function GridHeader({ table, width, frozen, titles, labels, onResize, onOrder }: Props) {
  const [dragCol, setDragCol] = useState<string | null>(null);
  // Set from a press on a resize handle until just after its click: the header is draggable
  // (to reorder) and sortable (on click), and a resize must do neither.
  const resizingRef = useRef(false);

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

  function onHeaderKey(e: KeyboardEvent, id: string) {
    const col = table.getColumn(id);
    if (!col) return;
    if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      e.stopPropagation();
      onResize(id, Math.max(col.columnDef.minSize ?? 40, col.getSize() + (e.key === 'ArrowRight' ? KEY_RESIZE : -KEY_RESIZE)));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      col.toggleSorting(undefined, e.shiftKey);
    }
  }

  function dropOn(target: string) {
    if (!dragCol || dragCol === target) return;
    const current = table.getState().columnOrder;
    const ids = (current.length ? current : table.getAllLeafColumns().map((c) => c.id)).filter((x) => x !== dragCol);
    ids.splice(ids.indexOf(target), 0, dragCol);
    onOrder(ids);
    setDragCol(null);
  }

  return (
    <div className="grid-head" style={{ width }}>
      <div className={`grid-th rownum${frozen ? ' frozen-num' : ''}`} style={{ width: ROWNUM_WIDTH }}>#</div>
      {table.getHeaderGroups()[0]?.headers.map((h, hi) => {
        const sorted = h.column.getIsSorted();
        return (
          <div
            key={h.id} className={`grid-th${dragCol && dragCol !== h.id ? ' dragover' : ''}${frozen && hi === 0 ? ' frozen' : ''}`} style={{ width: h.getSize() }}
            role="columnheader" data-col={h.id} title={titles.get(h.id) ?? h.id}
            aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
            tabIndex={0} aria-description="Enter sorts; Alt+Left and Alt+Right resize"
            onKeyDown={(e) => onHeaderKey(e, h.id)}
            draggable={!h.column.getIsResizing()}
            onDragStart={(e) => { if (resizingRef.current) e.preventDefault(); else setDragCol(h.id); }}
            onDragOver={(e) => e.preventDefault()} onDrop={() => dropOn(h.id)} onDragEnd={() => setDragCol(null)}
            onClick={(e) => { if (!resizingRef.current) h.column.getToggleSortingHandler()?.(e); }}
          >
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{labels?.get(h.id) ?? h.id}</span>
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
  );
}
