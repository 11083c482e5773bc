// A mapping file reduced to what the DMQL2 <-> $filter translator reads: one resource's mapped
// fields with their lookup values. Rejected entries and values are left out; proposals count
// unless `confirmedOnly`. The file records no RETS classes: classField is left to the translator.
import type { FieldMap, TranslationMapping } from '../translate/types';
import { isMapped } from './coverage';
import type { MappingFile } from './types';

export function translationMapping(m: MappingFile, resource: string, opts: { confirmedOnly?: boolean } = {}): TranslationMapping {
  const fields: FieldMap[] = [];
  let entitySet = resource;
  let proposals = 0;
  for (const f of m.fields) {
    if (f.resource !== resource || !isMapped(f)) continue;
    if (opts.confirmedOnly && f.status === 'proposed') continue;
    if (f.status === 'proposed') proposals++;
    entitySet = f.targetResource || entitySet;
    const values: Record<string, string> = {};
    let any = false;
    for (const v of f.values ?? []) if (v.target !== null && v.status !== 'rejected') { values[v.code] = v.target; any = true; }
    fields.push({ source: f.field, target: f.target!, ...(any ? { values } : {}) });
  }
  const assumptions = proposals ? [`${proposals} field pairings are proposals of the mapping "${m.source.name} → ${m.target.name}" the user has not confirmed.`] : [];
  return { resource, entitySet, fields, ...(assumptions.length ? { assumptions } : {}) };
}
