// The Web API's entity sets, made from the same catalogue as the RETS side: every RETS field with
// a StandardName becomes a property under that Data Dictionary name, and its value is the RETS
// cell (as COMPACT-DECODED shows it) in its JSON type. Property carries the fields of every class
// (null where a listing's class lacks the field) and a Media navigation; Lookup holds the values
// of the string lookups.
import type { DemoResource } from '../catalog';
import { type Dataset, KEY_BASE, LAST_DAY, BASE_MS } from '../dataset';
import type { FieldSpec } from '../fieldSpec';
import { buildWebLookups, type WebLookup } from './lookups';

export type JsonValue = string | number | boolean | null | JsonValue[];
export type LookupStyle = 'lookup' | 'enum';

export interface WebProp {
  name: string;
  /** Edm type of the value (of each item for collections). */
  edm: string;
  collection: boolean;
  nullable: boolean;
  lookup?: WebLookup;
  maxLength?: number;
  precision?: number;
  scale?: number;
  /** The RETS LongName, published as the display name. */
  displayName: string;
  /** The value in the lookup-resource style (lookups as their LookupValue). */
  get(row: number): JsonValue;
}

export interface WebTable {
  entitySet: string;
  /** Entity type name in the org.reso.metadata namespace. */
  typeName: string;
  key: string;
  props: WebProp[];
  count: number;
  /** Property's Media: the Media rows of a listing are start(row) .. end(row)-1. */
  media?: { table: WebTable; start(row: number): number; end(row: number): number };
}

export const ENTITY_NAMESPACE = 'org.reso.metadata';
export const ENUM_NAMESPACE = 'DemoMLS.Enums';

const INT_TYPES: Record<string, string> = { Tiny: 'Edm.Int16', Small: 'Edm.Int16', Int: 'Edm.Int32', Long: 'Edm.Int64' };

function edmOf(f: FieldSpec, name: string): string {
  if (name.endsWith('Key') && f.dataType !== 'Character') return 'Edm.String';
  if (INT_TYPES[f.dataType]) return INT_TYPES[f.dataType];
  switch (f.dataType) {
    case 'Decimal': return 'Edm.Decimal';
    case 'Boolean': return 'Edm.Boolean';
    case 'Date': return 'Edm.Date';
    case 'DateTime': return 'Edm.DateTimeOffset';
    default: return 'Edm.String';
  }
}

/** RETS cell → JSON value of the given Edm type ('' is null, or [] for a collection). */
function converter(f: FieldSpec, edm: string, lookup: WebLookup | undefined): (cell: string) => JsonValue {
  if (lookup && f.interpretation === 'LookupMulti') {
    const by = lookup.byCode;
    return (c) => (c === '' ? [] : c.split(',').map((code) => by.get(code) ?? code));
  }
  if (lookup) { const by = lookup.byCode; return (c) => (c === '' ? null : by.get(c) ?? c); }
  switch (edm) {
    case 'Edm.Int16': case 'Edm.Int32': case 'Edm.Int64': case 'Edm.Decimal': return (c) => (c === '' ? null : Number(c));
    case 'Edm.Boolean': return (c) => (c === '' ? null : c === '1');
    case 'Edm.DateTimeOffset': return (c) => (c === '' ? null : `${c}Z`);
    default: return (c) => (c === '' ? null : c);
  }
}

/**
 * One property from the RETS fields carrying its StandardName, by Property class index (one entry
 * for the single-class resources); `classOf` picks the entry for a row.
 */
function prop(name: string, fields: (FieldSpec | undefined)[], classOf: (row: number) => number, lookups: Map<string, WebLookup>, resourceId: string): WebProp {
  const first = fields.find((f) => f)!;
  const lookup = first.lookupName ? lookups.get(`${resourceId}:${first.lookupName}`) : undefined;
  const edm = lookup ? 'Edm.String' : edmOf(first, name);
  const collection = !!lookup && first.interpretation === 'LookupMulti';
  const empty: JsonValue = collection ? [] : null;
  const convs = fields.map((f) => (f ? { get: f.get, conv: converter(f, edm, lookup) } : undefined));
  const p: WebProp = {
    // A class without the field leaves it null, so only a field every class requires is non-nullable.
    name, edm, collection, nullable: fields.some((f) => !f?.required), displayName: first.longName,
    get: convs.length === 1
      ? (row) => convs[0]!.conv(convs[0]!.get(row))
      : (row) => { const c = convs[classOf(row)]; return c ? c.conv(c.get(row)) : empty; },
  };
  if (lookup) p.lookup = lookup;
  if (edm === 'Edm.String' && !lookup) p.maxLength = first.maximumLength;
  if (edm === 'Edm.Decimal') { p.precision = Math.max(first.maximumLength, 12); p.scale = Number(first.precision || '2'); }
  return p;
}

function propsOf(res: DemoResource, classes: DemoResource['classes'], classOf: (row: number) => number, lookups: Map<string, WebLookup>): WebProp[] {
  const order: string[] = [];
  const byName = new Map<string, (FieldSpec | undefined)[]>();
  classes.forEach((cls, c) => {
    for (const f of cls.fields) {
      if (!f.standardName) continue;
      let list = byName.get(f.standardName);
      if (!list) { list = classes.map(() => undefined); byName.set(f.standardName, list); order.push(f.standardName); }
      list[c] ??= f;
    }
  });
  return order.map((name) => prop(name, byName.get(name)!, classOf, lookups, res.id));
}

const LOOKUP_TIMESTAMP = new Date(BASE_MS + LAST_DAY * 86400000).toISOString().replace('.000Z', 'Z');

function lookupTable(lookups: Map<string, WebLookup>): WebTable {
  const rows: { key: string; name: string; value: string; member: string }[] = [];
  for (const l of lookups.values()) for (const v of l.values) rows.push({ key: `${l.name}-${v.code}`, name: l.name, value: v.value, member: v.member });
  const str = (name: string, maxLength: number, get: (row: number) => JsonValue, nullable = true): WebProp => ({ name, edm: 'Edm.String', collection: false, nullable, maxLength, displayName: name, get });
  return {
    entitySet: 'Lookup', typeName: 'Lookup', key: 'LookupKey', count: rows.length,
    props: [
      str('LookupKey', 255, (r) => rows[r].key, false),
      str('LookupName', 255, (r) => rows[r].name, false),
      str('LookupValue', 255, (r) => rows[r].value, false),
      str('StandardLookupValue', 255, (r) => rows[r].value),
      str('LegacyODataValue', 255, (r) => rows[r].member),
      { name: 'ModificationTimestamp', edm: 'Edm.DateTimeOffset', collection: false, nullable: true, displayName: 'Modification Timestamp', get: () => LOOKUP_TIMESTAMP },
    ],
  };
}

const ENTITY_NAMES: Record<string, string> = { Property: 'Property', Agent: 'Member', Office: 'Office', OpenHouse: 'OpenHouse', Media: 'Media' };

export interface WebModel {
  tables: WebTable[];
  lookups: WebLookup[];
}

export function buildWebModel(ds: Dataset, catalog: readonly DemoResource[]): WebModel {
  const lookups = buildWebLookups(catalog);
  const tables: WebTable[] = [];
  for (const res of catalog) {
    const entity = ENTITY_NAMES[res.id];
    if (!entity) continue;
    const classes = res.id === 'Property' ? res.classes.filter((c) => c.name !== 'ALL') : res.classes;
    const classOf = res.id === 'Property' ? (row: number) => ds.cls[row] : () => 0;
    const key = classes[0].fields.find((f) => f.systemName === res.keyField)!.standardName;
    tables.push({ entitySet: entity, typeName: entity, key, props: propsOf(res, classes, classOf, lookups), count: classes.length === 1 ? classes[0].count : ds.listings });
  }
  const property = tables.find((t) => t.entitySet === 'Property')!;
  const media = tables.find((t) => t.entitySet === 'Media')!;
  property.media = { table: media, start: (row) => ds.mediaStart[row], end: (row) => ds.mediaStart[row + 1] };
  tables.push(lookupTable(lookups));
  return { tables, lookups: [...lookups.values()] };
}

/** Row index of a key value: numeric keys of the catalogue tables map straight to rows. */
export function rowOfKey(table: WebTable, key: string): number {
  const base = ({ Property: KEY_BASE.listing, Member: KEY_BASE.agent, Office: KEY_BASE.office, OpenHouse: KEY_BASE.openHouse, Media: KEY_BASE.media } as Record<string, number>)[table.entitySet];
  if (base !== undefined) {
    if (!/^\d{1,10}$/.test(key)) return -1;
    const row = Number(key) - base;
    return row >= 0 && row < table.count ? row : -1;
  }
  const keyProp = table.props.find((p) => p.name === table.key)!;
  for (let r = 0; r < table.count; r++) if (keyProp.get(r) === key) return r;
  return -1;
}
