// The translation rules one by one, on the Demo MLS's own metadata (read over HTTP): what each
// DMQL2 form becomes in $filter on the Lookup-resource root (OData 4.01) and the EnumType root
// (4.0), what comes back, and what is reported (with its range) instead of dropped. `has` on a
// flags enum, which the Demo does not publish, uses a small model written here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, type DmqlSchema } from '../../shared/dmql';
import { buildFilterSchema, type FilterSchema } from '../../shared/odata/filter/index';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { deriveMapping, dmqlToOData, odataToDmql, readMapping, type TranslationMapping } from '../../shared/translate/index';
import { type DemoSides, startSides } from './demoSides';

let sides: DemoSides;
let res: DmqlSchema;
let lookupMapping: TranslationMapping;
let enumMapping: TranslationMapping;
beforeAll(async () => {
  sides = await startSides(50, 9);
  res = buildSchema(sides.metadata, 'Property', 'RES');
  lookupMapping = deriveMapping(sides.metadata, 'Property', sides.property);
  enumMapping = deriveMapping(sides.metadata, 'Property', sides.propertyEnum);
}, 120_000);
afterAll(async () => { await sides?.close(); });

const toOData = (q: string, enumRoot = false, now?: Date) => dmqlToOData(q, { source: res, target: enumRoot ? sides.propertyEnum : sides.property, mapping: enumRoot ? enumMapping : lookupMapping, ...(now ? { now } : {}) });
const body = (q: string, enumRoot = false) => toOData(q, enumRoot).text.replace(/^PropertyType eq 'RES' and /, '');
const errorsOf = (q: string) => toOData(q).notes.filter((n) => n.severity === 'error').map((n) => [n.code, q.slice(n.range!.start, n.range!.end)]);

describe('DMQL2 -> $filter', () => {
  it('writes ranges, lists and lookups', () => {
    expect(body('(L_ListPrice=100000-200000)')).toBe('ListPrice ge 100000 and ListPrice le 200000');
    expect(body('(L_ListPrice=500000+)|(L_ListPrice=90000-)')).toBe('(ListPrice ge 500000 or ListPrice le 90000)');
    expect(body('(L_Status=|A,P)')).toBe("StandardStatus in ('Active', 'Pending')");
    expect(body('(L_Status=A,P)')).toBe("StandardStatus in ('Active', 'Pending')");
    expect(body('(L_Status=|A,P)', true)).toBe("(StandardStatus eq DemoMLS.Enums.StandardStatus'Active' or StandardStatus eq DemoMLS.Enums.StandardStatus'Pending')");
    // None-of and NOT are false on an empty field in DMQL2: the filter asks for a value.
    expect(body('(L_Status=~A,P)')).toBe("StandardStatus ne null and not (StandardStatus in ('Active', 'Pending'))");
    expect(body('~(L_ListPrice=100000-)')).toBe('not (ListPrice le 100000)');
    expect(body('(LIST_66=.EMPTY.),(L_ListAgent1=.ANY.)')).toBe('BedroomsTotal eq null and ListAgentKey ne null');
  });

  it('writes multi-value lookups as lambdas, any-of, all-of and none-of', () => {
    const multi = res.fields.find((f) => f.multi && f.standardName && f.lookup)!;
    const [a, b] = multi.lookup!.values;
    const target = sides.property.root.byName.get(multi.standardName)!;
    expect(target.collection).toBe(true);
    const lit = (code: string) => `'${lookupMapping.fields.find((f) => f.source === multi.systemName)!.values![code]}'`;
    const n = multi.standardName;
    expect(body(`(${multi.systemName}=|${a.value},${b.value})`)).toBe(`${n}/any(x: x in (${lit(a.value)}, ${lit(b.value)}))`);
    expect(body(`(${multi.systemName}=+${a.value},${b.value})`)).toBe(`${n}/any(x: x eq ${lit(a.value)}) and ${n}/any(x: x eq ${lit(b.value)})`);
    expect(body(`(${multi.systemName}=~${a.value})`)).toBe(`${n}/any() and not (${n}/any(x: x eq ${lit(a.value)}))`);
    expect(body(`(${multi.systemName}=.EMPTY.)`)).toBe(`not ${n}/any()`);
  });

  it('compares text without case, with tolower(), and says so', () => {
    const r = toOData('(L_AddressStreet=Oak),(L_City=*),(LA1_UserFullName=Ann*),(L_Address=*Main),(LO1_OrganizationName=*Realty*)');
    expect(r.text).toBe("PropertyType eq 'RES' and tolower(StreetName) eq 'oak' and City ne null and startswith(tolower(ListAgentFullName), 'ann') and endswith(tolower(UnparsedAddress), 'main') and contains(tolower(ListOfficeName), 'realty')");
    expect(r.notes.find((n) => n.code === 'case-insensitive')?.message).toMatch(/case-sensitive, so text is compared as tolower\(Field\)/);
    expect(body('(L_Zip=60614)')).toBe("PostalCode eq '60614'");
    expect(body('(L_AddressStreet="Elm Street")')).toBe("tolower(StreetName) eq 'elm street'");
    expect(body('(L_AddressStreet=Oa*k)')).toBe("startswith(tolower(StreetName), 'oa') and endswith(tolower(StreetName), 'k') and length(StreetName) ge 3");
  });

  it('writes dates, TODAY and NOW as literals when given a clock, else as now()', () => {
    expect(body('(L_ListDate=2024-01-01-2024-06-30)')).toBe('ListingContractDate ge 2024-01-01 and ListingContractDate le 2024-06-30');
    expect(body('(L_ListDate=TODAY-),(L_UpdateDate=NOW-)')).toBe('ListingContractDate le date(now()) and ModificationTimestamp le now()');
    expect(body('(L_UpdateDate=2024-03-01+)')).toBe('date(ModificationTimestamp) ge 2024-03-01');
    const at = new Date('2026-12-07T04:00:00Z');
    expect(toOData('(L_ListDate=TODAY-),(L_UpdateDate=NOW-)', false, at).text).toBe("PropertyType eq 'RES' and ListingContractDate le 2026-12-07 and ModificationTimestamp le 2026-12-07T04:00:00Z");
    const r = toOData('(L_UpdateDate=2024-03-01T10:00:00+)');
    expect(r.text).toBe("PropertyType eq 'RES' and ModificationTimestamp ge 2024-03-01T10:00:00Z");
    expect(r.notes.find((n) => n.code === 'zone')?.range).toEqual({ start: 14, end: 33 });
  });

  it('reports what it cannot express, with its range, and leaves it out', () => {
    expect(errorsOf('(L_ListPrice=1+),(ROOM_KIT_LVL=|M)')).toEqual([['unmapped-field', '(ROOM_KIT_LVL=|M)']]);
    expect(toOData('(L_ListPrice=1+),(ROOM_KIT_LVL=|M)')).toMatchObject({ complete: false, text: "PropertyType eq 'RES' and ListPrice ge 1" });
    expect(errorsOf('(L_AddressStreet=O?k)')).toEqual([['wildcard-one', '(L_AddressStreet=O?k)']]);
    expect(errorsOf('(L_AddressStreet=*a*b*)')).toEqual([['wildcard-order', '(L_AddressStreet=*a*b*)']]);
    // ListAgentKey is text on the Web API side: a numeric range has no meaning there.
    expect(errorsOf('(L_ListAgent1=9000+)')).toEqual([['type-mismatch', '(L_ListAgent1=9000+)']]);
    expect(errorsOf('(Nope=1)')).toEqual([['unknown-field', '(Nope=1)']]);
    expect(toOData('(L_ListPrice=1+').notes[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/^The DMQL2 query does not parse/) });
  });

  it('writes `has` for a flags enum', () => {
    const md: RetsMetadata = { resources: [{ id: 'Property', standardName: '', visibleName: '', description: '', keyField: 'K', raw: {}, objects: [], searchHelps: [], editMasks: [],
      lookups: [{ name: 'VIEW', visibleName: 'View', raw: {}, values: [{ value: 'MTN', shortValue: '', longValue: 'Mountain', raw: {} }, { value: 'LK', shortValue: '', longValue: 'Lake', raw: {} }] }],
      classes: [{ name: 'RES', standardName: '', visibleName: '', description: '', updates: [], raw: {}, fields: [
        { systemName: 'V', standardName: 'View', longName: 'View', dbName: '', shortName: '', dataType: 'Character', interpretation: 'LookupBitmask', lookupName: 'VIEW', searchable: true, units: '', required: false, editMaskId: '', searchHelpId: '', raw: {} },
      ] }] }], tables: [], warnings: [] };
    const target: FilterSchema = buildFilterSchema({ version: '4.0', entitySets: [{ name: 'Property', entityType: 'NS.Property' }],
      entityTypes: [{ name: 'NS.Property', properties: [{ name: 'View', type: 'NS.View' }] }],
      enumTypes: [{ name: 'NS.View', isFlags: true, members: [{ name: 'Mountain', value: 1 }, { name: 'Lake', value: 2 }] }] }, 'Property');
    const mapping = deriveMapping(md, 'Property', target);
    expect(mapping.fields).toEqual([{ source: 'V', target: 'View', values: { MTN: 'Mountain', LK: 'Lake' } }]);
    expect(dmqlToOData('(V=+MTN,LK)', { source: buildSchema(md, 'Property', 'RES'), target, mapping }).text).toBe("View has NS.View'Mountain' and View has NS.View'Lake'");
    expect(odataToDmql("View has NS.View'Mountain,Lake'", { source: target, metadata: md, mapping }).text).toBe('(V=+MTN,LK)');
  });
});

describe('$filter -> DMQL2', () => {
  const back = (f: string, enumRoot = false) => odataToDmql(f, { source: enumRoot ? sides.propertyEnum : sides.property, metadata: sides.metadata, mapping: enumRoot ? enumMapping : lookupMapping });

  it('takes the class from PropertyType and writes comparisons, lookups and functions', () => {
    expect(back("PropertyType eq 'LND' and ListPrice gt 100000 and LotSizeAcres lt 2.5")).toMatchObject({ className: 'LND', complete: true, text: '(L_ListPrice=100001+),(LIST_57=.ANY.),~(LIST_57=2.5+)' });
    expect(back("PropertyType eq 'RES' and StandardStatus in ('Active', 'Pending') and startswith(tolower(City), 'oak')").text).toBe('(L_Status=|A,P),(L_City=oak*)');
    expect(back("PropertyType eq 'RES' and StandardStatus eq DemoMLS.Enums.StandardStatus'Closed'", true).text).toBe('(L_Status=|S)');
    expect(back("PropertyType eq 'RES' and (BedroomsTotal eq null or not (ListingContractDate ge 2024-01-01))").text).toBe('(LIST_66=.EMPTY.)|~(L_ListDate=2024-01-01+)');
    expect(back("PropertyType eq 'RES'").text).toBe('(L_ListingKey=.ANY.)');
  });

  it('warns where OData compared with case, and reports what DMQL2 cannot say', () => {
    const r = back("PropertyType eq 'RES' and StreetName eq 'Oak'");
    expect(r.text).toBe('(L_AddressStreet=Oak)');
    expect(r.notes.find((n) => n.code === 'case-insensitive')).toMatchObject({ severity: 'warning', range: { start: 40, end: 45 } });
    const partial = back("PropertyType eq 'RES' and ListPrice add 5 gt 10 and Media/any()");
    expect(partial.complete).toBe(false);
    expect(partial.notes.filter((n) => n.severity === 'error').map((n) => n.code)).toEqual(['unsupported', 'unmapped-field']);
    expect(back("ListPrice gt 5")).toMatchObject({ complete: false, notes: [{ code: 'no-class', message: expect.stringMatching(/Add PropertyType eq '…' \(one of RES, CND, LND, COM, RNT, ALL\)/) }] });
  });

  it('reads a mapping file and refuses a malformed one by path', () => {
    expect(readMapping({ resource: 'Property', entitySet: 'Property', fields: [{ source: 'L_ListPrice', target: 'ListPrice' }] }).fields).toHaveLength(1);
    expect(() => readMapping({ resource: 'Property', entitySet: 'Property', fields: [{ source: 'L_ListPrice' }] })).toThrow(/^not a translation mapping: fields\.0\.target: /);
  });
});
