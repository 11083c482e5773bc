// The $filter schema of a Web API tab's entity set, built once per (metadata, entity set) from the
// CSDL the metadata carries and the Lookup resource's values, and shared by the editor's
// providers, the run check and the $orderby/$expand pickers.
import { buildFilterModel, filterSchema, type FilterSchema } from '../../../shared/odata/filter';
import { csdlToFilterInput } from '../../../shared/odata/csdl/toFilterModel';
import type { MetadataLookup, RetsMetadata } from '../../../shared/rets/metadata/model';

const cache = new WeakMap<RetsMetadata, Map<string, FilterSchema | null>>();

function lookupsOf(md: RetsMetadata): Map<string, MetadataLookup> {
  const out = new Map<string, MetadataLookup>();
  for (const r of md.resources) for (const l of r.lookups) if (!out.has(l.name)) out.set(l.name, l);
  return out;
}

export function odataSchemaFor(metadata: RetsMetadata | undefined, entitySet: string): FilterSchema | undefined {
  if (!metadata?.odata || !entitySet) return undefined;
  let bySet = cache.get(metadata);
  if (!bySet) { bySet = new Map(); cache.set(metadata, bySet); }
  if (!bySet.has(entitySet)) {
    try {
      bySet.set(entitySet, filterSchema(buildFilterModel(csdlToFilterInput(metadata.odata.csdl, lookupsOf(metadata))), entitySet));
    } catch { bySet.set(entitySet, null); }
  }
  return bySet.get(entitySet) ?? undefined;
}
