// Draws the grid body on a 2D canvas while it scrolls fast: stripes, selection, borders, row
// numbers and cell text where the DOM rows would put them (same font, padding, colours and
// truncation). A row drawn costs ~20 fillText calls; a DOM row scrolled in cost a layout, paint
// and raster of each of its text cells, which kept brisk scrolling over 16 ms a frame.
import { baselineIn, cellLabel, ellipsize, type ColumnSpan } from './canvasLayout';
import type { GridTheme } from './gridTheme';

export interface BodyFrame {
  /** Display positions drawn, from the canvas top. */
  first: number;
  last: number;
  rowHeight: number;
  /** The row x shown at the canvas's left edge (the grid's scrollLeft). */
  left: number;
  rowWidth: number;
  /** Width of the row-number column. */
  lead: number;
  spans: ColumnSpan[];
  /** Source row at a display position, its text in a shown column, whether it is selected. */
  rowAt(pos: number): number;
  cellAt(row: number, col: number): string;
  isSelected(row: number): boolean;
}

const CELL_FONT_PX = 12;
const ROWNUM_FONT_PX = 11;
/** .grid-td padding; each cell and row has a 1px border on its right / bottom edge. */
const PAD = 8;

/** Cut text of cells in other scripts, by font, width and text: measuring is the costly part. */
const clipped = new Map<string, string>();

function fontOf(px: number, theme: GridTheme): string { return `${px}px ${theme.mono}`; }

function baseline(ctx: CanvasRenderingContext2D, lineHeight: number): number {
  const m = ctx.measureText('M');
  return baselineIn(lineHeight, m.fontBoundingBoxAscent, m.fontBoundingBoxDescent);
}

function clipText(ctx: CanvasRenderingContext2D, text: string, room: number): string {
  const key = `${ctx.font}\u0000${room}\u0000${text}`;
  let out = clipped.get(key);
  if (out === undefined) {
    if (clipped.size > 4000) clipped.clear();
    out = ellipsize(text, room, (s) => ctx.measureText(s).width);
    clipped.set(key, out);
  }
  return out;
}

function drawBackgrounds(ctx: CanvasRenderingContext2D, f: BodyFrame, theme: GridTheme): void {
  for (let pos = f.first; pos <= f.last; pos += 1) {
    const selected = f.isSelected(f.rowAt(pos));
    if (!selected && pos % 2 === 0) continue; // plain rows show the background
    ctx.fillStyle = selected ? theme.sel : theme.rowAlt;
    ctx.fillRect(0, (pos - f.first) * f.rowHeight, f.rowWidth, f.rowHeight);
  }
  // Borders: a row's bottom line and the cells' right lines meet, so each column's line runs the
  // whole canvas in one rectangle.
  const height = (f.last - f.first + 1) * f.rowHeight;
  ctx.fillStyle = theme.line;
  for (let pos = f.first; pos <= f.last; pos += 1) ctx.fillRect(0, (pos - f.first + 1) * f.rowHeight - 1, f.rowWidth, 1);
  ctx.fillRect(f.lead - 1, 0, 1, height);
  for (const s of f.spans) ctx.fillRect(s.x + s.width - 1, 0, 1, height);
}

function drawRowNumbers(ctx: CanvasRenderingContext2D, f: BodyFrame, theme: GridTheme): void {
  if (f.left >= f.lead) return;
  ctx.font = fontOf(ROWNUM_FONT_PX, theme);
  ctx.fillStyle = theme.muted;
  ctx.textAlign = 'right';
  const y0 = baseline(ctx, f.rowHeight);
  for (let pos = f.first; pos <= f.last; pos += 1) ctx.fillText(String(f.rowAt(pos) + 1), f.lead - 1 - PAD, (pos - f.first) * f.rowHeight + y0);
}

function drawCells(ctx: CanvasRenderingContext2D, f: BodyFrame, theme: GridTheme): void {
  ctx.font = fontOf(CELL_FONT_PX, theme);
  ctx.fillStyle = theme.text;
  ctx.textAlign = 'left';
  const y0 = baseline(ctx, f.rowHeight);
  for (let pos = f.first; pos <= f.last; pos += 1) {
    const row = f.rowAt(pos), y = (pos - f.first) * f.rowHeight + y0;
    for (const s of f.spans) {
      const text = f.cellAt(row, s.col);
      if (!text) continue;
      const label = cellLabel(text, s.width);
      ctx.fillText(label.clip ? clipText(ctx, text, s.width - 2 * PAD - 1) : label.text, s.x + PAD, y);
    }
  }
}

/** Draws frame `f` on a context whose canvas is `width` x `height` CSS px at `scale` device
 *  pixels each, its top at row `f.first`, opaque: it covers the DOM rows, which wait under it. */
export function drawBody(ctx: CanvasRenderingContext2D, f: BodyFrame, theme: GridTheme, width: number, height: number, scale: number): void {
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, width, height);
  if (f.last < f.first) return;
  ctx.translate(-f.left, 0);
  drawBackgrounds(ctx, f, theme);
  drawRowNumbers(ctx, f, theme);
  drawCells(ctx, f, theme);
}
