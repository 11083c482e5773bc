// Did-you-mean and completion stay right on large metadata (the bigram and prefix indexes).
import { describe, expect, it } from 'vitest';
import { buildSchema, complete, validate, warmSchema } from '../../shared/dmql';
import { field, lookup, metadata } from './fixture';

const WORDS = ['List', 'Price', 'Close', 'Date', 'Living', 'Area', 'Lot', 'Size', 'Tax', 'School', 'Garage', 'Year', 'Built', 'Street', 'Agent', 'Office'];
const fields = Array.from({ length: 6000 }, (_, i) => {
  const w = [WORDS[i % 16], WORDS[(i >> 4) % 16], WORDS[(i >> 8) % 16]];
  return field({ systemName: `L_${w.join('')}${i}`, standardName: `${w.join('')}${i}`, longName: `${w.join(' ')} ${i}`, dataType: i % 7 ? 'Int' : 'Character', ...(i % 7 ? {} : { interpretation: 'Lookup', lookupName: 'BIG' }) });
});
fields.push(field({ systemName: 'LIST_PRICE', standardName: 'ListPrice', longName: 'Current List Price', dataType: 'Decimal' }));
const big = lookup('BIG', Array.from({ length: 20000 }, (_, v) => [`C${v}`, `${WORDS[v % 16]} Town ${v}`] as [string, string]));
const schema = warmSchema(buildSchema(metadata(fields, [big]), 'Property', 'RES'));

describe('at scale (6,000 fields, a 20,000-value lookup)', () => {
  it('finds the field behind a typo among thousands of similar names', () => {
    const d = validate('(LIST_PRCE=1)', schema);
    expect(d[0].message).toContain('Did you mean LIST_PRICE (Current List Price)');
    const d2 = validate('(L_ListPriceClose17x=1)', schema);
    expect(d2[0].message).toContain('L_ListPriceClose17');
  });

  it('finds the lookup value behind a typo or a LongValue in 20,000 values', () => {
    const lookupField = schema.fields.find((f) => f.lookup)!.name;
    expect(validate(`(${lookupField}=|C1234x)`, schema)[0].message).toContain('C1234');
    expect(validate(`(${lookupField}=|"Office Town 15")`, schema)[0].message).toContain('write C15 (Office Town 15)');
  });

  it('completes "current list" to LIST_PRICE and lookup values by LongValue word', () => {
    expect(complete('(current list', 13, schema).items[0].label).toBe('LIST_PRICE');
    const lookupField = schema.fields.find((f) => f.lookup)!.name;
    const q = `(${lookupField}=|C1999`;
    const labels = complete(q, q.length, schema).items.map((i) => i.label);
    expect(labels[0]).toBe('C1999');
    expect(labels.every((l) => l.startsWith('C1999'))).toBe(true);
  });

  it('a one-letter prefix matching thousands returns the capped list, flagged incomplete', () => {
    const r = complete('(l', 2, schema, { limit: 50 });
    expect(r.items).toHaveLength(50);
    expect(r.incomplete).toBe(true);
  });
});
