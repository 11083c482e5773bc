// Mapping proposals and translations pair lookup values, which a Web API keeps in its Lookup
// resource (read per LookupName, not with $metadata): this reads the ones a metadata's fields
// name, once per metadata, so that value pairing sees them. A lookup that cannot be read stays
// without values (the proposal then says the values are unknown).
import { lazyLookupNames } from '../../shared/odata/lazyLookups';
import type { MetadataLookup, RetsMetadata } from '../../shared/rets/metadata/model';

export type ReadLookup = (profileId: string, lookupName: string) => Promise<MetadataLookup>;

export function lookupFiller(read: ReadLookup): (profileId: string, md: RetsMetadata) => Promise<RetsMetadata> {
  const filled = new WeakMap<RetsMetadata, Promise<RetsMetadata>>();
  return (profileId, md) => {
    if (!md.odata) return Promise.resolve(md);
    let p = filled.get(md);
    if (!p) {
      p = fill(profileId, md, read);
      filled.set(md, p);
    }
    return p;
  };
}

async function fill(profileId: string, md: RetsMetadata, read: ReadLookup): Promise<RetsMetadata> {
  const names = new Set(md.resources.flatMap((r) => lazyLookupNames(r)));
  const got = new Map<string, MetadataLookup>();
  // One at a time: a server's request quota is the user's, and these are a few dozen small reads.
  for (const name of names) {
    const l = await read(profileId, name).catch(() => undefined);
    if (l?.values.length) got.set(name, l);
  }
  if (!got.size) return md;
  return {
    ...md,
    resources: md.resources.map((r) => {
      const add = lazyLookupNames(r).map((n) => got.get(n)).filter((l): l is MetadataLookup => !!l);
      return add.length ? { ...r, lookups: [...r.lookups, ...add] } : r;
    }),
  };
}
