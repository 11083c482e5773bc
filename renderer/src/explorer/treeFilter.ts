// The explorer's one filter over the whole tree: SystemName, StandardName and LongName of every
// field (and a Web API field's annotation values), lookup values (value, short, long), lookup
// names and navigation properties' names. Only matches and their ancestors show.
// Typing mostly extends the filter, and whatever matches "garage" is among what matched "gara":
// each filter's matches are kept (a few, for Backspace too) and the next search runs over the
// matches of the longest kept filter the new one contains, not over the whole tree.
import {
  classNode, groupNode, lookupNode, resourceNode,
  type FieldNode, type IndexedLookup, type Searchable, type TreeIndex, type TreeNode, type ValueNode,
} from './treeModel';

/** Per resource, per class the matching fields and per lookup the matching values. */
interface Matches { q: string; resources: { fields: Searchable<FieldNode>[][]; values: Searchable<ValueNode>[][] }[] }

export const normalizeFilter = (filter: string): string => filter.trim().toLowerCase();

const KEPT = 12;

/** A filter bound to one index; call it with each new filter text. */
export function createTreeFilter(index: TreeIndex): (filter: string) => TreeNode[] {
  const kept = new Map<string, { matches: Matches; rows: TreeNode[] }>();
  return (filter) => {
    const q = normalizeFilter(filter);
    const hit = kept.get(q);
    if (hit) return hit.rows;
    const matches = match(index, q, widest(kept, q));
    const rows = flattenMatches(index, matches);
    kept.set(q, { matches, rows });
    if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
    return rows;
  };
}

/** The kept matches of the longest filter that q contains: a superset of q's matches. */
function widest(kept: Map<string, { matches: Matches }>, q: string): Matches | undefined {
  let best: Matches | undefined;
  for (const [k, v] of kept) if (k && q.includes(k) && (!best || k.length > best.q.length)) best = v.matches;
  return best;
}

function match(index: TreeIndex, q: string, from: Matches | undefined): Matches {
  return {
    q,
    resources: index.resources.map((r, ri) => ({
      fields: r.classes.map((c, ci) => keep(from ? from.resources[ri].fields[ci] : c.fields, q)),
      values: r.lookups.map((l, li) => keep(from ? from.resources[ri].values[li] : l.values, q)),
    })),
  };
}

function keep<T extends { hay: string }>(items: readonly T[], q: string): T[] {
  const out: T[] = [];
  for (const item of items) if (item.hay.includes(q)) out.push(item);
  return out;
}

function flattenMatches(index: TreeIndex, m: Matches): TreeNode[] {
  const { q } = m;
  const out: TreeNode[] = [];
  index.resources.forEach((r, ri) => {
    const { fields, values } = m.resources[ri];
    const start = out.length;
    out.push(resourceNode(r));
    r.classes.forEach((c, ci) => {
      const hits = fields[ci];
      if (r.flat) return; // after the groups, below
      if (hits.length === 0 && !c.lower.includes(q)) return;
      out.push(classNode(r, c, hits.length));
      for (const f of hits) out.push(f.node);
    });
    const navs = r.navigation.filter((n) => n.kind === 'nav' && n.nav.name.toLowerCase().includes(q));
    if (navs.length > 0) out.push(groupNode(r, 'navigation', navs.length), ...navs);
    const lookups: [IndexedLookup, Searchable<ValueNode>[]][] = [];
    r.lookups.forEach((l, li) => { if (values[li].length > 0 || l.hay.includes(q)) lookups.push([l, values[li]]); });
    if (lookups.length > 0) {
      out.push(groupNode(r, 'lookups', lookups.length));
      for (const [l, hits] of lookups) {
        out.push(lookupNode(r, l, hits.length));
        for (const v of hits) out.push(v.node);
      }
    }
    if (r.flat) for (const f of fields[0]) out.push(f.node);
    if (out.length === start + 1 && !r.lower.includes(q)) out.length = start;
  });
  return out;
}
