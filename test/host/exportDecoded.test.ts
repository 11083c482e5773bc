// A decoded CSV export says what the grid's Decoded view and the row details say: the host decodes
// lookups with the one shared decoder (shared/metadata/lookupDecoder.ts), single and multi-value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireRows } from '../../shared/contract/compactRows';
import { readFileSync } from 'node:fs';
import type { HostEvent } from '../../shared/contract';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { lookupDecoders } from '../../shared/metadata/lookupDecoder';
import { parseCsv } from './csv';
import { call, runOperation, startHarness, type Harness } from './hostHarness';

let h: Harness;
beforeAll(async () => { h = await startHarness({ listings: 200 }); });
afterAll(async () => { await h?.close(); });

const select = ['L_ListingKey', 'L_Status', 'LFD_INTERIOR'];
const RES = { profileId: 'demo', resource: 'Property', class: 'RES', query: '(L_ListPrice=0+)', select };

describe('decoded export', () => {
  it('equals the raw rows decoded by the shared decoder, and differs from the raw codes', async () => {
    const rows: string[][] = [];
    await runOperation(h.host, 'search.start', { ...RES, options: { limit: 'NONE', format: 'COMPACT' } }, (e: HostEvent) => {
      if (e.type === 'search.rows') rows.push(...wireRows(e));
    });
    expect(rows.length).toBeGreaterThan(20);
    const { metadata } = await call<{ metadata: RetsMetadata }>(h.host, 'metadata.get', { profileId: 'demo' });
    const decoders = lookupDecoders(metadata, 'Property', 'RES');
    const decoded = rows.map((r) => r.map((v, c) => decoders.get(select[c])?.(v) ?? v));

    const { last } = await runOperation(h.host, 'export.start', { ...RES, destination: { kind: 'download', fileName: 'decoded.csv' }, options: { header: 'SystemName', lookups: 'decoded' } });
    expect(last.type).toBe('export.done');
    const file = h.host.download((last as { downloadUrl: string }).downloadUrl.split('/').pop()!)!;
    const table = parseCsv(readFileSync(file.path, 'utf8'));
    expect(table[0]).toEqual(select);
    expect(table.slice(1)).toEqual(decoded);
    expect(table.slice(1).map((r) => r[1])).not.toEqual(rows.map((r) => r[1]));
    // A multi-value cell: its codes decoded one by one, joined as the grid joins them.
    expect(table.slice(1).some((r) => r[2].includes(', '))).toBe(true);
  });
});
