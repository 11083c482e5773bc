// Lookup values of one mapped field: the MLS's code -> the target's value, by the same value,
// the long (display) value, the short value or a synonym. Map lookups only: linear in the values.
import type { MetadataLookupValue } from '../rets/metadata/model';
import { normalizeName } from './names';
import type { TargetValue } from './target';
import type { ValueMapping, ValueReason } from './types';

export interface ValueIndex { byValue: Map<string, TargetValue>; byDisplay: Map<string, TargetValue>; bySynonym: Map<string, TargetValue> }

export function indexValues(values: readonly TargetValue[]): ValueIndex {
  const idx: ValueIndex = { byValue: new Map(), byDisplay: new Map(), bySynonym: new Map() };
  const put = (m: Map<string, TargetValue>, k: string, v: TargetValue) => { if (k && !m.has(k)) m.set(k, v); };
  for (const v of values) {
    put(idx.byValue, normalizeName(v.value), v);
    put(idx.byDisplay, normalizeName(v.display), v);
    for (const s of v.synonyms) put(idx.bySynonym, normalizeName(s), v);
  }
  return idx;
}

const STEPS: [ValueReason, number, (v: MetadataLookupValue) => string, keyof ValueIndex][] = [
  ['same-value', 0.95, (v) => v.value, 'byValue'],
  ['display-name', 0.9, (v) => v.longValue, 'byDisplay'],
  ['display-name', 0.85, (v) => v.longValue, 'byValue'],
  ['short-value', 0.8, (v) => v.shortValue, 'byDisplay'],
  ['short-value', 0.75, (v) => v.shortValue, 'byValue'],
  ['same-value', 0.7, (v) => v.value, 'byDisplay'],
  ['synonym', 0.7, (v) => v.longValue, 'bySynonym'],
  ['synonym', 0.65, (v) => v.value, 'bySynonym'],
];

/** One proposal per source value; a value nothing matched has target null and reason 'none'. */
export function proposeValues(source: readonly MetadataLookupValue[], idx: ValueIndex): ValueMapping[] {
  return source.map((v) => {
    for (const [reason, confidence, key, map] of STEPS) {
      const k = normalizeName(key(v));
      const hit = k ? idx[map].get(k) : undefined;
      if (hit) return { code: v.value, longValue: v.longValue, target: hit.value, reason, confidence, status: 'proposed' as const };
    }
    return { code: v.value, longValue: v.longValue, target: null, reason: 'none' as const, confidence: 0, status: 'proposed' as const };
  });
}
