// Completion ($filter, $select, $orderby) and hover.
import { describe, expect, it } from 'vitest';
import { completeFieldList, completeFilter, hoverFilter, type CompletionResult } from '../../shared/odata/filter';
import { schema, schema40 } from './fixture';

const now = () => new Date('2026-03-15T09:00:00Z');

function at(q: string, s = schema): CompletionResult {
  const cursor = q.indexOf('|^');
  const src = cursor >= 0 ? q.slice(0, cursor) + q.slice(cursor + 2) : q;
  return completeFilter(src, cursor >= 0 ? cursor : src.length, s, { now });
}
const labels = (r: CompletionResult) => r.items.map((i) => i.label);

describe('complete: operands', () => {
  it('properties by prefix, replacing the word typed', () => {
    const r = at('List');
    expect(labels(r).slice(0, 3)).toEqual(['ListAgent', 'ListPrice', 'ListingContractDate']);
    expect(r.items[1]).toMatchObject({ kind: 'field', insertText: 'ListPrice', range: { start: 0, end: 4 } });
    expect(r.items[1].detail).toContain('Edm.Decimal');
  });

  it('functions as snippets, and words', () => {
    const r = at('co');
    expect(r.items.find((i) => i.label === 'contains')).toMatchObject({ kind: 'template', snippet: true, insertText: "contains(${1:Field}, '${2:text}')" });
    expect(labels(at('no'))).toContain('not');
  });

  it('lambda variables first inside a lambda, and the members of a navigation or a variable', () => {
    expect(labels(at('Appliances/any(a: '))[0]).toBe('a');
    expect(labels(at("Appliances/any(a: a eq 'x') and "))).not.toContain('a');
    expect(labels(at('ListAgent/'))).toEqual(['MemberFirstName', 'MemberKey', 'MemberLastName']);
    expect(labels(at('Media/any(m: m/'))).toEqual(['MediaKey', 'MediaURL', 'Order']);
    expect(labels(at('Media/'))).toEqual(['any(…)', 'all(…)', '$count']);
  });
});

describe('complete: operators by type', () => {
  it('comparisons and arithmetic for numbers; in only on 4.01', () => {
    const n = labels(at('ListPrice '));
    expect(n).toEqual(expect.arrayContaining(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'in', 'add', 'mul', 'divby']));
    expect(labels(at('ListPrice ', schema40))).not.toContain('in');
    expect(labels(at('ListPrice g'))).toEqual(['gt', 'ge']);
  });

  it('has for enums, a lambda for collections, and/or after a condition', () => {
    expect(labels(at('Utilities '))).toContain('has');
    expect(labels(at('City '))).not.toContain('has');
    expect(at('Appliances ').items[0]).toMatchObject({ label: '/any(…)', insertText: '/any(a: a ${1:eq} ${2})', snippet: true });
    expect(labels(at("StandardStatus eq 'Active' "))).toEqual(['and', 'or']);
    expect(labels(at('(ListPrice gt 5 '))).toEqual(['and', 'or', ')']);
    expect(labels(at("Appliances/any(a: a eq 'Range') "))).toEqual(['and', 'or']);
  });
});

describe('complete: values', () => {
  it('lookup values after eq, quoted, with what they stand for', () => {
    const r = at('StandardStatus eq ');
    expect(labels(r)).toEqual(['Active', 'Active Under Contract', 'Pending', 'Closed', 'Coming Soon', 'Withdrawn', 'Expired', 'Canceled', 'null']);
    expect(r.items[1]).toMatchObject({ kind: 'lookup', insertText: "'Active Under Contract'", detail: 'enum: ActiveUnderContract' });
  });

  it('inside a string being typed: the matching values replace the whole string', () => {
    const r = at("StandardStatus eq 'Act");
    expect(labels(r)).toEqual(['Active', 'Active Under Contract']);
    expect(r.items[0]).toMatchObject({ range: { start: 18, end: 22 }, filterText: "'Active'" });
    expect(labels(at("StandardStatus eq 'Act|^' and ListPrice gt 1"))).toEqual(['Active', 'Active Under Contract']);
  });

  it('inside in-lists and lambdas over lookup collections', () => {
    expect(labels(at("StandardStatus in ('Active', "))).toContain('Pending');
    expect(labels(at('Appliances/any(a: a eq '))).toEqual(['Dishwasher', 'Refrigerator', 'Microwave', 'Range', 'Washer/Dryer', 'null']);
  });

  it('enum members as literals with their type; flags after has', () => {
    expect(at('PropertyType eq ').items[0]).toMatchObject({ label: 'Residential', insertText: "Odata.Models.PropertyType'Residential'" });
    expect(labels(at('Utilities has '))).toEqual(['Electric', 'Gas', 'Water', 'Sewer', 'null']);
  });

  it('booleans, date templates and now()', () => {
    expect(labels(at('WaterfrontYN eq '))).toEqual(['true', 'false', 'null']);
    expect(labels(at('ModificationTimestamp gt '))).toEqual(['2026-03-15T00:00:00Z', 'now()', 'null']);
    expect(labels(at('ListingContractDate ge '))[0]).toBe('2026-03-15');
    expect(labels(at('ListingKey eq '))).not.toContain('null');
  });
});

describe('complete: $select and $orderby lists', () => {
  it('fields not chosen yet; navigation paths; asc/desc after a field in $orderby', () => {
    expect(completeFieldList('ListPrice,Ci', 12, schema).items.map((i) => i.label)).toEqual(['City']);
    expect(completeFieldList('ListPrice,', 10, schema).items.map((i) => i.label)).not.toContain('ListPrice');
    expect(completeFieldList('ListAgent/Mem', 13, schema).items.map((i) => i.label)).toEqual(['MemberFirstName', 'MemberKey', 'MemberLastName']);
    const o = completeFieldList('ListPrice desc,ModificationTimestamp ', 37, schema, { orderby: true });
    expect(o.items.map((i) => i.label)).toEqual(['asc', 'desc']);
    expect(completeFieldList('ListPrice d', 11, schema, { orderby: true }).items.map((i) => i.label)).toEqual(['desc']);
  });
});

describe('hover', () => {
  it('a property: type, facets, lookup, annotations', () => {
    const h = hoverFilter("StandardStatus eq 'Active'", 3, schema)!;
    expect(h.range).toEqual({ start: 0, end: 14 });
    expect(h.contents).toContain('Type `Edm.String`');
    expect(h.contents).toContain('Lookup StandardStatus: 8 values');
    expect(hoverFilter('ListPrice gt 5', 2, schema)!.contents).toContain('Precision 14 · Scale 2');
    expect(hoverFilter("ListAgent/MemberLastName eq 'x'", 14, schema)!.contents).toContain('**MemberLastName**');
  });

  it('a lookup value: its meaning', () => {
    const h = hoverFilter("StandardStatus eq 'Active Under Contract'", 22, schema)!;
    expect(h.contents).toContain('LegacyODataValue): ActiveUnderContract');
    expect(h.contents).toContain('An offer has been accepted');
    expect(hoverFilter("StandardStatus in ('Active', 'Nope')", 31, schema)!.contents).toContain("'Nope' is not a value of lookup StandardStatus");
  });

  it('enum literals, functions, operators, lambda variables, literals', () => {
    expect(hoverFilter("PropertyType eq Odata.Models.PropertyType'Commercial'", 30, schema)!.contents).toContain('`Commercial` = 2: Commercial sale');
    expect(hoverFilter("contains(City, 'x')", 3, schema)!.contents).toContain('contains(text, part) -> Boolean');
    expect(hoverFilter('ListPrice gt 5', 11, schema)!.contents).toContain('greater than');
    expect(hoverFilter("Appliances/any(a: a eq 'Range')", 19, schema)!.contents).toContain('one item of Appliances');
    expect(hoverFilter('ModificationTimestamp gt 2024-01-01T00:00:00Z', 30, schema)!.contents).toContain('(UTC)');
    expect(hoverFilter('Nope eq 1', 1, schema)!.contents).toContain('not a property of Property');
  });
});
