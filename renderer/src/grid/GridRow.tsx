// One grid row, memoized: a scroll re-renders only the rows whose slot now shows another row.
import { memo } from 'react';
import { shownText, type ColumnRef, type Rows } from './view';
import { fitCell } from './cellFit';

export interface SizedColumn extends ColumnRef { width: number }

interface Props {
  index: number;
  /** The loaded rows: the row's cells are read from them when it renders (they never change). */
  rows: Rows;
  /** Display position (0-based); rows are in the DOM in slot order, so aria-rowindex says it. */
  pos: number;
  cols: SizedColumn[];
  /** Columns [from, to) are in or near the viewport and rendered; the others are two padding
   *  cells of their widths (column virtualization). */
  from: number;
  to: number;
  /** Widths of the columns before `from` (after the pinned one) and from `to` on. */
  padLeft: number;
  padRight: number;
  /** The first column is frozen (sticky): it is rendered wherever the grid is scrolled. */
  pin: boolean;
  top: number;
  width: number;
  alt: boolean;
  selected: boolean;
  onMouseDown(e: React.MouseEvent, index: number): void;
  onOpen(index: number): void;
}

export const ROWNUM_WIDTH = 56;

/** A cell: the text it shows, then the rest of its value in a hidden span, so textContent stays
 *  the whole value (the row details show it too). Every cell has this one shape whatever its
 *  text: a row scrolled in then rewrites text nodes only, creating and styling no elements.
 *  Long ASCII shows the part that fits and an ellipsis; other scripts may not fit and clip
 *  (cellFit.ts). No title attribute: setting ~60 a frame cost ~1 ms of a scroll frame. */
function cell(key: string, text: string, width: number) {
  let cls = 'grid-td';
  const fit = fitCell(text, width);
  const shown = fit.kind === 'cut' ? text.slice(0, fit.keep) : text;
  if (fit.kind !== 'whole') cls = `grid-td ${fit.kind}`;
  return <div key={key} className={cls} style={{ width }} role="gridcell">{shown}<span className="rest">{text.slice(shown.length)}</span></div>;
}

export const GridRow = memo(function GridRow({ index, rows, pos, cols, from, to, padLeft, padRight, pin, top, width, alt, selected, onMouseDown, onOpen }: Props) {
  const cells = rows.row(index);
  return (
    <div
      className={`grid-row${alt ? ' alt' : ''}${selected ? ' selected' : ''}`} role="row" data-row={index} aria-rowindex={pos + 1}
      style={{ transform: `translateY(${top}px)`, width }}
      onClick={(e) => onMouseDown(e, index)} onDoubleClick={() => onOpen(index)}
    >
      <div className="grid-td rownum" style={{ width: ROWNUM_WIDTH }}>{index + 1}</div>
      {pin && from > 0 && cols[0] && cell(cols[0].id, shownText(cells[cols[0].index] ?? '', cols[0]), cols[0].width)}
      {padLeft > 0 && <div className="grid-pad" style={{ width: padLeft }} />}
      {cols.slice(from, to).map((c) => cell(c.id, shownText(cells[c.index] ?? '', c), c.width))}
      {padRight > 0 && <div className="grid-pad" style={{ width: padRight }} />}
    </div>
  );
});
