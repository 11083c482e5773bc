// A metadata model (the neutral one every part shares) as the Web API side of a translation: the
// $filter schema of one entity set, with the lookup values the model holds (Lookup rows or enums).
import { csdlToFilterInput } from '../odata/csdl/toFilterModel';
import { buildFilterModel, filterSchema, type FilterModel, type FilterSchema } from '../odata/filter/schema';
import type { MetadataLookup, RetsMetadata } from '../rets/metadata/model';

/** The $filter model of a Web API metadata model; undefined for RETS metadata. */
export function filterModelOf(md: RetsMetadata): FilterModel | undefined {
  if (!md.odata) return undefined;
  const lookups = new Map<string, MetadataLookup>();
  for (const r of md.resources) for (const l of r.lookups) if (!lookups.has(l.name) && l.values.length) lookups.set(l.name, l);
  return buildFilterModel(csdlToFilterInput(md.odata.csdl, lookups));
}

/** The schema of one entity set; throws FilterSchemaError naming the sets there are. */
export function entitySetSchema(md: RetsMetadata, entitySet: string): FilterSchema | undefined {
  const model = filterModelOf(md);
  return model ? filterSchema(model, entitySet) : undefined;
}

/** The entity set a RETS resource corresponds to: named like it or like its StandardName. */
export function entitySetFor(model: FilterModel, rets: RetsMetadata, resource: string): string | undefined {
  const res = rets.resources.find((r) => r.id.toLowerCase() === resource.toLowerCase());
  return [resource, res?.standardName].find((n): n is string => !!n && model.entitySets.has(n));
}

/** The RETS resource an entity set corresponds to: the same id, or the StandardName. */
export function resourceFor(rets: RetsMetadata, entitySet: string): string | undefined {
  return (rets.resources.find((r) => r.id.toLowerCase() === entitySet.toLowerCase()) ?? rets.resources.find((r) => r.standardName === entitySet))?.id;
}
