// Web API results on the host against the Demo MLS's Web API over real HTTP: CSV and JSON Lines
// exports that follow nextLink to the end, compared with the server's data read by paging it
// directly (DisplayName headers, collections joined with the chosen separator, expanded Media as
// its MediaURLs); a record's photos from Media served through the media policy; snippets exported
// to a file and imported again (a selection, new ids, the whole Web API query), a copy of the
// snippet folder's own files imported, and what an import skips said with its reason.
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostEvent, ObjectInfo, SkippedSnippet, Snippet } from '../../shared/contract';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { mediaAnswer } from '../../electron/host/mediaPolicy';
import { allPages, bearer, clientToken, query, type Entity } from '../demo-webapi/helpers';
import { parseCsv } from './csv';
import { call, runOperation, startHarness, type Harness } from './hostHarness';

let h: Harness;
const PROFILE = 'demo-webapi';
/** The demo account with pages of 25 rows: an export follows several nextLinks. */
let paged: string;
let metadata: RetsMetadata;
/** A Property field whose values are a collection (Collection(...) in $metadata). */
let collectionField: string;

beforeAll(async () => {
  h = await startHarness({ listings: 120 });
  metadata = (await call<{ metadata: RetsMetadata }>(h.host, 'metadata.get', { profileId: PROFILE })).metadata;
  const fields = metadata.resources.find((r) => r.id === 'Property')!.classes[0]!.fields;
  collectionField = fields.find((f) => f.odata?.collection)!.systemName;
  const w = h.host.demo!.webApi;
  paged = (await call<{ profile: { id: string } }>(h.host, 'profiles.create', {
    name: 'Paged', type: 'webapi', loginUrl: w.serviceRoot, username: '',
    webApi: { auth: 'client-credentials', tokenUrl: w.tokenUrl, clientId: 'demo-client', scope: 'api', pageSize: 25 }, clientSecret: 'demo-secret',
  })).profile.id;
});
afterAll(async () => { await h?.close(); });

const serverRows = async (set: string, options: Record<string, string | number | boolean>): Promise<Entity[]> => {
  const mls = h.host.demo!;
  return (await allPages(query(mls.webApi.serviceRoot, set, options), bearer(await clientToken(mls)))).rows;
};

const exportFile = async (req: Record<string, unknown>, onEvent?: (e: HostEvent) => void) => {
  const { last, operationId } = await runOperation(h.host, 'export.start', { profileId: paged, protocol: 'webapi', resource: 'Property', class: 'Property', ...req }, onEvent);
  expect(last.type).toBe('export.done');
  const file = h.host.download(operationId)!;
  return { text: readFileSync(file.path, 'utf8'), fileName: file.fileName, done: last as Extract<HostEvent, { type: 'export.done' }> };
};

describe('Web API export', () => {
  it('CSV: every page to the end, DisplayName headers, collections and expanded Media joined with the separator', async () => {
    const select = ['ListingKey', 'ListPrice', collectionField];
    const filter = 'ListPrice gt 0';
    const progress: Extract<HostEvent, { type: 'export.progress' }>[] = [];
    const { text, fileName } = await exportFile({
      query: filter, select, odata: { orderby: 'ListingKey', expand: 'Media' },
      destination: { kind: 'download', fileName: 'photos' }, options: { header: 'DisplayName', collectionSeparator: ' | ' },
    }, (e) => { if (e.type === 'export.progress') progress.push(e); });
    expect(fileName).toBe('photos.csv');
    const expected = await serverRows('Property', { $filter: filter, $select: select.join(','), $orderby: 'ListingKey', $expand: 'Media' });
    expect(expected.length).toBeGreaterThan(100); // pages of 25: several nextLinks followed
    const table = parseCsv(text);
    const fields = metadata.resources.find((r) => r.id === 'Property')!.classes[0]!.fields;
    expect(table[0]).toEqual([...select.map((c) => fields.find((f) => f.systemName === c)!.longName), 'Media']);
    expect(table[0]![2]).not.toBe(collectionField); // a DisplayName differs from the name
    expect(table.slice(1)).toEqual(expected.map((r) => [
      String(r.ListingKey), String(r.ListPrice), (r[collectionField] as string[]).join(' | '),
      (r.Media as Entity[]).map((m) => m.MediaURL).join(' | '),
    ]));
    expect(expected.some((r) => (r[collectionField] as string[]).length > 1)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ rows: expected.length, total: expected.length });
  });

  it('JSON Lines: one object a line with the values as the server sent them (types, collections, Media)', async () => {
    const select = ['ListingKey', 'ListPrice', collectionField];
    const { text, fileName } = await exportFile({
      query: '', select, odata: { orderby: 'ListingKey', expand: 'Media' },
      destination: { kind: 'download', fileName: 'listings.csv' }, options: { format: 'jsonl' },
    });
    expect(fileName).toBe('listings.csv.jsonl');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    const expected = await serverRows('Property', { $select: select.join(','), $orderby: 'ListingKey', $expand: 'Media' });
    expect(lines).toHaveLength(expected.length);
    expect(lines.map((l) => JSON.parse(l) as Entity)).toEqual(expected.map((r) => ({ ListingKey: r.ListingKey, ListPrice: r.ListPrice, [collectionField]: r[collectionField], Media: r.Media })));
    expect(typeof (JSON.parse(lines[0]!) as Entity).ListPrice).toBe('number');
  });

  it('JSON Lines without a Select: every property, keyed by DisplayName when asked', async () => {
    const { text } = await exportFile({ query: "StandardStatus eq 'Active'", destination: { kind: 'download', fileName: 'active.jsonl' }, options: { format: 'jsonl', header: 'DisplayName', maxRows: 30 } });
    const rows = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Entity);
    const expected = (await serverRows('Property', { $filter: "StandardStatus eq 'Active'" })).slice(0, 30);
    expect(rows).toHaveLength(expected.length);
    const fields = metadata.resources.find((r) => r.id === 'Property')!.classes[0]!.fields;
    const display = (name: string) => fields.find((f) => f.systemName === name)?.longName || name;
    expect(rows).toEqual(expected.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [display(k), v]))));
  });
});

describe('Web API photos', () => {
  it("a record's Media in Order, described, each image served through the media policy", async () => {
    const [listing] = await serverRows('Property', { $select: 'ListingKey', $orderby: 'ListingKey', $top: 1, $expand: 'Media' });
    const media = listing!.Media as Entity[];
    expect(media.length).toBeGreaterThan(1);
    const r = await call<{ objects: ObjectInfo[] }>(h.host, 'objects.list', { profileId: PROFILE, resource: 'Property', key: String(listing!.ListingKey), type: 'Photo' });
    const byOrder = [...media].sort((a, b) => Number(a.Order) - Number(b.Order));
    expect(r.objects.map((o) => o.description)).toEqual(byOrder.map((m) => `${String(m.ShortDescription)} · ${String(m.ImageWidth)}×${String(m.ImageHeight)}`));
    expect(r.objects.map((o) => o.preferred)).toEqual(byOrder.map((m) => m.PreferredPhotoYN === true));
    for (const o of r.objects) {
      const held = await h.host.media(o.url.replace(/^\/media\//, ''));
      const answer = mediaAnswer(held);
      expect(answer.headers).toMatchObject({ 'content-type': 'image/png', 'content-disposition': 'inline', 'x-content-type-options': 'nosniff' });
      expect(answer.headers['content-security-policy']).toContain('sandbox');
      // The bytes the MediaURL serves, as the server sends them.
      const direct = new Uint8Array(await (await fetch(String(byOrder[o.objectId - 1]!.MediaURL))).arrayBuffer());
      expect(Buffer.from(held!.body).equals(Buffer.from(direct))).toBe(true);
    }
  });
});

describe('snippet files', () => {
  const webSnippet = {
    name: 'Priced with photos', tags: ['webapi'], protocol: 'webapi', resource: 'Property', class: 'Property', query: 'ListPrice gt 300000',
    select: ['ListingKey', 'ListPrice'], odata: { orderby: 'ListPrice desc', expand: 'Media', count: true }, options: { limit: 50 },
  };
  const retsSnippet = { name: 'RETS actives', resource: 'Property', class: 'RES', query: '(L_Status=|A)', select: [], options: { limit: 100, format: 'COMPACT' } };

  it('exports a selection to a chosen file and imports it back under new ids, the whole query kept', async () => {
    const a = (await call<{ snippet: Snippet }>(h.host, 'snippets.save', webSnippet)).snippet;
    const b = (await call<{ snippet: Snippet }>(h.host, 'snippets.save', retsSnippet)).snippet;
    await call(h.host, 'snippets.save', { ...retsSnippet, name: 'Not chosen' });
    const path = join(h.dir, 'chosen.json');
    const handle = h.host.files.issue(path, 'snippets-export', 'write');
    const out = await call<{ count: number; fileName: string }>(h.host, 'snippets.export', { ids: [a.id, b.id], handle });
    expect(out.count).toBe(2);
    const file = JSON.parse(readFileSync(path, 'utf8')) as { snippets: Record<string, unknown>[] };
    expect(file.snippets.map((s) => s.name)).toEqual(['Priced with photos', 'RETS actives']);
    expect(file.snippets[0]).not.toHaveProperty('id');

    const back = await call<{ imported: Snippet[]; skipped: SkippedSnippet[] }>(h.host, 'snippets.import', { handle: h.host.files.issue(path, 'snippets-import', 'read') });
    expect(back.skipped).toEqual([]);
    expect(back.imported.map((s) => s.id).some((id) => id === a.id || id === b.id)).toBe(false);
    expect(back.imported[0]).toMatchObject(webSnippet);
    expect(back.imported[1]).toMatchObject(retsSnippet);
    const { snippets } = await call<{ snippets: Snippet[] }>(h.host, 'snippets.list');
    expect(snippets.filter((s) => s.name === 'Priced with photos')).toHaveLength(2);
  });

  it("imports a copy of the snippet folder's own files (ids, dates and all) as new snippets", async () => {
    const copy = join(h.dir, 'snippet-folder-copy');
    cpSync(h.host.layout.snippets, copy, { recursive: true });
    const before = (await call<{ snippets: Snippet[] }>(h.host, 'snippets.list')).snippets;
    const r = await call<{ imported: Snippet[]; skipped: SkippedSnippet[] }>(h.host, 'snippets.import', { handle: h.host.files.issue(copy, 'snippets-import', 'read') });
    expect(r.skipped).toEqual([]);
    expect(r.imported).toHaveLength(before.length);
    const oldIds = new Set(before.map((s) => s.id));
    expect(r.imported.every((s) => !oldIds.has(s.id))).toBe(true);
    const strip = ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: Snippet) => rest;
    const sorted = (l: Snippet[]) => l.map(strip).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    expect(sorted(r.imported)).toEqual(sorted(before));
    expect(readdirSync(h.host.layout.snippets)).toHaveLength(before.length * 2);
  });

  it('imports what is valid and says what it skipped and why', async () => {
    const dir = join(h.dir, 'mixed');
    mkdirSync(dir);
    const path = join(dir, 'mixed.json');
    writeFileSync(path, JSON.stringify({ snippets: [
      { ...webSnippet, name: 'Good one' },
      { name: 'No query', resource: 'Property', class: 'Property' },
      { ...retsSnippet, name: 'Odata on RETS', odata: { expand: 'Media' } },
      { ...webSnippet, name: 'Bad protocol', protocol: 'ftp' },
      'just text',
    ] }));
    const r = await call<{ imported: Snippet[]; skipped: SkippedSnippet[] }>(h.host, 'snippets.import', { handle: h.host.files.issue(path, 'snippets-import', 'read') });
    expect(r.imported.map((s) => s.name)).toEqual(['Good one']);
    expect(r.skipped.map((s) => [s.item, s.name])).toEqual([[2, 'No query'], [3, 'Odata on RETS'], [4, 'Bad protocol'], [5, undefined]]);
    expect(r.skipped[0]!.reason).toMatch(/^query: /);
    expect(r.skipped[1]!.reason).toMatch(/protocol is not "webapi"/);
    expect(r.skipped[2]!.reason).toMatch(/^protocol: /);
    expect(r.skipped[3]!.reason).toMatch(/not a snippet/);

    const none = await h.host.call('snippets.import', { content: JSON.stringify([{ name: 'Only bad' }]) });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toMatch(/No snippet in the file could be imported: snippet 1 \("Only bad"\): resource: /);
  });
});
