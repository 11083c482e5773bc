// "Did you mean" over field names and lookup values: a bounded edit distance (Damerau
// transpositions included) over candidates bucketed by length, so 60,000 names answer in
// well under a millisecond.
import type { DmqlField, DmqlLookup, DmqlSchema } from './schema';
import type { MetadataLookupValue } from '../rets/metadata/model';

/** Edit distance of a and b if it is at most max, else max + 1. */
export function boundedDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  for (let i = 1; i <= la; i += 1) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= lb; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[lb];
}

export function allowedDistance(len: number): number {
  return len <= 3 ? 1 : len <= 7 ? 2 : 3;
}

interface NameEntry { lower: string; field: DmqlField; which: 'SystemName' | 'StandardName' | 'LongName' }

function nameBuckets(schema: DmqlSchema): NameEntry[][] {
  const hit = schema.cache.get('nameBuckets') as NameEntry[][] | undefined;
  if (hit) return hit;
  const buckets: NameEntry[][] = [];
  for (const f of schema.fields) {
    const names: [string, NameEntry['which']][] = [[f.systemName, 'SystemName'], [f.standardName, 'StandardName'], [f.longName, 'LongName']];
    for (const [n, which] of names) {
      if (!n) continue;
      const lower = n.toLowerCase();
      (buckets[lower.length] ??= []).push({ lower, field: f, which });
    }
  }
  schema.cache.set('nameBuckets', buckets);
  return buckets;
}

export interface FieldGuess { field: DmqlField; matched: string; which: NameEntry['which']; distance: number }

/** Up to `limit` fields whose SystemName, StandardName or LongName is close to `word`. */
export function guessFields(schema: DmqlSchema, word: string, limit = 3): FieldGuess[] {
  const w = word.toLowerCase();
  const max = allowedDistance(w.length);
  const buckets = nameBuckets(schema);
  const found = new Map<DmqlField, FieldGuess>();
  for (let len = Math.max(1, w.length - max); len <= w.length + max; len += 1) {
    for (const e of buckets[len] ?? []) {
      const d = boundedDistance(w, e.lower, max);
      if (d > max) continue;
      const old = found.get(e.field);
      if (!old || d < old.distance) found.set(e.field, { field: e.field, matched: e.lower, which: e.which, distance: d });
    }
  }
  // Names that start with what was typed (a truncated name) rank after close typos.
  if (found.size < limit && w.length >= 3) {
    for (let len = w.length + max + 1; len < buckets.length && found.size < limit * 4; len += 1) {
      for (const e of buckets[len] ?? []) {
        if (e.lower.startsWith(w) && !found.has(e.field)) found.set(e.field, { field: e.field, matched: e.lower, which: e.which, distance: max + 1 });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.distance - b.distance || a.field.name.localeCompare(b.field.name)).slice(0, limit);
}

export interface ValueGuess { value: MetadataLookupValue; distance: number }

/** Up to `limit` lookup values whose Value, ShortValue or LongValue is close to `word`. */
export function guessLookupValues(lookup: DmqlLookup, word: string, limit = 3): ValueGuess[] {
  const w = word.toLowerCase();
  const exact = lookup.byAnyLower.get(w);
  if (exact) return [{ value: exact, distance: 0 }];
  const max = allowedDistance(w.length);
  const out: ValueGuess[] = [];
  // Very large lookups: the exact and case-insensitive checks above are what stays fast.
  if (lookup.values.length > 50000) return out;
  for (const v of lookup.values) {
    let best = max + 1;
    for (const s of [v.value, v.shortValue, v.longValue]) {
      if (s) best = Math.min(best, boundedDistance(w, s.toLowerCase(), max));
    }
    if (best <= max) out.push({ value: v, distance: best });
  }
  return out.sort((a, b) => a.distance - b.distance).slice(0, limit);
}
