// What the $filter validator, completion, hover and evaluator need to know about a service: a
// small, plain input that an adapter fills from a CSDL $metadata model (one entry per CSDL
// element, names as the CSDL spells them), and the indexed schema built from it once per service
// and entity set, so that checking a filter is map look-ups even on thousands of properties.
//
//   const model = buildFilterModel(input);            // once per $metadata
//   const schema = filterSchema(model, 'Property');   // once per entity set (cheap)

export type ODataVersion = '4.0' | '4.01';

export interface FilterPropertyInput {
  name: string;
  /**
   * The CSDL Type, namespace-qualified (aliases resolved): `Edm.String`, `Edm.Decimal`,
   * `Collection(Edm.String)`, `org.reso.metadata.enums.StandardStatus`, `Collection(NS.Enum)`,
   * or a complex type name.
   */
  type: string;
  nullable?: boolean;
  maxLength?: number;
  precision?: number;
  scale?: number;
  /** RESO.OData.Metadata.LookupName: a string lookup whose values come from the Lookup resource. */
  lookupName?: string;
  /** RESO.OData.Metadata.StandardName / DisplayName, for hover and completion. */
  displayName?: string;
  /** Core.Description. */
  description?: string;
  /** Other annotations (term -> value as text), shown on hover. */
  annotations?: Record<string, string>;
}

export interface FilterNavigationInput {
  name: string;
  /** Qualified entity type, or `Collection(<qualified entity type>)`. */
  type: string;
  nullable?: boolean;
}

/** An EntityType or ComplexType. */
export interface FilterStructuredTypeInput {
  /** Namespace-qualified name, e.g. org.reso.metadata.Property. */
  name: string;
  properties: FilterPropertyInput[];
  navigationProperties?: FilterNavigationInput[];
}

export interface FilterEnumMemberInput { name: string; value: number; displayName?: string; description?: string }

export interface FilterEnumTypeInput {
  /** Namespace-qualified name, e.g. org.reso.metadata.enums.StandardStatus. */
  name: string;
  /** Other spellings a filter may use for the same type: the alias-qualified name (`RESO.StandardStatus`). */
  aliases?: string[];
  isFlags?: boolean;
  members: FilterEnumMemberInput[];
}

/** One row of the RESO Lookup resource. */
export interface FilterLookupValueInput {
  /** LookupValue: what payloads and filters use, e.g. 'Active Under Contract'. */
  value: string;
  /** StandardLookupValue: the Data Dictionary value it maps to. */
  standardValue?: string;
  /** LegacyODataValue: the enum member name this value had in the EnumType style. */
  legacyODataValue?: string;
  description?: string;
}

export interface FilterModelInput {
  version: ODataVersion;
  entitySets: { name: string; entityType: string }[];
  entityTypes: FilterStructuredTypeInput[];
  complexTypes?: FilterStructuredTypeInput[];
  enumTypes?: FilterEnumTypeInput[];
  /** LookupName -> its values (from the Lookup resource). */
  lookups?: Record<string, FilterLookupValueInput[]>;
}

export type EdmKind =
  | 'string' | 'int' | 'decimal' | 'double' | 'boolean' | 'date' | 'datetimeoffset' | 'timeofday' | 'duration' | 'guid'
  | 'binary' | 'geo' | 'enum' | 'entity' | 'complex' | 'stream' | 'unknown';

export interface FilterLookup {
  name: string;
  values: FilterLookupValueInput[];
  /** Exact LookupValue -> entry. */
  byValue: Map<string, FilterLookupValueInput>;
  /** Lower-cased LookupValue, StandardLookupValue and LegacyODataValue -> entry. */
  byAnyLower: Map<string, FilterLookupValueInput>;
}

export interface FilterEnum {
  name: string;
  aliases: string[];
  isFlags: boolean;
  members: FilterEnumMemberInput[];
  byName: Map<string, FilterEnumMemberInput>;
  byLower: Map<string, FilterEnumMemberInput>;
}

export interface FilterField {
  name: string;
  /** The CSDL type as given. */
  type: string;
  /** The type without Collection(…). */
  elementType: string;
  collection: boolean;
  kind: EdmKind;
  navigation: boolean;
  nullable: boolean;
  maxLength?: number;
  precision?: number;
  scale?: number;
  lookup?: FilterLookup;
  enumType?: FilterEnum;
  displayName?: string;
  description?: string;
  annotations?: Record<string, string>;
  /** Set when a lookupName names a lookup absent from the input. */
  missingLookup?: string;
}

export interface FilterType {
  name: string;
  fields: FilterField[];
  /** Exact name -> field. */
  byName: Map<string, FilterField>;
  /** Lower-cased name -> fields (for case mistakes). */
  byLower: Map<string, FilterField[]>;
  /** Lazily built indexes owned by completion and did-you-mean. */
  cache: Map<string, unknown>;
}

export interface FilterModel {
  version: ODataVersion;
  types: Map<string, FilterType>;
  /** By qualified name and by each alias. */
  enums: Map<string, FilterEnum>;
  lookups: Map<string, FilterLookup>;
  /** Entity set -> qualified entity type. */
  entitySets: Map<string, string>;
}

export interface FilterSchema {
  version: ODataVersion;
  entitySet: string;
  /** The entity type filters on this set are evaluated against. */
  root: FilterType;
  model: FilterModel;
}

export class FilterSchemaError extends Error {}

const EDM: Record<string, EdmKind> = {
  'Edm.String': 'string', 'Edm.Int16': 'int', 'Edm.Int32': 'int', 'Edm.Int64': 'int', 'Edm.Byte': 'int', 'Edm.SByte': 'int',
  'Edm.Decimal': 'decimal', 'Edm.Double': 'double', 'Edm.Single': 'double', 'Edm.Boolean': 'boolean', 'Edm.Date': 'date',
  'Edm.DateTimeOffset': 'datetimeoffset', 'Edm.TimeOfDay': 'timeofday', 'Edm.Duration': 'duration', 'Edm.Guid': 'guid',
  'Edm.Binary': 'binary', 'Edm.Stream': 'stream',
};

/** The kind of a primitive Edm type name (`unknown` for anything else). */
export function edmKind(type: string): EdmKind {
  const k = EDM[type];
  if (k) return k;
  return type.startsWith('Edm.Geography') || type.startsWith('Edm.Geometry') ? 'geo' : 'unknown';
}

/** `Collection(X)` -> [X, true]; `X` -> [X, false]. */
export function elementOf(type: string): [string, boolean] {
  return type.startsWith('Collection(') && type.endsWith(')') ? [type.slice(11, -1), true] : [type, false];
}

function buildLookup(name: string, values: FilterLookupValueInput[]): FilterLookup {
  const byValue = new Map<string, FilterLookupValueInput>();
  const byAnyLower = new Map<string, FilterLookupValueInput>();
  for (const v of values) {
    if (!byValue.has(v.value)) byValue.set(v.value, v);
    for (const s of [v.value, v.standardValue, v.legacyODataValue]) {
      const k = s?.toLowerCase();
      if (k && !byAnyLower.has(k)) byAnyLower.set(k, v);
    }
  }
  return { name, values, byValue, byAnyLower };
}

function buildEnum(e: FilterEnumTypeInput): FilterEnum {
  const byName = new Map<string, FilterEnumMemberInput>();
  const byLower = new Map<string, FilterEnumMemberInput>();
  for (const m of e.members) {
    if (!byName.has(m.name)) byName.set(m.name, m);
    if (!byLower.has(m.name.toLowerCase())) byLower.set(m.name.toLowerCase(), m);
  }
  return { name: e.name, aliases: e.aliases ?? [], isFlags: e.isFlags ?? false, members: e.members, byName, byLower };
}

/** Indexes a service's model: types, enums and lookups by name. Never throws on dangling references (they show as diagnostics). */
export function buildFilterModel(input: FilterModelInput): FilterModel {
  const enums = new Map<string, FilterEnum>();
  for (const e of input.enumTypes ?? []) {
    const built = buildEnum(e);
    for (const n of [e.name, ...(e.aliases ?? [])]) if (!enums.has(n)) enums.set(n, built);
  }
  const lookups = new Map<string, FilterLookup>();
  for (const [name, values] of Object.entries(input.lookups ?? {})) lookups.set(name, buildLookup(name, values));
  const structured = new Map<string, EdmKind>();
  for (const t of input.entityTypes) structured.set(t.name, 'entity');
  for (const t of input.complexTypes ?? []) structured.set(t.name, 'complex');
  const types = new Map<string, FilterType>();
  for (const t of [...input.entityTypes, ...(input.complexTypes ?? [])]) {
    const fields: FilterField[] = [];
    for (const p of t.properties) {
      const [elementType, collection] = elementOf(p.type);
      const enumType = enums.get(elementType);
      let kind = edmKind(elementType);
      if (kind === 'unknown') kind = enumType ? 'enum' : structured.get(elementType) ?? 'unknown';
      const lookup = p.lookupName ? lookups.get(p.lookupName) : undefined;
      const f: FilterField = { name: p.name, type: p.type, elementType, collection, kind, navigation: false, nullable: p.nullable ?? true };
      if (p.maxLength !== undefined) f.maxLength = p.maxLength;
      if (p.precision !== undefined) f.precision = p.precision;
      if (p.scale !== undefined) f.scale = p.scale;
      if (lookup) f.lookup = lookup;
      else if (p.lookupName) f.missingLookup = p.lookupName;
      if (enumType) f.enumType = enumType;
      if (p.displayName) f.displayName = p.displayName;
      if (p.description) f.description = p.description;
      if (p.annotations) f.annotations = p.annotations;
      fields.push(f);
    }
    for (const n of t.navigationProperties ?? []) {
      const [elementType, collection] = elementOf(n.type);
      fields.push({ name: n.name, type: n.type, elementType, collection, kind: 'entity', navigation: true, nullable: n.nullable ?? true });
    }
    const byName = new Map<string, FilterField>();
    const byLower = new Map<string, FilterField[]>();
    for (const f of fields) {
      if (!byName.has(f.name)) byName.set(f.name, f);
      const l = f.name.toLowerCase();
      const list = byLower.get(l);
      if (list) list.push(f); else byLower.set(l, [f]);
    }
    types.set(t.name, { name: t.name, fields, byName, byLower, cache: new Map() });
  }
  const entitySets = new Map<string, string>();
  for (const s of input.entitySets) entitySets.set(s.name, s.entityType);
  return { version: input.version, types, enums, lookups, entitySets };
}

/** The schema for filters on one entity set. Throws FilterSchemaError naming the sets that exist. */
export function filterSchema(model: FilterModel, entitySet: string): FilterSchema {
  const typeName = model.entitySets.get(entitySet);
  const root = typeName ? model.types.get(typeName) : undefined;
  if (!typeName) throw new FilterSchemaError(`entity set "${entitySet}" is not in the metadata (entity sets: ${[...model.entitySets.keys()].join(', ') || 'none'})`);
  if (!root) throw new FilterSchemaError(`entity set "${entitySet}" has type ${typeName}, which the metadata does not define`);
  return { version: model.version, entitySet, root, model };
}

/** buildFilterModel + filterSchema in one call. */
export function buildFilterSchema(input: FilterModelInput, entitySet: string): FilterSchema {
  return filterSchema(buildFilterModel(input), entitySet);
}

/** The structured type a field leads to (navigation or complex), if the model defines it. */
export function structuredTypeOf(schema: FilterSchema, f: FilterField): FilterType | undefined {
  return f.kind === 'entity' || f.kind === 'complex' ? schema.model.types.get(f.elementType) : undefined;
}
