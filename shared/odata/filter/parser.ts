// Hand-written $filter parser: precedence climbing over the OData 4.01 operator table
// (URL Conventions 5.1.1.17, highest first): primary (`/`, `has`, `in`, calls), unary (`-`, `not`,
// cast), multiplicative, additive, relational, equality, `and`, `or`. Errors are values with a
// range and, where obvious, a fix; after an error the parser resynchronises at the next `and`/`or`,
// `,` or closing `)` of the broken operand and reads on, so an editor shows every mistake at once.
// Recursion and tree height are capped (MAX_DEPTH, a typed `too-deep` error), and `and`/`or`
// chains are flat lists, so neither hostile nesting nor long chains can exhaust the stack.
import type {
  BinaryOp, CallExpr, EnumLiteral, Expr, Filter, FilterError, FilterParseResult, Fix, LambdaExpr, Literal, MemberExpr, Segment, SourceRange,
} from './ast';
import { isOpenEnded, lex, unquote } from './lexer';
import { FOREIGN_OPERATORS, type Token } from './tokens';
import { boundedDistance } from '../../dmql/didYouMean';

/** Deepest nesting of parentheses, calls, lambdas and operators the parser accepts. */
export const MAX_DEPTH = 100;
/** After this many syntax errors the parse stops: more would be noise. */
export const MAX_SYNTAX_ERRORS = 10;

const BP: Record<string, number> = {
  eq: 3, ne: 3, gt: 4, ge: 4, lt: 4, le: 4, add: 5, sub: 5, mul: 6, div: 6, divby: 6, mod: 6, has: 8, in: 8,
};
const UNARY_BP = 7;
const BINARY_WORDS = Object.keys(BP);

class ParseFailure {
  /** fatal: nothing sensible can follow (too deep, too many errors), so no recovery. */
  constructor(readonly error: FilterError | undefined, readonly fatal = false) {}
}

function r(start: number, end: number): SourceRange {
  return { start, end };
}

function insertFix(title: string, at: number, text: string): Fix {
  return { title, edits: [{ range: r(at, at), text }] };
}

function replaceFix(title: string, range: SourceRange, text: string): Fix {
  return { title, edits: [{ range: r(range.start, range.end), text }] };
}

function makeError(code: string, message: string, range: SourceRange, fix?: Fix): FilterError {
  return fix ? { code, message, range: r(range.start, range.end), fix } : { code, message, range: r(range.start, range.end) };
}

/** Describes a token for a message: "`)`", "the end of the filter", "`Foo`". */
export function describeToken(t: Token): string {
  if (t.kind === 'eof') return 'the end of the filter';
  return `\`${t.text.length > 30 ? `${t.text.slice(0, 30)}…` : t.text}\``;
}

const lower = (t: Token) => t.text.toLowerCase();

/** A binary operator word the user probably meant (`gtt` -> gt, `Eq` -> eq), if any. */
function nearOperator(word: string): string | undefined {
  const w = word.toLowerCase();
  if (BP[w] !== undefined) return w;
  if (w.length > 5) return undefined;
  return BINARY_WORDS.find((op) => boundedDistance(w, op, 1) <= 1 && w.length >= 2 && w[0] === op[0]);
}

class Parser {
  private i = 0;
  private depth = 0;
  private readonly heights = new Map<Expr, number>();
  readonly errors: FilterError[] = [];
  /** Token visits and nodes made: tests assert this grows linearly with the input. */
  steps = 0;
  constructor(private readonly src: string, private readonly toks: Token[]) {}

  private cur(): Token { this.steps += 1; return this.toks[this.i]; }
  private peek(n = 1): Token { this.steps += 1; return this.toks[Math.min(this.i + n, this.toks.length - 1)]; }
  private next(): Token { this.steps += 1; const t = this.toks[this.i]; if (t.kind !== 'eof') this.i += 1; return t; }
  private prevEnd(): number { return this.i > 0 ? this.toks[this.i - 1].end : 0; }

  private fail(code: string, message: string, range: SourceRange, fix?: Fix): never {
    throw new ParseFailure(makeError(code, message, range, fix));
  }

  private report(e: FilterError): void {
    this.errors.push(e);
    if (this.errors.length >= MAX_SYNTAX_ERRORS) throw new ParseFailure(undefined, true);
  }

  /** Records the error `read` throws, for a mistake the parser reads past as if corrected. */
  private note(code: string, message: string, range: SourceRange, fix?: Fix): void {
    this.report(makeError(code, message, range, fix));
  }

  private tooDeep(at: SourceRange): never {
    throw new ParseFailure(makeError('too-deep', `the filter nests more than ${MAX_DEPTH} levels deep (parentheses, calls, lambdas or operators): simplify it`, at), true);
  }

  /** Registers a new node: its height is one more than its tallest child's, capped. */
  private mk<T extends Expr>(node: T, kids: (Expr | undefined)[] = []): T {
    this.steps += 1 + kids.length;
    let h = 1;
    for (const k of kids) if (k) h = Math.max(h, (this.heights.get(k) ?? 1) + 1);
    if (h > MAX_DEPTH) this.tooDeep(node.range);
    this.heights.set(node, h);
    return node;
  }

  private enter(at: SourceRange): void {
    if (this.depth >= MAX_DEPTH) this.tooDeep(at);
    this.depth += 1;
  }

  private leave(): void { this.depth -= 1; }

  private unexpected(expected: string, fix?: Fix): never {
    const t = this.cur();
    if (t.kind === 'invalid') this.fail('invalid-character', `\`${t.text}\` cannot appear here; ${expected}`, t, fix);
    this.fail('unexpected-token', `${expected}, found ${describeToken(t)}`, t, fix);
  }

  /** True when the current token is the word `w` used as an operator (case-insensitive, as 4.01 allows). */
  private isWord(w: string): boolean {
    const t = this.cur();
    return t.kind === 'name' && t.text.length === w.length && lower(t) === w;
  }

  private isLogical(): 'and' | 'or' | undefined {
    const t = this.cur();
    if (t.kind === 'name' && t.text.length <= 3) {
      const w = lower(t);
      if (w === 'and' || w === 'or') return w;
    }
    if (t.kind === 'symbol' && (t.text === '&&' || t.text === '||')) return FOREIGN_OPERATORS[t.text] as 'and' | 'or';
    return undefined;
  }

  /** Consumes an `and`/`or` (noting `&&`/`||` with a fix). */
  private takeLogical(): Token {
    const t = this.cur();
    if (t.kind === 'symbol') {
      const op = FOREIGN_OPERATORS[t.text];
      this.note('foreign-operator', `\`${t.text}\` is not an OData operator: write \`${op}\``, t, this.symbolFix(t, op));
    }
    return this.next();
  }

  /** Replaces `=` (or `&&`…) by the OData word, adding the spaces the word needs. */
  private symbolFix(t: Token, op: string): Fix {
    return replaceFix(`Write ${op}`, t, `${t.spaceBefore ? '' : ' '}${op}${this.peek().spaceBefore ? '' : ' '}`);
  }

  parseFilter(): Expr | undefined {
    if (this.cur().kind === 'eof') {
      throw new ParseFailure(makeError('empty-filter', "the filter is empty: write a condition such as StandardStatus eq 'Active'", r(0, this.src.length)), true);
    }
    let expr = this.parseOr();
    while (this.cur().kind !== 'eof') {
      const t = this.cur();
      if (t.kind === 'rparen') {
        this.note('unmatched-paren', 'this `)` has no matching `(`', t, replaceFix('Remove the `)`', t, ''));
        this.next();
      } else {
        this.note('unexpected-token', `expected \`and\`, \`or\` or the end of the filter, found ${describeToken(t)}`, t);
        this.skipBroken(this.i, true);
      }
      if (this.isLogical()) {
        this.takeLogical();
        const more = this.parseOr();
        expr = this.combine('and', [expr, more], []);
      }
    }
    return expr;
  }

  private combine(kind: 'and' | 'or', parts: (Expr | undefined)[], opRanges: SourceRange[]): Expr | undefined {
    const items = parts.filter((x): x is Expr => x !== undefined);
    if (parts.length === 1 || items.length <= 1) return items[0];
    return this.mk({ kind, items, opRanges, range: r(items[0].range.start, items[items.length - 1].range.end) }, items);
  }

  private parseOr(): Expr | undefined {
    const parts = [this.parseAnd()];
    const ops: SourceRange[] = [];
    while (this.isLogical() === 'or') {
      const op = this.takeLogical();
      ops.push(r(op.start, op.end));
      parts.push(this.parseAnd());
    }
    return this.combine('or', parts, ops);
  }

  private parseAnd(): Expr | undefined {
    const parts = [this.item()];
    const ops: SourceRange[] = [];
    for (;;) {
      if (this.isLogical() === 'and') {
        const op = this.takeLogical();
        ops.push(r(op.start, op.end));
        parts.push(this.item());
        continue;
      }
      const t = this.cur();
      // `A eq 1 B eq 2`: an operand where an operator belongs; read it as `and`.
      if (parts[parts.length - 1] && t.spaceBefore && (t.kind === 'name' || t.kind === 'lparen') && !this.isLogical() && !BP[lower(t)]) {
        this.note('missing-operator', `expected \`and\` or \`or\` between two conditions, found ${describeToken(t)}`, t, insertFix('Join with and', t.start, 'and '));
        ops.push(r(t.start, t.start));
        parts.push(this.item());
        continue;
      }
      break;
    }
    return this.combine('and', parts, ops);
  }

  /** One operand of `and`/`or`; undefined when it was broken (the error is recorded). */
  private item(): Expr | undefined {
    const from = this.i;
    try {
      return this.parseBinary(3);
    } catch (e) {
      if (!(e instanceof ParseFailure) || e.fatal) throw e;
      if (e.error) this.report(e.error);
      this.skipBroken(from, false);
      return undefined;
    }
  }

  /** Skips what is left of a broken operand: to the next `and`/`or`, `,` or enclosing `)` outside its own parentheses. */
  private skipBroken(from: number, top: boolean): void {
    let open = 0;
    this.steps += this.i - from;
    for (let k = from; k < this.i; k += 1) open += this.toks[k].kind === 'lparen' ? 1 : this.toks[k].kind === 'rparen' ? -1 : 0;
    let moved = false;
    for (;;) {
      const t = this.cur();
      if (t.kind === 'eof') return;
      if (open <= 0 && (moved || !top)) {
        if (t.kind === 'name' && t.spaceBefore && (lower(t) === 'and' || lower(t) === 'or')) return;
        if (!top && (t.kind === 'comma' || (t.kind === 'rparen' && this.depth > 0))) return;
      }
      this.next();
      moved = true;
      if (t.kind === 'lparen') open += 1;
      else if (t.kind === 'rparen') open -= 1;
    }
  }

  private parseBinary(minBp: number): Expr {
    let left = this.parseUnary();
    for (;;) {
      const t = this.cur();
      let op: string | undefined;
      if (t.kind === 'name') {
        const w = lower(t);
        if (BP[w] !== undefined) op = w;
        else if (w !== 'and' && w !== 'or' && t.spaceBefore && this.startsOperand(this.peek())) {
          const near = nearOperator(w);
          if (near && BP[near] >= minBp) {
            this.note('unknown-operator', `\`${t.text}\` is not an operator: did you mean \`${near}\`?`, t, replaceFix(`Write ${near}`, t, near));
            op = near;
          }
        }
      } else if (t.kind === 'symbol' && FOREIGN_OPERATORS[t.text] && BP[FOREIGN_OPERATORS[t.text]] !== undefined) {
        op = FOREIGN_OPERATORS[t.text];
        if (BP[op] >= minBp) this.note('foreign-operator', `\`${t.text}\` is not an OData operator: write \`${op}\``, t, this.symbolFix(t, op));
      }
      if (!op) return left;
      const bp = BP[op];
      if (bp < minBp) return left;
      this.next();
      const opRange = r(t.start, t.end);
      if (op === 'in') left = this.parseIn(left, opRange);
      else if (op === 'has') {
        const right = this.operand(() => this.parseUnary(), t);
        left = this.mk({ kind: 'binary', op: 'has', left, right, opRange, range: r(left.range.start, right.range.end) }, [left, right]);
      } else {
        const right = this.operand(() => this.parseBinary(bp + 1), t);
        left = this.mk({ kind: 'binary', op: op as BinaryOp, left, right, opRange, range: r(left.range.start, right.range.end) }, [left, right]);
      }
    }
  }

  /** The right operand of an operator, with a clear error when it is missing. */
  private operand(read: () => Expr, op: Token): Expr {
    const t = this.cur();
    if (t.kind === 'eof' || t.kind === 'rparen' || (t.kind === 'name' && (lower(t) === 'and' || lower(t) === 'or') && t.spaceBefore)) {
      this.fail('missing-operand', `expected a value after \`${op.text}\`, found ${describeToken(t)}`, r(op.start, op.end));
    }
    this.enter(t);
    try { return read(); } finally { this.leave(); }
  }

  private startsOperand(t: Token): boolean {
    return t.kind === 'name' || t.kind === 'string' || t.kind === 'number' || t.kind === 'date' || t.kind === 'datetime' || t.kind === 'time'
      || t.kind === 'guid' || t.kind === 'typed' || t.kind === 'lparen' || t.kind === 'minus' || t.kind === 'dstring';
  }

  private parseIn(left: Expr, opRange: SourceRange): Expr {
    const open = this.cur();
    if (open.kind !== 'lparen') {
      // `in Collection` (4.01): a single operand.
      const right = this.operand(() => this.parseUnary(), this.toks[this.i - 1]);
      return this.mk({ kind: 'in', left, items: [right], opRange, listRange: right.range, range: r(left.range.start, right.range.end) }, [left, right]);
    }
    this.enter(open);
    try {
      this.next();
      const items: Expr[] = [];
      if (this.cur().kind !== 'rparen') {
        for (;;) {
          items.push(this.parseBinary(3));
          if (this.cur().kind === 'comma') { this.next(); continue; }
          break;
        }
      }
      const close = this.expectClose(open, 'the `in` list');
      return this.mk({ kind: 'in', left, items, opRange, listRange: r(open.start, close), range: r(left.range.start, close) }, [left, ...items]);
    } finally {
      this.leave();
    }
  }

  /** Reads a `)` for the `(` at `open`; at the end of the filter a missing one is noted and assumed. Returns the end offset. */
  private expectClose(open: Token, what: string): number {
    const t = this.cur();
    if (t.kind === 'rparen') { this.next(); return t.end; }
    const at = this.prevEnd();
    const fix = insertFix('Add `)`', at, ')');
    if (t.kind === 'eof') {
      this.note('missing-paren', `expected \`)\` to close ${what} opened at offset ${open.start}`, r(t.start, t.end), fix);
      return at;
    }
    if (t.kind === 'comma') this.fail('unexpected-token', `expected \`)\` to close ${what} opened at offset ${open.start}, found \`,\``, t);
    this.unexpected(`expected \`)\` to close ${what} opened at offset ${open.start}`, fix);
  }

  /** `not x`, `-x` or a primary; the operand of a unary operator takes `has`/`in`, which bind tighter. */
  private parseUnary(): Expr {
    const t = this.cur();
    if (t.kind === 'name' && lower(t) === 'not' && this.peek().kind === 'eof') this.fail('missing-operand', 'expected a condition after `not`', t);
    if ((t.kind === 'name' && lower(t) === 'not' && (this.peek().spaceBefore || this.peek().kind === 'lparen') && this.startsOperand(this.peek()) && !BP[lower(this.peek())])
      || (t.kind === 'symbol' && t.text === '!')) {
      if (t.kind === 'symbol') this.note('foreign-operator', '`!` is not an OData operator: write `not`', t, replaceFix('Write not', t, 'not '));
      this.next();
      const expr = this.operand(() => this.parseBinary(UNARY_BP), t);
      return this.mk({ kind: 'not', expr, opRange: r(t.start, t.end), range: r(t.start, expr.range.end) }, [expr]);
    }
    if (t.kind === 'minus') {
      const n = this.peek();
      if ((n.kind === 'number' || (n.kind === 'name' && n.text === 'INF')) && !n.spaceBefore) {
        this.next();
        this.next();
        return this.numberLiteral(n, t.start);
      }
      this.next();
      const expr = this.operand(() => this.parseBinary(UNARY_BP), t);
      return this.mk({ kind: 'negate', expr, range: r(t.start, expr.range.end) }, [expr]);
    }
    return this.parsePrimary();
  }

  private numberLiteral(t: Token, start = t.start): Literal {
    const text = this.src.slice(start, t.end);
    if (t.kind === 'name') return this.mk({ kind: 'literal', type: 'double', text, value: text.startsWith('-') ? -Infinity : Infinity, range: r(start, t.end) });
    const type = /[eE]/.test(t.text) ? 'double' : t.text.includes('.') ? 'decimal' : 'int';
    return this.mk({ kind: 'literal', type, text, value: Number(text), range: r(start, t.end) });
  }

  private literal(type: Literal['type'], t: Token, value: Literal['value']): Literal {
    return this.mk({ kind: 'literal', type, text: t.text, value, range: r(t.start, t.end) });
  }

  private parsePrimary(): Expr {
    const t = this.cur();
    switch (t.kind) {
      case 'number': this.next(); return this.numberLiteral(t);
      case 'string':
        this.next();
        if (isOpenEnded(t)) this.note('unterminated-string', "this string has no closing `'` (write `''` for a quote inside a string)", t, insertFix("Close the string", t.end, "'"));
        return this.literal('string', t, unquote(t.text));
      case 'dstring': {
        this.next();
        const value = unquote(t.text, '"');
        this.note('double-quoted-string', "OData strings use single quotes: 'text' (a quote inside is written '')", t, replaceFix('Use single quotes', t, `'${value.split("'").join("''")}'`));
        return this.mk({ kind: 'literal', type: 'string', text: `'${value.split("'").join("''")}'`, value, range: r(t.start, t.end) });
      }
      case 'date': this.next(); return this.literal('date', t, t.text);
      case 'time': this.next(); return this.literal('timeofday', t, t.text);
      case 'guid': this.next(); return this.literal('guid', t, t.text.toLowerCase());
      case 'datetime': {
        this.next();
        if (!/([Zz]|[+-]\d{2}:\d{2})$/.test(t.text)) {
          this.note('datetime-no-offset', `a DateTimeOffset needs a time zone: ${t.text}Z for UTC, or an offset such as ${t.text}-05:00`, t, insertFix('Add Z (UTC)', t.end, 'Z'));
        }
        return this.literal('datetimeoffset', t, t.text);
      }
      case 'typed': this.next(); return this.typedLiteral(t);
      case 'lparen': return this.group(t);
      case 'name': return this.nameExpr(t);
      case 'eof': return this.missingOperand();
      case 'symbol': {
        const op = FOREIGN_OPERATORS[t.text];
        return this.fail('foreign-operator', `\`${t.text}\` is not an OData operator${op ? `: write \`${op}\`` : ''}`, t, op ? replaceFix(`Write ${op}`, t, op) : undefined);
      }
      default: return this.unexpected('expected a property, a value, a function call or `(`');
    }
  }

  private missingOperand(): never {
    const t = this.cur();
    const prev = this.i > 0 ? this.toks[this.i - 1] : undefined;
    this.fail('missing-operand', prev ? `expected a value after ${describeToken(prev)}` : 'expected a condition', prev ? r(prev.start, prev.end) : r(t.start, t.end));
  }

  private group(open: Token): Expr {
    this.enter(open);
    try {
      this.next();
      if (this.cur().kind === 'rparen') this.fail('empty-group', 'empty parentheses: write a condition inside', r(open.start, this.cur().end));
      const inner = this.parseOr();
      if (!inner) {
        // Everything inside was broken (errors recorded): close over it and give up on this operand.
        if (this.cur().kind === 'rparen') this.next();
        throw new ParseFailure(undefined);
      }
      const end = this.expectClose(open, 'the `(`');
      return this.mk({ kind: 'group', expr: inner, range: r(open.start, end) }, [inner]);
    } finally {
      this.leave();
    }
  }

  private typedLiteral(t: Token): Expr {
    const q = t.quote! - t.start;
    const prefix = t.text.slice(0, q);
    const body = t.text.slice(q);
    const range = r(t.start, t.end);
    if (isOpenEnded(t)) this.note('unterminated-string', "this literal has no closing `'`", t, insertFix('Close it', t.end, "'"));
    const value = unquote(body);
    const p = prefix.toLowerCase();
    if (p === 'duration') return this.mk({ kind: 'literal', type: 'duration', text: t.text, value, range });
    if (p === 'binary') return this.mk({ kind: 'literal', type: 'binary', text: t.text, value, range });
    if (p.startsWith('geography') || p.startsWith('geometry')) return this.mk({ kind: 'literal', type: 'geo', text: t.text, value, range });
    if (p === 'datetime' || p === 'datetimeoffset') {
      const fixed = /([Zz]|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`;
      this.note('v2-literal', `\`${prefix}'…'\` is OData 2/3 syntax: OData 4 writes the value bare, ${fixed}`, t, replaceFix(`Write ${fixed}`, range, fixed));
      return this.mk({ kind: 'literal', type: 'datetimeoffset', text: fixed, value: fixed, range });
    }
    if (p === 'guid') {
      this.note('v2-literal', `\`guid'…'\` is OData 2/3 syntax: OData 4 writes the GUID bare, ${value}`, t, replaceFix(`Write ${value}`, range, value));
      return this.mk({ kind: 'literal', type: 'guid', text: value, value: value.toLowerCase(), range });
    }
    if (!prefix.includes('.')) {
      this.fail('unknown-literal', `\`${prefix}'…'\` is not an OData literal; an enumeration value is written Namespace.EnumType'Member'`, t);
    }
    const members = value.split(',').map((m) => m.trim());
    const node: EnumLiteral = { kind: 'enum', typeName: prefix, members, range, typeRange: r(t.start, t.quote!), valueRange: r(t.quote!, t.end) };
    return this.mk(node);
  }

  private nameExpr(t: Token): Expr {
    const n = this.peek();
    const w = lower(t);
    if (n.kind !== 'slash' && n.kind !== 'lparen') {
      if (w === 'true' || w === 'false') { this.next(); return this.literal('boolean', t, w === 'true'); }
      if (w === 'null') { this.next(); return this.literal('null', t, null); }
      if (t.text === 'INF' || t.text === 'NaN') { this.next(); return this.mk({ kind: 'literal', type: 'double', text: t.text, value: t.text === 'NaN' ? NaN : Infinity, range: r(t.start, t.end) }); }
    }
    if (n.kind === 'lparen') {
      if (w === 'any' || w === 'all') this.fail('lambda-needs-path', `${w}() follows a collection: write Collection/${w}(x: …)`, r(t.start, n.end));
      return this.call(t);
    }
    return this.member();
  }

  private call(nameTok: Token): Expr {
    this.next();
    const open = this.next();
    this.enter(open);
    try {
      const args: Expr[] = [];
      if (this.cur().kind !== 'rparen') {
        for (;;) {
          const t = this.cur();
          if (t.kind === 'comma' || t.kind === 'rparen') this.fail('missing-argument', `expected an argument to ${nameTok.text}(), found ${describeToken(t)}`, t);
          const a = this.parseOr();
          if (!a) throw new ParseFailure(undefined);
          args.push(a);
          if (this.cur().kind === 'comma') { this.next(); continue; }
          break;
        }
      }
      const end = this.expectClose(open, `the arguments of ${nameTok.text}()`);
      const name = nameTok.text.toLowerCase();
      if ((name === 'cast' || name === 'isof') && args.length > 0) {
        const last = args[args.length - 1];
        if (last.kind === 'member' && last.segments.length === 1) args[args.length - 1] = this.mk({ kind: 'type', name: last.segments[0].name, range: last.range });
      }
      const node: CallExpr = { kind: 'call', name, args, nameRange: r(nameTok.start, nameTok.end), range: r(nameTok.start, end) };
      return this.mk(node, args);
    } finally {
      this.leave();
    }
  }

  /** A member path `A/B/C`, ending perhaps in a lambda `A/any(x: …)`. */
  private member(): Expr {
    const segments: Segment[] = [];
    const first = this.next();
    segments.push({ name: first.text, range: r(first.start, first.end) });
    while (this.cur().kind === 'slash') {
      const slash = this.next();
      const s = this.cur();
      if (s.kind !== 'name') this.fail('missing-segment', `expected a property name after \`/\`, found ${describeToken(s)}`, r(slash.start, Math.max(slash.end, s.end)));
      const w = lower(s);
      if ((w === 'any' || w === 'all') && this.peek().kind === 'lparen') {
        const collection = this.mk<MemberExpr>({ kind: 'member', segments, range: r(segments[0].range.start, segments[segments.length - 1].range.end) });
        return this.lambda(collection, s);
      }
      this.next();
      segments.push({ name: s.text, range: r(s.start, s.end) });
    }
    return this.mk({ kind: 'member', segments, range: r(segments[0].range.start, segments[segments.length - 1].range.end) });
  }

  private lambda(collection: MemberExpr, opTok: Token): Expr {
    this.next();
    const open = this.next();
    const op = lower(opTok) as 'any' | 'all';
    this.enter(open);
    try {
      let variable: Segment | undefined;
      let predicate: Expr | undefined;
      if (this.cur().kind === 'rparen') {
        if (op === 'all') this.fail('lambda-needs-predicate', '`all()` needs a variable and a condition, e.g. all(x: x eq \'A\')', r(opTok.start, this.cur().end));
      } else {
        const v = this.cur();
        if (v.kind !== 'name' || this.peek().kind !== 'colon') {
          this.fail('lambda-variable', `expected a variable and \`:\` inside ${op}(…), e.g. ${collection.segments.map((s) => s.name).join('/')}/${op}(x: x eq 'A')`, r(v.start, Math.max(v.end, v.start)));
        }
        this.next();
        this.next();
        variable = { name: v.text, range: r(v.start, v.end) };
        if (this.cur().kind === 'rparen' || this.cur().kind === 'eof') this.fail('lambda-needs-predicate', `expected a condition after \`${v.text}:\``, r(v.start, this.cur().start));
        predicate = this.parseOr();
        if (!predicate) throw new ParseFailure(undefined);
      }
      const end = this.expectClose(open, `${op}(`);
      const node: LambdaExpr = { kind: 'lambda', op, collection, variable, predicate, opRange: r(opTok.start, opTok.end), range: r(collection.range.start, end) };
      if (!variable) delete node.variable;
      if (!predicate) delete node.predicate;
      return this.mk(node, [collection, predicate]);
    } finally {
      this.leave();
    }
  }
}

function closesAtEnd(e: FilterError, end: number): boolean {
  const edits = e.fix?.edits;
  return e.code === 'missing-paren' && e.range.start >= end && edits?.length === 1 && edits[0].text === ')';
}

/** `((A eq 1` leaves two parens open: one error whose fix adds both. */
function mergeClosesAtEnd(errors: FilterError[], end: number): FilterError[] {
  const open = errors.filter((e) => closesAtEnd(e, end));
  if (open.length < 2) return errors;
  const at = open[0].fix!.edits[0].range.start;
  const merged = makeError('missing-paren', `the filter ends before ${open.length} open \`(\` are closed: add \`${')'.repeat(open.length)}\``, open[0].range, insertFix(`Add \`${')'.repeat(open.length)}\``, at, ')'.repeat(open.length)));
  return [...errors.filter((e) => !closesAtEnd(e, end)), merged];
}

/**
 * Parses a $filter expression. Never throws. Without syntax errors: the tree. With them: every
 * error (up to MAX_SYNTAX_ERRORS, in source order) and, in `partial`, the parts that did parse.
 */
export interface ParseStats {
  /** Tokens the lexer produced. */
  tokens: number;
  /** Work the parser did (token visits and nodes made). */
  steps: number;
}

export function parseFilter(src: string, stats?: ParseStats): FilterParseResult {
  const toks = lex(src);
  const p = new Parser(src, toks);
  let result: FilterParseResult;
  try {
    result = parseTokens(src, p);
  } finally {
    if (stats) { stats.tokens = toks.length; stats.steps = p.steps; }
  }
  return result.errors.length ? urlEncoded(src) ?? result : result;
}

const PERCENT = /%[0-9A-Fa-f]{2}/;

/** A filter pasted from a URL (%20, %27, + for spaces) that reads fine once decoded: one error whose fix decodes it. */
function urlEncoded(src: string): FilterParseResult | undefined {
  if (!PERCENT.test(src) || src.length > 100000) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(src.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
  if (decoded === src) return undefined;
  const inner = parseTokens(decoded, new Parser(decoded, lex(decoded)));
  if (inner.errors.length) return undefined;
  return { errors: [makeError('url-encoded', `this filter is URL-encoded (as copied from a request URL): it reads ${decoded.length > 60 ? `${decoded.slice(0, 60)}…` : decoded}`, r(0, src.length), replaceFix('Decode it', r(0, src.length), decoded))] };
}

function parseTokens(src: string, p: Parser): FilterParseResult {
  let expr: Expr | undefined;
  try {
    expr = p.parseFilter();
  } catch (e) {
    if (!(e instanceof ParseFailure)) {
      return { errors: [{ code: 'internal', message: `the filter could not be read (${String(e)})`, range: r(0, src.length) }] };
    }
    if (e.error) p.errors.push(e.error);
  }
  const errors = mergeClosesAtEnd(p.errors.sort((a, b) => a.range.start - b.range.start), src.length);
  const tree: Filter | undefined = expr && { kind: 'filter', expr, range: r(expr.range.start, expr.range.end) };
  if (!tree) return { errors };
  return errors.length ? { errors, partial: tree } : { ast: tree, errors };
}
