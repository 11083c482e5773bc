// The completion index over a class's fields: every word of SystemName, StandardName and
// LongName (split at spaces, underscores and camelCase) plus each whole squeezed name, in one
// sorted array, so "list pr" or "listpr" finds ListPrice by binary search, not a scan.
import { squeeze, type DmqlField, type DmqlSchema } from './schema';

export interface FieldIndex {
  words: string[];
  ids: number[];
  fieldWords: string[][];
  names: string[][]; // per field: squeezed query name, then the other squeezed names
  bySortedName: number[];
  /** Field ids ordered by (name length, name), and each field's position in that order. */
  byShort: number[];
  rank: Int32Array;
  scores: Int8Array;
  /** Squeezed query names, sorted, and their field ids. */
  queryNames: string[];
  queryNameIds: number[];
}

export function splitWords(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9\u00c0-\uffff]+/)
    .filter((w) => w !== '');
}

/** Builds (once) the completion index; later calls return the cached one. */
export function fieldIndex(schema: DmqlSchema): FieldIndex {
  const hit = schema.cache.get('fieldIndex') as FieldIndex | undefined;
  if (hit) return hit;
  // word -> field ids, then sort the distinct words only (far fewer than word occurrences).
  const byWord = new Map<string, number[]>();
  const fieldWords: string[][] = [];
  const names: string[][] = [];
  schema.fields.forEach((f, i) => {
    const ws = new Set<string>();
    for (const n of [f.systemName, f.standardName, f.longName]) for (const w of splitWords(n)) ws.add(w);
    const ns = [squeeze(f.name), squeeze(f.systemName), squeeze(f.standardName), squeeze(f.longName)].filter((x) => x !== '');
    for (const n of ns) ws.add(n);
    fieldWords.push([...ws]);
    names.push(ns);
    for (const w of ws) { const l = byWord.get(w); if (l) l.push(i); else byWord.set(w, [i]); }
  });
  const words: string[] = [];
  const ids: number[] = [];
  for (const w of [...byWord.keys()].sort()) for (const id of byWord.get(w)!) { words.push(w); ids.push(id); }
  const bySortedName = schema.fields.map((_, i) => i).sort((a, b) => schema.fields[a].name.localeCompare(schema.fields[b].name));
  const byShort = schema.fields.map((_, i) => i).sort((a, b) => {
    const x = schema.fields[a].name;
    const y = schema.fields[b].name;
    return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
  });
  const rank = new Int32Array(schema.fields.length);
  byShort.forEach((id, pos) => { rank[id] = pos; });
  const qn = schema.fields.map((f, i) => [squeeze(f.name), i] as [string, number]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const idx: FieldIndex = {
    queryNames: qn.map((x) => x[0]), queryNameIds: qn.map((x) => x[1]), words, ids, fieldWords, names, bySortedName, byShort, rank, scores: new Int8Array(schema.fields.length).fill(-1) };
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
  const idx = fieldIndex(schema);
  const q = squeeze(typed);
  const qwords = splitWords(typed);
  if (q === '') {
    const matches = idx.bySortedName.slice(0, limit).map((i) => ({ field: schema.fields[i], score: 4 }));
    return { matches, total: schema.fields.length };
  }
  // A short prefix of the query names ("l") matching more than `limit` fields: those fields,
  // alphabetically, are the answer; skip scoring tens of thousands of index entries.
  const first = lowerBound(idx.queryNames, q);
  const past = lowerBound(idx.queryNames, `${q}\uffff`);
  if (past - first > limit) {
    const matches: FieldMatch[] = [];
    for (let k = first; k < past && matches.length < limit; k += 1) {
      const f = schema.fields[idx.queryNameIds[k]];
      matches.push({ field: f, score: idx.queryNames[k] === q ? 0 : 1 });
    }
    matches.sort((a, b) => a.score - b.score);
    return { matches, total: past - first };
  }
  // Scores in a reused typed array (-1 = no match): no Map, no per-call allocation per field.
  const scores = idx.scores;
  const touched: number[] = [];
  const setScore = (id: number, s: number) => {
    if (scores[id] < 0) { touched.push(id); scores[id] = s; } else if (s < scores[id]) scores[id] = s;
  };
  withPrefix(idx, q, (id) => {
    if (scores[id] >= 0 && scores[id] <= 1) return;
    const ns = idx.names[id];
    setScore(id, ns[0] === q ? 0 : ns[0].startsWith(q) ? 1 : ns.some((n) => n.startsWith(q)) ? 2 : 3);
  });
  if (qwords.length > 1) {
    // Walk the typed word with the fewest index entries; check the others per field.
    const size = (w: string) => lowerBound(idx.words, `${w}\uffff`) - lowerBound(idx.words, w);
    const sizes = qwords.map(size);
    const lead = sizes.indexOf(Math.min(...sizes));
    const rest = qwords.filter((_, k) => k !== lead);
    withPrefix(idx, qwords[lead], (id) => {
      if (scores[id] >= 0) return;
      const ws = idx.fieldWords[id];
      if (rest.every((r) => ws.some((w) => w.startsWith(r)))) setScore(id, 3);
    });
  }
  // Bucket by score, then order each bucket by precomputed rank: numeric sorts, no string compares.
  const buckets: number[][] = [[], [], [], []];
  for (const id of touched) { buckets[scores[id]].push(idx.rank[id]); scores[id] = -1; }
  const matches: FieldMatch[] = [];
  buckets.forEach((ranks, score) => {
    if (matches.length >= limit || ranks.length === 0) return;
    const sorted = Int32Array.from(ranks).sort();
    for (let k = 0; k < sorted.length && matches.length < limit; k += 1) matches.push({ field: schema.fields[idx.byShort[sorted[k]]], score });
  });
  return { matches, total: touched.length };
}
