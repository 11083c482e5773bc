// The data folder is the user's alone: every file a host writes there (profiles, snippets,
// history, ports, the metadata cache, cached photos, exports) is 0600 and every folder 0700,
// folders an older version made 0755 included. The metadata cache writes a new version before
// dropping old ones (KEEP_VERSIONS are kept), and a cache that cannot be written costs only the
// cache: metadata.get still answers, saying why.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetadataCacheInfo } from '../../shared/contract';
import { createHost, type Host } from '../../electron/host/host';
import { KEEP_VERSIONS } from '../../electron/host/metadataCache';
import { INDEX_FILE } from '../../electron/host/metadataStore';
import { call, runOperation } from './hostHarness';
import { wireRows } from '../../shared/contract/compactRows';

let dir: string;
let data: string;
let host: Host;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-datafolder-'));
  data = join(dir, 'data');
  // Folders as an older version left them.
  for (const d of [data, join(data, 'profiles'), join(data, 'cache'), join(data, 'cache', 'metadata')]) {
    mkdirSync(d, { recursive: true });
    chmodSync(d, 0o755);
  }
  host = await createHost({ dataDir: data, mode: 'browser', demo: { listings: 300 }, retryBaseMs: 20, secrets: { disableKeychain: true } });
});
afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

const RES = { profileId: 'demo', resource: 'Property', class: 'RES' };

/** Every file and folder under `root` whose mode is not 0600 (files) or 0700 (folders). */
function looseModes(root: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    const mode = st.mode & 0o777;
    if (st.isDirectory()) {
      if (mode !== 0o700) out.push(`${p} ${mode.toString(8)}`);
      for (const n of readdirSync(p)) walk(join(p, n));
    } else if (mode !== 0o600) {
      out.push(`${p} ${mode.toString(8)}`);
    }
  };
  walk(root);
  return out;
}

describe('modes', () => {
  it('leaves every file 0600 and every folder 0700 after profiles, snippets, a search, metadata, photos and an export', async () => {
    await call(host, 'profiles.create', { name: 'Mine', loginUrl: 'https://rets.example.com/login', username: 'u', password: 'p' });
    await call(host, 'snippets.save', { name: 'Actives', resource: 'Property', class: 'RES', query: '(L_Status=A)' });
    await call(host, 'metadata.get', { profileId: 'demo' });
    const rows: string[][] = [];
    await runOperation(host, 'search.start', { ...RES, query: '(L_PictureCount=3+)', select: ['L_ListingKey'], options: { limit: 1 } }, (e) => {
      if (e.type === 'search.rows') rows.push(...wireRows(e));
    });
    const photos = await call<{ objects: { error?: unknown }[] }>(host, 'objects.list', { profileId: 'demo', resource: 'Property', key: rows[0][0] });
    expect(photos.objects.length).toBeGreaterThan(0);
    const exported = await runOperation(host, 'export.start', { ...RES, query: '(L_Status=A)', select: ['L_ListingKey', 'L_Status'], destination: { kind: 'download', fileName: 'actives.csv' }, options: {} });
    expect(exported.last.type).toBe('export.done');

    const names = readdirSync(data, { recursive: true }).map(String);
    for (const expected of ['profiles', 'snippets', 'history.json', 'ports.json', join('cache', 'metadata', 'demo'), join('cache', 'objects', 'demo'), 'exports']) {
      expect(names).toContain(expected);
    }
    expect(names.some((n) => n.endsWith('actives.csv'))).toBe(true);
    expect(names.some((n) => /\.(png|jpg)$/.test(n))).toBe(true);
    expect(looseModes(data)).toEqual([]);
  });
});

describe('metadata cache', () => {
  const cacheDir = () => join(host.layout.metadataCache, 'demo');
  /** The versions' files (not the index naming them). */
  const versionFiles = () => readdirSync(cacheDir()).filter((n) => n !== INDEX_FILE);
  type Md = { cache: MetadataCacheInfo };

  /** Cache files of versions the server no longer reports, oldest first. */
  function plantOldVersions(n: number): string[] {
    const names: string[] = [];
    for (let i = 0; i < n; i++) {
      const name = `old-${i}-0000000000000000.json`;
      const path = join(cacheDir(), name);
      writeFileSync(path, JSON.stringify({ metadataVersion: `old-${i}`, fetchedAt: '2020-01-01T00:00:00Z', metadata: { resources: [], tables: [], warnings: [] } }), { mode: 0o600 });
      const t = new Date(Date.UTC(2020, 0, 1 + i));
      utimesSync(path, t, t);
      names.push(name);
    }
    return names;
  }

  it('answers when the new version cannot be written, and keeps the old versions it had', async () => {
    const first = await call<Md>(host, 'metadata.get', { profileId: 'demo', refresh: true });
    expect(first.cache.saveError).toBeUndefined();
    const [current] = versionFiles();
    const old = plantOldVersions(2);
    // The new file's name is taken by a folder: the write fails as on a full disk, after the fetch.
    rmSync(join(cacheDir(), current));
    mkdirSync(join(cacheDir(), current));
    const r = await call<Md>(host, 'metadata.get', { profileId: 'demo', refresh: true });
    expect(r.cache.fromCache).toBe(false);
    expect(r.cache.fieldCount).toBeGreaterThan(200);
    expect(r.cache.saveError).toMatch(/could not be saved in the cache \(EISDIR\)/);
    expect(versionFiles().sort()).toEqual([current, ...old].sort());
    rmSync(join(cacheDir(), current), { recursive: true });
  });

  it('answers when a file stands where the profile\'s cache folder should be', async () => {
    rmSync(cacheDir(), { recursive: true, force: true });
    writeFileSync(cacheDir(), 'not a folder');
    const r = await call<Md>(host, 'metadata.get', { profileId: 'demo', refresh: true });
    expect(r.cache.fieldCount).toBeGreaterThan(200);
    expect(r.cache.saveError).toMatch(/could not be saved in the cache/);
    rmSync(cacheDir());
  });

  it(`writes the new version, then keeps the ${KEEP_VERSIONS} newest`, async () => {
    mkdirSync(cacheDir(), { recursive: true });
    const old = plantOldVersions(KEEP_VERSIONS + 2);
    const r = await call<Md>(host, 'metadata.get', { profileId: 'demo', refresh: true });
    expect(r.cache.saveError).toBeUndefined();
    const left = versionFiles();
    expect(left).toHaveLength(KEEP_VERSIONS);
    expect(left.some((n) => n.startsWith(r.cache.metadataVersion!))).toBe(true);
    expect(left.filter((n) => n.startsWith('old-')).sort()).toEqual(old.slice(-(KEEP_VERSIONS - 1)).sort());
  });
});
