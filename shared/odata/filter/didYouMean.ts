// Did-you-mean for $filter: property names of a type, lookup values, enum members and function
// names, through the bigram index of shared/dmql (a few hundred candidates get the edit distance).
import { allowedDistance, boundedDistance, GramIndex, namesIndex } from '../../dmql/didYouMean';
import { FUNCTIONS } from './functions';
import type { FilterEnum, FilterEnumMemberInput, FilterField, FilterLookup, FilterLookupValueInput, FilterType } from './schema';

export function fieldGrams(type: FilterType): GramIndex {
  let g = type.cache.get('grams') as GramIndex | undefined;
  if (!g) {
    g = new GramIndex(type.fields.map((f) => f.name.toLowerCase()), type.fields.map((_, i) => i));
    type.cache.set('grams', g);
  }
  return g;
}

/** Up to `limit` fields of `type` whose name is close to `word`, best first; then names it is a prefix of. */
export function guessFieldNames(type: FilterType, word: string, limit = 3): FilterField[] {
  const w = word.toLowerCase();
  const out = fieldGrams(type).nearest(w, allowedDistance(w.length), limit).map((n) => type.fields[n.owner]);
  if (out.length < limit && w.length >= 3) {
    for (const f of type.fields) {
      if (out.length >= limit) break;
      if (f.name.toLowerCase().startsWith(w) && !out.includes(f)) out.push(f);
    }
  }
  return out;
}

const lookupGrams = new WeakMap<FilterLookup, GramIndex>();

/** Lookup values close to `word` (by LookupValue, StandardLookupValue or LegacyODataValue), best first. */
export function guessLookupValues(lookup: FilterLookup, word: string, limit = 3): FilterLookupValueInput[] {
  const w = word.toLowerCase();
  const exact = lookup.byAnyLower.get(w);
  if (exact) return [exact];
  let g = lookupGrams.get(lookup);
  if (!g) {
    g = namesIndex(lookup.values, (v) => [v.value, v.standardValue, v.legacyODataValue]);
    lookupGrams.set(lookup, g);
  }
  return g.nearest(w, allowedDistance(w.length), limit).map((n) => lookup.values[n.owner]);
}

/** Enum members close to `word`. */
export function guessEnumMembers(en: FilterEnum, word: string, limit = 3): FilterEnumMemberInput[] {
  const w = word.toLowerCase();
  const exact = en.byLower.get(w);
  if (exact) return [exact];
  const max = allowedDistance(w.length);
  return en.members
    .map((m) => ({ m, d: boundedDistance(w, m.name.toLowerCase(), max) }))
    .filter((x) => x.d <= max)
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map((x) => x.m);
}

/** Built-in function names close to `word`. */
export function guessFunctions(word: string, limit = 3): string[] {
  const w = word.toLowerCase();
  const max = allowedDistance(w.length);
  return FUNCTIONS.map((f) => ({ n: f.name, d: boundedDistance(w, f.name, max) }))
    .filter((x) => x.d <= max)
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map((x) => x.n);
}
