// Validator: names, types, enums, lookups, collections, lambdas, 4.0 vs 4.01, with fixes.
import { describe, expect, it } from 'vitest';
import { validateFilter, type Diagnostic } from '../../shared/odata/filter';
import { applyFix, schema, schema40 } from './fixture';
import { RESO_401_EXAMPLES, RESO_EXAMPLES } from './examples';

function only(q: string, s = schema): Diagnostic {
  const d = validateFilter(q, s);
  expect(d, `${q}: ${JSON.stringify(d)}`).toHaveLength(1);
  return d[0];
}

function fixed(q: string, d: Diagnostic, s = schema): string {
  const after = applyFix(q, d.fix);
  expect(validateFilter(after, s), after).toEqual([]);
  return after;
}

describe('validate: clean filters', () => {
  it.each([
    ...RESO_EXAMPLES, ...RESO_401_EXAMPLES,
    "StandardStatus eq 'Active Under Contract'",
    "PropertyType eq 'Residential'",
    "PropertyType in (Odata.Models.PropertyType'Land', Odata.Models.PropertyType'Commercial')",
    "InteriorFeatures/any(f: f eq RESO.InteriorFeatures'Bar')",
    'ModificationTimestamp gt now() sub duration\'P7D\'',
    'year(ModificationTimestamp) eq 2024 and month(ListingContractDate) le 6',
    'hour(ShowingStartTime) ge 9',
    'ListPrice div LivingArea lt 200',
    'BedroomsTotal mod 2 eq 0 and -BedroomsTotal lt 0',
    'WaterfrontYN eq true and WaterfrontYN',
    'Media/$count gt 5',
    "Media/any(m: m/Order eq 1 and startswith(m/MediaURL, 'https:'))",
    "Media/any(m: Appliances/any(a: a eq 'Range' and m/Order gt 1))",
    'Media/any()',
    "length(PublicRemarks) gt 100 and indexof(City, 'ville') ge 0",
    "substring(City, 0, 3) eq 'Chi' and concat(City, PostalCode) ne ''",
    "ListingGuid eq 01234567-89ab-cdef-0123-456789abcdef",
    'ListPrice eq null or City ne null',
    "round(ListPrice) eq 100 and floor(LivingArea) gt 1 and ceiling(ListPrice) lt 2",
    "cast(BedroomsTotal, Edm.String) eq '3' and isof(City, Edm.String)",
  ])('%s', (q) => {
    expect(validateFilter(q, schema)).toEqual([]);
  });
});

describe('validate: names', () => {
  it('case-sensitive names, with the right spelling as fix', () => {
    const q = "standardStatus eq 'Active'";
    const d = only(q);
    expect(d).toMatchObject({ code: 'field-case', severity: 'error', range: { start: 0, end: 14 } });
    expect(fixed(q, d)).toBe("StandardStatus eq 'Active'");
  });

  it('unknown names get did-you-mean', () => {
    const q = 'ListPrise gt 100';
    const d = only(q);
    expect(d.code).toBe('unknown-field');
    expect(d.message).toContain('Did you mean ListPrice');
    expect(fixed(q, d)).toBe('ListPrice gt 100');
  });

  it('navigation paths resolve on the target type, with did-you-mean there', () => {
    const d = only("ListAgent/MemberLastNam eq 'Smith'");
    expect(d.message).toContain('org.reso.metadata.Member');
    expect(d.message).toContain('MemberLastName');
  });

  it('a path through a collection needs a lambda', () => {
    const d = only("Media/MediaURL eq 'x'");
    expect(d.code).toBe('collection-path');
    expect(d.message).toContain('Media/any(m: m/MediaURL eq …)');
  });

  it('lambda variables are only in scope inside their lambda', () => {
    const d = only("Appliances/any(a: a eq 'Range') and a eq 'Range'");
    expect(d).toMatchObject({ code: 'unknown-field', range: { start: 36, end: 37 } });
    expect(only("Media/any(m: m/Order eq 1 and Appliances/any(m: m eq 'Range'))").code).toBe('lambda-shadow');
  });
});

describe('validate: types', () => {
  it.each([
    ["ListPrice gt '500000'", 'ListPrice gt 500000'],
    ['PostalCode eq 60614', "PostalCode eq '60614'"],
    ['ModificationTimestamp gt 2024-01-01', 'ModificationTimestamp gt 2024-01-01T00:00:00Z'],
    ['ListingContractDate eq 2024-01-31T00:00:00Z', 'ListingContractDate eq 2024-01-31'],
    ["WaterfrontYN eq 'true'", 'WaterfrontYN eq true'],
  ])('%s -> %s', (q, want) => {
    const d = only(q);
    expect(d.code).toBe('type-mismatch');
    expect(fixed(q, d)).toBe(want);
  });

  it('function arguments are typed', () => {
    expect(only("contains(ListPrice, '5')")).toMatchObject({ code: 'argument-type', range: { start: 9, end: 18 } });
    expect(only('year(City) eq 2024').code).toBe('argument-type');
    expect(only("contains(City)").code).toBe('argument-count');
    const q = "contians(City, 'x')";
    const d = only(q);
    expect(d.code).toBe('unknown-function');
    expect(fixed(q, d)).toBe("contains(City, 'x')");
  });

  it('a filter must be a condition; `not A eq B` is parenthesised', () => {
    expect(only('ListPrice').code).toBe('not-a-condition');
    expect(only("ListPrice add 1 and City eq 'x'").code).toBe('not-a-condition');
    const q = "not StandardStatus eq 'Closed'";
    const d = only(q);
    expect(d.code).toBe('not-precedence');
    expect(fixed(q, d)).toBe("not (StandardStatus eq 'Closed')");
  });

  it('invalid dates and durations', () => {
    expect(only('ListingContractDate eq 2024-02-30').code).toBe('invalid-value');
    expect(only('ModificationTimestamp lt 2024-13-01T00:00:00Z').code).toBe('invalid-value');
    expect(only("DaysOnMarketDuration gt duration'P1Y'").code).toBe('invalid-value');
  });

  it('numbers: fractions on whole-number fields, decimals beyond Scale', () => {
    expect(only('BedroomsTotal eq 2.5')).toMatchObject({ code: 'fraction-on-integer', severity: 'warning' });
    expect(only('ListPrice eq 100.125')).toMatchObject({ code: 'beyond-scale', severity: 'info' });
    expect(validateFilter('ListPrice eq 100.50 and BedroomsTotal ge 3.0', schema)).toEqual([]);
  });

  it('null ordering and MaxLength', () => {
    expect(only('ListPrice gt null')).toMatchObject({ code: 'null-order', severity: 'warning' });
    expect(only('ListingKey eq null')).toMatchObject({ code: 'never-null', severity: 'info' });
    expect(only("ListingId eq 'ABCDEFGHIJKL'")).toMatchObject({ code: 'too-long', severity: 'warning' });
  });
});

describe('validate: lookups and enums', () => {
  it('unknown lookup value: did-you-mean with a fix', () => {
    const q = "StandardStatus eq 'Actve'";
    const d = only(q);
    expect(d).toMatchObject({ code: 'unknown-lookup-value', range: { start: 18, end: 25 } });
    expect(fixed(q, d)).toBe("StandardStatus eq 'Active'");
  });

  it('the enum member name (LegacyODataValue) leads to the lookup value', () => {
    const q = "StandardStatus eq 'ActiveUnderContract'";
    const d = only(q);
    expect(d.message).toContain("'Active Under Contract'");
    expect(fixed(q, d)).toBe("StandardStatus eq 'Active Under Contract'");
  });

  it('lookup values inside in-lists and lambdas over lookup collections', () => {
    expect(only("StandardStatus in ('Active', 'Pendng')").message).toContain("'Pending'");
    const q = "Appliances/any(a: a eq 'dishwasher')";
    expect(fixed(q, only(q))).toBe("Appliances/any(a: a eq 'Dishwasher')");
  });

  it('enum literals: vendor namespace, unknown members, flags', () => {
    const q = "PropertyType eq org.reso.metadata.enums.PropertyType'Residential'";
    const d = only(q);
    expect(d.code).toBe('enum-namespace');
    expect(fixed(q, d)).toBe("PropertyType eq Odata.Models.PropertyType'Residential'");
    const q2 = "PropertyType eq Odata.Models.PropertyType'Residental'";
    const d2 = only(q2);
    expect(d2).toMatchObject({ code: 'unknown-enum-member', range: { start: 42, end: 52 } });
    expect(fixed(q2, d2)).toBe("PropertyType eq Odata.Models.PropertyType'Residential'");
    expect(only("PropertyType eq Odata.Models.PropertyType'Land,Commercial'").code).toBe('enum-not-flags');
    expect(only("Utilities has org.reso.metadata.enums.Utilities'Electric,Propane'").message).toContain('Propane is not a member');
    expect(only("PropertyType eq 'Farm'").code).toBe('unknown-enum-member');
  });

  it('an enum-style literal on a string-lookup server: the lookup string to write instead', () => {
    const q = "StandardStatus eq org.reso.metadata.enums.StandardStatus'ActiveUnderContract'";
    const d = only(q);
    expect(d.code).toBe('enum-on-string');
    expect(fixed(q, d)).toBe("StandardStatus eq 'Active Under Contract'");
    const q2 = "StandardStatus has org.reso.metadata.enums.StandardStatus'Active'";
    expect(fixed(q2, only(q2))).toBe("StandardStatus eq 'Active'");
  });

  it('has applies to enums only', () => {
    expect(only("City has org.reso.metadata.enums.Utilities'Gas'").code).toBe('has-on-non-enum');
  });
});

describe('validate: collections and lambdas', () => {
  it('a collection compared directly: rewritten with any()', () => {
    const q = "Appliances eq 'Dishwasher'";
    const d = only(q);
    expect(d.code).toBe('collection-without-lambda');
    expect(fixed(q, d)).toBe("Appliances/any(a: a eq 'Dishwasher')");
    const q2 = "InteriorFeatures has org.reso.metadata.enums.InteriorFeatures'Bar'";
    expect(fixed(q2, only(q2))).toBe("InteriorFeatures/any(i: i has org.reso.metadata.enums.InteriorFeatures'Bar')");
  });

  it('a lambda whose condition never uses its variable', () => {
    expect(only("Appliances/any(a: City eq 'Chicago')")).toMatchObject({ code: 'lambda-variable-unused', severity: 'warning', range: { start: 15, end: 16 } });
  });

  it('a lambda over a single value', () => {
    expect(only("City/any(c: c eq 'x')").code).toBe('lambda-on-single');
  });
});

describe('validate: OData 4.0 servers', () => {
  it('`in` is rewritten with or', () => {
    const q = "StandardStatus in ('Active','Pending') and ListPrice gt 1";
    const d = only(q, schema40);
    expect(d).toMatchObject({ code: 'in-on-4.0', severity: 'error', range: { start: 15, end: 17 } });
    expect(fixed(q, d, schema40)).toBe("(StandardStatus eq 'Active' or StandardStatus eq 'Pending') and ListPrice gt 1");
  });

  it('enum values need their type prefix', () => {
    const q = "PropertyType eq 'Land'";
    expect(fixed(q, only(q, schema40), schema40)).toBe("PropertyType eq Odata.Models.PropertyType'Land'");
  });

  it('upper-case operators: a warning on 4.0, information on 4.01', () => {
    const q = "City eq 'x' AND ListPrice Gt 5";
    const d40 = validateFilter(q, schema40);
    expect(d40.map((d) => [d.code, d.severity])).toEqual([['operator-case', 'warning'], ['operator-case', 'warning']]);
    let after = q;
    for (const d of [...d40].reverse()) after = applyFix(after, d.fix);
    expect(after).toBe("City eq 'x' and ListPrice gt 5");
    expect(validateFilter(q, schema).every((d) => d.severity === 'info')).toBe(true);
  });
});

describe('validate: syntax errors and semantic checks together', () => {
  it('reports the syntax error and still checks the parts that parsed', () => {
    const d = validateFilter("ListPrise gt 5 and City = 'x' and StandardStatus eq 'Actve'", schema);
    expect(d.map((x) => x.code)).toEqual(['unknown-field', 'foreign-operator', 'unknown-lookup-value']);
    expect(d[1].message).toMatch(/^Syntax: /);
  });
});
