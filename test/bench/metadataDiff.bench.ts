// Metadata diff of two 20,000-field versions of one generated MLS (issue 17's anchor: under
// 500 ms), aligned as versions (SystemName) and as two servers (StandardName, then names), with
// 200 lookups of 50 values. Run by `npm run bench` (own process); prints cold and median CPU times.
import { diffMetadata, type DiffAlignment } from '../../shared/metadata/diff';
import type { MetadataField, MetadataLookup, MetadataResource, RetsMetadata } from '../../shared/rets/metadata/model';

const GOAL_MS = 500;
const RESOURCES = 4;
const CLASSES = 5;
const FIELDS_PER_CLASS = 1000;

function cpuMs(): number { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }

function field(r: number, c: number, i: number, edited: boolean): MetadataField {
  const lookup = i % 20 === 0;
  return {
    systemName: `R${r}C${c}_F${i}`, standardName: i % 3 === 0 ? `Standard${r}_${c}_${i}` : '', longName: `Field ${i} of class ${c}`,
    dbName: '', shortName: '', dataType: edited && i % 97 === 0 ? 'Decimal' : 'Int', interpretation: lookup ? 'Lookup' : '',
    lookupName: lookup ? `L${r}_${(i / 20) % 50}` : '', maximumLength: 10, precision: undefined, searchable: true, units: '',
    required: false, editMaskId: '', searchHelpId: '', raw: {},
  };
}

function lookupOf(r: number, n: number, edited: boolean): MetadataLookup {
  const values = [];
  for (let v = 0; v < 50; v++) {
    const code = edited && v === 7 ? `N${v}` : `C${v}`;
    values.push({ value: code, shortValue: code, longValue: edited && v === 3 ? `Renamed ${v}` : `Value ${v}`, raw: {} });
  }
  return { name: `L${r}_${n}`, visibleName: '', values, raw: {} };
}

/** 20,000 fields; the edited version drops 1 in 100, adds as many, changes a type in 1 of 97 and renames values. */
function generate(edited: boolean): RetsMetadata {
  const resources: MetadataResource[] = [];
  for (let r = 0; r < RESOURCES; r++) {
    const classes = [];
    for (let c = 0; c < CLASSES; c++) {
      const fields: MetadataField[] = [];
      for (let i = 0; i < FIELDS_PER_CLASS; i++) {
        if (edited && i % 100 === 5) fields.push({ ...field(r, c, i, edited), systemName: `R${r}C${c}_NEW${i}` });
        else fields.push(field(r, c, i, edited));
      }
      classes.push({ name: `C${c}`, standardName: '', visibleName: '', description: '', fields, updates: [], raw: {} });
    }
    const lookups = Array.from({ length: 50 }, (_, n) => lookupOf(r, n, edited));
    resources.push({ id: `R${r}`, standardName: '', visibleName: '', description: '', keyField: '', classes, lookups, objects: [], searchHelps: [], editMasks: [], raw: {} });
  }
  return { system: { systemId: 'BENCH', description: '', raw: {} }, resources, tables: [], warnings: [] };
}

function report(alignment: DiffAlignment, a: RetsMetadata, b: RetsMetadata): void {
  const once = () => { const t = cpuMs(); const d = diffMetadata(a, b, { alignment }); return { ms: cpuMs() - t, d }; };
  const cold = once();
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) runs.push(once().ms);
  runs.sort((x, y) => x - y);
  const d = cold.d;
  const summary = `${d.pairs.length} pairs, fields +${d.fields.added.length} -${d.fields.removed.length} ~${d.fields.changed.length}, values renamed ${d.values.renamed.length}`;
  console.log(`${`align ${alignment}`.padEnd(18)} cold ${cold.ms.toFixed(1).padStart(6)} ms  median ${runs[3]!.toFixed(1).padStart(6)} ms  goal < ${GOAL_MS} ms: ${cold.ms < GOAL_MS ? 'met' : 'MISSED'} (${summary})`);
}

const a = generate(false);
const b = generate(true);
console.log(`Metadata diff of two ${(RESOURCES * CLASSES * FIELDS_PER_CLASS).toLocaleString('en-US')}-field versions (CPU ms; cold = first run in a fresh process)`);
report('versions', a, b);
report('servers', a, b);
