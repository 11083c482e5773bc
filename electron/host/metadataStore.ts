// The metadata versions a profile has seen, on disk: one file per version (the parsed model and
// the server's body) and an index (`versions.json`) naming each with its MetadataVersion,
// timestamp, when it was first fetched and last seen, and a hash of the body (how a Web API's
// $metadata, which has no version, is told apart). Capped by count and bytes; the version in use
// is never dropped. Folders written before the index existed are indexed from their files once.
import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { METADATA_PARSER_VERSION } from '../../shared/rets/metadata/index';
import { serialized } from './fileQueue';
import { readJsonFile, writeJsonAtomic } from './files';
import { insideFolder } from './safePath';

export interface CacheFile {
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

export interface VersionEntry {
  /** The file's name without `.json`: the version's id. */
  id: string;
  metadataVersion?: string;
  metadataTimestamp?: string;
  /** When this version was first fetched. */
  fetchedAt: string;
  /** When a connection last found it current. */
  lastSeenAt: string;
  /** sha256 of the server's body (absent for files that kept no body). */
  contentHash?: string;
  fieldCount: number;
  bytes: number;
}

/** A change a connection found and the user has not been shown yet. */
export interface PendingChange { from: string; to: string }

interface Index { schema: 1; versions: VersionEntry[]; change?: PendingChange }

export const INDEX_FILE = 'versions.json';
/** Versions kept per profile (the one in use always among them). */
export const KEEP_VERSIONS = 10;
/** Bytes of kept versions per profile; the oldest go first, the one in use stays whatever its size. */
export const DEFAULT_CAP_BYTES = 256 * 1024 * 1024;

export interface StoreLimits { keepVersions?: number; capBytes?: number }

export function fieldCount(md: RetsMetadata): number {
  let n = 0;
  for (const r of md.resources) for (const c of r.classes) n += c.fields.length;
  return n;
}

/** A version's index fields that its file says (the store adds its size and when it was last seen). */
export function versionEntryOf(id: string, file: CacheFile): Omit<VersionEntry, 'bytes' | 'lastSeenAt'> {
  return {
    id,
    ...(file.metadataVersion ? { metadataVersion: file.metadataVersion } : {}),
    ...(file.metadataTimestamp ? { metadataTimestamp: file.metadataTimestamp } : {}),
    fetchedAt: file.fetchedAt,
    fieldCount: fieldCount(file.metadata),
  };
}

export function contentHash(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

/** A file name for a version: its MetadataVersion (readable) and a hash of what identifies it. */
export function versionId(version: string | undefined, timestamp: string | undefined, hash?: string): string {
  if (!version && !timestamp && hash) return `content-${hash.slice(0, 16)}`;
  const h = createHash('sha256').update(`${version ?? ''}\u0000${timestamp ?? ''}`).digest('hex').slice(0, 16);
  return `${(version ?? 'none').replace(/[^\w.-]/g, '_').slice(0, 40)}-${h}`;
}

/** What the user calls a version: the MetadataVersion (RETS), else the date it was fetched (Web API). */
export function versionLabel(v: Pick<VersionEntry, 'metadataVersion' | 'fetchedAt'>): string {
  return v.metadataVersion || v.fetchedAt;
}

/** Metadata just fetched from a server, with the version its login reported (none for a Web API). */
export interface FetchedMetadata {
  metadata: RetsMetadata;
  raw: string;
  format: string;
  metadataVersion?: string;
  metadataTimestamp?: string;
}

const byLastSeen = (a: VersionEntry, b: VersionEntry) => (a.lastSeenAt < b.lastSeenAt ? 1 : a.lastSeenAt > b.lastSeenAt ? -1 : 0);

export class MetadataStore {
  private readonly limits: Required<StoreLimits>;

  constructor(readonly dir: string, limits: StoreLimits = {}) {
    this.limits = { keepVersions: limits.keepVersions ?? KEEP_VERSIONS, capBytes: limits.capBytes ?? DEFAULT_CAP_BYTES };
  }

  profileDir(profileId: string): string {
    return insideFolder(this.dir, profileId);
  }

  private indexPath(profileId: string): string {
    return join(this.profileDir(profileId), INDEX_FILE);
  }

  filePath(profileId: string, id: string): string {
    return insideFolder(this.profileDir(profileId), `${id}.json`);
  }

  /** Kept versions, the most recently seen first. */
  async list(profileId: string): Promise<{ versions: VersionEntry[]; change?: PendingChange }> {
    const index = await serialized(this.indexPath(profileId), () => this.readIndex(profileId));
    return { versions: [...index.versions].sort(byLastSeen), ...(index.change ? { change: index.change } : {}) };
  }

  async read(profileId: string, id: string): Promise<CacheFile | undefined> {
    const stored = (await readJsonFile(this.filePath(profileId, id)).catch(() => undefined)) as CacheFile | undefined;
    return stored && Array.isArray(stored.metadata?.resources) ? stored : undefined;
  }

  /**
   * Writes a version's file (when `file` is given), marks it seen now and the one in use, and drops
   * the oldest beyond the caps. Returns whether it differs from the version in use before (a change,
   * also kept as pending until acknowledged) and the write error, if any.
   */
  /**
   * What a fetch is in the store: its version id (the MetadataVersion; for a server that reports
   * none, a hash of the body, and a body seen before is that version), its file and index entry,
   * and whether the file must be written (not when the store has that version, unless `rewrite`).
   * The app's metadata cache and the CLI's profile fetches both keep versions this way.
   */
  async fetched(profileId: string, f: FetchedMetadata, rewrite = false): Promise<{ id: string; file: CacheFile; entry: Omit<VersionEntry, 'bytes' | 'lastSeenAt'>; write: boolean }> {
    const hash = contentHash(f.raw);
    const file: CacheFile = { ...(f.metadataVersion !== undefined ? { metadataVersion: f.metadataVersion } : {}), ...(f.metadataTimestamp !== undefined ? { metadataTimestamp: f.metadataTimestamp } : {}), fetchedAt: new Date().toISOString(), metadata: f.metadata, raw: f.raw, format: f.format, parserVersion: METADATA_PARSER_VERSION };
    const versioned = Boolean(f.metadataVersion || f.metadataTimestamp);
    const { versions } = await this.list(profileId);
    const seen = versioned ? undefined : versions.find((v) => v.contentHash === hash && !v.metadataVersion && !v.metadataTimestamp);
    const id = seen?.id ?? versionId(f.metadataVersion, f.metadataTimestamp, hash);
    const kept = versions.some((v) => v.id === id);
    return { id, file, entry: { ...versionEntryOf(id, file), contentHash: hash }, write: rewrite || !kept };
  }

  async put(profileId: string, entry: Omit<VersionEntry, 'bytes' | 'lastSeenAt'>, file?: CacheFile): Promise<{ changedFrom?: VersionEntry; saveError?: string }> {
    let bytes = 0;
    if (file) {
      try {
        await writeJsonAtomic(this.filePath(profileId, entry.id), file);
        bytes = (await stat(this.filePath(profileId, entry.id))).size;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const why = code === 'ENOSPC' ? 'the disk is full' : code ?? (err instanceof Error ? err.message : String(err));
        return { saveError: `The metadata could not be saved in the cache (${why}): it is used now and will be fetched again next time.` };
      }
    }
    return serialized(this.indexPath(profileId), async () => {
      const index = await this.readIndex(profileId, entry.id);
      const previous = [...index.versions].sort(byLastSeen)[0];
      const old = index.versions.find((v) => v.id === entry.id);
      // A clock that went back must not leave the version just seen behind an older one.
      const now = new Date(Math.max(Date.now(), previous ? Date.parse(previous.lastSeenAt) + 1 : 0)).toISOString();
      const next: VersionEntry = { ...old, ...entry, fetchedAt: old?.fetchedAt ?? entry.fetchedAt, lastSeenAt: now, bytes: bytes || old?.bytes || 0 };
      index.versions = [next, ...index.versions.filter((v) => v.id !== entry.id)];
      const changedFrom = previous && previous.id !== entry.id ? previous : undefined;
      if (changedFrom) index.change = { from: index.change?.from ?? changedFrom.id, to: entry.id };
      if (index.change && index.change.from === index.change.to) delete index.change;
      await this.prune(profileId, index, entry.id);
      await this.writeIndex(profileId, index);
      return changedFrom ? { changedFrom } : {};
    });
  }

  /** The pending change was shown: it is not said again. */
  async acknowledge(profileId: string): Promise<void> {
    await serialized(this.indexPath(profileId), async () => {
      const index = await this.readIndex(profileId);
      if (!index.change) return;
      delete index.change;
      await this.writeIndex(profileId, index);
    });
  }

  async forget(profileId: string): Promise<void> {
    await rm(this.profileDir(profileId), { recursive: true, force: true });
  }

  /** Drops the least recently seen beyond the count and byte caps; `keep` stays. */
  private async prune(profileId: string, index: Index, keep: string): Promise<void> {
    const sorted = [...index.versions].sort(byLastSeen);
    const kept: VersionEntry[] = [];
    let bytes = 0;
    for (const v of sorted) {
      const fits = kept.length < this.limits.keepVersions && bytes + v.bytes <= this.limits.capBytes;
      if (v.id === keep || fits) { kept.push(v); bytes += v.bytes; continue; }
      await rm(this.filePath(profileId, v.id), { force: true }).catch(() => undefined); // a file left over costs only disk
    }
    index.versions = kept;
    if (index.change && !kept.some((v) => v.id === index.change!.from)) delete index.change;
  }

  private async writeIndex(profileId: string, index: Index): Promise<void> {
    await writeJsonAtomic(this.indexPath(profileId), index);
  }

  /**
   * The index, with version files it does not name (written before it existed) added and missing
   * ones removed; `putting` is the file being added now (not an old one to index).
   */
  private async readIndex(profileId: string, putting?: string): Promise<Index> {
    const stored = (await readJsonFile(this.indexPath(profileId)).catch(() => undefined)) as Index | undefined;
    const index: Index = stored && Array.isArray(stored.versions) ? { schema: 1, versions: stored.versions, ...(stored.change ? { change: stored.change } : {}) } : { schema: 1, versions: [] };
    let names: string[];
    try {
      names = await readdir(this.profileDir(profileId));
    } catch {
      return { schema: 1, versions: [] };
    }
    const onDisk = new Set(names.filter((n) => n.endsWith('.json') && !n.startsWith('.') && n !== INDEX_FILE).map((n) => n.slice(0, -5)));
    const known = new Set(index.versions.map((v) => v.id));
    let dirty = false;
    for (const id of onDisk) {
      if (known.has(id) || id === putting) continue;
      const entry = await this.entryFromFile(profileId, id);
      if (entry) { index.versions.push(entry); dirty = true; }
    }
    const present = index.versions.filter((v) => onDisk.has(v.id));
    if (present.length !== index.versions.length) { index.versions = present; dirty = true; }
    if (dirty) await this.writeIndex(profileId, index).catch(() => undefined); // the index is rebuilt next time
    return index;
  }

  /** An index entry for a file written before the index: its fields, and its file time as last seen. */
  private async entryFromFile(profileId: string, id: string): Promise<VersionEntry | undefined> {
    const path = this.filePath(profileId, id);
    const st = await stat(path).catch(() => undefined);
    if (!st?.isFile()) return undefined;
    const file = await this.read(profileId, id);
    if (!file) return undefined;
    return {
      ...versionEntryOf(id, file),
      fetchedAt: typeof file.fetchedAt === 'string' ? file.fetchedAt : st.mtime.toISOString(),
      lastSeenAt: st.mtime.toISOString(),
      ...(file.raw !== undefined ? { contentHash: contentHash(file.raw) } : {}),
      bytes: st.size,
    };
  }
}
