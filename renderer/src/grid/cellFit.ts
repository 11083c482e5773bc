// How a cell shows its text without a clip per cell (each clip is a paint property node, and
// ~1,500 of them cost ~7 ms of paint and layerizing per scroll frame). Cells use a 12px
// monospace font: an ASCII character advances ~0.6em (7.2px); 7.5 leaves a margin. Padding and
// border take 17px.
const CHAR_PX = 7.5;
const CELL_PAD_PX = 17;
const printableAscii = /^[\x20-\x7e]*$/;

/** `whole`: surely fits. `cut`: ASCII too long; show `keep` characters and an ellipsis.
 *  `clip`: other scripts may be wider than the estimate; let the cell clip when needed. */
export type CellFit = { kind: 'whole' } | { kind: 'cut'; keep: number } | { kind: 'clip' };

const WHOLE: CellFit = { kind: 'whole' };
const CLIP: CellFit = { kind: 'clip' };

export function fitCell(text: string, width: number): CellFit {
  const room = Math.floor((width - CELL_PAD_PX) / CHAR_PX);
  const ascii = printableAscii.test(text);
  if (text.length <= (ascii ? room : room / 2)) return WHOLE;
  return ascii ? { kind: 'cut', keep: Math.max(0, room - 1) } : CLIP;
}
