// Metadata per profile, cached on disk and keyed by the MetadataVersion/MetadataTimestamp the
// login reported: the same version is read from disk, a new one is fetched; refresh forces it.
// A new version is written before old ones are dropped (a full disk keeps the old cache), and a
// failed write costs only the cache, never the answer.
import { readdir, rm, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { MetadataCacheInfo } from '../../shared/contract';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { METADATA_PARSER_VERSION, parseMetadata } from '../../shared/rets/metadata/index';
import { readJsonFile, writeJsonAtomic } from './files';
import type { SessionPool } from './sessions';
import { insideFolder } from './safePath';

/** Versions kept per profile, the newest by file time (the one just fetched always among them). */
export const KEEP_VERSIONS = 5;

interface CacheFile {
  metadataVersion?: string;
  metadataTimestamp?: string;
  fetchedAt: string;
  metadata: RetsMetadata;
  /** The server's body and its format (absent in files written before they were kept). */
  raw?: string;
  format?: string;
  /** METADATA_PARSER_VERSION that made `metadata` from `raw`. */
  parserVersion?: number;
}

const RETS_FORMATS = new Set(['COMPACT', 'STANDARD-XML']);

/** A cached file made by an older parser is parsed again from its body (when it kept one). */
export function upToDate(file: CacheFile): CacheFile {
  if (file.raw === undefined || file.parserVersion === METADATA_PARSER_VERSION || !RETS_FORMATS.has(file.format ?? '')) return file;
  try {
    return { ...file, metadata: parseMetadata(file.raw), parserVersion: METADATA_PARSER_VERSION };
  } catch {
    return file; // the old parse still serves; a refresh fetches anew
  }
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
      const stored = (await readJsonFile(path).catch(() => undefined)) as CacheFile | undefined;
      if (stored && Array.isArray(stored.metadata?.resources)) {
        const file = upToDate(stored);
        if (file !== stored) await this.save(profileId, path, file);
        this.memory.set(profileId, { key, file });
        return this.answer(file, true);
      }
    }
    const { metadata, raw, format } = await session.metadata(signal);
    const file: CacheFile = {
      metadataVersion: version, metadataTimestamp: timestamp, fetchedAt: new Date().toISOString(), metadata, raw, format, parserVersion: METADATA_PARSER_VERSION,
    };
    this.memory.set(profileId, { key, file });
    const saveError = await this.save(profileId, path, file);
    const answer = this.answer(file, false);
    return saveError ? { ...answer, cache: { ...answer.cache, saveError } } : answer;
  }

  /** Writes the new version, then drops the oldest beyond KEEP_VERSIONS; the reason when it could not be written. */
  private async save(profileId: string, path: string, file: CacheFile): Promise<string | undefined> {
    try {
      await writeJsonAtomic(path, file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOSPC' ? 'the disk is full' : code ?? (err instanceof Error ? err.message : String(err));
      return `The metadata could not be saved in the cache (${why}): it is used now and will be fetched again next time.`;
    }
    await this.dropOld(profileId, path).catch(() => undefined); // a version left over costs only disk
    return undefined;
  }

  /** Metadata already loaded for the profile (export's header names), fetching when needed. */
  async current(profileId: string, signal?: AbortSignal): Promise<RetsMetadata> {
    return (await this.get(profileId, false, signal)).metadata;
  }

  forget(profileId: string): Promise<void> {
    this.memory.delete(profileId);
    return rm(this.profileDir(profileId), { recursive: true, force: true });
  }

  private async dropOld(profileId: string, current: string): Promise<void> {
    const dir = this.profileDir(profileId);
    const others: { path: string; mtimeMs: number }[] = [];
    for (const n of await readdir(dir)) {
      const path = join(dir, n);
      if (!n.endsWith('.json') || n.startsWith('.') || path === current) continue;
      const st = await stat(path).catch(() => undefined);
      if (st?.isFile()) others.push({ path, mtimeMs: st.mtimeMs });
    }
    others.sort((a, b) => b.mtimeMs - a.mtimeMs || (a.path < b.path ? -1 : 1));
    for (const old of others.slice(KEEP_VERSIONS - 1)) await rm(old.path, { force: true });
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
