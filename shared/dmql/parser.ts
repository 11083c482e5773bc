// Recursive-descent DMQL2 parser (grammar in RETS-PROTOCOL.md §7). Errors are values, each with
// its range and, where obvious, a fix. After an error the parser resynchronises at the end of the
// broken condition (its closing `)`, or the next `,` `|` AND OR outside parentheses) and reads on,
// so an editor can mark every mistake at once; the conditions that did parse come back as
// `partial` for the semantic checks. Precedence NOT > AND > OR. Nesting depth is bounded so
// hostile input cannot blow the stack, and the number of errors so a mess cannot flood the editor.
import type {
  Criterion, DmqlError, Expr, FieldValue, Fix, ListItem, LookupCode, LookupOp, ParseResult, Scalar, SourceRange,
} from './ast';
import { isOpenEnded, lex, unquote } from './lexer';
import type { Token, TokenKind } from './tokens';

const MAX_DEPTH = 200;
/** After this many syntax errors the parse stops: more would be noise. */
export const MAX_SYNTAX_ERRORS = 10;

class ParseFailure {
  /** fatal: nothing sensible can follow (too deep, too many errors), so no recovery. */
  constructor(readonly error: DmqlError | undefined, readonly fatal = false) {}
}

const SEPARATORS = new Set<TokenKind>(['comma', 'and', 'pipe', 'or']);
const ELEMENT_START = new Set<TokenKind>(['lparen', 'not', 'tilde']);

const FIELD_TOKENS = new Set<TokenKind>(['text', 'number', 'and', 'or', 'not', 'today', 'now']);
const WORD_TOKENS = new Set<TokenKind>(['text', 'number', 'and', 'or', 'not', 'today', 'now']);
const CODE_TOKENS = new Set<TokenKind>(['text', 'number', 'and', 'or', 'not', 'today', 'now', 'minus', 'date', 'datetime', 'time']);

/** Describes a token for a message: "`)`", "the end of the query", "`Foo`". */
export function describeToken(t: Token): string {
  if (t.kind === 'eof') return 'the end of the query';
  return `\`${t.text.length > 30 ? `${t.text.slice(0, 30)}…` : t.text}\``;
}

function insertFix(title: string, at: number, text: string): Fix {
  return { title, edits: [{ range: { start: at, end: at }, text }] };
}

function makeError(code: string, message: string, range: SourceRange, fix?: Fix): DmqlError {
  const r = { start: range.start, end: range.end };
  return fix ? { code, message, range: r, fix } : { code, message, range: r };
}

/** The error of a failure the parser can read past; anything else (a fatal stop, a bug) goes on up. */
function recoverable(e: unknown): DmqlError {
  if (e instanceof ParseFailure && !e.fatal && e.error) return e.error;
  throw e;
}

function parenDelta(kind: TokenKind): number {
  return kind === 'lparen' ? 1 : kind === 'rparen' ? -1 : 0;
}

/** An AND/OR of the items that parsed (broken ones are undefined and left out). */
function combined(kind: 'and' | 'or', parts: (Expr | undefined)[]): Expr | undefined {
  if (parts.length === 1) return parts[0];
  const items = parts.filter((x): x is Expr => x !== undefined);
  if (items.length <= 1) return items[0];
  return { kind, items, range: { start: items[0].range.start, end: items[items.length - 1].range.end } };
}

class Parser {
  private i = 0;
  private depth = 0;
  readonly errors: DmqlError[] = [];
  constructor(private readonly src: string, private readonly toks: Token[]) {}

  // A method, not a getter: TypeScript would otherwise narrow `this.tok.kind` across next().
  private get tok(): Token { return this.cur(); }
  private cur(): Token { return this.toks[this.i]; }
  private peek(n = 1): Token { return this.toks[Math.min(this.i + n, this.toks.length - 1)]; }
  private next(): Token { const t = this.toks[this.i]; if (t.kind !== 'eof') this.i += 1; return t; }
  private prevEnd(): number { return this.i > 0 ? this.toks[this.i - 1].end : 0; }

  private fail(code: string, message: string, range: SourceRange, fix?: Fix): never {
    throw new ParseFailure(makeError(code, message, range, fix));
  }

  /** Records a syntax error and reads on; at the cap, stops the parse. */
  private report(e: DmqlError): void {
    this.errors.push(e);
    if (this.errors.length >= MAX_SYNTAX_ERRORS) throw new ParseFailure(undefined, true);
  }

  private unexpected(expected: string, fix?: Fix): never {
    const t = this.tok;
    if (t.kind === 'invalid') {
      this.fail('invalid-character', `\`${t.text}\` cannot appear here; ${expected}. Put values with spaces or punctuation in double quotes.`, t, fix);
    }
    if (t.kind === 'string' && isOpenEnded(t.text)) {
      this.fail('unterminated-string', 'this quoted string has no closing `"`', t, insertFix('Close the string', t.end, '"'));
    }
    this.fail('unexpected-token', `${expected}, found ${describeToken(t)}`, { start: t.start, end: Math.max(t.end, t.start) }, fix);
  }

  /** The whole query: the tree when there was no error, else the parts that parsed (if any). */
  parseQuery(): Expr | undefined {
    if (this.tok.kind === 'eof') {
      throw new ParseFailure(makeError('empty-query', 'the query is empty: write a condition such as (Status=A)', { start: 0, end: this.src.length }), true);
    }
    let expr = this.searchCondition();
    while (this.cur().kind !== 'eof') {
      // Something that cannot follow a complete condition: say what, skip it, read what follows.
      const at = this.i;
      try { this.trailing(); } catch (e) { this.recovered(e, at); }
      if (this.i === at) this.next();
      if (SEPARATORS.has(this.cur().kind)) {
        this.next();
        // The runs on either side of the unreadable part are kept side by side for the semantic checks.
        expr = combined('and', [expr, this.searchCondition()]);
      }
    }
    return expr;
  }

  /** Always throws: the error for a token left over after a complete condition. */
  private trailing(): never {
    const t = this.tok;
    if (t.kind === 'rparen') this.fail('unmatched-paren', 'this `)` has no matching `(`', t, { title: 'Remove the `)`', edits: [{ range: { start: t.start, end: t.end }, text: '' }] });
    const upper = t.text.toUpperCase();
    if (t.kind === 'text' && (upper === 'AND' || upper === 'OR' || upper === 'NOT')) this.lowercaseKeyword(t);
    this.unexpected('expected `,` (AND), `|` (OR) or the end of the query');
  }

  private lowercaseKeyword(t: Token): never {
    const upper = t.text.toUpperCase();
    this.fail('lowercase-keyword', `\`${t.text}\` is not an operator: DMQL2 keywords are upper case (${upper}), or use \`${upper === 'AND' ? ',' : upper === 'OR' ? '|' : '~'}\``, t, { title: `Write ${upper}`, edits: [{ range: { start: t.start, end: t.end }, text: upper }] });
  }

  /** True at a lower-case `and`/`or` written between two conditions: read as the operator. */
  private lowercaseOperator(upper: 'AND' | 'OR'): boolean {
    const t = this.tok;
    if (t.kind !== 'text' || t.text.toUpperCase() !== upper || !ELEMENT_START.has(this.peek().kind)) return false;
    this.note(() => this.lowercaseKeyword(t));
    this.next();
    return true;
  }

  /**
   * After a syntax error thrown while reading from token `from`: records it and skips to where
   * reading can go on: the end of the broken condition, or the next `,` `|` AND OR outside its parentheses.
   */
  private recovered(e: unknown, from: number): void {
    this.report(recoverable(e));
    this.skipBroken(from);
  }

  /** Records the error `read` throws, for a mistake the parser reads past as if corrected. */
  private note(read: () => never): void {
    try {
      read();
    } catch (e) {
      this.report(recoverable(e));
    }
  }

  private skipBroken(from: number): void {
    let open = 0;
    for (let k = from; k < this.i; k += 1) open += parenDelta(this.toks[k].kind);
    for (;;) {
      const t = this.cur();
      if (t.kind === 'eof') return;
      if (open <= 0 && (SEPARATORS.has(t.kind) || (t.kind === 'rparen' && this.depth > 0))) return; // the enclosing group's
      this.next();
      const wasOpen = open > 0;
      open += parenDelta(t.kind);
      // The broken condition's own `)`: what follows is read normally (a stray `)` at the top is skipped).
      if (wasOpen && open === 0) return;
    }
  }

  private searchCondition(): Expr | undefined {
    const first = this.queryClause();
    if (!this.orOperator()) return first;
    const items = [first, this.queryClause()];
    while (this.orOperator()) items.push(this.queryClause());
    return combined('or', items);
  }

  private queryClause(): Expr | undefined {
    const first = this.element();
    if (!this.andOperator()) return first;
    const items = [first, this.element()];
    while (this.andOperator()) items.push(this.element());
    return combined('and', items);
  }

  /** Reads an OR between two clauses, if there is one. */
  private orOperator(): boolean {
    const k = this.cur().kind;
    if (k !== 'or' && k !== 'pipe') return this.lowercaseOperator('OR');
    this.next();
    return true;
  }

  /** Reads an AND between two elements, if there is one (or a missing one, reported). */
  private andOperator(): boolean {
    const t = this.cur();
    if (t.kind === 'and' || t.kind === 'comma') {
      this.next();
      return true;
    }
    if (ELEMENT_START.has(t.kind)) {
      // (A=1)(B=2): say so, and read on as if the `,` were there.
      this.note(() => this.unexpected('expected `,` (AND) or `|` (OR) between two conditions', insertFix('Join with AND', t.start, ',')));
      return true;
    }
    return this.lowercaseOperator('AND');
  }

  /** One boolean element; undefined when it was broken (the error is recorded). */
  private element(): Expr | undefined {
    const from = this.i;
    try {
      return this.booleanElement();
    } catch (e) {
      this.recovered(e, from);
      return undefined;
    }
  }

  private booleanElement(): Expr | undefined {
    if (this.tok.kind === 'not' || this.tok.kind === 'tilde') {
      const start = this.next().start;
      const expr = this.queryElement();
      return expr && { kind: 'not', expr, range: { start, end: expr.range.end } };
    }
    return this.queryElement();
  }

  private queryElement(): Expr | undefined {
    const t = this.tok;
    if (t.kind !== 'lparen') {
      if (FIELD_TOKENS.has(t.kind) && this.peek().kind === 'equal') {
        this.fail('missing-paren', `each condition goes in parentheses: (${t.text}=…)`, t, insertFix('Add `(`', t.start, '('));
      }
      if (t.kind === 'eof' && this.i > 0) {
        const prev = this.toks[this.i - 1];
        this.fail('dangling-operator', `expected a condition such as (Field=value) after ${describeToken(prev)}`, prev, { title: 'Remove the operator', edits: [{ range: { start: prev.start, end: prev.end }, text: '' }] });
      }
      this.unexpected('expected `(` to start a condition such as (Status=A)');
    }
    if (FIELD_TOKENS.has(this.peek().kind) && this.peek(2).kind === 'equal') return this.criterion();
    if (FIELD_TOKENS.has(this.peek().kind) && !ELEMENT_START.has(this.peek(2).kind)) {
      const f = this.peek();
      this.i += 2;
      this.unexpected(`expected \`=\` after the field name ${f.text}`, insertFix('Add `=`', f.end, '='));
    }
    if (this.depth >= MAX_DEPTH) throw new ParseFailure(makeError('too-deep', `conditions are nested more than ${MAX_DEPTH} deep`, t), true);
    this.depth += 1;
    try {
      return this.group(t);
    } finally {
      this.depth -= 1;
    }
  }

  private group(open: Token): Expr | undefined {
    this.next();
    if (this.tok.kind === 'rparen') this.fail('empty-group', 'empty parentheses: write a condition such as (Status=A) inside', { start: open.start, end: this.tok.end });
    const expr = this.searchCondition();
    const close = this.cur();
    if (close.kind !== 'rparen') {
      const missing = (): never => this.unexpected(`expected \`)\` to close the \`(\` at offset ${open.start}`, insertFix('Add `)`', this.prevEnd(), ')'));
      // At the end of the query the `)` was simply left out: report it, keep what is inside.
      if (close.kind !== 'eof') missing();
      this.note(missing);
      return expr && { kind: 'group', expr, range: { start: open.start, end: close.start } };
    }
    this.next();
    return expr && { kind: 'group', expr, range: { start: open.start, end: close.end } };
  }

  private criterion(): Criterion {
    const open = this.next();
    const f = this.next();
    this.next(); // '='
    const field = { name: f.text, range: { start: f.start, end: f.end } };
    const value = this.fieldValue(field.name);
    if (this.tok.kind !== 'rparen') {
      const t = this.tok;
      const next = this.conditionAt(0) ? t : t.kind === 'comma' && this.conditionAt(1) ? this.peek() : undefined;
      if (next) {
        // (City=Chicago,(Beds=3+): the `)` was left out before the next condition. Say so and read
        // on as if it were there, so the conditions after it still get their metadata checks.
        const end = this.prevEnd();
        this.note(() => this.fail('unexpected-token', `expected \`)\` to close (${field.name}=… before the next condition, found ${describeToken(next)}`, next, insertFix('Add `)`', end, ')')));
        return { kind: 'criterion', field, value, range: { start: open.start, end } };
      }
      if (WORD_TOKENS.has(t.kind) && t.spaceBefore) {
        this.fail('unquoted-space', `a value with spaces must be in double quotes, e.g. (${field.name}="${this.src.slice(value.range.start, t.end)}")`, t, {
          title: 'Quote the value',
          edits: [{ range: { start: value.range.start, end: value.range.start }, text: '"' }, { range: { start: t.end, end: t.end }, text: '"' }],
        });
      }
      if (t.kind === 'invalid') {
        // e.g. (City=St. Louis): quoting the whole value is the likely fix.
        let k = this.i;
        while (this.toks[k].kind !== 'rparen' && this.toks[k].kind !== 'eof') k += 1;
        const end = this.toks[k - 1].end;
        const text = this.src.slice(value.range.start, end);
        this.fail('invalid-character', `\`${t.text}\` cannot appear in a bare value; put the value in double quotes: (${field.name}="${text}")`, t, {
          title: 'Quote the value',
          edits: [{ range: { start: value.range.start, end }, text: `"${text.replace(/"/g, '""')}"` }],
        });
      }
      this.unexpected(`expected \`)\` after the value of ${field.name}`, insertFix('Add `)`', this.prevEnd(), ')'));
    }
    const close = this.next();
    return { kind: 'criterion', field, value, range: { start: open.start, end: close.end } };
  }

  /** True when the token n ahead starts a condition: `(`, or NOT / `~` before one. */
  private conditionAt(n: number): boolean {
    const t = this.peek(n);
    return t.kind === 'lparen' || ((t.kind === 'not' || t.kind === 'tilde') && this.peek(n + 1).kind === 'lparen');
  }

  /** A `,` inside a value list, not one before the next condition (a `)` left out). */
  private listComma(): boolean {
    return this.tok.kind === 'comma' && !this.conditionAt(1);
  }

  private fieldValue(field: string): FieldValue {
    const t = this.tok;
    if (t.kind === 'empty' || t.kind === 'any') {
      this.next();
      return { kind: t.kind, range: { start: t.start, end: t.end } };
    }
    if (t.kind === 'pipe' || t.kind === 'plus' || t.kind === 'tilde') {
      this.next();
      const op: LookupOp = t.kind === 'pipe' ? 'any' : t.kind === 'plus' ? 'all' : 'none';
      const values = [this.lookupCode(field)];
      while (this.listComma()) { this.next(); values.push(this.lookupCode(field)); }
      return { kind: 'lookup', op, values, range: { start: t.start, end: values[values.length - 1].range.end } };
    }
    if (t.kind === 'rparen' || t.kind === 'eof') {
      this.unexpected(`expected a value for ${field} after \`=\``);
    }
    const items = [this.listItem(field)];
    while (this.listComma()) { this.next(); items.push(this.listItem(field)); }
    return { kind: 'list', items, range: { start: items[0].range.start, end: items[items.length - 1].range.end } };
  }

  private lookupCode(field: string): LookupCode {
    const t = this.tok;
    if (t.kind === 'string') {
      if (isOpenEnded(t.text)) this.unexpected('');
      this.next();
      return { value: unquote(t.text), range: { start: t.start, end: t.end } };
    }
    if (!CODE_TOKENS.has(t.kind) || t.kind === 'minus') this.unexpected(`expected a lookup value of ${field}`);
    // Codes such as A-1 lex as several tokens; written without spaces they are one code.
    let end = this.next().end;
    while (CODE_TOKENS.has(this.tok.kind) && !this.tok.spaceBefore) end = this.next().end;
    return { value: this.src.slice(t.start, end), range: { start: t.start, end } };
  }

  private listItem(field: string): ListItem {
    const t = this.tok;
    if (t.kind === 'string') {
      if (isOpenEnded(t.text)) this.unexpected('');
      this.next();
      return { kind: 'literal', value: unquote(t.text), range: { start: t.start, end: t.end } };
    }
    if (t.kind === 'star' || t.kind === 'question' || (WORD_TOKENS.has(t.kind) && this.wildcardFollows())) return this.pattern();
    const low = this.scalar(field);
    if (this.tok.kind === 'plus') {
      const p = this.next();
      return { kind: 'gte', low, range: { start: low.range.start, end: p.end } };
    }
    if (this.tok.kind === 'minus') {
      const m = this.next();
      const after = this.cur().kind;
      if (after === 'comma' || after === 'rparen' || after === 'eof') {
        return { kind: 'lte', high: low, range: { start: low.range.start, end: m.end } };
      }
      const high = this.scalar(field);
      return { kind: 'between', low, high, range: { start: low.range.start, end: high.range.end } };
    }
    return low;
  }

  /** True when the word at the cursor is glued to a `*` or `?` (a wildcard pattern). */
  private wildcardFollows(): boolean {
    for (let k = 1; ; k += 1) {
      const t = this.peek(k);
      if (t.spaceBefore || t.kind === 'eof') return false;
      if (t.kind === 'star' || t.kind === 'question') return true;
      if (!WORD_TOKENS.has(t.kind)) return false;
    }
  }

  private pattern(): ListItem {
    const start = this.tok.start;
    let end = this.next().end;
    while ((this.tok.kind === 'star' || this.tok.kind === 'question' || WORD_TOKENS.has(this.tok.kind)) && !this.tok.spaceBefore) {
      end = this.next().end;
    }
    return { kind: 'pattern', text: this.src.slice(start, end), range: { start, end } };
  }

  private scalar(field: string): Scalar {
    const t = this.tok;
    const range = { start: t.start, end: t.end };
    switch (t.kind) {
      case 'number': this.next(); return { kind: 'number', text: t.text, range };
      case 'date': case 'datetime': case 'time': this.next(); return { kind: t.kind, text: t.text, range };
      case 'today': this.next(); return { kind: 'today', range };
      case 'now': this.next(); return { kind: 'now', range };
      case 'text': case 'and': case 'or': case 'not': this.next(); return { kind: 'text', text: t.text, range };
      case 'minus':
        if (this.peek().kind === 'number' && !this.peek().spaceBefore) {
          this.next();
          const n = this.next();
          return { kind: 'number', text: `-${n.text}`, range: { start: t.start, end: n.end } };
        }
        break;
      default:
        break;
    }
    this.unexpected(`expected a value for ${field} (a number, date, word or "quoted string")`);
  }
}

/** True for an error whose fix is one `)` inserted where the query ends: a paren left open. */
function closesAtEnd(e: DmqlError, end: number): boolean {
  const edits = e.fix?.edits;
  return e.range.start >= end && edits?.length === 1 && edits[0].text === ')' && edits[0].range.start === edits[0].range.end;
}

/**
 * `((A=1` leaves two parens open: one error with one fix adding both, not one error a paren
 * (each fix alone would leave the other error standing).
 */
function mergeClosesAtEnd(errors: DmqlError[], end: number): DmqlError[] {
  const open = errors.filter((e) => closesAtEnd(e, end));
  if (open.length < 2) return errors;
  const at = open[0].fix!.edits[0].range;
  const merged = makeError(
    'unexpected-token',
    `the query ends before ${open.length} open \`(\` are closed: add \`${')'.repeat(open.length)}\` at the end`,
    open[0].range,
    insertFix(`Add \`${')'.repeat(open.length)}\``, at.start, ')'.repeat(open.length)),
  );
  return [...errors.filter((e) => !closesAtEnd(e, end)), merged];
}

/**
 * Parses a DMQL2 query. Never throws. Without syntax errors: the tree. With them: every error
 * (up to MAX_SYNTAX_ERRORS, in source order) and, in `partial`, the conditions that did parse.
 */
export function parse(query: string): ParseResult {
  const p = new Parser(query, lex(query));
  let expr: Expr | undefined;
  try {
    expr = p.parseQuery();
  } catch (e) {
    if (!(e instanceof ParseFailure)) {
      // A bug of ours must not take the editor down: report it at the start as a positioned error.
      return { errors: [{ code: 'internal', message: `the query could not be read (${String(e)})`, range: { start: 0, end: query.length } }] };
    }
    if (e.error) p.errors.push(e.error);
  }
  const errors = mergeClosesAtEnd(p.errors.sort((a, b) => a.range.start - b.range.start), query.length);
  const tree = expr && { kind: 'query' as const, expr, range: { start: expr.range.start, end: expr.range.end } };
  if (!tree) return { errors };
  return errors.length ? { errors, partial: tree } : { ast: tree, errors };
}
