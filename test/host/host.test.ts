// The host services against the Demo MLS over real HTTP: profiles on disk without secrets, the
// demo profile, sessions, the metadata cache, streaming search with cancel, history, the trace
// without secrets, CSV export checked against the server's rows, photos with retries, snippets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostEvent, Profile, SessionStatus } from '../../shared/contract';
import { parseCsv } from './csv';
import { call, runOperation, startHarness, type Harness } from './hostHarness';
import { wireRows } from '../../shared/contract/compactRows';

let h: Harness;
/** The Demo MLS's clock runs this far ahead: sessions expire without waiting. */
let demoSkewMs = 0;
beforeAll(async () => { h = await startHarness({ demoClock: () => Date.now() + demoSkewMs }); });
afterAll(async () => { await h?.close(); });

const RES = { profileId: 'demo', resource: 'Property', class: 'RES' };

async function demoProfile(username: string, extra: Record<string, unknown> = {}): Promise<Profile> {
  const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', {
    name: `Demo ${username}`, loginUrl: h.host.demo!.loginUrl, username, password: 'demo', ...extra,
  });
  return profile;
}

/** Every row of a search, through the host. */
async function searchRows(req: Record<string, unknown>): Promise<{ columns: string[]; rows: string[][]; last: HostEvent }> {
  let columns: string[] = [];
  const rows: string[][] = [];
  const { last } = await runOperation(h.host, 'search.start', req, (e) => {
    if (e.type === 'search.columns') columns = e.columns;
    if (e.type === 'search.rows') { expect(e.start).toBe(rows.length); rows.push(...wireRows(e)); }
  });
  return { columns, rows, last };
}

describe('profiles', () => {
  it('offers the Demo MLS first, ready, and refuses to delete it', async () => {
    const { profiles } = await call<{ profiles: Profile[] }>(h.host, 'profiles.list');
    expect(profiles[0]).toMatchObject({ id: 'demo', name: 'Demo MLS (RETS)', builtin: true, hasPassword: true });
    expect(JSON.stringify(profiles)).not.toContain('"password"');
    const del = await h.host.call('profiles.delete', { id: 'demo' });
    expect(del.ok).toBe(false);
  });

  it('keeps a profile as a JSON file without its secrets and says plainly when no keychain answers', async () => {
    const p = await demoProfile('uaauth', { password: 'demo-Pa55word', uaPassword: 'uasecret', userAgent: 'RETSWorkbench/1.0' });
    expect(p).toMatchObject({ hasPassword: true, hasUaPassword: true, secretStorage: 'memory' });
    expect(p.secretWarning).toMatch(/No OS keychain answered/);
    const files = readdirSync(h.host.layout.profiles);
    expect(files).toContain(`${p.id}.json`);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const text = readFileSync(join(h.host.layout.profiles, `${p.id}.json`), 'utf8');
    expect(text).not.toContain('demo-Pa55word');
    expect(text).not.toContain('uasecret');
    expect(JSON.parse(text)).toMatchObject({ username: 'uaauth', secrets: { password: 'memory', uaPassword: 'memory' } });

    const { profile: updated } = await call<{ profile: Profile }>(h.host, 'profiles.update', { id: p.id, patch: { name: 'Renamed', uaPassword: null } });
    expect(updated).toMatchObject({ name: 'Renamed', hasPassword: true, hasUaPassword: false });
    await call(h.host, 'profiles.delete', { id: p.id });
    expect(existsSync(join(h.host.layout.profiles, `${p.id}.json`))).toBe(false);
  });

  it('tests a draft: a wrong password comes back as a typed auth error, the right one logs in', async () => {
    const bad = await call<{ ok: boolean; error?: { kind: string; httpStatus?: number } }>(h.host, 'profiles.test', { draft: { name: 'x', loginUrl: h.host.demo!.loginUrl, username: 'badpass', password: 'nope' } });
    expect(bad.ok).toBe(false);
    expect(bad.error?.kind).toBe('auth');
    const good = await call<{ ok: boolean; login?: { capabilities: Record<string, string> } }>(h.host, 'profiles.test', { profileId: 'demo' });
    expect(good.ok).toBe(true);
    expect(Object.keys(good.login!.capabilities)).toEqual(expect.arrayContaining(['Search', 'GetMetadata', 'GetObject']));
  });
});

describe('session and metadata', () => {
  it('logs in once, reports login facts, and reuses the session', async () => {
    const s = await call<SessionStatus>(h.host, 'session.connect', { profileId: 'demo' });
    expect(s.state).toBe('connected');
    expect(s.login?.metadataVersion).toBeTruthy();
    const again = await call<SessionStatus>(h.host, 'session.connect', { profileId: 'demo' });
    expect(again.connectedAt).toBe(s.connectedAt);
  });

  it('caches metadata on disk by version, serves it from the cache, and refreshes on demand', async () => {
    type Md = { metadata: { resources: { id: string; classes: { name: string; fields: unknown[] }[] }[] }; cache: { fromCache: boolean; metadataVersion?: string; fieldCount: number } };
    const first = await call<Md>(h.host, 'metadata.get', { profileId: 'demo' });
    expect(first.cache.fromCache).toBe(false);
    expect(first.metadata.resources.map((r) => r.id)).toEqual(expect.arrayContaining(['Property', 'Agent', 'Office']));
    expect(first.cache.fieldCount).toBeGreaterThan(200);
    // One version's file, and the index of the versions kept.
    const files = readdirSync(join(h.host.layout.metadataCache, 'demo')).filter((n) => n !== 'versions.json');
    expect(files).toHaveLength(1);
    expect(files[0]).toContain(first.cache.metadataVersion!);
    const second = await call<Md>(h.host, 'metadata.get', { profileId: 'demo' });
    expect(second.cache.fromCache).toBe(true);
    const refreshed = await call<Md>(h.host, 'metadata.get', { profileId: 'demo', refresh: true });
    expect(refreshed.cache.fromCache).toBe(false);
  });
});

describe('session expiry', () => {
  it('logs in again by itself when the server ends the session early', async () => {
    const short = await demoProfile('shortsession');
    const first = await searchRows({ ...RES, profileId: short.id, query: '(L_ListPrice=200000-300000)', select: ['L_ListingKey'], options: { limit: 3 } });
    expect(first.rows).toHaveLength(3);
    // The shortsession account drops sessions after 5 s idle (HTTP 401, ReplyCode 20701): move the
    // server's clock past that instead of waiting.
    demoSkewMs += 6000;
    const second = await searchRows({ ...RES, profileId: short.id, query: '(L_ListPrice=200000-300000)', select: ['L_ListingKey'], options: { limit: 3 } });
    expect(second.last.type).toBe('search.done');
    expect(second.rows).toEqual(first.rows);
    const { entries } = await call<{ entries: { transaction: string }[] }>(h.host, 'trace.list', { profileId: short.id });
    expect(entries.filter((e) => e.transaction === 'Login').length).toBeGreaterThanOrEqual(2);
    const status = await call<SessionStatus>(h.host, 'session.status', { profileId: short.id });
    expect(status.state).toBe('connected');
  });
});

describe('search', () => {
  it('streams columns, counted rows and done; every row matches the query', async () => {
    const { columns, rows, last } = await searchRows({ ...RES, query: '(L_ListPrice=200000-300000)', select: ['L_ListingKey', 'L_ListPrice', 'L_Status'], options: { limit: 50 } });
    expect(columns).toEqual(['L_ListingKey', 'L_ListPrice', 'L_Status']);
    expect(rows.length).toBe(50);
    for (const r of rows) expect(Number(r[1])).toBeGreaterThanOrEqual(200000);
    for (const r of rows) expect(Number(r[1])).toBeLessThanOrEqual(300000);
    expect(last).toMatchObject({ type: 'search.done', rows: 50, cancelled: false });
    expect((last as { count?: number }).count).toBeGreaterThanOrEqual(50);
  });

  it('reports an empty result (20201) as done with the reply code, not an error', async () => {
    const { rows, last } = await searchRows({ ...RES, query: '(L_ListPrice=1-2)' });
    expect(rows).toEqual([]);
    expect(last).toMatchObject({ type: 'search.done', rows: 0, replyCode: 20201 });
  });

  it('turns a server error into a search.error with the RETS reply code', async () => {
    const { last } = await searchRows({ ...RES, query: '(NoSuchField=1)' });
    expect(last.type).toBe('search.error');
    expect((last as { error: { kind: string; replyCode?: number } }).error).toMatchObject({ kind: 'rets' });
    expect((last as { error: { replyCode?: number } }).error.replyCode).toBeGreaterThan(20000);
  });

  it('cancels a running search by id', async () => {
    const slow = await demoProfile('slow');
    let cancelled = false;
    const { last } = await runOperation(h.host, 'search.start', { ...RES, profileId: slow.id, query: '(L_ListPrice=0+)', options: { limit: 'NONE' } }, undefined, async (id) => {
      cancelled = (await call<{ cancelled: boolean }>(h.host, 'search.cancel', { operationId: id })).cancelled;
    });
    expect(cancelled).toBe(true);
    expect(last).toMatchObject({ type: 'search.done', cancelled: true });
    const again = await call<{ cancelled: boolean }>(h.host, 'search.cancel', { operationId: (last as { operationId: string }).operationId });
    expect(again.cancelled).toBe(false);
  });

  it('records each run in the history with status, count and time', async () => {
    const { entries } = await call<{ entries: { status: string; query: string; rows: number; elapsedMs: number; count?: number }[] }>(h.host, 'history.list', { profileId: 'demo' });
    const ok = entries.find((e) => e.query === '(L_ListPrice=200000-300000)');
    expect(ok).toMatchObject({ status: 'ok', rows: 50 });
    expect(ok!.count).toBeGreaterThanOrEqual(50);
    expect(entries.find((e) => e.query === '(NoSuchField=1)')?.status).toBe('error');
  });

  it('keeps a request log without secrets', async () => {
    const { entries } = await call<{ entries: { transaction: string; url: string; requestHeaders: Record<string, string>; status?: number }[] }>(h.host, 'trace.list', { profileId: 'demo' });
    expect(entries.map((e) => e.transaction)).toEqual(expect.arrayContaining(['Login', 'GetMetadata', 'Search']));
    const text = JSON.stringify(entries);
    expect(text).not.toMatch(/response="[0-9a-f]{32}"/);
    expect(text).not.toMatch(/RETS-Session-ID=[^;"]*[0-9a-f]{8}/i);
  });
});

describe('CSV export', () => {
  const query = '(L_ListPrice=250000-400000)';
  const select = ['L_ListingKey', 'L_ListPrice', 'L_Status', 'LIST_78'];

  it('writes every matching row from a fresh paged search, RFC 4180 with BOM and LongName headers', async () => {
    const path = join(h.dir, 'out', 'export.csv');
    // The file the desktop save dialog chose: the renderer holds only its handle.
    const handle = h.host.files.issue(path, 'export-csv', 'write');
    const { last, events } = await runOperation(h.host, 'export.start', { ...RES, query, select, destination: { kind: 'file', handle }, options: { header: 'LongName', bom: true } });
    expect(last.type, JSON.stringify(last)).toBe('export.done');
    expect((last as { fileName: string }).fileName).toBe('export.csv');
    expect(JSON.stringify(last)).not.toContain(h.dir);
    expect(events.some((e) => e.type === 'export.progress')).toBe(true);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toContain('\r\n');
    const table = parseCsv(text);
    expect(table[0]).toEqual(['Listing Key', 'List Price', 'Status', 'Public Remarks']);
    // Remarks carry commas and quotes: RFC 4180 quoting must round-trip them.
    expect(table.slice(1).some((r) => r[3].includes(','))).toBe(true);
    // The server's own rows for the same query, through a search without a limit.
    const server = await searchRows({ ...RES, query, select, options: { limit: 'NONE', pageAll: true } });
    expect(table.length - 1).toBe(server.rows.length);
    expect((last as { rows: number }).rows).toBe(server.rows.length);
    expect(table.slice(1)).toEqual(server.rows);
    expect(readdirSync(join(h.dir, 'out'))).toEqual(['export.csv']);
  });

  it('writes raw lookup codes with SystemName headers when asked, into a download', async () => {
    const { last } = await runOperation(h.host, 'export.start', { ...RES, query, select: ['L_ListingKey', 'L_Status'], destination: { kind: 'download', fileName: 'raw.csv' }, options: { header: 'SystemName', lookups: 'raw' } });
    expect(last.type).toBe('export.done');
    const done = last as { fileName: string; downloadUrl?: string };
    expect(done.downloadUrl).toMatch(/^\/downloads\//);
    expect(done.fileName).toBe('raw.csv');
    const file = h.host.download(done.downloadUrl!.split('/').pop()!)!;
    expect(file.path.startsWith(h.host.layout.exports)).toBe(true);
    const table = parseCsv(readFileSync(file.path, 'utf8'));
    expect(table[0]).toEqual(['L_ListingKey', 'L_Status']);
    const decoded = await searchRows({ ...RES, query, select: ['L_ListingKey', 'L_Status'], options: { limit: 'NONE', pageAll: true } });
    expect(table.length - 1).toBe(decoded.rows.length);
    // Raw codes differ from the decoded names the default search returns.
    expect(table.slice(1).map((r) => r[1])).not.toEqual(decoded.rows.map((r) => r[1]));
  });

  it('writes to a path named by the CLI through the host-internal API', async () => {
    const path = join(h.dir, 'cli', 'five.csv');
    const journal = join(h.host.layout.tempJournal, `${process.pid}.json`);
    const done = new Promise<HostEvent>((resolve) => {
      const off = h.host.events.subscribe((e) => { if (e.type === 'export.done' || e.type === 'export.error') { off(); resolve(e); } });
    });
    mkdirSync(join(h.dir, 'cli'));
    h.host.local.exportCsv({ ...RES, query, select: ['L_ListingKey'], options: { header: 'SystemName', lookups: 'decoded', bom: false, maxRows: 5 } }, path);
    const last = await done;
    expect(last.type, JSON.stringify(last)).toBe('export.done');
    expect(parseCsv(readFileSync(path, 'utf8'))).toHaveLength(6);
    // The temp file was renamed and left the journal.
    expect(JSON.parse(readFileSync(journal, 'utf8'))).toEqual({ temps: [] });
    expect(readdirSync(join(h.dir, 'cli'))).toEqual(['five.csv']);
  });

  it('cancels an export and leaves no file behind', async () => {
    // The slow account stalls every response: the export is still running when cancelled.
    const slow = await demoProfile('slow');
    const path = join(h.dir, 'cancelled', 'never.csv');
    let cancelled = false;
    const handle = h.host.files.issue(path, 'export-csv', 'write');
    const { last } = await runOperation(h.host, 'export.start', { ...RES, profileId: slow.id, query, destination: { kind: 'file', handle } }, undefined, async (id) => {
      cancelled = (await call<{ cancelled: boolean }>(h.host, 'export.cancel', { operationId: id })).cancelled;
    });
    expect(cancelled).toBe(true);
    expect(last.type).toBe('export.error');
    expect((last as { error: { kind: string } }).error.kind).toBe('cancelled');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(join(h.dir, 'cancelled')) ? readdirSync(join(h.dir, 'cancelled')) : []).toEqual([]);
  });
});

describe('photos', () => {
  async function listingWithPhotos(profileId = 'demo'): Promise<string> {
    const { rows } = await searchRows({ ...RES, profileId, query: '(L_PictureCount=3+)', select: ['L_ListingKey', 'L_PictureCount'], options: { limit: 1 } });
    return rows[0][0];
  }

  it('lists a listing\'s photos with thumbnails and serves them from the on-disk cache', async () => {
    const key = await listingWithPhotos();
    const r = await call<{ objects: { objectId: number; url: string; thumbnailUrl: string | null; contentType: string; error?: unknown }[] }>(h.host, 'objects.list', { profileId: 'demo', resource: 'Property', key });
    expect(r.objects.length).toBeGreaterThanOrEqual(3);
    expect(r.objects.every((o) => !o.error)).toBe(true);
    const first = r.objects[0];
    expect(first.url).toBe(`/media/demo/Property/Photo/${key}/${first.objectId}`);
    const full = await h.host.media(first.url.slice('/media/'.length));
    expect(full?.contentType).toMatch(/^image\//);
    expect(full!.body.length).toBeGreaterThan(100);
    const thumb = await h.host.media(first.thumbnailUrl!.slice('/media/'.length));
    expect(thumb!.body.length).toBeLessThan(full!.body.length);
    expect(existsSync(join(h.host.layout.objectCache, 'demo', 'Property', 'Photo', key, 'index.json'))).toBe(true);
  });

  it('retries photos that fail on the first try', async () => {
    const flaky = await demoProfile('flakyphotos');
    const key = await listingWithPhotos(flaky.id);
    const r = await call<{ objects: { error?: unknown }[] }>(h.host, 'objects.list', { profileId: flaky.id, resource: 'Property', key });
    expect(r.objects.length).toBeGreaterThanOrEqual(3);
    expect(r.objects.filter((o) => o.error)).toEqual([]);
  });

  it('answers a listing without photos with an empty gallery', async () => {
    const { rows } = await searchRows({ ...RES, query: '(L_PictureCount=0)', select: ['L_ListingKey'], options: { limit: 1 } });
    const r = await call<{ objects: unknown[] }>(h.host, 'objects.list', { profileId: 'demo', resource: 'Property', key: rows[0][0] });
    expect(r.objects).toEqual([]);
  });
});

describe('snippets', () => {
  it('saves one plain JSON file per snippet, exports and imports them', async () => {
    const { snippet } = await call<{ snippet: { id: string; name: string } }>(h.host, 'snippets.save', { name: 'Active RES 200-500k', tags: ['res'], resource: 'Property', class: 'RES', query: '(L_ListPrice=200000-500000)', select: ['L_ListingKey'], options: { limit: 100 } });
    const file = join(h.host.layout.snippets, `${snippet.id}.json`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ name: 'Active RES 200-500k', tags: ['res'], query: '(L_ListPrice=200000-500000)', options: { limit: 100 } });
    const exported = await call<{ content: string; count: number }>(h.host, 'snippets.export', { ids: [snippet.id] });
    expect(exported.count).toBe(1);
    await call(h.host, 'snippets.delete', { id: snippet.id });
    expect(existsSync(file)).toBe(false);
    const { imported } = await call<{ imported: { name: string }[] }>(h.host, 'snippets.import', { content: exported.content });
    expect(imported.map((s) => s.name)).toEqual(['Active RES 200-500k']);
    const bad = await h.host.call('snippets.import', { content: '{"name": 1}' });
    expect(bad.ok).toBe(false);
  });
});
