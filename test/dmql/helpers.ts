// Helpers for the DMQL tests: range-free tree shapes and a seeded random generator.
import { pick, seeded as rng } from '../fuzz/rng';

export function stripRanges(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(stripRanges);
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (k !== 'range') out[k] = stripRanges(v);
    return out;
  }
  return x;
}

export { pick, rng };

/** A random syntactically valid DMQL2 query (with random spacing and operator spellings). */
export function randomQuery(r: () => number, depth = 0): string {
  const sp = () => (r() < 0.2 ? ' ' : '');
  const roll = r();
  if (depth > 3 || roll < 0.45) return randomCriterion(r);
  if (roll < 0.6) return `${r() < 0.5 ? '~' : 'NOT '}${sp()}${r() < 0.5 ? randomCriterion(r) : `(${randomQuery(r, depth + 1)})`}`;
  const n = 2 + Math.floor(r() * 3);
  const op = pick(r, [',', '|', ' AND ', ' OR ']);
  const parts = Array.from({ length: n }, () => (r() < 0.3 ? `(${randomQuery(r, depth + 1)})` : randomQuery(r, depth + 1)));
  return parts.join(`${sp()}${op}${sp()}`);
}

const FIELDS = ['Status', 'ListPrice', 'City', 'Beds', 'L_1', 'ModificationTimestamp', 'X9', '176'];
const WORDS = ['A', 'Chi', 'RES', 'Smith', 'abc9', 'AND', 'OR', 'NOT', 'z_1', 'Montréal'];

function scalar(r: () => number): string {
  return pick(r, [
    () => String(Math.floor(r() * 1e6)), () => `${Math.floor(r() * 100)}.${Math.floor(r() * 100)}`, () => `-${Math.floor(r() * 50)}`,
    () => '2026-01-15', () => '2025-12-31T23:59:59', () => '2026-01-01T00:00:00.5Z', () => '12:30:00', () => 'TODAY', () => 'NOW',
    () => pick(r, WORDS),
  ])();
}

function item(r: () => number): string {
  return pick(r, [
    () => scalar(r), () => `${scalar(r)}+`, () => `${scalar(r)}-`, () => `${scalar(r)}-${scalar(r)}`,
    () => `${pick(r, WORDS)}*`, () => `*${pick(r, WORDS)}*`, () => `${pick(r, WORDS)}?${pick(r, ['', 'x'])}`, () => `?${pick(r, WORDS)}`,
    () => `"${pick(r, ['New York', 'say ""hi""', '', 'a,b|c', '(x)'])}"`,
  ])();
}

function randomCriterion(r: () => number): string {
  const f = pick(r, FIELDS);
  const v = pick(r, [
    () => '.EMPTY.', () => '.ANY.',
    () => `${pick(r, ['|', '+', '~'])}${Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, ['A', 'P', 'A-1', '"Short Sale"', '12', 'RES'])).join(',')}`,
    () => Array.from({ length: 1 + Math.floor(r() * 3) }, () => item(r)).join(','),
  ])();
  return `(${f}${r() < 0.2 ? ' = ' : '='}${v})`;
}
