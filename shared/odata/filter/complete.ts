// Completion for the $filter editor, a pure function of (filter, offset, schema) with the same
// result shape as DMQL2's: properties (and navigation paths, lambda variables, functions) where
// an operand goes; operators fitting the operand's type after it; lookup values, enum members,
// true/false and date templates after a comparison; `and`/`or`/`)` after a condition. Also the
// field lists of $select and $orderby.
import type { CompleteOptions, CompletionResult, Suggestion, SuggestionKind } from '../../dmql/complete';
import type { SourceRange } from './ast';
import { endsOperand, isOperatorWord, operandEndingAt, scanFrames, type Frame } from './context';
import { FUNCTIONS } from './functions';
import { isOpenEnded, lex, quote, unquote } from './lexer';
import type { FilterField, FilterLookup, FilterSchema, FilterType } from './schema';
import type { Token } from './tokens';
import { isNumeric, resolveMember, type Scope, type TypeInfo } from './typing';
import { pathEndingAt } from './context';

export type { CompleteOptions, CompletionResult, Suggestion, SuggestionKind };

const pad = (n: number) => String(n).padStart(6, '0');

export function describeField(f: FilterField): string {
  const bits = [f.type];
  if (f.lookup) bits.push(`lookup ${f.lookup.name}`);
  if (f.maxLength !== undefined) bits.push(`max ${f.maxLength}`);
  if (f.displayName && f.displayName !== f.name) bits.unshift(f.displayName);
  return bits.join(' · ');
}

interface Ctx {
  src: string; at: number; range: SourceRange; typed: string; limit: number; now: Date; schema?: FilterSchema; scope: Scope; frames: Frame[];
}

function item(ctx: Ctx, s: Omit<Suggestion, 'range' | 'filterText'> & { range?: SourceRange }): Suggestion {
  const range = s.range ?? ctx.range;
  return { ...s, range, filterText: ctx.src.slice(range.start, ctx.at) || s.label };
}

/** Matches by prefix first (score 0), then anywhere in the name (1); case-insensitive. */
function score(name: string, typed: string): number {
  if (!typed) return 0;
  const l = name.toLowerCase();
  const t = typed.toLowerCase();
  return l.startsWith(t) ? 0 : l.includes(t) ? 1 : -1;
}

interface NameIndex { sorted: FilterField[]; lower: string[] }

/** Per type (once): fields sorted by name, with lower-cased names, so a keystroke sorts nothing. */
export function nameIndex(type: FilterType): NameIndex {
  let idx = type.cache.get('completionNames') as NameIndex | undefined;
  if (!idx) {
    const sorted = [...type.fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    idx = { sorted, lower: sorted.map((f) => f.name.toLowerCase()) };
    type.cache.set('completionNames', idx);
  }
  return idx;
}

function fieldItems(ctx: Ctx, type: FilterType, out: Suggestion[], prefix = ''): number {
  const { sorted, lower } = nameIndex(type);
  const t = ctx.typed.toLowerCase();
  // Prefix matches first, then names containing the text; each group in name order.
  const buckets: number[][] = [[], []];
  let total = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const s = !t || lower[i].startsWith(t) ? 0 : lower[i].includes(t) ? 1 : -1;
    if (s < 0) continue;
    total += 1;
    if (buckets[0].length + buckets[1].length < ctx.limit || s === 0) buckets[s].push(i);
  }
  let n = 0;
  for (const [s, ids] of buckets.entries()) {
    for (const i of ids) {
      if (n >= ctx.limit) break;
      const f = sorted[i];
      out.push(item(ctx, { label: f.name, insertText: prefix + f.name, kind: 'field', detail: describeField(f), documentation: f.description, sortText: `1${s}${pad(out.length)}` }));
      n += 1;
    }
  }
  return total;
}

function functionItems(ctx: Ctx, out: Suggestion[]): void {
  for (const f of FUNCTIONS) {
    if (score(f.name, ctx.typed) !== 0 || !ctx.typed && f.name.startsWith('geo.')) continue;
    out.push(item(ctx, { label: f.name, insertText: f.snippet, snippet: true, kind: 'template', detail: f.display, documentation: f.doc, sortText: `3${pad(out.length)}` }));
  }
}

function operandItems(ctx: Ctx): CompletionResult {
  const out: Suggestion[] = [];
  for (const [name, t] of ctx.scope) {
    if (score(name, ctx.typed) < 0) continue;
    out.push(item(ctx, { label: name, insertText: name, kind: 'field', detail: `lambda variable${t.field ? ` over ${t.field.name} (${t.field.type})` : ''}`, sortText: `0${pad(out.length)}` }));
  }
  let total = 0;
  if (ctx.schema) total = fieldItems(ctx, ctx.schema.root, out);
  functionItems(ctx, out);
  for (const [w, d] of [['not', 'negates the condition that follows'], ['true', 'Boolean'], ['false', 'Boolean'], ['null', 'no value']]) {
    if (score(w, ctx.typed) === 0) out.push(item(ctx, { label: w, insertText: w, kind: 'keyword', detail: d, sortText: `4${pad(out.length)}` }));
  }
  if (!ctx.typed) out.push(item(ctx, { label: '(', insertText: '(', kind: 'paren', detail: 'group conditions', sortText: '5' }));
  return { items: out, range: ctx.range, incomplete: total > ctx.limit || ctx.typed !== '' };
}

function memberItems(ctx: Ctx, parent: TypeInfo): CompletionResult {
  const out: Suggestion[] = [];
  if (parent.collection) {
    const v = (parent.field?.name[0] ?? 'x').toLowerCase();
    for (const op of ['any', 'all'] as const) {
      if (score(op, ctx.typed) !== 0) continue;
      out.push(item(ctx, { label: `${op}(…)`, insertText: `${op}(${v}: ${v} \${1:eq} \${2})`, snippet: true, kind: 'template', detail: op === 'any' ? 'true when some item matches' : 'true when every item matches', sortText: `0${op}` }));
    }
    if (score('$count', ctx.typed) === 0) out.push(item(ctx, { label: '$count', insertText: '$count', kind: 'keyword', detail: 'number of items', sortText: '1' }));
  } else if (parent.structured) fieldItems(ctx, parent.structured, out);
  return { items: out, range: ctx.range, incomplete: ctx.typed !== '' };
}

const ORDERABLE = new Set(['int', 'decimal', 'double', 'date', 'datetimeoffset', 'timeofday', 'duration', 'string', 'enum', 'guid']);

function operatorItems(ctx: Ctx, left: TypeInfo, condition: boolean): CompletionResult {
  const out: Suggestion[] = [];
  const add = (label: string, detail: string, kind: SuggestionKind = 'operator', insertText = `${label} `) => {
    if (score(label, ctx.typed) === 0) out.push(item(ctx, { label, insertText, kind, detail, sortText: `${out.length < 10 ? '0' : ''}${pad(out.length)}` }));
  };
  const inFrame = ctx.frames.length > 0;
  if (condition || left.kind === 'boolean') {
    add('and', 'both conditions must hold');
    add('or', 'either condition may hold');
    if (inFrame) out.push(item(ctx, { label: ')', insertText: ')', kind: 'paren', detail: 'close', sortText: '0', range: { start: ctx.at, end: ctx.at } }));
    if (condition) return { items: out, range: ctx.range, incomplete: false };
  }
  if (left.collection) {
    const v = (left.field?.name[0] ?? 'x').toLowerCase();
    out.push(item(ctx, { label: '/any(…)', insertText: `/any(${v}: ${v} \${1:eq} \${2})`, snippet: true, kind: 'template', detail: `${left.field?.name ?? 'it'} holds several values: test them with a lambda`, sortText: '0', range: { start: ctx.at, end: ctx.at } }));
    return { items: out, range: ctx.range, incomplete: false };
  }
  add('eq', 'equal (case-sensitive for text)');
  add('ne', 'not equal');
  if (ORDERABLE.has(left.kind) || left.kind === 'unknown') {
    for (const [op, d] of [['gt', 'greater than'], ['ge', 'greater than or equal'], ['lt', 'less than'], ['le', 'less than or equal']]) add(op, d);
  }
  if (!ctx.schema || ctx.schema.version === '4.01') add('in', 'one of a list (OData 4.01)', 'operator', 'in (');
  if (left.kind === 'enum') add('has', `has the flag(s)${left.enumType?.isFlags ? '' : ' (this enumeration is not IsFlags: eq is usual)'}`);
  if (isNumeric(left.kind) || left.kind === 'unknown') {
    for (const [op, d] of [['add', 'plus'], ['sub', 'minus'], ['mul', 'times'], ['div', 'divided by (whole numbers: integer division)'], ['divby', 'divided by, with decimals'], ['mod', 'remainder']]) add(op, d);
  }
  if (left.kind === 'datetimeoffset' || left.kind === 'date') { add('add', 'plus a duration'); add('sub', 'minus a duration or a date'); }
  if (inFrame) out.push(item(ctx, { label: ')', insertText: ')', kind: 'paren', detail: 'close', sortText: '9', range: { start: ctx.at, end: ctx.at } }));
  return { items: out, range: ctx.range, incomplete: false };
}

interface LookupText { value: string[]; other: string[] }
const lookupText = new WeakMap<FilterLookup, LookupText>();

/** Lookup values matching typed text: LookupValue prefix first, then LookupValue containing it or a standard/legacy name starting with it. */
function matchLookup(lookup: FilterLookup, typed: string, limit: number): { hits: number[]; total: number } {
  if (typed === '') return { hits: lookup.values.slice(0, limit).map((_, i) => i), total: lookup.values.length };
  let lt = lookupText.get(lookup);
  if (!lt) {
    lt = { value: lookup.values.map((v) => v.value.toLowerCase()), other: lookup.values.map((v) => `${v.standardValue ?? ''}\u0000${v.legacyODataValue ?? ''}`.toLowerCase()) };
    lookupText.set(lookup, lt);
  }
  const t = typed.toLowerCase();
  const first: number[] = [];
  const second: number[] = [];
  let total = 0;
  for (let i = 0; i < lt.value.length; i += 1) {
    const v = lt.value[i];
    if (v.startsWith(t)) { total += 1; if (first.length < limit) first.push(i); continue; }
    const o = lt.other[i];
    if (v.includes(t) || o.startsWith(t) || o.includes(`\u0000${t}`)) { total += 1; if (first.length + second.length < limit) second.push(i); }
  }
  return { hits: [...first, ...second].slice(0, limit), total };
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function valueItems(ctx: Ctx, left: TypeInfo, inString: boolean): CompletionResult {
  const out: Suggestion[] = [];
  const typed = inString ? unquote(ctx.typed) : ctx.typed;
  const f = left.field;
  let incomplete = false;
  if (f?.lookup) {
    const lookup = f.lookup;
    const ids = matchLookup(lookup, typed, ctx.limit);
    incomplete = ids.total > ctx.limit || typed !== '';
    for (const i of ids.hits) {
      const v = lookup.values[i];
      const extra = [v.standardValue && v.standardValue !== v.value ? `standard: ${v.standardValue}` : '', v.legacyODataValue && v.legacyODataValue !== v.value ? `enum: ${v.legacyODataValue}` : ''].filter((x) => x).join(' · ');
      const s = item(ctx, { label: v.value, insertText: quote(v.value), kind: 'lookup', detail: extra || `lookup ${lookup.name}`, documentation: v.description, sortText: `1${pad(out.length)}` });
      // Inside a string the typed text starts with the quote: filter on the quoted value.
      s.filterText = inString ? quote(v.value) : v.value;
      out.push(s);
    }
  } else if (left.kind === 'enum' && left.enumType) {
    const en = left.enumType;
    for (const m of en.members) {
      if (score(m.name, typed) < 0 && score(`${en.name}'${m.name}'`, typed) < 0) continue;
      const s = item(ctx, { label: m.name, insertText: `${en.name}'${m.name}'`, kind: 'lookup', detail: `${en.name} = ${m.value}`, documentation: m.description, sortText: `1${pad(out.length)}` });
      s.filterText = inString ? `${en.name}'${m.name}'` : m.name;
      out.push(s);
      if (out.length >= ctx.limit) { incomplete = true; break; }
    }
  } else if (left.kind === 'boolean') {
    for (const b of ['true', 'false']) if (score(b, typed) === 0) out.push(item(ctx, { label: b, insertText: b, kind: 'value', detail: 'Boolean', sortText: `1${b}` }));
  } else if (left.kind === 'datetimeoffset') {
    const day = isoDay(ctx.now);
    out.push(item(ctx, { label: `${day}T00:00:00Z`, insertText: `\${1:${day}}T00:00:00Z`, snippet: true, kind: 'template', detail: 'a moment (UTC)', sortText: '10' }));
    out.push(item(ctx, { label: 'now()', insertText: 'now()', kind: 'template', detail: 'the current moment', sortText: '11' }));
  } else if (left.kind === 'date') {
    out.push(item(ctx, { label: isoDay(ctx.now), insertText: `\${1:${isoDay(ctx.now)}}`, snippet: true, kind: 'template', detail: 'a date', sortText: '10' }));
  } else if (left.kind === 'string' && !inString) {
    out.push(item(ctx, { label: "'text'", insertText: "'${1:text}'", snippet: true, kind: 'template', detail: 'text in single quotes', sortText: '10' }));
  }
  if (!inString && (!f || f.nullable) && score('null', typed) === 0) out.push(item(ctx, { label: 'null', insertText: 'null', kind: 'keyword', detail: 'no value', sortText: '8' }));
  return { items: out, range: ctx.range, incomplete };
}

/** The word-like token the cursor is in or at the end of, or a quoted token it is inside. */
function tokenAt(tokens: Token[], at: number): number {
  for (let k = 0; k < tokens.length; k += 1) {
    const t = tokens[k];
    if (t.start >= at) break;
    const quoted = t.kind === 'string' || t.kind === 'typed';
    if (quoted && (at < t.end || (at === t.end && isOpenEnded(t)))) return k;
    if (at <= t.end && (t.kind === 'name' || t.kind === 'number')) return k;
  }
  return -1;
}

/** Completion at `offset` in a $filter. */
export function completeFilter(src: string, offset: number, schema?: FilterSchema, opts: CompleteOptions = {}): CompletionResult {
  const at = Math.max(0, Math.min(offset, src.length));
  const tokens = lex(src);
  const w = tokenAt(tokens, at);
  const word = w >= 0 ? tokens[w] : undefined;
  const upto = word ? w : tokens.findIndex((t) => t.start >= at || t.kind === 'eof');
  const { frames, scope } = scanFrames(tokens, upto, schema);
  const range = word ? { start: word.start, end: Math.max(word.end, at) } : { start: at, end: at };
  const ctx: Ctx = { src, at, range, typed: src.slice(range.start, at), limit: opts.limit ?? 100, now: (opts.now ?? (() => new Date()))(), schema, scope, frames };
  const inString = word !== undefined && (word.kind === 'string' || word.kind === 'typed');
  const prev = tokens[upto - 1];
  const frame = frames[frames.length - 1];

  // After `A/`: the members of A (or any/all on a collection).
  if (prev?.kind === 'slash') {
    const path = pathEndingAt(tokens, upto - 2);
    return memberItems(ctx, path ? resolveMember(path.member, schema, scope) : { kind: 'unknown', collection: false });
  }
  // After a comparison (or inside an `in` list): values fitting the left operand.
  const pw = isOperatorWord(prev) ? prev.text.toLowerCase() : '';
  const comparison = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'has'].includes(pw);
  if (comparison || (frame?.kind === 'in' && (prev?.kind === 'lparen' || prev?.kind === 'comma'))) {
    const leftEnd = comparison ? upto - 2 : frame.open - 2;
    const left = operandEndingAt(tokens, leftEnd, schema, scope);
    return valueItems(ctx, left?.type ?? { kind: 'unknown', collection: false }, inString);
  }
  if (inString) return { items: [], range: ctx.range, incomplete: false };
  // After an operand: operators for its type; after a whole comparison: and/or.
  if (endsOperand(prev) && (!word || word.spaceBefore)) {
    const left = operandEndingAt(tokens, upto - 1, schema, scope);
    const before = left ? tokens[left.start - 1] : undefined;
    const bw = isOperatorWord(before) ? before!.text.toLowerCase() : '';
    const condition = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'has', 'in'].includes(bw) || (prev?.kind === 'rparen' && frame === undefined && left?.type.kind === 'boolean' && bw === '');
    return operatorItems(ctx, left?.type ?? { kind: 'unknown', collection: false }, condition);
  }
  return operandItems(ctx);
}

/** Completion in a $select or $orderby list: properties not chosen yet; `asc`/`desc` after one in $orderby. */
export function completeFieldList(src: string, offset: number, schema: FilterSchema, opts: CompleteOptions & { orderby?: boolean } = {}): CompletionResult {
  const at = Math.max(0, Math.min(offset, src.length));
  const itemStart = src.lastIndexOf(',', at - 1) + 1;
  const current = src.slice(itemStart, at);
  const chosen = new Set(src.split(',').map((s) => s.trim().split(/\s+/)[0]).filter((s) => s));
  const lead = current.length - current.trimStart().length;
  const words = current.trim().split(/\s+/);
  const out: Suggestion[] = [];
  if (opts.orderby && words.length === 2 || (opts.orderby && words.length === 1 && /\s$/.test(current) && words[0] !== '')) {
    const typed = words.length === 2 ? words[1] : '';
    const range = { start: at - typed.length, end: at };
    for (const d of ['asc', 'desc']) if (d.startsWith(typed.toLowerCase())) out.push({ label: d, insertText: d, kind: 'keyword', detail: d === 'asc' ? 'ascending (the default)' : 'descending', sortText: d, range, filterText: typed || d });
    return { items: out, range, incomplete: false };
  }
  const typedPath = current.slice(lead);
  const slash = typedPath.lastIndexOf('/');
  const typed = typedPath.slice(slash + 1);
  const range = { start: at - typed.length, end: at };
  let type: FilterType | undefined = schema.root;
  if (slash >= 0) {
    const segs = typedPath.slice(0, slash).split('/').map((name) => ({ name, range }));
    const t = resolveMember({ kind: 'member', segments: segs, range }, schema, new Map());
    type = t.collection ? undefined : t.structured;
  }
  const ctx: Ctx = { src, at, range, typed, limit: opts.limit ?? 100, now: new Date(0), schema, scope: new Map(), frames: [] };
  if (!type) return { items: [], range, incomplete: false };
  const all: Suggestion[] = [];
  const total = fieldItems({ ...ctx, limit: ctx.limit + chosen.size }, type, all);
  for (const s of all) if (slash >= 0 || !chosen.has(s.label) || s.label === typedPath) out.push(s);
  return { items: out.slice(0, ctx.limit), range, incomplete: total > ctx.limit || typed !== '' };
}
