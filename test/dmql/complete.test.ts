import { describe, expect, it } from 'vitest';
import { buildSchema, complete, DMQL_KEYWORDS, hover, lex, parse, type CompletionResult } from '../../shared/dmql';
import { field, lookup, metadata, propertyMetadata } from './fixture';

const schema = buildSchema(propertyMetadata, 'Property', 'RES');
const now = () => new Date('2026-03-15T09:00:00Z');

function at(q: string): CompletionResult {
  const cursor = q.indexOf('|^');
  const src = cursor >= 0 ? q.slice(0, cursor) + q.slice(cursor + 2) : q;
  return complete(src, cursor >= 0 ? cursor : src.length, schema, { now });
}
const labels = (r: CompletionResult) => r.items.map((i) => i.label);

describe('complete: field names', () => {
  it('"list pr" finds ListPrice (SystemName LP) through its LongName', () => {
    const r = at('(list pr');
    expect(r.items[0]).toMatchObject({ label: 'LP', kind: 'field', insertText: 'LP=', range: { start: 1, end: 8 } });
    expect(r.items[0].detail).toContain('List Price');
    expect(r.items[0].detail).toContain('Decimal');
  });

  it.each([
    ['(lp', 'LP'], ['(ListPr', 'LP'], ['(bedro', 'Beds'], ['(modification', 'ModTS'], ['(interior f', 'Features'], ['(sta', 'Status'], ['(lot size', 'LotSqFt'],
  ])('%s -> %s first', (q, want) => {
    expect(at(q).items[0].label).toBe(want);
  });

  it('without a `(` the insert text opens the condition', () => {
    expect(at('bed').items[0].insertText).toBe('(Beds=');
    expect(at('(Status=A),').items.find((i) => i.label === 'City')?.insertText).toBe('(City=');
    expect(at('(Status=A),(').items.find((i) => i.label === 'City')?.insertText).toBe('City=');
  });

  it('an empty query lists fields and the condition starters', () => {
    const r = at('');
    expect(labels(r)).toContain('LP');
    expect(labels(r)).toContain('(');
  });

  it('not-searchable fields rank last', () => {
    const r = at('(');
    expect(labels(r).at(-1)).toBe('Remarks');
  });

  it('after a complete field name and a space: `=`', () => {
    expect(labels(at('(Beds '))).toEqual(['=']);
  });
});

describe('complete: values', () => {
  it('after `=` on a lookup: list operators, then the lookup values with LongValue', () => {
    const r = at('(Status=');
    expect(labels(r).slice(0, 2)).toEqual(['|', '~']);
    expect(r.items.find((i) => i.label === 'A')).toMatchObject({ kind: 'lookup', detail: 'Active' });
    expect(labels(at('(Features='))).toContain('+');
  });

  it('inside a lookup value list only that lookup\'s values, minus those already chosen', () => {
    const r = at('(Status=|A,');
    expect(r.items.every((i) => i.kind === 'lookup')).toBe(true);
    expect(labels(r)).toEqual(['P', 'S', 'X', 'W']);
    expect(labels(at('(Features=+FP,|^)'))).toEqual(['POOL', 'GAR', 'BSMT', 'AC']);
  });

  it('typing a LongValue finds its code, and the range covers the typed word', () => {
    const r = at('(Status=|Pend');
    expect(r.items[0]).toMatchObject({ label: 'P', detail: 'Pending', range: { start: 9, end: 13 } });
    expect(labels(at('(Features=|swim'))).toEqual(['POOL']);
  });

  it.each([
    ['(LP=', ['min-max', 'n+', 'n-']],
    ['(ListDate=', ['TODAY', '2026-03-15+', '2026-03-01-2026-03-15']],
    ['(ModTS=', ['NOW', '2026-03-15T00:00:00+']],
    ['(ShowTime=', ['08:00:00-17:00:00']],
    ['(City=', ['Abc*', '*abc*', '"text"']],
    ['(Waterfront=', ['1', '0']],
  ])('templates by type: %s', (q, want) => {
    const r = at(q);
    for (const w of want) expect(labels(r)).toContain(w);
    expect(labels(r)).toContain('.EMPTY.');
  });

  it('after a value: `)` first, and range operators for numbers', () => {
    expect(labels(at('(LP=100')).slice(0, 3)).toEqual([')', '+', '-']);
    expect(labels(at('(LP=100-200,300+'))).toEqual([')']);
    expect(labels(at('(Status=|A'))).toContain('A');
  });

  it('no second `)` where the editor already closed the condition', () => {
    expect(labels(at('(LP=100|^)')).slice(0, 2)).toEqual(['+', '-']);
    expect(labels(at('(LP=100|^)'))).not.toContain(')');
    expect(labels(at('(LP=100-200,300+|^)'))).toEqual([]);
    expect(labels(at('(LP=100-|^)'))).not.toContain(')');
    expect(labels(at('(Status=|A|^)'))).not.toContain(')');
  });

  it('after a condition: AND/OR, and `)` while a group is open', () => {
    expect(labels(at('(LP=100)'))).toEqual([',', '|', 'AND', 'OR']);
    expect(labels(at('((LP=100)'))[0]).toBe(')');
  });

  it('nothing inside a quoted string', () => {
    expect(at('(City="New Y').items).toEqual([]);
  });

  it('works in the middle of a query', () => {
    const r = at('(Status=|A,|^),(LP=100+)');
    expect(labels(r)).toContain('P');
    expect(labels(r)).not.toContain('A');
  });

  it('caps long lists and says so', () => {
    const many = metadata(Array.from({ length: 500 }, (_, i) => field({ systemName: `F${i}`, dataType: 'Int' })), [lookup('L', [])]);
    const s = buildSchema(many, 'Property', 'RES');
    const r = complete('(', 1, s, { limit: 50 });
    expect(r.items).toHaveLength(50);
    expect(r.incomplete).toBe(true);
  });

  it('every completion at every offset of real queries is well-formed', () => {
    for (const q of ['(Status=|A,P),~(City=Chi*),((LP=200000-300000)|(Beds=4+))', '(ModTS=2026-01-01T00:00:00+),(Features=+FP,POOL)', '((LP=1', '(City="a b"']) {
      for (let o = 0; o <= q.length; o += 1) {
        const r = complete(q, o, schema);
        for (const i of r.items) {
          expect(i.range.start).toBeLessThanOrEqual(o);
          expect(i.range.end).toBeGreaterThanOrEqual(o);
          expect(i.label.length).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe('hover', () => {
  it('a field: LongName, names, DataType, units', () => {
    const h = hover('(LotSqFt=5000+)', 3, schema)!;
    expect(h.range).toEqual({ start: 1, end: 8 });
    expect(h.contents).toContain('Lot Size Sq Ft');
    expect(h.contents).toContain('Int');
    expect(h.contents).toContain('SqFt');
    expect(h.contents).toContain('LotSizeSquareFeet');
  });

  it('a lookup field: summary of its values', () => {
    const h = hover('(Status=|A)', 2, schema)!;
    expect(h.contents).toContain('Lookup STATUS: 5 values');
    expect(h.contents).toContain('`P` Pending');
  });

  it('a lookup code: its LongValue', () => {
    expect(hover('(Status=|A,P)', 11, schema)?.contents).toContain('Pending');
    expect(hover('(Status=|A,Q)', 11, schema)?.contents).toContain('not a value of lookup STATUS');
  });

  it('keywords and operators explain themselves; unknown fields say so', () => {
    expect(hover('(ListDate=TODAY)', 12, schema)?.contents).toContain("today's date");
    expect(hover('(A=1)|(B=2)', 5, schema)?.contents).toContain('OR');
    expect(hover('(Nope=1)', 2, schema)?.contents).toContain('not a field of Property:RES');
    expect(hover('(LP=1)', 5, schema)).toBeUndefined();
  });
});

describe('token classes for the Monaco tokenizer match the lexer', () => {
  it('every keyword lexes as a keyword', () => {
    for (const k of DMQL_KEYWORDS) expect(lex(k)[0].kind).toBe(k.toLowerCase());
    expect(parse('(Status=A)').errors).toEqual([]);
  });
});
