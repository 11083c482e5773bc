// The metadata cache keeps the server's body beside the parsed model: a file made by an older
// parser is parsed again from that body at the next start, with no request to the server; files
// written before bodies were kept (today's users' caches) still load as they are.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host/host';
import { METADATA_PARSER_VERSION } from '../../shared/rets/metadata/index';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import type { TraceEntry } from '../../shared/contract';
import { call, startHarness, type Harness } from './hostHarness';

type Md = { metadata: RetsMetadata; cache: { fromCache: boolean } };
let h: Harness | undefined;
let again: Host | undefined;
afterEach(async () => { await again?.close(); again = undefined; await h?.close(); h = undefined; });

function cacheFile(dataDir: string): string {
  const dir = join(dataDir, 'cache', 'metadata', 'demo');
  return join(dir, readdirSync(dir).find((n) => n.endsWith('.json') && n !== 'versions.json')!);
}

async function restart(dataDir: string): Promise<Host> {
  return createHost({ dataDir, mode: 'browser', demo: { listings: 200 }, secrets: { disableKeychain: true } });
}

async function metadataRequests(host: Host): Promise<number> {
  const { entries } = await call<{ entries: TraceEntry[] }>(host, 'trace.list', { profileId: 'demo' });
  return entries.filter((e) => e.transaction === 'GetMetadata').length;
}

describe('metadata cache', () => {
  it('keeps the body and the parser version, and parses an older file again without asking the server', async () => {
    h = await startHarness({ listings: 200 });
    const dataDir = join(h.dir, 'data');
    const first = await call<Md>(h.host, 'metadata.get', { profileId: 'demo' });
    const path = cacheFile(dataDir);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { raw: string; format: string; parserVersion: number; metadata: RetsMetadata };
    expect(saved.format).toBe('COMPACT');
    expect(saved.raw).toContain('<METADATA-SYSTEM');
    expect(saved.parserVersion).toBe(METADATA_PARSER_VERSION);

    // As an older parser would have left it: a resource missing from the model, the body intact.
    const fetched = await metadataRequests(h.host); // the request log outlives the restart
    writeFileSync(path, JSON.stringify({ ...saved, parserVersion: METADATA_PARSER_VERSION - 1, metadata: { ...saved.metadata, resources: saved.metadata.resources.slice(1) } }));
    await h.host.close();
    again = await restart(dataDir);
    const r = await call<Md>(again, 'metadata.get', { profileId: 'demo' });
    expect(r.cache.fromCache).toBe(true);
    expect(r.metadata.resources.map((x) => x.id)).toEqual(first.metadata.resources.map((x) => x.id));
    expect(await metadataRequests(again)).toBe(fetched);
    expect((JSON.parse(readFileSync(path, 'utf8')) as { parserVersion: number }).parserVersion).toBe(METADATA_PARSER_VERSION);
  });

  it('loads a cache file written before bodies were kept, as it is', async () => {
    h = await startHarness({ listings: 200 });
    const dataDir = join(h.dir, 'data');
    await call<Md>(h.host, 'metadata.get', { profileId: 'demo' });
    const path = cacheFile(dataDir);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { metadata: RetsMetadata };
    // Today's file: version, timestamp, fetchedAt and the model only.
    const { raw: _r, format: _f, parserVersion: _p, ...today } = saved;
    const fetched = await metadataRequests(h.host);
    writeFileSync(path, JSON.stringify({ ...today, metadata: { ...saved.metadata, resources: saved.metadata.resources.slice(0, 1) } }));
    await h.host.close();
    again = await restart(dataDir);
    const r = await call<Md>(again, 'metadata.get', { profileId: 'demo' });
    expect(r.cache.fromCache).toBe(true);
    expect(r.metadata.resources).toHaveLength(1);
    expect(await metadataRequests(again)).toBe(fetched);
  });
});
