// Property and fuzz tests: random valid queries survive format/parse; random and mutated
// input never throws, and always yields a tree or positioned errors.
import { describe, expect, it } from 'vitest';
import { format, parse } from '../../shared/dmql';
import { pick, randomQuery, rng, stripRanges } from './helpers';

describe('format/parse round trip (property)', () => {
  it('2,000 random valid queries: parse(format(x)) equals x', () => {
    const r = rng(42);
    for (let n = 0; n < 2000; n += 1) {
      const q = randomQuery(r);
      const first = parse(q);
      expect(first.errors, q).toEqual([]);
      const printed = format(first.ast!);
      const second = parse(printed);
      expect(second.errors, printed).toEqual([]);
      expect(stripRanges(second.ast), `${q} -> ${printed}`).toEqual(stripRanges(first.ast));
      expect(format(second.ast!)).toBe(printed);
    }
  });
});

const ALPHABET = ['(', ')', ',', '|', '~', '+', '-', '=', '*', '?', '"', '.', ' ', 'A', 'x', '1', '9', ':', 'T', 'AND', 'NOT', 'OR', '.EMPTY.', '2026-01-01', 'TODAY', '\u00e9', '\ud83d', '%', '\t'];

function checkResult(q: string): void {
  const res = parse(q);
  if (res.ast) {
    expect(res.errors).toEqual([]);
    return;
  }
  expect(res.errors.length).toBeGreaterThan(0);
  for (const e of res.errors) {
    expect(e.range.start).toBeGreaterThanOrEqual(0);
    expect(e.range.end).toBeGreaterThanOrEqual(e.range.start);
    expect(e.range.end).toBeLessThanOrEqual(q.length);
    expect(e.message.length).toBeGreaterThan(5);
  }
}

describe('fuzz: never throws, never hangs, always a tree or positioned errors', () => {
  it('random token soup', () => {
    const r = rng(7);
    for (let n = 0; n < 3000; n += 1) {
      const len = Math.floor(r() * 40);
      checkResult(Array.from({ length: len }, () => pick(r, ALPHABET)).join(''));
    }
  });

  it('mutations of valid queries (delete, insert, swap, truncate)', () => {
    const r = rng(99);
    for (let n = 0; n < 3000; n += 1) {
      let q = randomQuery(r);
      const edits = 1 + Math.floor(r() * 3);
      for (let k = 0; k < edits; k += 1) {
        const at = Math.floor(r() * (q.length + 1));
        const op = r();
        if (op < 0.3) q = q.slice(0, at) + q.slice(at + 1);
        else if (op < 0.6) q = q.slice(0, at) + pick(r, ALPHABET) + q.slice(at);
        else if (op < 0.8) q = q.slice(0, at);
        else q = q.slice(at) + q.slice(0, at);
      }
      checkResult(q);
    }
  });

  it('large inputs stay linear: 200 KB of conditions and of junk parse', () => {
    const big = Array.from({ length: 10000 }, (_, i) => `(F${i}=${i}-${i + 5})`).join(',');
    const res = parse(big);
    expect(res.errors).toEqual([]);
    expect(res.ast?.expr.kind).toBe('and');
    checkResult('('.repeat(100000));
    checkResult('"'.repeat(100001));
    checkResult('(A='.concat('*'.repeat(100000), ')'));
    checkResult('~'.repeat(100000));
  });
});
