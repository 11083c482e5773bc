// The query history: every search run with its outcome, newest first, in one JSON file
// (bounded), written atomically after each change.
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { HistoryEntry } from '../../shared/contract';
import { readJsonFile, shortId, writeJsonAtomic } from './files';

const MAX_ENTRIES = 2000;

export class HistoryStore {
  private entries: HistoryEntry[] | undefined;
  /** The one read of the file: two first calls at once must not each load a list and drop the other's change. */
  private loading: Promise<HistoryEntry[]> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly dir: string) {}

  private get path(): string {
    return join(this.dir, 'history.json');
  }

  private async load(): Promise<HistoryEntry[]> {
    this.loading ??= (async () => {
      const raw = await readJsonFile(this.path).catch(() => null);
      const r = z.object({ entries: z.array(HistoryEntry) }).safeParse(raw);
      this.entries = r.success ? r.data.entries : [];
      // Unreadable (hand-edited, or from another version): keep it beside, never overwrite it.
      if (!r.success && raw !== undefined) await this.setAside();
      return this.entries;
    })();
    await this.loading;
    return this.entries!;
  }

  private async setAside(): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    await rename(this.path, join(this.dir, `history.unreadable-${stamp}.json`)).catch(() => undefined);
  }

  private persist(): Promise<void> {
    // Writes are chained so two quick changes cannot interleave their renames.
    this.writing = this.writing.then(() => writeJsonAtomic(this.path, { entries: this.entries ?? [] })).catch(() => undefined);
    return this.writing;
  }

  async add(entry: Omit<HistoryEntry, 'id'>): Promise<HistoryEntry> {
    const list = await this.load();
    const full = HistoryEntry.parse({ ...entry, id: `h-${Date.now().toString(36)}-${shortId()}` });
    list.unshift(full);
    if (list.length > MAX_ENTRIES) list.length = MAX_ENTRIES;
    await this.persist();
    return full;
  }

  async update(id: string, patch: Partial<HistoryEntry>): Promise<void> {
    const list = await this.load();
    const i = list.findIndex((e) => e.id === id);
    if (i < 0) return;
    list[i] = HistoryEntry.parse({ ...list[i], ...patch, id });
    await this.persist();
  }

  async list(profileId?: string, limit = 500): Promise<HistoryEntry[]> {
    const list = await this.load();
    return (profileId ? list.filter((e) => e.profileId === profileId) : list).slice(0, limit);
  }

  async clear(profileId?: string): Promise<void> {
    const list = await this.load();
    this.entries = profileId ? list.filter((e) => e.profileId !== profileId) : [];
    await this.persist();
  }
}
