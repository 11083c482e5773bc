// Column widths from what the columns hold: the header and the first rows' values, so a short
// header over long values (or the reverse) neither cuts the values beside empty space nor wastes
// room. Cells use a 12px monospace font (cellFit.ts: 7.5px a character, 17px padding and border).
const CHAR_PX = 7.5;
const PAD_PX = 17;
/** The header also holds the sort arrow. */
const HEADER_EXTRA_PX = 14;
export const FIT_SAMPLE_ROWS = 50;
export const FIT_MIN = 56;
export const FIT_MAX = 360;

export function fitWidths(columns: readonly string[], rows: readonly (readonly string[])[], text: (row: readonly string[], col: number) => string = (r, c) => r[c] ?? ''): number[] {
  const n = Math.min(rows.length, FIT_SAMPLE_ROWS);
  return columns.map((name, c) => {
    let chars = 0;
    for (let i = 0; i < n; i += 1) chars = Math.max(chars, text(rows[i], c).length);
    const px = Math.max(name.length * CHAR_PX + PAD_PX + HEADER_EXTRA_PX, chars * CHAR_PX + PAD_PX);
    return Math.round(Math.min(FIT_MAX, Math.max(FIT_MIN, px)));
  });
}
