// A Web API's string lookups (RESO.OData.Metadata.LookupName) have their values in the server's
// Lookup resource, read per LookupName when the explorer opens one (useLazyLookups.ts): until then
// the tree shows the lookup with a note for its values. Enum lookups arrive whole with the
// metadata and are left as they are. Pure: no host, no DOM.
import type { MetadataLookup, MetadataResource, RetsMetadata } from '../../../shared/rets/metadata/model';

export type LookupState = { kind: 'loaded' } | { kind: 'unloaded' | 'loading' | 'error' | 'offline'; text: string };

const LOADED: LookupState = { kind: 'loaded' };
/** The state of the lookups this module made up; a lookup it did not make is whole. */
const states = new WeakMap<MetadataLookup, LookupState>();
export const lookupState = (l: MetadataLookup): LookupState => states.get(l) ?? LOADED;

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

/** What is known of a lookup read on demand: its values, or that they are on their way or failed. */
export interface LookupRead { lookup?: MetadataLookup; loading: boolean; error?: string }

function placeholder(name: string, read: LookupRead | undefined, online: boolean): MetadataLookup {
  if (read?.lookup) return read.lookup;
  const l: MetadataLookup = { name, visibleName: name, values: [], raw: { LookupName: name } };
  states.set(l, !online
    ? { kind: 'offline', text: 'Values live in the server’s Lookup resource: connect to read them (a saved $metadata does not hold them).' }
    : read?.error ? { kind: 'error', text: `Could not read the values: ${read.error}` }
      : read?.loading ? { kind: 'loading', text: 'Reading the values from the Lookup resource…' }
        : { kind: 'unloaded', text: 'Open to read the values from the server’s Lookup resource.' });
  return l;
}

/**
 * The metadata with each entity set's Lookup-resource lookups in place: those read so far with
 * their values, the others as empty lookups whose state says why. Unchanged for RETS.
 */
export function withLazyLookups(md: RetsMetadata, reads: ReadonlyMap<string, LookupRead>, online: boolean): RetsMetadata {
  if (!md.odata) return md;
  return {
    ...md,
    resources: md.resources.map((r) => {
      const names = lazyLookupNames(r);
      return names.length ? { ...r, lookups: [...r.lookups, ...names.map((n) => placeholder(n, reads.get(n), online))] } : r;
    }),
  };
}
