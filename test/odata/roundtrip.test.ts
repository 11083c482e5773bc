// Formatter: canonical text, and the property that parse(format(tree)) gives the tree back, on
// generated trees (seeded) and on the example filters.
import { describe, expect, it } from 'vitest';
import { formatFilter, parseFilter } from '../../shared/odata/filter';
import { rng, shape } from './fixture';
import { ODATA_401_EXAMPLES, ODATA_EXAMPLES, RESO_401_EXAMPLES, RESO_EXAMPLES } from './examples';
import { randomCondition } from './generate';

describe('format', () => {
  it.each([
    ["StandardStatus  eq  'Active'AND ListPrice GT 500000", "StandardStatus eq 'Active' and ListPrice gt 500000"],
    ["Appliances/any(a:a eq 'Dishwasher')", "Appliances/any(a: a eq 'Dishwasher')"],
    ["StandardStatus in ('Active','Pending')", "StandardStatus in ('Active', 'Pending')"],
    ["contains( City ,'x' )", "contains(City, 'x')"],
    ['( A eq 1 or B eq 2 ) and C eq 3', '(A eq 1 or B eq 2) and C eq 3'],
    ['not(A eq 1)', 'not (A eq 1)'],
    ["A eq DURATION'P1D'", "A eq duration'P1D'"],
    ['A eq TRUE or B eq NULL', 'A eq true or B eq null'],
  ])('%s -> %s', (q, want) => {
    const r = parseFilter(q);
    expect(r.errors).toEqual([]);
    expect(formatFilter(r.ast!)).toBe(want);
  });
});

describe('round trip (property)', () => {
  it('3,000 generated trees: parse(format(t)) is t (parentheses the formatter adds aside)', () => {
    const r = rng(2026);
    for (let n = 0; n < 3000; n += 1) {
      const t = randomCondition(r);
      const text = formatFilter(t);
      const back = parseFilter(text);
      expect(back.errors, text).toEqual([]);
      expect(shape(back.ast!.expr, true), text).toEqual(shape(t, true));
      expect(formatFilter(back.ast!)).toBe(text);
    }
  });

  it('every example: parse(format(parse(x))) equals parse(x), groups included', () => {
    for (const q of [...ODATA_EXAMPLES, ...ODATA_401_EXAMPLES, ...RESO_EXAMPLES, ...RESO_401_EXAMPLES]) {
      const first = parseFilter(q).ast!;
      const printed = formatFilter(first);
      const second = parseFilter(printed);
      expect(second.errors, printed).toEqual([]);
      expect(shape(second.ast), `${q} -> ${printed}`).toEqual(shape(first));
    }
  });
});
