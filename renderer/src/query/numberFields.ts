// The run bar's number fields as text: what the user types stays as typed (an empty box while
// retyping, "0", "abc"), and each parse says what is wrong instead of snapping to a number.
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const WHOLE = /^\d+$/;

/** Limit: a whole number of rows from 1, or NONE (the server's maximum). */
export function parseLimit(text: string): Parsed<number | 'NONE'> {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'Limit is empty: enter a number of rows, or NONE for the server’s maximum' };
  if (t.toUpperCase() === 'NONE') return { ok: true, value: 'NONE' };
  if (!WHOLE.test(t)) return { ok: false, message: `Limit “${t}” is not a whole number of rows: enter 1 or more, or NONE` };
  const n = Number(t);
  if (n < 1) return { ok: false, message: 'Limit must be at least 1 (or NONE for the server’s maximum)' };
  if (!Number.isSafeInteger(n)) return { ok: false, message: 'Limit is too large: use NONE for the server’s maximum' };
  return { ok: true, value: n };
}

/** Offset: empty for the first row, else the 1-based row to start at. */
export function parseOffset(text: string): Parsed<number | undefined> {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  if (!WHOLE.test(t)) return { ok: false, message: `Offset “${t}” is not a whole number: enter the row to start at (1 is the first), or leave it empty` };
  const n = Number(t);
  if (n < 1) return { ok: false, message: 'Offset counts from 1 (the first row): enter 1 or more, or leave it empty' };
  if (!Number.isSafeInteger(n)) return { ok: false, message: 'Offset is too large' };
  return { ok: true, value: n === 1 ? undefined : n };
}

/** The Offset of the page before or after the current one (Offset moves by Limit); undefined = row 1. */
export function pageOffset(offset: number | undefined, limit: number, dir: -1 | 1): number | undefined {
  const next = (offset ?? 1) + dir * limit;
  return next > 1 ? next : undefined;
}
