// OData $filter -> DMQL2, through the inverted mapping. The class comes from a top-level condition
// on the mapping's class field (PropertyType eq 'RES'); every other part is read as a comparison of
// one property with literals, a string function on one property, a lambda over a multi-value
// lookup or `has` on flags. What DMQL2 cannot say (arithmetic, other functions, `all`) is left out
// and reported with its range.
import { formatCode, quote as dmqlQuote } from '../dmql/format';
import { buildSchema, SchemaError, type DmqlField, type DmqlSchema } from '../dmql/schema';
import type { BinaryExpr, CallExpr, ComparisonOp, Expr, InExpr, LambdaExpr, Literal, SourceRange } from '../odata/filter/ast';
import { parseFilter } from '../odata/filter/parser';
import type { FilterField, FilterSchema } from '../odata/filter/schema';
import { dateTimeParts } from '../odata/filter/values';
import { findResource, type RetsMetadata } from '../rets/metadata/model';
import { assumptionConcerns } from './derive';
import { join, leaf, negate, printDmql, type Node } from './tree';
import { indexBy, memo } from './memo';
import type { FieldMap, ODataToDmqlResult, TranslationMapping, TranslationNote } from './types';

export interface ToDmqlInput {
  /** The Web API side: the schema of the entity set the filter is written for. */
  source: FilterSchema;
  /** The RETS side's metadata. */
  metadata: RetsMetadata;
  mapping: TranslationMapping;
  /** The class to search when the filter does not name one through the class field. */
  className?: string;
  /** Write StandardNames instead of SystemNames (for servers searched with StandardNames=1). */
  standardNames?: boolean;
}

class Untranslatable extends Error {
  constructor(readonly code: string, message: string, readonly range?: SourceRange) { super(message); }
}

const WORD = /^[\p{L}\p{N}_]+$/u;
const FLIP: Record<ComparisonOp, ComparisonOp> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

interface Subject { target: FilterField; field: DmqlField; lowered: boolean; dateOf: boolean; codes?: Map<string, string> }

function strip(e: Expr): Expr {
  let x = e;
  while (x.kind === 'group') x = x.expr;
  return x;
}

/** The top-level conjuncts of a filter. */
function conjuncts(e: Expr): Expr[] {
  const x = strip(e);
  return x.kind === 'and' ? x.items.flatMap(conjuncts) : [x];
}

class ToDmql {
  readonly notes: TranslationNote[] = [];
  private caseWarned = false;
  /** Web API properties the filter uses, so only the mapping's assumptions about them are noted. */
  readonly used = new Set<string>();
  private readonly bySource: Map<string, FieldMap>;

  private readonly bySystemName: Map<string, DmqlField>;

  constructor(private readonly input: ToDmqlInput, private readonly schema: DmqlSchema) {
    this.bySource = memo(input.mapping, 'by-target', () => indexBy(input.mapping.fields, (f) => f.target));
    this.bySystemName = memo(schema, 'by-system-name', () => indexBy(schema.fields, (f) => f.systemName));
  }

  note(severity: TranslationNote['severity'], code: string, message: string, range?: SourceRange): void {
    this.notes.push(range ? { severity, code, message, range } : { severity, code, message });
  }

  expr(e: Expr): Node | undefined {
    switch (e.kind) {
      case 'group': return this.expr(e.expr);
      case 'and': case 'or': return join(e.kind, e.items.map((x) => this.expr(x)));
      case 'not': {
        const inner = this.expr(e.expr);
        return inner ? negate(inner) : undefined;
      }
      default:
        try {
          return this.condition(e);
        } catch (err) {
          if (!(err instanceof Untranslatable)) throw err;
          this.note('error', err.code, `${err.message} This part is left out of the query.`, err.range ?? e.range);
          return undefined;
        }
    }
  }

  private condition(e: Expr): Node {
    switch (e.kind) {
      case 'binary': return this.binary(e);
      case 'in': return this.inList(e);
      case 'call': return this.call(e);
      case 'lambda': return this.lambda(e);
    }
    throw new Untranslatable('unsupported', 'DMQL2 has no counterpart for this expression.');
  }

  /** The RETS field behind `Prop`, `tolower(Prop)` or `date(Prop)`. */
  private subject(e: Expr): Subject {
    let x = strip(e);
    let lowered = false;
    let dateOf = false;
    if (x.kind === 'call' && (x.name === 'tolower' || x.name === 'toupper' || x.name === 'date') && x.args.length === 1) {
      lowered = x.name !== 'date';
      dateOf = x.name === 'date';
      x = strip(x.args[0]);
    }
    if (x.kind !== 'member' || x.segments.length !== 1) throw new Untranslatable('unsupported', 'DMQL2 compares a field with values; this side is not one field.', x.range);
    const name = x.segments[0].name;
    const target = this.input.source.root.byName.get(name);
    if (!target) throw new Untranslatable('unknown-field', `${name} is not a property of ${this.input.source.entitySet}.`, x.range);
    this.used.add(target.name);
    const m = this.bySource.get(target.name);
    if (!m) throw new Untranslatable('unmapped-field', `${name} has no counterpart in ${this.schema.resource} (the mapping pairs it with nothing).`, x.range);
    const field = this.bySystemName.get(m.source);
    if (!field) throw new Untranslatable('unmapped-field', `${name} maps to ${m.source}, which ${this.schema.resource}:${this.schema.className} does not have.`, x.range);
    const s: Subject = { target, field, lowered, dateOf };
    if (m.values) s.codes = inverse(m.values);
    return s;
  }

  private fieldName(s: Subject): string {
    return this.input.standardNames ? s.field.standardName : s.field.systemName;
  }

  private crit(s: Subject, value: string): Node {
    return leaf(`(${this.fieldName(s)}=${value})`);
  }

  /** A lookup value (string, or enum member) as the RETS code. */
  private code(s: Subject, lit: Expr): string {
    const x = strip(lit);
    const v = x.kind === 'enum' ? x.members.join(',') : x.kind === 'literal' && x.type === 'string' ? String(x.value) : undefined;
    if (v === undefined) throw new Untranslatable('type-mismatch', `${s.target.name} holds lookup values; this is not one.`, x.range);
    const code = s.codes ? s.codes.get(v) : v;
    if (code === undefined) throw new Untranslatable('unmapped-value', `'${v}' of ${s.target.name} has no RETS code in ${s.field.systemName}'s lookup.`, x.range);
    return formatCode(code);
  }

  private isLookup(s: Subject): boolean {
    return s.field.kind === 'lookup' || !!s.codes;
  }

  private binary(e: BinaryExpr): Node {
    if (e.op === 'has') {
      const s = this.subject(e.left);
      const r = strip(e.right);
      if (r.kind !== 'enum') throw new Untranslatable('unsupported', '`has` needs an enum member.', r.range);
      const codes = r.members.map((m) => this.code(s, { ...r, members: [m] }));
      return this.crit(s, `+${codes.join(',')}`);
    }
    if (!['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(e.op)) throw new Untranslatable('unsupported', `DMQL2 has no arithmetic (${e.op}).`, e.opRange);
    let op = e.op as ComparisonOp;
    let left = e.left;
    let right = e.right;
    if (strip(left).kind === 'literal' || strip(left).kind === 'enum' || strip(left).kind === 'call' && (strip(left) as CallExpr).name === 'now') {
      [left, right] = [right, left];
      op = FLIP[op];
    }
    const s = this.subject(left);
    const r = strip(right);
    if (r.kind === 'literal' && r.type === 'null') {
      if (op === 'eq') return this.crit(s, '.EMPTY.');
      if (op === 'ne') return this.crit(s, '.ANY.');
      throw new Untranslatable('unsupported', 'Ordering against null matches nothing.', e.range);
    }
    if (this.isLookup(s) && (op === 'eq' || op === 'ne')) {
      const c = this.crit(s, `|${this.code(s, r)}`);
      return op === 'eq' ? c : negate(c)!;
    }
    const value = this.scalar(s, r);
    const eq = this.crit(s, value.text);
    switch (op) {
      case 'eq': return eq;
      case 'ne': return negate(eq)!;
      case 'ge': return this.crit(s, `${value.text}+`);
      case 'le': return this.crit(s, `${value.text}-`);
      case 'gt': case 'lt': {
        if (value.int !== undefined) return this.crit(s, op === 'gt' ? `${value.int + 1}+` : `${value.int - 1}-`);
        // Strictly above v: has a value and is not at most v (a condition on an empty field is false).
        return join('and', [this.crit(s, '.ANY.'), negate(this.crit(s, `${value.text}${op === 'gt' ? '-' : '+'}`))])!;
      }
    }
  }

  /** A literal as a DMQL2 value for the subject's field. */
  private scalar(s: Subject, x: Expr): { text: string; int?: number } {
    if (x.kind === 'call' && x.name === 'now' && x.args.length === 0) return { text: s.dateOf ? 'TODAY' : 'NOW' };
    if (x.kind === 'call' && x.name === 'date' && x.args.length === 1 && strip(x.args[0]).kind === 'call' && (strip(x.args[0]) as CallExpr).name === 'now') return { text: 'TODAY' };
    if (x.kind !== 'literal') throw new Untranslatable('unsupported', 'DMQL2 compares a field with values, not with another expression.', x.range);
    const lit: Literal = x;
    switch (lit.type) {
      case 'int': return { text: String(lit.value), int: Number(lit.value) };
      case 'decimal': case 'double': return { text: lit.text };
      case 'boolean': return { text: lit.value ? '1' : '0' };
      case 'date': return { text: lit.text };
      case 'timeofday': return { text: lit.text };
      case 'datetimeoffset': {
        const p = dateTimeParts(lit.text);
        if (!p) throw new Untranslatable('type-mismatch', `${lit.text} is not a date and time.`, lit.range);
        const utc = new Date(Math.floor(p.instant / 1000) * 1000).toISOString().slice(0, 19);
        this.note('info', 'zone', `RETS date-times carry no time zone: ${lit.text} is written as ${utc} (UTC).`, lit.range);
        return { text: utc };
      }
      case 'string': {
        const v = String(lit.value);
        if (!s.lowered && !this.caseWarned) {
          this.caseWarned = true;
          this.note('warning', 'case-insensitive', `OData compares ${s.target.name} with case; DMQL2 on most RETS servers does not, so the query may return more records (write tolower(${s.target.name}) on the OData side to compare alike).`, lit.range);
        }
        return { text: WORD.test(v) ? v : dmqlQuote(v) };
      }
      default: throw new Untranslatable('type-mismatch', `DMQL2 has no ${lit.type} values.`, lit.range);
    }
  }

  private inList(e: InExpr): Node {
    const s = this.subject(e.left);
    if (this.isLookup(s)) return this.crit(s, `|${e.items.map((i) => this.code(s, i)).join(',')}`);
    return join('or', e.items.map((i) => this.crit(s, this.scalar(s, strip(i)).text)))!;
  }

  private call(e: CallExpr): Node {
    const kinds: Record<string, [string, string]> = { startswith: ['', '*'], endswith: ['*', ''], contains: ['*', '*'] };
    const k = kinds[e.name];
    if (!k || e.args.length !== 2) throw new Untranslatable('unsupported', `DMQL2 has no counterpart for ${e.name}().`, e.nameRange);
    const s = this.subject(e.args[0]);
    const v = strip(e.args[1]);
    if (v.kind !== 'literal' || v.type !== 'string') throw new Untranslatable('unsupported', `${e.name}() with something other than text has no DMQL2 form.`, v.range);
    const text = String(v.value);
    if (!WORD.test(text)) throw new Untranslatable('wildcard-text', `A DMQL2 wildcard holds only letters, digits and _; '${text}' has others.`, v.range);
    if (!s.lowered && !this.caseWarned) {
      this.caseWarned = true;
      this.note('warning', 'case-insensitive', `OData's ${e.name}() is case-sensitive; DMQL2 wildcards on most RETS servers are not, so the query may return more records.`, e.range);
    }
    return this.crit(s, `${k[0]}${text}${k[1]}`);
  }

  private lambda(e: LambdaExpr): Node {
    const s = this.subject(e.collection);
    if (!e.predicate || !e.variable) {
      if (e.op === 'any') return this.crit(s, '.ANY.');
      throw new Untranslatable('unsupported', '`all()` without a condition has no DMQL2 form.', e.opRange);
    }
    if (e.op === 'all') throw new Untranslatable('unsupported', '`all` (every value of the field) has no DMQL2 form; `+A,B` means "has all of".', e.opRange);
    const variable = e.variable.name;
    const codes: string[] = [];
    // any(x: x eq A or x eq B) and any(x: x in (A, B)) are DMQL2's any-of.
    const collect = (p: Expr): void => {
      const x = strip(p);
      if (x.kind === 'or') { x.items.forEach(collect); return; }
      const isVar = (m: Expr) => { const y = strip(m); return y.kind === 'member' && y.segments.length === 1 && y.segments[0].name === variable; };
      if (x.kind === 'binary' && x.op === 'eq' && isVar(x.left)) { codes.push(this.code(s, x.right)); return; }
      if (x.kind === 'binary' && x.op === 'eq' && isVar(x.right)) { codes.push(this.code(s, x.left)); return; }
      if (x.kind === 'in' && isVar(x.left)) { for (const i of x.items) codes.push(this.code(s, i)); return; }
      throw new Untranslatable('unsupported', 'Inside any(), DMQL2 can only say "one of these values".', x.range);
    };
    collect(e.predicate);
    return this.crit(s, `|${codes.join(',')}`);
  }
}

const inverses = new WeakMap<Record<string, string>, Map<string, string>>();

/** Target value -> RETS code, built once per mapping entry. */
function inverse(values: Record<string, string>): Map<string, string> {
  let m = inverses.get(values);
  if (!m) {
    m = new Map();
    for (const [code, v] of Object.entries(values)) if (!m.has(v)) m.set(v, code);
    inverses.set(values, m);
  }
  return m;
}

const schemas = new WeakMap<RetsMetadata, Map<string, DmqlSchema>>();

/** The DMQL view of a class, built once per metadata model (it indexes every field and lookup). */
export function schemaOf(metadata: RetsMetadata, resource: string, className: string, standardNames: boolean): DmqlSchema {
  let byKey = schemas.get(metadata);
  if (!byKey) { byKey = new Map(); schemas.set(metadata, byKey); }
  const key = `${resource}\u0000${className}\u0000${standardNames ? 1 : 0}`;
  let schema = byKey.get(key);
  if (!schema) { schema = buildSchema(metadata, resource, className, { standardNames }); byKey.set(key, schema); }
  return schema;
}

/** The class a filter selects through the class field, and the conjuncts left once it is taken out. */
function classOf(conds: Expr[], mapping: TranslationMapping): { className?: string; rest: Expr[]; range?: SourceRange } {
  const cls = mapping.classField;
  if (!cls) return { rest: conds };
  const byValue = new Map(Object.entries(cls.values).map(([name, v]) => [v, name]));
  for (let k = 0; k < conds.length; k++) {
    const c = conds[k];
    if (c.kind !== 'binary' || c.op !== 'eq') continue;
    const [m, v] = strip(c.left).kind === 'member' ? [strip(c.left), strip(c.right)] : [strip(c.right), strip(c.left)];
    if (m.kind !== 'member' || m.segments.length !== 1 || m.segments[0].name !== cls.field) continue;
    const value = v.kind === 'literal' && v.type === 'string' ? String(v.value) : v.kind === 'enum' ? v.members.join(',') : undefined;
    const name = value === undefined ? undefined : byValue.get(value);
    if (name) return { className: name, rest: [...conds.slice(0, k), ...conds.slice(k + 1)], range: c.range };
  }
  return { rest: conds };
}

/** Translates a $filter on the mapped entity set into a DMQL2 query and the class to search. */
export function odataToDmql(filter: string, input: ToDmqlInput): ODataToDmqlResult {
  const resource = findResource(input.metadata, input.mapping.resource)?.id ?? input.mapping.resource;
  const parsed = parseFilter(filter);
  if (!parsed.ast) {
    return { text: '', resource, complete: false, notes: parsed.errors.map((e) => ({ severity: 'error', code: e.code, message: `The $filter does not parse: ${e.message}`, range: e.range })) };
  }
  const found = classOf(conjuncts(parsed.ast.expr), input.mapping);
  const notes: TranslationNote[] = [];
  let className = found.className ?? input.className;
  const res = findResource(input.metadata, resource);
  if (!className && res?.classes.length === 1) className = res.classes[0].name;
  if (!className) {
    const field = input.mapping.classField?.field;
    const message = field
      ? `The filter does not say which class to search: RETS searches one class at a time. Add ${field} eq '…' (one of ${Object.values(input.mapping.classField!.values).join(', ')}) or name the class.`
      : `The mapping does not say which field tells the classes of ${resource} apart: name the class to search.`;
    return { text: '', resource, complete: false, notes: [{ severity: 'error', code: 'no-class', message }] };
  }
  if (found.className) notes.push({ severity: 'info', code: 'class', message: `${input.mapping.classField!.field} selects the RETS class ${resource}:${className}.`, ...(found.range ? { range: found.range } : {}) });
  let schema: DmqlSchema;
  try {
    schema = schemaOf(input.metadata, resource, className, input.standardNames ?? false);
  } catch (e) {
    if (!(e instanceof SchemaError)) throw e;
    return { text: '', resource, className, complete: false, notes: [...notes, { severity: 'error', code: 'no-class', message: e.message }] };
  }
  const t = new ToDmql(input, schema);
  const body = join('and', found.rest.map((x) => t.expr(x)));
  notes.push(...t.notes);
  for (const a of input.mapping.assumptions ?? []) if (assumptionConcerns(a, t.used, input.mapping)) notes.push({ severity: 'info', code: 'mapping-assumed', message: a });
  let text: string;
  if (body) text = printDmql(body);
  else {
    // RETS needs a condition: the key field at any value selects the whole class.
    const key = res?.keyField ? schema.fields.find((f) => f.systemName === res.keyField) : undefined;
    text = key ? `(${input.standardNames ? key.standardName : key.systemName}=.ANY.)` : '';
    if (key) notes.push({ severity: 'info', code: 'whole-class', message: `Nothing but the class is asked for: (${key.systemName}=.ANY.) selects every record of ${className}.` });
  }
  return { text, resource, className, complete: !notes.some((n) => n.severity === 'error'), notes };
}
