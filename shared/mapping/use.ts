// A mapping in use: column headers and grid titles "by mapping", an MLS code's standard value,
// and field pairing for the metadata diff and the query translator. An index per mapping object
// is built once (WeakMap) so each call is a map lookup.
import { isMapped } from './coverage';
import type { FieldMapping, FieldReason, MappingFile } from './types';

interface MappingIndex {
  /** "resource\0field" and "\0field" (any resource, first wins) -> entry. */
  byField: Map<string, FieldMapping>;
  /** "targetResource\0target" -> entry (the reverse direction). */
  byTarget: Map<string, FieldMapping>;
  values: Map<FieldMapping, Map<string, string>>;
}

const indexes = new WeakMap<MappingFile, MappingIndex>();

function indexOf(m: MappingFile): MappingIndex {
  let idx = indexes.get(m);
  if (idx) return idx;
  idx = { byField: new Map(), byTarget: new Map(), values: new Map() };
  for (const f of m.fields) {
    if (!isMapped(f)) continue;
    idx.byField.set(`${f.resource}\u0000${f.field}`, f);
    if (!idx.byField.has(`\u0000${f.field}`)) idx.byField.set(`\u0000${f.field}`, f);
    const t = `${f.targetResource}\u0000${f.target}`;
    if (!idx.byTarget.has(t)) idx.byTarget.set(t, f);
  }
  indexes.set(m, idx);
  return idx;
}

function find(m: MappingFile, field: string, resource?: string): FieldMapping | undefined {
  return indexOf(m).byField.get(`${resource ?? ''}\u0000${field}`);
}

export interface HeaderOptions {
  /** Only what the user confirmed or edited (default: proposals too, rejected never). */
  confirmedOnly?: boolean;
}

/** The column title for a server field by the mapping: its target name, else the field's own name. */
export function headerFor(m: MappingFile | undefined, field: string, resource?: string, opts: HeaderOptions = {}): string {
  const f = m && find(m, field, resource);
  if (!f || f.target === null) return field;
  if (opts.confirmedOnly && f.status === 'proposed') return field;
  return f.target;
}

/** The target's value for an MLS lookup code of a mapped field, or undefined when not mapped. */
export function mappedValue(m: MappingFile, field: string, code: string, resource?: string): string | undefined {
  const f = find(m, field, resource);
  if (!f?.values) return undefined;
  const idx = indexOf(m);
  let values = idx.values.get(f);
  if (!values) {
    values = new Map();
    for (const v of f.values) if (v.target !== null && v.status !== 'rejected') values.set(v.code, v.target);
    idx.values.set(f, values);
  }
  return values.get(code);
}

export interface FieldPairing { resource: string; field: string; reason: FieldReason; confidence: number; status: FieldMapping['status'] }

/**
 * Pairing through the mapping, for the metadata diff (server A's field -> the target field) and
 * the translator: `forward` from the server's side, `reverse` from the target's.
 */
export function mappingPairing(m: MappingFile): {
  forward(resource: string, field: string): FieldPairing | undefined;
  reverse(targetResource: string, target: string): FieldPairing | undefined;
} {
  const idx = indexOf(m);
  return {
    forward(resource, field) {
      const f = idx.byField.get(`${resource}\u0000${field}`);
      return f && f.target !== null ? { resource: f.targetResource, field: f.target, reason: f.reason, confidence: f.confidence, status: f.status } : undefined;
    },
    reverse(targetResource, target) {
      const f = idx.byTarget.get(`${targetResource}\u0000${target}`);
      return f ? { resource: f.resource, field: f.field, reason: f.reason, confidence: f.confidence, status: f.status } : undefined;
    },
  };
}

/**
 * The metadata diff's pairing seam (`FieldPairing` in shared/metadata/diff.ts): A's field -> the
 * name of the B field the mapping pairs it with (when B is the mapping's target).
 */
export function diffPairing(m: MappingFile): (resource: string, field: { systemName: string }) => string | undefined {
  const p = mappingPairing(m);
  return (resource, field) => p.forward(resource, field.systemName)?.field;
}
