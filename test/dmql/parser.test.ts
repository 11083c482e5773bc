import { describe, expect, it } from 'vitest';
import { format, lex, parse, type Criterion, type Query } from '../../shared/dmql';
import { MAX_SYNTAX_ERRORS } from '../../shared/dmql/parser';
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

describe('parser: error recovery reports every mistake at once', () => {
  /** [code, start, end, message] of each error, in order. */
  const errorsOf = (q: string) => parse(q).errors.map((e) => [e.code, e.range.start, e.range.end, e.message]);
  /** The field names of the conditions that did parse. */
  const fieldsOf = (q: Query | undefined) => JSON.stringify(q ?? null).match(/"name":"[^"]*"/g)?.map((m) => m.slice(8, -1)) ?? [];

  it('three broken conditions: empty value, unquoted space, missing `)`', () => {
    const q = '(A=),(B=1 2),(C=3';
    expect(errorsOf(q)).toEqual([
      ['unexpected-token', 3, 4, 'expected a value for A after `=`, found `)`'],
      ['unquoted-space', 10, 11, 'a value with spaces must be in double quotes, e.g. (B="1 2")'],
      ['unexpected-token', 17, 17, 'expected `)` after the value of C, found the end of the query'],
    ]);
    expect(parse(q).ast).toBeUndefined();
    expect(fieldsOf(parse(q).partial)).toEqual([]);
  });

  it('missing `,`, empty value and a bare `.`, with the good conditions kept', () => {
    const q = '(A=1)(B=),(C=St. Louis),(D=2)';
    expect(errorsOf(q)).toEqual([
      ['unexpected-token', 5, 6, 'expected `,` (AND) or `|` (OR) between two conditions, found `(`'],
      ['unexpected-token', 8, 9, 'expected a value for B after `=`, found `)`'],
      ['invalid-character', 15, 16, '`.` cannot appear in a bare value; put the value in double quotes: (C="St. Louis")'],
    ]);
    expect(parse(q).errors[0].fix?.edits).toEqual([{ range: { start: 5, end: 5 }, text: ',' }]);
    expect(fieldsOf(parse(q).partial)).toEqual(['A', 'D']);
  });

  it('lower-case and/or are read as operators after saying so, with the errors between them', () => {
    const q = '(A=1) and (B=) or (C 5)';
    expect(errorsOf(q)).toEqual([
      ['lowercase-keyword', 6, 9, '`and` is not an operator: DMQL2 keywords are upper case (AND), or use `,`'],
      ['unexpected-token', 13, 14, 'expected a value for B after `=`, found `)`'],
      ['lowercase-keyword', 15, 17, '`or` is not an operator: DMQL2 keywords are upper case (OR), or use `|`'],
      ['unexpected-token', 21, 22, 'expected `=` after the field name C, found `5`'],
    ]);
    expect(fieldsOf(parse(q).partial)).toEqual(['A']);
  });

  it('errors inside NOT and nested groups, and a stray `)` at the top', () => {
    expect(errorsOf('~(A=),NOT ((B=|)|(C=3)),(D=1))')).toEqual([
      ['unexpected-token', 4, 5, 'expected a value for A after `=`, found `)`'],
      ['unexpected-token', 15, 16, 'expected a lookup value of B, found `)`'],
      ['unmatched-paren', 29, 30, 'this `)` has no matching `(`'],
    ]);
    expect(fieldsOf(parse('~(A=),NOT ((B=|)|(C=3)),(D=1))').partial)).toEqual(['C', 'D']);
  });

  it.each([
    ['(Status=A),(City=Chicago,(Beds=3+),(LP=100+)', 'unexpected-token', 25],
    ['Status=A),(Beds=3+)', 'missing-paren', 0],
    ['(Status=A),City=Chicago),(Beds=3+)', 'missing-paren', 11],
    ['((Status=A),(Beds=3+)', 'unexpected-token', 21],
    ['(Status=A),((Beds=3+),(LP=1)', 'unexpected-token', 28],
    ['(Status=A)),(Beds=3+)', 'unmatched-paren', 10],
    ['(Status=A),(Beds=3+)))', 'unmatched-paren', 20],
  ])('one missing or extra paren is one error: %s', (q, code, at) => {
    const r = parse(q);
    expect(r.errors.map((e) => [e.code, e.range.start])).toEqual([[code, at]]);
  });

  it('a missing `)` at the end keeps the conditions inside for the semantic checks', () => {
    expect(fieldsOf(parse('((Status=A),(Beds=3+)').partial)).toEqual(['Status', 'Beds']);
    expect(fieldsOf(parse('Status=A),(Beds=3+)').partial)).toEqual(['Beds']);
  });

  it('a `)` left out before the next condition keeps both conditions, and its fix closes it', () => {
    const q = '(Status=|A,P,(City=Chicago,NOT (Beds=3+)';
    expect(errorsOf(q)).toEqual([
      ['unexpected-token', 13, 14, 'expected `)` to close (Status=… before the next condition, found `(`'],
      ['unexpected-token', 27, 30, 'expected `)` to close (City=… before the next condition, found `NOT`'],
    ]);
    expect(fieldsOf(parse(q).partial)).toEqual(['Status', 'City', 'Beds']);
    expect(parse(q).errors.map((e) => e.fix?.edits)).toEqual([[{ range: { start: 12, end: 12 }, text: ')' }], [{ range: { start: 26, end: 26 }, text: ')' }]]);
    expect(parse('(Status=|A,P),(City=Chicago),NOT (Beds=3+)').errors).toEqual([]);
    // A value list's own commas, and a lookup code that reads NOT, are still values.
    expect(parse('(City=Chicago,Evanston),(Code=|NOT,A)').errors).toEqual([]);
  });

  it.each([['((A=1', 5, 5], ['(((A=1)', 7, 7], ['((A=1),(B=2  ', 13, 11]])('parens left open at the end are one error whose fix closes them all: %s', (q, at, insert) => {
    const [e] = parse(q).errors;
    expect(parse(q).errors).toHaveLength(1);
    expect([e.range.start, e.message]).toEqual([at, 'the query ends before 2 open `(` are closed: add `))` at the end']);
    expect(e.fix?.edits).toEqual([{ range: { start: insert, end: insert }, text: '))' }]);
    expect(parse(q.slice(0, insert) + '))' + q.slice(insert)).errors).toEqual([]);
  });

  it('each fix, applied alone, removes exactly its error', () => {
    const q = '(A=1)(B=2) and (City=New York),(D=1';
    const errors = parse(q).errors;
    expect(errors).toHaveLength(4);
    for (const e of errors) {
      let fixed = q;
      for (const ed of [...(e.fix?.edits ?? [])].sort((a, b) => b.range.start - a.range.start)) fixed = fixed.slice(0, ed.range.start) + ed.text + fixed.slice(ed.range.end);
      expect(parse(fixed).errors.map((x) => x.code), fixed).toHaveLength(3);
    }
  });

  it(`stops after ${MAX_SYNTAX_ERRORS} errors`, () => {
    const r = parse('(A=),'.repeat(50));
    expect(r.errors).toHaveLength(MAX_SYNTAX_ERRORS);
    expect(r.errors.map((e) => e.range.start)).toEqual(Array.from({ length: MAX_SYNTAX_ERRORS }, (_, k) => 5 * k + 3));
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
