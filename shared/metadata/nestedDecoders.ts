// How Web API nested values read in the grid and the row details: an expanded navigation (Media)
// as a count ("3 photos"), a collection as its elements joined (lookup values decoded). The cell
// holds the value's JSON text; these decoders sit beside the lookup decoders (displayDecoders).
import { arrayCount, joinCollection, nestedSummary } from '../odata/nestedValues';
import type { MetadataClass, MetadataField, MetadataResource } from '../rets/metadata/model';
import { findLookup } from '../rets/metadata/model';
import type { Decoder } from './lookupDecoder';

/** A collection field's cell: `["A","B"]` -> `A, B`, each lookup value decoded. */
function collectionDecoder(resource: MetadataResource, f: MetadataField): Decoder {
  const lk = f.lookupName ? findLookup(resource, f.lookupName) : undefined;
  const map = lk ? new Map(lk.values.map((v) => [v.value, v.longValue || v.shortValue || v.value])) : undefined;
  return (v) => {
    if (arrayCount(v) === undefined) return v;
    const joined = joinCollection(v, '\u0000');
    if (joined === v) return v;
    return joined === '' ? '' : joined.split('\u0000').map((x) => map?.get(x) ?? x).join(', ');
  };
}

/** Decoders for a Web API class's nested columns: its navigation properties and collection fields. */
export function nestedDecoders(resource: MetadataResource | undefined, cls: MetadataClass | undefined): Map<string, Decoder> {
  const out = new Map<string, Decoder>();
  if (!resource?.odata || !cls) return out;
  for (const n of resource.odata.navigation) out.set(n.name, (v) => nestedSummary(n.name, v) ?? v);
  for (const f of cls.fields) if (f.odata?.collection) out.set(f.systemName, collectionDecoder(resource, f));
  return out;
}

/** Whether a row's cell holds a nested value to show as a structure (not a declared plain field). */
export function isNestedColumn(cls: MetadataClass | undefined, column: string): boolean {
  const f = cls?.fields.find((x) => x.systemName === column);
  return f ? !!f.odata?.collection || (!!f.odata && !f.odata.elementType.startsWith('Edm.') && !f.odata.enumType) : !!cls?.fields.some((x) => x.odata);
}
