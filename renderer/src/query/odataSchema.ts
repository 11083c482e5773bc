// The $filter schema of a Web API tab's entity set, built once per (metadata, entity set, lookups
// read) from the CSDL the metadata carries and the Lookup resource's values read so far (they are
// read per LookupName, after the metadata), and shared by the editor's providers, the run check and
// the $orderby/$expand pickers.
import { buildFilterModel, filterSchema, type FilterSchema } from '../../../shared/odata/filter';
import { csdlToFilterInput } from '../../../shared/odata/csdl/toFilterModel';
import type { MetadataLookup, RetsMetadata } from '../../../shared/rets/metadata/model';

const NO_LOOKUPS: ReadonlyMap<string, MetadataLookup> = new Map();
const cache = new WeakMap<RetsMetadata, Map<string, { read: ReadonlyMap<string, MetadataLookup>; schema: FilterSchema | null }>>();

function lookupsOf(md: RetsMetadata, read: ReadonlyMap<string, MetadataLookup>): Map<string, MetadataLookup> {
  const out = new Map(read);
  for (const r of md.resources) for (const l of r.lookups) if (!out.has(l.name)) out.set(l.name, l);
  return out;
}

/** `read`: the Lookup-resource lookups read so far (a new map when more arrive). */
export function odataSchemaFor(metadata: RetsMetadata | undefined, entitySet: string, read: ReadonlyMap<string, MetadataLookup> = NO_LOOKUPS): FilterSchema | undefined {
  if (!metadata?.odata || !entitySet) return undefined;
  let bySet = cache.get(metadata);
  if (!bySet) { bySet = new Map(); cache.set(metadata, bySet); }
  const known = bySet.get(entitySet);
  if (known?.read === read) return known.schema ?? undefined;
  let schema: FilterSchema | null;
  try {
    schema = filterSchema(buildFilterModel(csdlToFilterInput(metadata.odata.csdl, lookupsOf(metadata, read))), entitySet);
  } catch { schema = null; }
  bySet.set(entitySet, { read, schema });
  return schema ?? undefined;
}
