// Temp files a killed host leaves behind are removed at the next start. Exports into the data
// folder and uploads live in known folders: a sweep finds them. An export to a file the user
// chose has its temp file next to that file, anywhere on disk: a small journal in the data folder
// lists those while they are in progress.
import { readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomic } from './files';

/** The names tempPathFor gives: `.<name>.<12 hex>.tmp`. Nothing else is ever removed. */
export function isTempName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
}

const JournalFile = z.object({ temps: z.array(z.string()) });

export class TempJournal {
  private readonly temps = new Set<string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  add(path: string): Promise<void> {
    this.temps.add(path);
    return this.save();
  }

  remove(path: string): Promise<void> {
    this.temps.delete(path);
    return this.save();
  }

  /** Removes every temp file a previous run listed and never took off the list. */
  async recover(): Promise<string[]> {
    const raw = await readJsonFile(this.file).catch(() => undefined);
    const listed = JournalFile.safeParse(raw);
    const removed: string[] = [];
    for (const p of listed.success ? listed.data.temps : []) {
      if (!isTempName(basename(p))) continue;
      await rm(p, { force: true }).then(() => removed.push(p), () => undefined);
    }
    await this.save();
    return removed;
  }

  // Writes one at a time, each with the set as it is then, so the file never goes back in time.
  private save(): Promise<void> {
    this.queue = this.queue.then(() => writeJsonAtomic(this.file, { temps: [...this.temps] })).catch(() => undefined);
    return this.queue;
  }
}

/** Removes temp files under exports/<id>/ and every leftover upload. */
export async function sweepDataTemps(exportsDir: string, uploadsDir: string): Promise<void> {
  for (const id of await readdir(exportsDir).catch(() => [] as string[])) {
    const dir = join(exportsDir, id);
    for (const n of await readdir(dir).catch(() => [] as string[])) {
      if (isTempName(n)) await rm(join(dir, n), { force: true });
    }
  }
  for (const n of await readdir(uploadsDir).catch(() => [] as string[])) {
    await rm(join(uploadsDir, n), { force: true, recursive: true });
  }
}
