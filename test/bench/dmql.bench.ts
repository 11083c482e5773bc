// DMQL2 benchmark (issue 3): completion, validation and hover on metadata of 20,000 fields and
// 200,000 lookup values; p50/p95/max per call over a few hundred varied calls, against the goal of
// p95 < 5 ms. Also: schema build time, parse/format throughput, compile + evaluate 200,000 rows.
import { cpus, loadavg } from 'node:os';
import { buildSchema, compile, complete, format, hover, parse, validate, warmSchema } from '../../shared/dmql';
import type { MetadataField, MetadataLookup, RetsMetadata } from '../../shared/rets/metadata/model';
import { seeded } from '../fuzz/rng';

const GOAL_MS = 5;
const WORDS = ['List', 'Price', 'Original', 'Close', 'Date', 'Status', 'Bedrooms', 'Bathrooms', 'Full', 'Half', 'Living', 'Area', 'Lot', 'Size',
  'Acres', 'Tax', 'Annual', 'Amount', 'School', 'District', 'Elementary', 'High', 'Garage', 'Spaces', 'Year', 'Built', 'Street', 'Name', 'Number',
  'City', 'Postal', 'Code', 'County', 'Agent', 'Office', 'Phone', 'Email', 'Remarks', 'Public', 'Private', 'Modification', 'Timestamp', 'Photo',
  'Count', 'Association', 'Fee', 'Frequency', 'Heating', 'Cooling', 'Roof', 'Flooring', 'Appliances', 'Waterfront', 'View', 'Pool', 'Features'];

const r = seeded(2026);
const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];

function makeMetadata(): RetsMetadata {
  const lookups: MetadataLookup[] = [];
  // 399 lookups of 451 values + one of 20,051 (a city list): 200,000 values.
  for (let l = 0; l < 400; l += 1) {
    const n = l === 0 ? 20051 : 451;
    lookups.push({
      name: `LK${l}`, visibleName: `${pick(WORDS)} ${pick(WORDS)}`, raw: {},
      values: Array.from({ length: n }, (_, v) => {
        const long = `${pick(WORDS)} ${pick(WORDS)} ${v}`;
        return { value: `${l}V${v}`, shortValue: long.slice(0, 8), longValue: long, raw: {} };
      }),
    });
  }
  const types = ['Int', 'Decimal', 'Character', 'Date', 'DateTime', 'Boolean', 'Character', 'Long'];
  const fields: MetadataField[] = Array.from({ length: 20000 }, (_, i) => {
    const words = [pick(WORDS), pick(WORDS), pick(WORDS)];
    const isLookup = i % 5 === 0;
    return {
      systemName: `L_${words.join('')}${i}`, standardName: i % 3 ? `${words.join('')}${i}` : '', longName: `${words.join(' ')} ${i}`,
      dbName: '', shortName: '', dataType: isLookup ? 'Character' : types[i % types.length], interpretation: isLookup ? (i % 10 === 0 ? 'LookupMulti' : 'Lookup') : '',
      lookupName: isLookup ? `LK${i % 400}` : '', maximumLength: 50, searchable: i % 17 !== 0, units: '', required: false, editMaskId: '', searchHelpId: '', raw: {},
    };
  });
  return {
    resources: [{ id: 'Property', standardName: 'Property', visibleName: 'Property', description: '', keyField: 'L_ListingID', classes: [{ name: 'RES', standardName: '', visibleName: '', description: '', fields, updates: [], raw: {} }], lookups, objects: [], searchHelps: [], editMasks: [], raw: {} }],
    tables: [], warnings: [],
  };
}

function stats(name: string, times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  const p95 = q(0.95);
  console.log(`${name.padEnd(34)} n=${String(s.length).padStart(4)}  p50 ${q(0.5).toFixed(3)} ms  p95 ${p95.toFixed(3)} ms  max ${s[s.length - 1].toFixed(3)} ms  p95/goal ${(p95 / GOAL_MS).toFixed(2)}`);
  return p95;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const md = makeMetadata();
const t0 = performance.now();
const schema = buildSchema(md, 'Property', 'RES');
const buildMs = performance.now() - t0;
const t1 = performance.now();
warmSchema(schema);
const warmMs = performance.now() - t1;
const lookupField = schema.fields.find((f) => f.kind === 'lookup' && f.lookup?.name === 'LK0')!;
const multiField = schema.fields.find((f) => f.multi)!;
const numberField = schema.fields.find((f) => f.kind === 'number')!;
const dateField = schema.fields.find((f) => f.kind === 'datetime')!;
const smallLookup = schema.fields.find((f) => f.kind === 'lookup' && f.lookup?.name === 'LK5')!;
console.log(`metadata: ${schema.fields.length} fields, ${[...md.resources[0].lookups].reduce((n, l) => n + l.values.length, 0)} lookup values`);
console.log(`buildSchema                        ${buildMs.toFixed(1)} ms (once per class)`);
console.log(`warmSchema (completion + did-you-mean indexes) ${warmMs.toFixed(1)} ms (once per class)`);
console.log(`machine load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);

// Completion: field positions (prefixes of LongNames, SystemNames, multi-word, empty), value positions.
const completionCases: [string, number][] = [];
for (let k = 0; k < 300; k += 1) {
  const f = pick(schema.fields);
  const kind = k % 10;
  let q: string;
  if (kind === 0) q = '(';
  else if (kind === 1) q = `(${f.longName.split(' ').slice(0, 2).map((w) => w.slice(0, 3)).join(' ')}`;
  else if (kind === 2) q = `(${f.systemName.slice(0, 2 + (k % 6))}`;
  else if (kind === 3) q = `(${numberField.name}=100+),(${pick(WORDS).toLowerCase().slice(0, 2)}`;
  else if (kind === 4) q = `(${lookupField.name}=|`;
  else if (kind === 5) q = `(${lookupField.name}=|${pick(WORDS).slice(0, 3)}`;
  else if (kind === 6) q = `(${multiField.name}=+${multiField.lookup!.values[0].value},`;
  else if (kind === 7) q = `(${dateField.name}=`;
  else if (kind === 8) q = `(${smallLookup.name}=|5V1`;
  else q = `(${f.name}=1)`;
  completionCases.push([q, q.length]);
}
// Warm-up (JIT, lazy indexes), then measure.
for (const [q, o] of completionCases.slice(0, 30)) complete(q, o, schema);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const completeTimes = completionCases.map(([q, o]) => time(() => complete(q, o, schema)));
if (process.env.DMQL_BENCH_DETAIL) for (let k = 0; k < 10; k += 1) stats(`  complete kind ${k}`, completeTimes.filter((_, i) => i % 10 === k));

// Validation: clean queries, unknown fields (did-you-mean over 60,000 names), bad lookup values.
const validateCases: string[] = [];
for (let k = 0; k < 300; k += 1) {
  const a = pick(schema.fields);
  const b = pick(schema.fields);
  const kind = k % 4;
  if (kind === 0) validateCases.push(`(${numberField.name}=100000-200000),(${lookupField.name}=|${lookupField.lookup!.values[k].value},${lookupField.lookup!.values[k + 1].value}),(${dateField.name}=2026-01-01T00:00:00+)`);
  else if (kind === 1) validateCases.push(`(${a.name.slice(0, -1)}x=1),(${b.name}=.ANY.)`);
  else if (kind === 2) validateCases.push(`(${lookupField.name}=|${pick(WORDS)}Q${k}),(${smallLookup.name}=|${smallLookup.lookup!.values[3].value}x)`);
  else validateCases.push(`(${a.name}=1)|~(${b.name}=A*),((${numberField.name}=5+)|(${multiField.name}=+${multiField.lookup!.values[0].value},${multiField.lookup!.values[2].value}))`);
}
for (const q of validateCases.slice(0, 20)) validate(q, schema);
gc?.();
const validateTimes = validateCases.map((q) => time(() => validate(q, schema)));
if (process.env.DMQL_BENCH_DETAIL) for (let k = 0; k < 4; k += 1) stats(`  validate kind ${k}`, validateTimes.filter((_, i) => i % 4 === k));

const hoverTimes = validateCases.map((q, k) => time(() => hover(q, (k * 7) % q.length, schema)));

console.log('');
const p95c = stats('complete (20k fields, 200k values)', completeTimes);
const p95v = stats('validate', validateTimes);
stats('hover', hoverTimes);

// Parse + format throughput on a long query; compile + evaluate 200,000 rows.
const longQuery = Array.from({ length: 500 }, (_, i) => `(F${i}=${i}-${i + 10}),(S${i}=|A,B,C),~(C${i}=Chi*)`).join('|');
const parseMs = time(() => { for (let k = 0; k < 20; k += 1) format(parse(longQuery).ast!); }) / 20;
console.log(`parse+format ${(longQuery.length / 1024).toFixed(0)} KB query            ${parseMs.toFixed(2)} ms`);

const rows = Array.from({ length: 200000 }, (_, i) => ({
  Status: pick(['A', 'P', 'S', 'X']), ListPrice: String(50000 + Math.floor(r() * 900000)), City: pick(['Chicago', 'Evanston', 'Aurora', 'Elgin']),
  Beds: String(1 + (i % 6)), ModificationTimestamp: `2026-0${1 + (i % 9)}-1${i % 10}T10:00:00`, Features: pick(['FP,POOL', 'GAR', 'FP', '']),
}));
const pred = compile(parse('(Status=|A,P),~(City=Chi*),((ListPrice=200000-300000)|(Beds=4+)),(ModificationTimestamp=2026-03-01+),(Features=~POOL)').ast!);
let hits = 0;
const evalMs = time(() => { for (const row of rows) if (pred((c) => row[c as keyof typeof row])) hits += 1; });
console.log(`compile+evaluate 200,000 rows        ${evalMs.toFixed(1)} ms (${(evalMs * 1000 / rows.length).toFixed(2)} µs/row, ${hits} matched)`);

console.log('');
console.log(`goal: p95 < ${GOAL_MS} ms per completion and validation call -> ${p95c < GOAL_MS && p95v < GOAL_MS ? 'met' : 'NOT met'}`);
