// Media (the resource by ResourceRecordKey, and $expand=Media rows), MediaURL images under the
// hardening rules, the Lookup resource, and replication paging, against servers written here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ODataError } from '../../shared/odata/errors';
import { ODataSession } from '../../electron/odata/session';
import { expandedMedia } from '../../electron/odata/media';
import { replicationQuery } from '../../electron/odata/replication';
import type { ODataQueryEvent } from '../../electron/odata/types';
import { collect, json, page, startServer, type TestServer } from './server';

let srv: TestServer;
beforeEach(async () => { srv = await startServer(); });
afterEach(async () => { await srv.close(); });

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const session = (extra: object = {}): ODataSession => new ODataSession({ serviceRoot: `${srv.base}/reso/odata`, auth: { kind: 'bearer', token: 't' }, ...extra });

async function failure(p: Promise<unknown>): Promise<ODataError> {
  try { await p; } catch (e) { expect(e).toBeInstanceOf(ODataError); return e as ODataError; }
  throw new Error('expected a failure');
}

describe('media', () => {
  it('reads a record\'s Media rows by ResourceRecordKey, in Order', async () => {
    srv.handle((_q, res) => json(res, 200, page([
      { MediaKey: 'M1', ResourceRecordKey: "A'1", MediaURL: `${srv.base}/img/1.png`, Order: 1, MediaCategory: 'Photo', MimeType: 'image/png' },
      { MediaKey: 'M2', ResourceRecordKey: "A'1", MediaURL: `${srv.base}/img/2.png`, Order: 2 },
    ])));
    const s = session();
    const items = await s.media({ ResourceRecordKey: "A'1", ResourceName: 'Property' });
    const u = new URL(srv.seen[0]!.url, srv.base);
    expect(u.pathname).toBe('/reso/odata/Media');
    expect(u.searchParams.get('$filter')).toBe("ResourceRecordKey eq 'A''1' and ResourceName eq 'Property'");
    expect(u.searchParams.get('$orderby')).toBe('Order');
    expect(items.map((m) => [m.mediaKey, m.order, m.category])).toEqual([['M1', 1, 'Photo'], ['M2', 2, undefined]]);
    await s.close();
  });

  it('reads Media expanded into rows ($expand=Media)', async () => {
    srv.handle((_q, res) => json(res, 200, page([
      { ListingKey: 'A1', Media: [{ MediaKey: 'M1', MediaURL: 'https://cdn.example/1.jpg', Order: 1 }, { MediaKey: 'M2', MediaURL: 'https://cdn.example/2.jpg', Order: 2 }] },
      { ListingKey: 'A2', Media: [] },
    ])));
    const s = session();
    const events = await collect(s.query('Property', { expand: 'Media' }));
    expect(new URL(srv.seen[0]!.url, srv.base).searchParams.get('$expand')).toBe('Media');
    const batch = events.find((e): e is Extract<ODataQueryEvent, { kind: 'rows' }> => e.kind === 'rows')!.batch;
    expect(expandedMedia(batch, 0).map((m) => m.url)).toEqual(['https://cdn.example/1.jpg', 'https://cdn.example/2.jpg']);
    expect(expandedMedia(batch, 1)).toEqual([]);
    await s.close();
  });

  it('fetches a MediaURL image by its bytes: raster only, capped, HTML refused', async () => {
    srv.handle((req, res) => {
      if (req.url === '/img/photo') { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.end(PNG); return; }
      if (req.url === '/img/svg') { res.writeHead(200, { 'content-type': 'image/svg+xml' }); res.end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'); return; }
      if (req.url === '/img/page') { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html><head><title>Login</title></head></html>'); return; }
      if (req.url === '/img/big') { res.writeHead(200, { 'content-type': 'image/png' }); res.end(Buffer.concat([PNG, Buffer.alloc(5000)])); return; }
      res.writeHead(404); res.end();
    });
    const s = session({ maxMediaBytes: 4096 });
    expect(await s.mediaImage(`${srv.base}/img/photo`)).toMatchObject({ type: 'image/png' });
    expect((await failure(s.mediaImage(`${srv.base}/img/svg`))).message).toMatch(/not answer with an image/);
    expect((await failure(s.mediaImage(`${srv.base}/img/page`))).message).toMatch(/HTML page/);
    expect((await failure(s.mediaImage(`${srv.base}/img/big`))).message).toMatch(/larger than/);
    expect((await failure(s.mediaImage(`${srv.base}/img/none`))).info).toMatchObject({ operation: 'Media', httpStatus: 404 });
    expect((await failure(s.mediaImage('file:///etc/passwd'))).info.operation).toBe('Media');
    await s.close();
  });
});

describe('lookups', () => {
  it('reads every page of the Lookup resource into lookups by LookupName', async () => {
    srv.handle((req, res) => {
      const skip = new URL(req.url!, srv.base).searchParams.get('$skip');
      if (!skip) json(res, 200, page([{ LookupKey: 'K1', LookupName: 'StandardStatus', LookupValue: 'Active', StandardLookupValue: 'Active' }], { '@odata.nextLink': 'Lookup?$skip=1' }));
      else json(res, 200, page([{ LookupKey: 'K2', LookupName: 'StandardStatus', LookupValue: 'Active Under Contract', StandardLookupValue: 'Active Under Contract', LegacyODataValue: 'ActiveUnderContract' }]));
    });
    const s = session();
    const lookups = await s.lookupValues();
    expect(lookups.get('StandardStatus')!.values.map((v) => v.value)).toEqual(['Active', 'Active Under Contract']);
    expect(srv.seen.map((r) => r.url)).toEqual(['/reso/odata/Lookup', '/reso/odata/Lookup?$skip=1']);
    await s.close();
  });
});

describe('replication', () => {
  it('builds the ModificationTimestamp, key ordering with a tie-breaking since filter', () => {
    expect(replicationQuery({ keyField: 'ListingKey' })).toMatchObject({ orderby: 'ModificationTimestamp,ListingKey', filter: undefined });
    const q = replicationQuery({ keyField: 'ListingKey', since: { timestamp: '2026-05-21T16:43:43Z', key: "K'9" }, filter: "OriginatingSystemName eq 'mls'", select: ['ListPrice'] });
    expect(q.filter).toBe("(ModificationTimestamp gt 2026-05-21T16:43:43Z or (ModificationTimestamp eq 2026-05-21T16:43:43Z and ListingKey gt 'K''9')) and (OriginatingSystemName eq 'mls')");
    expect(q.select).toEqual(['ListPrice', 'ModificationTimestamp', 'ListingKey']);
    expect(() => replicationQuery({ keyField: 'ListingKey', since: { timestamp: "x' or 1 eq 1" } })).toThrow();
  });

  it('pulls pages and reports a checkpoint after each, ready to resume', async () => {
    srv.handle((req, res) => {
      const skip = Number(new URL(req.url!, srv.base).searchParams.get('$skip') ?? 0);
      const rows = [0, 1].map((i) => ({ ListingKey: `K${skip + i}`, ModificationTimestamp: `2026-01-0${skip + i + 1}T00:00:00Z` }));
      json(res, 200, page(rows, skip < 2 ? { '@odata.nextLink': `Property?$skip=${skip + 2}` } : {}));
    });
    const s = session();
    const events = await collect(s.replicate('Property', { keyField: 'ListingKey', since: { timestamp: '2025-12-31T00:00:00Z' } }));
    const u = new URL(srv.seen[0]!.url, srv.base);
    expect(u.searchParams.get('$orderby')).toBe('ModificationTimestamp,ListingKey');
    expect(u.searchParams.get('$filter')).toBe('ModificationTimestamp gt 2025-12-31T00:00:00Z');
    expect(events.filter((e) => e.kind === 'checkpoint')).toEqual([
      { kind: 'checkpoint', checkpoint: { timestamp: '2026-01-02T00:00:00Z', key: 'K1' } },
      { kind: 'checkpoint', checkpoint: { timestamp: '2026-01-04T00:00:00Z', key: 'K3' } },
    ]);
    await s.close();
  });
});
