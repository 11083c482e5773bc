// The host with a RESO Web API profile against the Demo MLS's Web API over real HTTP: a
// client-credentials profile (secret kept out of the file), test and connect (token + service
// document), metadata (entity sets as resources, lookup values on demand), a search with a
// filter, select and pages, CSV export following nextLink checked against the server's own rows,
// a record's photos from Media, history and snippets that record the protocol, a wrong secret in
// words, and the server's quota in the session status.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { HistoryEntry, HostEvent, ObjectInfo, Profile, ProfileTestResult as TestResultSchema, SessionStatus, Snippet } from '../../shared/contract';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { allPages, bearer, clientToken, query } from '../demo-webapi/helpers';
import { parseCsv } from './csv';
import { call, runOperation, runSearchRecorded, startHarness, type Harness } from './hostHarness';
import { wireRows } from '../../shared/contract/compactRows';

type ProfileTestResult = z.infer<typeof TestResultSchema>;

let h: Harness;
let profile: Profile;
beforeAll(async () => {
  h = await startHarness({ listings: 300 });
  const w = h.host.demo!.webApi;
  profile = (await call<{ profile: Profile }>(h.host, 'profiles.create', {
    name: 'Web API demo', type: 'webapi', loginUrl: w.serviceRoot, username: '',
    webApi: { auth: 'client-credentials', tokenUrl: w.tokenUrl, clientId: 'demo-client', scope: 'api', pageSize: 25, headers: { 'X-Dataset': 'demo' } },
    clientSecret: 'demo-secret',
  })).profile;
});
afterAll(async () => { await h?.close(); });

const serverRows = async (set: string, options: Record<string, string | number | boolean>) => {
  const mls = h.host.demo!;
  return (await allPages(query(mls.webApi.serviceRoot, set, options), bearer(await clientToken(mls)))).rows;
};

describe('Web API profiles', () => {
  it('keeps the client secret out of the profile file and the renderer', async () => {
    expect(profile).toMatchObject({ type: 'webapi', hasClientSecret: true, hasToken: false, webApi: { auth: 'client-credentials', clientId: 'demo-client', pageSize: 25 } });
    const text = readFileSync(join(h.host.layout.profiles, `${profile.id}.json`), 'utf8');
    expect(text).not.toContain('demo-secret');
    expect(JSON.parse(text)).toMatchObject({ type: 'webapi', secrets: { clientSecret: 'memory', password: 'none' } });
    expect(JSON.stringify(await call(h.host, 'profiles.list'))).not.toContain('demo-secret');
    expect((await h.host.profiles.connection(profile.id)).clientSecret).toBe('demo-secret');
  });

  it('offers the Demo MLS twice, ready', async () => {
    const { profiles } = await call<{ profiles: Profile[] }>(h.host, 'profiles.list');
    expect(profiles.slice(0, 2)).toMatchObject([
      { id: 'demo', name: 'Demo MLS (RETS)', type: 'rets', builtin: true },
      { id: 'demo-webapi', name: 'Demo MLS (Web API)', type: 'webapi', builtin: true, hasClientSecret: true, webApi: { auth: 'client-credentials', clientId: 'demo-client' } },
    ]);
    const status = await call<SessionStatus>(h.host, 'session.connect', { profileId: 'demo-webapi' });
    expect(status.state).toBe('connected');
  });

  it('refuses a Web API profile without its OAuth2 settings, in words', async () => {
    const env = await h.host.call('profiles.create', { name: 'No token URL', type: 'webapi', loginUrl: 'https://api.example.com/odata', username: '', webApi: { auth: 'client-credentials', clientId: 'x' } });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).toMatch(/token URL/);
  });

  it('tests and connects: the token, then the service document', async () => {
    const test = await call<ProfileTestResult>(h.host, 'profiles.test', { profileId: profile.id });
    expect(test.ok).toBe(true);
    expect(test.login?.capabilities).toMatchObject({ ServiceRoot: h.host.demo!.webApi.serviceRoot, Property: expect.any(String), Media: expect.any(String) });
    const status = await call<SessionStatus>(h.host, 'session.connect', { profileId: profile.id });
    expect(status.state).toBe('connected');
    const trace = await call<{ entries: { id: number; transaction: string }[] }>(h.host, 'trace.list', { profileId: profile.id });
    expect(trace.entries.map((e) => e.transaction)).toEqual(['Token', 'ServiceDocument']);
    // The list carries summaries; an entry's headers come with its detail.
    const doc = await call<{ requestHeaders: Record<string, string> }>(h.host, 'trace.get', { profileId: profile.id, id: trace.entries[1]!.id });
    expect(doc.requestHeaders.authorization).toBe('Bearer REDACTED');
    expect(doc.requestHeaders['x-dataset']).toBe('demo');
    const token = await call(h.host, 'trace.get', { profileId: profile.id, id: trace.entries[0]!.id });
    expect(JSON.stringify([trace, doc, token])).not.toContain('demo-secret');
    // The token answer is not kept: it is the credential.
    expect(JSON.stringify(token)).not.toContain('access_token');
  });

  it('reads the metadata: entity sets as resources, lookup values per LookupName on demand', async () => {
    const { metadata } = await call<{ metadata: RetsMetadata }>(h.host, 'metadata.get', { profileId: profile.id });
    const ids = metadata.resources.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['Property', 'Member', 'Office', 'OpenHouse', 'Media', 'Lookup']));
    const property = metadata.resources.find((r) => r.id === 'Property')!;
    expect(property.keyField).toBe('ListingKey');
    expect(property.classes[0]!.name).toBe('Property');
    const status = property.classes[0]!.fields.find((f) => f.systemName === 'StandardStatus')!;
    expect(status.lookupName).not.toBe('');
    const { lookup } = await call<{ lookup: RetsMetadata['resources'][number]['lookups'][number] }>(h.host, 'metadata.lookupValues', { profileId: profile.id, lookupName: status.lookupName });
    expect(lookup.values.map((v) => v.value)).toEqual(expect.arrayContaining(['Active', 'Closed']));
  });

  it('searches with a filter and select, page by page to the limit, with the count', async () => {
    const filter = "StandardStatus ne 'Withdrawn' and ListPrice gt 100000";
    const select = ['ListingKey', 'ListPrice', 'StandardStatus'];
    // On to the history write, which the next test reads.
    const { events, last } = await runSearchRecorded(h.host, {
      profileId: profile.id, protocol: 'webapi', resource: 'Property', class: 'Property', query: filter, select,
      odata: { orderby: 'ListPrice desc,ListingKey', count: true }, options: { limit: 60 },
    });
    expect(last).toMatchObject({ type: 'search.done', rows: 60, cancelled: false, maxrows: true });
    const columns = events.find((e): e is Extract<HostEvent, { type: 'search.columns' }> => e.type === 'search.columns')!;
    expect(columns.columns).toEqual(select);
    const rows = events.flatMap((e) => (e.type === 'search.rows' ? wireRows(e) : []));
    const expected = await serverRows('Property', { $filter: filter, $select: select.join(','), $orderby: 'ListPrice desc,ListingKey' });
    expect(rows).toEqual(expected.slice(0, 60).map((r) => select.map((c) => String(r[c]))));
    const count = events.find((e): e is Extract<HostEvent, { type: 'search.count' }> => e.type === 'search.count')!;
    expect(count.count).toBe(expected.length);
    const pages = events.filter((e): e is Extract<HostEvent, { type: 'search.page' }> => e.type === 'search.page');
    expect(pages.map((p) => [p.n, p.rows, p.totalRows])).toEqual([[1, 25, 25], [2, 25, 50], [3, 10, 60]]);
    expect(pages.slice(0, 2).every((p) => p.more && p.nextLink?.includes('$skiptoken'))).toBe(true);
    expect(pages[2]!.more).toBe(expected.length > 60);
  });

  it('records the protocol and the whole query in the history; snippets keep them too', async () => {
    const { entries } = await call<{ entries: HistoryEntry[] }>(h.host, 'history.list', { profileId: profile.id });
    expect(entries[0]).toMatchObject({
      protocol: 'webapi', resource: 'Property', query: "StandardStatus ne 'Withdrawn' and ListPrice gt 100000",
      select: ['ListingKey', 'ListPrice', 'StandardStatus'], odata: { orderby: 'ListPrice desc,ListingKey', count: true },
      options: { limit: 60 }, status: 'ok', rows: 60,
    });
    const { snippet } = await call<{ snippet: Snippet }>(h.host, 'snippets.save', {
      name: 'Pricey actives (Web API)', protocol: 'webapi', resource: 'Property', class: 'Property', query: "ListPrice gt 500000",
      select: ['ListingKey'], odata: { orderby: 'ListPrice desc', expand: 'Media' }, options: { limit: 10 },
    });
    const file = JSON.parse(readFileSync(join(h.host.layout.snippets, `${snippet.id}.json`), 'utf8')) as Snippet;
    expect(file).toMatchObject({ protocol: 'webapi', odata: { orderby: 'ListPrice desc', expand: 'Media' }, options: { limit: 10 } });
    const { snippets } = await call<{ snippets: Snippet[] }>(h.host, 'snippets.list');
    expect(snippets.find((s) => s.id === snippet.id)).toMatchObject({ protocol: 'webapi', odata: { expand: 'Media' } });
  });

  it('exports CSV following nextLink to the end, with DisplayName headers, matching the server', async () => {
    const filter = "ListPrice gt 100000";
    const select = ['ListingKey', 'ListPrice', 'City'];
    const progress: number[] = [];
    const { last } = await runOperation(h.host, 'export.start', {
      profileId: profile.id, protocol: 'webapi', resource: 'Property', class: 'Property', query: filter, select,
      odata: { orderby: 'ListingKey' }, destination: { kind: 'download', fileName: 'webapi.csv' }, options: { header: 'DisplayName' },
    }, (e) => { if (e.type === 'export.progress') progress.push(e.rows); });
    expect(last.type).toBe('export.done');
    const expected = await serverRows('Property', { $filter: filter, $select: select.join(','), $orderby: 'ListingKey' });
    expect(expected.length).toBeGreaterThan(100); // several pages of 25
    const file = h.host.download((last as { operationId: string }).operationId)!;
    const table = parseCsv(readFileSync(file.path, 'utf8'));
    const { metadata } = await call<{ metadata: RetsMetadata }>(h.host, 'metadata.get', { profileId: profile.id });
    const fields = metadata.resources.find((r) => r.id === 'Property')!.classes[0]!.fields;
    expect(table[0]).toEqual(select.map((c) => fields.find((f) => f.systemName === c)!.longName));
    expect(table.slice(1)).toEqual(expected.map((r) => select.map((c) => (r[c] === null ? '' : String(r[c])))));
    expect(progress.at(-1)).toBe(expected.length);
    expect(readdirSync(join(h.host.layout.exports, (last as { operationId: string }).operationId))).toEqual(['webapi.csv']);
  });

  it('shows a record\'s photos from Media, their MediaURL images fetched by the host', async () => {
    const [listing] = await serverRows('Property', { $select: 'ListingKey', $top: 1, $orderby: 'ListingKey' });
    const key = String(listing!.ListingKey);
    const media = await serverRows('Media', { $filter: `ResourceRecordKey eq '${key}'`, $orderby: 'Order' });
    expect(media.length).toBeGreaterThan(0);
    const r = await call<{ objects: ObjectInfo[] }>(h.host, 'objects.list', { profileId: profile.id, resource: 'Property', key, type: 'Photo' });
    expect(r.objects).toHaveLength(media.length);
    expect(r.objects.every((o) => !o.error && o.contentType === 'image/png' && (o.bytes ?? 0) > 0)).toBe(true);
    expect(r.objects[0]!.preferred).toBe(true);
    const path = r.objects[0]!.url.replace(/^\/media\//, '');
    const img = await h.host.media(path);
    expect(img?.contentType).toBe('image/png');
    expect(Buffer.from(img!.body.subarray(1, 4)).toString('latin1')).toBe('PNG');
  });

  it('a wrong client secret is a typed error in words, in the test and in the status', async () => {
    const w = h.host.demo!.webApi;
    const { profile: bad } = await call<{ profile: Profile }>(h.host, 'profiles.create', {
      name: 'Wrong secret', type: 'webapi', loginUrl: w.serviceRoot, username: '',
      webApi: { auth: 'client-credentials', tokenUrl: w.tokenUrl, clientId: 'demo-client', scope: 'api' }, clientSecret: 'not-the-secret',
    });
    const test = await call<ProfileTestResult>(h.host, 'profiles.test', { profileId: bad.id });
    expect(test.ok).toBe(false);
    expect(test.error).toMatchObject({ kind: 'auth', transaction: 'Login', httpStatus: 401 });
    expect(test.error!.message).toMatch(/rejected the client id or client secret \(invalid_client\)/);
    expect(test.error!.hint).toMatch(/client secret/);
    const status = await call<SessionStatus>(h.host, 'session.connect', { profileId: bad.id });
    expect(status).toMatchObject({ state: 'error', error: { kind: 'auth' } });
    expect(JSON.stringify(status)).not.toContain('not-the-secret');
  });

  it('a draft is tested before saving, its secret never stored', async () => {
    const w = h.host.demo!.webApi;
    const test = await call<ProfileTestResult>(h.host, 'profiles.test', {
      draft: { name: 'Draft', type: 'webapi', loginUrl: w.serviceRoot, username: 'agent1', password: 'demo', webApi: { auth: 'password', tokenUrl: w.tokenUrl, clientId: 'demo-client', scope: 'api' }, clientSecret: 'demo-secret' },
    });
    expect(test.ok).toBe(true);
  });

  it('shows the server\'s quota from its rate-limit headers in the session status', async () => {
    const w = h.host.demo!.webApi;
    const { profile: limited } = await call<{ profile: Profile }>(h.host, 'profiles.create', {
      name: 'Rate limited', type: 'webapi', loginUrl: w.serviceRoot, username: '',
      webApi: { auth: 'client-credentials', tokenUrl: w.tokenUrl, clientId: 'ratelimit-client', scope: 'api' }, clientSecret: 'demo-secret',
    });
    const changes: SessionStatus[] = [];
    const off = h.host.events.subscribe((e) => { if (e.type === 'session.changed' && e.status.profileId === limited.id) changes.push(e.status); });
    const status = await call<SessionStatus>(h.host, 'session.connect', { profileId: limited.id });
    off();
    expect(status.state).toBe('connected');
    const burst = status.quota?.windows.find((q) => q.window === 'burst');
    expect(burst).toMatchObject({ limit: 10, remaining: expect.any(Number) });
    expect(burst!.remaining!).toBeLessThan(10);
    expect(status.quota?.windows.find((q) => q.window === 'hour')).toMatchObject({ limit: expect.any(Number) });
    expect(changes.some((c) => c.quota !== undefined)).toBe(true);
    expect((await call<SessionStatus>(h.host, 'session.status', { profileId: limited.id })).quota).toEqual(status.quota);
  });
});

describe('Retry-After', () => {
  it('shows the wait in the session status while it runs; cancel ends it', async () => {
    const w = h.host.demo!.webApi;
    // One row a page: the client's ten requests a minute run out within the search.
    const { profile: limited } = await call<{ profile: Profile }>(h.host, 'profiles.create', {
      name: 'Rate limited, small pages', type: 'webapi', loginUrl: w.serviceRoot, username: '',
      webApi: { auth: 'client-credentials', tokenUrl: w.tokenUrl, clientId: 'ratelimit-client', scope: 'api', pageSize: 1 }, clientSecret: 'demo-secret',
    });
    let waiting: SessionStatus | undefined;
    const { last, events } = await runOperation(h.host, 'search.start', {
      profileId: limited.id, protocol: 'webapi', resource: 'Property', class: 'Property', query: '', select: ['ListingKey'], options: { limit: 40 },
    }, undefined, async (operationId) => {
      await new Promise<void>((resolve) => {
        const off = h.host.events.subscribe((e) => {
          if (e.type !== 'session.changed' || e.status.profileId !== limited.id || e.status.waitingMs === undefined) return;
          waiting = e.status;
          off();
          resolve();
        });
      });
      await call(h.host, 'search.cancel', { operationId });
    });
    expect(waiting).toMatchObject({ waitingMs: expect.any(Number), waitingUntil: expect.any(String), quota: { windows: expect.arrayContaining([expect.objectContaining({ window: 'burst', remaining: 0 })]) } });
    expect(waiting!.waitingMs!).toBeGreaterThan(0);
    expect(last).toMatchObject({ type: 'search.done', cancelled: true });
    expect(events.filter((e) => e.type === 'search.page').length).toBeLessThan(10);
  });
});
