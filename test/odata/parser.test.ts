// Parser: the OData and RESO examples, exact spans, the 4.01 precedence table, errors with fixes
// and recovery (several errors at once).
import { describe, expect, it } from 'vitest';
import { formatFilter, parseFilter, type BinaryExpr, type Expr, type LambdaExpr, type LogicalExpr } from '../../shared/odata/filter';
import { applyFix } from './fixture';
import { ABNF_FAIL, ABNF_PASS, ODATA_401_EXAMPLES, ODATA_EXAMPLES, RESO_401_EXAMPLES, RESO_EXAMPLES } from './examples';

function tree(q: string): Expr {
  const r = parseFilter(q);
  expect(r.errors, q).toEqual([]);
  return r.ast!.expr;
}

/** Fully parenthesised rendering, to read precedence at a glance. */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'binary': return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'and': case 'or': return `(${e.items.map(shape).join(` ${e.kind} `)})`;
    case 'not': return `(not ${shape(e.expr)})`;
    case 'negate': return `(-${shape(e.expr)})`;
    case 'in': return `(${shape(e.left)} in [${e.items.map(shape).join(',')}])`;
    case 'group': return shape(e.expr);
    default: return formatFilter(e);
  }
}

describe('parse: specification and RESO examples', () => {
  it.each([...ODATA_EXAMPLES, ...ODATA_401_EXAMPLES, ...RESO_EXAMPLES, ...RESO_401_EXAMPLES])('%s', (q) => {
    const r = parseFilter(q);
    expect(r.errors).toEqual([]);
    expect(r.ast!.range).toEqual({ start: 0, end: q.length });
  });
});

describe('parse: OData ABNF test cases', () => {
  it.each(ABNF_PASS)('accepts %s', (q) => {
    expect(parseFilter(q).errors).toEqual([]);
  });

  it.each(ABNF_FAIL)('rejects %s (the ABNF fails at %i)', (q, failAt) => {
    const r = parseFilter(q);
    expect(r.ast).toBeUndefined();
    expect(r.errors[0].range.start).toBeLessThanOrEqual(failAt);
    expect(r.errors[0].range.end).toBeGreaterThanOrEqual(Math.min(failAt, q.length) - 1);
  });
});

describe('parse: exact spans', () => {
  it("StandardStatus eq 'Active' and ListPrice gt 500000", () => {
    const q = "StandardStatus eq 'Active' and ListPrice gt 500000";
    const e = tree(q) as LogicalExpr;
    expect(e.kind).toBe('and');
    expect(e.opRanges).toEqual([{ start: 27, end: 30 }]);
    const [a, b] = e.items as BinaryExpr[];
    expect(q.slice(a.range.start, a.range.end)).toBe("StandardStatus eq 'Active'");
    expect(a.opRange).toEqual({ start: 15, end: 17 });
    expect(a.right).toMatchObject({ kind: 'literal', type: 'string', value: 'Active', range: { start: 18, end: 26 } });
    expect(b.left).toMatchObject({ kind: 'member', segments: [{ name: 'ListPrice', range: { start: 31, end: 40 } }] });
    expect(b.right).toMatchObject({ type: 'int', value: 500000, range: { start: 44, end: 50 } });
  });

  it('lambda: collection, operator, variable and predicate', () => {
    const q = "Appliances/any(a: a eq 'Dishwasher')";
    const e = tree(q) as LambdaExpr;
    expect(e).toMatchObject({ kind: 'lambda', op: 'any', opRange: { start: 11, end: 14 }, variable: { name: 'a', range: { start: 15, end: 16 } }, range: { start: 0, end: q.length } });
    expect(e.collection.range).toEqual({ start: 0, end: 10 });
    expect(e.predicate!.range).toEqual({ start: 18, end: 35 });
  });

  it('enum literal: type and value ranges, flag members', () => {
    const q = "Utilities has org.reso.metadata.enums.Utilities'Electric,Gas'";
    const e = tree(q) as BinaryExpr;
    expect(e.right).toMatchObject({ kind: 'enum', typeName: 'org.reso.metadata.enums.Utilities', members: ['Electric', 'Gas'], typeRange: { start: 14, end: 47 }, valueRange: { start: 47, end: q.length } });
  });

  it('literals decode: doubled quotes, negative numbers, DateTimeOffset with offset and fraction, durations, GUIDs', () => {
    expect((tree("A eq 'O''Neil'") as BinaryExpr).right).toMatchObject({ value: "O'Neil", text: "'O''Neil'" });
    expect((tree('A lt -128') as BinaryExpr).right).toMatchObject({ type: 'int', value: -128, range: { start: 5, end: 9 } });
    expect((tree('A ge 1.5e-3') as BinaryExpr).right).toMatchObject({ type: 'double', value: 0.0015 });
    expect((tree('A ge 2024-01-31T10:00:00.123456+05:30') as BinaryExpr).right).toMatchObject({ type: 'datetimeoffset', text: '2024-01-31T10:00:00.123456+05:30' });
    expect((tree("A eq duration'P1D'") as BinaryExpr).right).toMatchObject({ type: 'duration', value: 'P1D' });
    expect((tree('A eq 0ABCDEF1-89ab-cdef-0123-456789abcdef') as BinaryExpr).right).toMatchObject({ type: 'guid', value: '0abcdef1-89ab-cdef-0123-456789abcdef' });
    expect((tree('A eq 10:30') as BinaryExpr).right).toMatchObject({ type: 'timeofday' });
  });
});

describe('parse: OData 4.01 operator precedence', () => {
  it.each([
    ['A eq 1 or B eq 2 and C eq 3', '((A eq 1) or ((B eq 2) and (C eq 3)))'],
    ['A add B mul C eq D', '((A add (B mul C)) eq D)'],
    ['A sub B sub C gt 0', '(((A sub B) sub C) gt 0)'],
    ['A gt 1 eq true', '((A gt 1) eq true)'],
    ['not A eq B', '((not A) eq B)'],
    ['not A has NS.T\'x\'', "(not (A has NS.T'x'))"],
    ['-A add 1 gt 0', '(((-A) add 1) gt 0)'],
    ["A in ('x','y') eq true", "((A in ['x','y']) eq true)"],
    ['A div B mod C divby D', '(((A div B) mod C) divby D)'],
    ['(A or B) and C', '((A or B) and C)'],
    ['not not A', '(not (not A))'],
  ])('%s -> %s', (q, want) => {
    expect(shape(tree(q))).toBe(want);
  });

  it('operators are case-insensitive (4.01); the validator flags them for 4.0 servers', () => {
    expect(shape(tree('A EQ 1 AND B Gt 2'))).toBe('((A eq 1) and (B gt 2))');
  });
});

describe('parse: errors are values with positions and fixes', () => {
  function err(q: string) {
    const r = parseFilter(q);
    expect(r.ast, q).toBeUndefined();
    expect(r.errors.length, q).toBeGreaterThan(0);
    return r;
  }

  it.each([
    ["StandardStatus = 'Active'", 'foreign-operator', "StandardStatus eq 'Active'"],
    ['ListPrice >= 100', 'foreign-operator', 'ListPrice ge 100'],
    ["A eq 1 && B eq 2", 'foreign-operator', 'A eq 1 and B eq 2'],
    ['StandardStatus eq "Active"', 'double-quoted-string', "StandardStatus eq 'Active'"],
    ["City eq 'Chicago", 'unterminated-string', "City eq 'Chicago'"],
    ['ModificationTimestamp gt 2024-01-01T00:00:00', 'datetime-no-offset', 'ModificationTimestamp gt 2024-01-01T00:00:00Z'],
    ["ModificationTimestamp gt datetime'2024-01-01T00:00:00'", 'v2-literal', 'ModificationTimestamp gt 2024-01-01T00:00:00Z'],
    ['ListPrice gtt 5', 'unknown-operator', 'ListPrice gt 5'],
    ['(A eq 1', 'missing-paren', '(A eq 1)'],
    ["A eq 1 B eq 2", 'missing-operator', 'A eq 1 and B eq 2'],
    ['A eq 1)', 'unmatched-paren', 'A eq 1'],
  ])('%s: %s, fixed to %s', (q, code, fixed) => {
    const r = err(q);
    const e = r.errors.find((x) => x.code === code)!;
    expect(e, JSON.stringify(r.errors)).toBeDefined();
    expect(e.range.start).toBeGreaterThanOrEqual(0);
    expect(e.range.end).toBeLessThanOrEqual(q.length);
    const after = applyFix(q, e.fix);
    expect(after).toBe(fixed);
    expect(parseFilter(after).errors).toEqual([]);
  });

  it('a filter copied from a URL: one error whose fix decodes it', () => {
    const q = "StandardStatus%20eq%20%27Active%27+and+ListPrice+gt+500000";
    const r = err(q);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].code).toBe('url-encoded');
    expect(applyFix(q, r.errors[0].fix)).toBe("StandardStatus eq 'Active' and ListPrice gt 500000");
  });

  it('((A eq 1 : one error whose fix closes both', () => {
    const r = err('((A eq 1');
    expect(r.errors).toHaveLength(1);
    expect(applyFix('((A eq 1', r.errors[0].fix)).toBe('((A eq 1))');
  });

  it('several errors at once, with the parts around them kept for the validator', () => {
    const q = "A = 1 and B eq and C eq 'x";
    const r = err(q);
    expect(r.errors.map((e) => e.code)).toEqual(['foreign-operator', 'missing-operand', 'unterminated-string']);
    expect(r.errors[1].range).toEqual({ start: 12, end: 14 });
    expect(r.partial?.expr.kind).toBe('and');
  });

  it('dangling operator, empty filter, empty parentheses, bad lambda', () => {
    expect(err('ListPrice gt').errors[0]).toMatchObject({ code: 'missing-operand', range: { start: 10, end: 12 } });
    expect(err('').errors[0].code).toBe('empty-filter');
    expect(err('()').errors[0].code).toBe('empty-group');
    expect(err('Items/any(d gt 1)').errors[0].code).toBe('lambda-variable');
    expect(err('Items/all()').errors[0].code).toBe('lambda-needs-predicate');
    expect(err("A eq X'1'").errors[0].code).toBe('unknown-literal');
  });
});
