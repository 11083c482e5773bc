// The `translate.query` call in the host, between the built-in Demo profiles (RETS and Web API),
// with metadata read over real HTTP through the metadata cache: both directions, the notes, and
// typed input errors for a class that does not exist and for a target of another language than asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MappingResponse, TranslateResponse } from '../../shared/contract';
import { call, startHarness, type Harness } from '../host/hostHarness';

let h: Harness;
beforeAll(async () => { h = await startHarness({ listings: 200 }); }, 120_000);
afterAll(async () => { await h?.close(); });

describe('translate.query', () => {
  it('turns a RETS query into a $filter for the Web API profile, and back', async () => {
    const out = await call<TranslateResponse>(h.host, 'translate.query', {
      from: 'dmql', query: '(L_Status=|A,AC),(L_City=*GROVE*),(LIST_66=3+)', sourceProfileId: 'demo', targetProfileId: 'demo-webapi', resource: 'Property', className: 'CND',
    });
    expect(out).toMatchObject({ resource: 'Property', complete: true, text: "PropertyType eq 'CND' and StandardStatus in ('Active', 'Active Under Contract') and City eq 'Oak Grove' and BedroomsTotal ge 3" });
    expect(out.notes.find((n) => n.code === 'pattern-expanded')?.range).toEqual({ start: 25, end: 32 });
    const back = await call<TranslateResponse>(h.host, 'translate.query', { from: 'odata', query: out.text, sourceProfileId: 'demo-webapi', targetProfileId: 'demo', resource: 'Property' });
    expect(back).toMatchObject({ resource: 'Property', className: 'CND', complete: true });
    expect(back.text).toBe('(L_Status=|A,AC),(L_City=|OAKGROVE),(LIST_66=3+)');
  }, 60_000);

  it('says what it cannot translate and refuses what makes no sense, in words', async () => {
    const partial = await call<TranslateResponse>(h.host, 'translate.query', { from: 'odata', query: "PropertyType eq 'RES' and year(ListingContractDate) eq 2024", sourceProfileId: 'demo-webapi', targetProfileId: 'demo', resource: 'Property' });
    expect(partial.complete).toBe(false);
    expect(partial.notes).toContainEqual(expect.objectContaining({ severity: 'error', code: 'unsupported', range: { start: 26, end: 51 } }));
    const wrongClass = await h.host.call('translate.query', { from: 'dmql', query: '(L_Status=A)', sourceProfileId: 'demo', targetProfileId: 'demo-webapi', resource: 'Property', className: 'XYZ' });
    expect(wrongClass.ok).toBe(false);
    if (!wrongClass.ok) expect(wrongClass.error).toMatchObject({ kind: 'input', message: expect.stringMatching(/^Class "XYZ" is not in resource Property \(classes: RES, CND, LND, COM, RNT, ALL\)\.$/) });
    const wrongSide = await h.host.call('translate.query', { from: 'dmql', to: 'odata', query: '(L_Status=A)', sourceProfileId: 'demo', targetProfileId: 'demo', resource: 'Property', className: 'RES' });
    expect(wrongSide.ok).toBe(false);
    if (!wrongSide.ok) expect(wrongSide.error.message).toBe('The target profile speaks RETS, not the RESO Web API.');
  }, 60_000);

  it("follows the RETS profile's saved mapping: an edited pairing is what the $filter names", async () => {
    const proposed = await call<MappingResponse>(h.host, 'mapping.propose', { profileId: 'demo' });
    const m = proposed.mapping!;
    const price = m.fields.find((f) => f.resource === 'Property' && f.field === 'L_ListPrice')!;
    expect(price.target).toBe('ListPrice');
    price.target = 'OriginalListPrice';
    price.status = 'edited';
    await call(h.host, 'mapping.save', { profileId: 'demo', mapping: m });
    const out = await call<TranslateResponse>(h.host, 'translate.query', {
      from: 'dmql', query: '(L_ListPrice=200000+),(L_Status=|A)', sourceProfileId: 'demo', targetProfileId: 'demo-webapi', resource: 'Property', className: 'RES',
    });
    expect(out).toMatchObject({ complete: true, text: "PropertyType eq 'RES' and OriginalListPrice ge 200000 and StandardStatus eq 'Active'" });
    expect(out.notes.some((n) => n.message.includes('saved mapping'))).toBe(true);
  }, 60_000);
});
