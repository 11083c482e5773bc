// DMQL2 for RETS server A -> DMQL2 for RETS server B, through a composed mapping (pivot.ts): each
// condition keeps its operator and values, with B's field name and B's lookup codes; the class is
// B's counterpart of A's. A field or code B has no counterpart for is left out and reported with
// its range, as the DMQL2 <-> $filter translators do.
import type { Criterion, Expr, LookupCode, LookupList, Pattern, SourceRange, ValueList } from '../dmql/ast';
import { formatCode, formatValue } from '../dmql/format';
import { parse } from '../dmql/parser';
import { SchemaError, type DmqlField, type DmqlSchema } from '../dmql/schema';
import { wildcardMatcher } from '../dmql/wildcard';
import type { RetsMetadata } from '../rets/metadata/model';
import { indexBy, memo } from './memo';
import { schemaOf } from './toDmql';
import { join, leaf, negate, printDmql, type Node } from './tree';
import type { FieldMap, ODataToDmqlResult, TranslationMapping, TranslationNote } from './types';

export interface DmqlToDmqlInput {
  /** Server A's class the query is written for. */
  source: DmqlSchema;
  /** Server B's metadata, the resource and the class to search there. */
  target: RetsMetadata;
  targetResource: string;
  targetClass: string;
  /** A's SystemNames -> B's (composeMappings). */
  mapping: TranslationMapping;
  /** Where A and B are named in the notes ("Demo MLS (RETS)"). */
  sourceName?: string;
  targetName?: string;
}

class Untranslatable extends Error {
  constructor(readonly code: string, message: string, readonly range?: SourceRange) { super(message); }
}

interface Pair { sf: DmqlField; tf: DmqlField; fm: FieldMap }

class SameDmql {
  readonly notes: TranslationNote[] = [];
  private readonly fields: Map<string, FieldMap>;
  private readonly bySystemName: Map<string, DmqlField>;

  constructor(private readonly input: DmqlToDmqlInput, private readonly schema: DmqlSchema) {
    this.fields = memo(input.mapping, 'by-source', () => indexBy(input.mapping.fields, (f) => f.source));
    this.bySystemName = memo(schema, 'by-system-name', () => indexBy(schema.fields, (f) => f.systemName));
  }

  private get there(): string { return this.input.targetName ? `“${this.input.targetName}”` : `${this.schema.resource}:${this.schema.className}`; }

  note(severity: TranslationNote['severity'], code: string, message: string, range?: SourceRange): void {
    this.notes.push(range ? { severity, code, message, range } : { severity, code, message });
  }

  expr(e: Expr): Node | undefined {
    switch (e.kind) {
      case 'group': return this.expr(e.expr);
      // Leaving out part of a negated condition would widen or narrow the result unpredictably.
      case 'not': return negate(this.expr(e.expr));
      case 'and': case 'or': return join(e.kind, e.items.map((x) => this.expr(x)));
      case 'criterion': return this.criterion(e);
    }
  }

  private criterion(c: Criterion): Node | undefined {
    try {
      const p = this.pair(c);
      return leaf(`(${p.tf.systemName}=${this.value(c, p)})`);
    } catch (err) {
      if (!(err instanceof Untranslatable)) throw err;
      this.note('error', err.code, `${err.message} The condition ${c.field.name} is left out of the query.`, err.range ?? c.range);
      return undefined;
    }
  }

  private pair(c: Criterion): Pair {
    const sf = this.input.source.byName.get(c.field.name);
    if (!sf) throw new Untranslatable('unknown-field', `${c.field.name} is not a field of ${this.input.source.resource}:${this.input.source.className}.`, c.field.range);
    const fm = this.fields.get(sf.systemName);
    if (!fm) {
      const why = sf.standardName ? `${c.field.name} (standard name ${sf.standardName}) has no counterpart on ${this.there}` : `${c.field.name} has no StandardName and no saved pairing, so it has no counterpart on ${this.there}`;
      throw new Untranslatable('unmapped-field', `${why}.`, c.field.range);
    }
    const tf = this.bySystemName.get(fm.target);
    if (!tf) throw new Untranslatable('unmapped-field', `${c.field.name} maps to ${fm.target}, which ${this.schema.resource}:${this.schema.className} does not have.`, c.field.range);
    if (!tf.searchable) this.note('warning', 'not-searchable', `${tf.systemName} (for ${c.field.name}) is not searchable on ${this.there}: the server may refuse the query.`, c.field.range);
    return { sf, tf, fm };
  }

  private value(c: Criterion, p: Pair): string {
    const v = c.value;
    if (v.kind === 'empty' || v.kind === 'any') return formatValue(v);
    if (v.kind === 'lookup') return this.lookup(v.op, v.values, p, v.range);
    if (p.sf.kind === 'lookup') return this.bareCodes(v, p);
    if (p.tf.kind !== p.sf.kind) {
      const lossless = p.tf.kind === 'string' && p.sf.kind === 'number';
      if (!lossless) throw new Untranslatable('type-mismatch', `${c.field.name} is ${p.sf.kind} here but ${p.tf.systemName} is ${p.tf.kind} on ${this.there}.`, v.range);
      this.note('warning', 'type-differs', `${p.tf.systemName} holds text where ${c.field.name} holds numbers: values compare as written.`, v.range);
    }
    return formatValue(v);
  }

  /** `|A,B`, `+A,B`, `~A,B` with B's codes. */
  private lookup(op: LookupList['op'], codes: LookupCode[], p: Pair, range: SourceRange): string {
    if (p.tf.kind !== 'lookup') throw new Untranslatable('type-mismatch', `${p.sf.name} holds lookup codes but ${p.tf.systemName} on ${this.there} does not.`, range);
    const mapped = codes.map((code) => this.code(code, p));
    return `${op === 'any' ? '|' : op === 'all' ? '+' : '~'}${mapped.map(formatCode).join(',')}`;
  }

  private code(code: LookupCode, p: Pair): string {
    if (!p.fm.values) return code.value;
    const hit = p.fm.values[code.value];
    if (hit === undefined) {
      const long = p.sf.lookup?.byValue.get(code.value)?.longValue;
      throw new Untranslatable('unmapped-value', `The lookup value ${code.value}${long ? ` (${long})` : ''} of ${p.sf.name} has no counterpart in ${p.tf.systemName}'s values on ${this.there}.`, code.range);
    }
    return hit;
  }

  /** Bare codes (`(Status=A)`) or wildcards over codes on a lookup field: B's codes, any-of. */
  private bareCodes(v: ValueList, p: Pair): string {
    if (v.items.every((i) => i.kind === 'pattern')) return this.lookup('any', this.expand(v.items as Pattern[], p), p, v.range);
    const codes = v.items.map((i) => {
      if (i.kind === 'literal') return { value: i.value, range: i.range };
      if (i.kind === 'text' || i.kind === 'number') return { value: i.text, range: i.range };
      throw new Untranslatable('type-mismatch', `${p.sf.name} is a lookup field; this value is not one of its codes.`, i.range);
    });
    return this.lookup('any', codes, p, v.range);
  }

  /** A's codes a wildcard matches: the metadata lists them, and B's codes need not match it. */
  private expand(patterns: Pattern[], p: Pair): LookupCode[] {
    const lookup = p.sf.lookup;
    const range = { start: patterns[0].range.start, end: patterns[patterns.length - 1].range.end };
    if (!lookup) throw new Untranslatable('pattern-on-lookup', `${p.sf.name}'s lookup values are not in the metadata, so its wildcards cannot be listed.`, range);
    const tests = patterns.map((x) => wildcardMatcher(x.text, false));
    const codes = lookup.values.filter((x) => tests.some((t) => t(x.value))).map((x) => ({ value: x.value, range }));
    if (!codes.length) throw new Untranslatable('pattern-on-lookup', `${patterns.map((x) => x.text).join(',')} matches none of ${p.sf.name}'s codes.`, range);
    this.note('info', 'pattern-expanded', `${patterns.map((x) => x.text).join(',')} on the lookup ${p.sf.name} is written as the ${codes.length} matching code${codes.length === 1 ? '' : 's'} in ${p.tf.systemName}'s codes.`, range);
    return codes;
  }
}

/** Translates a DMQL2 query written for server A into one for server B (same resource kind). */
export function dmqlToDmql(query: string, input: DmqlToDmqlInput): ODataToDmqlResult {
  const resource = input.targetResource;
  const className = input.targetClass;
  const parsed = parse(query);
  if (!parsed.ast) {
    return { text: '', resource, className, complete: false, notes: parsed.errors.map((e) => ({ severity: 'error', code: e.code, message: `The DMQL2 query does not parse: ${e.message}`, range: e.range })) };
  }
  let schema: DmqlSchema;
  try {
    schema = schemaOf(input.target, resource, className, false);
  } catch (e) {
    if (!(e instanceof SchemaError)) throw e;
    return { text: '', resource, className, complete: false, notes: [{ severity: 'error', code: 'no-class', message: e.message }] };
  }
  const t = new SameDmql(input, schema);
  const body = t.expr(parsed.ast.expr);
  const from = `${input.source.resource}:${input.source.className}`;
  if (from !== `${resource}:${className}`) t.note('info', 'class', `The class ${from}${input.sourceName ? ` on “${input.sourceName}”` : ''} is ${resource}:${className}${input.targetName ? ` on “${input.targetName}”` : ''}.`);
  for (const a of input.mapping.assumptions ?? []) t.note('info', 'mapping-assumed', a);
  return { text: body ? printDmql(body) : '', resource, className, complete: !t.notes.some((n) => n.severity === 'error'), notes: t.notes };
}
