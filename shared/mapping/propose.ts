// Proposes a mapping from a server's fields to a target vocabulary. Per resource, passes from the
// surest to the loosest, each a map lookup per field: the RETS StandardName, the same name,
// synonyms (the Data Dictionary's, then a short list of our own), the long name, similar words,
// then lookup values in common. A target field is taken once. Linear in fields and values, except
// the similar-words pass, which looks only at targets sharing a distinctive word.
import type { MetadataField, MetadataLookupValue, MetadataResource, RetsMetadata } from '../rets/metadata/model';
import { isLookupField } from '../rets/metadata/model';
import { KNOWN_SYNONYMS, meaningfulWords, normalizeName, wordSimilarity } from './names';
import type { TargetField, TargetVocabulary } from './target';
import { MAPPING_FORMAT, MAPPING_FORMAT_VERSION, type FieldMapping, type FieldReason, type MappingFile } from './types';
import { indexValues, proposeValues, type ValueIndex } from './values';

export interface ProposeOptions {
  /** Shown in the file and notes ("Demo MLS (RETS)"). */
  sourceName: string;
  profileId?: string;
  /** A mapping saved before: the user's confirmations, edits and rejections are kept. */
  previous?: MappingFile;
}

/** A word shared by more targets than this tells nothing ("date", "total"): it finds no candidates. */
const COMMON_WORD_LIMIT = 60;
/** A lookup value more targets share than this ("Other", "None", "Yes") tells nothing either. */
const COMMON_VALUE_LIMIT = 40;
const SIMILAR_MIN = 0.67;
const OVERLAP_MIN = 0.5;

interface Match { target: TargetField; reason: FieldReason; confidence: number; why: string }

class TargetIndex {
  readonly exact = new Map<string, TargetField>();
  readonly norm = new Map<string, TargetField>();
  readonly display = new Map<string, TargetField>();
  readonly synonym = new Map<string, TargetField>();
  readonly words = new Map<string, TargetField[]>();
  readonly wordsOf = new Map<TargetField, string[]>();
  readonly taken = new Set<TargetField>();
  /** Lookup key -> the fields that use it. */
  readonly byLookup = new Map<string, TargetField[]>();
  private valuePostings?: Map<string, string[]>;
  private readonly valueIndexes = new Map<string, ValueIndex>();

  constructor(readonly fields: readonly TargetField[], private readonly t: TargetVocabulary) {
    const put = (m: Map<string, TargetField>, k: string, f: TargetField) => { if (k && !m.has(k)) m.set(k, f); };
    for (const f of fields) {
      put(this.exact, f.name, f);
      put(this.norm, normalizeName(f.name), f);
      put(this.display, normalizeName(f.display), f);
      for (const s of f.synonyms) put(this.synonym, normalizeName(s), f);
      if (f.lookup) {
        const list = this.byLookup.get(f.lookup);
        if (list) list.push(f); else this.byLookup.set(f.lookup, [f]);
      }
      const words = [...new Set([...meaningfulWords(f.name), ...meaningfulWords(f.display)])];
      this.wordsOf.set(f, words);
      for (const w of words) {
        let list = this.words.get(w);
        if (!list) { list = []; this.words.set(w, list); }
        list.push(f);
      }
    }
  }

  free(f: TargetField | undefined): TargetField | undefined {
    return f && !this.taken.has(f) ? f : undefined;
  }

  values(key: string): ValueIndex | undefined {
    if (!key) return undefined;
    let idx = this.valueIndexes.get(key);
    if (!idx) {
      const list = this.t.lookups.get(key);
      if (!list) return undefined;
      idx = indexValues(list);
      this.valueIndexes.set(key, idx);
    }
    return idx;
  }

  /** Normalized value (and display) -> the lookups of this resource's fields that hold it. */
  postings(): Map<string, string[]> {
    if (this.valuePostings) return this.valuePostings;
    const m = new Map<string, string[]>();
    for (const lookup of this.byLookup.keys()) {
      for (const v of this.t.lookups.get(lookup) ?? []) {
        for (const k of new Set([normalizeName(v.value), normalizeName(v.display)])) {
          if (!k) continue;
          let list = m.get(k);
          if (!list) { list = []; m.set(k, list); }
          if (list.length <= COMMON_VALUE_LIMIT && list[list.length - 1] !== lookup) list.push(lookup);
        }
      }
    }
    this.valuePostings = m;
    return m;
  }
}

interface SourceField { field: MetadataField; values: readonly MetadataLookupValue[] }

function sourceFields(r: MetadataResource): SourceField[] {
  const seen = new Set<string>();
  const lookups = new Map(r.lookups.map((l) => [l.name, l.values]));
  const out: SourceField[] = [];
  for (const c of r.classes) for (const f of c.fields) {
    if (seen.has(f.systemName)) continue;
    seen.add(f.systemName);
    out.push({ field: f, values: isLookupField(f) ? lookups.get(f.lookupName) ?? [] : [] });
  }
  return out;
}

type Step = (s: SourceField, idx: TargetIndex) => Match | undefined;

const byStandardName: Step = (s, idx) => {
  const sn = s.field.standardName;
  if (!sn) return undefined;
  // The MLS said so: two of its fields may share one StandardName (one per class), so taken targets count.
  const exact = idx.exact.get(sn);
  if (exact) return { target: exact, reason: 'standard-name', confidence: 1, why: `The MLS's StandardName is ${sn}.` };
  const norm = idx.free(idx.norm.get(normalizeName(sn)));
  if (norm) return { target: norm, reason: 'standard-name', confidence: 0.95, why: `The MLS's StandardName "${sn}" is ${norm.name} but for case and punctuation.` };
  const syn = idx.free(idx.synonym.get(normalizeName(sn)));
  if (syn) return { target: syn, reason: 'standard-name', confidence: 0.9, why: `The MLS's StandardName "${sn}" is a Data Dictionary synonym of ${syn.name}.` };
  return undefined;
};

const bySameName: Step = (s, idx) => {
  const name = s.field.systemName;
  const exact = idx.free(idx.exact.get(name));
  if (exact) return { target: exact, reason: 'same-name', confidence: 0.9, why: `The field is named ${name} on both sides.` };
  const norm = idx.free(idx.norm.get(normalizeName(name)));
  if (norm) return { target: norm, reason: 'same-name', confidence: 0.85, why: `${name} is ${norm.name} but for case and punctuation.` };
  return undefined;
};

const bySynonym: Step = (s, idx) => {
  for (const n of [s.field.systemName, s.field.longName]) {
    const hit = idx.free(idx.synonym.get(normalizeName(n)));
    if (hit) return { target: hit, reason: 'synonym', confidence: 0.8, why: `"${n}" is a Data Dictionary synonym of ${hit.name}.` };
  }
  for (const n of [s.field.systemName, s.field.longName]) {
    const known = KNOWN_SYNONYMS[normalizeName(n)];
    const hit = known ? idx.free(idx.exact.get(known)) : undefined;
    if (hit) return { target: hit, reason: 'synonym', confidence: 0.7, why: `"${n}" is a name MLSs often use for ${hit.name}.` };
  }
  return undefined;
};

const byLongName: Step = (s, idx) => {
  const ln = s.field.longName;
  const k = normalizeName(ln);
  if (!k) return undefined;
  const hit = idx.free(idx.norm.get(k));
  if (hit) return { target: hit, reason: 'long-name', confidence: 0.75, why: `The long name "${ln}" spells ${hit.name}.` };
  const disp = idx.free(idx.display.get(k));
  if (disp) return { target: disp, reason: 'long-name', confidence: 0.7, why: `The long name "${ln}" is the display name of ${disp.name}.` };
  return undefined;
};

const bySimilarWords: Step = (s, idx) => {
  const words = [...new Set([...meaningfulWords(s.field.systemName), ...meaningfulWords(s.field.longName)])];
  const seen = new Set<TargetField>();
  let best: TargetField | undefined;
  let bestScore = 0;
  for (const w of words) {
    const list = idx.words.get(w);
    if (!list || list.length > COMMON_WORD_LIMIT) continue;
    for (const f of list) {
      if (seen.has(f) || idx.taken.has(f)) continue;
      seen.add(f);
      let score = wordSimilarity(words, idx.wordsOf.get(f) ?? []);
      if (Boolean(f.lookup) !== isLookupField(s.field)) score *= 0.85;
      if (score > bestScore) { bestScore = score; best = f; }
    }
  }
  if (!best || bestScore < SIMILAR_MIN) return undefined;
  return { target: best, reason: 'similar-name', confidence: Math.round((0.3 + 0.45 * bestScore) * 100) / 100, why: `The words of "${s.field.longName || s.field.systemName}" are like ${best.name}'s (similarity ${Math.round(bestScore * 100)}%).` };
};

const byLookupValues: Step = (s, idx) => {
  if (!s.values.length) return undefined;
  const postings = idx.postings();
  const counts = new Map<string, number>();
  for (const v of s.values) {
    const hits = new Set<string>();
    for (const k of [normalizeName(v.longValue), normalizeName(v.value)]) {
      const list = k ? postings.get(k) : undefined;
      if (list && list.length <= COMMON_VALUE_LIMIT) for (const l of list) hits.add(l);
    }
    for (const l of hits) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  let bestLookup = '';
  let bestCount = 0;
  for (const [l, n] of counts) if (n > bestCount) { bestCount = n; bestLookup = l; }
  const ratio = bestCount / s.values.length;
  if (!bestLookup || ratio < OVERLAP_MIN) return undefined;
  const target = idx.byLookup.get(bestLookup)?.find((f) => !idx.taken.has(f));
  if (!target) return undefined;
  return { target, reason: 'lookup-values', confidence: Math.round((0.3 + 0.4 * ratio) * 100) / 100, why: `${bestCount} of its ${s.values.length} lookup values are values of ${target.name}.` };
};

const STEPS: Step[] = [byStandardName, bySameName, bySynonym, byLongName, bySimilarWords, byLookupValues];

function pairResource(r: MetadataResource, t: TargetVocabulary): TargetVocabulary['resources'][number] | undefined {
  const keys = [r.id, r.standardName].filter(Boolean);
  for (const norm of [(x: string) => x, normalizeName]) {
    for (const k of keys) {
      const hit = t.resources.find((x) => norm(x.name) === norm(k) || norm(x.standardName) === norm(k));
      if (hit) return hit;
    }
  }
  return undefined;
}

function entry(resource: string, targetResource: string, s: SourceField, m: Match | undefined, idx: TargetIndex | undefined): FieldMapping {
  const base = { resource, field: s.field.systemName, longName: s.field.longName, targetResource };
  if (!m) return { ...base, target: null, reason: 'none', why: targetResource ? 'Nothing in the target matched.' : 'The target has no matching resource.', confidence: 0, status: 'proposed' };
  const out: FieldMapping = { ...base, target: m.target.name, reason: m.reason, why: m.why, confidence: m.confidence, status: 'proposed' };
  const vidx = idx?.values(m.target.lookup);
  if (s.values.length && vidx) out.values = proposeValues(s.values, vidx);
  return out;
}

function notesFor(t: TargetVocabulary, md: RetsMetadata): string[] {
  const notes: string[] = [];
  if (t.dictionary) notes.push(`Proposed against "${t.name}" with the names and synonyms of the Data Dictionary file "${t.dictionary}".`);
  else if (t.kind === 'data-dictionary' && t.hasSynonyms) notes.push(`Proposed against the Data Dictionary file "${t.name}"${t.version ? ` (version ${t.version})` : ''}, with its synonyms.`);
  else if (t.kind === 'data-dictionary') notes.push(`The Data Dictionary file "${t.name}" has no synonyms: proposals use the RETS StandardName, the dictionary's names and name similarity.`);
  else notes.push(`No Data Dictionary file: proposals use the RETS StandardName, the names of "${t.name}" and name similarity. Load a Data Dictionary file for its synonyms.`);
  if (md.odata?.unresolvedLookups.length) notes.push(`${md.odata.unresolvedLookups.length} of the source's lookups have their values in its Lookup resource, not in $metadata: their values are not mapped.`);
  return notes;
}

/** Keeps what the user decided: a field's decision, and decided values inside a re-proposed field. */
function keepDecisions(next: FieldMapping[], previous: MappingFile | undefined): FieldMapping[] {
  if (!previous) return next;
  const old = new Map(previous.fields.map((f) => [`${f.resource}\u0000${f.field}`, f]));
  return next.map((f) => {
    const p = old.get(`${f.resource}\u0000${f.field}`);
    if (!p) return f;
    if (p.status !== 'proposed') return p;
    const decided = new Map((p.values ?? []).filter((v) => v.status !== 'proposed' && p.target === f.target).map((v) => [v.code, v]));
    return decided.size && f.values ? { ...f, values: f.values.map((v) => decided.get(v.code) ?? v) } : f;
  });
}

/** The proposal: every field of `source` with its target (or none), reason and confidence. */
export function proposeMapping(source: RetsMetadata, target: TargetVocabulary, opts: ProposeOptions): MappingFile {
  const fields: FieldMapping[] = [];
  for (const r of source.resources) {
    const tr = pairResource(r, target);
    const list = sourceFields(r);
    const idx = tr ? new TargetIndex(tr.fields, target) : undefined;
    const matches = new Map<SourceField, Match>();
    if (idx) {
      for (const step of STEPS) {
        for (const s of list) {
          if (matches.has(s)) continue;
          const m = step(s, idx);
          if (m) { matches.set(s, m); idx.taken.add(m.target); }
        }
      }
    }
    for (const s of list) fields.push(entry(r.id, tr?.name ?? '', s, matches.get(s), idx));
  }
  const targetFields: Record<string, string[]> = {};
  for (const r of target.resources) targetFields[r.name] = r.fields.map((f) => f.name);
  return {
    format: MAPPING_FORMAT,
    version: MAPPING_FORMAT_VERSION,
    ...(opts.profileId ? { profileId: opts.profileId } : {}),
    source: { name: opts.sourceName, kind: source.odata ? 'webapi' : 'rets' },
    target: { name: target.name, kind: target.kind, ...(target.version ? { version: target.version } : {}), fields: targetFields },
    notes: notesFor(target, source),
    fields: keepDecisions(fields, opts.previous),
  };
}
