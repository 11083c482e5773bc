// A metadata diff narrowed to some fields (those a user's snippets use): their field rows, their
// pairs, and the lookups (and values) those fields use on either side. Resources and classes added
// or removed say nothing about single fields and are left out. Renderings work on the result as on
// any diff.
import { countDifferences, type MetadataDiff } from './diff';

export interface FieldFilter {
  /** True for a field (by SystemName, on either side) to keep. */
  field(resource: string, name: string): boolean;
  /** True for a lookup to keep (a lookup a kept field uses). */
  lookup(resource: string, name: string): boolean;
}

/** "L_Status → StandardStatus" names both sides; each side's name alone also matches. */
function names(joined: string): string[] {
  const at = joined.indexOf(' → ');
  return at < 0 ? [joined] : [joined.slice(0, at), joined.slice(at + 3)];
}

export function filterDiff(d: MetadataDiff, keep: FieldFilter): MetadataDiff {
  const field = (resource: string, ...n: string[]) => n.some((x) => keep.field(resource, x));
  const lookup = (resource: string, l: string) => names(l).some((x) => keep.lookup(resource, x));
  const out: MetadataDiff = {
    ...d,
    resources: { added: [], removed: [] },
    classes: { added: [], removed: [] },
    fields: {
      added: d.fields.added.filter((f) => field(f.resource, f.field)),
      removed: d.fields.removed.filter((f) => field(f.resource, f.field)),
      changed: d.fields.changed.filter((f) => field(f.resource, f.a, f.b)),
    },
    pairs: d.pairs.filter((p) => field(p.resource, p.a, p.b)),
    lookups: { added: d.lookups.added.filter((l) => lookup(l.resource, l.lookup)), removed: d.lookups.removed.filter((l) => lookup(l.resource, l.lookup)) },
    values: {
      added: d.values.added.filter((v) => lookup(v.resource, v.lookup)),
      removed: d.values.removed.filter((v) => lookup(v.resource, v.lookup)),
      renamed: d.values.renamed.filter((v) => lookup(v.resource, v.lookup)),
    },
  };
  out.same = countDifferences(out) === 0;
  return out;
}
