// The metadata tree flattened for a virtual list: Resources → Classes → Fields, plus each
// resource's Lookups (→ values) and Object types. The filter runs over a lower-cased haystack
// built once per metadata, so a keystroke over 20,000 fields stays a few milliseconds.
import type { MetadataField, MetadataLookup, MetadataLookupValue, MetadataObjectType, RetsMetadata } from '../../../shared/rets/metadata/model';

export type TreeNode =
  | { kind: 'resource'; id: string; depth: 0; resource: string; label: string; sub: string; count: number }
  | { kind: 'group'; id: string; depth: 1; resource: string; label: string; count: number }
  | { kind: 'class'; id: string; depth: 2; resource: string; cls: string; label: string; sub: string; count: number }
  | { kind: 'field'; id: string; depth: 3; resource: string; cls: string; field: MetadataField }
  | { kind: 'lookup'; id: string; depth: 2; resource: string; lookup: MetadataLookup; count: number }
  | { kind: 'value'; id: string; depth: 3; resource: string; lookup: string; value: MetadataLookupValue }
  | { kind: 'object'; id: string; depth: 2; resource: string; object: MetadataObjectType };

interface IndexedClass { id: string; name: string; sub: string; fields: { f: MetadataField; hay: string; id: string }[] }
interface IndexedLookup { id: string; lookup: MetadataLookup; hay: string; values: { v: MetadataLookupValue; hay: string; id: string }[] }
interface IndexedResource {
  id: string; name: string; sub: string;
  classes: IndexedClass[];
  lookups: IndexedLookup[];
  objects: MetadataObjectType[];
}
export interface TreeIndex { resources: IndexedResource[]; fieldCount: number }

export function buildIndex(md: RetsMetadata): TreeIndex {
  let fieldCount = 0;
  const resources = md.resources.map((r) => ({
    id: `r:${r.id}`, name: r.id, sub: r.visibleName || r.standardName,
    classes: r.classes.map((c) => {
      fieldCount += c.fields.length;
      return {
        id: `c:${r.id}:${c.name}`, name: c.name, sub: c.visibleName || c.standardName,
        fields: c.fields.map((f) => ({ f, id: `f:${r.id}:${c.name}:${f.systemName}`, hay: `${f.systemName}\n${f.standardName}\n${f.longName}`.toLowerCase() })),
      };
    }),
    lookups: r.lookups.map((l) => ({
      id: `l:${r.id}:${l.name}`, lookup: l, hay: `${l.name}\n${l.visibleName}`.toLowerCase(),
      values: l.values.map((v, i) => ({ v, id: `v:${r.id}:${l.name}:${i}`, hay: `${v.value}\n${v.shortValue}\n${v.longValue}`.toLowerCase() })),
    })),
    objects: r.objects,
  }));
  return { resources, fieldCount };
}

/**
 * Visible rows. Without a filter, `expanded` decides; with one, every branch holding a match is
 * open and only matches (and their ancestors) show.
 */
export function flatten(index: TreeIndex, expanded: ReadonlySet<string>, filter: string): TreeNode[] {
  const q = filter.trim().toLowerCase();
  const out: TreeNode[] = [];
  for (const r of index.resources) {
    if (q) { flattenFiltered(r, q, out); continue; }
    out.push({ kind: 'resource', id: r.id, depth: 0, resource: r.name, label: r.name, sub: r.sub, count: r.classes.length });
    if (!expanded.has(r.id)) continue;
    for (const c of r.classes) {
      out.push({ kind: 'class', id: c.id, depth: 2, resource: r.name, cls: c.name, label: c.name, sub: c.sub, count: c.fields.length });
      if (expanded.has(c.id)) for (const f of c.fields) out.push({ kind: 'field', id: f.id, depth: 3, resource: r.name, cls: c.name, field: f.f });
    }
    if (r.lookups.length) {
      const gid = `g:${r.name}:lookups`;
      out.push({ kind: 'group', id: gid, depth: 1, resource: r.name, label: 'Lookups', count: r.lookups.length });
      if (expanded.has(gid)) {
        for (const l of r.lookups) {
          out.push({ kind: 'lookup', id: l.id, depth: 2, resource: r.name, lookup: l.lookup, count: l.values.length });
          if (expanded.has(l.id)) for (const v of l.values) out.push({ kind: 'value', id: v.id, depth: 3, resource: r.name, lookup: l.lookup.name, value: v.v });
        }
      }
    }
    if (r.objects.length) {
      const gid = `g:${r.name}:objects`;
      out.push({ kind: 'group', id: gid, depth: 1, resource: r.name, label: 'Object types', count: r.objects.length });
      if (expanded.has(gid)) for (const o of r.objects) out.push({ kind: 'object', id: `o:${r.name}:${o.objectType}`, depth: 2, resource: r.name, object: o });
    }
  }
  return out;
}

function flattenFiltered(r: IndexedResource, q: string, out: TreeNode[]): void {
  const start = out.length;
  out.push({ kind: 'resource', id: r.id, depth: 0, resource: r.name, label: r.name, sub: r.sub, count: r.classes.length });
  for (const c of r.classes) {
    const at = out.length;
    out.push({ kind: 'class', id: c.id, depth: 2, resource: r.name, cls: c.name, label: c.name, sub: c.sub, count: 0 });
    let n = 0;
    for (const f of c.fields) if (f.hay.includes(q)) { out.push({ kind: 'field', id: f.id, depth: 3, resource: r.name, cls: c.name, field: f.f }); n += 1; }
    if (n === 0 && !c.name.toLowerCase().includes(q)) out.length = at;
    else (out[at] as { count: number }).count = n;
  }
  const gat = out.length;
  out.push({ kind: 'group', id: `g:${r.name}:lookups`, depth: 1, resource: r.name, label: 'Lookups', count: 0 });
  let lookups = 0;
  for (const l of r.lookups) {
    const at = out.length;
    out.push({ kind: 'lookup', id: l.id, depth: 2, resource: r.name, lookup: l.lookup, count: 0 });
    let n = 0;
    for (const v of l.values) if (v.hay.includes(q)) { out.push({ kind: 'value', id: v.id, depth: 3, resource: r.name, lookup: l.lookup.name, value: v.v }); n += 1; }
    if (n === 0 && !l.hay.includes(q)) out.length = at;
    else { (out[at] as { count: number }).count = n; lookups += 1; }
  }
  if (lookups === 0) out.length = gat;
  else (out[gat] as { count: number }).count = lookups;
  if (out.length === start + 1 && !r.name.toLowerCase().includes(q)) out.length = start;
}

/** Splits text around case-insensitive matches of q, for <mark> highlighting. */
export function splitMatches(text: string, q: string): { text: string; hit: boolean }[] {
  const needle = q.trim().toLowerCase();
  if (!needle || !text) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const parts: { text: string; hit: boolean }[] = [];
  let i = 0;
  for (;;) {
    const j = lower.indexOf(needle, i);
    if (j < 0) break;
    if (j > i) parts.push({ text: text.slice(i, j), hit: false });
    parts.push({ text: text.slice(j, j + needle.length), hit: true });
    i = j + needle.length;
  }
  if (i < text.length) parts.push({ text: text.slice(i), hit: false });
  return parts;
}
