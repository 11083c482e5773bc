// Which id each file of a store folder (profiles, snippets) gets. Users copy and rename these
// files, so the file name is the id and the id written inside is only a check: a copy
// ("wilma-1a2b3c4d-copy.json") keeps its name as its id and has the id inside rewritten; a name
// that cannot be an id ("wilma-1a2b3c4d copy.json", as file managers name copies) gets a new id
// and its file is saved under it. A copy is reported once, so the user knows two entries exist.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { UnreadableFile } from '../../shared/contract';
import { isSafeId, readJsonFile, unreadableFile } from './files';

export interface FoundFile {
  /** The file name without ".json". */
  name: string;
  /** The id written inside the file. */
  innerId: unknown;
  /** The name the user gave the entry, for a new id. */
  label: string;
}

export interface IdFix {
  name: string;
  id: string;
  /** The file must be saved as `<id>.json` and the old one removed. */
  rename: boolean;
  /** The id of the file this one is a copy of (both said the same id inside). */
  copyOf?: string;
}

/** The fixes a folder needs; files whose name is a safe id equal to the id inside need none. */
export function assignIds(files: FoundFile[], newId: (label: string) => string): IdFix[] {
  const taken = new Set(files.filter((f) => isSafeId(f.name)).map((f) => f.name));
  const innerCounts = new Map<unknown, number>();
  for (const f of files) innerCounts.set(f.innerId, (innerCounts.get(f.innerId) ?? 0) + 1);
  const fixes: IdFix[] = [];
  for (const f of files) {
    // No id inside (a hand-written file): the name is the id, nothing to rewrite.
    if (isSafeId(f.name) && (f.innerId === f.name || f.innerId === undefined)) continue;
    const inner = typeof f.innerId === 'string' ? f.innerId : undefined;
    const copyOf = inner !== undefined && (taken.has(inner) || (innerCounts.get(inner) ?? 0) > 1) ? inner : undefined;
    if (isSafeId(f.name)) {
      fixes.push({ name: f.name, id: f.name, rename: false, ...(copyOf ? { copyOf } : {}) });
      continue;
    }
    let id = newId(f.label);
    while (taken.has(id)) id = newId(f.label);
    taken.add(id);
    fixes.push({ name: f.name, id, rename: true, ...(copyOf ? { copyOf } : {}) });
  }
  return fixes;
}

export interface StoreFolder {
  /** The files `check` accepted: name without ".json", and their content. */
  found: { name: string; raw: Record<string, unknown> }[];
  unreadable: UnreadableFile[];
  /** By file name: the files whose id needs fixing (assignIds). */
  fixes: Map<string, IdFix>;
}

/**
 * Reads every `<name>.json` of a store folder (none when it does not exist yet; dot files are not
 * entries), each checked by `check` (a throw makes it unreadable), and the id fixes they need.
 */
export async function readStoreFolder(dir: string, check: (raw: object) => void, newId: (label: string) => string): Promise<StoreFolder> {
  let names: string[] = [];
  try { names = await readdir(dir); } catch { /* no folder yet */ }
  const found: StoreFolder['found'] = [];
  const unreadable: UnreadableFile[] = [];
  for (const n of names.sort()) {
    if (!n.endsWith('.json') || n.startsWith('.')) continue;
    try {
      const raw = await readJsonFile(join(dir, n));
      check(raw as object);
      found.push({ name: n.slice(0, -5), raw: raw as Record<string, unknown> });
    } catch (err) {
      unreadable.push(unreadableFile(join(dir, n), err));
    }
  }
  const fixes = new Map(assignIds(found.map((f) => ({ name: f.name, innerId: f.raw.id, label: String(f.raw.name) })), newId).map((x) => [x.name, x]));
  return { found, unreadable, fixes };
}

/** What the user is told about a fixed file (listed with the files that could not be read). */
export function idFixNote(file: string, fix: IdFix, what: string): UnreadableFile | undefined {
  if (fix.copyOf) {
    const where = fix.rename ? `saved as ${fix.id}.json` : `id ${fix.id}`;
    return { file, message: `A copy of ${fix.copyOf}.json (same id inside): now a ${what} of its own, ${where}.`, fixed: true };
  }
  if (fix.rename) return { file, message: `Its file name cannot be an id: it is now saved as ${fix.id}.json.`, fixed: true };
  return undefined;
}
