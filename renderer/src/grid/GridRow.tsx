// One grid row, memoized: scrolling mounts the rows that come into view and leaves the others.
import { memo } from 'react';
import { cellText, type ColumnRef } from './view';

export interface SizedColumn extends ColumnRef { width: number }

interface Props {
  index: number;
  row: string[];
  cols: SizedColumn[];
  top: number;
  width: number;
  alt: boolean;
  selected: boolean;
  onMouseDown(e: React.MouseEvent, index: number): void;
  onOpen(index: number): void;
}

export const GridRow = memo(function GridRow({ index, row, cols, top, width, alt, selected, onMouseDown, onOpen }: Props) {
  return (
    <div
      className={`grid-row${alt ? ' alt' : ''}${selected ? ' selected' : ''}`} role="row" data-row={index}
      style={{ transform: `translateY(${top}px)`, width }}
      onClick={(e) => onMouseDown(e, index)} onDoubleClick={() => onOpen(index)}
    >
      <div className="grid-td rownum" style={{ width: 56 }}>{index + 1}</div>
      {cols.map((c) => <div key={c.id} className="grid-td" style={{ width: c.width }} role="gridcell">{cellText(row, c)}</div>)}
    </div>
  );
});
