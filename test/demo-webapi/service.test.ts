// The service document and $metadata over real HTTP: the CSDL parses with the shared reader, every
// entity set has its key, string lookups resolve through the Lookup entity set, the EnumType root
// declares its enums in the vendor namespace, and the JSON form says the same as the XML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { csdlToFilterInput, lookupsFromRows, parseCsdl, type CsdlDocument, type LookupRow } from '../../shared/odata/csdl';
import { buildFilterModel } from '../../shared/odata/filter';
import { allPages, bearer, clientToken, request } from './helpers';

let mls: DemoMls;
let token: string;
beforeAll(async () => {
  mls = await startDemoMls({ listings: 200, seed: 4 });
  token = await clientToken(mls);
});
afterAll(async () => { await mls.close(); });

const SETS = ['Property', 'Member', 'Office', 'OpenHouse', 'Media', 'Lookup'];
const KEYS: Record<string, string> = { Property: 'ListingKey', Member: 'MemberKey', Office: 'OfficeKey', OpenHouse: 'OpenHouseKey', Media: 'MediaKey', Lookup: 'LookupKey' };

async function metadata(root: string, accept = 'application/xml'): Promise<{ doc: CsdlDocument; contentType: string }> {
  const r = await request(`${root}/$metadata`, bearer(token, { Accept: accept }));
  expect(r.status).toBe(200);
  return { doc: parseCsdl(r.text, { contentType: r.headers.get('content-type') ?? '' }), contentType: r.headers.get('content-type') ?? '' };
}

function entityTypes(doc: CsdlDocument) {
  return new Map(doc.schemas.flatMap((s) => s.entityTypes).map((t) => [t.fullName, t]));
}

describe('service document and $metadata', () => {
  it('lists the entity sets in the service document', async () => {
    const r = await request(`${mls.webApi.serviceRoot}/`, bearer(token));
    expect(r.status).toBe(200);
    expect(r.headers.get('odata-version')).toBe('4.01');
    expect(r.body['@odata.context']).toBe(`${mls.webApi.serviceRoot}/$metadata`);
    expect((r.body.value as { name: string; kind: string; url: string }[]).map((e) => [e.name, e.kind, e.url])).toEqual(SETS.map((s) => [s, 'EntitySet', s]));
  });

  it('answers $metadata as CSDL XML that parses, and every entity set has its key', async () => {
    const { doc, contentType } = await metadata(mls.webApi.serviceRoot);
    expect(contentType).toMatch(/^application\/xml/);
    expect(doc.format).toBe('xml');
    expect(doc.version).toBe('4.01');
    const types = entityTypes(doc);
    const sets = doc.schemas.flatMap((s) => s.entityContainer?.entitySets ?? []);
    expect(sets.map((s) => s.name)).toEqual(SETS);
    for (const set of sets) {
      const type = types.get(set.entityType)!;
      expect(type.key, set.name).toEqual([KEYS[set.name]]);
      const key = type.properties.find((p) => p.name === KEYS[set.name])!;
      expect(key.type).toBe('Edm.String');
      expect(key.nullable).toBe(false);
    }
    const property = types.get('org.reso.metadata.Property')!;
    expect(property.navigationProperties.map((n) => [n.name, n.type])).toEqual([['Media', 'Collection(org.reso.metadata.Media)']]);
    expect(sets[0].navigationBindings).toEqual([{ path: 'Media', target: 'Media' }]);
    const byName = new Map(property.properties.map((p) => [p.name, p]));
    expect(byName.get('ListPrice')!.type).toBe('Edm.Int32');
    expect(byName.get('ModificationTimestamp')!.type).toBe('Edm.DateTimeOffset');
    expect(byName.get('ListingContractDate')!.type).toBe('Edm.Date');
    expect(byName.get('Latitude')).toMatchObject({ type: 'Edm.Decimal', scale: 6 });
    expect(byName.get('InteriorFeatures')!.type).toBe('Collection(Edm.String)');
    expect(byName.get('StandardStatus')!.annotations).toContainEqual(expect.objectContaining({ term: 'RESO.OData.Metadata.LookupName', value: 'StandardStatus' }));
    // Vendor-only RETS fields (no StandardName) are not published.
    expect(byName.has('LIST_132')).toBe(false);
  });

  it('has a Lookup row for every value of every LookupName the metadata names', async () => {
    const { doc } = await metadata(mls.webApi.serviceRoot);
    const { rows } = await allPages(`${mls.webApi.serviceRoot}/Lookup`, bearer(token));
    const lookups = lookupsFromRows(rows as LookupRow[]);
    expect(lookups.get('StandardStatus')!.values.map((v) => v.value)).toEqual(['Active', 'Active Under Contract', 'Pending', 'Closed', 'Expired', 'Withdrawn', 'Temporarily Off Market', 'Canceled']);
    const model = buildFilterModel(csdlToFilterInput(doc, lookups));
    const fields = [...model.types.values()].flatMap((t) => t.fields);
    expect(fields.filter((f) => f.missingLookup)).toEqual([]);
    expect(fields.filter((f) => f.lookup).length).toBeGreaterThan(30);
  });

  it('declares EnumTypes in a vendor namespace on the second root, OData 4.0', async () => {
    const { doc } = await metadata(mls.webApi.enumServiceRoot);
    expect(doc.version).toBe('4.0');
    const enums = doc.schemas.find((s) => s.namespace === 'DemoMLS.Enums')!.enumTypes;
    const status = enums.find((e) => e.name === 'StandardStatus')!;
    expect(status.members.map((m) => m.name)).toEqual(['Active', 'ActiveUnderContract', 'Pending', 'Closed', 'Expired', 'Withdrawn', 'TemporarilyOffMarket', 'Canceled']);
    const property = entityTypes(doc).get('org.reso.metadata.Property')!;
    const byName = new Map(property.properties.map((p) => [p.name, p]));
    expect(byName.get('StandardStatus')!.type).toBe('DemoMLS.Enums.StandardStatus');
    expect(byName.get('Appliances')!.type).toBe('Collection(DemoMLS.Enums.Appliances)');
    const model = buildFilterModel(csdlToFilterInput(doc));
    expect(model.types.get('org.reso.metadata.Property')!.byName.get('Appliances')!.enumType?.name).toBe('DemoMLS.Enums.Appliances');
  });

  it('says the same in CSDL JSON ($format=json) as in XML', async () => {
    for (const root of [mls.webApi.serviceRoot, mls.webApi.enumServiceRoot]) {
      const xml = (await metadata(root)).doc;
      const r = await request(`${root}/$metadata?$format=json`, bearer(token));
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      const json = parseCsdl(r.text);
      expect(json.format).toBe('json');
      const shape = (d: CsdlDocument) => [...entityTypes(d).values()].map((t) => [t.fullName, t.key, t.properties.map((p) => [p.name, p.type, p.nullable ?? true, p.maxLength])]);
      expect(shape(json)).toEqual(shape(xml));
      expect(csdlToFilterInput(json).enumTypes).toEqual(csdlToFilterInput(xml).enumTypes);
    }
  });
});
