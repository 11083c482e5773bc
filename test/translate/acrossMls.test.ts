// MLS A -> MLS B of the same protocol, through both sides' mappings onto the standard names: the
// Demo MLS (dialect a) and its second naming (dialect b: other SystemNames, lookup codes and class
// names, the same StandardNames) over real HTTP; and the Demo's two Web API doors (Lookup values
// and EnumType members) as two Web API servers. Fields, lookup values and classes translate; what
// has no counterpart is left out and reported with its range; the results run on both servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../shared/dmql';
import { composeMappings, dmqlToDmql, odataToOData, pairClass, retsPivot, webApiPivot } from '../../shared/translate/index';
import type { TranslationMapping } from '../../shared/translate/types';
import { keysOf, type DemoSides, type RetsSide, startRetsSide, startSides, webKeys } from './demoSides';

let a: DemoSides;
let b: RetsSide;
beforeAll(async () => { [a, b] = await Promise.all([startSides(200, 5), startRetsSide({ listings: 200, seed: 5, dialect: 'b' })]); }, 120_000);
afterAll(async () => { await Promise.all([a?.close(), b?.close()]); });

const composed = (saved?: TranslationMapping) => composeMappings(retsPivot(a.metadata, 'Property', saved, 'Demo A'), retsPivot(b.metadata, 'Property', undefined, 'Demo B'));

function toB(query: string, cls = 'RES', mapping = composed()) {
  const targetClass = pairClass(a.metadata, 'Property', cls, b.metadata, 'Property')!;
  return dmqlToDmql(query, { source: buildSchema(a.metadata, 'Property', cls), target: b.metadata, targetResource: 'Property', targetClass, mapping, sourceName: 'Demo A', targetName: 'Demo B' });
}

describe('DMQL2 for MLS A -> DMQL2 for MLS B', () => {
  it('pairs each class with B\'s class of the same StandardName, told apart by visible name where two share it', () => {
    expect(['RES', 'CND', 'LND', 'COM', 'RNT', 'ALL'].map((c) => pairClass(a.metadata, 'Property', c, b.metadata, 'Property'))).toEqual(['SF', 'CO', 'LA', 'CI', 'RL', 'AP']);
    expect(pairClass(a.metadata, 'Property', 'NOPE', b.metadata, 'Property')).toBeUndefined();
  });

  it('writes B\'s field names and lookup codes, keeps ranges, dates and wildcards as written, and finds the same listings', async () => {
    const q = '(L_Status=|A,AC),(L_ListPrice=200000+),(L_Type_=SFD),~(L_Zip=606*)';
    const r = toB(q);
    expect(r.text).toBe('(LM_STATUS=|ACT,AUC),(LM_LIST_PRICE=200000+),(LM_TYPE=|DET),~(LM_ZIP=606*)');
    expect(r).toMatchObject({ resource: 'Property', className: 'SF', complete: true });
    expect(r.notes.find((n) => n.code === 'class')?.message).toBe('The class Property:RES on “Demo A” is Property:SF on “Demo B”.');
    const keys = await keysOf(a, 'RES', q, 'L_ListingKey');
    expect(keys.length).toBeGreaterThan(0);
    expect(await keysOf(b, 'SF', r.text, 'LM_LISTING_KEY')).toEqual(keys);
  });

  it('expands a wildcard on a lookup into A\'s matching codes, written as B\'s', async () => {
    const q = '(L_Status=A*),(LFD_BASEMENT=|F,W)';
    const r = toB(q, 'CND');
    expect(r.text).toBe('(LM_STATUS=|ACT,AUC),(LM_BASEMENT=|F,W)');
    expect(r.notes.find((n) => n.code === 'pattern-expanded')?.range).toEqual({ start: 10, end: 12 });
    expect(await keysOf(b, 'CO', r.text, 'LM_LISTING_KEY')).toEqual(await keysOf(a, 'CND', q, 'L_ListingKey'));
  });

  it('leaves out a field B has no counterpart for, and says so with the field\'s range', () => {
    const q = '(L_ListPrice=100000+),(LFD_SHOWING=|1)';
    const r = toB(q);
    expect(r.text).toBe('(LM_LIST_PRICE=100000+)');
    expect(r.complete).toBe(false);
    const err = r.notes.find((n) => n.severity === 'error')!;
    expect(err.code).toBe('unmapped-field');
    expect(q.slice(err.range!.start, err.range!.end)).toBe('LFD_SHOWING');
    expect(err.message).toContain('has no StandardName');
  });

  it('leaves out a lookup value B has no counterpart for, pointing at the code', () => {
    const mapping = composed();
    const status = mapping.fields.find((f) => f.source === 'L_Status')!;
    const { C: _gone, ...rest } = status.values!;
    const narrowed = { ...mapping, fields: mapping.fields.map((f) => (f === status ? { ...f, values: rest } : f)) };
    const q = '(L_Status=|A,C)';
    const r = toB(q, 'RES', narrowed);
    expect(r.text).toBe('');
    expect(r.complete).toBe(false);
    const err = r.notes.find((n) => n.severity === 'error')!;
    expect(err.code).toBe('unmapped-value');
    expect(q.slice(err.range!.start, err.range!.end)).toBe('C');
    expect(err.message).toContain('C (Canceled)');
  });

  it('takes a saved mapping\'s pairing before the StandardName', () => {
    const r = toB('(L_ListPrice=100000+)', 'RES', composed({ resource: 'Property', entitySet: 'Property', fields: [{ source: 'L_ListPrice', target: 'OriginalListPrice' }] }));
    expect(r.text).toBe('(LM_ORIGINAL_LIST_PRICE=100000+)');
  });

  it('reports a query that does not parse, with its range', () => {
    const r = toB('(L_ListPrice=');
    expect(r.complete).toBe(false);
    expect(r.notes[0].range).toBeDefined();
  });
});

describe('$filter for Web API A -> $filter for Web API B', () => {
  it('writes B\'s values (Lookup values -> enum members) and finds the same listings', async () => {
    const f = "StandardStatus eq 'Active Under Contract' and ListPrice ge 100000 or StandardStatus eq 'Pending'";
    const r = odataToOData(f, { source: a.property, target: a.propertyEnum, mapping: composeMappings(webApiPivot(a.property), webApiPivot(a.propertyEnum)) });
    expect(r.text).toBe("StandardStatus eq DemoMLS.Enums.StandardStatus'ActiveUnderContract' and ListPrice ge 100000 or StandardStatus eq DemoMLS.Enums.StandardStatus'Pending'");
    expect(r.complete).toBe(true);
    const keys = await webKeys(a, a.mls.webApi.serviceRoot, f);
    expect(keys.length).toBeGreaterThan(0);
    expect(await webKeys(a, a.mls.webApi.enumServiceRoot, r.text)).toEqual(keys);
  });

  it('keeps text a function reads as written, with a warning, where the property holds lookup values', () => {
    const f = "tolower(City) eq 'oak grove' and StandardStatus eq 'Pending'";
    const r = odataToOData(f, { source: a.property, target: a.propertyEnum, mapping: composeMappings(webApiPivot(a.property), webApiPivot(a.propertyEnum)) });
    expect(r.text).toBe("tolower(City) eq 'oak grove' and StandardStatus eq DemoMLS.Enums.StandardStatus'Pending'");
    expect(r.complete).toBe(true);
    expect(r.notes).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'text-of-lookup', range: { start: 0, end: 28 } }));
  });

  it('renames properties through a saved mapping, and leaves out a property B lacks with its range', () => {
    // On B, OriginalListPrice is what the standard calls ListPrice (a saved mapping says so), and B has no City.
    const b = webApiPivot(a.propertyEnum, { resource: 'Property', entitySet: 'Property', fields: [{ source: 'OriginalListPrice', target: 'ListPrice' }] });
    const mapping = composeMappings(webApiPivot(a.property), { ...b, fields: b.fields.filter((x) => x.source !== 'City') });
    const f = "ListPrice ge 100000 and contains(tolower(City), 'ville')";
    const r = odataToOData(f, { source: a.property, target: a.propertyEnum, mapping, targetName: 'Demo B' });
    expect(r.text).toBe('OriginalListPrice ge 100000');
    expect(r.complete).toBe(false);
    const err = r.notes.find((n) => n.severity === 'error')!;
    expect(f.slice(err.range!.start, err.range!.end)).toBe('City');
    expect(err.message).toContain('no counterpart on “Demo B”');
  });
});
