// Lookup decoding on the client: results arrive raw (COMPACT) and the grid shows them decoded
// or raw at the flip of a switch, using the class's metadata.
import type { MetadataClass, MetadataResource } from '../../../shared/rets/metadata/model';
import { findLookup, isLookupField, isMultiLookupField } from '../../../shared/rets/metadata/model';
import { nestedDecoders } from '../details/nestedCells';

export type Decoder = (value: string) => string;

/** Column name -> decoder, for the lookup columns of a class. */
export function buildDecoders(resource: MetadataResource | undefined, cls: MetadataClass | undefined): Map<string, Decoder> {
  const out = new Map<string, Decoder>();
  if (!resource || !cls) return out;
  for (const f of cls.fields) {
    if (!isLookupField(f)) continue;
    const lk = findLookup(resource, f.lookupName);
    if (!lk) continue;
    const map = new Map(lk.values.map((v) => [v.value, v.longValue || v.shortValue || v.value]));
    const one = (v: string) => map.get(v) ?? v;
    const dec: Decoder = isMultiLookupField(f)
      ? (v) => (v === '' ? v : v.split(',').map((x) => one(x.trim())).join(', '))
      : one;
    out.set(f.systemName, dec);
    if (f.standardName) out.set(f.standardName, dec);
  }
  for (const [c, dec] of nestedDecoders(resource, cls)) out.set(c, dec);
  return out;
}
