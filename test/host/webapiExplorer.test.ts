// What the explorer shows of a RESO Web API, from the host: the Demo MLS's $metadata over real
// HTTP with the CSDL facts kept (key, Edm types, MaxLength, nullability, annotations, navigation
// properties), the Lookup resource's values read only when a LookupName is asked for and equal to
// the server's own rows, and a saved $metadata (XML and JSON CSDL) opened offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../shared/contract';
import type { MetadataLookup, RetsMetadata } from '../../shared/rets/metadata/model';
import { allPages, bearer, clientToken, query, request } from '../demo-webapi/helpers';
import { call, startHarness, type Harness } from './hostHarness';

let h: Harness;
let md: RetsMetadata;
beforeAll(async () => {
  h = await startHarness({ listings: 50 });
  md = (await call<{ metadata: RetsMetadata }>(h.host, 'metadata.get', { profileId: 'demo-webapi' })).metadata;
});
afterAll(async () => { await h?.close(); });

const traces = async () => (await call<{ entries: TraceEntry[] }>(h.host, 'trace.list', { profileId: 'demo-webapi' })).entries;
const property = () => md.resources.find((r) => r.id === 'Property')!;
const field = (name: string) => property().classes[0]!.fields.find((f) => f.systemName === name)!;

describe('Web API metadata in the explorer', () => {
  it('keeps the entity set, its key and navigation properties', () => {
    expect(md.odata).toMatchObject({ version: '4.01', format: 'xml', lookupStyle: 'lookup-resource' });
    const p = property();
    expect(p.classes).toHaveLength(1);
    expect(p.odata).toMatchObject({ entitySet: 'Property', key: ['ListingKey'], idField: 'ListingId' });
    expect(p.odata!.navigation).toEqual([expect.objectContaining({ name: 'Media', collection: true, type: expect.stringMatching(/\.Media$/) })]);
  });

  it('keeps each field\'s Edm type, MaxLength, nullability and annotations; the key is marked', () => {
    expect(field('ListingKey').odata).toMatchObject({ type: 'Edm.String', key: true, nullable: false });
    expect(field('ListPrice').odata).toMatchObject({ elementType: 'Edm.Int32', nullable: false });
    const status = field('StandardStatus');
    expect(status.odata).toMatchObject({ type: 'Edm.String', key: false, lookupStyle: 'lookup-resource' });
    expect(status.odata!.maxLength).toBeUndefined();
    expect(typeof field('ListingKey').odata!.maxLength).toBe('number');
    const terms = status.odata!.annotations.map((a) => a.term);
    expect(terms).toEqual(expect.arrayContaining(['RESO.OData.Metadata.DisplayName', 'RESO.OData.Metadata.LookupName']));
    expect(status.longName).toBe(status.odata!.annotations.find((a) => a.term.endsWith('DisplayName'))!.value);
    expect(status.lookupName).toBe('StandardStatus');
  });

  it('reads the Lookup resource only when a LookupName is asked for, and as the server has it', async () => {
    // The metadata alone: the lookups are named, their values not yet read.
    expect(md.odata!.unresolvedLookups).toContain('StandardStatus');
    expect((await traces()).some((e) => e.url.includes('/Lookup'))).toBe(false);
    const { lookup } = await call<{ lookup: MetadataLookup }>(h.host, 'metadata.lookupValues', { profileId: 'demo-webapi', lookupName: 'StandardStatus' });
    const mls = h.host.demo!;
    const rows = (await allPages(query(mls.webApi.serviceRoot, 'Lookup', { $filter: "LookupName eq 'StandardStatus'" }), bearer(await clientToken(mls)))).rows;
    expect(rows.length).toBeGreaterThan(2);
    expect(lookup.values.map((v) => v.value)).toEqual(rows.map((r) => r.LookupValue));
    expect(lookup.values.map((v) => v.odata?.memberValue)).toEqual(rows.map((r) => r.LookupKey));
  });

  it('answers a RETS profile\'s lookup request in words (its lookups came with the metadata)', async () => {
    const env = await h.host.call('metadata.lookupValues', { profileId: 'demo', lookupName: 'Status' });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).toMatch(/arrive whole with its metadata/);
  });

  it('opens a saved $metadata offline, XML or JSON CSDL, with the same facts', async () => {
    const mls = h.host.demo!;
    const init = bearer(await clientToken(mls));
    for (const [accept, format] of [['application/xml', 'CSDL XML'], ['application/json', 'CSDL JSON']] as const) {
      const saved = await request(`${mls.webApi.serviceRoot}/$metadata?$format=${accept === 'application/json' ? 'json' : 'xml'}`, { ...init, headers: { ...(init.headers as Record<string, string>), Accept: accept } });
      expect(saved.status).toBe(200);
      const r = await call<{ metadata: RetsMetadata; source: { format: string } }>(h.host, 'metadata.openFile', { name: 'metadata.txt', content: saved.text });
      expect(r.source.format).toBe(format);
      const p = r.metadata.resources.find((x) => x.id === 'Property')!;
      expect(p.odata?.key).toEqual(['ListingKey']);
      expect(p.classes[0]!.fields.find((f) => f.systemName === 'StandardStatus')!.odata?.annotations.length).toBeGreaterThan(0);
    }
  });
});
