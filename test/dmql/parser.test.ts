import { describe, expect, it } from 'vitest';
import { format, lex, parse, type Criterion, type Query } from '../../shared/dmql';
import { stripRanges } from './helpers';

function ok(q: string): Query {
  const r = parse(q);
  expect(r.errors).toEqual([]);
  return r.ast as Query;
}

describe('lexer', () => {
  it.each([
    ['2026-01-01', ['date']],
    ['200000-500000', ['number', 'minus', 'number']],
    ['2026-01-01-2026-02-01', ['date', 'minus', 'date']],
    ['2026-01-01T10:00:00.123+05:00', ['datetime']],
    ['2026-01-01T10:00:00+', ['datetime', 'plus']],
    ['10:30:00-', ['time', 'minus']],
    ['.EMPTY. .any.', ['empty', 'any']],
    ['AND OR NOT TODAY NOW Orlando', ['and', 'or', 'not', 'today', 'now', 'text']],
    ['12.5 12. 123ABC', ['number', 'number', 'text']],
    ['"a ""b"""', ['string']],
    ['City.', ['text', 'invalid']],
  ])('%s', (src, kinds) => {
    expect(lex(src).map((t) => t.kind)).toEqual([...kinds, 'eof']);
  });
});

describe('parser: spec and real queries', () => {
  it('(Status=A),(Class=RES): AND of two bare values', () => {
    const q = ok('(Status=A),(Class=RES)');
    expect(stripRanges(q.expr)).toEqual({
      kind: 'and',
      items: [
        { kind: 'criterion', field: { name: 'Status' }, value: { kind: 'list', items: [{ kind: 'text', text: 'A' }] } },
        { kind: 'criterion', field: { name: 'Class' }, value: { kind: 'list', items: [{ kind: 'text', text: 'RES' }] } },
      ],
    });
  });

  it('(ModificationTimestamp=2026-01-01+): a date at-least range', () => {
    const c = ok('(ModificationTimestamp=2026-01-01+)').expr as Criterion;
    expect(stripRanges(c.value)).toEqual({ kind: 'list', items: [{ kind: 'gte', low: { kind: 'date', text: '2026-01-01' } }] });
    expect(c.value.range).toEqual({ start: 23, end: 34 });
  });

  it('(ListPrice=200000-500000): a numeric between', () => {
    const c = ok('(ListPrice=200000-500000)').expr as Criterion;
    expect(stripRanges(c.value)).toEqual({ kind: 'list', items: [{ kind: 'between', low: { kind: 'number', text: '200000' }, high: { kind: 'number', text: '500000' } }] });
  });

  it('the spec example: lookup any, NOT, nested OR with ranges, precedence', () => {
    const q = ok('(Status=|A,P),~(City=Chi*),((ListPrice=200000-300000)|(Beds=4+))');
    expect(q.expr.kind).toBe('and');
    const and = q.expr as Extract<Query['expr'], { kind: 'and' }>;
    expect(and.items.map((i) => i.kind)).toEqual(['criterion', 'not', 'group']);
    expect(stripRanges((and.items[0] as Criterion).value)).toEqual({ kind: 'lookup', op: 'any', values: [{ value: 'A' }, { value: 'P' }] });
    const not = and.items[1] as Extract<Query['expr'], { kind: 'not' }>;
    expect(stripRanges((not.expr as Criterion).value)).toEqual({ kind: 'list', items: [{ kind: 'pattern', text: 'Chi*' }] });
    const group = and.items[2] as Extract<Query['expr'], { kind: 'group' }>;
    expect(group.expr.kind).toBe('or');
    expect(group.range).toEqual({ start: 27, end: 64 });
  });

  it.each([
    ['(A=1)|(B=2),(C=3)', 'or'],
    ['(A=1),(B=2)|(C=3)', 'or'],
    ['(A=1) AND (B=2) OR NOT (C=3)', 'or'],
    ['NOT (A=1)', 'not'],
  ])('precedence NOT > AND > OR: %s', (q, top) => {
    expect(ok(q).expr.kind).toBe(top);
  });

  it.each([
    ['(Status=+A,B)', { kind: 'lookup', op: 'all', values: [{ value: 'A' }, { value: 'B' }] }],
    ['(Status=~A)', { kind: 'lookup', op: 'none', values: [{ value: 'A' }] }],
    ['(Status=|"Short Sale",A-1)', { kind: 'lookup', op: 'any', values: [{ value: 'Short Sale' }, { value: 'A-1' }] }],
    ['(X=.EMPTY.)', { kind: 'empty' }],
    ['(X=.ANY.)', { kind: 'any' }],
    ['(P=100-200,300+,50-)', { kind: 'list', items: [
      { kind: 'between', low: { kind: 'number', text: '100' }, high: { kind: 'number', text: '200' } },
      { kind: 'gte', low: { kind: 'number', text: '300' } }, { kind: 'lte', high: { kind: 'number', text: '50' } }] }],
    ['(T=-5--1)', { kind: 'list', items: [{ kind: 'between', low: { kind: 'number', text: '-5' }, high: { kind: 'number', text: '-1' } }] }],
    ['(D=TODAY-)', { kind: 'list', items: [{ kind: 'lte', high: { kind: 'today' } }] }],
    ['(D=2026-01-01T00:00:00-NOW)', { kind: 'list', items: [{ kind: 'between', low: { kind: 'datetime', text: '2026-01-01T00:00:00' }, high: { kind: 'now' } }] }],
    ['(T=08:00:00-17:30:00.5)', { kind: 'list', items: [{ kind: 'between', low: { kind: 'time', text: '08:00:00' }, high: { kind: 'time', text: '17:30:00.5' } }] }],
    ['(City=*ago*,Chi?ago,?x)', { kind: 'list', items: [{ kind: 'pattern', text: '*ago*' }, { kind: 'pattern', text: 'Chi?ago' }, { kind: 'pattern', text: '?x' }] }],
    ['(City="New ""York""")', { kind: 'list', items: [{ kind: 'literal', value: 'New "York"' }] }],
    ['(City=A-M)', { kind: 'list', items: [{ kind: 'between', low: { kind: 'text', text: 'A' }, high: { kind: 'text', text: 'M' } }] }],
    ['( Beds = 4 + )', { kind: 'list', items: [{ kind: 'gte', low: { kind: 'number', text: '4' } }] }],
  ])('value %s', (q, value) => {
    expect(stripRanges((ok(q).expr as Criterion).value)).toEqual(value);
  });

  it('keeps exact source ranges on nodes', () => {
    const q = ok(' (ListPrice = 100-200) ');
    const c = q.expr as Criterion;
    expect(c.range).toEqual({ start: 1, end: 22 });
    expect(c.field.range).toEqual({ start: 2, end: 11 });
    const item = c.value.kind === 'list' ? c.value.items[0] : undefined;
    expect(item?.range).toEqual({ start: 14, end: 21 });
  });
});

describe('parser: errors are positioned values with plain messages', () => {
  it.each([
    ['(ListPrice=100', 'expected `)` after the value of ListPrice', 14, ')'],
    ['(ListPrice=)', 'expected a value for ListPrice after `=`', 11, undefined],
    ['(City=New York)', 'a value with spaces must be in double quotes', 10, '"'],
    ['(A=1)(B=2)', 'expected `,` (AND) or `|` (OR) between two conditions', 5, ','],
    ['(A=1))', 'this `)` has no matching `(`', 5, ''],
    ['Status=A', 'each condition goes in parentheses', 0, '('],
    ['', 'the query is empty', 0, undefined],
    ['(A=1),', 'expected a condition such as (Field=value) after `,`', 5, ''],
    ['(ListPrice 5)', 'expected `=` after the field name ListPrice', 11, '='],
    ['(City="Chi)', 'this quoted string has no closing `"`', 6, '"'],
    ['(City=St. Louis)', '`.` cannot appear in a bare value', 8, '"St. Louis"'],
    ['((A=1)', 'expected `)` to close the `(` at offset 0', 6, ')'],
    ['()', 'empty parentheses', 0, undefined],
    ['(A=1) and (B=2)', 'DMQL2 keywords are upper case (AND)', 6, 'AND'],
  ])('%s', (q, msg, at, fixText) => {
    const r = parse(q);
    expect(r.ast).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toContain(msg);
    expect(r.errors[0].range.start).toBe(at);
    expect(r.errors[0].fix?.edits[0].text).toBe(fixText);
  });

  it('applying the fix makes the query valid', () => {
    for (const q of ['(City=St. Louis)', '(ListPrice=100', '(A=1)(B=2)', '(City=New York)', 'Status=A),(B=1)', '(A=1))']) {
      const e = parse(q).errors[0];
      let fixed = q;
      for (const ed of [...(e.fix?.edits ?? [])].sort((a, b) => b.range.start - a.range.start)) {
        fixed = fixed.slice(0, ed.range.start) + ed.text + fixed.slice(ed.range.end);
      }
      expect(parse(fixed).errors, fixed).toEqual([]);
    }
  });

  it('limits nesting instead of overflowing the stack', () => {
    const deep = `${'('.repeat(5000)}(A=1)${')'.repeat(5000)}`;
    const r = parse(deep);
    expect(r.errors[0].code).toBe('too-deep');
  });
});

describe('format', () => {
  it.each([
    ['(Status=A) AND (Class=RES)', '(Status=A),(Class=RES)'],
    ['( A = 1 ) OR NOT ( B = 2 )', '(A=1)|~(B=2)'],
    ['(Status = | A , P)', '(Status=|A,P)'],
    ['(X=.empty.)', '(X=.EMPTY.)'],
    ['(X=|Short)', '(X=|Short)'],
  ])('%s -> %s', (q, want) => {
    expect(format(ok(q))).toBe(want);
  });
});
