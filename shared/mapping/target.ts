// The vocabulary a mapping points at: resources, their fields and the fields' lookup values, from
// a Web API server's $metadata (a certified server names its fields by the Data Dictionary) or a
// Data Dictionary file (which adds synonyms). Both become this one shape.
import type { MetadataResource, RetsMetadata } from '../rets/metadata/model';
import { isLookupField, isMultiLookupField } from '../rets/metadata/model';

export interface TargetValue {
  /** The value as the target writes it (an enum member name, a Lookup row's value). */
  value: string;
  /** Its human name (the StandardName annotation, a Lookup row's display). */
  display: string;
  synonyms: string[];
}

export interface TargetField {
  resource: string;
  name: string;
  display: string;
  dataType: string;
  synonyms: string[];
  /** Key of its values in `TargetVocabulary.lookups`, "" when the field is not a lookup. */
  lookup: string;
  multi: boolean;
}

export type TargetKind = 'webapi-metadata' | 'data-dictionary';

export interface TargetVocabulary {
  kind: TargetKind;
  /** What the user chose, for the file and the notes ("Demo MLS (Web API)", "RESO DD 2.0"). */
  name: string;
  version?: string;
  /** True when the source had synonyms to offer (a Data Dictionary file). */
  hasSynonyms: boolean;
  /** The Data Dictionary file whose synonyms were added to a server's names (withDictionary). */
  dictionary?: string;
  resources: { name: string; standardName: string; fields: TargetField[] }[];
  lookups: Map<string, TargetValue[]>;
}

function resourceFields(r: MetadataResource, lookups: Map<string, TargetValue[]>): TargetField[] {
  const seen = new Set<string>();
  const out: TargetField[] = [];
  for (const c of r.classes) for (const f of c.fields) {
    if (seen.has(f.systemName)) continue;
    seen.add(f.systemName);
    const lookup = isLookupField(f) ? `${r.id}/${f.lookupName}` : '';
    if (lookup && !lookups.has(lookup)) {
      const l = r.lookups.find((x) => x.name === f.lookupName);
      if (l) lookups.set(lookup, l.values.map((v) => ({ value: v.value, display: v.longValue || v.odata?.standardLookupValue || v.value, synonyms: [] })));
    }
    out.push({ resource: r.id, name: f.systemName, display: f.longName, dataType: f.dataType, synonyms: [], lookup, multi: isMultiLookupField(f) || Boolean(f.odata?.collection) });
  }
  return out;
}

/** A server's metadata as the target: its field names are the vocabulary (a certified Web API's are the DD names). */
export function targetFromMetadata(md: RetsMetadata, name: string): TargetVocabulary {
  const lookups = new Map<string, TargetValue[]>();
  const resources = md.resources.map((r) => ({ name: r.id, standardName: r.standardName || r.id, fields: resourceFields(r, lookups) }));
  return { kind: 'webapi-metadata', name, hasSynonyms: false, resources, lookups };
}

export function targetFieldCount(t: TargetVocabulary): number {
  let n = 0;
  for (const r of t.resources) n += r.fields.length;
  return n;
}

/**
 * A server's vocabulary with a Data Dictionary's synonyms and display names added where the two
 * name the same field or value (a certified server uses the dictionary's names).
 */
export function withDictionary(t: TargetVocabulary, dd: TargetVocabulary): TargetVocabulary {
  const ddFields = new Map<string, TargetField>();
  for (const r of dd.resources) for (const f of r.fields) ddFields.set(`${r.name}\u0000${f.name}`, f);
  const lookups = new Map(t.lookups);
  const resources = t.resources.map((r) => ({
    ...r,
    fields: r.fields.map((f) => {
      const d = ddFields.get(`${r.standardName}\u0000${f.name}`) ?? ddFields.get(`${r.name}\u0000${f.name}`);
      if (!d) return f;
      const values = f.lookup ? t.lookups.get(f.lookup) : undefined;
      const ddValues = d.lookup ? dd.lookups.get(d.lookup) : undefined;
      if (values && ddValues) {
        const byValue = new Map(ddValues.map((v) => [v.value, v]));
        lookups.set(f.lookup, values.map((v) => ({ ...v, synonyms: [...v.synonyms, ...(byValue.get(v.value)?.synonyms ?? [])] })));
      }
      return { ...f, synonyms: [...f.synonyms, ...d.synonyms], display: f.display || d.display };
    }),
  }));
  return { ...t, hasSynonyms: t.hasSynonyms || dd.hasSynonyms, dictionary: dd.name, resources, lookups };
}
