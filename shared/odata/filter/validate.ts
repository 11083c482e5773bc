// Validation of a $filter against a service's schema: syntax errors (all of them, with the parts
// around them still checked), then names (case-sensitive, with did-you-mean), types (operands of
// comparisons, arithmetic and functions), enum literals (namespace and members), lookup values
// (from the Lookup resource), collections used without a lambda, lambda scopes, and what a 4.0
// server rejects (`in`, upper-case operators). Messages say what is wrong and what to write.
import type { Diagnostic, Severity } from '../../dmql/validate';
import { children, type BinaryExpr, type CallExpr, type EnumLiteral, type Expr, type Filter, type FilterError, type Fix, type InExpr, type LambdaExpr, type Literal, type MemberExpr, type SourceRange } from './ast';
import { guessEnumMembers, guessFieldNames, guessFunctions, guessLookupValues } from './didYouMean';
import { formatExpr } from './format';
import { FUNCTION_BY_NAME, type ParamKind } from './functions';
import { quote } from './lexer';
import { parseFilter } from './parser';
import type { FilterEnum, FilterField, FilterSchema } from './schema';
import {
  arithmeticType, isNumeric, literalKind, resolveMember, typeNameKind, lambdaScope, type MemberProblem, type Scope, type TypeInfo, UNKNOWN,
} from './typing';
import { dateKey, dateTimeParts, durationKey, timeKey } from './values';

export type { Diagnostic, Severity };

function rng(x: SourceRange): SourceRange {
  return { start: x.start, end: x.end };
}

function replaceFix(title: string, range: SourceRange, text: string): Fix {
  return { title, edits: [{ range: rng(range), text }] };
}

export function syntaxDiagnostic(e: FilterError): Diagnostic {
  return { range: e.range, severity: 'error', message: `Syntax: ${e.message}.`, code: e.code, ...(e.fix ? { fix: e.fix } : {}) };
}

const KIND_WORDS: Record<string, string> = {
  string: 'text', int: 'a whole number', decimal: 'a number', double: 'a number', boolean: 'true or false', date: 'a date (2024-01-31)',
  datetimeoffset: 'a date and time (2024-01-31T10:00:00Z)', timeofday: 'a time of day (10:30:00)', duration: "a duration (duration'P1D')",
  guid: 'a GUID', enum: 'an enumeration value', entity: 'an entity', complex: 'a structured value', geo: 'a geographic value', null: 'null', binary: 'binary data',
};

function words(t: TypeInfo): string {
  return KIND_WORDS[t.kind] ?? t.kind;
}

function fieldLabel(f: FilterField): string {
  return `${f.name} (${f.type}${f.lookup ? `, lookup ${f.lookup.name}` : ''})`;
}

class Checker {
  readonly out: Diagnostic[] = [];
  constructor(private readonly schema: FilterSchema, private readonly src: string | undefined) {}

  private push(range: SourceRange, severity: Severity, code: string, message: string, fix?: Fix): void {
    this.out.push(fix ? { range: rng(range), severity, code, message, fix } : { range: rng(range), severity, code, message });
  }

  private text(e: { range: SourceRange }): string {
    return this.src !== undefined ? this.src.slice(e.range.start, e.range.end) : '';
  }

  private exprText(e: Expr): string {
    return this.src !== undefined ? this.text(e) : formatExpr(e);
  }

  /** Operator words in a case other than lower: fine for 4.01, rejected by 4.0 servers. */
  private operatorCase(range: SourceRange, op: string): void {
    if (this.src === undefined || range.end <= range.start) return;
    const written = this.src.slice(range.start, range.end);
    if (written === op || written.toLowerCase() !== op) return;
    const v40 = this.schema.version === '4.0';
    this.push(range, v40 ? 'warning' : 'info', 'operator-case', `\`${written}\`: ${v40 ? 'OData 4.0 servers only know lower-case operators and functions' : 'OData 4.01 accepts any case, but 4.0 servers and many tools only know lower case'}: write \`${op}\`.`, replaceFix(`Write ${op}`, range, op));
  }

  /** Types an expression, reporting what is wrong in it. */
  check(e: Expr, scope: Scope): TypeInfo {
    switch (e.kind) {
      case 'literal': this.literal(e); return { kind: literalKind(e.type), collection: false };
      case 'enum': return this.enumLiteral(e, undefined);
      case 'member': return this.member(e, scope);
      case 'group': return this.check(e.expr, scope);
      case 'type': return { kind: typeNameKind(e.name, this.schema), collection: false };
      case 'negate': {
        const t = this.check(e.expr, scope);
        this.scalar(e.expr, t);
        if (t.kind !== 'unknown' && t.kind !== 'null' && !isNumeric(t.kind) && t.kind !== 'duration') this.push(e.range, 'error', 'type-mismatch', `\`-\` negates numbers and durations; ${this.exprText(e.expr)} is ${words(t)}.`);
        return { kind: t.kind, collection: false };
      }
      case 'not': {
        this.operatorCase(e.opRange, 'not');
        const t = this.check(e.expr, scope);
        this.condition(e.expr, t, '`not`');
        return { kind: 'boolean', collection: false };
      }
      case 'and': case 'or': {
        for (const r of e.opRanges) this.operatorCase(r, e.kind);
        for (const x of e.items) this.condition(x, this.check(x, scope), `\`${e.kind}\``);
        return { kind: 'boolean', collection: false };
      }
      case 'binary': return this.binary(e, scope);
      case 'in': return this.inExpr(e, scope);
      case 'lambda': return this.lambda(e, scope);
      case 'call': return this.call(e, scope);
    }
  }

  /** An operand of and/or/not (or the whole filter) must be a condition. */
  condition(e: Expr, t: TypeInfo, where: string): void {
    if (t.kind === 'boolean' || t.kind === 'unknown' || t.kind === 'null') {
      if (t.collection) this.collectionWithoutLambda(e, t);
      return;
    }
    const f = t.field;
    this.push(e.range, 'error', 'not-a-condition', `${where} needs a condition (true or false), but ${this.exprText(e)} is ${f ? `${fieldLabel(f)}, ` : ''}${words(t)}: compare it, e.g. ${this.exprText(e)} eq …`);
  }

  private literal(l: Literal): void {
    let bad = false;
    if (l.type === 'date') bad = Number.isNaN(dateKey(l.text));
    else if (l.type === 'datetimeoffset') bad = !dateTimeParts(l.text.replace(/(Z|[+-]\d{2}:\d{2})?$/i, 'Z'));
    else if (l.type === 'timeofday') bad = Number.isNaN(timeKey(l.text));
    else if (l.type === 'duration') bad = Number.isNaN(durationKey(String(l.value)));
    if (bad) this.push(l.range, 'error', 'invalid-value', `${l.text} is not a real ${l.type === 'duration' ? "duration (write e.g. duration'P1DT2H30M')" : l.type === 'timeofday' ? 'time of day' : 'date'}: check the month, day and hours.`);
  }

  private memberProblem(p: MemberProblem, scope: Scope, m: MemberExpr): void {
    const seg = p.segment;
    if (p.problem === 'through-collection') {
      const path = m.segments.slice(0, p.index).map((s) => s.name).join('/');
      const v = p.field.name[0].toLowerCase();
      const rest = m.segments.slice(p.index).map((s) => s.name).join('/');
      this.push(seg.range, 'error', 'collection-path', `${p.field.name} is a collection (${p.field.type}): a path cannot go through it. Test its items with a lambda: ${path}/any(${v}: ${v}/${rest} eq …).`);
      return;
    }
    if (p.problem === 'not-structured') {
      this.push(seg.range, 'error', 'not-structured', `${p.field.name} is ${p.field.type}, which has no properties: ${seg.name} cannot follow it.`);
      return;
    }
    const type = p.type;
    const where = p.index === 0 ? `${this.schema.entitySet} (${type.name})` : type.name;
    const same = type.byLower.get(seg.name.toLowerCase());
    if (same?.length) {
      this.push(seg.range, 'error', 'field-case', `Property names are case-sensitive: ${where} spells it ${same[0].name}.`, replaceFix(`Write ${same[0].name}`, seg.range, same[0].name));
      return;
    }
    const vars = p.index === 0 ? [...scope.keys()] : [];
    const guesses = guessFieldNames(type, seg.name).map((f) => f.name);
    for (const v of vars) if (v.toLowerCase() === seg.name.toLowerCase()) guesses.unshift(v);
    if (guesses.length) {
      this.push(seg.range, 'error', 'unknown-field', `Unknown property ${seg.name}: ${where} has no property with that name. Did you mean ${guesses.join(', ')}?`, replaceFix(`Write ${guesses[0]}`, seg.range, guesses[0]));
    } else {
      this.push(seg.range, 'error', 'unknown-field', `Unknown property ${seg.name}: ${where} has no property with that name${vars.length ? ` (lambda variables here: ${vars.join(', ')})` : ''}.`);
    }
  }

  private member(m: MemberExpr, scope: Scope): TypeInfo {
    return resolveMember(m, this.schema, scope, (p) => this.memberProblem(p, scope, m));
  }

  /** A collection used where one value is needed: say so, with a lambda rewrite when the shape is simple. */
  private collectionWithoutLambda(e: Expr, t: TypeInfo, parent?: BinaryExpr | InExpr): void {
    const f = t.field;
    const name = f ? f.name : this.exprText(e);
    const v = name[0]?.toLowerCase() ?? 'x';
    let fix: Fix | undefined;
    let example = `${name}/any(${v}: ${v} eq …)`;
    if (parent && e.kind === 'member' && parent.left === e) {
      const path = this.exprText(e);
      const rhs = parent.kind === 'in' ? `${this.src?.slice(parent.opRange.start, parent.range.end) ?? ''}` : `${parent.op} ${this.exprText(parent.right)}`;
      example = `${path}/any(${v}: ${v} ${rhs})`;
      if (this.src !== undefined) fix = replaceFix('Use any()', parent.range, example);
    }
    this.push(e.range, 'error', 'collection-without-lambda', `${f ? fieldLabel(f) : name} holds several values: compare its items through a lambda, e.g. ${example}.`, fix);
  }

  /** Reports a collection where a single value belongs; returns false when it was one. */
  private scalar(e: Expr, t: TypeInfo, parent?: BinaryExpr | InExpr): boolean {
    if (!t.collection) return true;
    this.collectionWithoutLambda(e, t, parent);
    return false;
  }

  private binary(e: BinaryExpr, scope: Scope): TypeInfo {
    this.operatorCase(e.opRange, e.op);
    let left = e.left;
    let lt: TypeInfo;
    if (left.kind === 'not') {
      // `not A eq B` is `(not A) eq B` by precedence: almost always `not (A eq B)` was meant.
      const inner = this.check(left.expr, scope);
      if (inner.kind !== 'boolean' && inner.kind !== 'unknown' && inner.kind !== 'null') {
        this.push(left.opRange, 'error', 'not-precedence', `\`not\` binds tighter than \`${e.op}\`: this reads (not ${this.exprText(left.expr)}) ${e.op} …, and ${this.exprText(left.expr)} is not a condition. Put the comparison in parentheses.`, {
          title: 'Add parentheses', edits: [{ range: { start: left.expr.range.start, end: left.expr.range.start }, text: '(' }, { range: { start: e.range.end, end: e.range.end }, text: ')' }],
        });
        left = left.expr;
        lt = inner;
      } else lt = { kind: 'boolean', collection: false };
    } else lt = this.check(left, scope);
    if (e.right.kind === 'enum' && lt.kind === 'string' && lt.field?.lookup && !lt.collection) {
      // An enum-style filter sent to a server whose lookups are strings (the Lookup resource).
      this.enumOnString(e.right, lt, e.op === 'has' ? e : undefined);
      return { kind: 'boolean', collection: false };
    }
    if (e.op === 'has') return this.has(e, lt, scope);
    const rt = e.right.kind === 'enum' ? this.enumLiteral(e.right, lt.enumType) : this.check(e.right, scope);
    const okL = this.scalar(left, lt, e);
    const okR = this.scalar(e.right, rt);
    if (!okL || !okR) return { kind: 'boolean', collection: false };
    if (e.op === 'add' || e.op === 'sub' || e.op === 'mul' || e.op === 'div' || e.op === 'divby' || e.op === 'mod') {
      const k = arithmeticType(e.op, lt, rt);
      if (k === undefined) this.push(e.opRange, 'error', 'type-mismatch', `\`${e.op}\` needs numbers${e.op === 'add' || e.op === 'sub' ? ' (or a date and a duration)' : ''}: ${this.exprText(left)} is ${words(lt)} and ${this.exprText(e.right)} is ${words(rt)}.`);
      return { kind: k ?? 'unknown', collection: false };
    }
    this.compare(e, left, lt, e.right, rt);
    return { kind: 'boolean', collection: false };
  }

  private has(e: BinaryExpr, lt: TypeInfo, scope: Scope): TypeInfo {
    const rt = e.right.kind === 'enum' ? this.enumLiteral(e.right, lt.enumType) : this.check(e.right, scope);
    if (!this.scalar(e.left, lt, e)) return { kind: 'boolean', collection: false };
    if (lt.kind !== 'enum' && lt.kind !== 'unknown') {
      this.push(e.opRange, 'error', 'has-on-non-enum', `\`has\` tests the flags of an enumeration; ${this.exprText(e.left)} is ${words(lt)}.${lt.kind === 'string' ? ' For text use contains(), for lookups eq.' : ''}`);
    } else if (e.right.kind !== 'enum' && rt.kind !== 'unknown') {
      const en = lt.enumType;
      const member = e.right.kind === 'literal' && typeof e.right.value === 'string' ? e.right.value : undefined;
      const fix = en && member !== undefined ? replaceFix('Write an enum literal', e.right.range, `${en.name}'${member}'`) : undefined;
      this.push(e.right.range, 'error', 'has-needs-enum-literal', `\`has\` takes an enumeration literal such as ${en ? `${en.name}'${en.members[0]?.name ?? 'Member'}'` : "Namespace.Type'Member'"}.`, fix);
    }
    return { kind: 'boolean', collection: false };
  }

  /** Checks that two operands of a comparison can be compared; lookup values and lengths too. */
  private compare(e: BinaryExpr | InExpr, left: Expr, lt: TypeInfo, right: Expr, rt: TypeInfo): void {
    const lk = lt.kind;
    const rk = rt.kind;
    const op = e.kind === 'binary' ? e.op : 'eq';
    if (lk === 'unknown' || rk === 'unknown') return;
    if (lk === 'null' || rk === 'null') {
      const other = lk === 'null' ? rt : lt;
      if (op !== 'eq' && op !== 'ne') this.push(e.range, 'warning', 'null-order', `\`${op}\` with null is always false: use eq null or ne null.`);
      else if (other.field && !other.field.nullable) this.push(e.range, 'info', 'never-null', `${other.field.name} is not nullable (Nullable="false"), so it is never null.`);
      return;
    }
    if (isNumeric(lk) && isNumeric(rk)) {
      if (!this.numberFits(lt, right)) this.numberFits(rt, left);
      return;
    }
    if (lk === rk && lk !== 'enum') {
      if (lk === 'string' && !this.stringValue(lt, right)) this.stringValue(rt, left);
      return;
    }
    if (lk === 'enum' || rk === 'enum') {
      const [en, other, ot] = lk === 'enum' ? [lt, right, rt] : [rt, left, lt];
      if (ot.kind === 'enum') return; // both enums: member names checked on the literal
      if (ot.kind === 'string' && other.kind === 'literal' && en.enumType) {
        const member = String(other.value);
        const known = en.enumType.byName.has(member);
        if (this.schema.version === '4.0') {
          this.push(other.range, 'error', 'enum-needs-prefix', `${en.field?.name ?? 'This value'} is an enumeration (${en.enumType.name}): OData 4.0 writes its values with the type, ${en.enumType.name}'${member}'.`, replaceFix('Add the enum type', other.range, `${en.enumType.name}'${member}'`));
        } else if (!known) this.enumMember(en.enumType, member, other.range, `${en.enumType.name}'`);
        return;
      }
    }
    // A literal of the wrong form: say what to write instead.
    const [fieldSide, litSide, ft] = right.kind === 'literal' ? [left, right, lt] : left.kind === 'literal' ? [right, left, rt] : [undefined, undefined, undefined];
    if (fieldSide && litSide && litSide.kind === 'literal' && ft) {
      const fix = this.convertLiteral(litSide, ft);
      this.push(litSide.range, 'error', 'type-mismatch', `${ft.field ? fieldLabel(ft.field) : this.exprText(fieldSide)} is ${words(ft)}; ${litSide.text.length > 40 ? 'this value' : litSide.text} is ${words({ kind: literalKind(litSide.type), collection: false })}${fix ? `: write ${fix.edits[0].text}` : ''}.`, fix);
      return;
    }
    if (isNumeric(lk) !== isNumeric(rk) || lk !== rk) {
      this.push(e.range, 'error', 'type-mismatch', `${this.exprText(left)} is ${words(lt)} and ${this.exprText(right)} is ${words(rt)}: they cannot be compared.`);
    }
  }

  /** A number literal compared with a whole-number field, or with more decimals than the field's Scale. */
  private numberFits(ft: TypeInfo, other: Expr): boolean {
    const f = ft.field;
    if (!f || other.kind !== 'literal' || (other.type !== 'decimal' && other.type !== 'double')) return false;
    const frac = /\.(\d*?)0*(?:[eE]|$)/.exec(other.text)?.[1] ?? '';
    if (ft.kind === 'int' && frac.length > 0 && other.type === 'decimal') {
      this.push(other.range, 'warning', 'fraction-on-integer', `${f.name} holds whole numbers (${f.type}); ${other.text} has a fraction, so eq never matches it.`);
    } else if (typeof f.scale === 'number' && other.type === 'decimal' && frac.length > f.scale) {
      this.push(other.range, 'info', 'beyond-scale', `${f.name} keeps ${f.scale} decimal place${f.scale === 1 ? '' : 's'} (Scale ${f.scale}); ${other.text} has ${frac.length}.`);
    }
    return true;
  }

  /** The same value written as a literal of the field's type, when there is an obvious one. */
  private convertLiteral(l: Literal, ft: TypeInfo): Fix | undefined {
    const v = l.value;
    const to = (text: string) => replaceFix(`Write ${text}`, l.range, text);
    if (isNumeric(ft.kind) && typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return to(v.trim());
    if (ft.kind === 'string' && (l.type === 'int' || l.type === 'decimal' || l.type === 'double' || l.type === 'date' || l.type === 'guid')) return to(quote(l.text));
    if (ft.kind === 'boolean' && typeof v === 'string' && /^(true|false)$/i.test(v)) return to(v.toLowerCase());
    if (ft.kind === 'datetimeoffset' && l.type === 'date') return to(`${l.text}T00:00:00Z`);
    if (ft.kind === 'datetimeoffset' && typeof v === 'string' && dateTimeParts(v)) return to(/([Zz]|[+-]\d{2}:\d{2})$/.test(v) ? v : `${v}Z`);
    if (ft.kind === 'date' && l.type === 'datetimeoffset') return to(l.text.slice(0, 10));
    if (ft.kind === 'date' && typeof v === 'string' && !Number.isNaN(dateKey(v))) return to(v);
    if (ft.kind === 'duration' && typeof v === 'string' && !Number.isNaN(durationKey(v))) return to(`duration'${v}'`);
    return undefined;
  }

  /** A string literal compared with a field: lookup values and MaxLength. Returns true when it applied. */
  private stringValue(ft: TypeInfo, other: Expr): boolean {
    const f = ft.field;
    if (!f || other.kind !== 'literal' || other.type !== 'string') return false;
    const value = String(other.value);
    if (f.lookup && !f.lookup.byValue.has(value)) {
      const guesses = guessLookupValues(f.lookup, value);
      const label = `lookup ${f.lookup.name}`;
      if (guesses.length) {
        const best = guesses[0];
        const alias = best.value.toLowerCase() !== value.toLowerCase() && (best.standardValue?.toLowerCase() === value.toLowerCase() || best.legacyODataValue?.toLowerCase() === value.toLowerCase());
        this.push(other.range, 'error', 'unknown-lookup-value', alias
          ? `'${value}' is how the Data Dictionary or the older enum style names it; this server's ${label} value is '${best.value}'.`
          : `'${value}' is not a value of ${label} (used by ${f.name}). Did you mean ${guesses.map((g) => `'${g.value}'`).join(', ')}?`,
        replaceFix(`Write '${best.value}'`, other.range, quote(best.value)));
      } else {
        this.push(other.range, 'error', 'unknown-lookup-value', `'${value}' is not a value of ${label} (used by ${f.name}), which has ${f.lookup.values.length} values: type after \`eq '\` to see them.`);
      }
      return true;
    }
    if (f.maxLength !== undefined && value.length > f.maxLength) {
      this.push(other.range, 'warning', 'too-long', `${f.name} holds at most ${f.maxLength} characters (MaxLength); this value has ${value.length}, so it can never be equal.`);
    }
    return true;
  }

  private enumMember(en: FilterEnum, member: string, range: SourceRange, prefix: string): void {
    const g = guessEnumMembers(en, member);
    const fix = g.length ? replaceFix(`Write ${g[0].name}`, range, this.src !== undefined && prefix ? this.src.slice(range.start, range.end).replace(member, g[0].name) : g[0].name) : undefined;
    this.push(range, 'error', 'unknown-enum-member', `${member} is not a member of ${en.name}${g.length ? `. Did you mean ${g.map((x) => x.name).join(', ')}?` : ` (members: ${en.members.slice(0, 8).map((x) => x.name).join(', ')}${en.members.length > 8 ? ', …' : ''})`}`, fix);
  }

  /** Checks an enum literal (type name and members) against the enum the other operand expects, if known. */
  enumLiteral(l: EnumLiteral, expected: FilterEnum | undefined): TypeInfo {
    const model = this.schema.model;
    let en = model.enums.get(l.typeName);
    if (expected && en !== expected) {
      this.push(l.typeRange, 'error', 'enum-namespace', `This value's type is ${l.typeName}, but the property is of enumeration type ${expected.name}${en ? '' : `; this server has no ${l.typeName}`}: namespaces differ between servers.`, replaceFix(`Write ${expected.name}`, l.typeRange, expected.name));
      en = expected;
    } else if (!en) {
      const short = l.typeName.slice(l.typeName.lastIndexOf('.') + 1);
      const same = [...new Set(model.enums.values())].filter((x) => x.name.endsWith(`.${short}`));
      this.push(l.typeRange, 'error', 'unknown-enum-type', `${l.typeName} is not an enumeration type of this server${same.length ? `: it has ${same.map((x) => x.name).join(', ')}` : ''}.`, same.length === 1 ? replaceFix(`Write ${same[0].name}`, l.typeRange, same[0].name) : undefined);
      if (same.length !== 1) return { kind: 'enum', collection: false };
      en = same[0];
    }
    if (l.members.length > 1 && !en.isFlags) this.push(l.valueRange, 'error', 'enum-not-flags', `${en.name} is not a flags enumeration (IsFlags is not true): it takes one member, not ${l.members.length}.`);
    let at = l.valueRange.start + 1;
    for (const m of l.members) {
      const body = this.src !== undefined ? this.src.slice(at, l.valueRange.end) : '';
      const off = body.indexOf(m);
      const start = off >= 0 ? at + off : l.valueRange.start;
      const range = { start, end: off >= 0 ? start + m.length : l.valueRange.end };
      if (!en.byName.has(m)) this.enumMember(en, m, range, '');
      at = range.end;
    }
    return { kind: 'enum', collection: false, enumType: en };
  }

  /** `Field eq NS.Type'Member'` where Field is a string lookup: the value to write is the lookup's string. */
  private enumOnString(l: EnumLiteral, ft: TypeInfo, has?: BinaryExpr): void {
    const f = ft.field;
    const member = l.members[0] ?? '';
    const hit = f?.lookup && (f.lookup.byValue.get(member) ?? f.lookup.values.find((v) => v.legacyODataValue === member) ?? f.lookup.byAnyLower.get(member.toLowerCase()));
    const value = hit ? hit.value : member;
    const literal = quote(value);
    const fix = l.members.length !== 1 ? undefined : has && this.src !== undefined
      ? replaceFix(`Write ${this.text(has.left)} eq ${literal}`, has.range, `${this.text(has.left)} eq ${literal}`)
      : replaceFix(`Write ${literal}`, l.range, literal);
    this.push(l.range, 'error', 'enum-on-string', `${f ? fieldLabel(f) : 'This property'} is a string${f?.lookup ? ' lookup (values from the Lookup resource)' : ''} on this server, not an enumeration: compare it with a string${hit ? `, ${literal}` : ''}${has ? ' using eq' : ''}.`, fix);
  }

  private inExpr(e: InExpr, scope: Scope): TypeInfo {
    this.operatorCase(e.opRange, 'in');
    const lt = this.check(e.left, scope);
    if (this.schema.version === '4.0') {
      const l = this.exprText(e.left);
      const rewrite = e.items.map((x) => `${l} eq ${this.exprText(x)}`).join(' or ');
      this.push(e.opRange, 'error', 'in-on-4.0', `\`in\` is OData 4.01; this server speaks 4.0: write the values with \`or\`${e.items.length > 1 ? ' (in parentheses)' : ''}.`, replaceFix('Rewrite with or', e.range, e.items.length > 1 ? `(${rewrite})` : rewrite));
    }
    const scalar = this.scalar(e.left, lt, e);
    for (const x of e.items) {
      if (x.kind === 'enum' && lt.kind === 'string' && lt.field?.lookup) { this.enumOnString(x, lt); continue; }
      const t = x.kind === 'enum' ? this.enumLiteral(x, lt.enumType) : this.check(x, scope);
      if (scalar) this.compare(e, e.left, lt, x, t);
    }
    return { kind: 'boolean', collection: false };
  }

  private lambda(e: LambdaExpr, scope: Scope): TypeInfo {
    const ct = this.member(e.collection, scope);
    if (ct.kind !== 'unknown' && !ct.collection) {
      this.push(e.opRange, 'error', 'lambda-on-single', `${e.op}() applies to collections; ${this.exprText(e.collection)} holds one value${ct.kind === 'enum' ? ' (for flags use has)' : ''}: compare it directly.`);
    }
    if (e.variable && scope.has(e.variable.name)) this.push(e.variable.range, 'warning', 'lambda-shadow', `${e.variable.name} is already a lambda variable here: use another name so the outer one stays reachable.`);
    if (e.variable && ct.structured?.byName.has(e.variable.name)) this.push(e.variable.range, 'warning', 'lambda-shadow', `${e.variable.name} is also a property name: a different variable name avoids confusion.`);
    if (e.predicate && e.variable && !mentions(e.predicate, e.variable.name)) {
      this.push(e.variable.range, 'warning', 'lambda-variable-unused', `The condition inside ${e.op}() never uses ${e.variable.name}, so it does not look at the items of ${this.exprText(e.collection)}: write ${e.variable.name}/… or ${e.variable.name} where an item is meant.`);
    }
    if (e.predicate) {
      const inner = lambdaScope(scope, e.variable?.name, ct.kind === 'unknown' ? UNKNOWN : ct);
      this.condition(e.predicate, this.check(e.predicate, inner), `${e.op}()`);
    }
    return { kind: 'boolean', collection: false };
  }

  private call(e: CallExpr, scope: Scope): TypeInfo {
    const info = FUNCTION_BY_NAME.get(e.name);
    const types = e.args.map((a) => (a.kind === 'type' ? { kind: typeNameKind(a.name, this.schema), collection: false } : this.check(a, scope)));
    if (!info) {
      if (e.name.includes('.') && !e.name.startsWith('geo.')) return UNKNOWN; // a service's own function
      const g = guessFunctions(e.name);
      this.push(e.nameRange, 'error', 'unknown-function', `${this.src?.slice(e.nameRange.start, e.nameRange.end) ?? e.name}() is not an OData function${g.length ? `. Did you mean ${g.map((x) => `${x}()`).join(', ')}?` : ''}`, g.length ? replaceFix(`Write ${g[0]}`, e.nameRange, g[0]) : undefined);
      return UNKNOWN;
    }
    if (this.src?.slice(e.nameRange.start, e.nameRange.end) !== 'matchesPattern') this.operatorCase(e.nameRange, e.name); // the spec's own spelling
    if (e.args.length < info.min || e.args.length > info.max) {
      this.push(e.range, 'error', 'argument-count', `${info.name}() takes ${info.min === info.max ? info.min : `${info.min} to ${info.max}`} argument${info.max === 1 ? '' : 's'}: ${info.display}.`);
      return { kind: info.signature.returns === 'same' ? types[0]?.kind ?? 'unknown' : info.signature.returns, collection: false };
    }
    if (info.name === 'cast' || info.name === 'isof') {
      const last = e.args[e.args.length - 1];
      if (last.kind !== 'type') this.push(last.range, 'error', 'argument-type', `the last argument of ${info.name}() is a type name such as Edm.String.`);
      else if (types[types.length - 1].kind === 'unknown') this.push(last.range, 'warning', 'unknown-type', `${last.name} is not an Edm type or a type of this server.`);
      return info.name === 'cast' ? { kind: types[types.length - 1].kind, collection: false } : { kind: 'boolean', collection: false };
    }
    e.args.forEach((a, i) => {
      const t = types[i];
      if (!this.scalar(a, t)) return;
      const accepts = info.signature.params[i] ?? ['any'];
      if (!fits(t, accepts)) {
        this.push(a.range, 'error', 'argument-type', `${info.name}() wants ${accepts.map((k) => (k === 'number' ? 'a number' : KIND_WORDS[k] ?? k)).join(' or ')} here; ${this.exprText(a)} is ${t.field ? `${fieldLabel(t.field)}, ` : ''}${words(t)}${t.kind === 'enum' ? ': compare enumeration values with eq or has' : ''}.`);
      }
    });
    if (info.signature.returns === 'same') return { kind: types[0]?.kind ?? 'unknown', collection: false };
    return { kind: info.signature.returns, collection: false };
  }
}

/** True when `e` refers to the variable `name` (walked iteratively). */
function mentions(e: Expr, name: string): boolean {
  const stack: Expr[] = [e];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.kind === 'member' && x.segments[0].name === name) return true;
    if (x.kind === 'lambda' && x.variable?.name === name) { stack.push(x.collection); continue; } // shadowed inside
    stack.push(...children(x));
  }
  return false;
}

function fits(t: TypeInfo, accepts: ParamKind[]): boolean {
  if (t.kind === 'unknown' || t.kind === 'null') return true;
  return accepts.some((k) => k === 'any' || k === t.kind || (k === 'number' && isNumeric(t.kind)) || (k === 'int' && t.kind === 'int'));
}

/** Diagnostics for a filter (text or parsed tree) against a schema, in source order. */
export function validateFilter(filterOrAst: string | Filter, schema: FilterSchema): Diagnostic[] {
  const src = typeof filterOrAst === 'string' ? filterOrAst : undefined;
  const out: Diagnostic[] = [];
  let ast: Filter | undefined = typeof filterOrAst === 'string' ? undefined : filterOrAst;
  if (src !== undefined) {
    const r = parseFilter(src);
    for (const e of r.errors) out.push(syntaxDiagnostic(e));
    ast = r.ast ?? r.partial;
  }
  if (ast) {
    const c = new Checker(schema, src);
    const t = c.check(ast.expr, new Map());
    c.condition(ast.expr, t, 'A filter');
    out.push(...c.out);
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}
