// Metadata over time: the cache keeps each version a profile has seen (capped), a connection that
// finds a new MetadataVersion says so once, today's cache files load as they are, and two kept
// versions compare. The version change is real: the Demo MLS restarted with its second metadata
// edition over the same data folder, as a user's MLS changes between two runs of the app.
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostEvent, MetadataChange, MetadataVersionInfo, TraceEntry } from '../../shared/contract';
import type { MetadataDiff } from '../../shared/metadata/diff';
import { createHost, type Host } from '../../electron/host/host';
import { INDEX_FILE, type StoreLimits } from '../../electron/host/metadataStore';
import { call } from './hostHarness';
import { fetchDemoMetadata } from '../metadata-diff/demo';

type Versions = { versions: MetadataVersionInfo[]; change?: MetadataChange };
type Md = { cache: { fromCache: boolean; metadataVersion?: string; saveError?: string } };

const hosts: Host[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'rw-mdv-'));
  dirs.push(d);
  return join(d, 'data');
}

async function start(data: string, revision: 1 | 2, limits?: StoreLimits): Promise<{ host: Host; changes: HostEvent[] }> {
  const host = await createHost({ dataDir: data, mode: 'browser', demo: { listings: 100, metadataRevision: revision }, secrets: { disableKeychain: true }, ...(limits ? { metadataCache: limits } : {}) });
  hosts.push(host);
  const changes: HostEvent[] = [];
  host.events.subscribe((e) => { if (e.type === 'metadata.changed') changes.push(e); });
  return { host, changes };
}

async function stop(host: Host): Promise<void> {
  hosts.splice(hosts.indexOf(host), 1);
  await host.close();
}

async function metadataRequests(host: Host, profileId: string): Promise<number> {
  const { entries } = await call<{ entries: TraceEntry[] }>(host, 'trace.list', { profileId });
  return entries.filter((e) => e.transaction === 'GetMetadata' || /\$metadata/.test(e.url)).length;
}

const versionFiles = (data: string, profile: string) => readdirSync(join(data, 'cache', 'metadata', profile)).filter((n) => n !== INDEX_FILE);

describe('metadata versions', () => {
  it('keeps each version seen, says once that the MetadataVersion changed, and diffs two kept versions', async () => {
    const data = dataDir();
    const one = await start(data, 1);
    expect((await call<Md>(one.host, 'metadata.get', { profileId: 'demo' })).cache.metadataVersion).toBe('01.72.10042');
    let v = await call<Versions>(one.host, 'metadata.versions', { profileId: 'demo' });
    expect(v.versions.map((x) => x.label)).toEqual(['01.72.10042']);
    expect(v.change).toBeUndefined();
    await call(one.host, 'metadata.get', { profileId: 'demo-webapi' });
    expect(one.changes).toHaveLength(0);
    await stop(one.host);

    const two = await start(data, 2);
    const got = await call<Md>(two.host, 'metadata.get', { profileId: 'demo' });
    expect(got.cache).toMatchObject({ metadataVersion: '01.72.10043', fromCache: false });
    // Asked again, refreshed, and asked once more: still the one notice.
    await call<Md>(two.host, 'metadata.get', { profileId: 'demo' });
    await call<Md>(two.host, 'metadata.get', { profileId: 'demo', refresh: true });
    expect(two.changes).toHaveLength(1);
    expect(two.changes[0]).toMatchObject({ profileId: 'demo', from: { label: '01.72.10042' }, to: { label: '01.72.10043' } });

    // The Web API side has no version: its changed $metadata (a new property) is a new version by its hash, labelled by its fetch date.
    await call(two.host, 'metadata.get', { profileId: 'demo-webapi' });
    await call(two.host, 'metadata.get', { profileId: 'demo-webapi' });
    const web = two.changes.filter((e) => e.type === 'metadata.changed' && e.profileId === 'demo-webapi');
    expect(web).toHaveLength(1);
    const webVersions = await call<Versions>(two.host, 'metadata.versions', { profileId: 'demo-webapi' });
    expect(webVersions.versions).toHaveLength(2);
    expect(webVersions.versions.map((x) => x.label)).toEqual(webVersions.versions.map((x) => x.fetchedAt));
    expect(webVersions.versions[0]!.contentHash).not.toBe(webVersions.versions[1]!.contentHash);
    const webDiff = await call<{ diff: MetadataDiff }>(two.host, 'metadata.diff', { a: { profileId: 'demo-webapi', version: webVersions.versions[1]!.id }, b: { profileId: 'demo-webapi' } });
    expect(webDiff.diff.fields.added).toEqual([{ resource: 'Property', class: 'Property', field: 'GreenBuildingVerificationType' }]);

    v = await call<Versions>(two.host, 'metadata.versions', { profileId: 'demo' });
    expect(v.versions.map((x) => x.label)).toEqual(['01.72.10043', '01.72.10042']);
    expect(v.change).toMatchObject({ from: { label: '01.72.10042' }, to: { label: '01.72.10043' } });

    const { diff, labels } = await call<{ diff: MetadataDiff; labels: { a: string; b: string } }>(two.host, 'metadata.diff', {
      a: { profileId: 'demo', version: v.change!.from.id }, b: { profileId: 'demo', version: v.change!.to.id },
    });
    expect(labels).toEqual({ a: 'Demo MLS (RETS) @ 01.72.10042', b: 'Demo MLS (RETS) @ 01.72.10043' });
    expect(diff.alignment).toBe('versions');
    // The new field in each Property class.
    expect([...new Set(diff.fields.added.map((f) => `${f.resource}.${f.field}`))]).toEqual(['Property.L_GreenVerification']);
    expect(diff.fields.added).toHaveLength(v.versions[0]!.fieldCount - v.versions[1]!.fieldCount);
    expect(diff.fields.changed.every((c) => c.changes.some((p) => p.property === 'maximumLength'))).toBe(true);
    expect(diff.values.renamed).toEqual([expect.objectContaining({ lookup: 'STATUS', kind: 'long-value', a: { value: 'AC', longValue: 'Active Under Contract' }, b: { value: 'AC', longValue: 'Active Contingent' } })]);

    await call(two.host, 'metadata.acknowledgeChange', { profileId: 'demo' });
    expect((await call<Versions>(two.host, 'metadata.versions', { profileId: 'demo' })).change).toBeUndefined();
    await stop(two.host);

    // The next run on the same version: served from the cache, nothing to say.
    const three = await start(data, 2);
    expect((await call<Md>(three.host, 'metadata.get', { profileId: 'demo' })).cache.fromCache).toBe(true);
    expect(three.changes).toHaveLength(0);
    expect((await call<Versions>(three.host, 'metadata.versions', { profileId: 'demo' })).change).toBeUndefined();
  });

  it('keeps at most the capped number of versions and bytes, the one in use always', async () => {
    const data = dataDir();
    const one = await start(data, 1);
    await call<Md>(one.host, 'metadata.get', { profileId: 'demo' });
    await stop(one.host);
    // A version from long ago, as today's cache wrote it (no index yet names it).
    const [current] = versionFiles(data, 'demo');
    const file = JSON.parse(readFileSync(join(data, 'cache', 'metadata', 'demo', current!), 'utf8')) as Record<string, unknown>;
    const old = join(data, 'cache', 'metadata', 'demo', 'old-0000000000000000.json');
    writeFileSync(old, JSON.stringify({ ...file, metadataVersion: '01.72.9000', fetchedAt: '2020-01-01T00:00:00.000Z' }));
    utimesSync(old, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    rmSync(join(data, 'cache', 'metadata', 'demo', INDEX_FILE));

    const two = await start(data, 2, { keepVersions: 2 });
    await call<Md>(two.host, 'metadata.get', { profileId: 'demo' });
    const v = await call<Versions>(two.host, 'metadata.versions', { profileId: 'demo' });
    expect(v.versions.map((x) => x.label)).toEqual(['01.72.10043', '01.72.10042']);
    expect(versionFiles(data, 'demo')).toHaveLength(2);
    await stop(two.host);

    // A byte cap below one version: only the one in use stays.
    const three = await start(data, 1, { capBytes: 1 });
    await call<Md>(three.host, 'metadata.get', { profileId: 'demo' });
    expect((await call<Versions>(three.host, 'metadata.versions', { profileId: 'demo' })).versions.map((x) => x.label)).toEqual(['01.72.10042']);
    expect(versionFiles(data, 'demo')).toHaveLength(1);
  });

  it("loads today's cache files (no index) without asking the server, and lists them", async () => {
    const data = dataDir();
    const one = await start(data, 1);
    await call<Md>(one.host, 'metadata.get', { profileId: 'demo' });
    await call(one.host, 'metadata.get', { profileId: 'demo-webapi' });
    await stop(one.host);
    // Today's layout: the version files alone; the Web API's named as today's cache named it.
    for (const p of ['demo', 'demo-webapi']) rmSync(join(data, 'cache', 'metadata', p, INDEX_FILE));
    const [web] = versionFiles(data, 'demo-webapi');
    renameSync(join(data, 'cache', 'metadata', 'demo-webapi', web!), join(data, 'cache', 'metadata', 'demo-webapi', 'none-e3b0c44298fc1c14.json'));

    const two = await start(data, 1);
    const asked = await metadataRequests(two.host, 'demo');
    expect((await call<Md>(two.host, 'metadata.get', { profileId: 'demo' })).cache.fromCache).toBe(true);
    expect(await metadataRequests(two.host, 'demo')).toBe(asked);
    const rets = await call<Versions>(two.host, 'metadata.versions', { profileId: 'demo' });
    expect(rets.versions).toEqual([expect.objectContaining({ label: '01.72.10042', metadataVersion: '01.72.10042' })]);

    // The Web API's $metadata is fetched once per login; the same body is the same version, no notice.
    const webBefore = await call<Versions>(two.host, 'metadata.versions', { profileId: 'demo-webapi' });
    expect(webBefore.versions).toEqual([expect.objectContaining({ id: 'none-e3b0c44298fc1c14' })]);
    expect(webBefore.versions[0]!.label).toBe(webBefore.versions[0]!.fetchedAt);
    expect(webBefore.versions[0]!.contentHash).toMatch(/^[0-9a-f]{16}$/);
    await call(two.host, 'metadata.get', { profileId: 'demo-webapi' });
    await call(two.host, 'metadata.get', { profileId: 'demo-webapi' });
    const webAfter = await call<Versions>(two.host, 'metadata.versions', { profileId: 'demo-webapi' });
    expect(webAfter.versions.map((x) => x.id)).toEqual(['none-e3b0c44298fc1c14']);
    expect(webAfter.versions[0]!.fetchedAt).toBe(webBefore.versions[0]!.fetchedAt);
    expect(webAfter.versions[0]!.lastSeenAt > webBefore.versions[0]!.lastSeenAt).toBe(true);
    expect(two.changes).toHaveLength(0);
    expect(versionFiles(data, 'demo-webapi')).toEqual(['none-e3b0c44298fc1c14.json']);
  });
});

describe('metadata.diff of saved files, and saveDiff', () => {
  it('a RETS file against a Web API $metadata file (handles only), and the report saved to a picked file and as a download', async () => {
    const data = dataDir();
    const { host } = await start(data, 1);
    const saved = await fetchDemoMetadata();
    const folder = join(data, '..');
    writeFileSync(join(folder, 'rets.xml'), saved.rets172);
    writeFileSync(join(folder, 'webapi.xml'), saved.webApi);
    writeFileSync(join(folder, 'notes.txt'), 'not metadata\n');
    const r = await call<{ diff: MetadataDiff; labels: { a: string; b: string }; fieldLookups: { a: Record<string, string>; b: Record<string, string> } }>(host, 'metadata.diff', {
      a: { handle: host.files.issue(join(folder, 'rets.xml'), 'metadata', 'read') }, b: { handle: host.files.issue(join(folder, 'webapi.xml'), 'metadata', 'read') },
    });
    expect(r.labels).toEqual({ a: 'rets.xml', b: 'webapi.xml' });
    expect(r.diff.alignment).toBe('servers');
    expect(r.diff.pairs.find((p) => p.a === 'L_ListPrice')).toMatchObject({ b: 'ListPrice', reason: 'standard-name' });
    expect(r.fieldLookups.a['Property.L_Status']).toBe('STATUS');

    const bad = await host.call('metadata.diff', { a: { handle: host.files.issue(join(folder, 'notes.txt'), 'metadata', 'read') }, b: { profileId: 'demo' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/notes\.txt/);

    const target = join(folder, 'report.md');
    const picked = await call<{ fileName: string; bytes: number }>(host, 'metadata.saveDiff', { format: 'markdown', content: '# report\n', fileName: 'x.md', handle: host.files.issue(target, 'metadata-diff', 'write') });
    expect(picked).toEqual({ fileName: 'report.md', bytes: 9 });
    expect(readFileSync(target, 'utf8')).toBe('# report\n');
    const down = await call<{ fileName: string; downloadUrl: string }>(host, 'metadata.saveDiff', { format: 'csv', content: 'kind,change\r\n', fileName: 'metadata-diff.csv', download: true });
    const id = decodeURIComponent(down.downloadUrl.slice('/downloads/'.length));
    expect(readFileSync(host.download(id)!.path, 'utf8')).toBe('kind,change\r\n');
  });
});
