// A mapping proposed from the two metadata models alone, for when the user has none: each RETS
// field pairs with the Web API property named by its StandardName, else by its SystemName; lookup
// codes pair with the target's lookup value or enum member whose name matches the code's long,
// short or plain value; the classes pair with PropertyType. Every guess is said in `assumptions`.
import { findResource, type MetadataField, type MetadataLookup, type MetadataResource, type RetsMetadata } from '../rets/metadata/model';
import type { FilterField, FilterSchema } from '../odata/filter/schema';
import type { ClassMap, FieldMap, TranslationMapping } from './types';

/** The Web API property a RETS field pairs with, and why. */
function targetOf(f: MetadataField, schema: FilterSchema): FilterField | undefined {
  const byName = schema.root.byName;
  return (f.standardName ? byName.get(f.standardName) : undefined) ?? byName.get(f.systemName);
}

/** Lower-cased target value names -> the value a filter writes. */
function targetValues(t: FilterField): Map<string, string> | undefined {
  const out = new Map<string, string>();
  if (t.enumType) {
    for (const m of t.enumType.members) {
      for (const k of [m.name, m.displayName]) if (k && !out.has(k.toLowerCase())) out.set(k.toLowerCase(), m.name);
    }
    return out;
  }
  if (t.lookup) {
    for (const [k, v] of t.lookup.byAnyLower) out.set(k, v.value);
    return out;
  }
  return undefined;
}

function valueMap(lookup: MetadataLookup, t: FilterField): { values: Record<string, string>; unmatched: number; guessed: boolean } {
  const known = targetValues(t);
  const values: Record<string, string> = {};
  let unmatched = 0;
  for (const v of lookup.values) {
    if (!known) { values[v.value] = v.longValue || v.value; continue; }
    const hit = [v.longValue, v.shortValue, v.value].map((s) => (s ? known.get(s.toLowerCase()) : undefined)).find((x) => x !== undefined);
    if (hit !== undefined) values[v.value] = hit;
    else unmatched++;
  }
  return { values, unmatched, guessed: !known };
}

function classMap(res: MetadataResource, schema: FilterSchema): ClassMap | undefined {
  const field = schema.root.byName.get('PropertyType');
  if (!field || res.classes.length < 2) return undefined;
  const known = targetValues(field);
  const values: Record<string, string> = {};
  for (const c of res.classes) {
    const hit = known ? [c.name, c.standardName, c.visibleName].map((s) => (s ? known.get(s.toLowerCase()) : undefined)).find((x) => x !== undefined) : c.name;
    if (hit !== undefined) values[c.name] = hit;
  }
  return { field: field.name, values };
}

/** Proposes a mapping of one RETS resource (all its classes) onto one entity set. */
export function deriveMapping(metadata: RetsMetadata, resource: string, target: FilterSchema): TranslationMapping {
  const res = findResource(metadata, resource);
  const mapping: TranslationMapping = { resource: res?.id ?? resource, entitySet: target.entitySet, fields: [], assumptions: [] };
  if (!res) return mapping;
  const seen = new Set<string>();
  let byStandard = 0;
  let bySystem = 0;
  for (const cls of res.classes) {
    for (const f of cls.fields) {
      if (seen.has(f.systemName)) continue;
      seen.add(f.systemName);
      const t = targetOf(f, target);
      if (!t) continue;
      if (f.standardName && t.name === f.standardName) byStandard++; else bySystem++;
      const entry: FieldMap = { source: f.systemName, target: t.name };
      const lookup = f.lookupName ? res.lookups.find((l) => l.name === f.lookupName) : undefined;
      if (lookup) {
        const { values, unmatched, guessed } = valueMap(lookup, t);
        entry.values = values;
        if (guessed) mapping.assumptions!.push(`${t.name}: the target's lookup values are not known (load the Lookup resource), so ${f.systemName}'s codes are written as their long values.`);
        else if (unmatched) mapping.assumptions!.push(`${t.name}: ${unmatched} of ${lookup.values.length} codes of ${f.systemName} match no value on the Web API side.`);
      }
      mapping.fields.push(entry);
    }
  }
  mapping.assumptions!.unshift(`No mapping given: fields paired by StandardName (${byStandard}) and by the same name (${bySystem}).`);
  const classes = classMap(res, target);
  if (classes) {
    mapping.classField = classes;
    mapping.assumptions!.push(`The RETS class is told apart by ${classes.field} (${Object.entries(classes.values).map(([k, v]) => `${k} = '${v}'`).join(', ') || 'no class matched a value'}).`);
  }
  return mapping;
}

/** An assumption about one field ("Name: ...") matters only when the query uses that field. */
export function assumptionConcerns(assumption: string, used: Set<string>, mapping: TranslationMapping): boolean {
  const colon = assumption.indexOf(':');
  const subject = colon > 0 ? assumption.slice(0, colon) : '';
  return !mapping.fields.some((f) => f.target === subject) || used.has(subject);
}
