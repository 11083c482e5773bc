// DMQL2 -> OData $filter, through a mapping. Semantics followed are those of shared/dmql/compile
// (what the Demo MLS and most RETS servers do): strings compare without case, so the filter
// compares tolower(Field) with a lower-cased value; a condition on an empty field is false, so
// negated lookups add `ne null`; dates compare by day. Whatever has no $filter form is left out
// and reported with its range, never dropped silently.
import type { Criterion, Expr, ListItem, LookupCode, LookupOp, Pattern, Scalar, SourceRange } from '../dmql/ast';
import { parse } from '../dmql/parser';
import type { DmqlField, DmqlSchema } from '../dmql/schema';
import { wildcardMatcher } from '../dmql/wildcard';
import { quote } from '../odata/filter/lexer';
import type { FilterField, FilterSchema } from '../odata/filter/schema';
import { assumptionConcerns } from './derive';
import { indexBy, memo } from './memo';
import { join, leaf, negate, printOData, type Node } from './tree';
import type { FieldMap, TranslationMapping, TranslationNote, TranslationResult } from './types';

export interface ToODataInput {
  /** The RETS class the query is written for. */
  source: DmqlSchema;
  target: FilterSchema;
  mapping: TranslationMapping;
  /** When given, TODAY and NOW become literals of this instant; else date(now()) and now(). */
  now?: Date;
}

type Op = 'eq' | 'ge' | 'le';

/** Past this many values from one wildcard, the notes warn that a server may refuse the filter's size. */
const MANY_VALUES = 30;

class Untranslatable extends Error {
  constructor(readonly code: string, message: string) { super(message); }
}

interface Target { sf: DmqlField; tf: FilterField; fm: FieldMap; name: string }

class ToOData {
  readonly notes: TranslationNote[] = [];
  private readonly fields: Map<string, FieldMap>;
  private lowered = false;
  /** Target properties the query uses, so only the mapping's assumptions about them are noted. */
  readonly used = new Set<string>();

  constructor(private readonly input: ToODataInput) {
    this.fields = memo(input.mapping, 'by-source', () => indexBy(input.mapping.fields, (f) => f.source));
  }

  note(severity: TranslationNote['severity'], code: string, message: string, range?: SourceRange): void {
    this.notes.push(range ? { severity, code, message, range } : { severity, code, message });
  }

  get caseNoted(): boolean { return this.lowered; }

  expr(e: Expr): Node | undefined {
    switch (e.kind) {
      case 'group': return this.expr(e.expr);
      case 'not': {
        const inner = this.expr(e.expr);
        // Leaving out part of a negated condition would widen or narrow the result unpredictably.
        if (!inner) return undefined;
        return negate(inner);
      }
      case 'and': case 'or': return join(e.kind, e.items.map((x) => this.expr(x)));
      case 'criterion': return this.criterion(e);
    }
  }

  private criterion(c: Criterion): Node | undefined {
    try {
      const t = this.target(c);
      return this.value(c, t);
    } catch (err) {
      if (!(err instanceof Untranslatable)) throw err;
      this.note('error', err.code, `${err.message} The condition ${c.field.name} is left out of the filter.`, c.range);
      return undefined;
    }
  }

  private target(c: Criterion): Target {
    const { source, target, mapping } = this.input;
    const sf = source.byName.get(c.field.name);
    if (!sf) throw new Untranslatable('unknown-field', `${c.field.name} is not a field of ${source.resource}:${source.className}.`);
    const fm = this.fields.get(sf.systemName);
    if (!fm) throw new Untranslatable('unmapped-field', `${c.field.name} has no counterpart in ${mapping.entitySet} (the mapping pairs it with nothing).`);
    const tf = target.root.byName.get(fm.target);
    if (!tf || tf.navigation) throw new Untranslatable('unmapped-field', `${c.field.name} maps to ${fm.target}, which ${target.entitySet} does not have.`);
    this.used.add(tf.name);
    return { sf, tf, fm, name: tf.name };
  }

  private value(c: Criterion, t: Target): Node | undefined {
    const v = c.value;
    const { tf, name } = t;
    if (v.kind === 'empty') return leaf(tf.collection ? `not ${name}/any()` : `${name} eq null`);
    if (v.kind === 'any') return leaf(tf.collection ? `${name}/any()` : `${name} ne null`);
    if (v.kind === 'lookup') return this.lookup(v.op, v.values, t);
    // A bare code (or codes) on a lookup field means any-of, as the evaluator reads it.
    if (t.sf.kind === 'lookup' && v.items.every((i) => i.kind === 'text' || i.kind === 'number' || i.kind === 'literal')) {
      return this.lookup('any', v.items.map((i) => ({ value: i.kind === 'literal' ? i.value : (i as { text: string }).text, range: i.range })), t);
    }
    if (t.sf.kind === 'lookup' && v.items.every((i) => i.kind === 'pattern')) return this.lookupPattern(v.items as Pattern[], t);
    return join('or', v.items.map((i) => this.item(i, t)));
  }

  /** A target value as a literal: an enum member on an EnumType property, else a string. */
  private literalOf(tf: FilterField, value: string): string {
    return tf.enumType ? `${tf.enumType.name}'${value}'` : quote(value);
  }

  private mapCode(code: LookupCode, t: Target): string {
    const mapped = t.fm.values ? t.fm.values[code.value] : code.value;
    if (mapped === undefined) throw new Untranslatable('unmapped-value', `The lookup value ${code.value} of ${t.sf.name} has no counterpart in ${t.name}'s values.`);
    return mapped;
  }

  private lookup(op: LookupOp, codes: LookupCode[], t: Target): Node {
    const { tf, name } = t;
    const lits = codes.map((c) => this.literalOf(tf, this.mapCode(c, t)));
    const v401 = this.input.target.version === '4.01';
    const anyOf = (subject: string): string => (lits.length > 1 && v401 && !tf.enumType
      ? `${subject} in (${lits.join(', ')})`
      : lits.map((l) => `${subject} eq ${l}`).join(' or '));
    if (tf.collection) {
      if (op === 'all') return join('and', lits.map((l) => leaf(`${name}/any(x: x eq ${l})`)))!;
      const any = leaf(`${name}/any(x: ${anyOf('x')})`);
      // A condition on an empty field is false in DMQL2, so none-of needs a value there.
      return op === 'any' ? any : join('and', [leaf(`${name}/any()`), negate(any)])!;
    }
    if (tf.enumType?.isFlags) {
      const members = lits.map((l) => leaf(`${name} has ${l}`));
      if (op === 'all') return join('and', members)!;
      return op === 'any' ? join('or', members)! : join('and', [leaf(`${name} ne null`), negate(join('or', members))])!;
    }
    const one = (l: string) => leaf(`${name} eq ${l}`);
    if (op === 'all') return join('and', lits.map(one))!;
    const any = lits.length === 1 ? one(lits[0]) : (v401 && !tf.enumType ? leaf(anyOf(name)) : join('or', lits.map(one))!);
    return op === 'any' ? any : join('and', [leaf(`${name} ne null`), negate(any)])!;
  }

  /** Wildcards on a lookup field match its codes: the metadata lists them, so the matching codes are named. */
  private lookupPattern(patterns: Pattern[], t: Target): Node {
    const lookup = t.sf.lookup;
    if (!lookup) throw new Untranslatable('pattern-on-lookup', `${t.sf.name}'s lookup values are not in the metadata, so its wildcards cannot be listed.`);
    // `*` alone matches any code: the field has a value.
    if (patterns.some((p) => /^\*+$/.test(p.text))) return leaf(t.tf.collection ? `${t.name}/any()` : `${t.name} ne null`);
    const tests = patterns.map((p) => wildcardMatcher(p.text, false));
    const codes = lookup.values.filter((v) => tests.some((test) => test(v.value))).map((v) => ({ value: v.value, range: patterns[0].range }));
    if (codes.length === 0) return leaf('false');
    const range = { start: patterns[0].range.start, end: patterns[patterns.length - 1].range.end };
    this.note('info', 'pattern-expanded', `${patterns.map((p) => p.text).join(',')} on the lookup ${t.sf.name} is written as the ${codes.length} matching code${codes.length === 1 ? '' : 's'}.`, range);
    if (codes.length > MANY_VALUES) this.note('warning', 'many-values', `${codes.length} values make a long filter: servers cap the comparisons a $filter may hold (the Demo MLS at 100), so this one may be refused; narrow the wildcard.`, range);
    return this.lookup('any', codes, t);
  }

  private item(i: ListItem, t: Target): Node | undefined {
    switch (i.kind) {
      case 'pattern': return this.pattern(i, t);
      case 'literal': return this.stringCompare(t, 'eq', i.value);
      case 'between': return join('and', [this.compare(t, 'ge', i.low), this.compare(t, 'le', i.high)]);
      case 'gte': return this.compare(t, 'ge', i.low);
      case 'lte': return this.compare(t, 'le', i.high);
      default: return this.compare(t, 'eq', i);
    }
  }

  private stringCompare(t: Target, op: Op, value: string): Node {
    if (t.tf.kind !== 'string' || t.tf.collection) throw new Untranslatable('type-mismatch', `${t.sf.name} compares text, but ${t.name} is ${t.tf.type}.`);
    this.lowered = true;
    return leaf(`tolower(${t.name}) ${op} ${quote(value.toLowerCase())}`);
  }

  private pattern(p: Pattern, t: Target): Node {
    if (t.tf.kind !== 'string' || t.tf.collection) throw new Untranslatable('type-mismatch', `Wildcards compare text, but ${t.name} is ${t.tf.type}.`);
    if (p.text.includes('?')) throw new Untranslatable('wildcard-one', `\`?\` (exactly one character) in ${p.text} has no $filter function.`);
    const parts = p.text.toLowerCase().split('*');
    const first = parts[0];
    const last = parts[parts.length - 1];
    const middle = parts.slice(1, -1).filter((s) => s !== '');
    if (middle.length > 1 || (middle.length === 1 && (first !== '' || last !== ''))) {
      throw new Untranslatable('wildcard-order', `${p.text} asks for parts in order, which startswith/endswith/contains cannot say.`);
    }
    this.lowered = true;
    const subject = `tolower(${t.name})`;
    const conds: Node[] = [];
    if (middle.length === 1) conds.push(leaf(`contains(${subject}, ${quote(middle[0])})`));
    if (first) conds.push(leaf(`startswith(${subject}, ${quote(first)})`));
    if (last) conds.push(leaf(`endswith(${subject}, ${quote(last)})`));
    // `ab*b` must not match "ab": the two ends may not overlap.
    if (first && last) conds.push(leaf(`length(${t.name}) ge ${first.length + last.length}`));
    return join('and', conds) ?? leaf(`${t.name} ne null`);
  }

  private compare(t: Target, op: Op, s: Scalar): Node {
    const { tf, sf, name } = t;
    const mismatch = (what: string) => new Untranslatable('type-mismatch', `${what} on ${sf.name} cannot be compared with ${name}, which is ${tf.type}.`);
    if (tf.collection) throw mismatch('A single value');
    switch (s.kind) {
      case 'number': case 'text': {
        if (sf.kind === 'boolean' || tf.kind === 'boolean') {
          if (tf.kind !== 'boolean' || op !== 'eq') throw mismatch(s.text);
          const b = /^(1|y|yes|t|true)$/i.test(s.text) ? 'true' : /^(0|n|no|f|false)$/i.test(s.text) ? 'false' : undefined;
          if (!b) throw mismatch(s.text);
          return leaf(`${name} eq ${b}`);
        }
        const numeric = s.text !== '' && !Number.isNaN(Number(s.text));
        if (tf.kind === 'int' || tf.kind === 'decimal' || tf.kind === 'double') {
          if (!numeric) throw mismatch(s.text);
          return leaf(`${name} ${op} ${canonicalNumber(s.text)}`);
        }
        if (tf.kind !== 'string') throw mismatch(s.text);
        // A number compared with a number field on the RETS side orders numerically; as text it would not.
        if (sf.kind === 'number' && op !== 'eq') throw new Untranslatable('type-mismatch', `${sf.name} is a number on the RETS side but ${name} is text: a range cannot be compared as text.`);
        // A number on a text field is compared as written (ZIP 06614), so case does not arise.
        if (s.kind === 'number' || sf.kind === 'number') return leaf(`${name} ${op} ${quote(s.text)}`);
        return this.stringCompare(t, op, s.text);
      }
      case 'date': case 'today': {
        const day = s.kind === 'date' ? s.text : this.today();
        if (tf.kind === 'date') return leaf(`${name} ${op} ${day}`);
        if (tf.kind === 'datetimeoffset') return leaf(`date(${name}) ${op} ${day}`);
        throw mismatch(s.kind === 'date' ? s.text : 'TODAY');
      }
      case 'datetime': case 'now': {
        if (tf.kind !== 'datetimeoffset') throw mismatch(s.kind === 'datetime' ? s.text : 'NOW');
        return leaf(`${name} ${op} ${s.kind === 'datetime' ? this.instant(s.text, s.range) : this.nowText()}`);
      }
      case 'time':
        if (tf.kind !== 'timeofday') throw mismatch(s.text);
        return leaf(`${name} ${op} ${s.text}`);
    }
  }

  private today(): string {
    return this.input.now ? this.input.now.toISOString().slice(0, 10) : 'date(now())';
  }

  private nowText(): string {
    return this.input.now ? this.input.now.toISOString().replace('.000Z', 'Z') : 'now()';
  }

  private zoneNoted = false;

  /** A RETS date-time carries no zone: taken as UTC, as the evaluator (and the Demo) do. */
  private instant(text: string, range: SourceRange): string {
    if (/(Z|[+-]\d\d:\d\d)$/.test(text)) return text;
    if (!this.zoneNoted) {
      this.zoneNoted = true;
      this.note('info', 'zone', `RETS date-times carry no time zone; ${text} is taken as UTC (${text}Z). If the server keeps local time, adjust the offset.`, range);
    }
    return `${text}Z`;
  }
}

function canonicalNumber(text: string): string {
  const n = Number(text);
  return Number.isInteger(n) && Math.abs(n) < 2 ** 53 ? String(n) : text.replace(/^\+/, '');
}

/** Translates a DMQL2 query into a $filter for the mapped entity set (the class included). */
export function dmqlToOData(query: string, input: ToODataInput): TranslationResult {
  const parsed = parse(query);
  if (!parsed.ast) {
    return { text: '', complete: false, notes: parsed.errors.map((e) => ({ severity: 'error', code: e.code, message: `The DMQL2 query does not parse: ${e.message}`, range: e.range })) };
  }
  const t = new ToOData(input);
  const body = t.expr(parsed.ast.expr);
  const cls = input.mapping.classField;
  let classNode: Node | undefined;
  if (cls) {
    const value = cls.values[input.source.className];
    const field = input.target.root.byName.get(cls.field);
    if (value === undefined || !field) {
      t.note('warning', 'class-unmapped', `The class ${input.source.className} has no value of ${cls.field} in the mapping: the filter covers every class of ${input.target.entitySet}.`);
    } else {
      classNode = leaf(`${cls.field} eq ${field.enumType ? `${field.enumType.name}'${value}'` : quote(value)}`);
      t.note('info', 'class', `The RETS class ${input.source.resource}:${input.source.className} is the condition ${cls.field} eq '${value}'.`);
    }
  }
  if (t.caseNoted) t.note('info', 'case-insensitive', 'DMQL2 compares text without case on most RETS servers (and the Demo MLS); OData eq, startswith and contains are case-sensitive, so text is compared as tolower(Field) with a lower-case value.');
  for (const a of input.mapping.assumptions ?? []) if (assumptionConcerns(a, t.used, input.mapping)) t.note('info', 'mapping-assumed', a);
  const whole = join('and', [classNode, body]);
  const complete = !t.notes.some((n) => n.severity === 'error');
  return { text: whole ? printOData(whole) : '', complete, notes: t.notes };
}
