// The DMQL view of one resource and class: fields indexed by the names a user may type
// (SystemName, StandardName, LongName) and the resource's lookups indexed by value, built once
// per class so that validation, completion and hover are map look-ups on 20,000 fields.
import {
  findClass, findLookup, findResource, isLookupField, isMultiLookupField,
  type MetadataField, type MetadataLookup, type MetadataLookupValue, type RetsMetadata,
} from '../rets/metadata/model';

export type FieldKind = 'number' | 'date' | 'datetime' | 'time' | 'boolean' | 'string' | 'lookup';

export interface DmqlLookup {
  name: string;
  visibleName: string;
  values: MetadataLookupValue[];
  /** Exact Value -> entry. */
  byValue: Map<string, MetadataLookupValue>;
  /** Lower-cased Value, ShortValue and LongValue -> entry (for did-you-mean and decoded rows). */
  byAnyLower: Map<string, MetadataLookupValue>;
}

export interface DmqlField {
  /** The name a query uses: SystemName, or StandardName with StandardNames=1. */
  name: string;
  systemName: string;
  standardName: string;
  longName: string;
  dataType: string;
  interpretation: string;
  kind: FieldKind;
  lookup?: DmqlLookup;
  /** LookupMulti / Bitstring / Bitmask: the field holds several codes. */
  multi: boolean;
  searchable: boolean;
  maximumLength?: number;
  precision?: number;
  units: string;
  maxSelect?: number;
  meta: MetadataField;
}

export interface DmqlSchema {
  resource: string;
  className: string;
  standardNames: boolean;
  fields: DmqlField[];
  /** Exact query name -> field. */
  byName: Map<string, DmqlField>;
  /** Lower-cased SystemName, StandardName, LongName and their alphanumeric squeezes -> fields. */
  byAnyLower: Map<string, DmqlField[]>;
  lookups: Map<string, DmqlLookup>;
  /** Lazily built indexes used by completion and did-you-mean; owned by those modules. */
  cache: Map<string, unknown>;
}

const NUMBER_TYPES = new Set(['int', 'small', 'tiny', 'long', 'decimal', 'number', 'integer', 'float', 'double']);

export function fieldKind(f: Pick<MetadataField, 'dataType' | 'interpretation' | 'lookupName'>): FieldKind {
  if (f.interpretation.startsWith('Lookup') && f.lookupName !== '') return 'lookup';
  const t = f.dataType.toLowerCase();
  if (NUMBER_TYPES.has(t)) return 'number';
  if (t === 'date') return 'date';
  if (t === 'datetime') return 'datetime';
  if (t === 'time') return 'time';
  if (t === 'boolean') return 'boolean';
  return 'string';
}

/** Lower-case with everything but letters and digits removed: "List Price" -> "listprice". */
const PLAIN = /^[a-z0-9]*$/;
const NOT_ALNUM = /[^a-z0-9\u00c0-\uffff]+/g;

export function squeeze(s: string): string {
  const l = s.toLowerCase();
  return PLAIN.test(l) ? l : l.replace(NOT_ALNUM, '');
}

function buildLookup(l: MetadataLookup): DmqlLookup {
  const byValue = new Map<string, MetadataLookupValue>();
  const byAnyLower = new Map<string, MetadataLookupValue>();
  for (const v of l.values) {
    if (!byValue.has(v.value)) byValue.set(v.value, v);
    for (const s of [v.value, v.shortValue, v.longValue]) {
      const k = s.toLowerCase();
      if (k && !byAnyLower.has(k)) byAnyLower.set(k, v);
    }
  }
  return { name: l.name, visibleName: l.visibleName, values: l.values, byValue, byAnyLower };
}

export class SchemaError extends Error {}

/** Builds the schema of one class. Throws SchemaError naming what exists when resource or class is unknown. */
export function buildSchema(metadata: RetsMetadata, resource: string, className: string, opts: { standardNames?: boolean } = {}): DmqlSchema {
  const res = findResource(metadata, resource);
  if (!res) throw new SchemaError(`resource "${resource}" is not in the metadata (resources: ${metadata.resources.map((r) => r.id).join(', ') || 'none'})`);
  const cls = findClass(res, className);
  if (!cls) throw new SchemaError(`class "${className}" is not in resource ${res.id} (classes: ${res.classes.map((c) => c.name).join(', ') || 'none'})`);
  const standardNames = opts.standardNames ?? false;
  const lookups = new Map<string, DmqlLookup>();
  const fields: DmqlField[] = [];
  const byName = new Map<string, DmqlField>();
  const byAnyLower = new Map<string, DmqlField[]>();
  const addAny = (k: string, f: DmqlField) => {
    if (!k) return;
    const list = byAnyLower.get(k);
    if (!list) byAnyLower.set(k, [f]);
    else if (!list.includes(f)) list.push(f);
  };
  for (const m of cls.fields) {
    const name = standardNames ? m.standardName : m.systemName;
    if (!name) continue;
    let lookup: DmqlLookup | undefined;
    if (isLookupField(m)) {
      lookup = lookups.get(m.lookupName);
      if (!lookup) {
        const l = findLookup(res, m.lookupName);
        if (l) { lookup = buildLookup(l); lookups.set(l.name, lookup); }
      }
    }
    const f: DmqlField = {
      name, systemName: m.systemName, standardName: m.standardName, longName: m.longName,
      dataType: m.dataType, interpretation: m.interpretation, kind: lookup ? 'lookup' : fieldKind({ ...m, lookupName: '' }),
      lookup, multi: isMultiLookupField(m), searchable: m.searchable, maximumLength: m.maximumLength, precision: m.precision,
      units: m.units, maxSelect: m.maxSelect, meta: m,
    };
    fields.push(f);
    if (!byName.has(name)) byName.set(name, f);
    for (const n of [m.systemName, m.standardName, m.longName]) {
      const l = n.toLowerCase();
      addAny(l, f);
      const q = squeeze(n);
      if (q !== l) addAny(q, f);
    }
  }
  return { resource: res.id, className: cls.name, standardNames, fields, byName, byAnyLower, lookups, cache: new Map() };
}

/** The schema's field for a name as written in a query (exact), if any. */
export function fieldOf(schema: DmqlSchema, name: string): DmqlField | undefined {
  return schema.byName.get(name);
}
