// The diff at the size of a large MLS: 20,000 fields whose names all differ from the other side's
// except by normalization, paired one to one with no field paired twice (the work is map lookups;
// the time is in test/bench/metadataDiff.bench.ts).
import { describe, expect, it } from 'vitest';
import { diffMetadata } from '../../shared/metadata/diff';
import type { MetadataField, RetsMetadata } from '../../shared/rets/metadata/model';

function field(systemName: string, standardName: string): MetadataField {
  return {
    systemName, standardName, longName: '', dbName: '', shortName: '', dataType: 'Character', interpretation: '', lookupName: '',
    maximumLength: 20, searchable: true, units: '', required: false, editMaskId: '', searchHelpId: '', raw: {},
  };
}

function mls(systemId: string, name: (i: number) => string, standard: (i: number) => string): RetsMetadata {
  const fields = Array.from({ length: 20_000 }, (_, i) => field(name(i), standard(i)));
  return {
    system: { systemId, description: '', raw: {} }, tables: [], warnings: [],
    resources: [{ id: 'Property', standardName: 'Property', visibleName: '', description: '', keyField: '', classes: [{ name: 'ALL', standardName: '', visibleName: '', description: '', fields, updates: [], raw: {} }], lookups: [], objects: [], searchHelps: [], editMasks: [], raw: {} }],
  };
}

describe('20,000 fields across two servers', () => {
  it('half pair by StandardName, half by normalized name, each once', () => {
    const a = mls('A', (i) => `FIELD_${i}`, (i) => (i % 2 ? `Std${i}` : ''));
    const b = mls('B', (i) => (i % 2 ? `Std${i}` : `field-${i}`), () => '');
    const d = diffMetadata(a, b);
    expect(d.alignment).toBe('servers');
    expect(d.pairs).toHaveLength(20_000);
    expect(d.pairs.filter((p) => p.reason === 'standard-name')).toHaveLength(10_000);
    expect(d.pairs.filter((p) => p.reason === 'normalized-name')).toHaveLength(10_000);
    expect(new Set(d.pairs.map((p) => p.b)).size).toBe(20_000);
    expect(d.fields.added).toEqual([]);
    expect(d.fields.removed).toEqual([]);
    // The standard-name side differs only in the StandardName column it lacks.
    expect(d.fields.changed).toHaveLength(10_000);
    expect(d.fields.changed.every((c) => c.changes.length === 1 && c.changes[0]!.property === 'standardName')).toBe(true);
  });
});
