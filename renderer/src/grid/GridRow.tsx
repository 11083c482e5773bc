// One grid row, memoized: a scroll re-renders only the rows whose slot now shows another row.
import { memo } from 'react';
import { cellText, type ColumnRef } from './view';

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

// Cells use a 12px monospace font: an ASCII character advances ~0.6em (7.2px); 7.5 leaves a
// margin. Padding and border take 17px. A cell's text is cut by this estimate rather than clipped
// by `overflow: hidden`: each clip is a paint property node, and ~1,500 of them cost ~7 ms of
// paint and layerizing per scroll frame.
export const ROWNUM_WIDTH = 56;
const CHAR_PX = 7.5;
const CELL_PAD_PX = 17;
const printableAscii = /^[\x20-\x7e]*$/;

interface CellProps { text: string; width: number; className: string }

/** A cell whose text surely fits shows it as is. Longer ASCII shows the part that fits and an
 *  ellipsis, the rest kept in a hidden span (textContent stays the whole value) and in the title.
 *  Other scripts may be wider than the estimate: when they may not fit, the cell clips. */
function cell(key: string, { text, width, className }: CellProps) {
  const role = className === 'grid-td' ? 'gridcell' : undefined;
  const room = Math.floor((width - CELL_PAD_PX) / CHAR_PX);
  const ascii = printableAscii.test(text);
  if (text.length <= (ascii ? room : room / 2)) return <div key={key} className={className} style={{ width }} role={role}>{text}</div>;
  if (!ascii) return <div key={key} className={`${className} clip`} style={{ width }} role={role} title={text}>{text}</div>;
  const keep = Math.max(0, room - 1);
  return (
    <div key={key} className={`${className} cut`} style={{ width }} role={role} title={text}>
      {text.slice(0, keep)}<span className="rest">{text.slice(keep)}</span>
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
