// Metadata per profile, cached on disk (metadataStore.ts keeps every version seen). A server that
// reports a MetadataVersion/MetadataTimestamp at login is keyed on them: the same version is read
// from disk, a new one is fetched. One that reports none (a Web API) is fetched once per login and
// told apart by a hash of its body. refresh forces a fetch. A connection that finds a version other
// than the one in use says so once (a `metadata.changed` event, and a pending change until
// acknowledged). A failed write costs only the cache, never the answer.
import type { LoginInfo, MetadataCacheInfo, MetadataChangedEvent } from '../../shared/contract';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { METADATA_PARSER_VERSION, parseMetadata } from '../../shared/rets/metadata/index';
import { inputError } from './hostError';
import { fieldCount, MetadataStore, versionEntryOf, versionId, versionLabel, type CacheFile, type StoreLimits, type VersionEntry } from './metadataStore';
import type { SessionPool } from './sessions';

export { fieldCount, KEEP_VERSIONS } from './metadataStore';

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

type Emit = (e: MetadataChangedEvent) => void;

export class MetadataService {
  /** Parsed metadata kept in memory per profile, so the explorer and export share one copy; `login` is the login it was checked against. */
  private readonly memory = new Map<string, { id: string; file: CacheFile; login?: LoginInfo }>();
  readonly store: MetadataStore;

  constructor(readonly dir: string, private readonly pool: SessionPool, private readonly emit: Emit = () => undefined, limits: StoreLimits = {}) {
    this.store = new MetadataStore(dir, limits);
  }

  async get(profileId: string, refresh = false, signal?: AbortSignal): Promise<{ metadata: RetsMetadata; cache: MetadataCacheInfo }> {
    const session = await this.pool.session(profileId, signal);
    const login = this.pool.loginInfo(profileId);
    const version = login?.metadataVersion;
    const timestamp = login?.metadataTimestamp;
    const versioned = Boolean(version || timestamp);
    const mem = this.memory.get(profileId);

    if (!refresh && mem && (versioned ? mem.id === versionId(version, timestamp) : mem.login === login)) return this.answer(mem.file, true);
    if (!refresh && versioned) {
      const id = versionId(version, timestamp);
      const stored = await this.store.read(profileId, id);
      if (stored) {
        const file = upToDate(stored);
        const { saveError } = await this.record(profileId, versionEntryOf(id, file), file !== stored ? file : undefined);
        this.memory.set(profileId, { id, file, login });
        return this.answer(file, true, saveError);
      }
    }
    const { metadata, raw, format } = await session.metadata(signal);
    // A versioned fetch gets here only when its file is missing or a refresh asked: it is written.
    const { id, file, entry, write } = await this.store.fetched(profileId, { metadata, raw, format, ...(version !== undefined ? { metadataVersion: version } : {}), ...(timestamp !== undefined ? { metadataTimestamp: timestamp } : {}) }, refresh || versioned);
    this.memory.set(profileId, { id, file, login });
    // An unversioned body seen before is that version (whatever its file is called): its file stays, only its last-seen moves.
    const { saveError } = await this.record(profileId, entry, write ? file : undefined);
    return this.answer(file, false, saveError);
  }

  /** Stores (or marks seen) a version; a change from the version in use is announced once. */
  private async record(profileId: string, entry: Omit<VersionEntry, 'bytes' | 'lastSeenAt'>, file: CacheFile | undefined): Promise<{ saveError?: string }> {
    const { changedFrom, saveError } = await this.store.put(profileId, entry, file).catch((err: unknown) => ({ saveError: `The metadata's version list could not be saved (${err instanceof Error ? err.message : String(err)}).`, changedFrom: undefined }));
    if (changedFrom) {
      const to = (await this.store.list(profileId)).versions.find((v) => v.id === entry.id);
      if (to) this.emit({ type: 'metadata.changed', profileId, from: publicVersion(changedFrom), to: publicVersion(to) });
    }
    return saveError ? { saveError } : {};
  }

  /** Metadata already loaded for the profile (export's header names), fetching when needed. */
  async current(profileId: string, signal?: AbortSignal): Promise<RetsMetadata> {
    return (await this.get(profileId, false, signal)).metadata;
  }

  /** The kept versions, the one in use first, and a change not yet shown. */
  async versions(profileId: string) {
    const { versions, change } = await this.store.list(profileId);
    const find = (id: string) => versions.find((v) => v.id === id);
    const from = change ? find(change.from) : undefined;
    const to = change ? find(change.to) : undefined;
    return { versions: versions.map(publicVersion), ...(from && to ? { change: { from: publicVersion(from), to: publicVersion(to) } } : {}) };
  }

  /** One kept version's model. */
  async version(profileId: string, id: string): Promise<{ metadata: RetsMetadata; entry: VersionEntry }> {
    const entry = (await this.store.list(profileId)).versions.find((v) => v.id === id);
    const file = entry ? await this.store.read(profileId, id) : undefined;
    if (!entry || !file) throw inputError(`That metadata version is no longer kept.`, 'The cache keeps the newest versions up to its cap; compare with the current metadata instead.');
    return { metadata: upToDate(file).metadata, entry };
  }

  acknowledge(profileId: string): Promise<void> {
    return this.store.acknowledge(profileId);
  }

  forget(profileId: string): Promise<void> {
    this.memory.delete(profileId);
    return this.store.forget(profileId);
  }

  private answer(file: CacheFile, fromCache: boolean, saveError?: string): { metadata: RetsMetadata; cache: MetadataCacheInfo } {
    return {
      metadata: file.metadata,
      cache: {
        ...(file.metadataVersion ? { metadataVersion: file.metadataVersion } : {}),
        ...(file.metadataTimestamp ? { metadataTimestamp: file.metadataTimestamp } : {}),
        fetchedAt: file.fetchedAt,
        fromCache,
        fieldCount: fieldCount(file.metadata),
        ...(saveError ? { saveError } : {}),
      },
    };
  }
}

/** A kept version as the contract shows it. */
export function publicVersion(v: VersionEntry) {
  return {
    id: v.id, label: versionLabel(v),
    ...(v.metadataVersion ? { metadataVersion: v.metadataVersion } : {}),
    ...(v.metadataTimestamp ? { metadataTimestamp: v.metadataTimestamp } : {}),
    fetchedAt: v.fetchedAt, lastSeenAt: v.lastSeenAt, fieldCount: v.fieldCount, bytes: v.bytes,
    ...(v.contentHash ? { contentHash: v.contentHash.slice(0, 16) } : {}),
  };
}
