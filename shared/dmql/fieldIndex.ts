// The completion index over a class's fields: every word of SystemName, StandardName and
// LongName (split at spaces, underscores and camelCase) plus each whole squeezed name, in one
// sorted array, so "list pr" or "listpr" finds ListPrice by binary search, not a scan.
import { squeeze, type DmqlField, type DmqlSchema } from './schema';

interface FieldIndex {
  words: string[];
  ids: number[];
  fieldWords: string[][];
  names: string[][]; // per field: squeezed query name, then the other squeezed names
  bySortedName: number[];
  /** Field ids ordered by (name length, name), and each field's position in that order. */
  byShort: number[];
  rank: Int32Array;
}

export function splitWords(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9\u00c0-\uffff]+/)
    .filter((w) => w !== '');
}

function index(schema: DmqlSchema): FieldIndex {
  const hit = schema.cache.get('fieldIndex') as FieldIndex | undefined;
  if (hit) return hit;
  const pairs: [string, number][] = [];
  const fieldWords: string[][] = [];
  const names: string[][] = [];
  schema.fields.forEach((f, i) => {
    const ws = new Set<string>();
    for (const n of [f.systemName, f.standardName, f.longName]) for (const w of splitWords(n)) ws.add(w);
    const ns = [squeeze(f.name), squeeze(f.systemName), squeeze(f.standardName), squeeze(f.longName)].filter((x) => x !== '');
    for (const n of ns) ws.add(n);
    fieldWords.push([...ws]);
    names.push(ns);
    for (const w of ws) pairs.push([w, i]);
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const bySortedName = schema.fields.map((_, i) => i).sort((a, b) => schema.fields[a].name.localeCompare(schema.fields[b].name));
  const byShort = schema.fields.map((_, i) => i).sort((a, b) => {
    const x = schema.fields[a].name;
    const y = schema.fields[b].name;
    return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
  });
  const rank = new Int32Array(schema.fields.length);
  byShort.forEach((id, pos) => { rank[id] = pos; });
  const idx: FieldIndex = { words: pairs.map((p) => p[0]), ids: pairs.map((p) => p[1]), fieldWords, names, bySortedName, byShort, rank };
  schema.cache.set('fieldIndex', idx);
  return idx;
}

function lowerBound(words: string[], w: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid] < w) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function withPrefix(idx: FieldIndex, p: string, visit: (id: number) => void): void {
  for (let k = lowerBound(idx.words, p); k < idx.words.length && idx.words[k].startsWith(p); k += 1) visit(idx.ids[k]);
}

export interface FieldMatch { field: DmqlField; score: number }

/**
 * Fields matching what was typed, best first. Score: 0 exact name, 1 query name starts with it,
 * 2 another name starts with it, 3 every typed word starts a word of the names.
 */
export function searchFields(schema: DmqlSchema, typed: string, limit: number): { matches: FieldMatch[]; total: number } {
  const idx = index(schema);
  const q = squeeze(typed);
  const qwords = splitWords(typed);
  const scores = new Map<number, number>();
  if (q === '') {
    const matches = idx.bySortedName.slice(0, limit).map((i) => ({ field: schema.fields[i], score: 4 }));
    return { matches, total: schema.fields.length };
  }
  withPrefix(idx, q, (id) => {
    const ns = idx.names[id];
    const s = ns[0] === q ? 0 : ns[0].startsWith(q) ? 1 : ns.some((n) => n.startsWith(q)) ? 2 : 3;
    const old = scores.get(id);
    if (old === undefined || s < old) scores.set(id, s);
  });
  if (qwords.length > 1) {
    const rest = qwords.slice(1);
    withPrefix(idx, qwords[0], (id) => {
      if (scores.has(id)) return;
      const ws = idx.fieldWords[id];
      if (rest.every((r) => ws.some((w) => w.startsWith(r)))) scores.set(id, 3);
    });
  }
  // Bucket by score, then order each bucket by precomputed rank: numeric sorts, no string compares.
  const buckets: number[][] = [[], [], [], []];
  for (const [id, s] of scores) buckets[s].push(idx.rank[id]);
  const matches: FieldMatch[] = [];
  buckets.forEach((ranks, score) => {
    if (matches.length >= limit || ranks.length === 0) return;
    const sorted = Int32Array.from(ranks).sort();
    for (let k = 0; k < sorted.length && matches.length < limit; k += 1) matches.push({ field: schema.fields[idx.byShort[sorted[k]]], score });
  });
  return { matches, total: scores.size };
}
