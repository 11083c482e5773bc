// Helpers for the search parser tests: bytes from text, and a body split into chunks.
export const enc = new TextEncoder();
export const bytes = (s: string): Uint8Array => enc.encode(s);

/** The body cut at the given positions. */
export function splitAt(body: Uint8Array, cuts: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) { out.push(body.subarray(from, c)); from = c; }
  out.push(body.subarray(from));
  return out;
}

export { lcg as prng } from '../fuzz/rng';

export function compact(columns: string[], rows: string[][], opts: { delimiter?: string; code?: string; extra?: string; count?: number } = {}): string {
  const d = opts.delimiter ?? '\t';
  const code = opts.code ?? '09';
  return `<RETS ReplyCode="0" ReplyText="OK">\n${opts.count !== undefined ? `<COUNT Records="${opts.count}"/>\n` : ''}<DELIMITER value="${code}"/>\n` +
    `<COLUMNS>${d}${columns.join(d)}${d}</COLUMNS>\n` + rows.map((r) => `<DATA>${d}${r.join(d)}${d}</DATA>\n`).join('') + (opts.extra ?? '') + '</RETS>\n';
}
