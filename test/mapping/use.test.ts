// The saved mapping in use through the host, as the renderer asks: a CSV export with headers by
// mapping (mapped columns under their target names, the others under their own), refused with a
// clear message when the profile has none; and metadata.diff across servers pairing fields through
// the first side's mapping (reason 'mapping'), not when the sides are one profile.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MappingResponse } from '../../shared/contract';
import type { MetadataDiff } from '../../shared/metadata/diff';
import { headerFor } from '../../shared/mapping/use';
import { parseCsv } from '../host/csv';
import { fetchDemoMetadata } from '../metadata-diff/demo';
import { call, runOperation, startHarness, type Harness } from '../host/hostHarness';

let h: Harness;
beforeAll(async () => { h = await startHarness({ listings: 30 }); }, 120_000);
afterAll(async () => { await h?.close(); });

const select = ['L_ListingKey', 'L_ListPrice', 'L_Status', 'L_City'];
const RES = { profileId: 'demo', resource: 'Property', class: 'RES', query: '(L_ListPrice=0+)', select };

async function exportCsv(header: string): Promise<{ ok: true; table: string[][] } | { ok: false; message: string }> {
  const { last } = await runOperation(h.host, 'export.start', { ...RES, destination: { kind: 'download', fileName: 'by-mapping.csv' }, options: { header, lookups: 'raw' } });
  if (last.type !== 'export.done') return { ok: false, message: (last as { error?: { message: string } }).error?.message ?? last.type };
  const file = h.host.download((last as { downloadUrl: string }).downloadUrl.split('/').pop()!)!;
  return { ok: true, table: parseCsv(readFileSync(file.path, 'utf8')) };
}

describe('the mapping in use', { timeout: 120_000 }, () => {
  it('export by mapping: refused without a mapping; then mapped columns by target name, a rejected one by its own', async () => {
    const none = await exportCsv('Mapping');
    expect(none).toEqual({ ok: false, message: 'This connection has no saved mapping, so there are no header names by mapping.' });

    const proposed = (await call<MappingResponse>(h.host, 'mapping.propose', { profileId: 'demo' })).mapping!;
    const m = { ...proposed, fields: proposed.fields.map((f) => (f.field === 'L_City' ? { ...f, status: 'rejected' as const } : f)) };
    await call(h.host, 'mapping.save', { profileId: 'demo', mapping: m });

    const out = await exportCsv('Mapping');
    if (!out.ok) throw new Error(out.message);
    expect(out.table[0]).toEqual(select.map((c) => headerFor(m, c, 'Property')));
    expect(out.table[0]![1]).toBe('ListPrice');
    expect(out.table[0]![3]).toBe('L_City');
    expect(out.table.length).toBeGreaterThan(1);
    const plain = await exportCsv('SystemName');
    if (!plain.ok) throw new Error(plain.message);
    expect(plain.table.slice(1)).toEqual(out.table.slice(1));
  });

  it('metadata.diff across servers pairs through the first side\'s saved mapping (reason "mapping")', async () => {
    // The Demo's Web API $metadata with ListPrice renamed: the RETS StandardName no longer pairs it.
    const { webApi } = await fetchDemoMetadata();
    expect(webApi).toContain('<Property Name="ListPrice"');
    const edited = join(h.dir, 'renamed-metadata.xml');
    writeFileSync(edited, webApi.replace('<Property Name="ListPrice"', '<Property Name="AskingPrice"'));
    const diffWith = async (b: object) => (await call<{ diff: MetadataDiff }>(h.host, 'metadata.diff', { a: { profileId: 'demo' }, b, alignment: 'servers' })).diff;
    const fileSide = () => ({ handle: h.host.files.issue(edited, 'metadata', 'read') });
    const listPrice = (d: MetadataDiff) => d.pairs.find((p) => p.resource === 'Property' && p.a === 'L_ListPrice');

    const saved = (await call<MappingResponse>(h.host, 'mapping.get', { profileId: 'demo' })).mapping!;
    const fields = saved.fields.map((f) => (f.resource === 'Property' && f.field === 'L_ListPrice' ? { ...f, target: 'AskingPrice', reason: 'user' as const, status: 'edited' as const } : f));
    await call(h.host, 'mapping.save', { profileId: 'demo', mapping: { ...saved, fields } });
    const after = await diffWith(fileSide());
    expect(listPrice(after)).toMatchObject({ b: 'AskingPrice', reason: 'mapping' });
    expect(after.fields.added.some((f) => f.field === 'AskingPrice')).toBe(false);

    // Without the entry, only the later step (names normalized, from the long name) pairs it.
    await call(h.host, 'mapping.save', { profileId: 'demo', mapping: { ...saved, fields: saved.fields.filter((f) => f.field !== 'L_ListPrice') } });
    const before = await diffWith(fileSide());
    expect(listPrice(before)).toMatchObject({ b: 'AskingPrice', reason: 'normalized-name' });

    // One profile against itself is not across servers: its mapping is not asked.
    await call(h.host, 'mapping.save', { profileId: 'demo', mapping: { ...saved, fields } });
    const self = await diffWith({ profileId: 'demo' });
    expect(self.pairs.some((p) => p.reason === 'mapping')).toBe(false);
  });
});
