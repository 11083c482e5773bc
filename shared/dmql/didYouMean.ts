// "Did you mean" over field names and lookup values. A bigram index picks the few hundred
// candidates sharing the most letter pairs with the typed word; only those get the (bounded,
// allocation-free) edit distance. So 60,000 names or a 20,000-value lookup answer in well under
// a millisecond, whatever the typo.
import type { DmqlField, DmqlLookup, DmqlSchema } from './schema';
import type { MetadataLookupValue } from '../rets/metadata/model';

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Edit distance (with adjacent transpositions) of a and b if at most max, else max + 1. */
export function boundedDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (rowA.length <= lb) { rowA = new Int32Array(lb * 2 + 1); rowB = new Int32Array(lb * 2 + 1); rowC = new Int32Array(lb * 2 + 1); }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j += 1) prev[j] = j;
  for (let i = 1; i <= la; i += 1) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j += 1) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ca === cb ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2; prev2 = prev; prev = cur; cur = t;
  }
  return prev[lb];
}

export function allowedDistance(len: number): number {
  return len <= 3 ? 1 : len <= 7 ? 2 : 3;
}

/** Letter pairs of a word with start/end markers, as distinct numbers (no string allocation). */
function bigrams(s: string): number[] {
  const out: number[] = [];
  let prev = 1;
  for (let k = 0; k <= s.length; k += 1) {
    const c = k < s.length ? s.charCodeAt(k) : 2;
    const g = prev * 65536 + c;
    if (!out.includes(g)) out.push(g);
    prev = c;
  }
  return out;
}

const CANDIDATES = 300;
const SCAN_BUDGET = 20000;

/** Lower-cased strings, each belonging to an owner (a field or lookup value index). */
export class GramIndex {
  private readonly postings = new Map<number, number[]>();
  private readonly counts: Uint16Array;
  constructor(readonly texts: string[], readonly owners: number[]) {
    texts.forEach((t, id) => {
      for (const g of bigrams(t)) {
        const list = this.postings.get(g);
        if (list) list.push(id); else this.postings.set(g, [id]);
      }
    });
    this.counts = new Uint16Array(texts.length);
  }

  /** Owners of the texts within edit distance `max` of `word`, best first (one entry per owner). */
  nearest(word: string, max: number, limit: number): { owner: number; text: string; distance: number }[] {
    // q-gram lemma: within distance max, a text shares at least G - 3·max of the word's G bigrams
    // (a transposition can break three), so it appears in one of the G - T + 1 rarest lists.
    const lists = bigrams(word).map((g) => this.postings.get(g) ?? []).sort((x, y) => x.length - y.length);
    const need = lists.length - 3 * max;
    const scanned = need >= 1 ? lists.slice(0, lists.length - need + 1) : lists;
    const touched: number[] = [];
    const counts = this.counts;
    // Rarest lists first, within a budget: the bigrams every name shares ("l_") add little.
    let budget = SCAN_BUDGET;
    for (const list of scanned) {
      if (budget <= 0) break;
      for (const id of list) if (counts[id]++ === 0) touched.push(id);
      budget -= list.length;
    }
    const lo = word.length - max;
    const hi = word.length + max;
    // Counting sort by shared bigrams, most first; only the best CANDIDATES get the edit distance.
    const byCount: number[][] = [];
    for (const id of touched) {
      const len = this.texts[id].length;
      if (len >= lo && len <= hi) (byCount[counts[id]] ??= []).push(id);
      counts[id] = 0;
    }
    const best = new Map<number, { owner: number; text: string; distance: number }>();
    let tried = 0;
    for (let c = byCount.length - 1; c >= 0 && tried < CANDIDATES; c -= 1) {
      for (const id of byCount[c] ?? []) {
        if ((tried += 1) > CANDIDATES) break;
        const d = boundedDistance(word, this.texts[id], max);
        if (d > max) continue;
        const owner = this.owners[id];
        const old = best.get(owner);
        if (!old || d < old.distance) best.set(owner, { owner, text: this.texts[id], distance: d });
      }
    }
    return [...best.values()].sort((x, y) => x.distance - y.distance || x.owner - y.owner).slice(0, limit);
  }
}

type Which = 'SystemName' | 'StandardName' | 'LongName';
export interface NameIndex { grams: GramIndex; which: Which[]; sorted: { lower: string; owner: number }[] }

/** Builds (once) the did-you-mean index over field names. */
export function nameIndex(schema: DmqlSchema): NameIndex {
  const hit = schema.cache.get('nameGrams') as NameIndex | undefined;
  if (hit) return hit;
  const texts: string[] = [];
  const owners: number[] = [];
  const which: Which[] = [];
  schema.fields.forEach((f, i) => {
    const names: [string, Which][] = [[f.systemName, 'SystemName'], [f.standardName, 'StandardName'], [f.longName, 'LongName']];
    for (const [n, w] of names) if (n) { texts.push(n.toLowerCase()); owners.push(i); which.push(w); }
  });
  const sorted = texts.map((lower, k) => ({ lower, owner: owners[k] })).sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0));
  const idx = { grams: new GramIndex(texts, owners), which, sorted };
  schema.cache.set('nameGrams', idx);
  return idx;
}

export interface FieldGuess { field: DmqlField; matched: string; distance: number }

/** Up to `limit` fields whose SystemName, StandardName or LongName is close to `word`. */
export function guessFields(schema: DmqlSchema, word: string, limit = 3): FieldGuess[] {
  const w = word.toLowerCase();
  const max = allowedDistance(w.length);
  const idx = nameIndex(schema);
  const out: FieldGuess[] = idx.grams.nearest(w, max, limit).map((n) => ({ field: schema.fields[n.owner], matched: n.text, distance: n.distance }));
  // A truncated name ("ListPr") is a prefix of the real one: binary search the sorted names.
  if (out.length < limit && w.length >= 3) {
    let lo = 0;
    let hi = idx.sorted.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (idx.sorted[mid].lower < w) lo = mid + 1; else hi = mid; }
    for (let k = lo; k < idx.sorted.length && idx.sorted[k].lower.startsWith(w) && out.length < limit; k += 1) {
      const f = schema.fields[idx.sorted[k].owner];
      if (!out.some((g) => g.field === f)) out.push({ field: f, matched: idx.sorted[k].lower, distance: max + 1 });
    }
  }
  return out;
}

export interface ValueGuess { value: MetadataLookupValue; distance: number }

const lookupGrams = new WeakMap<DmqlLookup, GramIndex>();

function lookupIndex(lookup: DmqlLookup): GramIndex {
  let g = lookupGrams.get(lookup);
  if (!g) {
    g = namesIndex(lookup.values, (v) => [v.value, v.shortValue, v.longValue]);
    lookupGrams.set(lookup, g);
  }
  return g;
}

/** An index over each value's distinct names, lower-cased; a name's owner is its value's position. */
export function namesIndex<T>(values: readonly T[], names: (v: T) => readonly (string | undefined)[]): GramIndex {
  const texts: string[] = [];
  const owners: number[] = [];
  values.forEach((v, i) => {
    for (const s of new Set(names(v))) if (s) { texts.push(s.toLowerCase()); owners.push(i); }
  });
  return new GramIndex(texts, owners);
}

/** Up to `limit` lookup values whose Value, ShortValue or LongValue is close to `word`. */
export function guessLookupValues(lookup: DmqlLookup, word: string, limit = 3): ValueGuess[] {
  const w = word.toLowerCase();
  const exact = lookup.byAnyLower.get(w);
  if (exact) return [{ value: exact, distance: 0 }];
  return lookupIndex(lookup).nearest(w, allowedDistance(w.length), limit).map((n) => ({ value: lookup.values[n.owner], distance: n.distance }));
}
