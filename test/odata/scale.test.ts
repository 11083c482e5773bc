// Did-you-mean and completion stay right on large metadata (1,000 properties, a 5,000-value lookup).
import { describe, expect, it } from 'vitest';
import { buildFilterSchema, completeFilter, validateFilter, warmFilterSchema, type FilterPropertyInput } from '../../shared/odata/filter';

const WORDS = ['List', 'Price', 'Close', 'Date', 'Living', 'Area', 'Lot', 'Size', 'Tax', 'School', 'Garage', 'Year', 'Built', 'Street', 'Agent', 'Office'];
const properties: FilterPropertyInput[] = Array.from({ length: 1000 }, (_, i) => ({
  name: `${WORDS[i % 16]}${WORDS[(i >> 4) % 16]}${i}`, type: i % 7 ? 'Edm.Int32' : 'Edm.String', ...(i % 7 ? {} : { lookupName: 'Big' }),
}));
properties.push({ name: 'ListPrice', type: 'Edm.Decimal' });
const schema = warmFilterSchema(buildFilterSchema({
  version: '4.01',
  entitySets: [{ name: 'Property', entityType: 'NS.Property' }],
  entityTypes: [{ name: 'NS.Property', properties }],
  lookups: { Big: Array.from({ length: 5000 }, (_, v) => ({ value: `${WORDS[v % 16]} Town ${v}`, legacyODataValue: `${WORDS[v % 16]}Town${v}` })) },
}, 'Property'));
const lookupField = properties.find((p) => p.lookupName)!.name;

describe('at scale', () => {
  it('warming builds the indexes once', () => {
    expect(schema.root.cache.has('grams')).toBe(true);
    expect(schema.root.cache.has('completionNames')).toBe(true);
  });

  it('finds the property behind a typo among a thousand similar names', () => {
    expect(validateFilter('ListPrce gt 1', schema)[0].message).toContain('Did you mean ListPrice');
    expect(validateFilter('LotSchool123x eq 1', schema)[0].message).toContain('LotSchool123');
  });

  it('finds the lookup value behind a typo or an enum-style name among 5,000', () => {
    expect(validateFilter(`${lookupField} eq 'Tax Town 1240x'`, schema)[0].message).toContain("Did you mean 'Tax Town 1240'");
    expect(validateFilter(`${lookupField} eq 'OfficeTown15'`, schema)[0].fix!.edits[0].text).toBe("'Office Town 15'");
  });

  it('completes values by prefix and caps long lists, flagged incomplete', () => {
    const q = `${lookupField} eq 'Tax Town 124`;
    const labels = completeFilter(q, q.length, schema).items.map((i) => i.label);
    expect(labels[0]).toBe('Tax Town 1240');
    expect(labels.every((l) => l.startsWith('Tax Town 124') || l.includes('Tax Town 124'))).toBe(true);
    const all = completeFilter(`${lookupField} eq `, lookupField.length + 4, schema, { limit: 50 });
    expect(all.items).toHaveLength(51); // 50 values and null
    expect(all.incomplete).toBe(true);
    const fields = completeFilter('L', 1, schema, { limit: 20 });
    expect(fields.items.filter((i) => i.kind === 'field')).toHaveLength(20);
    expect(fields.incomplete).toBe(true);
  });
});
