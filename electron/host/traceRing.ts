// The request inspector's store: per profile, a bounded ring of files under the data folder
// (traces/<profile id>/<id>.json with the redacted exchange, <id>.body with the kept bytes), the
// oldest removed once the folder passes its size cap. Files are 0600, folders 0700. What arrives
// here has had its secrets removed already (the trace redacts before storing); the host keeps
// only the summaries in memory, the renderer fetches one entry's detail when it is shown.
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { z } from 'zod';
import { TraceEntry, TracePart } from '../../shared/contract';
import { ensurePrivateDir, writeFileAtomic } from './files';
import { insideFolder } from './safePath';

export const DEFAULT_TRACE_CAP_BYTES = 50 * 1024 * 1024;
/** Summaries listed at most (the size cap usually bites first). */
const MAX_ENTRIES = 2000;

/** The JSON half of a stored entry. */
export const TraceRecord = z.object({
  entry: TraceEntry,
  statusText: z.string().optional(),
  requestBody: z.string().optional(),
  bodyWithheld: z.string().optional(),
  body: z.object({
    total: z.number().int().nonnegative(),
    contentType: z.string(),
    headBytes: z.number().int().nonnegative(),
    tailBytes: z.number().int().nonnegative(),
    parts: z.array(TracePart).optional(),
    partCount: z.number().int().nonnegative().optional(),
  }),
});
export type TraceRecord = z.infer<typeof TraceRecord>;

/** The summary the list shows (headers come with the entry's detail), and the bytes on disk. */
interface Stored { entry: TraceEntry; size: number }

export function traceSummary(entry: TraceEntry): TraceEntry {
  return { ...entry, requestHeaders: {}, responseHeaders: {} };
}

export interface ProfileRing {
  folder: string;
  entries: Stored[];
  size: number;
  lastId: number;
  /** Writes and removals, in order; readers wait for it so a new entry is there when asked for. */
  queue: Promise<void>;
}

const FILE = /^(\d{1,12})\.json$/;

export class TraceRing {
  private readonly rings = new Map<string, Promise<ProfileRing>>();

  constructor(private readonly root: string, private readonly capBytes = DEFAULT_TRACE_CAP_BYTES) {}

  /** Loads (once) what earlier runs left for the profile. */
  open(profileId: string): Promise<ProfileRing> {
    let r = this.rings.get(profileId);
    if (!r) {
      r = this.load(insideFolder(this.root, profileId));
      this.rings.set(profileId, r);
      r.catch(() => this.rings.delete(profileId));
    }
    return r;
  }

  private async load(folder: string): Promise<ProfileRing> {
    await ensurePrivateDir(this.root);
    await ensurePrivateDir(folder);
    const ring: ProfileRing = { folder, entries: [], size: 0, lastId: 0, queue: Promise.resolve() };
    const names = (await readdir(folder)).filter((n) => FILE.test(n));
    for (const name of names) {
      const id = Number(FILE.exec(name)![1]);
      try {
        const record = TraceRecord.parse(JSON.parse(await readFile(`${folder}/${name}`, 'utf8')));
        const size = (await stat(`${folder}/${name}`)).size + (await stat(`${folder}/${id}.body`).then((s) => s.size, () => 0));
        ring.entries.push({ entry: traceSummary({ ...record.entry, id }), size });
        ring.size += size;
      } catch {
        await this.remove(folder, id); // unreadable: a half-written or foreign file
      }
      ring.lastId = Math.max(ring.lastId, id);
    }
    ring.entries.sort((a, b) => a.entry.id - b.entry.id);
    return ring;
  }

  /** The next id for the profile (open() must have finished). */
  nextId(ring: ProfileRing): number {
    return ++ring.lastId;
  }

  /** Stores one exchange, then drops the oldest until the ring fits its cap. */
  add(ring: ProfileRing, record: TraceRecord, body: Uint8Array): Promise<void> {
    const id = record.entry.id;
    ring.queue = ring.queue.then(async () => {
      const json = `${JSON.stringify(record)}\n`;
      await writeFileAtomic(insideFolder(ring.folder, `${id}.body`), body);
      await writeFileAtomic(insideFolder(ring.folder, `${id}.json`), json);
      const size = Buffer.byteLength(json) + body.byteLength;
      ring.entries.push({ entry: traceSummary(record.entry), size });
      ring.size += size;
      while (ring.entries.length > 1 && (ring.size > this.capBytes || ring.entries.length > MAX_ENTRIES)) {
        const old = ring.entries.shift()!;
        ring.size -= old.size;
        await this.remove(ring.folder, old.entry.id);
      }
    }).catch(() => undefined); // a full disk loses log entries, never a request
    return ring.queue;
  }

  async list(profileId: string, afterId?: number): Promise<TraceEntry[]> {
    const ring = await this.open(profileId);
    await ring.queue;
    const all = ring.entries.map((s) => s.entry);
    return afterId === undefined ? all : all.filter((e) => e.id > afterId);
  }

  /** The stored record and its kept bytes, or undefined when the entry has left the ring. */
  async read(profileId: string, id: number): Promise<{ record: TraceRecord; body: Uint8Array } | undefined> {
    const ring = await this.open(profileId);
    await ring.queue;
    if (!ring.entries.some((s) => s.entry.id === id)) return undefined;
    const record = TraceRecord.parse(JSON.parse(await readFile(insideFolder(ring.folder, `${id}.json`), 'utf8')));
    const body = new Uint8Array(await readFile(insideFolder(ring.folder, `${id}.body`)));
    return { record, body };
  }

  async clear(profileId: string): Promise<void> {
    const ring = await this.open(profileId);
    ring.queue = ring.queue.then(async () => {
      for (const s of ring.entries.splice(0)) await this.remove(ring.folder, s.entry.id);
      ring.size = 0;
    });
    await ring.queue;
  }

  private async remove(folder: string, id: number): Promise<void> {
    await rm(insideFolder(folder, `${id}.json`), { force: true });
    await rm(insideFolder(folder, `${id}.body`), { force: true });
  }
}
