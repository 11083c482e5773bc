// The mapping calls through the host, as the renderer makes them: a proposal for the Demo MLS
// (RETS) against its Web API, decisions saved and kept across a new proposal, the file in the
// data folder, export and import (text and a picked file), a hostile import refused with a clear
// message, and a Data Dictionary file as the target (the JSON report, or the workbook told by its bytes).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MappingResponse } from '../../shared/contract';
import { startHarness, call, type Harness } from '../host/hostHarness';
import { ddSheets, xlsx } from './xlsxBuilder';

let h: Harness;
beforeAll(async () => { h = await startHarness({ listings: 20 }); }, 120_000);
afterAll(async () => { await h?.close(); });

const demoId = () => 'demo';

describe('mapping calls', { timeout: 120_000 }, () => {
  it('propose, confirm and reject, propose again: the decisions stay; the file is plain JSON in the data folder', async () => {
    const first = await call<MappingResponse>(h.host, 'mapping.propose', { profileId: demoId() });
    const m = first.mapping!;
    expect(m.target.name).toBe('Demo MLS (Web API)');
    expect(m.source.name).toBe('Demo MLS (RETS)');
    expect(m.fields.find((f) => f.field === 'L_ListPrice')).toMatchObject({ target: 'ListPrice', reason: 'standard-name', status: 'proposed' });
    expect(first.coverage!.counts.present).toBeGreaterThan(150);

    const edited = { ...m, fields: m.fields.map((f) => (f.field === 'L_ListPrice' ? { ...f, status: 'confirmed' as const } : f.field === 'L_SoldPrice' ? { ...f, status: 'rejected' as const } : f)) };
    const saved = await call<MappingResponse>(h.host, 'mapping.save', { profileId: demoId(), mapping: edited });
    expect(saved.coverage!.counts).toMatchObject({ confirmed: 1, rejected: 1 });
    expect(saved.coverage!.resources.find((r) => r.resource === 'Property')!.missing).toContain('ClosePrice');

    const file = join(h.host.layout.root, 'mappings', 'demo.json');
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^\{\n {2}"format": "rets-workbench-mapping",\n {2}"version": 1,\n {2}"profileId": "demo",/);

    const again = await call<MappingResponse>(h.host, 'mapping.propose', { profileId: demoId() });
    expect(again.mapping!.fields.find((f) => f.field === 'L_ListPrice')!.status).toBe('confirmed');
    expect(again.mapping!.fields.find((f) => f.field === 'L_SoldPrice')!.status).toBe('rejected');
    const got = await call<MappingResponse>(h.host, 'mapping.get', { profileId: demoId() });
    expect(got).toEqual(again);
  });

  it('export, then import into another profile (text and a picked file); a profile with none says so', async () => {
    const none = await call<MappingResponse>(h.host, 'mapping.get', { profileId: 'demo-webapi' });
    expect(none).toEqual({ mapping: null, coverage: null });
    const noExport = await h.host.call('mapping.export', { profileId: 'demo-webapi' });
    expect(noExport.ok ? '' : noExport.error.message).toBe('This profile has no mapping yet.');

    const out = await call<{ content: string; fileName: string }>(h.host, 'mapping.export', { profileId: demoId() });
    expect(out.fileName).toBe('mapping-demo.json');
    const imported = await call<MappingResponse>(h.host, 'mapping.import', { profileId: 'demo-webapi', content: out.content });
    expect(imported.mapping!.fields.find((f) => f.field === 'L_ListPrice')!.status).toBe('confirmed');
    expect(imported.mapping!.profileId).toBe('demo-webapi');

    const picked = join(h.dir, 'picked.json');
    writeFileSync(picked, out.content);
    const handle = h.host.files.issue(picked, 'mapping-import', 'read');
    const fromFile = await call<MappingResponse>(h.host, 'mapping.import', { profileId: 'demo-webapi', handle });
    expect(fromFile.mapping!.fields.length).toBe(imported.mapping!.fields.length);

    const target = join(h.dir, 'chosen.json');
    const saveHandle = h.host.files.issue(target, 'mapping-export', 'write');
    await call(h.host, 'mapping.export', { profileId: demoId(), handle: saveHandle });
    expect(readFileSync(target, 'utf8')).toBe(out.content);
  });

  it('a hostile or invalid import is refused with a clear message; the saved mapping is untouched', async () => {
    const before = await call<MappingResponse>(h.host, 'mapping.get', { profileId: demoId() });
    const notJson = await h.host.call('mapping.import', { profileId: demoId(), content: `<script>${'x'.repeat(10_000)}` });
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) {
      expect(notJson.error.message).toBe('The mapping file is not valid JSON (it starts with "<script>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").');
      expect(notJson.error.hint).toMatch(/Export a mapping from the workbench/);
    }
    const wrongFormat = await h.host.call('mapping.import', { profileId: demoId(), content: '{"format":"other","version":1}' });
    expect(wrongFormat.ok ? '' : wrongFormat.error.message).toBe('The file is not a RETS Workbench mapping ("format" should be "rets-workbench-mapping").');
    const pathId = await h.host.call('mapping.get', { profileId: '../../etc' });
    expect(pathId.ok).toBe(false);
    expect(await call<MappingResponse>(h.host, 'mapping.get', { profileId: demoId() })).toEqual(before);
  });

  it('a Data Dictionary file picked as the target', async () => {
    const dd = join(h.dir, 'dd.json');
    writeFileSync(dd, JSON.stringify({ version: '2.0', fields: [{ resourceName: 'Property', fieldName: 'ListPrice', type: 'Edm.Decimal', annotations: [] }], lookups: [] }));
    const handle = h.host.files.issue(dd, 'data-dictionary', 'read');
    const r = await call<MappingResponse>(h.host, 'mapping.propose', { profileId: 'demo-webapi', target: { kind: 'dictionary', handle } });
    expect(r.mapping!.target).toMatchObject({ kind: 'data-dictionary', name: 'dd.json', fields: { Property: ['ListPrice'] } });
    expect(r.coverage!.counts).toMatchObject({ targetFields: 1, present: 1 });
    const bad = join(h.dir, 'bad.json');
    writeFileSync(bad, '{"nothing": 1}');
    const bh = h.host.files.issue(bad, 'data-dictionary', 'read');
    const refused = await h.host.call('mapping.propose', { profileId: 'demo-webapi', target: { kind: 'dictionary', handle: bh } });
    expect(refused.ok ? '' : refused.error.message).toBe('"bad.json": The JSON has no "fields" list: it is not a RESO Data Dictionary metadata report (nor CSDL JSON).');
  });

  it('the Data Dictionary workbook, told by its bytes whatever its name, as the target and as synonyms for a profile', async () => {
    const wb = join(h.dir, 'dictionary.json');
    writeFileSync(wb, xlsx(ddSheets()));
    const handle = h.host.files.issue(wb, 'data-dictionary', 'read', { name: 'RESO DD.xlsx' });
    const r = await call<MappingResponse>(h.host, 'mapping.propose', { profileId: demoId(), target: { kind: 'dictionary', handle } });
    expect(r.mapping!.target).toMatchObject({ kind: 'data-dictionary', name: 'RESO DD.xlsx' });
    expect(r.mapping!.fields.find((f) => f.field === 'LIST_132')).toMatchObject({ target: 'Township', reason: 'long-name' });
    expect(r.coverage!.counts.targetFields).toBe(12);
    const withSynonyms = await call<MappingResponse>(h.host, 'mapping.propose', { profileId: demoId(), target: { kind: 'profile', profileId: 'demo-webapi' }, dictionary: h.host.files.issue(wb, 'data-dictionary', 'read') });
    expect(withSynonyms.mapping!.notes[0]).toBe('Proposed against "Demo MLS (Web API)" with the names and synonyms of the Data Dictionary file "dictionary.json".');
    const letter = join(h.dir, 'letter.xlsx');
    writeFileSync(letter, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]));
    const refused = await h.host.call('mapping.propose', { profileId: demoId(), target: { kind: 'dictionary', handle: h.host.files.issue(letter, 'data-dictionary', 'read') } });
    expect(refused.ok ? {} : refused.error).toMatchObject({
      message: '"letter.xlsx": The workbook\'s zip structure is damaged (no central directory: the file is cut short or is not a zip). Save it again from the spreadsheet program, or download it again.',
      hint: 'RESO publishes the Data Dictionary as a JSON metadata report, as EDMX and as a workbook (.xlsx); load one of those (see the README: Mapping).',
    });
  });
});
