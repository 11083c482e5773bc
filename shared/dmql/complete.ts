// Completion for the DMQL2 editor: a pure function of (query, offset, schema). Field names
// match SystemName, StandardName or LongName ("list pr" finds ListPrice); after `=` come the
// value operators and templates for the field's type; inside a lookup field's value list only
// that lookup's values, with their LongValue; after a value, `)`; after a condition, AND/OR.
import type { SourceRange } from './ast';
import { scan, type ScanState } from './context';
import { searchFields } from './fieldIndex';
import { formatCode } from './format';
import { isOpenEnded, lex } from './lexer';
import type { DmqlField, DmqlLookup, DmqlSchema } from './schema';
import type { Token } from './tokens';

export type SuggestionKind = 'field' | 'operator' | 'value' | 'lookup' | 'template' | 'keyword' | 'paren';

export interface Suggestion {
  label: string;
  /** Text to insert over `range`; a Monaco snippet (with ${1:…} tab stops) when `snippet` is true. */
  insertText: string;
  kind: SuggestionKind;
  detail: string;
  documentation?: string;
  sortText: string;
  range: SourceRange;
  /** What the editor should filter on: the text typed in `range` (so fuzzy matches stay listed). */
  filterText?: string;
  snippet?: boolean;
}

export interface CompletionResult {
  items: Suggestion[];
  range: SourceRange;
  /** True when the list was cut to `limit` or depends on what is typed next: ask again on each keystroke. */
  incomplete: boolean;
}

export interface CompleteOptions {
  /** Most items returned (default 100). */
  limit?: number;
  /** Clock for the date templates (default: the real one). */
  now?: () => Date;
}

const WORDISH = new Set(['text', 'number', 'and', 'or', 'not', 'today', 'now', 'date', 'datetime', 'time', 'empty', 'any']);

function pad(n: number): string {
  return String(n).padStart(6, '0');
}

/** The word-like token the cursor is in or at the end of. */
function wordAt(tokens: Token[], offset: number): number {
  for (let k = 0; k < tokens.length; k += 1) {
    const t = tokens[k];
    if (t.start >= offset) break;
    if (offset <= t.end && WORDISH.has(t.kind)) return k;
  }
  return -1;
}

export function describeFieldDetail(f: DmqlField): string {
  const type = f.lookup ? `${f.multi ? 'multi-value lookup' : 'lookup'} ${f.lookup.name}` : f.dataType || 'untyped';
  return `${f.longName || f.name} · ${type}${f.units ? ` · ${f.units}` : ''}${f.searchable ? '' : ' · not searchable'}`;
}

function fieldDoc(f: DmqlField): string {
  const lines = [`**${f.longName || f.name}**`, '', `SystemName \`${f.systemName}\``];
  if (f.standardName) lines.push(`StandardName \`${f.standardName}\``);
  lines.push(`DataType ${f.dataType}${f.interpretation ? ` (${f.interpretation})` : ''}${f.maximumLength ? `, at most ${f.maximumLength} characters` : ''}`);
  if (f.units) lines.push(`Units ${f.units}`);
  if (!f.searchable) lines.push('Not searchable on this server.');
  if (f.lookup) {
    const shown = f.lookup.values.slice(0, 8).map((v) => `\`${v.value}\` ${v.longValue}`).join(', ');
    lines.push(`Lookup ${f.lookup.name}: ${f.lookup.values.length} values${shown ? ` — ${shown}${f.lookup.values.length > 8 ? ', …' : ''}` : ''}`);
  }
  return lines.join('  \n');
}

export function complete(query: string, offset: number, schema?: DmqlSchema, opts: CompleteOptions = {}): CompletionResult {
  const at = Math.max(0, Math.min(offset, query.length));
  const limit = opts.limit ?? 100;
  const tokens = lex(query);
  const w = wordAt(tokens, at);
  const word = w >= 0 ? tokens[w] : undefined;
  // Inside a quoted string nothing is suggested.
  const inString = tokens.find((t) => t.kind === 'string' && t.start < at && (at < t.end || (at === t.end && isOpenEnded(t.text))));
  if (inString) return { items: [], range: { start: at, end: at }, incomplete: false };
  let upto = tokens.findIndex((t) => t.start >= at || t.kind === 'eof');
  if (word) upto = w;
  // `.EMP` lexes as `.` + EMP: let the dot belong to the word being typed.
  let start = word ? word.start : at;
  if (word && upto > 0 && tokens[upto - 1].kind === 'invalid' && tokens[upto - 1].text === '.' && tokens[upto - 1].end === word.start) {
    upto -= 1;
    start -= 1;
  } else if (!word && upto > 0 && tokens[upto - 1].kind === 'invalid' && tokens[upto - 1].text === '.' && tokens[upto - 1].end === at) {
    upto -= 1;
    start -= 1;
  }
  const st = scan(tokens, upto);
  const range = { start, end: word ? Math.max(word.end, at) : at };
  const ctx: Ctx = { query, at, st, schema, range, typed: query.slice(range.start, at), limit, now: (opts.now ?? (() => new Date()))() };
  switch (st.mode) {
    case 'element':
    case 'open':
    case 'field':
      return fieldItems(ctx);
    case 'value':
      return valueItems(ctx);
    case 'after':
      return afterItems(ctx);
  }
}

interface Ctx {
  query: string; at: number; st: ScanState; schema?: DmqlSchema; range: SourceRange; typed: string; limit: number; now: Date;
}

function item(ctx: Ctx, s: Omit<Suggestion, 'range' | 'filterText'> & { range?: SourceRange }): Suggestion {
  return { ...s, range: s.range ?? ctx.range, filterText: ctx.query.slice((s.range ?? ctx.range).start, ctx.at) || s.label };
}

function fieldItems(ctx: Ctx): CompletionResult {
  const { st, schema } = ctx;
  // Multi-word field search ("list pr") reaches back to where the name starts.
  let start = ctx.range.start;
  if (st.mode === 'field' && st.fieldWords.length) start = st.fieldWords[0].start;
  const range = { start, end: ctx.range.end };
  const typedRaw = ctx.query.slice(start, ctx.at);
  const typed = typedRaw.trim();
  const items: Suggestion[] = [];
  // A field typed where a condition starts (no `(` yet) is inserted with its `(`.
  const prefixParen = ctx.query.slice(0, start).trimEnd().endsWith('(') ? '' : '(';
  if (schema) {
    const exact = schema.byName.get(typed);
    if (exact && /\s$/.test(typedRaw)) {
      items.push({ label: '=', insertText: '=', kind: 'operator', detail: `compare ${exact.name} with a value`, sortText: '0', range: { start: ctx.at, end: ctx.at } });
      return { items, range: items[0].range, incomplete: false };
    }
    const { matches, total } = searchFields(schema, typed, ctx.limit);
    matches.forEach((m, k) => {
      const f = m.field;
      const score = m.score + (f.searchable ? 0 : 4);
      items.push({
        label: f.name, insertText: `${prefixParen}${f.name}=`, kind: 'field', detail: describeFieldDetail(f), documentation: fieldDoc(f),
        sortText: `${score}${pad(k)}`, range, filterText: typedRaw || f.name,
      });
    });
    if (st.mode === 'element' && !typed) addElementStarters(ctx, items);
    items.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
    return { items, range, incomplete: total > matches.length || typed !== '' };
  }
  if (st.mode === 'element' && !typed) addElementStarters(ctx, items);
  return { items, range, incomplete: true };
}

function addElementStarters(ctx: Ctx, items: Suggestion[]): void {
  items.push(item(ctx, { label: '(', insertText: '(', kind: 'paren', detail: 'start a condition (Field=value) or a group', sortText: '90' }));
  items.push(item(ctx, { label: '~', insertText: '~', kind: 'operator', detail: 'NOT: exclude what the next condition matches', sortText: '91' }));
}

/** The editor closed the condition as its `(` was typed: `)` already follows the cursor, and a
 *  second one offered there would only unbalance the query. */
function closedAlready(ctx: Ctx): boolean {
  return ctx.query.charCodeAt(ctx.at) === 41;
}

function closeParen(ctx: Ctx, sort = '5'): Suggestion {
  return item(ctx, { label: ')', insertText: ')', kind: 'paren', detail: 'close the condition', sortText: sort, range: { start: ctx.at, end: ctx.at } });
}

function afterItems(ctx: Ctx): CompletionResult {
  const items: Suggestion[] = [
    item(ctx, { label: ',', insertText: ',', kind: 'operator', detail: 'AND: both conditions must match', sortText: '1' }),
    item(ctx, { label: '|', insertText: '|', kind: 'operator', detail: 'OR: either condition may match', sortText: '2' }),
    item(ctx, { label: 'AND', insertText: ' AND ', kind: 'keyword', detail: 'same as `,`', sortText: '3' }),
    item(ctx, { label: 'OR', insertText: ' OR ', kind: 'keyword', detail: 'same as `|`', sortText: '4' }),
  ];
  if (ctx.st.depth > 0) items.unshift(item(ctx, { label: ')', insertText: ')', kind: 'paren', detail: 'close the group', sortText: '0' }));
  return { items, range: ctx.range, incomplete: false };
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function templates(ctx: Ctx, f: DmqlField | undefined): Suggestion[] {
  const t = (label: string, insertText: string, detail: string, k: number, kind: SuggestionKind = 'template', snippet = true): Suggestion =>
    item(ctx, { label, insertText, kind, detail, sortText: `3${pad(k)}`, snippet });
  const today = isoDay(ctx.now);
  const monthStart = `${today.slice(0, 8)}01`;
  const out: Suggestion[] = [];
  switch (f?.kind) {
    case 'number':
      out.push(t('min-max', '${1:100000}-${2:200000}', 'between, inclusive', 0), t('n+', '${1:3}+', 'at least', 1), t('n-', '${1:500000}-', 'at most', 2), t('n', '${1:0}', 'equal to', 3));
      break;
    case 'date':
      out.push(t('TODAY', 'TODAY', "today's date", 0, 'keyword', false), t(`${today}+`, `\${1:${today}}+`, 'on or after a date', 1),
        t(`${monthStart}-${today}`, `\${1:${monthStart}}-\${2:${today}}`, 'between two dates, inclusive', 2), t(`${today}-`, `\${1:${today}}-`, 'on or before a date', 3), t('TODAY-', 'TODAY-', 'on or before today', 4, 'template', false));
      break;
    case 'datetime':
      out.push(t('NOW', 'NOW', 'the current date and time', 0, 'keyword', false), t(`${today}T00:00:00+`, `\${1:${today}T00:00:00}+`, 'at or after a moment', 1),
        t(`${today}T00:00:00-NOW`, `\${1:${today}T00:00:00}-NOW`, 'from a moment until now', 2), t(`${today}+`, `\${1:${today}}+`, 'on or after a day', 3), t('TODAY', 'TODAY', 'today (whole day)', 4, 'keyword', false));
      break;
    case 'time':
      out.push(t('08:00:00-17:00:00', '${1:08:00:00}-${2:17:00:00}', 'between two times', 0), t('12:00:00+', '${1:12:00:00}+', 'at or after a time', 1));
      break;
    case 'boolean':
      out.push(t('1', '1', 'yes', 0, 'value', false), t('0', '0', 'no', 1, 'value', false));
      break;
    case 'lookup':
      break;
    default:
      out.push(t('Abc*', '${1:Abc}*', 'starts with', 0), t('*abc*', '*${1:abc}*', 'contains', 1), t('"text"', '"${1:text}"', 'exactly this text (spaces and punctuation allowed)', 2), t('A-M', '${1:A}-${2:M}', 'alphabetical range', 3));
  }
  out.push(t('.EMPTY.', '.EMPTY.', 'has no value', 8, 'keyword', false), t('.ANY.', '.ANY.', 'has any value', 9, 'keyword', false));
  return out;
}

interface LookupWords { words: string[]; ids: number[]; scores: Int8Array }
const lookupWords = new WeakMap<DmqlLookup, LookupWords>();

/** Per lookup (lazily, once): every Value, ShortValue, LongValue and LongValue word, sorted. */
function wordsOf(lookup: DmqlLookup): LookupWords {
  let w = lookupWords.get(lookup);
  if (w) return w;
  const pairs: [string, number][] = [];
  lookup.values.forEach((v, i) => {
    const set = new Set([v.value.toLowerCase(), v.shortValue.toLowerCase(), v.longValue.toLowerCase(), ...v.longValue.toLowerCase().split(/[^a-z0-9\u00c0-\uffff]+/)]);
    for (const x of set) if (x) pairs.push([x, i]);
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  w = { words: pairs.map((p) => p[0]), ids: pairs.map((p) => p[1]), scores: new Int8Array(lookup.values.length).fill(-1) };
  lookupWords.set(lookup, w);
  return w;
}

/** Lookup values matching the typed text (Value, ShortValue, LongValue or a word of it), best first. */
export function matchLookupValues(lookup: DmqlLookup, typed: string, exclude: Set<string>, limit: number): number[] {
  const p = typed.toLowerCase();
  if (p === '') {
    const out: number[] = [];
    for (let k = 0; k < lookup.values.length && out.length < limit; k += 1) if (!exclude.has(lookup.values[k].value)) out.push(k);
    return out;
  }
  const w = wordsOf(lookup);
  let lo = 0;
  let hi = w.words.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (w.words[mid] < p) lo = mid + 1; else hi = mid; }
  const touched: number[] = [];
  for (let k = lo; k < w.words.length && w.words[k].startsWith(p); k += 1) {
    const id = w.ids[k];
    if (w.scores[id] >= 0) continue;
    const v = lookup.values[id].value.toLowerCase();
    w.scores[id] = v === p ? 0 : v.startsWith(p) ? 1 : 2;
    touched.push(id);
  }
  const buckets: number[][] = [[], [], []];
  for (const id of touched) {
    if (!exclude.has(lookup.values[id].value)) buckets[w.scores[id]].push(id);
    w.scores[id] = -1;
  }
  const out: number[] = [];
  for (const b of buckets) {
    b.sort((x, y) => x - y);
    for (const id of b) { if (out.length >= limit) return out; out.push(id); }
  }
  return out;
}

function lookupItems(ctx: Ctx, f: DmqlField, lookup: DmqlLookup, exclude: Set<string>): Suggestion[] {
  return matchLookupValues(lookup, ctx.typed, exclude, ctx.limit).map((k, n) => {
    const v = lookup.values[k];
    return item(ctx, {
      label: v.value, insertText: formatCode(v.value), kind: 'lookup', detail: v.longValue || v.shortValue,
      documentation: `${v.longValue}${v.shortValue && v.shortValue !== v.value ? ` (${v.shortValue})` : ''} — lookup ${lookup.name} of ${f.name}`,
      sortText: `2${pad(n)}`,
    });
  });
}

function valueItems(ctx: Ctx): CompletionResult {
  const { st, schema } = ctx;
  const fieldTok = st.fieldWords[0];
  const f = fieldTok && schema ? schema.byName.get(fieldTok.text) : undefined;
  const vt = st.valueTokens;
  const last = vt[vt.length - 1];
  const lookup = f?.lookup;
  const listOp = vt[0] && (vt[0].kind === 'pipe' || vt[0].kind === 'plus' || vt[0].kind === 'tilde');
  const items: Suggestion[] = [];
  if (vt.length === 0) {
    if (f && lookup) {
      const ops: [string, string][] = [['|', 'any of these values'], ...(f.multi ? [['+', 'all of these values (multi-value field)'] as [string, string]] : []), ['~', 'none of these values']];
      ops.forEach(([label, detail], k) => items.push(item(ctx, { label, insertText: label, kind: 'operator', detail, sortText: `1${k}`, range: { start: ctx.at, end: ctx.at } })));
      items.push(...lookupItems(ctx, f, lookup, new Set()));
      items.push(...templates(ctx, f));
      return { items, range: ctx.range, incomplete: true };
    }
    if (ctx.typed !== '' && ctx.typed !== '.') {
      // A value is being typed: offer to finish it (close, or make it a range) before templates.
      const here = { start: ctx.at, end: ctx.at };
      if (!closedAlready(ctx)) items.push(item(ctx, { label: ')', insertText: ')', kind: 'paren', detail: 'close the condition', sortText: '0', range: here }));
      if (f && (f.kind === 'number' || f.kind === 'date' || f.kind === 'datetime' || f.kind === 'time')) {
        items.push(item(ctx, { label: '+', insertText: '+', kind: 'operator', detail: 'at least this value', sortText: '1', range: here }));
        items.push(item(ctx, { label: '-', insertText: '-', kind: 'operator', detail: 'at most this value, or a range a-b', sortText: '2', range: here }));
      }
    }
    items.push(...templates(ctx, f));
    return { items, range: ctx.range, incomplete: false };
  }
  if (lookup && f && (listOp || !last || last.kind === 'comma' || ctx.typed !== '')) {
    const chosen = new Set(vt.filter((t) => t.kind !== 'comma' && t.kind !== 'pipe' && t.kind !== 'plus' && t.kind !== 'tilde').map((t) => t.text));
    const expecting = !last || last.kind === 'comma' || last === vt[0] && listOp;
    if (expecting || ctx.typed !== '') {
      items.push(...lookupItems(ctx, f, lookup, chosen));
      return { items, range: ctx.range, incomplete: true };
    }
  }
  if (last && last.kind === 'comma') return { items: templates(ctx, f).filter((s) => s.kind !== 'keyword'), range: ctx.range, incomplete: false };
  if (last && (last.kind === 'minus' || last.kind === 'plus' || last.kind === 'pipe' || last.kind === 'tilde')) {
    if (last.kind === 'minus' && f && (f.kind === 'date' || f.kind === 'datetime')) {
      items.push(item(ctx, { label: f.kind === 'date' ? 'TODAY' : 'NOW', insertText: f.kind === 'date' ? 'TODAY' : 'NOW', kind: 'keyword', detail: f.kind === 'date' ? 'up to today' : 'up to now', sortText: '1' }));
    }
    if (!closedAlready(ctx)) items.push(closeParen(ctx));
    return { items, range: ctx.range, incomplete: false };
  }
  if (!closedAlready(ctx)) items.push(closeParen(ctx, '0'));
  if (lookup && f) items.push(item(ctx, { label: ',', insertText: ',', kind: 'operator', detail: 'add another value', sortText: '1', range: { start: ctx.at, end: ctx.at } }));
  return { items, range: items[0]?.range ?? { start: ctx.at, end: ctx.at }, incomplete: false };
}
