// $metadata as CSDL XML (what clients should ask for) and CSDL JSON (what some servers answer
// anyway), in either lookup style: string fields annotated with RESO.OData.Metadata.LookupName
// whose values are rows of the Lookup entity set, or EnumTypes in the vendor's own namespace.
import { esc } from '../xml';
import { ENTITY_NAMESPACE, ENUM_NAMESPACE, type LookupStyle, type WebModel, type WebProp, type WebTable } from './entities';

export const ODATA_VERSION: Record<LookupStyle, '4.0' | '4.01'> = { lookup: '4.01', enum: '4.0' };
const CONTAINER = 'Default';

/** The declared type of a property in a style ("Collection(DemoMLS.Enums.Heating)", "Edm.String"...). */
export function typeOf(p: WebProp, style: LookupStyle): string {
  const element = style === 'enum' && p.lookup ? `${ENUM_NAMESPACE}.${p.lookup.name}` : p.edm;
  return p.collection ? `Collection(${element})` : element;
}

function facets(p: WebProp, style: LookupStyle): string {
  let s = '';
  if (!p.nullable) s += ' Nullable="false"';
  if (p.maxLength !== undefined && !(style === 'enum' && p.lookup)) s += ` MaxLength="${p.maxLength}"`;
  if (p.precision !== undefined) s += ` Precision="${p.precision}"`;
  if (p.scale !== undefined) s += ` Scale="${p.scale}"`;
  return s;
}

function propertyXml(p: WebProp, style: LookupStyle): string {
  const notes = [`<Annotation Term="RESO.OData.Metadata.DisplayName" String="${esc(p.displayName)}"/>`];
  if (p.lookup && style === 'lookup') notes.push(`<Annotation Term="RESO.OData.Metadata.LookupName" String="${esc(p.lookup.name)}"/>`);
  return `<Property Name="${p.name}" Type="${typeOf(p, style)}"${facets(p, style)}>${notes.join('')}</Property>`;
}

function entityTypeXml(t: WebTable, style: LookupStyle): string {
  const lines = [`<EntityType Name="${t.typeName}">`, `<Key><PropertyRef Name="${t.key}"/></Key>`];
  for (const p of t.props) lines.push(propertyXml(p, style));
  if (t.media) lines.push(`<NavigationProperty Name="Media" Type="Collection(${ENTITY_NAMESPACE}.${t.media.table.typeName})"/>`);
  lines.push('</EntityType>');
  return lines.join('\n');
}

function enumSchemaXml(model: WebModel): string {
  const lines = [`<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="${ENUM_NAMESPACE}">`];
  for (const l of model.lookups) {
    lines.push(`<EnumType Name="${l.name}">`);
    l.values.forEach((v, i) => lines.push(`<Member Name="${v.member}" Value="${i}"><Annotation Term="RESO.OData.Metadata.StandardName" String="${esc(v.value)}"/></Member>`));
    lines.push('</EnumType>');
  }
  lines.push('</Schema>');
  return lines.join('\n');
}

export function csdlXml(model: WebModel, style: LookupStyle): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="${ODATA_VERSION[style]}">`,
    '<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/></edmx:Reference>',
    '<edmx:DataServices>',
    `<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="${ENTITY_NAMESPACE}">`,
  ];
  for (const t of model.tables) lines.push(entityTypeXml(t, style));
  lines.push(`<EntityContainer Name="${CONTAINER}">`);
  for (const t of model.tables) {
    const binding = t.media ? `<NavigationPropertyBinding Path="Media" Target="${t.media.table.entitySet}"/>` : '';
    lines.push(`<EntitySet Name="${t.entitySet}" EntityType="${ENTITY_NAMESPACE}.${t.typeName}">${binding}</EntitySet>`);
  }
  lines.push('</EntityContainer>', '</Schema>');
  if (style === 'enum') lines.push(enumSchemaXml(model));
  lines.push('</edmx:DataServices>', '</edmx:Edmx>', '');
  return lines.join('\n');
}

function propertyJson(p: WebProp, style: LookupStyle): Record<string, unknown> {
  const o: Record<string, unknown> = { $Type: p.collection ? typeOf(p, style).slice(11, -1) : typeOf(p, style) };
  if (p.collection) o.$Collection = true;
  // CSDL JSON's default is the opposite of XML's: absent $Nullable means not nullable.
  if (p.nullable) o.$Nullable = true;
  if (p.maxLength !== undefined && !(style === 'enum' && p.lookup)) o.$MaxLength = p.maxLength;
  if (p.precision !== undefined) o.$Precision = p.precision;
  if (p.scale !== undefined) o.$Scale = p.scale;
  o['@RESO.OData.Metadata.DisplayName'] = p.displayName;
  if (p.lookup && style === 'lookup') o['@RESO.OData.Metadata.LookupName'] = p.lookup.name;
  return o;
}

/** The same metadata in CSDL JSON (OData CSDL JSON 4.01). */
export function csdlJson(model: WebModel, style: LookupStyle): string {
  const schema: Record<string, unknown> = {};
  for (const t of model.tables) {
    const type: Record<string, unknown> = { $Kind: 'EntityType', $Key: [t.key] };
    for (const p of t.props) type[p.name] = propertyJson(p, style);
    if (t.media) type.Media = { $Kind: 'NavigationProperty', $Type: `${ENTITY_NAMESPACE}.${t.media.table.typeName}`, $Collection: true };
    schema[t.typeName] = type;
  }
  const container: Record<string, unknown> = { $Kind: 'EntityContainer' };
  for (const t of model.tables) {
    container[t.entitySet] = { $Collection: true, $Type: `${ENTITY_NAMESPACE}.${t.typeName}`, ...(t.media ? { $NavigationPropertyBinding: { Media: t.media.table.entitySet } } : {}) };
  }
  schema[CONTAINER] = container;
  const doc: Record<string, unknown> = { $Version: ODATA_VERSION[style], $EntityContainer: `${ENTITY_NAMESPACE}.${CONTAINER}`, [ENTITY_NAMESPACE]: schema };
  if (style === 'enum') {
    const enums: Record<string, unknown> = {};
    for (const l of model.lookups) {
      const e: Record<string, unknown> = { $Kind: 'EnumType' };
      l.values.forEach((v, i) => { e[v.member] = i; e[`${v.member}@RESO.OData.Metadata.StandardName`] = v.value; });
      enums[l.name] = e;
    }
    doc[ENUM_NAMESPACE] = enums;
  }
  return JSON.stringify(doc);
}
