// The user's decisions on a mapping, as pure updates: confirm, reject, choose another target, and
// the same for one lookup value. Each returns a new mapping (the old one stays as it was).
import type { Decision, FieldMapping, MappingFile, ValueMapping } from '../../../shared/contract';

export const entryKey = (f: Pick<FieldMapping, 'resource' | 'field'>) => `${f.resource}.${f.field}`;

function updateField(m: MappingFile, key: string, change: (f: FieldMapping) => FieldMapping): MappingFile {
  return { ...m, fields: m.fields.map((f) => (entryKey(f) === key ? change(f) : f)) };
}

export function decideField(m: MappingFile, key: string, status: Extract<Decision, 'confirmed' | 'rejected' | 'proposed'>): MappingFile {
  return updateField(m, key, (f) => ({ ...f, status }));
}

/** The user's own target: its values no longer apply (they were the old target's). */
export function editTarget(m: MappingFile, key: string, target: string): MappingFile {
  const t = target.trim();
  return updateField(m, key, (f) => {
    const { values: _values, ...rest } = f;
    return t ? { ...rest, target: t, reason: 'user', why: 'Chosen by the user.', confidence: 1, status: 'edited' } : { ...rest, target: null, reason: 'user', why: 'No target: chosen by the user.', confidence: 1, status: 'rejected' };
  });
}

export function decideValue(m: MappingFile, key: string, code: string, change: Partial<Pick<ValueMapping, 'status' | 'target'>>): MappingFile {
  return updateField(m, key, (f) => ({
    ...f,
    values: f.values?.map((v) => {
      if (v.code !== code) return v;
      if (change.target !== undefined) return { ...v, target: change.target || null, reason: 'user' as const, confidence: 1, status: 'edited' as const };
      return { ...v, ...change };
    }),
  }));
}

export type StatusFilter = 'all' | 'review' | 'decided' | 'unmapped';

/** Which entries a filter shows: words match the field, its long name or its target. */
export function visibleFields(m: MappingFile, words: string, status: StatusFilter): FieldMapping[] {
  const q = words.trim().toLowerCase();
  return m.fields.filter((f) => {
    if (status === 'review' && (f.status !== 'proposed' || f.target === null)) return false;
    if (status === 'decided' && f.status === 'proposed') return false;
    if (status === 'unmapped' && f.target !== null && f.status !== 'rejected') return false;
    return !q || f.field.toLowerCase().includes(q) || f.longName.toLowerCase().includes(q) || (f.target ?? '').toLowerCase().includes(q);
  });
}
