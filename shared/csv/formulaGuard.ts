// CSV injection: a spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a formula (tab
// and CR too, after Excel trims them), so an MLS value like `=HYPERLINK(…)` or
// `-2+3+cmd|' /C calc'!A0` would run when the export is opened in Excel. The guard prefixes such
// cells with `'`, which Excel reads as "text". A plain number (a longitude like -88.25) is left
// alone: it cannot be a formula, and a prefixed one would no longer be a number.

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The cell as written, or with a leading `'` when a spreadsheet would run it as a formula. */
export function guardFormula(cell: string): string {
  if (cell.length === 0 || !TRIGGERS.has(cell[0])) return cell;
  if (cell.length <= 64 && PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/**
 * Whether an export guards formulas: as asked, else on with the Excel BOM (the file is meant for
 * Excel) and off without it (integrators loading CSV into databases need the exact values).
 */
export function formulaGuardOn(options: { bom: boolean; formulaGuard?: boolean }): boolean {
  return options.formulaGuard ?? options.bom;
}
