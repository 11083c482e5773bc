// The demo MLS driven by a client we did not write: the npm package rets-client (Digest auth via
// the request library, its own XML parsing), for login, metadata, search in each format, objects.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';

// rets-client is CommonJS without usable types for our strict settings: load it untyped.
const rets = createRequire(__filename)('rets-client') as {
  getAutoLogoutClient<T>(settings: Record<string, unknown>, body: (client: RetsClient) => Promise<T>): Promise<T>;
};
interface RetsClient {
  metadata: Record<string, (...a: string[]) => Promise<{ results: { info: Record<string, string>; metadata: Record<string, string>[] }[] }>>;
  search: { query(res: string, cls: string, q: string, opts?: Record<string, unknown>): Promise<{ results: Record<string, string>[]; count: number; maxRowsExceeded: boolean }> };
  objects: Record<'getObjects' | 'getAllObjects', (res: string, type: string, ids: string | string[], opts?: Record<string, unknown>) => Promise<{ objects: RetsObject[] }>>;
}

/** One entry of rets-client's object list: the response headerInfo event first, then one per part. */
interface RetsObject { type?: string; headerInfo: Record<string, string>; data?: Buffer; error?: unknown }
const parts = (list: RetsObject[]) => list.filter((o) => o.type !== 'headerInfo');

let mls: DemoMls;
beforeAll(async () => { mls = await startDemoMls({ listings: 400, seed: 9 }); });
afterAll(async () => { await mls.close(); });

const settings = () => ({ loginUrl: mls.loginUrl, username: 'demo', password: 'demo', version: 'RETS/1.7.2', userAgent: 'RETS node-client/5.x' });

describe('rets-client against the demo MLS', () => {
  it('logs in with Digest and reads resources, classes, a table and lookup types', async () => {
    await rets.getAutoLogoutClient(settings(), async (client) => {
      const resources = await client.metadata.getResources();
      expect(resources.results[0].metadata.map((r) => r.ResourceID)).toEqual(['Property', 'Agent', 'Office', 'OpenHouse', 'Media']);
      const classes = await client.metadata.getClass('Property');
      expect(classes.results[0].metadata.map((c) => c.ClassName)).toEqual(['RES', 'CND', 'LND', 'COM', 'RNT', 'ALL']);
      const table = await client.metadata.getTable('Property', 'RES');
      const price = table.results[0].metadata.find((f) => f.SystemName === 'L_ListPrice')!;
      expect(price.StandardName).toBe('ListPrice');
      expect(price.Interpretation).toBe('Currency');
      const status = await client.metadata.getLookupTypes('Property', 'STATUS');
      expect(status.results[0].metadata.map((v) => v.Value)).toContain('AC');
    });
  });

  it('searches in COMPACT-DECODED (its default) and COMPACT, with count and paging', async () => {
    await rets.getAutoLogoutClient(settings(), async (client) => {
      const decoded = await client.search.query('Property', 'RES', '(L_Status=|A)', { limit: 5, select: 'L_ListingKey,L_Status,L_City' });
      expect(decoded.results).toHaveLength(5);
      expect(decoded.results.every((r) => r.L_Status === 'Active')).toBe(true);
      expect(decoded.count).toBeGreaterThan(5);
      const raw = await client.search.query('Property', 'RES', '(L_Status=|A)', { limit: 5, offset: 3, format: 'COMPACT', select: 'L_ListingKey,L_Status' });
      expect(raw.results.every((r) => r.L_Status === 'A')).toBe(true);
      expect(raw.results[0].L_ListingKey).toBe(decoded.results[2].L_ListingKey);
    });
  });

  it('gets photos: several as multipart, and Location=1 URLs', async () => {
    await rets.getAutoLogoutClient(settings(), async (client) => {
      const found = await client.search.query('Property', 'RES', '(L_PictureCount=3+)', { limit: 1, format: 'COMPACT', select: 'L_ListingKey' });
      const key = found.results[0].L_ListingKey;
      const photos = parts((await client.objects.getObjects('Property', 'Photo', `${key}:1:2:3`, { alwaysGroupObjects: true })).objects);
      expect(photos.map((o) => o.headerInfo.objectId)).toEqual(['1', '2', '3']);
      for (const o of photos) {
        expect(o.headerInfo.contentType).toBe('image/png');
        expect(o.data!.subarray(1, 4).toString()).toBe('PNG');
      }
      const located = parts((await client.objects.getAllObjects('Property', 'Photo', key, { alwaysGroupObjects: true, Location: 1 })).objects);
      expect(located.length).toBeGreaterThanOrEqual(3);
      expect(located[0].headerInfo.location).toBe(`${mls.baseUrl}/rets/media/${key}/1.png`);
    });
  });

  it('passes User-Agent authentication with the UA password (uaauth account)', async () => {
    const s = { ...settings(), username: 'uaauth', userAgent: 'RETSWorkbench/1.0', userAgentPassword: 'uasecret' };
    const n = await rets.getAutoLogoutClient(s, async (client) => (await client.search.query('Agent', 'Agent', '(U_Status=|A)', { limit: 3, format: 'COMPACT' })).results.length);
    expect(n).toBe(3);
  });

  it('reports the server error for a bad query', async () => {
    await expect(rets.getAutoLogoutClient(settings(), (client) => client.search.query('Property', 'RES', '(Bogus=1)', { limit: 1 })))
      .rejects.toMatchObject({ replyCode: '20200' });
  });
});
