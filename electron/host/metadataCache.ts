// Metadata per profile, cached on disk and keyed by the MetadataVersion/MetadataTimestamp the
// login reported: the same version is read from disk, a new one is fetched; refresh forces it.
import { readdir, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { MetadataCacheInfo } from '../../shared/contract';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { readJsonFile, writeJsonAtomic } from './files';
import type { SessionPool } from './sessions';
import { insideFolder } from './safePath';

interface CacheFile {
  metadataVersion?: string;
  metadataTimestamp?: string;
  fetchedAt: string;
  metadata: RetsMetadata;
}

export function fieldCount(md: RetsMetadata): number {
  let n = 0;
  for (const r of md.resources) for (const c of r.classes) n += c.fields.length;
  return n;
}

export class MetadataService {
  /** Parsed metadata kept in memory per profile, so the explorer and export share one copy. */
  private readonly memory = new Map<string, { key: string; file: CacheFile }>();

  constructor(readonly dir: string, private readonly pool: SessionPool) {}

  private cacheKey(version?: string, timestamp?: string): string {
    const h = createHash('sha256').update(`${version ?? ''}\u0000${timestamp ?? ''}`).digest('hex').slice(0, 16);
    return `${(version ?? 'none').replace(/[^\w.-]/g, '_').slice(0, 40)}-${h}`;
  }

  private profileDir(profileId: string): string {
    return insideFolder(this.dir, profileId);
  }

  async get(profileId: string, refresh = false, signal?: AbortSignal): Promise<{ metadata: RetsMetadata; cache: MetadataCacheInfo }> {
    const session = await this.pool.session(profileId, signal);
    const login = this.pool.loginInfo(profileId);
    const version = login?.metadataVersion;
    const timestamp = login?.metadataTimestamp;
    const key = this.cacheKey(version, timestamp);
    const path = join(this.profileDir(profileId), `${key}.json`);

    // Without a version from the server there is nothing to key on: only an explicit fetch.
    if (!refresh) {
      const mem = this.memory.get(profileId);
      if (mem && mem.key === key) return this.answer(mem.file, true);
      const file = (await readJsonFile(path).catch(() => undefined)) as CacheFile | undefined;
      if (file && Array.isArray(file.metadata?.resources)) {
        this.memory.set(profileId, { key, file });
        return this.answer(file, true);
      }
    }
    const metadata = await session.metadata(signal);
    const file: CacheFile = { metadataVersion: version, metadataTimestamp: timestamp, fetchedAt: new Date().toISOString(), metadata };
    await this.dropOld(profileId);
    await writeJsonAtomic(path, file);
    this.memory.set(profileId, { key, file });
    return this.answer(file, false);
  }

  /** Metadata already loaded for the profile (export's header names), fetching when needed. */
  async current(profileId: string, signal?: AbortSignal): Promise<RetsMetadata> {
    return (await this.get(profileId, false, signal)).metadata;
  }

  forget(profileId: string): Promise<void> {
    this.memory.delete(profileId);
    return rm(this.profileDir(profileId), { recursive: true, force: true });
  }

  private async dropOld(profileId: string): Promise<void> {
    let names: string[] = [];
    try { names = await readdir(this.profileDir(profileId)); } catch { return; }
    for (const n of names) if (n.endsWith('.json')) await rm(join(this.profileDir(profileId), n), { force: true });
  }

  private answer(file: CacheFile, fromCache: boolean): { metadata: RetsMetadata; cache: MetadataCacheInfo } {
    return {
      metadata: file.metadata,
      cache: {
        ...(file.metadataVersion ? { metadataVersion: file.metadataVersion } : {}),
        ...(file.metadataTimestamp ? { metadataTimestamp: file.metadataTimestamp } : {}),
        fetchedAt: file.fetchedAt,
        fromCache,
        fieldCount: fieldCount(file.metadata),
      },
    };
  }
}
