import { describe, expect, it } from 'vitest';
import { csdlToMetadata, lookupsFromRows, parseCsdl, withLookupRows } from '../../shared/odata/csdl/index';
import { findClass, findResource, isLookupField, isMultiLookupField } from '../../shared/rets/metadata/model';
import { ODataParseError } from '../../shared/odata/parseError';
import { bigCsdl, LOOKUP_ROWS_JSON, RESO_CSDL, RESO_CSDL_JSON } from './fixtures';

describe('CSDL XML', () => {
  const doc = parseCsdl(RESO_CSDL);

  it('reads schemas with namespaces, aliases and references', () => {
    expect(doc.version).toBe('4.0');
    expect(doc.format).toBe('xml');
    expect(doc.schemas.map((s) => [s.namespace, s.alias])).toEqual([['org.reso.metadata', 'RESO'], ['org.reso.metadata.enums', 'Enums']]);
    expect(doc.references).toEqual([{ uri: expect.stringContaining('Org.OData.Core.V1'), includes: [{ namespace: 'Org.OData.Core.V1', alias: 'Core' }] }]);
  });

  it('reads entity types with key, property facets and navigation properties', () => {
    const p = doc.schemas[0]!.entityTypes.find((t) => t.name === 'Property')!;
    expect(p.fullName).toBe('org.reso.metadata.Property');
    expect(p.key).toEqual(['ListingKey']);
    const prop = (n: string) => p.properties.find((x) => x.name === n)!;
    expect(prop('ListingKey')).toMatchObject({ type: 'Edm.String', maxLength: 255, nullable: false, collection: false });
    expect(prop('ListPrice')).toMatchObject({ precision: 14, scale: 2 });
    expect(prop('Latitude').scale).toBe('variable');
    expect(prop('PublicRemarks').maxLength).toBe('max');
    expect(prop('BedroomsTotal').defaultValue).toBe('0');
    expect(prop('AccessibilityFeatures')).toMatchObject({ collection: true, elementType: 'Edm.String', nullable: false, maxLength: 50 });
    expect(prop('Appliances')).toMatchObject({ collection: true, elementType: 'Enums.Appliances' });
    expect(p.navigationProperties.map((n) => [n.name, n.elementType, n.collection, n.partner, n.containsTarget])).toEqual([
      ['Media', 'org.reso.metadata.Media', true, undefined, false],
      ['ListAgent', 'org.reso.metadata.Member', false, 'Listings', false],
    ]);
    expect(p.navigationProperties[1]!.referentialConstraints).toEqual([{ property: 'ListAgentKey', referencedProperty: 'MemberKey' }]);
    expect(doc.schemas[0]!.complexTypes.map((c) => c.name)).toEqual(['Address']);
    expect(doc.schemas[0]!.other).toEqual([{ kind: 'Function', name: 'Ping', attributes: { Name: 'Ping' }, annotations: [], raw: '<Parameter Name="Echo" Type="Edm.String"/><ReturnType Type="Edm.String"/>' }]);
  });

  it('reads inline annotations (attribute and element forms, entities decoded) and applies Annotations blocks', () => {
    const p = doc.schemas[0]!.entityTypes[0]!;
    const price = p.properties.find((x) => x.name === 'ListPrice')!;
    expect(price.annotations).toEqual([
      { term: 'RESO.OData.Metadata.DisplayName', value: 'List Price', valueKind: 'String' },
      { term: 'Core.Description', value: "The current price of the property as determined by the seller & the seller's broker.", valueKind: 'String', raw: expect.stringContaining('<String>') },
    ]);
    const id = p.properties.find((x) => x.name === 'ListingId')!;
    expect(id.annotations[0]).toMatchObject({ term: 'RESO.OData.Metadata.DisplayName', value: 'MLS #', target: 'RESO.Property/ListingId' });
    expect(id.annotations[1]).toMatchObject({ term: 'Vendor.Hint', qualifier: 'Phone', raw: '<Record><PropertyValue Property="Width" Int="12"/></Record>' });
    expect(doc.warnings).toEqual([expect.stringContaining('org.reso.metadata.Nowhere/Field')]);
  });

  it('reads enum types with members, values, flags and underlying type', () => {
    const [status, appliances] = doc.schemas[1]!.enumTypes;
    expect(status!.members.map((m) => [m.name, m.value])).toEqual([['Active', '0'], ['ActiveUnderContract', '1'], ['Closed', '2']]);
    expect(status!.underlyingType).toBe('Edm.Int32');
    expect(appliances).toMatchObject({ isFlags: true, underlyingType: 'Edm.Int64' });
  });

  it('reads the container: entity sets with bindings, other elements kept', () => {
    const c = doc.schemas[0]!.entityContainer!;
    expect(c.fullName).toBe('org.reso.metadata.Default');
    expect(c.entitySets.map((e) => e.name)).toEqual(['Property', 'Member', 'Media', 'Lookup']);
    expect(c.entitySets[0]!.navigationBindings).toEqual([{ path: 'Media', target: 'Media' }, { path: 'ListAgent', target: 'Member' }]);
    expect(c.other).toEqual([expect.objectContaining({ kind: 'FunctionImport', name: 'Ping' })]);
  });

  it('reads bytes as received, charset from the declaration or UTF-8', () => {
    const fromBytes = parseCsdl(new TextEncoder().encode(RESO_CSDL), { contentType: 'application/xml' });
    expect(fromBytes.schemas[0]!.entityTypes[0]!.properties.find((p) => p.name === 'ListPrice')!.annotations[1]!.value).toContain('seller & the');
  });

  it('rejects what is not CSDL with a typed error', () => {
    expect(() => parseCsdl('<html><body>Service unavailable</body></html>')).toThrow(ODataParseError);
    expect(() => parseCsdl('Bad gateway')).toThrow(ODataParseError);
    expect(() => parseCsdl('{"error":{"code":"x"}}')).toThrow(expect.objectContaining({ kind: 'not-csdl' }));
    expect(() => parseCsdl(RESO_CSDL.slice(0, 2000))).toThrow(expect.objectContaining({ kind: 'truncated' }));
  });
});

describe('CSDL onto the neutral metadata model', () => {
  const md = csdlToMetadata(parseCsdl(RESO_CSDL), { lookupRows: lookupsFromRows((JSON.parse(LOOKUP_ROWS_JSON) as { value: Record<string, unknown>[] }).value) });
  const property = findResource(md, 'Property')!;
  const fields = findClass(property, 'Property')!.fields;
  const field = (n: string) => fields.find((f) => f.systemName === n)!;

  it('makes each entity set a resource with one class of the same name, keys reported', () => {
    expect(md.resources.map((r) => [r.id, r.classes.map((c) => c.name)])).toEqual([
      ['Property', ['Property']], ['Member', ['Member']], ['Media', ['Media']], ['Lookup', ['Lookup']],
    ]);
    expect(property.keyField).toBe('ListingKey');
    expect(property.odata).toMatchObject({ entitySet: 'Property', entityType: 'org.reso.metadata.Property', key: ['ListingKey'], idField: 'ListingId' });
    expect(findResource(md, 'Member')!.odata!.idField).toBe('MemberMlsId');
    expect(property.odata!.navigation).toEqual([
      { name: 'Media', type: 'org.reso.metadata.Media', collection: true, partner: undefined, containsTarget: false, targetSet: 'Media' },
      { name: 'ListAgent', type: 'org.reso.metadata.Member', collection: false, partner: 'Listings', containsTarget: false, targetSet: 'Member' },
    ]);
    expect(md.odata).toMatchObject({ version: '4.0', container: 'org.reso.metadata.Default', lookupStyle: 'mixed', unresolvedLookups: [] });
  });

  it('maps properties to fields: data types, lengths, names from annotations', () => {
    expect(field('ListingKey')).toMatchObject({ dataType: 'Character', maximumLength: 255, standardName: 'ListingKey', longName: 'ListingKey', odata: { key: true, nullable: false } });
    expect(field('ListingId').longName).toBe('MLS #');
    expect(field('ListPrice')).toMatchObject({ dataType: 'Decimal', precision: 2, longName: 'List Price', odata: { precision: 14, scale: 2 } });
    expect(field('ListPrice').raw.Description).toContain('seller & the');
    expect(field('StandardStatus').standardName).toBe('Standard Status');
    expect(['BedroomsTotal', 'ModificationTimestamp', 'ListingContractDate', 'WaterfrontYN', 'VendorThing'].map((n) => field(n).dataType))
      .toEqual(['Int', 'DateTime', 'Date', 'Boolean', 'Vendor.Widget']);
  });

  it('maps both lookup styles: enum types and Lookup-resource strings', () => {
    expect(field('StandardStatus')).toMatchObject({ interpretation: 'Lookup', lookupName: 'StandardStatus', odata: { lookupStyle: 'enum', enumType: 'org.reso.metadata.enums.StandardStatus' } });
    expect(isMultiLookupField(field('Appliances'))).toBe(true);
    expect(field('Appliances').lookupName).toBe('Appliances');
    expect(field('MlsStatus')).toMatchObject({ interpretation: 'Lookup', lookupName: 'MlsStatus', odata: { lookupStyle: 'lookup-resource' } });
    expect(field('AccessibilityFeatures').interpretation).toBe('LookupMulti');
    expect(isLookupField(field('ListPrice'))).toBe(false);
    const lk = (n: string) => property.lookups.find((l) => l.name === n)!;
    expect(lk('StandardStatus').values.map((v) => [v.value, v.longValue, v.shortValue])).toEqual([
      ['Active', 'Active', '0'], ['ActiveUnderContract', 'Active Under Contract', '1'], ['Closed', 'Sold', '2'],
    ]);
    expect(lk('MlsStatus').values.map((v) => [v.value, v.longValue, v.shortValue, v.odata?.legacyODataValue])).toEqual([
      ['Active', 'Active', 'Active', 'Active'], ['Back On Market', 'Back On Market', 'Active', ''],
    ]);
    expect(property.lookups.map((l) => l.name).sort()).toEqual(['AccessibilityFeatures', 'Appliances', 'MlsStatus', 'StandardStatus']);
  });

  it('lists string lookups without rows as unresolved until the Lookup rows are added', () => {
    const bare = csdlToMetadata(parseCsdl(RESO_CSDL));
    expect(bare.odata!.unresolvedLookups.sort()).toEqual(['AccessibilityFeatures', 'MlsStatus']);
    const later = withLookupRows(bare, lookupsFromRows((JSON.parse(LOOKUP_ROWS_JSON) as { value: Record<string, unknown>[] }).value));
    expect(later.odata!.unresolvedLookups).toEqual([]);
    expect(findResource(later, 'Property')!.lookups.find((l) => l.name === 'AccessibilityFeatures')!.values[0]!.value).toBe('Accessible Approach with Ramp');
  });
});

describe('CSDL JSON', () => {
  it('reads the same shapes as the XML form', () => {
    const doc = parseCsdl(`\n ${RESO_CSDL_JSON}`);
    expect(doc.format).toBe('json');
    const md = csdlToMetadata(doc);
    const p = findResource(md, 'Property')!;
    expect(p.odata!.key).toEqual(['ListingKey']);
    const f = (n: string) => p.classes[0]!.fields.find((x) => x.systemName === n)!;
    expect(f('ListingKey')).toMatchObject({ dataType: 'Character', maximumLength: 255, odata: { nullable: false }, raw: { Description: 'The key' } });
    expect(f('ListingId')).toMatchObject({ longName: 'MLS #', odata: { nullable: true } });
    expect(f('ListPrice')).toMatchObject({ dataType: 'Decimal', precision: 2, raw: { Description: 'The price' } });
    expect(f('StandardStatus')).toMatchObject({ interpretation: 'Lookup', lookupName: 'StandardStatus' });
    expect(f('AccessibilityFeatures').interpretation).toBe('LookupMulti');
    expect(p.lookups[0]!.values.map((v) => [v.value, v.longValue, v.shortValue])).toEqual([['Active', 'Active', '0'], ['ActiveUnderContract', 'Active Under Contract', '1']]);
    expect(p.odata!.navigation[0]).toMatchObject({ name: 'Media', collection: true, targetSet: 'Media' });
  });
});

describe('a CSDL the size of the Data Dictionary 2.0 reference', () => {
  it('maps 1,700 fields and 4,000 enum values', () => {
    const md = csdlToMetadata(parseCsdl(bigCsdl(1700, 4000)));
    expect(md.resources).toHaveLength(20);
    expect(md.resources.reduce((n, r) => n + r.classes[0]!.fields.length, 0)).toBe(1700);
    const values = new Set<string>();
    for (const r of md.resources) for (const l of r.lookups) for (const v of l.values) values.add(v.value);
    expect(values.size).toBe(4000);
    expect(md.resources[0]!.classes[0]!.fields[1]!.standardName).toBe('Field & 0');
  });
});

describe('Lookup resource rows read as a payload', () => {
  it('builds lookups from the payload parser batches, as they come from /Lookup', async () => {
    const { createODataPayloadParser } = await import('../../shared/odata/payload/index');
    const p = createODataPayloadParser();
    const bytes = new TextEncoder().encode(LOOKUP_ROWS_JSON);
    const events = [...p.push(bytes.subarray(0, 150)), ...p.push(bytes.subarray(150)), ...p.end()];
    const lookups = lookupsFromRows(events.flatMap((e) => (e.kind === 'rows' ? [e.batch] : [])));
    expect([...lookups.keys()]).toEqual(['MlsStatus', 'AccessibilityFeatures']);
    expect(lookups.get('MlsStatus')!.values.map((v) => [v.value, v.shortValue, v.odata?.memberValue, v.raw.ModificationTimestamp])).toEqual([
      ['Active', 'Active', 'L1', '2024-01-02T03:04:05Z'], ['Back On Market', 'Active', 'L2', '2024-01-02T03:04:05Z'],
    ]);
    const md = csdlToMetadata(parseCsdl(RESO_CSDL), { lookupRows: lookups });
    expect(md.odata!.unresolvedLookups).toEqual([]);
  });
});

describe('vendor quirks', () => {
  it('reads an MLS Grid-style $metadata: container in its own schema, undeclared types skipped with a warning', async () => {
    const { VENDOR_QUIRKS_CSDL } = await import('./fixtures');
    const md = csdlToMetadata(parseCsdl(VENDOR_QUIRKS_CSDL));
    expect(md.resources.map((r) => r.id)).toEqual(['PropertyResi']);
    expect(md.warnings).toEqual([expect.stringContaining('DataSystem')]);
    expect(md.odata!.container).toBe('Default.Container');
    const r = md.resources[0]!;
    expect(r.standardName).toBe('Property');
    expect(r.keyField).toBe('ListingKey');
    const f = (n: string) => r.classes[0]!.fields.find((x) => x.systemName === n)!;
    expect(f('Roof')).toMatchObject({ interpretation: 'LookupMulti', lookupName: 'Roof', odata: { enumType: 'Enums.Roof' } });
    expect(f('BedroomsTotal').dataType).toBe('Tiny');
    expect(f('CloseDate')).toMatchObject({ dataType: 'Date', maximumLength: 10 });
    expect(f('MlgModificationTimestamp').odata!.annotations).toEqual([{ term: '' }]);
    expect(r.lookups.find((l) => l.name === 'Roof')!.values.map((v) => [v.value, v.longValue, v.shortValue])).toEqual([
      ['AsphaltGlassRolled', 'Asphalt/Glass (Rolled)', '1'], ['Metal', 'Metal', '64'],
    ]);
    expect(r.lookups.find((l) => l.name === 'ImageSizeDescription')!.values[0]!.value).toBe('1440x1080');
  });
});
