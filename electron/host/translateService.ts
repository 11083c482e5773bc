// The `translate.query` call: both profiles' metadata (through the metadata cache), the source
// query's schema and the target's, the mapping given or one proposed from the two, and the
// translation with its notes. Between two profiles of one protocol (MLS A -> MLS B) each side's
// saved mapping (else its standard names) leads to the standard names, composed into A -> B.
// Unknown resources, classes and entity sets are input errors that name what exists.
import { buildSchema, SchemaError } from '../../shared/dmql';
import type { TranslateRequest, TranslateResponse } from '../../shared/contract/translate';
import { filterSchema, FilterSchemaError, type FilterSchema } from '../../shared/odata/filter/schema';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { composeMappings, deriveMapping, dmqlToDmql, dmqlToOData, entitySetFor, filterModelOf, odataToDmql, odataToOData, pairClass, resourceFor, retsPivot, webApiPivot } from '../../shared/translate/index';
import { findResource } from '../../shared/rets/metadata/model';
import { inputError } from './hostError';
import type { MappingFile } from '../../shared/mapping/types';
import { translationMapping } from '../../shared/mapping/translation';
import type { TranslationMapping } from '../../shared/translate/types';

export interface MetadataSource {
  get(profileId: string): Promise<{ metadata: RetsMetadata }>;
  /** The RETS profile's saved mapping (mapping.get), when it has one. */
  mapping?(profileId: string): Promise<MappingFile | null>;
  /** The profile's name, for the notes. */
  name?(profileId: string): Promise<string>;
}

/**
 * The RETS profile's saved mapping for this resource, its gaps filled and its class field taken
 * from the mapping derived from the two metadata (the file records no classes); else the derived one.
 */
async function mappingFor(metadata: MetadataSource, retsProfileId: string, resource: string, derived: TranslationMapping): Promise<TranslationMapping> {
  const file = await metadata.mapping?.(retsProfileId).catch(() => null);
  if (!file) return derived;
  const saved = translationMapping(file, resource);
  if (!saved.fields.length) return derived;
  const mapped = new Set(saved.fields.map((f) => f.source));
  // A saved field without value mappings (its values were never proposed) keeps the values derived
  // from the two metadata when both pair it with the same target: codes are not sent as they are.
  const derivedBy = new Map(derived.fields.map((f) => [f.source, f]));
  const withValues = saved.fields.map((f) => {
    const d = derivedBy.get(f.source);
    return !f.values && d?.values && d.target === f.target ? { ...f, values: d.values } : f;
  });
  return {
    ...saved, entitySet: derived.entitySet,
    fields: [...withValues, ...derived.fields.filter((f) => !mapped.has(f.source))],
    ...(derived.classField ? { classField: derived.classField } : {}),
    // derive's first assumption says how it paired every field: the saved mapping says that here.
    assumptions: [`Fields are paired by the saved mapping "${file.source.name} → ${file.target.name}"; fields it lacks by name.`, ...(saved.assumptions ?? []), ...(derived.assumptions ?? []).slice(1)],
  };
}

function webApiSide(md: RetsMetadata, which: string) {
  const model = filterModelOf(md);
  if (!model) throw inputError(`The ${which} profile is not a RESO Web API connection.`, 'Pick a profile of the language the query is written in.');
  return model;
}

function retsSide(md: RetsMetadata, which: string): RetsMetadata {
  if (md.odata) throw inputError(`The ${which} profile is a Web API connection, not RETS.`, 'Pick a profile of the language the query is written in.');
  return md;
}

function asInputError(e: unknown): never {
  if (e instanceof SchemaError || e instanceof FilterSchemaError) throw inputError(`${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}.`, 'Pick one that exists.');
  throw e;
}

/** A profile's saved mapping reduced to one resource, when it has one that pairs any field there. */
async function savedPivot(metadata: MetadataSource, profileId: string, resource: string): Promise<TranslationMapping | undefined> {
  const file = await metadata.mapping?.(profileId).catch(() => null);
  const saved = file ? translationMapping(file, resource) : undefined;
  return saved?.fields.length ? saved : undefined;
}

/**
 * RETS -> Web API when the Web API profile has a saved mapping of its own (its properties onto the
 * standard names): the RETS side's mapping reaches the standard names, the Web API's leads from
 * there to its properties. Without one, the Web API's names are taken as the standard names.
 */
async function withWebApiMapping(metadata: MetadataSource, webApiProfileId: string, schema: FilterSchema, rets: TranslationMapping): Promise<TranslationMapping> {
  const saved = await savedPivot(metadata, webApiProfileId, schema.entitySet);
  if (!saved) return rets;
  const through = composeMappings(rets, webApiPivot(schema, saved));
  return { ...through, entitySet: schema.entitySet, ...(rets.classField ? { classField: rets.classField } : {}) };
}

/** RETS A -> RETS B: the resource of the same name (or StandardName), the class B keeps the same listings in. */
async function retsToRets(r: TranslateRequest, a: RetsMetadata, b: RetsMetadata, metadata: MetadataSource, names: [string, string]): Promise<TranslateResponse> {
  if (!r.className) throw inputError('Name the RETS class the query is written for.');
  const resA = findResource(a, r.resource);
  if (!resA) throw inputError(`The source has no RETS resource ${r.resource}.`, `Resources: ${a.resources.map((x) => x.id).join(', ')}.`);
  const resource = r.targetResource ?? findResource(b, resA.id)?.id ?? resourceFor(b, resA.standardName || resA.id);
  if (!resource) throw inputError(`“${names[1]}” has no RETS resource like ${resA.id}: name the one to translate for.`, `Resources: ${b.resources.map((x) => x.id).join(', ')}.`);
  const className = pairClass(a, resA.id, r.className, b, resource);
  if (!className) throw inputError(`No class of ${resource} on “${names[1]}” matches ${resA.id}:${r.className} by StandardName or visible name.`, `Classes: ${findResource(b, resource)?.classes.map((c) => c.name).join(', ') ?? 'none'}.`);
  const mapping = r.mapping ?? composeMappings(
    retsPivot(a, resA.id, await savedPivot(metadata, r.sourceProfileId, resA.id), names[0]),
    retsPivot(b, resource, await savedPivot(metadata, r.targetProfileId, resource), names[1]));
  const out = dmqlToDmql(r.query, { source: buildSchema(a, resA.id, r.className), target: b, targetResource: resource, targetClass: className, mapping, sourceName: names[0], targetName: names[1] });
  return { text: out.text, complete: out.complete, notes: out.notes, to: 'dmql', resource: out.resource, ...(out.className ? { className: out.className } : {}) };
}

/** Web API A -> Web API B: the entity set of the same name. */
async function odataToOdata(r: TranslateRequest, a: RetsMetadata, b: RetsMetadata, metadata: MetadataSource, names: [string, string]): Promise<TranslateResponse> {
  const source = filterSchema(webApiSide(a, 'source'), r.resource);
  const entitySet = r.targetResource ?? r.resource;
  const target = filterSchema(webApiSide(b, 'target'), entitySet);
  const mapping = r.mapping ?? composeMappings(
    webApiPivot(source, await savedPivot(metadata, r.sourceProfileId, r.resource)),
    webApiPivot(target, await savedPivot(metadata, r.targetProfileId, entitySet)));
  const out = odataToOData(r.query, { source, target, mapping, targetName: names[1] });
  return { ...out, to: 'odata', resource: entitySet };
}

export async function translateQuery(r: TranslateRequest, metadata: MetadataSource): Promise<TranslateResponse> {
  const [source, target] = await Promise.all([metadata.get(r.sourceProfileId), metadata.get(r.targetProfileId)]);
  const to = target.metadata.odata ? 'odata' : 'dmql';
  if (r.to && r.to !== to) throw inputError(`The target profile speaks ${to === 'odata' ? 'the RESO Web API' : 'RETS'}, not ${r.to === 'odata' ? 'the RESO Web API' : 'RETS'}.`, 'Pick a target profile of the language asked for, or leave `to` out.');
  try {
    if (r.from === to) {
      const names = await Promise.all([r.sourceProfileId, r.targetProfileId].map((id) => metadata.name?.(id).catch(() => id) ?? id)) as [string, string];
      return r.from === 'dmql'
        ? await retsToRets(r, retsSide(source.metadata, 'source'), target.metadata, metadata, names)
        : await odataToOdata(r, source.metadata, target.metadata, metadata, names);
    }
    if (r.from === 'dmql') {
      const rets = retsSide(source.metadata, 'source');
      const model = webApiSide(target.metadata, 'target');
      if (!r.className) throw inputError('Name the RETS class the query is written for.');
      const entitySet = r.targetResource ?? r.mapping?.entitySet ?? entitySetFor(model, rets, r.resource);
      if (!entitySet) throw inputError(`No entity set is named ${r.resource}: name the one to translate for.`, `Entity sets: ${[...model.entitySets.keys()].join(', ')}.`);
      const schema = filterSchema(model, entitySet);
      const mapping = r.mapping ?? await withWebApiMapping(metadata, r.targetProfileId, schema, await mappingFor(metadata, r.sourceProfileId, r.resource, deriveMapping(rets, r.resource, schema)));
      const out = dmqlToOData(r.query, { source: buildSchema(rets, r.resource, r.className), target: schema, mapping });
      return { ...out, to: 'odata', resource: entitySet };
    }
    const model = webApiSide(source.metadata, 'source');
    const rets = retsSide(target.metadata, 'target');
    const schema = filterSchema(model, r.resource);
    const resource = r.targetResource ?? r.mapping?.resource ?? resourceFor(rets, r.resource);
    if (!resource) throw inputError(`No RETS resource is named ${r.resource}: name the one to translate for.`, `Resources: ${rets.resources.map((x) => x.id).join(', ')}.`);
    const mapping = r.mapping ?? await withWebApiMapping(metadata, r.sourceProfileId, schema, await mappingFor(metadata, r.targetProfileId, resource, deriveMapping(rets, resource, schema)));
    const out = odataToDmql(r.query, { source: schema, metadata: rets, mapping, ...(r.className ? { className: r.className } : {}) });
    return { text: out.text, complete: out.complete, notes: out.notes, to: 'dmql', resource: out.resource, ...(out.className ? { className: out.className } : {}) };
  } catch (e) {
    return asInputError(e);
  }
}
