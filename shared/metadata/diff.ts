// The difference between two neutral metadata models (RETS or a Web API's $metadata mapped onto
// the same model): resources, classes, fields and lookups added, removed and changed.
//
// Two ways to align fields. One server across versions ('versions'): fields pair by SystemName
// within the same resource and class. Two servers ('servers'): classes rarely match (RETS RES vs
// the Web API's one Property entity set), so a resource's fields are compared as one set, paired
// by StandardName first, then a mapping (when the caller gives one), then the same name, then
// normalized names; each pair says why.
// Every step is a map lookup: linear in the number of fields.

import type { MetadataClass, MetadataField, MetadataLookup, MetadataResource, RetsMetadata } from '../rets/metadata/model';

export type DiffAlignment = 'versions' | 'servers';

export type PairReason = 'system-name' | 'standard-name' | 'mapping' | 'same-name' | 'normalized-name';

export type FieldProperty =
  | 'dataType' | 'maximumLength' | 'precision' | 'searchable' | 'interpretation' | 'lookupName' | 'standardName' | 'longName';

export const FIELD_PROPERTIES: readonly FieldProperty[] = [
  'dataType', 'maximumLength', 'precision', 'searchable', 'interpretation', 'lookupName', 'standardName', 'longName',
];

export interface FieldRef { resource: string; class: string; field: string }
export interface PropertyChange { property: FieldProperty; a: string; b: string }
export interface FieldPair { resource: string; classA: string; classB: string; a: string; b: string; reason: PairReason }
export interface FieldChange extends FieldPair { changes: PropertyChange[] }

export interface LookupRef { resource: string; lookup: string }
export interface ValueRef extends LookupRef { value: string; longValue: string }
export type RenameKind = 'long-value' | 'code';
export interface ValueRename extends LookupRef {
  kind: RenameKind;
  /** 'long-value': same code, new long value; 'code': same long value, new code. */
  a: { value: string; longValue: string };
  b: { value: string; longValue: string };
}

export interface MetadataDiff {
  alignment: DiffAlignment;
  resources: { added: string[]; removed: string[] };
  classes: { added: { resource: string; class: string }[]; removed: { resource: string; class: string }[] };
  fields: { added: FieldRef[]; removed: FieldRef[]; changed: FieldChange[] };
  /** Every field pairing with its reason (also the unchanged ones). */
  pairs: FieldPair[];
  lookups: { added: LookupRef[]; removed: LookupRef[] };
  values: { added: ValueRef[]; removed: ValueRef[]; renamed: ValueRename[] };
  /** What the diff could not compare, in plain words (not differences). */
  notes: string[];
  same: boolean;
}

/**
 * A mapping's say on a field of A across servers: the name (SystemName or StandardName) of the B
 * field it pairs with, or undefined. Asked after StandardName, before names are compared.
 */
export type FieldPairing = (resource: string, field: MetadataField) => string | undefined;

export interface DiffOptions { alignment?: DiffAlignment; pairing?: FieldPairing }

/** Lower case, letters and digits only: "List Price" = "LIST_PRICE" = "listprice". */
export function normalizeName(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
  return out;
}

/** 'servers' when either side is a Web API or the two name different systems; else 'versions'. */
export function guessAlignment(a: RetsMetadata, b: RetsMetadata): DiffAlignment {
  if (Boolean(a.odata) !== Boolean(b.odata)) return 'servers';
  const sa = a.system?.systemId ?? '';
  const sb = b.system?.systemId ?? '';
  return sa && sb && sa !== sb ? 'servers' : 'versions';
}

/** Pairs two lists by keys tried in order (exact, then lower-case, then normalized): map lookups only. */
function pairBy<T>(a: readonly T[], b: readonly T[], key: (t: T) => string): { pairs: [T, T][]; onlyA: T[]; onlyB: T[] } {
  const pairs: [T, T][] = [];
  let restA = [...a];
  let restB = [...b];
  for (const norm of [(s: string) => s, (s: string) => s.toLowerCase(), normalizeName]) {
    const index = new Map<string, T>();
    for (const t of restB) { const k = norm(key(t)); if (k && !index.has(k)) index.set(k, t); }
    const taken = new Set<T>();
    const left: T[] = [];
    for (const t of restA) {
      const hit = index.get(norm(key(t)));
      if (hit !== undefined && !taken.has(hit)) { taken.add(hit); pairs.push([t, hit]); } else left.push(t);
    }
    restA = left;
    restB = restB.filter((t) => !taken.has(t));
  }
  return { pairs, onlyA: restA, onlyB: restB };
}

function text(v: string | number | boolean | undefined): string {
  return v === undefined ? '' : String(v);
}

function fieldChanges(a: MetadataField, b: MetadataField): PropertyChange[] {
  const out: PropertyChange[] = [];
  for (const p of FIELD_PROPERTIES) {
    const va = text(a[p]);
    const vb = text(b[p]);
    if (va !== vb) out.push({ property: p, a: va, b: vb });
  }
  return out;
}

interface Placed { field: MetadataField; class: string }

/** Pairs one resource's fields across servers: StandardName, then the mapping, then the same name, then normalized names. */
function pairAcrossServers(resource: string, a: readonly Placed[], b: readonly Placed[], pairing?: FieldPairing): { pairs: [Placed, Placed, PairReason][]; onlyA: Placed[]; onlyB: Placed[] } {
  const pairs: [Placed, Placed, PairReason][] = [];
  const usedB = new Set<Placed>();
  let rest = [...a];
  type Step = [PairReason, (p: Placed) => string[], (p: Placed) => string[]];
  const steps: Step[] = [
    // A StandardName meets the other side's StandardName, or its SystemName (a Web API names its fields by the standard).
    ['standard-name', (p) => [p.field.standardName], (p) => [p.field.standardName, p.field.systemName]],
    ...(pairing ? [['mapping', (p: Placed) => [pairing(resource, p.field) ?? ''], (p: Placed) => [p.field.systemName, p.field.standardName]] satisfies Step] : []),
    ['same-name', (p) => [p.field.systemName], (p) => [p.field.systemName]],
    ['normalized-name', (p) => [p.field.systemName, p.field.longName].map(normalizeName), (p) => [p.field.systemName, p.field.standardName, p.field.longName].map(normalizeName)],
  ];
  for (const [reason, keysA, keysB] of steps) {
    const index = new Map<string, Placed>();
    for (const p of b) {
      if (usedB.has(p)) continue;
      for (const k of keysB(p)) if (k && !index.has(k)) index.set(k, p);
    }
    const left: Placed[] = [];
    for (const p of rest) {
      let hit: Placed | undefined;
      for (const k of keysA(p)) {
        const h = k ? index.get(k) : undefined;
        if (h && !usedB.has(h)) { hit = h; break; }
      }
      if (hit) { usedB.add(hit); pairs.push([p, hit, reason]); } else left.push(p);
    }
    rest = left;
  }
  return { pairs, onlyA: rest, onlyB: b.filter((p) => !usedB.has(p)) };
}

/** A resource's fields as one list, each name once (the first class that has it). */
function resourceFields(r: MetadataResource): Placed[] {
  const seen = new Set<string>();
  const out: Placed[] = [];
  for (const c of r.classes) for (const f of c.fields) {
    if (seen.has(f.systemName)) continue;
    seen.add(f.systemName);
    out.push({ field: f, class: c.name });
  }
  return out;
}

function diffValues(resource: string, la: MetadataLookup, lb: MetadataLookup, d: MetadataDiff): void {
  const name = la.name === lb.name ? la.name : `${la.name} → ${lb.name}`;
  const byCodeB = new Map(lb.values.map((v) => [v.value, v]));
  const byCodeA = new Map(la.values.map((v) => [v.value, v]));
  const removed = la.values.filter((v) => !byCodeB.has(v.value));
  const added = lb.values.filter((v) => !byCodeA.has(v.value));
  for (const va of la.values) {
    const vb = byCodeB.get(va.value);
    if (vb && vb.longValue !== va.longValue) {
      d.values.renamed.push({ resource, lookup: name, kind: 'long-value', a: { value: va.value, longValue: va.longValue }, b: { value: vb.value, longValue: vb.longValue } });
    }
  }
  const addedByLong = new Map<string, (typeof added)[number]>();
  for (const v of added) if (v.longValue && !addedByLong.has(v.longValue)) addedByLong.set(v.longValue, v);
  const renamedTo = new Set<unknown>();
  for (const va of removed) {
    const vb = va.longValue ? addedByLong.get(va.longValue) : undefined;
    if (vb && !renamedTo.has(vb)) {
      renamedTo.add(vb);
      d.values.renamed.push({ resource, lookup: name, kind: 'code', a: { value: va.value, longValue: va.longValue }, b: { value: vb.value, longValue: vb.longValue } });
    } else d.values.removed.push({ resource, lookup: name, value: va.value, longValue: va.longValue });
  }
  for (const vb of added) if (!renamedTo.has(vb)) d.values.added.push({ resource, lookup: name, value: vb.value, longValue: vb.longValue });
}

function diffLookups(ra: MetadataResource, rb: MetadataResource, fieldPairs: readonly [MetadataField, MetadataField][], alignment: DiffAlignment, d: MetadataDiff): void {
  const resource = ra.id;
  const { pairs, onlyA, onlyB } = pairBy(ra.lookups, rb.lookups, (l) => l.name);
  let restA = onlyA;
  let restB = onlyB;
  if (alignment === 'servers' && restA.length && restB.length) {
    // Across servers lookup names differ (L_Status's "Status" vs "StandardStatus"): pair them through their fields.
    const byNameA = new Map(restA.map((l) => [l.name, l]));
    const byNameB = new Map(restB.map((l) => [l.name, l]));
    for (const [fa, fb] of fieldPairs) {
      const la = byNameA.get(fa.lookupName);
      const lb = byNameB.get(fb.lookupName);
      if (!la || !lb) continue;
      pairs.push([la, lb]);
      byNameA.delete(la.name);
      byNameB.delete(lb.name);
    }
    restA = [...byNameA.values()];
    restB = [...byNameB.values()];
  }
  for (const l of restA) d.lookups.removed.push({ resource, lookup: l.name });
  for (const l of restB) d.lookups.added.push({ resource, lookup: l.name });
  for (const [la, lb] of pairs) diffValues(resource, la, lb, d);
}

function diffClassFields(resource: string, ca: MetadataClass, cb: MetadataClass, d: MetadataDiff, fieldPairs: [MetadataField, MetadataField][]): void {
  const byName = new Map(cb.fields.map((f) => [f.systemName, f]));
  const inA = new Set<string>();
  for (const fa of ca.fields) {
    inA.add(fa.systemName);
    const fb = byName.get(fa.systemName);
    if (!fb) { d.fields.removed.push({ resource, class: ca.name, field: fa.systemName }); continue; }
    record(d, { resource, classA: ca.name, classB: cb.name, a: fa.systemName, b: fb.systemName, reason: 'system-name' }, fa, fb, fieldPairs);
  }
  for (const fb of cb.fields) if (!inA.has(fb.systemName)) d.fields.added.push({ resource, class: cb.name, field: fb.systemName });
}

function record(d: MetadataDiff, pair: FieldPair, fa: MetadataField, fb: MetadataField, fieldPairs: [MetadataField, MetadataField][]): void {
  d.pairs.push(pair);
  fieldPairs.push([fa, fb]);
  const changes = fieldChanges(fa, fb);
  if (changes.length) d.fields.changed.push({ ...pair, changes });
}

function diffResource(ra: MetadataResource, rb: MetadataResource, alignment: DiffAlignment, d: MetadataDiff, pairing?: FieldPairing): void {
  const resource = ra.id;
  const fieldPairs: [MetadataField, MetadataField][] = [];
  const classes = pairBy(ra.classes, rb.classes, (c) => c.name);
  for (const c of classes.onlyA) d.classes.removed.push({ resource, class: c.name });
  for (const c of classes.onlyB) d.classes.added.push({ resource, class: c.name });
  if (alignment === 'versions') {
    for (const [ca, cb] of classes.pairs) diffClassFields(resource, ca, cb, d, fieldPairs);
  } else {
    const { pairs, onlyA, onlyB } = pairAcrossServers(resource, resourceFields(ra), resourceFields(rb), pairing);
    for (const [pa, pb, reason] of pairs) {
      record(d, { resource, classA: pa.class, classB: pb.class, a: pa.field.systemName, b: pb.field.systemName, reason }, pa.field, pb.field, fieldPairs);
    }
    for (const p of onlyA) d.fields.removed.push({ resource, class: p.class, field: p.field.systemName });
    for (const p of onlyB) d.fields.added.push({ resource, class: p.class, field: p.field.systemName });
  }
  diffLookups(ra, rb, fieldPairs, alignment, d);
}

/** The difference from `a` to `b` ("added" = only in b, "removed" = only in a). */
export function diffMetadata(a: RetsMetadata, b: RetsMetadata, options: DiffOptions = {}): MetadataDiff {
  const alignment = options.alignment ?? guessAlignment(a, b);
  const d: MetadataDiff = {
    alignment,
    resources: { added: [], removed: [] },
    classes: { added: [], removed: [] },
    fields: { added: [], removed: [], changed: [] },
    pairs: [],
    lookups: { added: [], removed: [] },
    values: { added: [], removed: [], renamed: [] },
    notes: [],
    same: false,
  };
  for (const [label, md] of [['A', a], ['B', b]] as const) {
    const missing = md.odata?.unresolvedLookups.length ?? 0;
    if (missing) d.notes.push(`${label} is a Web API $metadata naming ${missing} lookups whose values are rows of its Lookup entity set, not in $metadata: their values are not compared, and lookups only ${label === 'A' ? 'B' : 'A'} has show as ${label === 'A' ? 'added' : 'removed'}.`);
  }
  const resources = alignment === 'versions'
    ? pairBy(a.resources, b.resources, (r) => r.id)
    : pairByEither(a.resources, b.resources);
  d.resources.removed = resources.onlyA.map((r) => r.id);
  d.resources.added = resources.onlyB.map((r) => r.id);
  for (const [ra, rb] of resources.pairs) diffResource(ra, rb, alignment, d, options.pairing);
  d.same = countDifferences(d) === 0;
  return d;
}

/** Across servers a resource pairs by its id, else by StandardName (RETS "Agent" is the standard "Member"). */
function pairByEither(a: readonly MetadataResource[], b: readonly MetadataResource[]) {
  const first = pairBy(a, b, (r) => r.id);
  const second = pairBy(first.onlyA, first.onlyB, (r) => r.standardName || r.id);
  return { pairs: [...first.pairs, ...second.pairs], onlyA: second.onlyA, onlyB: second.onlyB };
}

export function countDifferences(d: MetadataDiff): number {
  return d.resources.added.length + d.resources.removed.length + d.classes.added.length + d.classes.removed.length
    + d.fields.added.length + d.fields.removed.length + d.fields.changed.length
    + d.lookups.added.length + d.lookups.removed.length
    + d.values.added.length + d.values.removed.length + d.values.renamed.length;
}
