// Portable queries across MLSs: each side's mapping onto one shared vocabulary (the RESO Data
// Dictionary names a certified Web API uses), composed into a mapping from MLS A to MLS B:
// A's field -> the standard name -> B's field, A's lookup code -> the standard value -> B's code.
// The composed mapping is a plain TranslationMapping, so the existing translators read it.
import { normalizeName } from '../metadata/diff';
import type { FilterSchema } from '../odata/filter/schema';
import { findResource, type MetadataResource, type RetsMetadata } from '../rets/metadata/model';
import type { FieldMap, TranslationMapping } from './types';

/**
 * A RETS resource onto the standard names: the saved mapping's pairings first (`saved`, reduced by
 * translationMapping), then each field's StandardName, its codes by their LongValue (the Demo and
 * most MLSs write the standard value there).
 */
export function retsPivot(md: RetsMetadata, resource: string, saved?: TranslationMapping, name?: string): TranslationMapping {
  const res = findResource(md, resource);
  const fields: FieldMap[] = [...(saved?.fields ?? [])];
  const have = new Set(fields.map((f) => f.source));
  // A standard name the saved mapping gives to one field is not claimed again by another's StandardName.
  const claimed = new Set(fields.map((f) => f.target));
  let byStandard = 0;
  for (const cls of res?.classes ?? []) {
    for (const f of cls.fields) {
      if (have.has(f.systemName) || !f.standardName || claimed.has(f.standardName)) continue;
      have.add(f.systemName);
      byStandard++;
      const lookup = f.lookupName ? res!.lookups.find((l) => l.name === f.lookupName) : undefined;
      const values = lookup ? Object.fromEntries(lookup.values.map((v) => [v.value, v.longValue || v.value])) : undefined;
      fields.push({ source: f.systemName, target: f.standardName, ...(values ? { values } : {}) });
    }
  }
  const on = name ? `On “${name}”, ` : 'On the RETS side, ';
  const how = saved?.fields.length
    ? `${on}${saved.fields.length} fields are paired by the saved mapping, ${byStandard} more by their StandardName.`
    : `${on}fields are paired by their StandardName (${byStandard}) and lookup codes by their LongValue (no saved mapping).`;
  return { resource: res?.id ?? resource, entitySet: res?.standardName || resource, fields, assumptions: [...(saved?.assumptions ?? []), how] };
}

/** A Web API entity set onto the standard names: its properties are those names; values by member or LookupValue. */
export function webApiPivot(schema: FilterSchema, saved?: TranslationMapping): TranslationMapping {
  const fields: FieldMap[] = [...(saved?.fields ?? [])];
  const have = new Set(fields.map((f) => f.source));
  const claimed = new Set(fields.map((f) => f.target));
  for (const f of schema.root.fields) {
    if (f.navigation || have.has(f.name) || claimed.has(f.name)) continue;
    let values: Record<string, string> | undefined;
    if (f.enumType) values = Object.fromEntries(f.enumType.members.map((m) => [m.name, m.displayName || m.name]));
    else if (f.lookup) values = Object.fromEntries(f.lookup.values.map((v) => [v.value, v.standardValue || v.value]));
    fields.push({ source: f.name, target: f.name, ...(values ? { values } : {}) });
  }
  return { resource: schema.entitySet, entitySet: schema.entitySet, fields, assumptions: [...(saved?.assumptions ?? [])] };
}

/**
 * A -> B from A -> standard and B -> standard. Names and values meet when they are equal once
 * normalized ("Active Under Contract" = "ActiveUnderContract"). A field of A whose standard name B
 * lacks, or a code whose standard value B lacks, is left out: the translators report it there.
 */
export function composeMappings(a: TranslationMapping, b: TranslationMapping): TranslationMapping {
  const bByTarget = new Map<string, FieldMap>();
  for (const f of b.fields) { const k = normalizeName(f.target); if (!bByTarget.has(k)) bByTarget.set(k, f); }
  const fields: FieldMap[] = [];
  for (const f of a.fields) {
    const g = bByTarget.get(normalizeName(f.target));
    if (!g) continue;
    const entry: FieldMap = { source: f.source, target: g.source };
    // A side with no values of its own (a Web API lookup without /Lookup rows) passes codes through.
    if (f.values) {
      const toB = new Map<string, string>();
      if (g.values) for (const [code, std] of Object.entries(g.values)) { const k = normalizeName(std); if (!toB.has(k)) toB.set(k, code); }
      const values: Record<string, string> = {};
      for (const [code, std] of Object.entries(f.values)) {
        const hit = g.values ? toB.get(normalizeName(std)) : std;
        if (hit !== undefined) values[code] = hit;
      }
      entry.values = values;
    }
    fields.push(entry);
  }
  return { resource: a.resource, entitySet: b.resource, fields, assumptions: [...new Set([...(a.assumptions ?? []), ...(b.assumptions ?? [])])] };
}

function classesOf(md: RetsMetadata, resource: string): MetadataResource['classes'] {
  return findResource(md, resource)?.classes ?? [];
}

/**
 * The class of B that holds what a class of A holds: the one with the same StandardName, told apart
 * by its visible name when several share it (RES and CND are both Residential), else the same
 * visible name, else the same name. Undefined when none fits.
 */
export function pairClass(a: RetsMetadata, resA: string, className: string, b: RetsMetadata, resB: string): string | undefined {
  const from = classesOf(a, resA).find((c) => c.name === className);
  const to = classesOf(b, resB);
  if (!from) return undefined;
  const same = (x?: string, y?: string) => !!x && !!y && normalizeName(x) === normalizeName(y);
  const byStandard = to.filter((c) => same(c.standardName, from.standardName));
  if (byStandard.length === 1) return byStandard[0].name;
  const pool = byStandard.length ? byStandard : to;
  return (pool.find((c) => same(c.visibleName, from.visibleName)) ?? pool.find((c) => same(c.description, from.description)) ?? to.find((c) => c.name === from.name))?.name;
}
