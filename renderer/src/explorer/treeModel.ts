// The metadata tree flattened for a virtual list: Resources → Classes → Fields, plus each
// resource's Lookups (→ values) and Object types. The index is built once per metadata: a
// lower-cased haystack per field and lookup value, and the leaf rows themselves, so that a
// flattened list (with or without a filter, see treeFilter.ts) only copies references and rows
// keep their identity across keystrokes (memoized rows do not re-render).
import type { MetadataField, MetadataLookup, MetadataLookupValue, MetadataObjectType, RetsMetadata } from '../../../shared/rets/metadata/model';

export type FieldNode = { kind: 'field'; id: string; depth: 3; resource: string; cls: string; field: MetadataField };
export type ValueNode = { kind: 'value'; id: string; depth: 3; resource: string; lookup: string; value: MetadataLookupValue };
export type TreeNode =
  | { kind: 'resource'; id: string; depth: 0; resource: string; label: string; sub: string; count: number }
  | { kind: 'group'; id: string; depth: 1; resource: string; label: string; count: number }
  | { kind: 'class'; id: string; depth: 2; resource: string; cls: string; label: string; sub: string; count: number }
  | FieldNode
  | { kind: 'lookup'; id: string; depth: 2; resource: string; lookup: MetadataLookup; count: number }
  | ValueNode
  | { kind: 'object'; id: string; depth: 2; resource: string; object: MetadataObjectType };

/** A leaf with the lower-cased text the filter looks at. */
export interface Searchable<N> { node: N; hay: string }
export interface IndexedClass { id: string; name: string; lower: string; sub: string; fields: Searchable<FieldNode>[] }
export interface IndexedLookup { id: string; lookup: MetadataLookup; hay: string; values: Searchable<ValueNode>[] }
export interface IndexedResource {
  id: string; name: string; lower: string; sub: string;
  classes: IndexedClass[];
  lookups: IndexedLookup[];
  objects: TreeNode[];
}
export interface TreeIndex { resources: IndexedResource[]; fieldCount: number }

export function buildIndex(md: RetsMetadata): TreeIndex {
  let fieldCount = 0;
  const resources = md.resources.map((r): IndexedResource => ({
    id: `r:${r.id}`, name: r.id, lower: r.id.toLowerCase(), sub: r.visibleName || r.standardName,
    classes: r.classes.map((c) => {
      fieldCount += c.fields.length;
      return {
        id: `c:${r.id}:${c.name}`, name: c.name, lower: c.name.toLowerCase(), sub: c.visibleName || c.standardName,
        fields: c.fields.map((f) => ({
          node: { kind: 'field', id: `f:${r.id}:${c.name}:${f.systemName}`, depth: 3, resource: r.id, cls: c.name, field: f },
          hay: `${f.systemName}\n${f.standardName}\n${f.longName}`.toLowerCase(),
        })),
      };
    }),
    lookups: r.lookups.map((l) => ({
      id: `l:${r.id}:${l.name}`, lookup: l, hay: `${l.name}\n${l.visibleName}`.toLowerCase(),
      values: l.values.map((v, i) => ({
        node: { kind: 'value', id: `v:${r.id}:${l.name}:${i}`, depth: 3, resource: r.id, lookup: l.name, value: v },
        hay: `${v.value}\n${v.shortValue}\n${v.longValue}`.toLowerCase(),
      })),
    })),
    objects: r.objects.map((o) => ({ kind: 'object', id: `o:${r.id}:${o.objectType}`, depth: 2, resource: r.id, object: o })),
  }));
  return { resources, fieldCount };
}

export const resourceNode = (r: IndexedResource): TreeNode =>
  ({ kind: 'resource', id: r.id, depth: 0, resource: r.name, label: r.name, sub: r.sub, count: r.classes.length });
export const classNode = (r: IndexedResource, c: IndexedClass, count: number): TreeNode =>
  ({ kind: 'class', id: c.id, depth: 2, resource: r.name, cls: c.name, label: c.name, sub: c.sub, count });
export const groupNode = (r: IndexedResource, group: 'lookups' | 'objects', count: number): TreeNode =>
  ({ kind: 'group', id: `g:${r.name}:${group}`, depth: 1, resource: r.name, label: group === 'lookups' ? 'Lookups' : 'Object types', count });
export const lookupNode = (r: IndexedResource, l: IndexedLookup, count: number): TreeNode =>
  ({ kind: 'lookup', id: l.id, depth: 2, resource: r.name, lookup: l.lookup, count });

/** Visible rows without a filter: `expanded` decides which branches are open. */
export function flatten(index: TreeIndex, expanded: ReadonlySet<string>): TreeNode[] {
  const out: TreeNode[] = [];
  for (const r of index.resources) {
    out.push(resourceNode(r));
    if (!expanded.has(r.id)) continue;
    for (const c of r.classes) {
      out.push(classNode(r, c, c.fields.length));
      if (expanded.has(c.id)) for (const f of c.fields) out.push(f.node);
    }
    if (r.lookups.length) {
      const group = groupNode(r, 'lookups', r.lookups.length);
      out.push(group);
      if (expanded.has(group.id)) {
        for (const l of r.lookups) {
          out.push(lookupNode(r, l, l.values.length));
          if (expanded.has(l.id)) for (const v of l.values) out.push(v.node);
        }
      }
    }
    if (r.objects.length) {
      const group = groupNode(r, 'objects', r.objects.length);
      out.push(group);
      if (expanded.has(group.id)) out.push(...r.objects);
    }
  }
  return out;
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
