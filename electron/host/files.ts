// Small file helpers the stores share: atomic writes (temp file in the same folder, then rename,
// so a crash never leaves half a profile or snippet), tolerant JSON reads, and the modes of
// everything in the data folder (MLS data and profiles are the user's alone: 0600 files, 0700 folders).
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, basename } from 'node:path';
import { z } from 'zod';
import type { UnreadableFile } from '../../shared/contract';

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates a folder (and its missing parents) readable by the user alone. */
export async function ensurePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Folders made before modes were set (0755): closed to others at start. Best effort: a missing
 * folder, or one another user owns (a shared RETS_WORKBENCH_HOME), must not stop the app.
 */
export async function tightenFolders(paths: string[]): Promise<void> {
  for (const p of paths) await chmod(p, PRIVATE_DIR_MODE).catch(() => undefined);
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await ensurePrivateDir(dirname(path));
  const tmp = tempPathFor(path);
  try {
    await writeFile(tmp, data, { mode: PRIVATE_FILE_MODE });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** The parsed file, or undefined when it does not exist. Malformed JSON throws. */
export async function readJsonFile(path: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

/** A file-name-safe slug of a name ("Active RES > 500k" -> "active-res-500k"). */
export function slugify(name: string, max = 40): string {
  const s = name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_-]+/g, '-').replace(/^-|-$/g, '');
  return s.slice(0, max) || 'item';
}

export function shortId(): string {
  return randomBytes(4).toString('hex');
}

/** Ids become file names: only these characters, so no id can climb out of its folder. */
export function isSafeId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(id);
}

/** Why a file in a store could not be read, in words a user can act on. */
export function unreadableFile(file: string, err: unknown): UnreadableFile {
  if (err instanceof z.ZodError) {
    const issue = err.issues[0];
    const where = issue?.path.length ? `"${issue.path.join('.')}": ` : '';
    return { file, message: `${where}${issue?.message ?? 'not a valid file'}` };
  }
  // JSON.parse's message quotes the file: keep only where it broke.
  if (err instanceof SyntaxError) {
    const at = /at position \d+/.exec(err.message);
    return { file, message: `not valid JSON${at ? ` (${at[0]})` : ''}` };
  }
  return { file, message: err instanceof Error ? err.message : String(err) };
}
