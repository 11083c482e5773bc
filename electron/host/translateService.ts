// The `translate.query` call: both profiles' metadata (through the metadata cache), the source
// query's schema and the target's, the mapping given or one proposed from the two, and the
// translation with its notes. Unknown resources, classes and entity sets are input errors that
// name what exists.
import { buildSchema, SchemaError } from '../../shared/dmql';
import type { TranslateRequest, TranslateResponse } from '../../shared/contract/translate';
import { filterSchema, FilterSchemaError } from '../../shared/odata/filter/schema';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { deriveMapping, dmqlToOData, entitySetFor, filterModelOf, odataToDmql, resourceFor } from '../../shared/translate/index';
import { inputError } from './hostError';
import type { MappingFile } from '../../shared/mapping/types';
import { translationMapping } from '../../shared/mapping/translation';
import type { TranslationMapping } from '../../shared/translate/types';

export interface MetadataSource {
  get(profileId: string): Promise<{ metadata: RetsMetadata }>;
  /** The RETS profile's saved mapping (mapping.get), when it has one. */
  mapping?(profileId: string): Promise<MappingFile | null>;
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
  if (!model) throw inputError(`The ${which} profile is not a RESO Web API connection.`, 'Translate between a RETS profile and a Web API profile.');
  return model;
}

function retsSide(md: RetsMetadata, which: string): RetsMetadata {
  if (md.odata) throw inputError(`The ${which} profile is a Web API connection, not RETS.`, 'Translate between a RETS profile and a Web API profile.');
  return md;
}

function asInputError(e: unknown): never {
  if (e instanceof SchemaError || e instanceof FilterSchemaError) throw inputError(`${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}.`, 'Pick one that exists.');
  throw e;
}

export async function translateQuery(r: TranslateRequest, metadata: MetadataSource): Promise<TranslateResponse> {
  const [source, target] = await Promise.all([metadata.get(r.sourceProfileId), metadata.get(r.targetProfileId)]);
  try {
    if (r.from === 'dmql') {
      const rets = retsSide(source.metadata, 'source');
      const model = webApiSide(target.metadata, 'target');
      if (!r.className) throw inputError('Name the RETS class the query is written for.');
      const entitySet = r.targetResource ?? r.mapping?.entitySet ?? entitySetFor(model, rets, r.resource);
      if (!entitySet) throw inputError(`No entity set is named ${r.resource}: name the one to translate for.`, `Entity sets: ${[...model.entitySets.keys()].join(', ')}.`);
      const schema = filterSchema(model, entitySet);
      const mapping = r.mapping ?? await mappingFor(metadata, r.sourceProfileId, r.resource, deriveMapping(rets, r.resource, schema));
      const out = dmqlToOData(r.query, { source: buildSchema(rets, r.resource, r.className), target: schema, mapping });
      return { ...out, resource: entitySet };
    }
    const model = webApiSide(source.metadata, 'source');
    const rets = retsSide(target.metadata, 'target');
    const schema = filterSchema(model, r.resource);
    const resource = r.targetResource ?? r.mapping?.resource ?? resourceFor(rets, r.resource);
    if (!resource) throw inputError(`No RETS resource is named ${r.resource}: name the one to translate for.`, `Resources: ${rets.resources.map((x) => x.id).join(', ')}.`);
    const mapping = r.mapping ?? await mappingFor(metadata, r.targetProfileId, resource, deriveMapping(rets, resource, schema));
    const out = odataToDmql(r.query, { source: schema, metadata: rets, mapping, ...(r.className ? { className: r.className } : {}) });
    return { text: out.text, complete: out.complete, notes: out.notes, resource: out.resource, ...(out.className ? { className: out.className } : {}) };
  } catch (e) {
    return asInputError(e);
  }
}
