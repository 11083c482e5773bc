import { describe, expect, it } from 'vitest';
import { buildSchema, validate, type Diagnostic } from '../../shared/dmql';
import { propertyMetadata } from './fixture';

const schema = buildSchema(propertyMetadata, 'Property', 'RES');
const std = buildSchema(propertyMetadata, 'Property', 'RES', { standardNames: true });

function only(q: string, s = schema): Diagnostic {
  const d = validate(q, s);
  expect(d, q).toHaveLength(1);
  return d[0];
}

function applyFix(q: string, d: Diagnostic): string {
  let out = q;
  for (const e of [...(d.fix?.edits ?? [])].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
  return out;
}

describe('validate against metadata', () => {
  it.each([
    '(Status=A),(PropType=RES)',
    '(ModTS=2026-01-01+)',
    '(LP=200000-500000)',
    '(Status=|A,P),~(City=Chi*),((LP=200000-300000)|(Beds=4+))',
    '(Features=+FP,POOL),(Waterfront=1),(ListDate=TODAY-),(ShowTime=08:00:00+)',
    '(City=.EMPTY.)|(LotSqFt=.ANY.),(Status=~X)',
    '(ModTS=2026-01-01T00:00:00-NOW),(City="Oak Park",A-C)',
  ])('clean: %s', (q) => {
    expect(validate(q, schema)).toEqual([]);
  });

  it('StandardNames=1 queries use StandardNames', () => {
    expect(validate('(ListPrice=100+),(ListingStatus=|A)', std)).toEqual([]);
  });

  it('syntax errors come through as error diagnostics with their fix', () => {
    const d = only('(LP=100');
    expect(d).toMatchObject({ severity: 'error', range: { start: 7, end: 7 } });
    expect(d.message).toContain('expected `)` after the value of LP');
    expect(applyFix('(LP=100', d)).toBe('(LP=100)');
  });

  it('unknown field with did-you-mean over SystemName', () => {
    const d = only('(Staus=A)');
    expect(d).toMatchObject({ code: 'unknown-field', severity: 'error', range: { start: 1, end: 6 } });
    expect(d.message).toContain('Did you mean Status (Listing Status)');
    expect(applyFix('(Staus=A)', d)).toBe('(Status=A)');
  });

  it('did-you-mean over LongName and StandardName', () => {
    expect(only('(ListPrise=1)').message).toContain('LP (List Price)');
    expect(only('(Bedroms=1)').message).toContain('Beds (Bedrooms)');
    expect(only('(Nonsense=1)').message).toContain('has no field with that SystemName');
  });

  it('a StandardName in a SystemName query says which name to write', () => {
    const d = only('(ListPrice=100)');
    expect(d.code).toBe('wrong-name-kind');
    expect(d.message).toContain('ListPrice is the StandardName of LP (List Price)');
    expect(applyFix('(ListPrice=100)', d)).toBe('(LP=100)');
  });

  it('wrong case is a warning with the right spelling', () => {
    expect(only('(city=X)')).toMatchObject({ code: 'field-case', severity: 'warning' });
  });

  it('not searchable', () => {
    expect(only('(Remarks=pool)')).toMatchObject({ code: 'not-searchable', severity: 'error', range: { start: 1, end: 8 } });
  });

  it.each([
    ['(LP=abc)', 'LP (List Price) is a number field (Decimal); `abc` is not a number'],
    ['(Beds=2026-01-01+)', 'is a number field (Int)'],
    ['(ListDate=5)', 'is a date field (Date); `5` is not a date'],
    ['(ModTS=12:00:00+)', 'is a date and time field'],
    ['(ShowTime=2026-01-01)', 'is a time field'],
    ['(Waterfront=maybe)', 'is a yes/no value field'],
    ['(LP=*00)', 'Wildcards (`*`, `?`) only apply to text fields'],
    ['(ListDate="2026")', 'a quoted string is not a date'],
  ])('wrong value type: %s', (q, msg) => {
    const d = only(q);
    expect(d.code).toBe('type-mismatch');
    expect(d.message).toContain(msg);
  });

  it('impossible dates', () => {
    expect(only('(ListDate=2026-13-40)').code).toBe('invalid-value');
  });

  it('a range on a lookup field', () => {
    expect(only('(Status=A-C)')).toMatchObject({ code: 'range-on-lookup', range: { start: 8, end: 11 } });
  });

  it('a lookup value not in the lookup, with did-you-mean over Value, ShortValue and LongValue', () => {
    const d = only('(Status=|A,Q)');
    expect(d).toMatchObject({ code: 'unknown-lookup-value', range: { start: 11, end: 12 } });
    const pool = only('(Features=|Pol)');
    expect(pool.message).toContain('POOL (Swimming Pool)');
    const active = only('(Status=|Active)');
    expect(active.message).toContain('write A (Active)');
    expect(applyFix('(Status=|Active)', active)).toBe('(Status=|A)');
    expect(only('(Status=Pendng)').message).toContain('Did you mean P (Pending)');
  });

  it('+ on a single-value lookup', () => {
    const d = only('(Status=+A,P)');
    expect(d).toMatchObject({ code: 'all-on-single-lookup', severity: 'error', range: { start: 8, end: 9 } });
    expect(applyFix('(Status=+A,P)', d)).toBe('(Status=|A,P)');
    expect(validate('(Features=+FP,GAR)', schema)).toEqual([]);
  });

  it('a lookup list on a field that is not a lookup', () => {
    expect(only('(City=|Chicago)').code).toBe('lookup-list-on-non-lookup');
  });

  it('a string longer than MaximumLength', () => {
    const d = only('(City=Llanfairpwllgwyngyllgogerychwyrndrobwll)');
    expect(d).toMatchObject({ code: 'too-long', severity: 'warning' });
    expect(d.message).toContain('at most 20 characters');
  });

  it('an empty range', () => {
    const d = only('(LP=500-100)');
    expect(d.code).toBe('empty-range');
    expect(applyFix('(LP=500-100)', d)).toBe('(LP=100-500)');
  });

  it('reports every problem in source order', () => {
    const ds = validate('(Staus=A),(LP=abc),(Status=+A,P)', schema);
    expect(ds.map((d) => d.code)).toEqual(['unknown-field', 'type-mismatch', 'all-on-single-lookup']);
  });
});

describe('validate: syntax errors and metadata errors together', () => {
  /** [severity, code, start, end, message] of each diagnostic, in order. */
  const all = (q: string) => validate(q, schema).map((d) => [d.severity, d.code, d.range.start, d.range.end, d.message]);

  it('the editor example: one syntax error, and the number field given text', () => {
    expect(all('(Status=A),(LP=abc-),(City=)')).toEqual([
      ['error', 'type-mismatch', 15, 18, 'LP (List Price) is a number field (Decimal); `abc` is not a number (e.g. 250000, 3+ or 100000-200000).'],
      ['error', 'unexpected-token', 27, 28, 'Syntax: expected a value for City after `=`, found `)`.'],
    ]);
  });

  it('four independent mistakes: unknown field, empty value, unquoted space, text for a number', () => {
    const q = '(Staus=A),(LP=),(City=New York),(Beds=abc)';
    expect(all(q)).toEqual([
      ['error', 'unknown-field', 1, 6, 'Unknown field Staus: Property:RES has no field with that SystemName. Did you mean Status (Listing Status)?'],
      ['error', 'unexpected-token', 14, 15, 'Syntax: expected a value for LP after `=`, found `)`.'],
      ['error', 'unquoted-space', 26, 30, 'Syntax: a value with spaces must be in double quotes, e.g. (City="New York").'],
      ['error', 'type-mismatch', 38, 41, 'Beds (Bedrooms) is a number field (Int); `abc` is not a number (e.g. 250000, 3+ or 100000-200000).'],
    ]);
    const fixes = validate(q, schema).map((d) => d.fix && applyFix(q, d));
    expect(fixes[0]).toBe('(Status=A),(LP=),(City=New York),(Beds=abc)');
    expect(fixes[2]).toBe('(Staus=A),(LP=),(City="New York"),(Beds=abc)');
  });

  it('a wrong lookup value inside a group whose `)` is missing, and a lower-case or', () => {
    expect(all('((Status=|Q) or (PropType=CND)')).toEqual([
      ['error', 'unknown-lookup-value', 10, 11, 'Q is not a value of lookup STATUS used by Status. Type `|` after `=` to see the values it has.'],
      ['error', 'lowercase-keyword', 13, 15, 'Syntax: `or` is not an operator: DMQL2 keywords are upper case (OR), or use `|`.'],
      ['error', 'unexpected-token', 30, 30, 'Syntax: expected `)` to close the `(` at offset 0, found the end of the query.'],
    ]);
  });

  it('a missing `(` is one error, and the conditions after it are still checked', () => {
    expect(all('Status=A),(Status=+A,P),(Waterfront=maybe)').map((d) => d.slice(0, 4))).toEqual([
      ['error', 'missing-paren', 0, 6],
      ['error', 'all-on-single-lookup', 18, 19],
      ['error', 'type-mismatch', 36, 41],
    ]);
  });

  it('the broken condition itself is not checked against the metadata', () => {
    expect(all('(Staus=1 2)').map((d) => d[1])).toEqual(['unquoted-space']);
  });
});
