// Translation benchmark (issue 17): a 100-condition DMQL2 query (lookups any/all/none, ranges on
// numbers and dates, text equality, wildcards, .EMPTY.) translated to $filter through a mapping
// proposed from the two metadata models, and the $filter back to DMQL2; p50/p95/max per call over
// a few hundred calls against the goal of < 10 ms; and the same query for another MLS (other
// SystemNames and codes, the same StandardNames) through both mappings. The metadata: one class of 2,000 fields (a fifth
// of them lookups of 60 values) and the matching entity type.
import { cpus, loadavg } from 'node:os';
import { buildSchema } from '../../shared/dmql';
import { buildFilterSchema, type FilterPropertyInput } from '../../shared/odata/filter/index';
import type { MetadataField, MetadataLookup, RetsMetadata } from '../../shared/rets/metadata/model';
import { composeMappings, deriveMapping, dmqlToDmql, dmqlToOData, odataToDmql, retsPivot } from '../../shared/translate/index';

const GOAL_MS = 10;
const FIELDS = 2000;
const CONDITIONS = 100;
const RUNS = 300;

const TYPES = ['Int', 'Decimal', 'Character', 'Date', 'DateTime'] as const;
const EDM: Record<string, string> = { Int: 'Edm.Int32', Decimal: 'Edm.Decimal', Character: 'Edm.String', Date: 'Edm.Date', DateTime: 'Edm.DateTimeOffset' };

function field(i: number): MetadataField {
  const lookup = i % 5 === 0;
  return {
    systemName: `F_${i}`, standardName: `Std${i}`, longName: `Field ${i}`, dbName: '', shortName: '',
    dataType: lookup ? 'Character' : TYPES[i % TYPES.length], interpretation: lookup ? (i % 10 === 0 ? 'LookupMulti' : 'Lookup') : '',
    lookupName: lookup ? `LK${i}` : '', maximumLength: 50, searchable: true, units: '', required: false, editMaskId: '', searchHelpId: '', raw: {},
  };
}

const fields = Array.from({ length: FIELDS }, (_, i) => field(i));
const lookups: MetadataLookup[] = fields.filter((f) => f.lookupName).map((f) => ({
  name: f.lookupName, visibleName: f.lookupName, raw: {},
  values: Array.from({ length: 60 }, (_, v) => ({ value: `C${v}`, shortValue: `S${v}`, longValue: `Value ${v} of ${f.lookupName}`, raw: {} })),
}));
const metadata: RetsMetadata = {
  resources: [{ id: 'Property', standardName: 'Property', visibleName: 'Property', description: '', keyField: 'F_1', classes: [{ name: 'RES', standardName: '', visibleName: '', description: '', fields, updates: [], raw: {} }], lookups, objects: [], searchHelps: [], editMasks: [], raw: {} }],
  tables: [], warnings: [],
};
const properties: FilterPropertyInput[] = fields.map((f) => ({
  name: f.standardName, type: f.lookupName ? (f.interpretation === 'LookupMulti' ? 'Collection(Edm.String)' : 'Edm.String') : EDM[f.dataType], ...(f.lookupName ? { lookupName: f.lookupName } : {}),
}));
const target = buildFilterSchema({
  version: '4.01', entitySets: [{ name: 'Property', entityType: 'org.reso.metadata.Property' }],
  entityTypes: [{ name: 'org.reso.metadata.Property', properties }],
  lookups: Object.fromEntries(lookups.map((l) => [l.name, l.values.map((v) => ({ value: v.longValue }))])),
}, 'Property');

function condition(k: number): string {
  const f = fields[(k * 37) % FIELDS];
  if (f.lookupName) return [`(${f.systemName}=|C1,C2,C3)`, `(${f.systemName}=~C4)`, `(${f.systemName}=+C5)`][k % 3];
  switch (f.dataType) {
    case 'Int': return `(${f.systemName}=100-5000)`;
    case 'Decimal': return `(${f.systemName}=1.5+)`;
    case 'Date': return k % 2 ? `(${f.systemName}=2024-01-01-2024-06-30)` : `(${f.systemName}=TODAY-)`;
    case 'DateTime': return `(${f.systemName}=2024-03-01T10:00:00+)`;
    default: return [`(${f.systemName}=Smith)`, `(${f.systemName}=Oak*)`, `(${f.systemName}=*park*)`, `(${f.systemName}=.EMPTY.)`][k % 4];
  }
}

const query = Array.from({ length: CONDITIONS }, (_, k) => condition(k)).join(',');
const source = buildSchema(metadata, 'Property', 'RES');
const mapping = deriveMapping(metadata, 'Property', target);

function stats(name: string, times: number[], cpu: number): void {
  const s = [...times].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  console.log(`${name.padEnd(36)} n=${s.length}  p50 ${q(0.5).toFixed(3)} ms  p95 ${q(0.95).toFixed(3)} ms  max ${s[s.length - 1].toFixed(3)} ms  p95/goal ${(q(0.95) / GOAL_MS).toFixed(2)}; CPU ${cpu.toFixed(3)} ms a call, CPU/goal ${(cpu / GOAL_MS).toFixed(2)}`);
}

/** Wall time per call, and the mean CPU time per call (unlike wall time, not inflated by a loaded machine). */
function measure(fn: () => unknown): [number[], number] {
  for (let k = 0; k < 20; k++) fn(); // warm-up: JIT
  const out: number[] = [];
  const c0 = process.cpuUsage();
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  return [out, (c.user + c.system) / 1000 / RUNS];
}

console.log(`cpus ${cpus().length}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${FIELDS} fields, a ${CONDITIONS}-condition query of ${query.length} characters`);
const forward = dmqlToOData(query, { source, target, mapping });
if (!forward.complete) throw new Error(`the bench query did not translate whole: ${JSON.stringify(forward.notes.filter((n) => n.severity === 'error').slice(0, 3))}`);
const back = odataToDmql(forward.text, { source: target, metadata, mapping, className: 'RES' });
if (!back.complete) throw new Error(`the bench filter did not translate back whole: ${JSON.stringify(back.notes.filter((n) => n.severity === 'error').slice(0, 3))}`);
console.log(`$filter ${forward.text.length} characters, ${forward.notes.length} notes; back to DMQL2 ${back.text.length} characters, ${back.notes.filter((n) => n.severity === 'error').length} parts left out`);
const t0 = performance.now();
deriveMapping(metadata, 'Property', target);
console.log(`mapping proposed from the two models (${mapping.fields.length} fields): ${(performance.now() - t0).toFixed(2)} ms (once per connection, not per translation)`);
stats('DMQL2 -> $filter, 100 conditions', ...measure(() => dmqlToOData(query, { source, target, mapping })));
stats('$filter -> DMQL2, same query', ...measure(() => odataToDmql(forward.text, { source: target, metadata, mapping, className: 'RES' })));

// MLS B: the same fields under other SystemNames and codes, paired through the StandardNames.
const renamed = (f: MetadataField): MetadataField => ({ ...f, systemName: f.systemName.replace('F_', 'G_') });
const metadataB: RetsMetadata = {
  ...metadata,
  resources: metadata.resources.map((r) => ({
    ...r, keyField: 'G_1',
    classes: r.classes.map((c) => ({ ...c, name: 'RE', fields: c.fields.map(renamed) })),
    lookups: r.lookups.map((l) => ({ ...l, values: l.values.map((v) => ({ ...v, value: `B${v.value}` })) })),
  })),
};
const acrossMls = composeMappings(retsPivot(metadata, 'Property'), retsPivot(metadataB, 'Property'));
const toB = dmqlToDmql(query, { source, target: metadataB, targetResource: 'Property', targetClass: 'RE', mapping: acrossMls });
if (!toB.complete) throw new Error(`the bench query did not translate whole for MLS B: ${JSON.stringify(toB.notes.filter((n) => n.severity === 'error').slice(0, 3))}`);
stats('DMQL2 A -> DMQL2 B, same query', ...measure(() => dmqlToDmql(query, { source, target: metadataB, targetResource: 'Property', targetClass: 'RE', mapping: acrossMls })));
