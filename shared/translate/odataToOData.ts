// A $filter written for Web API server A -> one for server B, through a composed mapping
// (pivot.ts): each condition is kept as written with B's property names and B's lookup values
// (enum members written with B's enum type). A property or value B has no counterpart for is left
// out with its condition and reported with its range.
import type { EnumLiteral, Expr, Literal, SourceRange } from '../odata/filter/ast';
import { children } from '../odata/filter/ast';
import { quote } from '../odata/filter/lexer';
import { parseFilter } from '../odata/filter/parser';
import type { FilterField, FilterSchema } from '../odata/filter/schema';
import { indexBy, memo } from './memo';
import { join, leaf, negate, printOData, type Node } from './tree';
import type { FieldMap, TranslationMapping, TranslationNote, TranslationResult } from './types';

export interface ODataToODataInput {
  source: FilterSchema;
  target: FilterSchema;
  /** A's property names -> B's (composeMappings). */
  mapping: TranslationMapping;
  targetName?: string;
}

class Untranslatable extends Error {
  constructor(readonly code: string, message: string, readonly range?: SourceRange) { super(message); }
}

interface Edit { range: SourceRange; text: string }

class SameOData {
  readonly notes: TranslationNote[] = [];
  private readonly fields: Map<string, FieldMap>;

  constructor(private readonly input: ODataToODataInput, private readonly text: string) {
    this.fields = memo(input.mapping, 'by-source', () => indexBy(input.mapping.fields, (f) => f.source));
  }

  private get there(): string { return this.input.targetName ? `“${this.input.targetName}”` : this.input.target.entitySet; }

  expr(e: Expr): Node | undefined {
    switch (e.kind) {
      case 'group': return this.expr(e.expr);
      case 'not': return negate(this.expr(e.expr));
      case 'and': case 'or': return join(e.kind, e.items.map((x) => this.expr(x)));
      default:
        try {
          return leaf(this.rewrite(e));
        } catch (err) {
          if (!(err instanceof Untranslatable)) throw err;
          this.notes.push({ severity: 'error', code: err.code, message: `${err.message} This condition is left out of the filter.`, range: err.range ?? e.range });
          return undefined;
        }
    }
  }

  /** The condition's text with B's names and values spliced in. */
  private rewrite(e: Expr): string {
    const edits: Edit[] = [];
    const variables = new Set<string>();
    let subject: { fm: FieldMap; sf: FilterField; tf: FilterField } | undefined;
    const literals: (Literal | EnumLiteral)[] = [];
    let inFunction = false;
    // [node, under a function call]: a value a function reads (contains, startswith) is text, not a lookup value.
    const stack: [Expr, boolean][] = [[e, false]];
    while (stack.length) {
      const [x, underCall] = stack.pop()!;
      if (x.kind === 'lambda' && x.variable) variables.add(x.variable.name);
      if (x.kind === 'member') {
        const first = x.segments[0];
        if (variables.has(first.name) || first.name === '$it') continue;
        if (x.segments.length > 1) throw new Untranslatable('unsupported', `${x.segments.map((s) => s.name).join('/')} goes through a navigation property; only the entity set's own properties are translated.`, x.range);
        const sf = this.input.source.root.byName.get(first.name);
        if (!sf) throw new Untranslatable('unknown-field', `${first.name} is not a property of ${this.input.source.entitySet}.`, first.range);
        const fm = this.fields.get(sf.name);
        if (!fm) throw new Untranslatable('unmapped-field', `${first.name} has no counterpart on ${this.there}.`, first.range);
        const tf = this.input.target.root.byName.get(fm.target);
        if (!tf) throw new Untranslatable('unmapped-field', `${first.name} maps to ${fm.target}, which ${this.input.target.entitySet} does not have.`, first.range);
        if (fm.target !== first.name) edits.push({ range: first.range, text: fm.target });
        if (sf.enumType || sf.lookup || fm.values) subject = { fm, sf, tf };
      } else if ((x.kind === 'literal' && x.type === 'string') || x.kind === 'enum') {
        if (underCall) inFunction = true; else literals.push(x);
      }
      // tolower(City) eq 'oak grove' compares text too.
      const text = x.kind === 'call' || (x.kind === 'binary' && (x.left.kind === 'call' || x.right.kind === 'call'));
      for (const c of children(x)) stack.push([c, underCall || text]);
    }
    if (subject && inFunction) {
      this.notes.push({ severity: 'warning', code: 'text-of-lookup', message: `A function reads ${subject.sf.name}'s values as text here; the text is kept as written, and ${this.there} may spell its values differently.`, range: e.range });
    }
    if (subject) for (const lit of literals) edits.push({ range: lit.range, text: this.value(lit, subject) });
    return splice(this.text, e.range, edits);
  }

  private value(lit: Literal | EnumLiteral, s: { fm: FieldMap; sf: FilterField; tf: FilterField }): string {
    const names = lit.kind === 'enum' ? lit.members : [String(lit.value)];
    const mapped = names.map((v) => {
      const hit = s.fm.values ? s.fm.values[v] : v;
      if (hit === undefined) throw new Untranslatable('unmapped-value', `'${v}' of ${s.sf.name} has no counterpart in ${s.tf.name}'s values on ${this.there}.`, lit.range);
      return hit;
    });
    return s.tf.enumType ? `${s.tf.enumType.name}'${mapped.join(',')}'` : quote(mapped.join(','));
  }
}

function splice(text: string, range: SourceRange, edits: Edit[]): string {
  edits.sort((a, b) => a.range.start - b.range.start);
  let out = '';
  let at = range.start;
  for (const e of edits) {
    out += text.slice(at, e.range.start) + e.text;
    at = e.range.end;
  }
  return out + text.slice(at, range.end);
}

/** Translates a $filter written for one Web API server's entity set into one for another's. */
export function odataToOData(filter: string, input: ODataToODataInput): TranslationResult {
  const parsed = parseFilter(filter);
  if (!parsed.ast) {
    return { text: '', complete: false, notes: parsed.errors.map((e) => ({ severity: 'error', code: e.code, message: `The $filter does not parse: ${e.message}`, range: e.range })) };
  }
  const t = new SameOData(input, filter);
  const body = t.expr(parsed.ast.expr);
  for (const a of input.mapping.assumptions ?? []) t.notes.push({ severity: 'info', code: 'mapping-assumed', message: a });
  return { text: body ? printOData(body) : '', complete: !t.notes.some((n) => n.severity === 'error'), notes: t.notes };
}
