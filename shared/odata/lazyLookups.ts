// A Web API's string lookups (RESO.OData.Metadata.LookupName) keep their values in the server's
// Lookup resource, read per LookupName (not with $metadata): which names a resource's fields use
// whose values the metadata does not hold yet.
import type { MetadataResource } from '../rets/metadata/model';

/** LookupNames the resource's fields use whose values live in the Lookup resource and are not in the metadata. */
export function lazyLookupNames(r: MetadataResource): string[] {
  if (!r.odata) return [];
  const have = new Set(r.lookups.map((l) => l.name));
  const out = new Set<string>();
  for (const c of r.classes) for (const f of c.fields) if (f.odata?.lookupStyle === 'lookup-resource' && f.lookupName && !have.has(f.lookupName)) out.add(f.lookupName);
  return [...out].sort();
}

/** The lazy LookupNames of the fields a $filter names: the query tab reads only those (for value
 *  completion and the checker), so a lookup stays unread until a filter or the explorer needs it. */
export function mentionedLookupNames(r: MetadataResource, filter: string): string[] {
  if (!r.odata || !filter) return [];
  const words = new Set(filter.split(/[^A-Za-z0-9_]+/));
  const lazy = new Set(lazyLookupNames(r));
  const out = new Set<string>();
  for (const c of r.classes) for (const f of c.fields) if (f.lookupName && lazy.has(f.lookupName) && words.has(f.systemName)) out.add(f.lookupName);
  return [...out].sort();
}
