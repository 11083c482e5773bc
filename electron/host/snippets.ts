// Snippets as plain files: one pretty-printed JSON file per snippet (name, tags, resource, class,
// query, select, options), so users can keep the folder in git. Import and export as JSON.
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { Snippet, SnippetFields, SnippetSaveRequest, type UnreadableFile } from '../../shared/contract';
import { isSafeId, readJsonFile, shortId, slugify, unreadableFile, writeFileAtomic, writeJsonAtomic } from './files';
import { excerpt } from './excerpt';
import { inputError, notFound } from './hostError';
import { insideFolder } from './safePath';

export class SnippetStore {
  constructor(readonly dir: string) {}

  private file(id: string): string {
    if (!isSafeId(id)) throw notFound('snippet', id);
    return insideFolder(this.dir, `${id}.json`);
  }

  async list(): Promise<Snippet[]> {
    return (await this.listAll()).snippets;
  }

  /** Every snippet, and the files that could not be read (a hand-broken file hides only itself). */
  async listAll(): Promise<{ snippets: Snippet[]; unreadable: UnreadableFile[] }> {
    let names: string[] = [];
    try { names = await readdir(this.dir); } catch { return { snippets: [], unreadable: [] }; }
    const out: Snippet[] = [];
    const unreadable: UnreadableFile[] = [];
    for (const n of names) {
      if (!n.endsWith('.json') || n.startsWith('.')) continue;
      try {
        const raw = await readJsonFile(join(this.dir, n));
        // The file name is the id, whatever the file says (users copy files around).
        out.push(Snippet.parse({ ...(raw as object), id: n.slice(0, -5) }));
      } catch (err) {
        unreadable.push(unreadableFile(join(this.dir, n), err));
      }
    }
    return { snippets: out.sort((a, b) => a.name.localeCompare(b.name)), unreadable };
  }

  async get(id: string): Promise<Snippet> {
    const raw = await readJsonFile(this.file(id));
    if (raw === undefined) throw notFound('snippet', id);
    return Snippet.parse({ ...(raw as object), id });
  }

  async save(req: z.input<typeof SnippetSaveRequest>): Promise<Snippet> {
    const { id: givenId, ...fields } = SnippetSaveRequest.parse(req);
    const now = new Date().toISOString();
    let createdAt = now;
    let id = givenId;
    if (id) {
      const old = await readJsonFile(this.file(id)).catch(() => undefined);
      if (old && typeof (old as Snippet).createdAt === 'string') createdAt = (old as Snippet).createdAt;
    } else {
      id = `${slugify(fields.name)}-${shortId()}`;
    }
    const snippet: Snippet = Snippet.parse({ id, ...fields, createdAt, updatedAt: now });
    await writeJsonAtomic(this.file(id), snippet);
    return snippet;
  }

  async delete(id: string): Promise<void> {
    const path = this.file(id);
    try { await stat(path); } catch { throw notFound('snippet', id); }
    await rm(path);
  }

  /** JSON text of one snippet or an array; each becomes a new snippet (ids are not trusted). */
  async importText(text: string): Promise<Snippet[]> {
    let data: unknown;
    try { data = JSON.parse(text.replace(/^\uFEFF/, '')); } catch {
      // JSON.parse's message quotes the text: only a short escaped start of it goes back.
      throw inputError(`The snippet file is not valid JSON (it starts with "${excerpt(text.trimStart())}").`, 'Export snippets from the workbench to see the expected format.');
    }
    const items = Array.isArray(data) ? data : (data as { snippets?: unknown[] })?.snippets ?? [data];
    const parsed = items.map((item, i) => {
      const r = SnippetFields.safeParse(item);
      if (!r.success) throw inputError(`Snippet ${i + 1} in the file is not valid: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      return r.data;
    });
    const out: Snippet[] = [];
    for (const s of parsed) out.push(await this.save(s));
    return out;
  }

  /** A file, or every .json file in a folder (a path the user picked or gave the CLI). */
  async importPath(path: string): Promise<Snippet[]> {
    const st = await stat(path).catch(() => { throw inputError(`Cannot read "${basename(path)}".`); });
    if (!st.isDirectory()) return this.importText(await readFile(path, 'utf8'));
    const out: Snippet[] = [];
    for (const n of (await readdir(path)).filter((x) => x.endsWith('.json')).sort()) {
      out.push(...(await this.importText(await readFile(join(path, n), 'utf8'))));
    }
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
