// Keyboard navigation of the explorer's flattened tree, after the WAI-ARIA tree pattern: Up/Down
// move, Right opens a closed branch or enters an open one, Left closes an open branch or goes to
// the parent, Home/End, PageUp/PageDown, Enter acts as a click, `*` opens the active row's sibling
// branches, and typed letters jump to the next row whose name starts with them. Pure: the explorer
// applies the returned action (so these rules are unit-tested without a DOM).
import type { TreeNode } from './treeModel';

/** The tree's own levels for aria-level (node depth is indentation: a class is indented as a
 *  lookup is, but hangs straight under its resource). */
const LEVEL: Record<TreeNode['kind'], number> = { resource: 1, group: 2, class: 2, field: 3, lookup: 3, object: 3, nav: 3, value: 4, note: 4 };
/** A Web API entity set's field hangs straight under it (depth 1): level 2. */
export const ariaLevel = (n: TreeNode): number => (n.kind === 'field' && n.depth === 1 ? 2 : LEVEL[n.kind]);

/** Rows that can hold others (they have a twisty and aria-expanded). */
export const isBranch = (n: TreeNode): boolean => n.kind === 'resource' || n.kind === 'group' || n.kind === 'class' || n.kind === 'lookup';

export type TreeAction =
  | { type: 'move'; to: number }
  | { type: 'expand' | 'collapse' | 'activate'; at: number }
  /** `*`: open every closed branch among the active row's siblings. */
  | { type: 'expandMany'; at: number[] }
  /** Up from the first row: back to the filter box. */
  | { type: 'leave' };

export interface NavState {
  rows: readonly TreeNode[];
  /** The active row, -1 if none is (the next key starts at the first row). */
  at: number;
  /** Whether a branch shows its children. */
  isOpen(n: TreeNode): boolean;
  /** A filter is on: every branch shows its matches, none opens or closes. */
  filtering: boolean;
  /** Rows a page holds, for PageUp/PageDown. */
  page: number;
}

/** Index of the row's parent (the nearest row above it of a lower level), or -1 for a top row. */
export function parentIndex(rows: readonly TreeNode[], i: number): number {
  const level = ariaLevel(rows[i]);
  for (let j = i - 1; j >= 0; j -= 1) if (ariaLevel(rows[j]) < level) return j;
  return -1;
}

/** Indexes of row i and its siblings (the rows of its level under the same parent). */
export function siblingIndexes(rows: readonly TreeNode[], i: number): number[] {
  const level = ariaLevel(rows[i]);
  const out: number[] = [];
  for (let j = parentIndex(rows, i) + 1; j < rows.length; j += 1) {
    const l = ariaLevel(rows[j]);
    if (l < level) break;
    if (l === level) out.push(j);
  }
  return out;
}

/** The name a row starts with on screen: what type-ahead matches. */
export function rowName(n: TreeNode): string {
  switch (n.kind) {
    case 'field': return n.field.systemName;
    case 'lookup': return n.lookup.name;
    case 'value': return n.value.value;
    case 'object': return n.object.objectType;
    case 'nav': return n.nav.name;
    case 'note': return '';
    default: return n.label;
  }
}

/**
 * Type-ahead: the row whose name starts with what was typed, searching down from the active row
 * and wrapping; -1 when none does. Typing on (`lis`) may keep the active row; one letter pressed
 * again (`ll`) goes on to the next row starting with it.
 */
export function typeAhead(rows: readonly TreeNode[], at: number, typed: string): number {
  const repeated = [...typed].every((c) => c === typed[0]);
  const prefix = (repeated ? typed[0] : typed).toLowerCase();
  const start = repeated ? at + 1 : Math.max(at, 0);
  for (let k = 0; k < rows.length; k += 1) {
    const i = (start + k) % rows.length;
    if (rowName(rows[i]).toLowerCase().startsWith(prefix)) return i;
  }
  return -1;
}

/** What a key does on the tree; undefined for keys the tree leaves alone. */
export function treeKeyAction(key: string, s: NavState): TreeAction | undefined {
  const last = s.rows.length - 1;
  if (last < 0) return key === 'ArrowUp' ? { type: 'leave' } : undefined;
  const move = (to: number): TreeAction => ({ type: 'move', to: Math.max(0, Math.min(last, to)) });
  if (s.at < 0 || s.at > last) {
    // Nothing active yet: any movement key lands on the first row (End on the last).
    if (key === 'End') return move(last);
    return ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'Home', 'PageDown', 'PageUp'].includes(key) ? move(0) : undefined;
  }
  const n = s.rows[s.at];
  switch (key) {
    case 'ArrowDown': return move(s.at + 1);
    case 'ArrowUp': return s.at === 0 ? { type: 'leave' } : move(s.at - 1);
    case 'Home': return move(0);
    case 'End': return move(last);
    case 'PageDown': return move(s.at + s.page);
    case 'PageUp': return move(s.at - s.page);
    case 'Enter': return { type: 'activate', at: s.at };
    case '*': {
      const closed = s.filtering ? [] : siblingIndexes(s.rows, s.at).filter((i) => isBranch(s.rows[i]) && !s.isOpen(s.rows[i]));
      return closed.length ? { type: 'expandMany', at: closed } : undefined;
    }
    case 'ArrowRight': {
      if (!isBranch(n)) return undefined;
      if (!s.isOpen(n)) return s.filtering ? undefined : { type: 'expand', at: s.at };
      const next = s.rows[s.at + 1];
      return next && ariaLevel(next) > ariaLevel(n) ? move(s.at + 1) : undefined;
    }
    case 'ArrowLeft': {
      if (isBranch(n) && s.isOpen(n) && !s.filtering) return { type: 'collapse', at: s.at };
      const p = parentIndex(s.rows, s.at);
      return p >= 0 ? move(p) : undefined;
    }
    default: return undefined;
  }
}

/** Each row's place among its siblings, 1-based, and their number (aria-posinset, aria-setsize):
 *  the list is virtual, so assistive technology cannot count the rows itself. One pass over the
 *  rows: ~1 ms for 15,000 (a walk per row in view took up to ~6 ms with thousands of siblings). */
export interface SiblingPlaces { pos: Int32Array; group: Int32Array; sizes: Int32Array }

export function siblingPlaces(rows: readonly TreeNode[]): SiblingPlaces {
  const n = rows.length;
  const pos = new Int32Array(n);
  const group = new Int32Array(n);
  const sizes = new Int32Array(n); // per sibling group, at most one a row
  const open = [0, 0, 0, 0, 0]; // per level, the group that rows of that level join
  let groups = 0;
  // Levels deepen one at a time: a row deeper than the row before starts a group; a row at
  // the same level or shallower joins the group open at its level.
  let prev = 0;
  for (let i = 0; i < n; i += 1) {
    const level = ariaLevel(rows[i]);
    if (level > prev) { open[level] = groups; groups += 1; }
    const g = open[level];
    sizes[g] += 1;
    pos[i] = sizes[g];
    group[i] = g;
    prev = level;
  }
  return { pos, group, sizes };
}

/** Row i's place: { pos, size } for aria-posinset and aria-setsize. */
export const siblingPosition = (p: SiblingPlaces, i: number): { pos: number; size: number } => ({ pos: p.pos[i], size: p.sizes[p.group[i]] });
