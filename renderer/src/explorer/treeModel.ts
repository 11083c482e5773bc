// The metadata tree flattened for a virtual list: Resources → Classes → Fields, plus each
// resource's Lookups (→ values) and Object types. A Web API entity set has no classes: its fields
// hang straight under it, beside its navigation properties and lookups, some of whose values are
// read only when opened (a note row stands for them until they arrive). The index is built once per metadata: a
// lower-cased haystack per field and lookup value, and the leaf rows themselves, so that a
// flattened list (with or without a filter, see treeFilter.ts) only copies references and rows
// keep their identity across keystrokes (memoized rows do not re-render).
import type { ODataNavigationInfo } from '../../../shared/odata/csdl/model';
import type { MetadataField, MetadataLookup, MetadataLookupValue, MetadataObjectType, RetsMetadata } from '../../../shared/rets/metadata/model';
import { lookupState, type LookupState } from './lazyLookups';

/** A field: depth 3 under a RETS class, 1 straight under a Web API entity set. */
export type FieldNode = { kind: 'field'; id: string; depth: 1 | 3; resource: string; cls: string; field: MetadataField };
export type ValueNode = { kind: 'value'; id: string; depth: 3; resource: string; lookup: string; value: MetadataLookupValue };
export type GroupKind = 'lookups' | 'objects' | 'navigation';
export type TreeNode =
  | { kind: 'resource'; id: string; depth: 0; resource: string; label: string; sub: string; count: number; countOf: 'class' | 'field' }
  | { kind: 'group'; id: string; depth: 1; resource: string; label: string; count: number }
  | { kind: 'class'; id: string; depth: 2; resource: string; cls: string; label: string; sub: string; count: number }
  | FieldNode
  | { kind: 'lookup'; id: string; depth: 2; resource: string; lookup: MetadataLookup; count: number; state: LookupState }
  | ValueNode
  | { kind: 'object'; id: string; depth: 2; resource: string; object: MetadataObjectType }
  | { kind: 'nav'; id: string; depth: 2; resource: string; nav: ODataNavigationInfo }
  /** Stands for a lookup's values not read yet (loading, failed, or not in a saved file). */
  | { kind: 'note'; id: string; depth: 3; resource: string; lookup: string; text: string };

/** A leaf with the lower-cased text the filter looks at. */
export interface Searchable<N> { node: N; hay: string }
export interface IndexedClass { id: string; name: string; lower: string; sub: string; fields: Searchable<FieldNode>[] }
export interface IndexedLookup { id: string; lookup: MetadataLookup; hay: string; values: Searchable<ValueNode>[]; state: LookupState }
export interface IndexedResource {
  id: string; name: string; lower: string; sub: string;
  /** A Web API entity set: its one class is not shown, its fields hang under it. */
  flat: boolean;
  classes: IndexedClass[];
  lookups: IndexedLookup[];
  objects: TreeNode[];
  navigation: TreeNode[];
}
export interface TreeIndex { resources: IndexedResource[]; fieldCount: number }

/** What the filter looks at in a field: its names, and (Web API) every annotation's value. */
function fieldHay(f: MetadataField): string {
  let hay = `${f.systemName}\n${f.standardName}\n${f.longName}`;
  if (f.odata) for (const a of f.odata.annotations) if (a.value) hay += `\n${a.value}`;
  return hay.toLowerCase();
}

export function buildIndex(md: RetsMetadata): TreeIndex {
  let fieldCount = 0;
  const resources = md.resources.map((r): IndexedResource => ({
    id: `r:${r.id}`, name: r.id, lower: r.id.toLowerCase(),
    sub: r.odata ? (r.visibleName !== r.id ? r.visibleName : r.odata.entityType) : r.visibleName || r.standardName,
    flat: !!r.odata && r.classes.length === 1,
    classes: r.classes.map((c) => {
      fieldCount += c.fields.length;
      const depth = r.odata && r.classes.length === 1 ? 1 : 3;
      return {
        id: `c:${r.id}:${c.name}`, name: c.name, lower: c.name.toLowerCase(), sub: c.visibleName || c.standardName,
        fields: c.fields.map((f) => ({
          node: { kind: 'field', id: `f:${r.id}:${c.name}:${f.systemName}`, depth, resource: r.id, cls: c.name, field: f },
          hay: fieldHay(f),
        })),
      };
    }),
    navigation: (r.odata?.navigation ?? []).map((n) => ({ kind: 'nav', id: `n:${r.id}:${n.name}`, depth: 2, resource: r.id, nav: n })),
    lookups: r.lookups.map((l) => ({
      id: `l:${r.id}:${l.name}`, lookup: l, hay: `${l.name}\n${l.visibleName}`.toLowerCase(), state: lookupState(l),
      values: l.values.map((v, i) => ({
        node: { kind: 'value', id: `v:${r.id}:${l.name}:${i}`, depth: 3, resource: r.id, lookup: l.name, value: v },
        hay: `${v.value}\n${v.shortValue}\n${v.longValue}`.toLowerCase(),
      })),
    })),
    objects: r.objects.map((o) => ({ kind: 'object', id: `o:${r.id}:${o.objectType}`, depth: 2, resource: r.id, object: o })),
  }));
  return { resources, fieldCount };
}

export const resourceNode = (r: IndexedResource): TreeNode => (r.flat
  ? { kind: 'resource', id: r.id, depth: 0, resource: r.name, label: r.name, sub: r.sub, count: r.classes[0]!.fields.length, countOf: 'field' }
  : { kind: 'resource', id: r.id, depth: 0, resource: r.name, label: r.name, sub: r.sub, count: r.classes.length, countOf: 'class' });
export const classNode = (r: IndexedResource, c: IndexedClass, count: number): TreeNode =>
  ({ kind: 'class', id: c.id, depth: 2, resource: r.name, cls: c.name, label: c.name, sub: c.sub, count });
const GROUP_LABEL: Record<GroupKind, string> = { lookups: 'Lookups', objects: 'Object types', navigation: 'Navigation properties' };
export const groupNode = (r: IndexedResource, group: GroupKind, count: number): TreeNode =>
  ({ kind: 'group', id: `g:${r.name}:${group}`, depth: 1, resource: r.name, label: GROUP_LABEL[group], count });
export const lookupNode = (r: IndexedResource, l: IndexedLookup, count: number): TreeNode =>
  ({ kind: 'lookup', id: l.id, depth: 2, resource: r.name, lookup: l.lookup, count, state: l.state });

/** The rows under an open lookup: its values, or the note that stands for values not read yet. */
function lookupChildren(r: IndexedResource, l: IndexedLookup): TreeNode[] {
  if (l.state.kind === 'loaded') return l.values.map((v) => v.node);
  return [{ kind: 'note', id: `${l.id}:note`, depth: 3, resource: r.name, lookup: l.lookup.name, text: l.state.text }];
}

/** Visible rows without a filter: `expanded` decides which branches are open. */
export function flatten(index: TreeIndex, expanded: ReadonlySet<string>): TreeNode[] {
  const out: TreeNode[] = [];
  for (const r of index.resources) {
    out.push(resourceNode(r));
    if (!expanded.has(r.id)) continue;
    for (const c of r.classes) {
      if (r.flat) continue;
      out.push(classNode(r, c, c.fields.length));
      if (expanded.has(c.id)) for (const f of c.fields) out.push(f.node);
    }
    if (r.navigation.length) {
      const group = groupNode(r, 'navigation', r.navigation.length);
      out.push(group);
      if (expanded.has(group.id)) out.push(...r.navigation);
    }
    if (r.lookups.length) {
      const group = groupNode(r, 'lookups', r.lookups.length);
      out.push(group);
      if (expanded.has(group.id)) {
        for (const l of r.lookups) {
          out.push(lookupNode(r, l, l.values.length));
          if (expanded.has(l.id)) out.push(...lookupChildren(r, l));
        }
      }
    }
    if (r.objects.length) {
      const group = groupNode(r, 'objects', r.objects.length);
      out.push(group);
      if (expanded.has(group.id)) out.push(...r.objects);
    }
    // An entity set's fields come after its (closed) groups: hundreds of fields would bury them.
    if (r.flat) for (const f of r.classes[0]!.fields) out.push(f.node);
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
