// Temp files a killed host leaves behind are removed at the next start. Exports into the data
// folder and uploads live in known folders: a sweep finds them. An export to a file the user
// chose has its temp file next to that file, anywhere on disk: a small journal in the data folder
// lists every export's temp file while it is in progress.
import { readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomic } from './files';

/** The names tempPathFor gives: `.<name>.<12 hex>.tmp`. Nothing else is ever removed. */
export function isTempName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
}

const JournalFile = z.object({ temps: z.array(z.string()) });

/**
 * One journal file per running host (`<dir>/<pid>.json`): the desktop app and `serve` may share a
 * data folder, and each must clean up only after hosts that are gone. The file also says "a host
 * is running here" while it exists.
 */
export class TempJournal {
  private readonly temps = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  readonly file: string;

  constructor(readonly dir: string, private readonly pid = process.pid) {
    this.file = join(dir, `${pid}.json`);
  }

  add(path: string): Promise<void> {
    this.temps.add(path);
    return this.save();
  }

  remove(path: string): Promise<void> {
    this.temps.delete(path);
    return this.save();
  }

  /**
   * Removes the temp files of every host that is gone (killed mid-export) and their journals, then
   * records this host. Says whether another host is using the data folder right now.
   */
  async recover(): Promise<{ otherHostRunning: boolean }> {
    let otherHostRunning = false;
    for (const n of await readdir(this.dir).catch(() => [] as string[])) {
      const m = /^(\d+)\.json$/.exec(n);
      if (!m) continue;
      const pid = Number(m[1]);
      if (pid !== this.pid && isRunning(pid)) { otherHostRunning = true; continue; }
      const listed = JournalFile.safeParse(await readJsonFile(join(this.dir, n)).catch(() => undefined));
      for (const p of listed.success ? listed.data.temps : []) {
        if (isTempName(basename(p))) await rm(p, { force: true }).catch(() => undefined);
      }
      await rm(join(this.dir, n), { force: true });
    }
    await this.save();
    return { otherHostRunning };
  }

  /** This host is done: its journal goes (after the writes already queued). */
  async close(): Promise<void> {
    await this.queue;
    await rm(this.file, { force: true });
  }

  // Writes one at a time, each with the set as it is then, so the file never goes back in time.
  private save(): Promise<void> {
    this.queue = this.queue.then(() => writeJsonAtomic(this.file, { temps: [...this.temps] })).catch(() => undefined);
    return this.queue;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files under exports/<id>/ and every leftover upload: the backstop for what no
 * journal lists. Only when no other host is running on the data folder (its files are in use).
 */
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
