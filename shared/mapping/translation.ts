// A mapping file reduced to what the DMQL2 <-> $filter translator reads (the shape of
// `TranslationMapping` in shared/translate/types.ts, declared structurally here so either side
// builds alone): one resource's mapped fields with their lookup values. Rejected entries and
// values are left out; proposals count unless `confirmedOnly`.
import { isMapped } from './coverage';
import type { MappingFile } from './types';

export interface TranslationFieldMap { source: string; target: string; values?: Record<string, string> }

export interface MappingForTranslation {
  resource: string;
  entitySet: string;
  fields: TranslationFieldMap[];
  assumptions?: string[];
}

export function translationMapping(m: MappingFile, resource: string, opts: { confirmedOnly?: boolean } = {}): MappingForTranslation {
  const fields: TranslationFieldMap[] = [];
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
