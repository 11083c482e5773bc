// Synthetic metadata and rows for the UI benchmark: the same components as the app, at the
// sizes the goals name (20,000 fields, 100,000 rows), without a host.
import type { MetadataField, RetsMetadata } from '../../../shared/rets/metadata/model';

const words = ['List', 'Price', 'Status', 'Area', 'Room', 'Bath', 'Bed', 'Garage', 'School', 'Tax', 'Lot', 'Year', 'Built', 'Agent', 'Office', 'Pool', 'View', 'Water', 'Roof', 'Heat'];

export function syntheticMetadata(fields: number): RetsMetadata {
  const perClass = 2000;
  const classes = Math.ceil(fields / perClass);
  const lookups = Array.from({ length: 200 }, (_, l) => ({
    name: `LKP_${l}`, visibleName: `Lookup ${l}`, raw: {},
    values: Array.from({ length: 50 }, (_, v) => ({ value: `V${l}_${v}`, shortValue: `S${v}`, longValue: `${words[v % 20]} ${words[(v * 7) % 20]} ${v}`, raw: {} })),
  }));
  return {
    tables: [], warnings: [],
    resources: [{
      id: 'Property', standardName: 'Property', visibleName: 'Property', description: '', keyField: 'F0', raw: {},
      lookups, objects: [], searchHelps: [], editMasks: [],
      classes: Array.from({ length: classes }, (_, c) => ({
        name: `C${c}`, standardName: '', visibleName: `Class ${c}`, description: '', updates: [], raw: {},
        fields: Array.from({ length: Math.min(perClass, fields - c * perClass) }, (_, i): MetadataField => {
          const n = c * perClass + i;
          return {
            systemName: `F${n}`, standardName: `${words[n % 20]}${words[(n >> 3) % 20]}`, longName: `${words[n % 20]} ${words[(n >> 5) % 20]} ${n}`,
            dbName: '', shortName: '', dataType: 'Character', interpretation: '', lookupName: '', searchable: true, units: '', required: false,
            editMaskId: '', searchHelpId: '', raw: {},
          };
        }),
      })),
    }],
  };
}

export function syntheticRows(n: number, cols: number): { columns: string[]; rows: string[][] } {
  const columns = Array.from({ length: cols }, (_, i) => `COL_${i}`);
  const rows = Array.from({ length: n }, (_, r) => columns.map((_, c) => (c === 0 ? String(r + 1) : c % 3 === 0 ? String((r * 7919 + c) % 900000) : `${words[(r + c) % 20]} ${r % 97}`)));
  return { columns, rows };
}
