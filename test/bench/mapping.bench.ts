// A mapping proposal for 1,000 fields against 1,700 dictionary fields (issue 17's anchor: under
// 1 s): a generated Data Dictionary (names of 2-4 words from a 400-word vocabulary, synonyms,
// 150 lookups of 20 values) and an MLS whose fields carry a StandardName for a third, a long name
// like a dictionary field's for another third, and names of their own for the rest (the
// similar-words and lookup-value passes do their most work there). Run by `npm run bench` (own
// process); prints cold and median CPU times.
import { proposeMapping, type TargetField, type TargetValue, type TargetVocabulary } from '../../shared/mapping/index';
import type { MetadataField, MetadataLookup, RetsMetadata } from '../../shared/rets/metadata/model';

const GOAL_MS = 1000;
const SOURCE_FIELDS = 1000;
const DICTIONARY_FIELDS = 1700;
const LOOKUPS = 150;

function cpuMs(): number { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }

/** A fixed pseudo-random sequence (the same figures each run). */
let seed = 17;
function rnd(n: number): number { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }

const VOCABULARY = Array.from({ length: 400 }, (_, i) => `Word${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}x`);
const words = (n: number) => Array.from({ length: n }, () => VOCABULARY[rnd(VOCABULARY.length)]!);

function dictionary(): TargetVocabulary {
  const lookups = new Map<string, TargetValue[]>();
  for (let l = 0; l < LOOKUPS; l++) {
    lookups.set(`Enum${l}`, Array.from({ length: 20 }, (_, v) => ({ value: `Value${l}_${v}`, display: `Value ${l} ${v}`, synonyms: v % 5 === 0 ? [`Alt ${l} ${v}`] : [] })));
  }
  const fields: TargetField[] = [];
  for (let i = 0; i < DICTIONARY_FIELDS; i++) {
    const w = words(2 + rnd(3));
    fields.push({ resource: 'Property', name: `${w.join('')}${i}`, display: w.join(' '), dataType: 'Edm.String', synonyms: i % 4 === 0 ? [`Syn ${i}`] : [], lookup: i % 11 === 0 ? `Enum${i % LOOKUPS}` : '', multi: false });
  }
  return { kind: 'data-dictionary', name: 'bench DD', hasSynonyms: true, resources: [{ name: 'Property', standardName: 'Property', fields }], lookups };
}

function source(dd: TargetVocabulary): RetsMetadata {
  const targets = dd.resources[0]!.fields;
  const fields: MetadataField[] = [];
  const lookups: MetadataLookup[] = [];
  for (let i = 0; i < SOURCE_FIELDS; i++) {
    const t = targets[(i * 7) % targets.length]!;
    const kind = i % 3;
    const lookup = i % 9 === 2 || i % 9 === 0 ? `L${i}` : '';
    if (lookup) lookups.push({ name: lookup, visibleName: '', raw: {}, values: Array.from({ length: 20 }, (_, v) => ({ value: `C${v}`, shortValue: '', longValue: v % 4 ? `Value ${i % LOOKUPS} ${v}` : `Mine ${v}`, raw: {} })) });
    fields.push({
      systemName: `LIST_${i}`, standardName: kind === 0 ? t.name : '', longName: kind === 1 ? t.display : words(3).join(' '),
      dbName: '', shortName: '', dataType: 'Character', interpretation: lookup ? 'Lookup' : '', lookupName: lookup, searchable: true,
      units: '', required: false, editMaskId: '', searchHelpId: '', raw: {},
    });
  }
  return {
    resources: [{ id: 'Property', standardName: 'Property', visibleName: '', description: '', keyField: '', classes: [{ name: 'RES', standardName: '', visibleName: '', description: '', fields, updates: [], raw: {} }], lookups, objects: [], searchHelps: [], editMasks: [], raw: {} }],
    tables: [], warnings: [],
  };
}

const dd = dictionary();
const md = source(dd);
const once = () => { const t = cpuMs(); const m = proposeMapping(md, dd, { sourceName: 'bench MLS' }); return { ms: cpuMs() - t, m }; };
const cold = once();
const runs: number[] = [];
for (let i = 0; i < 7; i++) runs.push(once().ms);
runs.sort((a, b) => a - b);
const byReason: Record<string, number> = {};
for (const f of cold.m.fields) byReason[f.reason] = (byReason[f.reason] ?? 0) + 1;
console.log(`proposal ${SOURCE_FIELDS} fields -> ${DICTIONARY_FIELDS}  cold ${cold.ms.toFixed(1).padStart(6)} ms  median ${runs[3]!.toFixed(1).padStart(6)} ms  goal < ${GOAL_MS} ms: ${cold.ms < GOAL_MS ? 'met' : 'MISSED'} (${Object.entries(byReason).map(([k, v]) => `${k} ${v}`).join(', ')})`);
if (cold.ms >= GOAL_MS) process.exitCode = 1;
