// Opaque handles for files the host chose (a native dialog's answer, or an upload it stored in
// the data folder). The renderer holds only the handle: random, good once, for one purpose and
// one direction, for a few minutes. An upload's file is removed when its handle is used or expires.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FilePurpose } from '../../shared/contract';
import { inputError } from './hostError';

export type FileAccess = 'read' | 'write';

export interface HandleEntry {
  path: string;
  /** What the user calls the file (an upload is stored under a random name). */
  name: string;
  purpose: FilePurpose;
  access: FileAccess;
  /** A temp file the host owns (an upload): removed once used. */
  owned: boolean;
  expires: number;
}

const TTL_MS = 15 * 60_000;

export class FileHandles {
  private readonly entries = new Map<string, HandleEntry>();
  /** Removals started by an expiry or a refused use, so clear() can wait for them. */
  private readonly removing = new Set<Promise<void>>();

  constructor(private readonly ttlMs = TTL_MS, private readonly now: () => number = Date.now) {}

  issue(path: string, purpose: FilePurpose, access: FileAccess, opts: { owned?: boolean; name?: string } = {}): string {
    this.prune();
    const handle = randomBytes(18).toString('base64url');
    this.entries.set(handle, { path, name: opts.name ?? basename(path), purpose, access, owned: opts.owned ?? false, expires: this.now() + this.ttlMs });
    return handle;
  }

  /** The handle's file, once: a second use, an expired handle or another purpose is refused. */
  take(handle: string, purpose: FilePurpose, access: FileAccess): HandleEntry {
    this.prune();
    const entry = this.entries.get(handle);
    this.entries.delete(handle);
    if (!entry || entry.purpose !== purpose || entry.access !== access) {
      if (entry) this.discardLater(entry);
      throw inputError('That file choice is no longer valid.', 'Choose the file again.');
    }
    return entry;
  }

  /** Runs `use` on the handle's file, then removes the file when the host owns it. */
  async use<T>(handle: string, purpose: FilePurpose, access: FileAccess, use: (entry: HandleEntry) => Promise<T>): Promise<T> {
    const entry = this.take(handle, purpose, access);
    try {
      return await use(entry);
    } finally {
      await this.discard(entry);
    }
  }

  async discard(entry: HandleEntry): Promise<void> {
    if (entry.owned) await rm(entry.path, { force: true }).catch(() => undefined);
  }

  /** Forgets every handle and removes the files the host owns (at close). */
  async clear(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all([...all.map((e) => this.discard(e)), ...this.removing]);
  }

  private discardLater(entry: HandleEntry): void {
    const p = this.discard(entry).finally(() => this.removing.delete(p));
    this.removing.add(p);
  }

  /** Drops expired handles (and their uploads). Runs on every issue and take, and on a timer. */
  prune(): void {
    const t = this.now();
    for (const [h, e] of this.entries) {
      if (e.expires <= t) { this.entries.delete(h); this.discardLater(e); }
    }
  }
}
