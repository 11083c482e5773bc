// Paging against servers written here: the service root kept exactly, the OData headers, nextLinks
// followed exactly as given (relative, absolute, skiptoken, opaque), $top as a total limit, gzip,
// and a nextLink to another host refused.
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ODataError } from '../../shared/odata/errors';
import { ODataSession } from '../../electron/odata/session';
import type { ODataQueryEvent } from '../../electron/odata/types';
import { collect, json, page, startServer, type TestServer } from './server';

let srv: TestServer;
beforeEach(async () => { srv = await startServer(); });
afterEach(async () => { await srv.close(); });

function rows(from: number, n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({ ListingKey: `L${from + i}`, ListPrice: 100000 + from + i, City: i % 2 ? 'Springfield' : "O'Fallon" }));
}

function keys(events: ODataQueryEvent[]): string[] {
  return events.flatMap((e) => (e.kind === 'rows' ? Array.from({ length: e.batch.length }, (_, r) => e.batch.get(r, e.batch.columns.indexOf('ListingKey'))) : []));
}

const session = (root: string, extra: object = {}): ODataSession => new ODataSession({ serviceRoot: root, auth: { kind: 'bearer', token: 't' }, ...extra });

describe('requests', () => {
  it('keeps a versioned service root with a dataset segment and sends the OData headers', async () => {
    srv.handle((_q, res) => json(res, 200, page(rows(0, 2), { '@odata.count': '2' })));
    const s = session(`${srv.base}/api/v2/OData/test_ds`, { maxPageSize: 250 });
    const events = await collect(s.query('Property', { filter: "City eq 'O''Fallon' and ListPrice gt 5", select: ['ListingKey', 'ListPrice'], orderby: 'ListPrice desc', count: true }));
    const req = srv.seen[0]!;
    const u = new URL(req.url, srv.base);
    expect(u.pathname).toBe('/api/v2/OData/test_ds/Property');
    expect(u.searchParams.get('$filter')).toBe("City eq 'O''Fallon' and ListPrice gt 5");
    expect(u.searchParams.get('$select')).toBe('ListingKey,ListPrice');
    expect(u.searchParams.get('$orderby')).toBe('ListPrice desc');
    expect(u.searchParams.get('$count')).toBe('true');
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers['odata-maxversion']).toBe('4.01');
    expect(req.headers.prefer).toBe('odata.maxpagesize=250');
    expect(req.headers['accept-encoding']).toContain('gzip');
    expect(events.find((e) => e.kind === 'count')).toMatchObject({ count: 2, raw: '2' });
    expect(events.find((e) => e.kind === 'columns')).toMatchObject({ columns: ['ListingKey', 'ListPrice', 'City'] });
    await s.close();
  });

  it('asks $metadata as XML under the versioned root and maps it onto the neutral model', async () => {
    const csdl = `<?xml version="1.0"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
      <Schema Namespace="org.reso.metadata" xmlns="http://docs.oasis-open.org/odata/ns/edm">
        <EntityType Name="Property"><Key><PropertyRef Name="ListingKey"/></Key><Property Name="ListingKey" Type="Edm.String" MaxLength="255"/><Property Name="ListPrice" Type="Edm.Decimal"/></EntityType>
        <EntityContainer Name="Default"><EntitySet Name="Property" EntityType="org.reso.metadata.Property"/></EntityContainer>
      </Schema></edmx:DataServices></edmx:Edmx>`;
    srv.handle((req, res) => {
      if (req.url === '/v2/odata/$metadata') { res.writeHead(200, { 'content-type': 'application/xml' }); res.end(csdl); return; }
      if (req.url === '/v2/odata') { json(res, 200, { '@odata.context': '$metadata', value: [{ name: 'Property', kind: 'EntitySet', url: 'Property' }] }); return; }
      res.writeHead(404); res.end();
    });
    const s = session(`${srv.base}/v2/odata`);
    const md = await s.metadata();
    expect(srv.seen[0]!.headers.accept).toBe('application/xml');
    expect(md.text).toContain('edmx:Edmx');
    expect(md.model.resources.map((r) => r.id)).toEqual(['Property']);
    expect(md.model.resources[0]!.classes[0]!.fields.map((f) => f.systemName)).toEqual(['ListingKey', 'ListPrice']);
    expect((await s.serviceDocument()).entitySets).toEqual([{ name: 'Property', kind: 'EntitySet', url: 'Property' }]);
    await s.close();
  });
});

describe('nextLink', () => {
  it('follows relative, root-relative, absolute, skiptoken and opaque links exactly as given', async () => {
    srv.handle((req, res) => {
      const u = req.url!;
      const chain: [string, string | undefined][] = [
        ['/v2/odata/Property', 'Property?$skip=2'],
        ['/v2/odata/Property?$skip=2', '/v2/odata/Property?$skiptoken=abc%3D%3D'],
        ['/v2/odata/Property?$skiptoken=abc%3D%3D', `${srv.base}/v2/odata/next/7f3a9c?x=1&y=%27q%27`],
        ['/v2/odata/next/7f3a9c?x=1&y=%27q%27', undefined],
      ];
      const i = chain.findIndex(([path]) => path === u);
      if (i < 0) { res.writeHead(404); res.end(); return; }
      json(res, 200, page(rows(i * 2, 2), chain[i]![1] ? { '@odata.nextLink': chain[i]![1] } : {}));
    });
    const s = session(`${srv.base}/v2/odata/`);
    const events = await collect(s.query('Property'));
    expect(srv.seen.map((r) => r.url)).toEqual(['/v2/odata/Property', '/v2/odata/Property?$skip=2', '/v2/odata/Property?$skiptoken=abc%3D%3D', '/v2/odata/next/7f3a9c?x=1&y=%27q%27']);
    expect(keys(events)).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']);
    const pages = events.flatMap((e) => (e.kind === 'page' ? [e.page] : []));
    expect(pages.map((p) => p.n)).toEqual([1, 2, 3, 4]);
    expect(pages.at(-1)).toMatchObject({ totalRows: 8, nextLink: undefined });
    await s.close();
  });

  it('refuses a nextLink to another host (the token stays home)', async () => {
    srv.handle((_q, res) => json(res, 200, page(rows(0, 1), { '@odata.nextLink': 'http://evil.example/steal?$skip=1' })));
    const s = session(`${srv.base}/odata`);
    const events: ODataQueryEvent[] = [];
    let err: unknown;
    try { for await (const e of s.query('Property')) events.push(e); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ODataError);
    expect((err as ODataError).info.kind).toBe('protocol');
    expect(keys(events)).toEqual(['L0']);
    expect(srv.seen).toHaveLength(1);
    await s.close();
  });
});

describe('$top', () => {
  it('is a total limit when the server treats $top as the page size', async () => {
    // Like Bridge v2: every page holds $top rows and a nextLink follows.
    srv.handle((req, res) => {
      const u = new URL(req.url!, srv.base);
      const skip = Number(u.searchParams.get('$skip') ?? 0);
      const top = Number(u.searchParams.get('$top'));
      json(res, 200, page(rows(skip, top), { '@odata.nextLink': `Property?$top=${top}&$skip=${skip + top}` }));
    });
    const s = session(`${srv.base}/odata`);
    const events = await collect(s.query('Property', { top: 5 }));
    expect(keys(events)).toEqual(['L0', 'L1', 'L2', 'L3', 'L4']);
    expect(srv.seen).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ kind: 'page', page: { totalRows: 5, nextLink: undefined } });
    await s.close();
  });

  it('stops across pages after N rows without following further', async () => {
    srv.handle((req, res) => {
      const skip = Number(new URL(req.url!, srv.base).searchParams.get('$skip') ?? 0);
      json(res, 200, page(rows(skip, 4), { '@odata.nextLink': `Property?$skip=${skip + 4}` }));
    });
    const s = session(`${srv.base}/odata`);
    const events = await collect(s.query('Property', { top: 10 }));
    expect(keys(events)).toHaveLength(10);
    expect(keys(events).at(-1)).toBe('L9');
    expect(srv.seen.map((r) => r.url)).toEqual(['/odata/Property?$top=10', '/odata/Property?$skip=4', '/odata/Property?$skip=8']);
    await s.close();
  });
});

describe('compression', () => {
  it('reads a gzip body as it streams', async () => {
    const body = gzipSync(Buffer.from(page(rows(0, 300))));
    srv.handle((_q, res) => { res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }); res.end(body); });
    const s = session(`${srv.base}/odata`);
    const events = await collect(s.query('Property'));
    expect(keys(events)).toHaveLength(300);
    expect(keys(events).at(-1)).toBe('L299');
    expect(s.trace.list()[0]!.bytes).toBe(body.length);
    await s.close();
  });
});

describe('a consumer that stops', () => {
  it('releases the page it was reading (the request ends in the trace)', async () => {
    srv.handle((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.write(page(rows(0, 3000)).slice(0, 120_000)); });
    const s = session(`${srv.base}/odata`);
    for await (const e of s.query('Property')) if (e.kind === 'rows') break;
    expect(s.trace.list()[0]!.timing.end).toBeDefined();
    await s.close();
  });
});

describe('a service root that is not http(s)', () => {
  it('is a typed input error before anything is sent', async () => {
    const s = session('ftp://example.com/odata');
    await expect(collect(s.query('Property'))).rejects.toMatchObject({ info: { kind: 'input', operation: 'Query' } });
    await s.close();
  });
});
