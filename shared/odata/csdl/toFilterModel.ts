// The $filter language's input (shared/odata/filter/schema.ts) from a parsed $metadata document:
// names resolved to their namespaces, the RESO annotations the validator and hover read, enum
// members with their values, and the Lookup resource's values when they are known.
import type { MetadataLookup } from '../../rets/metadata/model';
import type {
  FilterEnumTypeInput, FilterLookupValueInput, FilterModelInput, FilterPropertyInput, FilterStructuredTypeInput, ODataVersion,
} from '../filter/schema';
import { aliasMap, annotationValue, CORE_NS, resolveName, RESO_METADATA_NS } from './names';
import type { CsdlAnnotation, CsdlDocument, CsdlProperty, CsdlStructuredType } from './types';

const LOCAL_NAMES = new Set(['LookupName', 'StandardName', 'DisplayName']);

function otherAnnotations(list: readonly CsdlAnnotation[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let any = false;
  for (const a of list) {
    const local = a.term.slice(a.term.lastIndexOf('.') + 1);
    if (LOCAL_NAMES.has(local) || local === 'Description' || a.value === undefined) continue;
    out[a.term] = a.value;
    any = true;
  }
  return any ? out : undefined;
}

function property(p: CsdlProperty, aliases: Map<string, string>): FilterPropertyInput {
  const lookupName = annotationValue(p.annotations, RESO_METADATA_NS, 'LookupName', aliases);
  const displayName = annotationValue(p.annotations, RESO_METADATA_NS, 'DisplayName', aliases)
    ?? annotationValue(p.annotations, RESO_METADATA_NS, 'StandardName', aliases);
  const description = annotationValue(p.annotations, CORE_NS, 'Description', aliases);
  const annotations = otherAnnotations(p.annotations);
  return {
    name: p.name,
    type: resolveName(p.type, aliases),
    ...(p.nullable !== undefined ? { nullable: p.nullable } : {}),
    // "max", "variable" and "floating" say "no fixed limit": the validator checks numbers only.
    ...(typeof p.maxLength === 'number' ? { maxLength: p.maxLength } : {}),
    ...(p.precision !== undefined ? { precision: p.precision } : {}),
    ...(typeof p.scale === 'number' ? { scale: p.scale } : {}),
    ...(lookupName ? { lookupName } : {}),
    ...(displayName ? { displayName } : {}),
    ...(description ? { description } : {}),
    ...(annotations ? { annotations } : {}),
  };
}

function structured(t: CsdlStructuredType, aliases: Map<string, string>): FilterStructuredTypeInput {
  return {
    name: t.fullName,
    properties: t.properties.map((p) => property(p, aliases)),
    navigationProperties: t.navigationProperties.map((n) => ({ name: n.name, type: resolveName(n.type, aliases), ...(n.nullable !== undefined ? { nullable: n.nullable } : {}) })),
  };
}

/** Lookup values for the filter language from the neutral model's lookups (lookupsFromRows). */
export function filterLookups(lookups: ReadonlyMap<string, MetadataLookup>): Record<string, FilterLookupValueInput[]> {
  const out: Record<string, FilterLookupValueInput[]> = {};
  for (const [name, l] of lookups) {
    out[name] = l.values.map((v) => ({
      value: v.value,
      ...(v.odata?.standardLookupValue ? { standardValue: v.odata.standardLookupValue } : {}),
      ...(v.odata?.legacyODataValue ? { legacyODataValue: v.odata.legacyODataValue } : {}),
    }));
  }
  return out;
}

/** The filter model input of a whole service; lookups from the Lookup resource when loaded. */
export function csdlToFilterInput(doc: CsdlDocument, lookups?: ReadonlyMap<string, MetadataLookup>): FilterModelInput {
  const aliases = aliasMap(doc);
  const version: ODataVersion = doc.version.startsWith('4.01') ? '4.01' : '4.0';
  const input: FilterModelInput = { version, entitySets: [], entityTypes: [], complexTypes: [], enumTypes: [] };
  for (const s of doc.schemas) {
    for (const t of s.entityTypes) input.entityTypes.push(structured(t, aliases));
    for (const t of s.complexTypes) input.complexTypes!.push(structured(t, aliases));
    for (const e of s.enumTypes) {
      let next = 0;
      const en: FilterEnumTypeInput = {
        name: e.fullName,
        ...(s.alias ? { aliases: [`${s.alias}.${e.name}`] } : {}),
        isFlags: e.isFlags,
        members: e.members.map((m) => {
          const value = m.value !== undefined && /^-?\d+$/.test(m.value.trim()) ? Number(m.value) : next;
          next = value + 1;
          const displayName = annotationValue(m.annotations, RESO_METADATA_NS, 'DisplayName', aliases) ?? annotationValue(m.annotations, RESO_METADATA_NS, 'StandardName', aliases);
          const description = annotationValue(m.annotations, CORE_NS, 'Description', aliases);
          return { name: m.name, value, ...(displayName ? { displayName } : {}), ...(description ? { description } : {}) };
        }),
      };
      input.enumTypes!.push(en);
    }
    for (const es of s.entityContainer?.entitySets ?? []) input.entitySets.push({ name: es.name, entityType: resolveName(es.entityType, aliases) });
  }
  if (lookups) input.lookups = filterLookups(lookups);
  return input;
}
