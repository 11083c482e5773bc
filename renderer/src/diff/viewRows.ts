// The diff as the side-by-side view shows it: one row per difference (and, when asked, per field
// pair that did not change), each side's name and value in its own column.
import type { MetadataDiff } from '../../../shared/metadata/diff';
import { diffRows } from '../../../shared/metadata/diffRender';

export interface ViewRow {
  key: string;
  kind: string;
  change: string;
  resource: string;
  group: string;
  aName: string;
  aValue: string;
  bName: string;
  bValue: string;
  reason: string;
}

function split(joined: string): [string, string] {
  const at = joined.indexOf(' → ');
  return at < 0 ? [joined, joined] : [joined.slice(0, at), joined.slice(at + 3)];
}

export function viewRows(d: MetadataDiff, differencesOnly: boolean): ViewRow[] {
  const out: ViewRow[] = diffRows(d).map((r, i) => {
    const [a, b] = split(r.name);
    const onlyB = r.change === 'added';
    const onlyA = r.change === 'removed';
    // A renamed value's sides already read "CODE = Long value".
    const named = (n: string, v: string) => (v.startsWith(`${n} = `) ? '' : n);
    return {
      key: `d${i}`, kind: r.kind, change: r.change, resource: r.resource, group: r.group,
      aName: onlyB ? '' : named(a, r.a), aValue: r.a, bName: onlyA ? '' : named(b, r.b), bValue: r.b, reason: r.reason,
    };
  });
  if (differencesOnly) return out;
  const changed = new Set(d.fields.changed.map((c) => `${c.resource}\u0000${c.a}\u0000${c.b}`));
  d.pairs.forEach((p, i) => {
    if (changed.has(`${p.resource}\u0000${p.a}\u0000${p.b}`)) return;
    out.push({ key: `p${i}`, kind: 'field', change: 'same', resource: p.resource, group: p.classA === p.classB ? p.classA : `${p.classA} → ${p.classB}`, aName: p.a, aValue: '', bName: p.b, bValue: '', reason: p.reason });
  });
  return out;
}
