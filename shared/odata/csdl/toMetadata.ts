// A CSDL document onto the protocol-neutral metadata model the explorer and completion use: an
// entity set becomes a resource with one class of the same name, its properties the fields, enum
// types and Lookup-resource rows the lookups. OData details ride along in the `odata` parts.

import type {
  MetadataClass, MetadataField, MetadataLookup, MetadataLookupValue, MetadataResource, RawRow, RetsMetadata,
} from '../../rets/metadata/model';
import type { CsdlAnnotation, CsdlDocument, CsdlEntitySet, CsdlEntityType, CsdlEnumType, CsdlProperty } from './types';
import type { ODataFieldInfo, ODataMetadataInfo, ODataNavigationInfo, ODataResourceInfo } from './model';
import { annotationValue, CORE_NS, indexTypes, resolveName, RESO_METADATA_NS, type TypeIndex } from './names';

const EDM_TO_RETS: Record<string, string> = {
  'Edm.String': 'Character', 'Edm.Guid': 'Character', 'Edm.Boolean': 'Boolean', 'Edm.Date': 'Date',
  'Edm.DateTimeOffset': 'DateTime', 'Edm.TimeOfDay': 'Time', 'Edm.Byte': 'Tiny', 'Edm.SByte': 'Tiny', 'Edm.Int16': 'Small',
  'Edm.Int32': 'Int', 'Edm.Int64': 'Long', 'Edm.Decimal': 'Decimal', 'Edm.Double': 'Decimal', 'Edm.Single': 'Decimal',
};

/** The neutral data type of an Edm type (vendor and spatial types kept as written). */
export function retsDataType(edmType: string): string {
  return EDM_TO_RETS[edmType] ?? edmType;
}

function annotationsRaw(list: readonly CsdlAnnotation[], raw: RawRow): void {
  for (const a of list) raw[`@${a.term}${a.qualifier ? `#${a.qualifier}` : ''}`] = a.value ?? a.raw ?? '';
}

interface Ctx {
  idx: TypeIndex;
  /** Lookups by name: enum-derived ones, then Lookup-resource ones. */
  lookups: Map<string, MetadataLookup>;
  enumLookupNames: Set<string>;
  wanted: Set<string>;
}

function enumLookup(e: CsdlEnumType, name: string, aliases: Map<string, string>): MetadataLookup {
  const values: MetadataLookupValue[] = e.members.map((m, i) => {
    const display = annotationValue(m.annotations, RESO_METADATA_NS, 'DisplayName', aliases);
    const standard = annotationValue(m.annotations, RESO_METADATA_NS, 'StandardName', aliases);
    const memberValue = m.value ?? String(i);
    const raw: RawRow = { Name: m.name, Value: memberValue };
    annotationsRaw(m.annotations, raw);
    return {
      value: m.name, longValue: display ?? standard ?? m.name, shortValue: memberValue, raw,
      odata: { memberValue, annotations: m.annotations },
    };
  });
  const raw: RawRow = { EnumType: e.fullName, UnderlyingType: e.underlyingType, IsFlags: String(e.isFlags) };
  annotationsRaw(e.annotations, raw);
  return { name, visibleName: annotationValue(e.annotations, RESO_METADATA_NS, 'DisplayName', aliases) ?? e.name, values, raw };
}

/** Properties of an entity type with those of its base types first (iterative; cycles stopped). */
function allProperties(t: CsdlEntityType, idx: TypeIndex): { props: CsdlProperty[]; navs: CsdlEntityType['navigationProperties']; key: string[] } {
  const chain: CsdlEntityType[] = [];
  const seen = new Set<string>();
  for (let cur: CsdlEntityType | undefined = t; cur && !seen.has(cur.fullName); cur = cur.baseType ? idx.entityTypes.get(resolveName(cur.baseType, idx.aliases)) : undefined) {
    seen.add(cur.fullName);
    chain.unshift(cur);
  }
  const key = chain.find((c) => c.key.length > 0)?.key ?? [];
  return { props: chain.flatMap((c) => c.properties), navs: chain.flatMap((c) => c.navigationProperties), key };
}

function toField(p: CsdlProperty, keys: Set<string>, ctx: Ctx): MetadataField {
  const { aliases } = ctx.idx;
  const elementType = resolveName(p.elementType, aliases);
  const en = ctx.idx.enumTypes.get(elementType);
  const annotated = annotationValue(p.annotations, RESO_METADATA_NS, 'LookupName', aliases);
  let lookupName = '';
  let interpretation = '';
  let lookupStyle: ODataFieldInfo['lookupStyle'];
  if (en) {
    lookupName = annotated ?? en.name;
    lookupStyle = 'enum';
    interpretation = p.collection || en.isFlags ? 'LookupMulti' : 'Lookup';
    if (!ctx.lookups.has(lookupName) || !ctx.enumLookupNames.has(lookupName)) {
      ctx.lookups.set(lookupName, enumLookup(en, lookupName, aliases));
      ctx.enumLookupNames.add(lookupName);
    }
  } else if (annotated) {
    lookupName = annotated;
    lookupStyle = 'lookup-resource';
    interpretation = p.collection ? 'LookupMulti' : 'Lookup';
  }
  if (lookupName) ctx.wanted.add(lookupName);
  const raw: RawRow = { ...p.attributes };
  annotationsRaw(p.annotations, raw);
  const description = annotationValue(p.annotations, CORE_NS, 'Description', aliases);
  if (description !== undefined) raw.Description = description;
  const scale = typeof p.scale === 'number' ? p.scale : undefined;
  const isKey = keys.has(p.name);
  return {
    systemName: p.name,
    standardName: annotationValue(p.annotations, RESO_METADATA_NS, 'StandardName', aliases) ?? p.name,
    longName: annotationValue(p.annotations, RESO_METADATA_NS, 'DisplayName', aliases) ?? p.name,
    dbName: '', shortName: '',
    dataType: en ? 'Character' : retsDataType(elementType),
    interpretation, lookupName,
    maximumLength: typeof p.maxLength === 'number' ? p.maxLength : undefined,
    precision: scale,
    searchable: true, units: '', maxSelect: undefined,
    // Nullable=false on a collection only forbids null elements; it does not make the field required.
    required: p.nullable === false && !p.collection && !isKey ? true : false,
    editMaskId: '', searchHelpId: '', raw,
    odata: {
      type: p.type, elementType, collection: p.collection, nullable: p.nullable !== false, key: isKey,
      maxLength: p.maxLength, precision: p.precision, scale: p.scale, defaultValue: p.defaultValue,
      enumType: en?.fullName, lookupStyle, annotations: p.annotations,
    },
  };
}

/** ListingKey -> ListingId, MemberKey -> MemberMlsId (or Id): the id people search by, when the type has it. */
export function idFieldFor(key: string, names: ReadonlySet<string>): string | undefined {
  if (!key.endsWith('Key')) return undefined;
  const stem = key.slice(0, -3);
  for (const c of [`${stem}Id`, `${stem}MlsId`, `${stem}ID`]) if (names.has(c)) return c;
  return undefined;
}

function toResource(set: CsdlEntitySet, t: CsdlEntityType, ctx: Ctx): MetadataResource {
  const { aliases } = ctx.idx;
  const { props, navs, key } = allProperties(t, ctx.idx);
  const keys = new Set(key);
  const fields = props.map((p) => toField(p, keys, ctx));
  const names = new Set(props.map((p) => p.name));
  const bindings = new Map(set.navigationBindings.map((b) => [b.path, b.target]));
  const navigation: ODataNavigationInfo[] = navs.map((n) => ({
    name: n.name, type: resolveName(n.elementType, aliases), collection: n.collection, partner: n.partner,
    containsTarget: n.containsTarget, targetSet: bindings.get(n.name),
  }));
  const description = annotationValue(t.annotations, CORE_NS, 'Description', aliases)
    ?? annotationValue(set.annotations, CORE_NS, 'Description', aliases) ?? '';
  const display = annotationValue(set.annotations, RESO_METADATA_NS, 'DisplayName', aliases)
    ?? annotationValue(t.annotations, RESO_METADATA_NS, 'DisplayName', aliases) ?? set.name;
  const standardName = annotationValue(t.annotations, RESO_METADATA_NS, 'StandardName', aliases) ?? set.name;
  const raw: RawRow = { EntitySet: set.name, EntityType: t.fullName, ...set.attributes };
  annotationsRaw(set.annotations, raw);
  annotationsRaw(t.annotations, raw);
  const cls: MetadataClass = { name: set.name, standardName, visibleName: display, description, fields, updates: [], raw };
  const odata: ODataResourceInfo = {
    entitySet: set.name, entityType: t.fullName, key, idField: key.length === 1 ? idFieldFor(key[0]!, names) : undefined,
    navigation, annotations: [...set.annotations, ...t.annotations],
  };
  return {
    id: set.name, standardName, visibleName: display, description, keyField: key.join(','),
    classes: [cls], lookups: [], objects: [], searchHelps: [], editMasks: [], raw, odata,
  };
}

/** Give each resource the lookups its fields name (shared objects: the model is read-only). */
function attachLookups(md: RetsMetadata, lookups: Map<string, MetadataLookup>): void {
  for (const r of md.resources) {
    const names = new Set<string>();
    for (const c of r.classes) for (const f of c.fields) if (f.lookupName) names.add(f.lookupName);
    r.lookups = [...names].flatMap((n) => { const l = lookups.get(n); return l ? [l] : []; });
  }
}

export interface CsdlToMetadataOptions {
  /** Lookup-resource lookups (lookupsFromRows), for string-lookup servers. */
  lookupRows?: Map<string, MetadataLookup>;
}

function lookupStyleOf(md: RetsMetadata): ODataMetadataInfo['lookupStyle'] {
  let en = false;
  let res = false;
  for (const r of md.resources) for (const c of r.classes) for (const f of c.fields) {
    if (f.odata?.lookupStyle === 'enum') en = true;
    else if (f.odata?.lookupStyle === 'lookup-resource') res = true;
  }
  return en && res ? 'mixed' : en ? 'enum' : res ? 'lookup-resource' : 'none';
}

export function csdlToMetadata(doc: CsdlDocument, options: CsdlToMetadataOptions = {}): RetsMetadata {
  const idx = indexTypes(doc);
  const ctx: Ctx = { idx, lookups: new Map(), enumLookupNames: new Set(), wanted: new Set() };
  const warnings = [...doc.warnings];
  const resources: MetadataResource[] = [];
  let container = '';
  for (const s of doc.schemas) {
    const c = s.entityContainer;
    if (!c) continue;
    if (!container) container = c.fullName;
    for (const set of c.entitySets) {
      const t = idx.entityTypes.get(resolveName(set.entityType, idx.aliases));
      if (!t) { warnings.push(`Entity set ${set.name}: its type ${set.entityType} is not declared; skipped`); continue; }
      resources.push(toResource(set, t, ctx));
    }
  }
  for (const [name, l] of options.lookupRows ?? []) if (!ctx.lookups.has(name)) ctx.lookups.set(name, l);
  const md: RetsMetadata = {
    system: { systemId: container || (doc.schemas[0]?.namespace ?? ''), description: doc.schemas.map((s) => s.namespace).join(', '), raw: { Version: doc.version } },
    resources, tables: [], warnings,
  };
  attachLookups(md, ctx.lookups);
  md.odata = {
    version: doc.version, format: doc.format, container, lookupStyle: lookupStyleOf(md),
    unresolvedLookups: [...ctx.wanted].filter((n) => !ctx.lookups.has(n)), csdl: doc,
  };
  return md;
}

/** The same metadata with Lookup-resource rows added (they usually arrive after $metadata). */
export function withLookupRows(md: RetsMetadata, lookupRows: Map<string, MetadataLookup>): RetsMetadata {
  if (!md.odata) return md;
  return csdlToMetadata(md.odata.csdl, { lookupRows });
}
