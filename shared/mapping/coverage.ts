// Coverage of a mapping: which target (Data Dictionary) fields this server has, which it lacks,
// and which of its own fields map to nothing. Rejected proposals count as no mapping.
import type { FieldMapping, MappingFile } from './types';

export interface ResourceCoverage { resource: string; present: string[]; missing: string[] }

export interface Coverage {
  resources: ResourceCoverage[];
  /** The server's fields that map to nothing (or whose proposal was rejected). */
  extra: { resource: string; field: string }[];
  counts: { targetFields: number; present: number; missing: number; extra: number; sourceFields: number; proposed: number; confirmed: number; rejected: number };
}

/** True when the entry counts as mapped: a target, not rejected. */
export function isMapped(f: FieldMapping): boolean {
  return f.target !== null && f.status !== 'rejected';
}

export function coverageOf(m: MappingFile): Coverage {
  const present = new Map<string, Set<string>>();
  const extra: Coverage['extra'] = [];
  let proposed = 0; let confirmed = 0; let rejected = 0;
  for (const f of m.fields) {
    if (f.status === 'rejected') rejected++;
    else if (f.status === 'proposed') { if (f.target !== null) proposed++; } else confirmed++;
    if (!isMapped(f)) { extra.push({ resource: f.resource, field: f.field }); continue; }
    let set = present.get(f.targetResource);
    if (!set) { set = new Set(); present.set(f.targetResource, set); }
    set.add(f.target!);
  }
  const resources: ResourceCoverage[] = [];
  let targetFields = 0; let nPresent = 0; let nMissing = 0;
  for (const [resource, names] of Object.entries(m.target.fields)) {
    const have = present.get(resource) ?? new Set<string>();
    const r: ResourceCoverage = { resource, present: [], missing: [] };
    for (const n of names) (have.has(n) ? r.present : r.missing).push(n);
    targetFields += names.length; nPresent += r.present.length; nMissing += r.missing.length;
    resources.push(r);
  }
  return {
    resources, extra,
    counts: { targetFields, present: nPresent, missing: nMissing, extra: extra.length, sourceFields: m.fields.length, proposed, confirmed, rejected },
  };
}
