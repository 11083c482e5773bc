// One grid row, memoized: a scroll re-renders only the rows whose slot now shows another row.
import { memo } from 'react';
import { cellText, type ColumnRef } from './view';
import { fitCell } from './cellFit';

export interface SizedColumn extends ColumnRef { width: number }

interface Props {
  index: number;
  /** Display position (0-based); rows are in the DOM in slot order, so aria-rowindex says it. */
  pos: number;
  row: string[];
  cols: SizedColumn[];
  /** Columns [from, to) are near the viewport; the others' text is kept hidden, not laid out. */
  from: number;
  to: number;
  top: number;
  width: number;
  alt: boolean;
  selected: boolean;
  onMouseDown(e: React.MouseEvent, index: number): void;
  onOpen(index: number): void;
}

export const ROWNUM_WIDTH = 56;

interface CellProps { text: string; width: number; className: string }

/** A cell whose text surely fits shows it as is. Longer ASCII shows the part that fits and an
 *  ellipsis, the rest kept in a hidden span (textContent stays the whole value; the row details
 *  show it). Other scripts may not fit: those cells clip (cellFit.ts). No title attribute: setting
 *  ~60 a frame cost ~1 ms of a scroll frame. */
function cell(key: string, { text, width, className }: CellProps) {
  const role = className === 'grid-td' ? 'gridcell' : undefined;
  const fit = fitCell(text, width);
  if (fit.kind === 'whole') return <div key={key} className={className} style={{ width }} role={role}>{text}</div>;
  if (fit.kind === 'clip') return <div key={key} className={`${className} clip`} style={{ width }} role={role}>{text}</div>;
  return (
    <div key={key} className={`${className} cut`} style={{ width }} role={role}>
      {text.slice(0, fit.keep)}<span className="rest">{text.slice(fit.keep)}</span>
    </div>
  );
}

export const GridRow = memo(function GridRow({ index, pos, row, cols, from, to, top, width, alt, selected, onMouseDown, onOpen }: Props) {
  return (
    <div
      className={`grid-row${alt ? ' alt' : ''}${selected ? ' selected' : ''}`} role="row" data-row={index} aria-rowindex={pos + 1}
      style={{ transform: `translateY(${top}px)`, width }}
      onClick={(e) => onMouseDown(e, index)} onDoubleClick={() => onOpen(index)}
    >
      {cell('#', { className: 'grid-td rownum', width: ROWNUM_WIDTH, text: String(index + 1) })}
      {cols.map((c, i) => (i >= from && i < to
        ? cell(c.id, { className: 'grid-td', width: c.width, text: cellText(row, c) })
        : <div key={c.id} className="grid-td" style={{ width: c.width }} role="gridcell"><span hidden>{cellText(row, c)}</span></div>))}
    </div>
  );
});
