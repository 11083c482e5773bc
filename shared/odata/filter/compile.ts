// The $filter evaluator: compiles a tree once into a predicate over rows (plain objects of
// property values as an OData JSON payload has them: enums as member names, flags as "A,B",
// dates and times as ISO strings, collections as arrays, expanded entities as objects).
// Semantics follow URL Conventions 5.1.1: `eq`/`ne` treat null as a value (null eq null is true),
// other comparisons with null are false, functions and arithmetic of null are null, and/or/not
// use three-valued logic, and a row matches only when the filter is true. String comparison is
// case-sensitive and ordinal; text functions match with indexOf (no regular expression is ever
// built from the filter), so evaluation is linear in the sizes of the values.
import type { BinaryExpr, CallExpr, ComparisonOp, Expr, Filter, LambdaExpr, MemberExpr } from './ast';
import type { FilterSchema } from './schema';
import { isNumeric, lambdaScope, typeOf, type Scope, type TypeInfo, UNKNOWN } from './typing';
import { dateKey, dateTimeParts, durationKey, formatDuration, formatInstant, instantKey, timeKey } from './values';

export type Row = Record<string, unknown>;
export type RowPredicate = (row: Row) => boolean;

export interface CompileFilterOptions {
  /** The service's schema: gives property types (dates vs text, integer division, enum values). */
  schema?: FilterSchema;
  /** The clock for now() (default: the real one), read once at compile time. */
  now?: () => Date;
}

interface Env { row: Row; vars: unknown[] }
type Fn = (env: Env) => unknown;

/** `slots`: lambda variable -> its index in Env.vars; `next`: the index the next (nested) lambda takes. */
interface Ctx { schema?: FilterSchema; now: Date; scope: Scope; slots: Map<string, number>; next: number }

/** Compiles a parsed filter into a predicate; the row matches when the filter evaluates to true. */
export function compileFilter(ast: Filter | Expr, opts: CompileFilterOptions = {}): RowPredicate {
  const ctx: Ctx = { schema: opts.schema, now: (opts.now ?? (() => new Date()))(), scope: new Map(), slots: new Map(), next: 0 };
  const fn = compileExpr(ast.kind === 'filter' ? ast.expr : ast, ctx);
  return (row) => fn({ row, vars: [] }) === true;
}

function staticType(e: Expr, ctx: Ctx): TypeInfo {
  return typeOf(e, ctx.schema, ctx.scope);
}

function compileExpr(e: Expr, ctx: Ctx): Fn {
  switch (e.kind) {
    case 'literal': { const v = e.value; return () => v; }
    case 'enum': { const v = e.members.join(','); return () => v; }
    case 'type': { const v = e.name; return () => v; }
    case 'group': return compileExpr(e.expr, ctx);
    case 'member': return compileMember(e, ctx);
    case 'not': {
      const f = compileExpr(e.expr, ctx);
      return (env) => { const v = f(env); return v === true ? false : v === false ? true : null; };
    }
    case 'negate': {
      const f = compileExpr(e.expr, ctx);
      return (env) => {
        const v = f(env);
        if (typeof v === 'number') return -v;
        if (typeof v === 'string' && !Number.isNaN(durationKey(v))) return formatDuration(-durationKey(v));
        return null;
      };
    }
    case 'and': {
      const fs = e.items.map((x) => compileExpr(x, ctx));
      return (env) => {
        let unknown = false;
        for (const f of fs) { const v = f(env); if (v === false) return false; if (v !== true) unknown = true; }
        return unknown ? null : true;
      };
    }
    case 'or': {
      const fs = e.items.map((x) => compileExpr(x, ctx));
      return (env) => {
        let unknown = false;
        for (const f of fs) { const v = f(env); if (v === true) return true; if (v !== false) unknown = true; }
        return unknown ? null : false;
      };
    }
    case 'binary': return compileBinary(e, ctx);
    case 'in': {
      const left = compileExpr(e.left, ctx);
      const lt = staticType(e.left, ctx);
      const tests = e.items.map((x) => ({ f: compileExpr(x, ctx), cmp: comparator(lt, staticType(x, ctx), ctx) }));
      return (env) => {
        const a = left(env);
        for (const t of tests) if (t.cmp.eq(a, t.f(env))) return true;
        return false;
      };
    }
    case 'lambda': return compileLambda(e, ctx);
    case 'call': return compileCall(e, ctx);
  }
}

function compileMember(m: MemberExpr, ctx: Ctx): Fn {
  const first = m.segments[0].name;
  const slot = ctx.slots.get(first);
  const fromVar = slot !== undefined;
  const start = fromVar || first === '$it' || first === '$this' ? 1 : 0;
  const names = m.segments.slice(start).map((s) => s.name).filter((n) => !n.includes('.'));
  return (env) => {
    let v: unknown = fromVar ? env.vars[slot!] : env.row;
    for (const n of names) {
      if (n === '$count') { v = Array.isArray(v) ? v.length : null; continue; }
      if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) return null;
      v = (v as Row)[n];
    }
    return v === undefined ? null : v;
  };
}

function compileLambda(e: LambdaExpr, ctx: Ctx): Fn {
  const coll = compileMember(e.collection, ctx);
  if (!e.variable || !e.predicate) return (env) => { const c = coll(env); return Array.isArray(c) && c.length > 0; };
  const slot = ctx.next;
  const inner: Ctx = {
    ...ctx,
    next: slot + 1,
    scope: lambdaScope(ctx.scope, e.variable.name, ctx.schema ? typeOf(e.collection, ctx.schema, ctx.scope) : UNKNOWN),
    slots: new Map(ctx.slots).set(e.variable.name, slot),
  };
  const pred = compileExpr(e.predicate, inner);
  const all = e.op === 'all';
  return (env) => {
    const c = coll(env);
    if (!Array.isArray(c)) return all;
    // The slot is this lambda's own: set it per item (evaluation is synchronous), restore after.
    const saved = env.vars[slot];
    try {
      for (const item of c) {
        env.vars[slot] = item;
        const v = pred(env);
        if (all && v !== true) return false;
        if (!all && v === true) return true;
      }
      return all;
    } finally {
      env.vars[slot] = saved;
    }
  };
}

interface Comparator { eq(a: unknown, b: unknown): boolean; order(a: unknown, b: unknown): number }

type Key = (v: unknown) => number | string | undefined;

const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
const parsed = (read: (s: string) => number): Key => (v) => {
  if (typeof v !== 'string') return undefined;
  const k = read(v);
  return Number.isNaN(k) ? undefined : k;
};
const numberKey = (v: unknown): number | undefined => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') { const n = Number(v); return Number.isNaN(n) ? undefined : n; }
  return undefined;
};
/** Enum and flags values compare as the set of member names. */
const enumKey: Key = (v) => {
  const s = Array.isArray(v) ? v.join(',') : asString(v);
  if (s === undefined) return undefined;
  return s.indexOf(',') < 0 ? s.trim() : s.split(',').map((x) => x.trim()).filter((x) => x).sort().join(',');
};
const autoKey: Key = (v) => (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? (v as number | string) : undefined);

/** Enum values a row may hold as numbers (the member's value) read as member names. */
function enumKeyOf(en: TypeInfo['enumType']): Key {
  if (!en) return enumKey;
  const byValue = new Map(en.members.map((m) => [m.value, m.name]));
  return (v) => {
    if (typeof v !== 'number') return enumKey(v);
    const name = byValue.get(v);
    if (name !== undefined || !en.isFlags) return name ?? String(v);
    return enumKey(en.members.filter((m) => m.value !== 0 && (v & m.value) === m.value).map((m) => m.name).join(','));
  };
}

function keyFor(lt: TypeInfo, rt: TypeInfo): Key {
  const ks = [lt.kind, rt.kind];
  if (ks.includes('enum')) return enumKeyOf(lt.enumType ?? rt.enumType);
  if (ks.includes('datetimeoffset')) return parsed(instantKey);
  if (ks.includes('date')) return parsed(dateKey);
  if (ks.includes('timeofday')) return parsed(timeKey);
  if (ks.includes('duration')) return parsed(durationKey);
  if (ks.includes('guid')) return (v) => asString(v)?.toLowerCase();
  if (isNumeric(lt.kind) || isNumeric(rt.kind)) return numberKey;
  if (ks.includes('string')) return asString;
  return autoKey;
}

function comparator(lt: TypeInfo, rt: TypeInfo, _ctx: Ctx): Comparator {
  const key = keyFor(lt, rt);
  const auto = key === autoKey;
  return {
    eq(a, b) {
      if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
      if (auto && typeof a !== typeof b) {
        const na = numberKey(a);
        const nb = numberKey(b);
        return na !== undefined && na === nb;
      }
      const ka = key(a);
      return ka !== undefined && ka === key(b);
    },
    order(a, b) {
      if (a === null || a === undefined || b === null || b === undefined) return NaN;
      let ka = key(a);
      let kb = key(b);
      if (auto && typeof ka !== typeof kb) { ka = numberKey(a); kb = numberKey(b); }
      if (ka === undefined || kb === undefined || typeof ka !== typeof kb) return NaN;
      return ka < kb ? -1 : ka > kb ? 1 : ka === kb ? 0 : NaN;
    },
  };
}

function compileBinary(e: BinaryExpr, ctx: Ctx): Fn {
  const left = compileExpr(e.left, ctx);
  const right = compileExpr(e.right, ctx);
  const lt = staticType(e.left, ctx);
  const rt = staticType(e.right, ctx);
  switch (e.op) {
    case 'eq': case 'ne': case 'gt': case 'ge': case 'lt': case 'le': {
      const cmp = comparator(lt, rt, ctx);
      return compareFn(e.op, cmp, left, right);
    }
    case 'has': {
      const en = lt.enumType;
      return (env) => {
        const a = left(env);
        const b = right(env);
        if (a === null || a === undefined || typeof b !== 'string') return null;
        const want = b.split(',').map((x) => x.trim()).filter((x) => x);
        if (typeof a === 'number' && en) {
          const bits = want.reduce((acc, n) => acc | (en.byName.get(n)?.value ?? 0), 0);
          return (a & bits) === bits;
        }
        const heldText = Array.isArray(a) ? a.join(',') : asString(a);
        if (heldText === undefined) return null;
        const held = new Set(heldText.split(',').map((x) => x.trim()));
        return want.every((n) => held.has(n));
      };
    }
    default: {
      const op = e.op;
      const intDiv = lt.kind === 'int' && rt.kind === 'int';
      return (env) => arithmetic(op, left(env), right(env), intDiv);
    }
  }
}

function compareFn(op: ComparisonOp, cmp: Comparator, left: Fn, right: Fn): Fn {
  switch (op) {
    case 'eq': return (env) => cmp.eq(left(env), right(env));
    case 'ne': return (env) => !cmp.eq(left(env), right(env));
    case 'gt': return (env) => cmp.order(left(env), right(env)) > 0;
    case 'ge': return (env) => cmp.order(left(env), right(env)) >= 0;
    case 'lt': return (env) => cmp.order(left(env), right(env)) < 0;
    case 'le': return (env) => cmp.order(left(env), right(env)) <= 0;
  }
}

function arithmetic(op: BinaryExpr['op'], a: unknown, b: unknown, intDiv: boolean): unknown {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const na = numberKey(a);
  const nb = numberKey(b);
  if (na !== undefined && nb !== undefined) {
    const x = na;
    const y = nb;
    switch (op) {
      case 'add': return x + y;
      case 'sub': return x - y;
      case 'mul': return x * y;
      case 'div': if (y === 0) return null; return intDiv ? Math.trunc(x / y) : x / y;
      case 'divby': return y === 0 ? null : x / y;
      case 'mod': return y === 0 ? null : x % y;
      default: return null;
    }
  }
  if (typeof a !== 'string' || typeof b !== 'string' || (op !== 'add' && op !== 'sub')) return null;
  const db = durationKey(b);
  const da = durationKey(a);
  if (!Number.isNaN(db)) {
    if (!Number.isNaN(da)) return formatDuration(op === 'add' ? da + db : da - db);
    const day = dateKey(a);
    if (!Number.isNaN(day)) return formatInstant((day * 86400000) + (op === 'add' ? db : -db)).slice(0, 10);
    const t = instantKey(a);
    if (!Number.isNaN(t)) return formatInstant(op === 'add' ? t + db : t - db);
    return null;
  }
  if (op === 'add' && !Number.isNaN(da)) return arithmetic('add', b, a, intDiv);
  if (op === 'sub') {
    const x = instantKey(a);
    const y = instantKey(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return formatDuration(x - y);
  }
  return null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** Wall-clock parts of a Date, DateTimeOffset or TimeOfDay value, as written (its own time zone). */
function parts(v: unknown): { date?: ReturnType<typeof dateTimeParts>; time?: number } {
  if (typeof v !== 'string') return {};
  if (v.length <= 18 && v.indexOf('-') < 0) { const t = timeKey(v); return Number.isNaN(t) ? {} : { time: t }; }
  return { date: dateTimeParts(v) };
}

function compileCall(e: CallExpr, ctx: Ctx): Fn {
  const args = e.args.map((a) => compileExpr(a, ctx));
  const a0 = args[0];
  const a1 = args[1];
  const a2 = args[2];
  const s1 = (f: (s: string) => unknown): Fn => (env) => { const s = str(a0(env)); return s === null ? null : f(s); };
  const s2 = (f: (s: string, t: string) => unknown): Fn => (env) => { const s = str(a0(env)); const t = str(a1(env)); return s === null || t === null ? null : f(s, t); };
  const num = (f: (x: number) => number): Fn => (env) => { const x = numberKey(a0(env)); return x === undefined ? null : f(x); };
  const datePart = (pick: (p: NonNullable<ReturnType<typeof dateTimeParts>>) => number): Fn => (env) => { const p = parts(a0(env)).date; return p ? pick(p) : null; };
  const timePart = (pick: (p: NonNullable<ReturnType<typeof dateTimeParts>>) => number, fromTime: (ms: number) => number): Fn => (env) => {
    const p = parts(a0(env));
    if (p.time !== undefined) return fromTime(p.time);
    return p.date ? pick(p.date) : null;
  };
  switch (e.name) {
    case 'contains': return s2((s, t) => s.indexOf(t) >= 0);
    case 'startswith': return s2((s, t) => s.startsWith(t));
    case 'endswith': return s2((s, t) => s.endsWith(t));
    case 'indexof': return s2((s, t) => s.indexOf(t));
    case 'length': return s1((s) => s.length);
    case 'tolower': return s1((s) => s.toLowerCase());
    case 'toupper': return s1((s) => s.toUpperCase());
    case 'trim': return s1((s) => s.trim());
    case 'concat': return (env) => { const a = a0(env); const b = a1?.(env); return a === null || a === undefined || b === null || b === undefined ? null : `${asString(a) ?? ''}${asString(b) ?? ''}`; };
    case 'substring': return (env) => {
      const s = str(a0(env));
      const start = numberKey(a1?.(env));
      const len = a2 ? numberKey(a2(env)) : undefined;
      if (s === null || start === undefined || (e.args.length > 2 && len === undefined)) return null;
      const from = Math.max(0, start);
      return len === undefined ? s.slice(from) : s.slice(from, from + Math.max(0, len));
    };
    case 'year': return datePart((p) => p.year);
    case 'month': return datePart((p) => p.month);
    case 'day': return datePart((p) => p.day);
    case 'hour': return timePart((p) => p.hour, (ms) => Math.floor(ms / 3600000));
    case 'minute': return timePart((p) => p.minute, (ms) => Math.floor(ms / 60000) % 60);
    case 'second': return timePart((p) => p.second, (ms) => Math.floor(ms / 1000) % 60);
    case 'fractionalseconds': return timePart((p) => p.fraction, (ms) => (ms % 1000) / 1000);
    case 'totaloffsetminutes': return datePart((p) => p.offsetMinutes);
    case 'totalseconds': return (env) => { const s = str(a0(env)); const d = s === null ? NaN : durationKey(s); return Number.isNaN(d) ? null : d / 1000; };
    case 'date': return (env) => { const p = parts(a0(env)).date; return p ? `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}` : null; };
    case 'time': return (env) => {
      const p = parts(a0(env)).date;
      if (!p) return null;
      const frac = p.fraction ? String(p.fraction).slice(1) : '';
      return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${frac}`;
    };
    case 'now': { const v = formatInstant(ctx.now.getTime()); return () => v; }
    case 'maxdatetime': return () => '9999-12-31T23:59:59.999Z';
    case 'mindatetime': return () => '0001-01-01T00:00:00Z';
    case 'round': return num((x) => Math.sign(x) * Math.round(Math.abs(x)));
    case 'floor': return num(Math.floor);
    case 'ceiling': return num(Math.ceil);
    case 'cast': return compileCast(e, args);
    case 'isof': return compileIsOf(e, args);
    default: return () => null; // geo functions, matchespattern and service functions: not evaluated here
  }
}

function compileCast(e: CallExpr, args: Fn[]): Fn {
  const last = e.args[e.args.length - 1];
  const type = last?.kind === 'type' ? last.name : '';
  const value: Fn = args.length > 1 ? args[0] : (env) => env.row;
  return (env) => {
    const v = value(env);
    if (v === null || v === undefined) return null;
    switch (type) {
      case 'Edm.String': return asString(v) ?? null;
      case 'Edm.Int16': case 'Edm.Int32': case 'Edm.Int64': case 'Edm.Byte': case 'Edm.SByte': {
        const n = numberKey(v);
        return n === undefined ? null : Math.sign(n) * Math.round(Math.abs(n));
      }
      case 'Edm.Decimal': case 'Edm.Double': case 'Edm.Single': return numberKey(v) ?? null;
      case 'Edm.Date': { const p = parts(v).date; return p ? `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}` : null; }
      case 'Edm.DateTimeOffset': { const t = typeof v === 'string' ? instantKey(v) : NaN; return Number.isNaN(t) ? null : formatInstant(t); }
      case 'Edm.Boolean': return typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : null;
      default: return v;
    }
  };
}

function compileIsOf(e: CallExpr, args: Fn[]): Fn {
  const last = e.args[e.args.length - 1];
  const type = last?.kind === 'type' ? last.name : '';
  const value: Fn = args.length > 1 ? args[0] : (env) => env.row;
  return (env) => {
    const v = value(env);
    if (v === null || v === undefined) return false;
    switch (type) {
      case 'Edm.String': return typeof v === 'string';
      case 'Edm.Boolean': return typeof v === 'boolean';
      case 'Edm.Int16': case 'Edm.Int32': case 'Edm.Int64': case 'Edm.Byte': case 'Edm.SByte': return typeof v === 'number' && Number.isInteger(v);
      case 'Edm.Decimal': case 'Edm.Double': case 'Edm.Single': return typeof v === 'number';
      default: return null;
    }
  };
}
