// The evaluator: compiles a DMQL2 tree once into a predicate over records whose values are
// strings as the server sends them (COMPACT; multi-value lookups comma-separated). Semantics:
// ranges inclusive; numbers compared numerically, dates by day, date-times as instants, times
// by time of day; strings case-insensitive unless asked; `*`/`?` wildcards; lookups any/all/none;
// .EMPTY. = absent or blank; TODAY/NOW read from an injectable clock once, at compile time.
import type { Criterion, Expr, ListItem, LookupOp, Query, Scalar } from './ast';
import type { DmqlField, DmqlSchema, FieldKind } from './schema';
import { booleanKey, dayKey, instantKey, numberKey, timeKey, todayKey } from './values';
import { wildcardMatcher } from './wildcard';

export type RecordAccessor = (column: string) => string | undefined;
export type Predicate = (record: RecordAccessor) => boolean;

export interface CompileOptions {
  /** The clock for TODAY and NOW (default: the real one). TODAY is the UTC date. */
  now?: () => Date;
  /** Compare strings and wildcards case-sensitively (default false, as most MLS servers do). */
  caseSensitive?: boolean;
}

interface Ctx { schema?: DmqlSchema; now: Date; cs: boolean }

/** Compiles a parsed query (or sub-expression) into a fast predicate. */
export function compile(ast: Query | Expr, schema?: DmqlSchema, opts: CompileOptions = {}): Predicate {
  const ctx: Ctx = { schema, now: (opts.now ?? (() => new Date()))(), cs: opts.caseSensitive ?? false };
  return compileExpr(ast.kind === 'query' ? ast.expr : ast, ctx);
}

function compileExpr(e: Expr, ctx: Ctx): Predicate {
  switch (e.kind) {
    case 'group': return compileExpr(e.expr, ctx);
    case 'not': { const p = compileExpr(e.expr, ctx); return (r) => !p(r); }
    case 'and': {
      const ps = e.items.map((x) => compileExpr(x, ctx));
      return (r) => { for (const p of ps) if (!p(r)) return false; return true; };
    }
    case 'or': {
      const ps = e.items.map((x) => compileExpr(x, ctx));
      return (r) => { for (const p of ps) if (p(r)) return true; return false; };
    }
    case 'criterion': return compileCriterion(e, ctx);
  }
}

type Test = (v: string) => boolean;

function isBlank(v: string | undefined): boolean {
  return v === undefined || v.trim() === '';
}

function compileCriterion(c: Criterion, ctx: Ctx): Predicate {
  const col = c.field.name;
  const field = ctx.schema?.byName.get(col);
  const v = c.value;
  if (v.kind === 'empty') return (r) => isBlank(r(col));
  if (v.kind === 'any') return (r) => !isBlank(r(col));
  let test: Test;
  if (v.kind === 'lookup') test = lookupTest(v.op, v.values.map((x) => x.value), field, ctx);
  else if (field?.kind === 'lookup' && v.items.every((i) => i.kind === 'text' || i.kind === 'number' || i.kind === 'literal')) {
    // A bare code (or codes) on a lookup field means any-of (Variman).
    test = lookupTest('any', v.items.map((i) => (i.kind === 'literal' ? i.value : (i as { text: string }).text)), field, ctx);
  } else {
    const tests = v.items.map((i) => itemTest(i, field, ctx));
    test = tests.length === 1 ? tests[0] : (s) => { for (const t of tests) if (t(s)) return true; return false; };
  }
  return (r) => {
    const s = r(col);
    return s !== undefined && s !== '' && test(s);
  };
}

/** The codes a record holds: split on commas for multi-value fields (and when no schema says otherwise). */
function codesOf(s: string, multi: boolean): string[] {
  if (!multi || s.indexOf(',') < 0) return [s.trim()];
  return s.split(',').map((x) => x.trim()).filter((x) => x !== '');
}

function lookupTest(op: LookupOp, codes: string[], field: DmqlField | undefined, ctx: Ctx): Test {
  const multi = field ? field.multi : true;
  // Each query code also matches its ShortValue/LongValue, so decoded rows filter alike.
  const accept = codes.map((code) => {
    const set = new Set([code]);
    const entry = field?.lookup?.byValue.get(code);
    if (entry) { if (entry.shortValue) set.add(entry.shortValue); if (entry.longValue) set.add(entry.longValue); }
    if (!ctx.cs && !field?.lookup) set.add(code.toLowerCase());
    return set;
  });
  const norm = (x: string) => (!ctx.cs && !field?.lookup ? x.toLowerCase() : x);
  const has = (held: string[], set: Set<string>) => held.some((h) => set.has(h) || set.has(norm(h)));
  switch (op) {
    case 'any': return (s) => { const held = codesOf(s, multi); return accept.some((set) => has(held, set)); };
    case 'all': return (s) => { const held = codesOf(s, multi); return accept.every((set) => has(held, set)); };
    case 'none': return (s) => { const held = codesOf(s, multi); return !accept.some((set) => has(held, set)); };
  }
}

/** A comparable key of one operand, and how to read the same kind of key from a record value. */
interface Key { key: number | string; read: (v: string) => number | string }

function operandKey(s: Scalar, kind: FieldKind | undefined, ctx: Ctx): Key {
  const lower = (x: string) => (ctx.cs ? x : x.toLowerCase());
  switch (s.kind) {
    case 'number':
      if (kind === 'boolean') return { key: booleanKey(s.text), read: booleanKey };
      return { key: Number(s.text), read: numberKey };
    case 'date': return { key: dayKey(s.text), read: dayKey };
    case 'today': return { key: todayKey(ctx.now), read: dayKey };
    case 'datetime': return { key: instantKey(s.text), read: instantKey };
    case 'now': return { key: ctx.now.getTime(), read: instantKey };
    case 'time': return { key: timeKey(s.text), read: timeKey };
    case 'text':
      if (kind === 'boolean') return { key: booleanKey(s.text), read: booleanKey };
      if (kind === 'number' && !Number.isNaN(Number(s.text))) return { key: Number(s.text), read: numberKey };
      return { key: lower(s.text), read: lower };
  }
}

function itemTest(i: ListItem, field: DmqlField | undefined, ctx: Ctx): Test {
  const kind = field?.kind;
  switch (i.kind) {
    case 'literal': {
      const want = ctx.cs ? i.value : i.value.toLowerCase();
      return ctx.cs ? (s) => s === want : (s) => s.toLowerCase() === want;
    }
    case 'pattern': {
      const test = wildcardMatcher(i.text, ctx.cs);
      if (kind === 'lookup') return (s) => codesOf(s, field?.multi ?? true).some(test);
      return test;
    }
    case 'between': {
      const lo = operandKey(i.low, kind, ctx);
      const hi = operandKey(i.high, kind, ctx);
      return (s) => { const a = lo.read(s); const b = lo.read === hi.read ? a : hi.read(s); return a >= lo.key && b <= hi.key; };
    }
    case 'gte': { const lo = operandKey(i.low, kind, ctx); return (s) => lo.read(s) >= lo.key; }
    case 'lte': { const hi = operandKey(i.high, kind, ctx); return (s) => hi.read(s) <= hi.key; }
    default: return equalityTest(i, kind, ctx);
  }
}

function equalityTest(s: Scalar, kind: FieldKind | undefined, ctx: Ctx): Test {
  // A number on a text field (a ZIP code, an MLS number) is compared as written, so 06614 != 6614.
  if (s.kind === 'number' && kind !== 'number' && kind !== 'boolean') {
    if (kind === undefined) {
      const n = Number(s.text);
      return (v) => v.trim() === s.text || numberKey(v) === n;
    }
    return (v) => v.trim() === s.text;
  }
  const k = operandKey(s, kind, ctx);
  if (typeof k.key === 'number' && Number.isNaN(k.key)) return () => false;
  return (v) => k.read(v) === k.key;
}
