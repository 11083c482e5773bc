// Mapping proposals on the Demo MLS's real metadata: its RETS side against its Web API $metadata
// (every field with a StandardName maps, by that name), the same RETS metadata with its
// StandardNames blanked (each looser reason shows), a Data Dictionary file with synonyms, lookup
// values, coverage, and the pure helpers the grid, export, diff and translator use.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSavedMetadata } from '../../shared/metadata/load';
import {
  coverageOf, diffPairing, headerFor, mappedValue, mappingPairing, parseDataDictionary, proposeMapping, targetFromMetadata,
  DataDictionaryError, type FieldMapping, type MappingFile,
} from '../../shared/mapping/index';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { fetchDemoMetadata, type DemoMetadata } from '../metadata-diff/demo';

let saved: DemoMetadata;
beforeAll(async () => { saved = await fetchDemoMetadata(); }, 120_000);

const parse = (text: string): RetsMetadata => parseSavedMetadata(text).metadata;
const demoTarget = () => targetFromMetadata(parse(saved.webApi), 'Demo MLS (Web API)');
const entry = (m: MappingFile, resource: string, field: string): FieldMapping => {
  const f = m.fields.find((x) => x.resource === resource && x.field === field);
  if (!f) throw new Error(`no entry ${resource}.${field}`);
  return f;
};

describe('the Demo RETS metadata against its Web API', { timeout: 60_000 }, () => {
  it('every field with a StandardName maps to that name, saying so', () => {
    const rets = parse(saved.rets172);
    const m = proposeMapping(rets, demoTarget(), { sourceName: 'Demo MLS (RETS)', profileId: 'demo' });
    let withStandardName = 0;
    for (const r of rets.resources) {
      const seen = new Set<string>();
      for (const c of r.classes) for (const f of c.fields) {
        if (!f.standardName || seen.has(f.systemName)) continue;
        seen.add(f.systemName);
        withStandardName++;
        const e = entry(m, r.id, f.systemName);
        expect(e.target, `${r.id}.${f.systemName}`).toBe(f.standardName);
        expect(e.reason).toBe('standard-name');
        expect(e.confidence).toBe(1);
        expect(e.why).toBe(`The MLS's StandardName is ${f.standardName}.`);
      }
    }
    expect(withStandardName).toBeGreaterThan(150);
    // RETS "Agent" is the standard "Member": its fields land in the Web API's Member.
    expect(entry(m, 'Agent', m.fields.find((f) => f.resource === 'Agent' && f.target === 'MemberMlsId')!.field).targetResource).toBe('Member');
    expect(m.notes[0]).toMatch(/^No Data Dictionary file: proposals use the RETS StandardName/);
  });

  it('lookup values map from MLS code to the standard value', () => {
    const m = proposeMapping(parse(saved.rets172), demoTarget(), { sourceName: 'Demo MLS (RETS)' });
    const status = entry(m, 'Property', 'L_Status');
    expect(status.values?.find((v) => v.code === 'S')).toMatchObject({ longValue: 'Closed', target: 'Closed', reason: 'display-name' });
    expect(status.values?.find((v) => v.code === 'AC')).toMatchObject({ target: 'ActiveUnderContract', reason: 'display-name' });
    expect(mappedValue(m, 'L_Status', 'A', 'Property')).toBe('Active');
    expect(mappedValue(m, 'L_Status', 'nonsense', 'Property')).toBeUndefined();
  });

  it('coverage: the DD fields present, missing and the MLS extras', () => {
    const m = proposeMapping(parse(saved.rets172), demoTarget(), { sourceName: 'Demo MLS (RETS)' });
    const c = coverageOf(m);
    const property = c.resources.find((r) => r.resource === 'Property')!;
    expect(property.missing).toEqual([]);
    expect(property.present).toContain('ListPrice');
    // Township and the room fields have no StandardName and no Web API property.
    expect(c.extra).toContainEqual({ resource: 'Property', field: 'LIST_132' });
    expect(c.counts.present + c.counts.missing).toBe(c.counts.targetFields);
    expect(c.counts.extra + c.counts.proposed).toBe(c.counts.sourceFields);
  });
});

describe('without StandardNames: the looser reasons', { timeout: 60_000 }, () => {
  /** The Demo's RETS metadata with every StandardName blanked, as many MLSs send it. */
  function blanked(): RetsMetadata {
    const md = parse(saved.rets172);
    for (const r of md.resources) for (const c of r.classes) for (const f of c.fields) f.standardName = '';
    return md;
  }

  it('long names, known synonyms, similar words and lookup values find targets, each with its reason', () => {
    const m = proposeMapping(blanked(), demoTarget(), { sourceName: 'Demo, no StandardNames' });
    expect(entry(m, 'Property', 'L_ListPrice')).toMatchObject({ target: 'ListPrice', reason: 'long-name', why: 'The long name "List Price" spells ListPrice.' });
    expect(entry(m, 'Property', 'L_SoldPrice')).toMatchObject({ target: 'ClosePrice', reason: 'synonym', why: '"Sold Price" is a name MLSs often use for ClosePrice.' });
    expect(entry(m, 'Property', 'L_Zip')).toMatchObject({ target: 'PostalCode', reason: 'synonym' });
    expect(entry(m, 'Property', 'LIST_66')).toMatchObject({ target: 'BedroomsTotal', reason: 'synonym' });
    expect(entry(m, 'Property', 'L_Status')).toMatchObject({ target: 'StandardStatus', reason: 'synonym' });
    // The looser reasons are less sure than the StandardName.
    for (const f of m.fields) if (f.target) expect(f.confidence).toBeLessThan(1);
  });

  it('similar words and lookup values in common, where no name matches', () => {
    const md = blanked();
    for (const c of md.resources[0]!.classes) for (const f of c.fields) {
      if (f.systemName === 'LIST_90') { f.systemName = 'StoriesTotalCount'; f.longName = ''; }
      if (f.systemName === 'LFD_ROOF') { f.systemName = 'LFD_R1'; f.longName = 'Covering'; }
    }
    const m = proposeMapping(md, demoTarget(), { sourceName: 'edited' });
    expect(entry(m, 'Property', 'StoriesTotalCount')).toMatchObject({ target: 'StoriesTotal', reason: 'similar-name', why: 'The words of "StoriesTotalCount" are like StoriesTotal\'s (similarity 80%).', confidence: 0.66 });
    const roof = entry(m, 'Property', 'LFD_R1');
    expect(roof).toMatchObject({ target: 'Roof', reason: 'lookup-values' });
    expect(roof.why).toMatch(/^(\d+) of its \1 lookup values are values of Roof\.$/);
    expect(roof.values?.every((v) => v.target !== null)).toBe(true);
  });

  it('a RETS field named like the target maps by the same name', () => {
    const md = blanked();
    md.resources[0]!.classes[0]!.fields.push({ ...md.resources[0]!.classes[0]!.fields[0]!, systemName: 'YEARBUILT', longName: '' });
    const withoutYear = md;
    for (const c of withoutYear.resources[0]!.classes) c.fields = c.fields.filter((f) => f.systemName !== 'LIST_53');
    const m = proposeMapping(withoutYear, demoTarget(), { sourceName: 'edited' });
    expect(entry(m, 'Property', 'YEARBUILT')).toMatchObject({ target: 'YearBuilt', reason: 'same-name', confidence: 0.85 });
  });
});

describe('a Data Dictionary file as the target', () => {
  const report = JSON.stringify({
    description: 'RESO Data Dictionary Metadata Report', version: '2.0',
    fields: [
      { resourceName: 'Property', fieldName: 'ListPrice', type: 'Edm.Decimal', annotations: [{ term: 'RESO.OData.Metadata.StandardName', value: 'List Price' }] },
      { resourceName: 'Property', fieldName: 'LivingArea', type: 'Edm.Decimal', annotations: [{ term: 'RESO.OData.Metadata.StandardName', value: 'Living Area' }, { term: 'RESO.OData.Metadata.Synonyms', value: 'Approx Square Feet, Square Footage' }] },
      { resourceName: 'Property', fieldName: 'StandardStatus', type: 'org.reso.metadata.enums.StandardStatus', typeName: 'StandardStatus', annotations: [] },
      { resourceName: 'Property', fieldName: 'Township', type: 'Edm.String', annotations: [] },
    ],
    lookups: [
      { lookupName: 'org.reso.metadata.enums.StandardStatus', lookupValue: 'Active', type: 'Edm.Int32', annotations: [{ term: 'RESO.OData.Metadata.StandardName', value: 'Active' }] },
      { lookupName: 'org.reso.metadata.enums.StandardStatus', lookupValue: 'Closed', type: 'Edm.Int32', annotations: [{ term: 'RESO.OData.Metadata.StandardName', value: 'Closed' }, { term: 'RESO.OData.Metadata.Synonyms', value: 'Sold' }] },
    ],
  });

  it('its synonyms and names make proposals, and the notes say a dictionary was used', () => {
    const dd = parseDataDictionary(report, 'RESODataDictionary-2.0.metadata-report.json');
    expect(dd).toMatchObject({ kind: 'data-dictionary', version: '2.0', hasSynonyms: true });
    const md = parse(saved.rets172);
    for (const r of md.resources) for (const c of r.classes) for (const f of c.fields) if (f.systemName === 'LIST_48') f.standardName = '';
    const m = proposeMapping(md, dd, { sourceName: 'Demo' });
    expect(entry(m, 'Property', 'LIST_48')).toMatchObject({ target: 'LivingArea', reason: 'synonym', why: '"Approx Square Feet" is a Data Dictionary synonym of LivingArea.' });
    expect(entry(m, 'Property', 'LIST_132')).toMatchObject({ target: 'Township', reason: 'long-name' });
    expect(entry(m, 'Property', 'L_Status').values?.find((v) => v.code === 'S')).toMatchObject({ target: 'Closed' });
    expect(m.notes[0]).toMatch(/Data Dictionary file "RESODataDictionary-2.0.metadata-report.json" \(version 2.0\), with its synonyms/);
    expect(m.target.kind).toBe('data-dictionary');
  });

  it('an unusable file says what it is not', () => {
    expect(() => parseDataDictionary('{"fields": 3', 'x.json')).toThrow(DataDictionaryError);
    expect(() => parseDataDictionary('{"fields": 3', 'x.json')).toThrow('not valid JSON');
    expect(() => parseDataDictionary('{"fields": []}', 'x.json')).toThrow('lists no fields');
    expect(() => parseDataDictionary('PK\u0003\u0004 spreadsheet bytes', 'dd.xlsx')).toThrow(/^The file is not a Data Dictionary: neither the JSON metadata report, nor EDMX, nor the Data Dictionary workbook/);
  });

  it('the Web API $metadata works as a Data Dictionary file too (EDMX)', () => {
    const dd = parseDataDictionary(saved.webApi, 'dd.edmx');
    expect(dd.kind).toBe('data-dictionary');
    expect(dd.resources.find((r) => r.name === 'Property')?.fields.some((f) => f.name === 'ListPrice')).toBe(true);
  });
});

describe('a mapping in use', { timeout: 60_000 }, () => {
  it('headers, pairing both ways, and decisions kept when proposing again', () => {
    const m = proposeMapping(parse(saved.rets172), demoTarget(), { sourceName: 'Demo MLS (RETS)' });
    expect(headerFor(m, 'L_ListPrice', 'Property')).toBe('ListPrice');
    expect(headerFor(m, 'L_ListPrice')).toBe('ListPrice');
    expect(headerFor(m, 'LIST_132', 'Property')).toBe('LIST_132');
    expect(headerFor(undefined, 'L_ListPrice')).toBe('L_ListPrice');
    expect(headerFor(m, 'L_ListPrice', 'Property', { confirmedOnly: true })).toBe('L_ListPrice');
    const pairing = mappingPairing(m);
    expect(pairing.forward('Property', 'L_SoldPrice')).toMatchObject({ resource: 'Property', field: 'ClosePrice', reason: 'standard-name' });
    expect(pairing.reverse('Property', 'ClosePrice')).toMatchObject({ resource: 'Property', field: 'L_SoldPrice' });
    expect(diffPairing(m)('Property', { systemName: 'L_SoldPrice' })).toBe('ClosePrice');
    expect(diffPairing(m)('Property', { systemName: 'LIST_132' })).toBeUndefined();

    const decided: MappingFile = {
      ...m,
      fields: m.fields.map((f) => (f.field === 'L_ListPrice' ? { ...f, status: 'confirmed' as const }
        : f.field === 'L_SoldPrice' ? { ...f, status: 'rejected' as const }
          : f.field === 'LIST_132' ? { ...f, target: 'SubdivisionName', reason: 'user' as const, status: 'edited' as const } : f)),
    };
    expect(headerFor(decided, 'L_ListPrice', 'Property', { confirmedOnly: true })).toBe('ListPrice');
    expect(headerFor(decided, 'L_SoldPrice', 'Property')).toBe('L_SoldPrice');
    const again = proposeMapping(parse(saved.rets172), demoTarget(), { sourceName: 'Demo MLS (RETS)', previous: decided });
    expect(entry(again, 'Property', 'L_ListPrice').status).toBe('confirmed');
    expect(entry(again, 'Property', 'L_SoldPrice').status).toBe('rejected');
    expect(entry(again, 'Property', 'LIST_132')).toMatchObject({ target: 'SubdivisionName', status: 'edited', reason: 'user' });
    expect(coverageOf(again).counts).toMatchObject({ confirmed: 2, rejected: 1 });
  });
});
