// Photos (and other objects) of a record through GetObject, cached on disk per profile, with
// retries and backoff. The renderer gets URLs the host serves (browser mode: /media/…, desktop:
// a custom scheme), so bytes never cross the contract as JSON.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectInfo } from '../../shared/contract';
import { findResource } from '../../shared/rets/metadata/model';
import type { RetsErrorInfo } from '../../shared/rets/errors';
import { OBJECT_CAP } from '../rets/objects';
import { ensurePrivateDir, isSafeId, readJsonFile, writeFileAtomic, writeJsonAtomic } from './files';
import { toErrorInfo } from './hostError';
import { fetchLocationPhoto } from './locationPhoto';
import { sniffRaster } from './mediaPolicy';
import type { MetadataService } from './metadataCache';
import { withRetry } from './retry';
import type { SessionPool } from './sessions';
import type { FetchedObject } from './sessionTypes';

interface CachedObject {
  objectId: number;
  /** What the server called it. */
  contentType: string;
  /** The raster type its bytes' signature names, when they are a raster image. */
  sniffedType?: string;
  description: string;
  preferred: boolean;
  file?: string;
  bytes?: number;
  error?: RetsErrorInfo;
}

interface CacheIndex {
  objects: CachedObject[];
  thumbnails: boolean;
}

/** File extensions by sniffed type: what the cache folder shows is what the bytes are. */
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/bmp': 'bmp', 'image/avif': 'avif' };

/** Path parts become folder names: keep them to safe characters. */
function part(s: string): string {
  return encodeURIComponent(s).replace(/%/g, '~').replace(/^\.+/, '_');
}

export class PhotoService {
  constructor(
    private readonly dir: string,
    private readonly pool: SessionPool,
    private readonly metadata: MetadataService,
    /** Builds the URL the renderer uses for `<profile>/<resource>/<type>/<key>/<id>`. */
    private readonly mediaUrl: (path: string) => string,
    private readonly retryBaseMs = 250,
    /** Largest object held (GetObject parts are capped by the client; Location photos here). */
    private readonly capBytes = OBJECT_CAP,
  ) {}

  private folder(profileId: string, resource: string, type: string, key: string): string {
    return join(this.dir, part(profileId), part(resource), part(type), part(key));
  }

  private mediaPath(profileId: string, resource: string, type: string, key: string, id: number): string {
    return [profileId, resource, type, key, String(id)].map(encodeURIComponent).join('/');
  }

  async list(req: { profileId: string; resource: string; key: string; type: string; retry: boolean }, signal?: AbortSignal): Promise<{ resource: string; key: string; type: string; objects: ObjectInfo[]; attempts: number }> {
    const { profileId, resource, key, type } = req;
    const folder = this.folder(profileId, resource, type, key);
    const indexPath = join(folder, 'index.json');
    let index = (await readJsonFile(indexPath).catch(() => undefined)) as CacheIndex | undefined;
    let attempts = 1;
    if (!index || (req.retry && index.objects.some((o) => o.error))) {
      const fetched = await this.fetchAll(profileId, resource, type, key, folder, signal);
      attempts = fetched.attempts;
      const thumbnails = type === 'Photo' && (await this.hasThumbnails(profileId, resource));
      if (thumbnails) {
        const tf = this.folder(profileId, resource, 'Thumbnail', key);
        await this.fetchAll(profileId, resource, 'Thumbnail', key, tf, signal)
          .then((t) => writeJsonAtomic(join(tf, 'index.json'), { objects: t.objects, thumbnails: false }))
          .catch(() => undefined);
      }
      index = { objects: fetched.objects, thumbnails };
      await writeJsonAtomic(indexPath, index);
    }
    const objects: ObjectInfo[] = index.objects.map((o) => ({
      objectId: o.objectId,
      contentType: o.contentType,
      description: o.description,
      preferred: o.preferred,
      thumbnailUrl: index!.thumbnails ? this.mediaUrl(this.mediaPath(profileId, resource, 'Thumbnail', key, o.objectId)) : null,
      url: this.mediaUrl(this.mediaPath(profileId, resource, type, key, o.objectId)),
      ...(o.bytes !== undefined ? { bytes: o.bytes } : {}),
      ...(o.error ? { error: o.error } : {}),
    }));
    return { resource, key, type, objects, attempts };
  }

  private async hasThumbnails(profileId: string, resource: string): Promise<boolean> {
    try {
      const md = await this.metadata.current(profileId);
      const res = findResource(md, resource);
      return !!res?.objects.some((o) => o.objectType.toLowerCase() === 'thumbnail');
    } catch {
      return false;
    }
  }

  /** GetObject key:* with retries; objects that failed individually get one more try each. */
  private async fetchAll(profileId: string, resource: string, type: string, key: string, folder: string, signal?: AbortSignal): Promise<{ objects: CachedObject[]; attempts: number }> {
    const { value, attempts } = await withRetry(async () => {
      const session = await this.pool.session(profileId, signal);
      return session.getObjects(resource, type, key, '*', signal);
    }, { signal, baseMs: this.retryBaseMs });
    // 20403 "no object found" for the whole record is an empty gallery, not a failure.
    if (value.length > 0 && value.every((o) => o.error?.replyCode === 20403)) {
      await rm(folder, { recursive: true, force: true });
      return { objects: [], attempts };
    }
    const failed = value.filter((o) => o.error && o.objectId > 0).map((o) => o.objectId);
    let retried: FetchedObject[] = [];
    if (failed.length) {
      retried = await withRetry(async () => (await this.pool.session(profileId, signal)).getObjects(resource, type, key, failed, signal), { signal, baseMs: this.retryBaseMs, attempts: 2 })
        .then((r) => r.value).catch(() => []);
    }
    const byId = new Map<number, FetchedObject>();
    for (const o of value) byId.set(o.objectId, o);
    for (const o of retried) if (!o.error) byId.set(o.objectId, o);
    await rm(folder, { recursive: true, force: true });
    await ensurePrivateDir(folder);
    const out: CachedObject[] = [];
    for (const o of [...byId.values()].sort((a, b) => a.objectId - b.objectId)) {
      out.push(await this.store(folder, o, signal));
    }
    return { objects: out, attempts };
  }

  private async store(folder: string, o: FetchedObject, signal?: AbortSignal): Promise<CachedObject> {
    const base: CachedObject = { objectId: o.objectId, contentType: o.contentType, description: o.description, preferred: o.preferred };
    if (o.error) return { ...base, error: o.error };
    let data = o.data;
    if (!data && o.location) {
      // Location=1 servers hand out URLs; fetch them here so the page never loads remote content.
      try {
        data = (await withRetry(() => fetchLocationPhoto(o.location!, this.capBytes, signal), { signal, baseMs: this.retryBaseMs })).value;
      } catch (err) {
        return { ...base, error: toErrorInfo(err, 'GetObject') };
      }
    }
    if (!data) return { ...base, error: { kind: 'protocol', transaction: 'GetObject', message: `Object ${o.objectId} came without data or a location.` } };
    const sniffedType = sniffRaster(data);
    const file = `${o.objectId}.${(sniffedType && EXT[sniffedType]) ?? 'bin'}`;
    await writeFileAtomic(join(folder, file), data);
    return { ...base, ...(sniffedType ? { sniffedType } : {}), file, bytes: data.length };
  }

  /** Bytes for a media path (from the cache; a missing object is fetched once). */
  async media(path: string): Promise<{ contentType: string; body: Uint8Array } | undefined> {
    let parts: string[];
    try { parts = path.split('/').map(decodeURIComponent); } catch { return undefined; }
    if (parts.length !== 5 || !isSafeId(parts[0])) return undefined;
    const [profileId, resource, type, key, idText] = parts;
    const id = Number(idText);
    if (!Number.isInteger(id) || id < 0) return undefined;
    const folder = this.folder(profileId, resource, type, key);
    let index = (await readJsonFile(join(folder, 'index.json')).catch(() => undefined)) as CacheIndex | undefined;
    if (!index) {
      // Thumbnails are fetched with their photos; anything else is fetched on first use.
      try {
        const fetched = await this.fetchAll(profileId, resource, type, key, folder);
        index = { objects: fetched.objects, thumbnails: false };
        await writeJsonAtomic(join(folder, 'index.json'), index);
      } catch {
        return undefined;
      }
    }
    const o = index.objects.find((x) => x.objectId === id);
    if (!o?.file) return undefined;
    try {
      return { contentType: o.contentType, body: await readFile(join(folder, o.file)) };
    } catch {
      return undefined;
    }
  }
}
