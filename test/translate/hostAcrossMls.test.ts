// `translate.query` between two RETS profiles (the built-in Demo and a profile on the Demo's second
// naming, dialect b) through both profiles' mappings, with metadata read over real HTTP through
// the metadata cache: the saved mapping of A leads, StandardNames fill in, the class is B's, the
// notes name both profiles; and a snippet records the profile it was written on.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMls, type DemoMls } from '../../electron/demo/index';
import type { MappingResponse, Profile, Snippet, TranslateResponse } from '../../shared/contract';
import { MAPPING_FORMAT, MAPPING_FORMAT_VERSION, type MappingFile } from '../../shared/mapping/types';
import { call, startHarness, type Harness } from '../host/hostHarness';
import { keysOf, startRetsSide, type RetsSide } from './demoSides';

let h: Harness;
let demoB: DemoMls;
let b: Profile;
beforeAll(async () => {
  [h, demoB] = await Promise.all([startHarness({ listings: 200 }), startDemoMls({ listings: 200, dialect: 'b' })]);
  b = (await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'Demo B', loginUrl: demoB.loginUrl, username: 'demo', password: 'demo', userAgent: 'Workbench-Test/1.0' })).profile;
}, 120_000);
afterAll(async () => { await h?.close(); await demoB?.close(); });

describe('translate.query from one RETS MLS to another', () => {
  it('writes B\'s names, codes and class, and the same listings come back', async () => {
    const query = '(L_Status=|A,P),(L_ListPrice=150000+),(LFD_SHOWING=|1)';
    const out = await call<TranslateResponse>(h.host, 'translate.query', { from: 'dmql', query, sourceProfileId: 'demo', targetProfileId: b.id, resource: 'Property', className: 'CND' });
    expect(out).toMatchObject({ to: 'dmql', resource: 'Property', className: 'CO', complete: false, text: '(LM_STATUS=|ACT,PND),(LM_LIST_PRICE=150000+)' });
    const err = out.notes.find((n) => n.severity === 'error')!;
    expect(query.slice(err.range!.start, err.range!.end)).toBe('LFD_SHOWING');
    expect(err.message).toContain('no counterpart on “Demo B”');
    expect(out.notes.find((n) => n.code === 'class')?.message).toBe('The class Property:CND on “Demo MLS (RETS)” is Property:CO on “Demo B”.');
    let a: RetsSide | undefined;
    let sideB: RetsSide | undefined;
    try {
      [a, sideB] = await Promise.all([startRetsSide({ listings: 200 }), startRetsSide({ listings: 200, dialect: 'b' })]);
      const keys = await keysOf(a, 'CND', '(L_Status=|A,P),(L_ListPrice=150000+)', 'L_ListingKey');
      expect(keys.length).toBeGreaterThan(0);
      expect(await keysOf(sideB, 'CO', out.text, 'LM_LISTING_KEY')).toEqual(keys);
    } finally {
      await Promise.all([a?.close(), sideB?.close()]);
    }
  }, 60_000);

  it('follows the source profile\'s saved mapping before StandardNames', async () => {
    const proposed = await call<MappingResponse>(h.host, 'mapping.propose', { profileId: 'demo' });
    const m = proposed.mapping!;
    const price = m.fields.find((f) => f.resource === 'Property' && f.field === 'L_ListPrice')!;
    price.target = 'OriginalListPrice';
    price.status = 'edited';
    await call(h.host, 'mapping.save', { profileId: 'demo', mapping: m });
    const out = await call<TranslateResponse>(h.host, 'translate.query', { from: 'dmql', query: '(L_ListPrice=200000+)', sourceProfileId: 'demo', targetProfileId: b.id, resource: 'Property', className: 'RES' });
    expect(out).toMatchObject({ complete: true, className: 'SF', text: '(LM_ORIGINAL_LIST_PRICE=200000+)' });
    expect(out.notes.some((n) => n.message.includes('by the saved mapping'))).toBe(true);
  }, 60_000);

  it('RETS -> Web API goes through the Web API profile\'s saved mapping too', async () => {
    // On this Web API, the standard BedroomsTotal is kept in BathroomsFull (its saved mapping says so).
    const mapping: MappingFile = {
      format: MAPPING_FORMAT, version: MAPPING_FORMAT_VERSION, source: { name: 'Demo MLS (Web API)', kind: 'webapi' },
      target: { name: 'RESO DD', kind: 'data-dictionary', fields: { Property: ['BedroomsTotal'] } }, notes: [],
      fields: [{ resource: 'Property', field: 'BathroomsFull', longName: '', targetResource: 'Property', target: 'BedroomsTotal', reason: 'user', why: '', confidence: 1, status: 'edited' }],
    };
    await call(h.host, 'mapping.save', { profileId: 'demo-webapi', mapping });
    const out = await call<TranslateResponse>(h.host, 'translate.query', { from: 'dmql', query: '(LIST_66=3+),(L_Status=|A)', sourceProfileId: 'demo', targetProfileId: 'demo-webapi', resource: 'Property', className: 'RES' });
    expect(out).toMatchObject({ to: 'odata', complete: true, text: "PropertyType eq 'RES' and BathroomsFull ge 3 and StandardStatus eq 'Active'" });
    // Web API -> Web API (here the profile to itself): the same mapping both ways changes nothing.
    const same = await call<TranslateResponse>(h.host, 'translate.query', { from: 'odata', query: "BathroomsFull ge 3 and StandardStatus eq 'Active'", sourceProfileId: 'demo-webapi', targetProfileId: 'demo-webapi', resource: 'Property' });
    expect(same).toMatchObject({ to: 'odata', resource: 'Property', complete: true, text: "BathroomsFull ge 3 and StandardStatus eq 'Active'" });
  }, 60_000);

  it('refuses a class B has no counterpart for, naming B\'s classes', async () => {
    const r = await h.host.call('translate.query', { from: 'dmql', query: '(L_Status=A)', sourceProfileId: 'demo', targetProfileId: b.id, resource: 'Property', className: 'XYZ' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'input', message: 'No class of Property on “Demo B” matches Property:XYZ by StandardName or visible name.' });
  }, 60_000);
});

describe('snippets remember where they were written', () => {
  it('loads a snippet file written before snippets recorded their profile, as it was', async () => {
    // A file exactly as the store wrote it before this change.
    const before = { protocol: 'rets', resource: 'Property', class: 'RES', query: '(L_Status=|A)', select: ['L_ListingKey'], name: 'Old actives', tags: ['kept'], options: { limit: 50 }, id: 'old-actives-1a2b3c', createdAt: '2026-11-30T10:00:00.000Z', updatedAt: '2026-11-30T10:00:00.000Z' };
    mkdirSync(h.host.layout.snippets, { recursive: true });
    writeFileSync(join(h.host.layout.snippets, 'old-actives-1a2b3c.json'), `${JSON.stringify(before, null, 2)}\n`);
    const { snippets } = await call<{ snippets: Snippet[] }>(h.host, 'snippets.list');
    const old = snippets.find((x) => x.id === 'old-actives-1a2b3c')!;
    expect(old).toMatchObject({ name: 'Old actives', query: '(L_Status=|A)', options: { limit: 50 } });
    expect(old.profile).toBeUndefined();
    // Saved again (renamed), it stays a file of the same shape with nothing made up.
    await call(h.host, 'snippets.save', { ...old, name: 'Old actives 2' });
    expect(JSON.parse(readFileSync(join(h.host.layout.snippets, 'old-actives-1a2b3c.json'), 'utf8')).profile).toBeUndefined();
  });

  it('keeps the profile on save, in the export, and through an import', async () => {
    const saved = (await call<{ snippet: Snippet }>(h.host, 'snippets.save', { name: 'Condos', resource: 'Property', class: 'CND', query: '(L_Status=|A)', profile: { id: 'demo', name: 'Demo MLS (RETS)', metadataVersion: '01.72.10042' } })).snippet;
    expect(saved.profile).toEqual({ id: 'demo', name: 'Demo MLS (RETS)', metadataVersion: '01.72.10042' });
    const exported = await call<{ content: string }>(h.host, 'snippets.export', { ids: [saved.id] });
    expect(JSON.parse(exported.content).snippets[0].profile.name).toBe('Demo MLS (RETS)');
    const imported = await call<{ imported: Snippet[] }>(h.host, 'snippets.import', { content: exported.content });
    expect(imported.imported[0].profile).toEqual(saved.profile);
  });
});
