// Snippets as plain files: one pretty-printed JSON file per snippet (name, tags, protocol,
// resource, class, query, select, the Web API options, options), so users can keep the folder in
// git, written one change at a time per file. Export (all or chosen ones) and import as JSON:
// imports get new ids, and what is skipped is said with its reason.
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { Snippet, SnippetFields, SnippetSaveRequest, type SkippedSnippet, type UnreadableFile } from '../../shared/contract';
import { serialized } from './fileQueue';
import { isSafeId, readJsonFile, shortId, slugify, unreadableFile, writeFileAtomic, writeJsonAtomic } from './files';
import { excerpt } from './excerpt';
import { inputError, notFound } from './hostError';
import { idFixNote, readStoreFolder, type IdFix } from './storeIds';
import { insideFolder } from './safePath';

export class SnippetStore {
  /** Copies given their own id since the host started: listed with every list, so the user sees them. */
  private readonly fixed: UnreadableFile[] = [];

  constructor(readonly dir: string) {}

  private file(id: string): string {
    if (!isSafeId(id)) throw notFound('snippet', id);
    return insideFolder(this.dir, `${id}.json`);
  }

  async list(): Promise<Snippet[]> {
    return (await this.listAll()).snippets;
  }

  /** Runs a read-modify-write of one snippet file alone. */
  private locked<T>(id: string, work: () => Promise<T>): Promise<T> {
    return serialized(this.file(id), work);
  }

  /**
   * Every snippet, and the files that could not be read (a hand-broken file hides only itself).
   * A copied file gets its own id written in (and a file name that cannot be an id, a new one).
   */
  listAll(): Promise<{ snippets: Snippet[]; unreadable: UnreadableFile[] }> {
    return serialized(join(this.dir, '.list'), () => this.loadAll());
  }

  private async loadAll(): Promise<{ snippets: Snippet[]; unreadable: UnreadableFile[] }> {
    const { found, unreadable, fixes } = await readStoreFolder(this.dir, (raw) => Snippet.parse({ ...raw, id: 'checked' }), (label) => `${slugify(label)}-${shortId()}`);
    const out: Snippet[] = [];
    for (const { name, raw } of found) {
      const fix = fixes.get(name);
      try {
        out.push(fix ? await this.repair(fix) : Snippet.parse({ ...raw, id: name }));
        const note = fix && idFixNote(join(this.dir, `${name}.json`), fix, 'snippet');
        if (note) this.fixed.push(note);
      } catch (err) {
        unreadable.push(unreadableFile(join(this.dir, `${name}.json`), err));
      }
    }
    return { snippets: out.sort((a, b) => a.name.localeCompare(b.name)), unreadable: [...unreadable, ...this.fixed] };
  }

  /** Rewrites a file with its own id inside, under a new name when its name cannot be an id. */
  private async repair(fix: IdFix): Promise<Snippet> {
    const from = join(this.dir, `${fix.name}.json`);
    return this.locked(fix.id, async () => {
      const raw = await readJsonFile(from);
      if (raw === undefined) throw notFound('snippet', fix.name);
      const snippet = Snippet.parse({ ...(raw as object), id: fix.id });
      await writeJsonAtomic(this.file(fix.id), snippet);
      if (fix.rename) await rm(from, { force: true });
      return snippet;
    });
  }

  async get(id: string): Promise<Snippet> {
    const raw = await readJsonFile(this.file(id));
    if (raw === undefined) throw notFound('snippet', id);
    return Snippet.parse({ ...(raw as object), id });
  }

  async save(req: z.input<typeof SnippetSaveRequest>): Promise<Snippet> {
    const { id: givenId, ...fields } = SnippetSaveRequest.parse(req);
    const id = givenId ?? `${slugify(fields.name)}-${shortId()}`;
    return this.locked(id, async () => {
      const now = new Date().toISOString();
      let createdAt = now;
      if (givenId) {
        const old = await readJsonFile(this.file(id)).catch(() => undefined);
        if (old && typeof (old as Snippet).createdAt === 'string') createdAt = (old as Snippet).createdAt;
      }
      const snippet: Snippet = Snippet.parse({ id, ...fields, createdAt, updatedAt: now });
      await writeJsonAtomic(this.file(id), snippet);
      return snippet;
    });
  }

  async delete(id: string): Promise<void> {
    const path = this.file(id);
    await this.locked(id, async () => {
      try { await stat(path); } catch { throw notFound('snippet', id); }
      await rm(path);
    });
  }

  /**
   * Snippets from a file's text (one snippet, an array, or `{ snippets: [...] }` as exportText
   * writes; a snippet file of the data folder too). Each valid one is saved under a new id; the
   * others are skipped with the reason. A file with nothing to import is an error that says why.
   */
  async importText(text: string, file?: string): Promise<SnippetImport> {
    const found = readItems(text, file);
    const out: SnippetImport = { imported: [], skipped: [] };
    for (const item of found.items) {
      const r = checkItem(item.value);
      if ('reason' in r) skip(out, { item: item.n, ...(item.name ? { name: item.name } : {}), ...(file ? { file } : {}), reason: r.reason });
      else out.imported.push(await this.save(r.fields));
    }
    if (found.beyond) skip(out, { item: MAX_IMPORT + 1, ...(file ? { file } : {}), reason: `The file holds ${found.beyond.toLocaleString()} more snippets than the ${MAX_IMPORT.toLocaleString()} read from one file.` });
    if (out.imported.length === 0) {
      const first = out.skipped[0];
      throw inputError(
        found.items.length === 0 ? 'The snippet file holds no snippets.' : `No snippet in the file could be imported: ${first ? `snippet ${first.item}${first.name ? ` ("${excerpt(first.name)}")` : ''}: ${first.reason}` : ''}`,
        'Export snippets from the workbench to see the expected format.',
      );
    }
    return out;
  }

  /** A file, or every .json file in a folder (a path the user picked or gave the CLI). */
  async importPath(path: string): Promise<SnippetImport> {
    const st = await stat(path).catch(() => { throw inputError(`Cannot read "${basename(path)}".`); });
    if (!st.isDirectory()) return this.importText(await readFile(path, 'utf8'));
    const out: SnippetImport = { imported: [], skipped: [] };
    for (const n of (await readdir(path)).filter((x) => x.endsWith('.json')).sort()) {
      try {
        const one = await this.importText(await readFile(join(path, n), 'utf8'), n);
        out.imported.push(...one.imported);
        for (const x of one.skipped) skip(out, x);
      } catch (err) {
        skip(out, { item: 1, file: n, reason: err instanceof Error ? err.message : String(err) });
      }
    }
    if (out.imported.length === 0) throw inputError(`No snippet in the folder "${basename(path)}" could be imported.`, out.skipped[0] ? `${out.skipped[0].file}: ${out.skipped[0].reason}` : 'The folder holds no .json files.');
    return out;
  }

  async exportText(ids?: string[], path?: string): Promise<{ content: string; fileName: string; count: number; path?: string }> {
    const all = await this.list();
    const chosen = ids ? all.filter((s) => ids.includes(s.id)) : all;
    const content = `${JSON.stringify({ snippets: chosen.map(({ id: _id, ...rest }) => rest) }, null, 2)}\n`;
    if (path) await writeFileAtomic(path, content);
    return { content, fileName: 'rets-workbench-snippets.json', count: chosen.length, ...(path ? { path } : {}) };
  }
}

export interface SnippetImport { imported: Snippet[]; skipped: SkippedSnippet[] }

/** Snippets read from one file; more are counted, not read. */
const MAX_IMPORT = 10_000;
/** Skipped snippets reported (a broken file of thousands says the first ones). */
const MAX_SKIPPED = 200;

function skip(out: SnippetImport, s: SkippedSnippet): void {
  if (out.skipped.length < MAX_SKIPPED) out.skipped.push(s);
}

interface Item { n: number; name?: string; value: unknown }

function readItems(text: string, file?: string): { items: Item[]; beyond: number } {
  let data: unknown;
  try { data = JSON.parse(text.replace(/^\uFEFF/, '')); } catch {
    // JSON.parse's message quotes the text: only a short escaped start of it goes back.
    throw inputError(`The snippet file${file ? ` "${excerpt(file)}"` : ''} is not valid JSON (it starts with "${excerpt(text.trimStart())}").`, 'Export snippets from the workbench to see the expected format.');
  }
  const list = Array.isArray(data) ? data : data !== null && typeof data === 'object' && Array.isArray((data as { snippets?: unknown }).snippets) ? (data as { snippets: unknown[] }).snippets : [data];
  const items = list.slice(0, MAX_IMPORT).map((value, i) => {
    const name = value !== null && typeof value === 'object' ? (value as { name?: unknown }).name : undefined;
    return { n: i + 1, value, ...(typeof name === 'string' && name.trim() ? { name: name.trim().slice(0, 200) } : {}) };
  });
  return { items, beyond: Math.max(0, list.length - MAX_IMPORT) };
}

/** A snippet's fields, or why it cannot be one (in words, naming the field). */
function checkItem(value: unknown): { fields: z.output<typeof SnippetFields> } | { reason: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { reason: 'it is not a snippet (a JSON object with name, resource, class and query).' };
  const r = SnippetFields.safeParse(value);
  if (!r.success) return { reason: r.error.issues.slice(0, 3).map((x) => `${x.path.join('.') || 'snippet'}: ${x.message}`).join('; ') };
  if (r.data.odata && r.data.protocol !== 'webapi') return { reason: 'it has Web API options (odata) but its protocol is not "webapi".' };
  return { fields: r.data };
}
