// Validation of a query against the metadata of one resource and class: syntax errors (all of
// them, with the conditions around them still checked), then per condition the field (exists, searchable) and the value (type, lookup codes, lengths).
// Messages are written for someone new to RETS: what is wrong, why, and what to write instead.
import type { Criterion, DmqlError, Expr, Fix, ListItem, LookupCode, Query, Scalar, SourceRange } from './ast';
import { guessFields, guessLookupValues } from './didYouMean';
import { formatCode, formatScalar } from './format';
import { parse } from './parser';
import type { DmqlField, DmqlLookup, DmqlSchema } from './schema';
import { dayKey, instantKey, timeKey, booleanKey } from './values';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  range: SourceRange;
  severity: Severity;
  message: string;
  code: string;
  fix?: Fix;
}

function replaceFix(title: string, range: SourceRange, text: string): Fix {
  return { title, edits: [{ range: { start: range.start, end: range.end }, text }] };
}

/** Diagnostics for a query (text or parsed tree) against a schema, in source order. */
export function validate(queryOrAst: string | Query, schema: DmqlSchema): Diagnostic[] {
  const out: Diagnostic[] = [];
  let ast: Query | undefined = typeof queryOrAst === 'string' ? undefined : queryOrAst;
  if (typeof queryOrAst === 'string') {
    // With syntax errors, the conditions that did parse are still checked, so every mistake shows at once.
    const r = parse(queryOrAst);
    for (const e of r.errors) out.push(syntaxDiagnostic(e));
    ast = r.ast ?? r.partial;
  }
  if (ast) walk(ast.expr, (c) => checkCriterion(c, schema, out));
  return out.sort((a, b) => a.range.start - b.range.start);
}

export function syntaxDiagnostic(e: DmqlError): Diagnostic {
  return { range: e.range, severity: 'error', message: `Syntax: ${e.message}.`, code: e.code, ...(e.fix ? { fix: e.fix } : {}) };
}

function walk(e: Expr, visit: (c: Criterion) => void): void {
  // Iterative: nesting is bounded by the parser, but hand-built trees may be deeper.
  const stack: Expr[] = [e];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.kind === 'criterion') visit(x);
    else if (x.kind === 'and' || x.kind === 'or') for (let k = x.items.length - 1; k >= 0; k -= 1) stack.push(x.items[k]);
    else stack.push(x.expr);
  }
}

function describeField(f: DmqlField): string {
  return f.longName && f.longName !== f.name ? `${f.name} (${f.longName})` : f.name;
}

function where(schema: DmqlSchema): string {
  return `${schema.resource}:${schema.className}`;
}

export function resolveField(c: Criterion, schema: DmqlSchema, out: Diagnostic[]): DmqlField | undefined {
  const name = c.field.name;
  const f = schema.byName.get(name);
  if (f) return f;
  const range = c.field.range;
  const nameKind = schema.standardNames ? 'StandardName' : 'SystemName';
  const same = schema.byAnyLower.get(name.toLowerCase()) ?? [];
  const other = same.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (other) {
    out.push({ range, severity: 'warning', code: 'field-case', message: `Field names are case-sensitive on many servers: the field is spelled ${other.name}.`, fix: replaceFix(`Write ${other.name}`, range, other.name) });
    return other;
  }
  const alias = same.find((x) => x.systemName === name || x.standardName === name);
  if (alias) {
    const is = alias.systemName === name ? 'SystemName' : 'StandardName';
    out.push({
      range, severity: 'error', code: 'wrong-name-kind',
      message: `${name} is the ${is} of ${describeField(alias)}, but this query uses ${nameKind}s${schema.standardNames ? ' (StandardNames=1)' : ''}: write ${alias.name}.`,
      fix: replaceFix(`Write ${alias.name}`, range, alias.name),
    });
    return alias;
  }
  const guesses = guessFields(schema, name);
  if (guesses.length) {
    const best = guesses[0].field;
    const list = guesses.map((g) => describeField(g.field)).join(', ');
    out.push({
      range, severity: 'error', code: 'unknown-field',
      message: `Unknown field ${name}: ${where(schema)} has no field with that ${nameKind}. Did you mean ${list}?`,
      fix: replaceFix(`Write ${best.name}`, range, best.name),
    });
  } else {
    out.push({ range, severity: 'error', code: 'unknown-field', message: `Unknown field ${name}: ${where(schema)} has no field with that ${nameKind}. Browse the class's fields in the explorer to find the right name.` });
  }
  return undefined;
}

function checkCriterion(c: Criterion, schema: DmqlSchema, out: Diagnostic[]): void {
  const f = resolveField(c, schema, out);
  if (!f) return;
  if (!f.searchable) {
    out.push({ range: c.field.range, severity: 'error', code: 'not-searchable', message: `${describeField(f)} is not searchable on this server (Searchable is 0 in the metadata): the server will reject the query. Select it instead, or filter on another field.` });
  }
  const v = c.value;
  if (v.kind === 'empty' || v.kind === 'any') return;
  if (v.kind === 'lookup') {
    if (f.kind !== 'lookup' || !f.lookup) {
      out.push({ range: { start: v.range.start, end: v.range.start + 1 }, severity: 'error', code: 'lookup-list-on-non-lookup', message: `${describeField(f)} is not a lookup field (it is ${f.dataType || 'untyped'}), so \`|\`, \`+\` and \`~\` value lists do not apply. Write the value directly, e.g. (${f.name}=value).` });
      return;
    }
    if (v.op === 'all' && !f.multi) {
      const severity = v.values.length > 1 ? 'error' : 'info';
      out.push({
        range: { start: v.range.start, end: v.range.start + 1 }, severity, code: 'all-on-single-lookup',
        message: `${describeField(f)} holds one value per listing, so \`+\` (has all of) ${v.values.length > 1 ? 'can never match' : 'is the same as `|`'}. Use \`|\` for any of the values.`,
        fix: replaceFix('Use `|`', { start: v.range.start, end: v.range.start + 1 }, '|'),
      });
    }
    if (f.maxSelect !== undefined && f.maxSelect > 0 && v.values.length > f.maxSelect) {
      out.push({ range: v.range, severity: 'warning', code: 'too-many-values', message: `${describeField(f)} accepts at most ${f.maxSelect} values (MaxSelect); this list has ${v.values.length}.` });
    }
    for (const code of v.values) checkCode(code, f, f.lookup, out);
    return;
  }
  for (const item of v.items) checkItem(item, f, out);
}

function checkCode(code: LookupCode, f: DmqlField, lookup: DmqlLookup, out: Diagnostic[]): void {
  if (lookup.byValue.has(code.value)) return;
  const guesses = guessLookupValues(lookup, code.value);
  const label = `lookup ${lookup.name}${lookup.visibleName && lookup.visibleName !== lookup.name ? ` (${lookup.visibleName})` : ''}`;
  if (guesses.length) {
    const best = guesses[0].value;
    const isName = guesses[0].distance === 0;
    out.push({
      range: code.range, severity: 'error', code: 'unknown-lookup-value',
      message: isName
        ? `${code.value} is how ${label} displays the value; queries use its code: write ${best.value} (${best.longValue}).`
        : `${code.value} is not a value of ${label} used by ${f.name}. Did you mean ${guesses.map((g) => `${g.value.value} (${g.value.longValue})`).join(', ')}?`,
      fix: replaceFix(`Write ${best.value}`, code.range, formatCode(best.value)),
    });
  } else {
    out.push({ range: code.range, severity: 'error', code: 'unknown-lookup-value', message: `${code.value} is not a value of ${label} used by ${f.name}. Type \`|\` after \`=\` to see the values it has.` });
  }
}

const KIND_WORDS: Record<string, string> = {
  number: 'a number', date: 'a date', datetime: 'a date and time', time: 'a time', boolean: 'a yes/no value', string: 'text', lookup: 'a lookup',
};

const EXAMPLES: Record<string, string> = {
  number: 'e.g. 250000, 3+ or 100000-200000', date: 'e.g. 2026-01-31, TODAY or 2026-01-01+',
  datetime: 'e.g. 2026-01-31T08:00:00, NOW or 2026-01-01T00:00:00+', time: 'e.g. 08:30:00 or 08:00:00-17:00:00', boolean: '1 or 0',
};

function scalarFits(s: Scalar, f: DmqlField): boolean {
  switch (f.kind) {
    case 'number': return s.kind === 'number';
    case 'date': return s.kind === 'date' || s.kind === 'today' || s.kind === 'datetime' || s.kind === 'now';
    case 'datetime': return s.kind === 'date' || s.kind === 'today' || s.kind === 'datetime' || s.kind === 'now';
    case 'time': return s.kind === 'time';
    case 'boolean': return (s.kind === 'number' || s.kind === 'text') && !Number.isNaN(booleanKey(s.text));
    default: return true;
  }
}

function scalarValid(s: Scalar): boolean {
  if (s.kind === 'date') return !Number.isNaN(dayKey(s.text));
  if (s.kind === 'datetime') return !Number.isNaN(instantKey(s.text));
  if (s.kind === 'time') return !Number.isNaN(timeKey(s.text));
  return true;
}

function typeMismatch(range: SourceRange, f: DmqlField, what: string, out: Diagnostic[]): void {
  out.push({
    range, severity: 'error', code: 'type-mismatch',
    message: `${describeField(f)} is ${KIND_WORDS[f.kind]} field (${f.dataType}); ${what} is not ${KIND_WORDS[f.kind]}${EXAMPLES[f.kind] ? ` (${EXAMPLES[f.kind]})` : ''}.`,
  });
}

function checkScalar(s: Scalar, f: DmqlField, out: Diagnostic[]): void {
  if (!scalarValid(s)) {
    out.push({ range: s.range, severity: 'error', code: 'invalid-value', message: `${formatScalar(s)} is not a real ${s.kind === 'time' ? 'time' : 'date'} (check the month, day and hours).` });
    return;
  }
  if (!scalarFits(s, f)) typeMismatch(s.range, f, `\`${formatScalar(s)}\``, out);
  else if (f.kind === 'number' && s.kind === 'number' && f.dataType !== 'Decimal' && s.text.includes('.') && !/\.0*$/.test(s.text)) {
    out.push({ range: s.range, severity: 'warning', code: 'fraction-on-integer', message: `${describeField(f)} holds whole numbers (${f.dataType}); ${s.text} has a fraction.` });
  }
}

function checkLength(text: string, range: SourceRange, f: DmqlField, out: Diagnostic[]): void {
  const len = text.replace(/[*?]/g, '').length;
  if (f.maximumLength !== undefined && f.maximumLength > 0 && len > f.maximumLength) {
    out.push({ range, severity: 'warning', code: 'too-long', message: `${describeField(f)} holds at most ${f.maximumLength} characters (MaximumLength); this value has ${len}, so no listing can match it.` });
  }
}

function checkItem(item: ListItem, f: DmqlField, out: Diagnostic[]): void {
  if (f.kind === 'lookup' && f.lookup) {
    if (item.kind === 'between' || item.kind === 'gte' || item.kind === 'lte') {
      out.push({ range: item.range, severity: 'error', code: 'range-on-lookup', message: `${describeField(f)} is a lookup field: it takes codes from lookup ${f.lookup.name}, not ranges. List the codes instead, e.g. (${f.name}=|A,B).` });
      return;
    }
    if (item.kind === 'pattern') {
      out.push({ range: item.range, severity: 'warning', code: 'wildcard-on-lookup', message: `${describeField(f)} is a lookup field: most servers do not accept wildcards on lookups. List the codes with \`|\` instead.` });
      return;
    }
    const code = item.kind === 'literal' ? item.value : item.kind === 'text' || item.kind === 'number' ? item.text : formatScalar(item);
    checkCode({ value: code, range: item.range }, f, f.lookup, out);
    return;
  }
  switch (item.kind) {
    case 'literal':
      if (f.kind !== 'string' && f.kind !== 'lookup') typeMismatch(item.range, f, 'a quoted string', out);
      else checkLength(item.value, item.range, f, out);
      return;
    case 'pattern':
      if (f.kind !== 'string' && f.kind !== 'lookup') {
        out.push({ range: item.range, severity: 'error', code: 'type-mismatch', message: `Wildcards (\`*\`, \`?\`) only apply to text fields; ${describeField(f)} is ${KIND_WORDS[f.kind]} field (${f.dataType}).` });
      } else checkLength(item.text, item.range, f, out);
      return;
    case 'between': {
      checkScalar(item.low, f, out);
      checkScalar(item.high, f, out);
      const lo = item.low.kind === 'number' ? Number(item.low.text) : NaN;
      const hi = item.high.kind === 'number' ? Number(item.high.text) : NaN;
      const loD = item.low.kind === 'date' ? dayKey(item.low.text) : NaN;
      const hiD = item.high.kind === 'date' ? dayKey(item.high.text) : NaN;
      if (lo > hi || loD > hiD) {
        out.push({
          range: item.range, severity: 'warning', code: 'empty-range',
          message: `This range is empty: ${formatScalar(item.low)} comes after ${formatScalar(item.high)}. Write the smaller bound first.`,
          fix: replaceFix('Swap the bounds', item.range, `${formatScalar(item.high)}-${formatScalar(item.low)}`),
        });
      }
      return;
    }
    case 'gte': checkScalar(item.low, f, out); return;
    case 'lte': checkScalar(item.high, f, out); return;
    default:
      checkScalar(item, f, out);
      if (f.kind === 'string' && item.kind === 'text') checkLength(item.text, item.range, f, out);
  }
}
