// Hostile input: deep nesting, megabyte strings and chains, unterminated quotes, random junk.
// Nothing throws, every error has a position inside the input, and the parser's work (counted
// in token visits and nodes, not timed) grows linearly with the input.
import { describe, expect, it } from 'vitest';
import { completeFilter, compileFilter, hoverFilter, MAX_DEPTH, parseFilter, validateFilter, type ParseStats } from '../../shared/odata/filter';
import { pick, rng, schema } from './fixture';

const MB = 1 << 20;

function sane(q: string): void {
  const r = parseFilter(q);
  if (r.ast) expect(r.errors).toEqual([]);
  else expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(e.range.start).toBeGreaterThanOrEqual(0);
    expect(e.range.end).toBeGreaterThanOrEqual(e.range.start);
    expect(e.range.end).toBeLessThanOrEqual(q.length);
    expect(e.message.length).toBeGreaterThan(5);
  }
}

function steps(q: string): ParseStats {
  const s: ParseStats = { tokens: 0, steps: 0 };
  parseFilter(q, s);
  return s;
}

describe('hostile input', () => {
  it('1 MB of `(` ends in a typed too-deep error, not a stack overflow', () => {
    const r = parseFilter('('.repeat(MB));
    expect(r.errors.map((e) => e.code)).toContain('too-deep');
    expect(r.errors.find((e) => e.code === 'too-deep')!.message).toContain(String(MAX_DEPTH));
    for (const q of ['not '.repeat(MB / 4), '-'.repeat(MB), `${'A/any(x: '.repeat(MB / 10)}`, `${'f('.repeat(MB / 2)}`, `A eq ${'(1 add '.repeat(MB / 8)}`]) {
      expect(parseFilter(q).errors.some((e) => e.code === 'too-deep'), q.slice(0, 20)).toBe(true);
    }
  });

  it('nesting up to the cap parses, validates and evaluates', () => {
    const depth = MAX_DEPTH - 2;
    const q = `${'('.repeat(depth)}BedroomsTotal eq 3${')'.repeat(depth)}`;
    const r = parseFilter(q);
    expect(r.errors).toEqual([]);
    expect(validateFilter(q, schema)).toEqual([]);
    expect(compileFilter(r.ast!, { schema })({ BedroomsTotal: 3 })).toBe(true);
  });

  it('long flat chains (100,000 conditions, a 50,000-value in list) parse into flat lists', () => {
    const chain = Array.from({ length: 100000 }, (_, i) => `A eq ${i}`).join(' or ');
    const r = parseFilter(chain);
    expect(r.errors).toEqual([]);
    expect(r.ast!.expr.kind === 'or' && r.ast!.expr.items.length).toBe(100000);
    const pred = compileFilter(r.ast!);
    expect(pred({ A: 99999 })).toBe(true);
    const list = `A in (${Array.from({ length: 50000 }, (_, i) => `'v${i}'`).join(',')})`;
    expect(parseFilter(list).errors).toEqual([]);
  });

  it('a 1 MB string, an unterminated 1 MB string, 1 MB of quotes and of junk', () => {
    sane(`City eq '${'x'.repeat(MB)}'`);
    sane(`City eq '${'x'.repeat(MB)}`);
    sane("'".repeat(MB + 1));
    sane('"'.repeat(MB));
    sane('@#%^&*'.repeat(MB / 6));
    sane(`${'A eq 1 '.repeat(MB / 7)}`);
    const r = parseFilter(`City eq 'Chi${'x'.repeat(MB)}`);
    expect(r.errors[0]).toMatchObject({ code: 'unterminated-string', fix: { edits: [{ text: "'" }] } });
  });

  it('parser work is linear in the input (counted, not timed)', () => {
    const shapes = [
      (n: number) => Array.from({ length: n }, (_, i) => `contains(City${i}, 'x') and Items/any(d: d/Q gt ${i})`).join(' or '),
      (n: number) => `A in (${Array.from({ length: n }, (_, i) => i).join(',')})`,
      (n: number) => Array.from({ length: n }, () => 'A eq = ( ) , @').join(' '), // broken: recovery must not rescan
      (n: number) => `${'('.repeat(n)}`,
    ];
    for (const make of shapes) {
      const small = steps(make(1000));
      const large = steps(make(20000));
      const perTokenSmall = small.steps / small.tokens;
      const perTokenLarge = large.steps / large.tokens;
      expect(perTokenLarge).toBeLessThan(12);
      expect(perTokenLarge).toBeLessThanOrEqual(perTokenSmall * 1.2 + 1);
    }
  });

  it('random token soup and mutations never throw; completion and hover stay defined', () => {
    const r = rng(99);
    const alphabet = ['(', ')', ',', '/', ':', "'", '"', ' ', 'A', 'eq', 'and', 'or', 'not', 'any', 'x', '1', '2024-01-01', 'T10:00:00Z', '-', '=', 'in', 'has', "NS.T'", 'contains', '\u00e9', '\ud83d', '$count', 'null'];
    for (let n = 0; n < 3000; n += 1) {
      const q = Array.from({ length: Math.floor(r() * 30) }, () => pick(r, alphabet)).join('');
      sane(q);
      validateFilter(q, schema);
      const at = Math.floor(r() * (q.length + 1));
      const c = completeFilter(q, at, schema);
      expect(Array.isArray(c.items)).toBe(true);
      hoverFilter(q, at, schema);
    }
  });
});
