import { describe, expect, it } from 'vitest';
import { buildSchema, compile, parse, type Query } from '../../shared/dmql';
import { propertyMetadata } from './fixture';

const schema = buildSchema(propertyMetadata, 'Property', 'RES');
const clock = () => new Date('2026-03-15T12:00:00Z');

function matches(q: string, row: Record<string, string>, withSchema = true): boolean {
  const r = parse(q);
  expect(r.errors, q).toEqual([]);
  return compile(r.ast as Query, withSchema ? schema : undefined, { now: clock })((c) => row[c]);
}

describe('compile: spec semantics', () => {
  it.each([
    // inclusive numeric ranges
    ['(LP=200000-500000)', { LP: '200000' }, true],
    ['(LP=200000-500000)', { LP: '500000.00' }, true],
    ['(LP=200000-500000)', { LP: '500000.01' }, false],
    ['(LP=200000+)', { LP: '199999' }, false],
    ['(LP=200000-)', { LP: '99000' }, true],
    ['(LP=100-200,300-400)', { LP: '350' }, true],
    ['(LP=100-200,300-400)', { LP: '250' }, false],
    ['(Beds=4+)', { Beds: '4' }, true],
    ['(Beds=4)', { Beds: '04' }, true],
    ['(LP=100+)', { LP: '' }, false],
    ['(LP=100+)', {}, false],
    // strings: equality, wildcards, literals, case-insensitive
    ['(City=Chicago)', { City: 'chicago' }, true],
    ['(City=Chi*)', { City: 'Chicago' }, true],
    ['(City=Chi*)', { City: 'Evanston' }, false],
    ['(City=*ca*)', { City: 'Chicago' }, true],
    ['(City=Chi?ago)', { City: 'Chicago' }, true],
    ['(City=Chi?ago)', { City: 'Chiago' }, false],
    ['(City="New York")', { City: 'NEW YORK' }, true],
    ['(City=Aurora,Elgin)', { City: 'Elgin' }, true],
    ['(City=A-M)', { City: 'Elgin' }, true],
    ['(City=A-M)', { City: 'Naperville' }, false],
    // lookups
    ['(Status=|A,P)', { Status: 'P' }, true],
    ['(Status=|A,P)', { Status: 'S' }, false],
    ['(Status=A)', { Status: 'A' }, true],
    ['(Status=A)', { Status: 'Active' }, true],
    ['(Status=~A,P)', { Status: 'S' }, true],
    ['(Status=~A,P)', { Status: 'A' }, false],
    ['(Features=+FP,POOL)', { Features: 'GAR,FP,POOL' }, true],
    ['(Features=+FP,POOL)', { Features: 'GAR,FP' }, false],
    ['(Features=|FP,POOL)', { Features: 'GAR,POOL' }, true],
    ['(Features=~FP)', { Features: 'GAR,POOL' }, true],
    ['(Features=~FP)', { Features: 'GAR, FP' }, false],
    ['(Features=G*)', { Features: 'FP,GAR' }, true],
    // .EMPTY. / .ANY.
    ['(City=.EMPTY.)', { City: '' }, true],
    ['(City=.EMPTY.)', {}, true],
    ['(City=.EMPTY.)', { City: 'X' }, false],
    ['(City=.ANY.)', { City: 'X' }, true],
    ['(City=.ANY.)', { City: ' ' }, false],
    // dates and date-times
    ['(ModTS=2026-01-01+)', { ModTS: '2026-01-01T00:00:00' }, true],
    ['(ModTS=2026-01-01+)', { ModTS: '2025-12-31T23:59:59' }, false],
    ['(ModTS=2026-01-01-)', { ModTS: '2026-01-01T23:59:59' }, true],
    ['(ModTS=2026-01-01T10:00:00+)', { ModTS: '2026-01-01 09:59:59' }, false],
    ['(ModTS=2026-01-01T10:00:00+)', { ModTS: '2026-01-01T10:00:00.000' }, true],
    ['(ModTS=2026-01-01T10:00:00Z+)', { ModTS: '2026-01-01T11:30:00+01:00' }, true],
    ['(ModTS=2026-01-01T10:00:00Z+)', { ModTS: '2026-01-01T10:30:00+01:00' }, false],
    ['(ListDate=2026-02-01-2026-02-28)', { ListDate: '2026-02-28' }, true],
    ['(ListDate=2026-02-01-2026-02-28)', { ListDate: '2026-03-01' }, false],
    ['(ListDate=2026-02-14)', { ListDate: '2026-02-14' }, true],
    ['(ListDate=TODAY)', { ListDate: '2026-03-15' }, true],
    ['(ListDate=TODAY-)', { ListDate: '2026-03-16' }, false],
    ['(ModTS=NOW-)', { ModTS: '2026-03-15T11:59:59' }, true],
    ['(ModTS=NOW+)', { ModTS: '2026-03-15T11:59:59' }, false],
    ['(ShowTime=08:00:00-12:00:00)', { ShowTime: '12:00:00' }, true],
    ['(ShowTime=08:00:00-12:00:00)', { ShowTime: '12:00:01' }, false],
    // booleans
    ['(Waterfront=1)', { Waterfront: 'Y' }, true],
    ['(Waterfront=1)', { Waterfront: 'false' }, false],
    // boolean logic and precedence
    ['(Status=|A,P),~(City=Chi*),((LP=200000-300000)|(Beds=4+))', { Status: 'A', City: 'Evanston', LP: '900000', Beds: '5' }, true],
    ['(Status=|A,P),~(City=Chi*),((LP=200000-300000)|(Beds=4+))', { Status: 'A', City: 'Chicago', LP: '250000', Beds: '5' }, false],
    ['(Status=|A,P),~(City=Chi*),((LP=200000-300000)|(Beds=4+))', { Status: 'A', City: 'Evanston', LP: '900000', Beds: '3' }, false],
    ['(Status=S)|(Status=A),(Beds=9)', { Status: 'S', Beds: '1' }, true],
    ['NOT (Status=S)', { Status: 'S' }, false],
  ])('%s on %j -> %s', (q, row, want) => {
    expect(matches(q, row as Record<string, string>)).toBe(want);
  });

  it.each([
    ['(Status=|A,P)', { Status: 'A' }, true],
    ['(Features=+FP,POOL)', { Features: 'POOL,FP' }, true],
    ['(LP=100-200)', { LP: '150' }, true],
    ['(Zip=06614)', { Zip: '06614' }, true],
    ['(ModificationTimestamp=2026-01-01+)', { ModificationTimestamp: '2026-02-01T00:00:00' }, true],
    ['(Class=RES)', { Class: 'res' }, true],
  ])('without a schema: %s on %j -> %s', (q, row, want) => {
    expect(matches(q, row as Record<string, string>, false)).toBe(want);
  });

  it('ZIP codes on a text field compare as written', () => {
    const md = buildSchema(propertyMetadata, 'Property', 'RES');
    const p = compile(parse('(ListingID=00123)').ast!, md);
    expect(p((c) => (c === 'ListingID' ? '00123' : undefined))).toBe(true);
    expect(p((c) => (c === 'ListingID' ? '123' : undefined))).toBe(false);
  });

  it('case-sensitive mode', () => {
    const p = compile(parse('(City=Chi*)').ast!, schema, { caseSensitive: true });
    expect(p(() => 'chicago')).toBe(false);
    expect(p(() => 'Chicago')).toBe(true);
  });

  it('compiles once and evaluates many rows', () => {
    const p = compile(parse('(Status=|A,P),(LP=100000-300000),(City=E*)').ast!, schema);
    const rows = Array.from({ length: 20000 }, (_, i) => ({ Status: i % 3 ? 'A' : 'S', LP: String(50000 + (i % 400) * 1000), City: i % 2 ? 'Evanston' : 'Chicago' }));
    const hits = rows.filter((row) => p((c) => row[c as keyof typeof row])).length;
    const expected = rows.filter((r) => r.Status === 'A' && +r.LP >= 100000 && +r.LP <= 300000 && r.City === 'Evanston').length;
    expect(hits).toBe(expected);
    expect(hits).toBeGreaterThan(0);
  });
});
