// What surrounds a position in a $filter that may not parse yet (the user is typing): the open
// parentheses (groups, calls, `in` lists, lambdas with their variables), the lambda variables in
// scope, and the operand just before a token with its static type. Token-based, one linear pass,
// so completion and hover work on broken input.
import type { MemberExpr, Segment } from './ast';
import { FUNCTION_BY_NAME } from './functions';
import type { FilterSchema } from './schema';
import { OPERATOR_WORDS, type Token } from './tokens';
import { lambdaScope, resolveMember, UNKNOWN, type Scope, type TypeInfo } from './typing';

export interface Frame {
  kind: 'group' | 'call' | 'in' | 'lambda';
  /** Index of the `(` token. */
  open: number;
  /** Function name, or any/all. */
  name?: string;
  /** For lambdas: the variable, and the type of the collection. */
  variable?: string;
  collection?: TypeInfo;
}

const OPS = new Set<string>(OPERATOR_WORDS);

export function isOperatorWord(t: Token | undefined): boolean {
  return t?.kind === 'name' && OPS.has(t.text.toLowerCase());
}

/** A member path ending at token `end` (inclusive): `A/B/C`; undefined when the token is not a name. */
export function pathEndingAt(tokens: Token[], end: number): { start: number; member: MemberExpr } | undefined {
  if (tokens[end]?.kind !== 'name') return undefined;
  let k = end;
  while (k >= 2 && tokens[k - 1].kind === 'slash' && tokens[k - 2].kind === 'name') k -= 2;
  const segments: Segment[] = [];
  for (let j = k; j <= end; j += 2) segments.push({ name: tokens[j].text, range: { start: tokens[j].start, end: tokens[j].end } });
  return { start: k, member: { kind: 'member', segments, range: { start: tokens[k].start, end: tokens[end].end } } };
}

/** Open frames and lambda scope before token index `upto`. */
export function scanFrames(tokens: Token[], upto: number, schema: FilterSchema | undefined): { frames: Frame[]; scope: Scope } {
  const frames: Frame[] = [];
  let scope: Scope = new Map();
  const scopes: Scope[] = [];
  for (let k = 0; k < upto; k += 1) {
    const t = tokens[k];
    if (t.kind === 'lparen') {
      const prev = tokens[k - 1];
      const w = prev?.kind === 'name' ? prev.text.toLowerCase() : '';
      scopes.push(scope);
      if ((w === 'any' || w === 'all') && tokens[k - 2]?.kind === 'slash') {
        const path = pathEndingAt(tokens, k - 3);
        const collection = path ? resolveMember(path.member, schema, scope) : UNKNOWN;
        const v = tokens[k + 1]?.kind === 'name' && tokens[k + 2]?.kind === 'colon' ? tokens[k + 1].text : undefined;
        frames.push({ kind: 'lambda', open: k, name: w, variable: v, collection });
        if (v && k + 2 < upto) scope = lambdaScope(scope, v, collection);
      } else if (w === 'in' && prev.spaceBefore) frames.push({ kind: 'in', open: k });
      else if (prev?.kind === 'name' && !isOperatorWord(prev)) frames.push({ kind: 'call', open: k, name: w });
      else frames.push({ kind: 'group', open: k });
    } else if (t.kind === 'rparen' && frames.length) {
      frames.pop();
      scope = scopes.pop() ?? new Map();
    }
  }
  return { frames, scope };
}

/** True for tokens that end an operand (what an operator may follow). */
export function endsOperand(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'name') return !isOperatorWord(t);
  return t.kind === 'string' || t.kind === 'number' || t.kind === 'date' || t.kind === 'datetime' || t.kind === 'time'
    || t.kind === 'guid' || t.kind === 'typed' || t.kind === 'rparen';
}

export interface OperandInfo {
  /** Index of the operand's first token. */
  start: number;
  type: TypeInfo;
}

/** The operand that ends at token `end`, its first token and its static type (as far as tokens tell). */
export function operandEndingAt(tokens: Token[], end: number, schema: FilterSchema | undefined, scope: Scope): OperandInfo | undefined {
  const t = tokens[end];
  if (!t) return undefined;
  const lit = (kind: TypeInfo['kind']): OperandInfo => ({ start: end, type: { kind, collection: false } });
  switch (t.kind) {
    case 'string': return lit('string');
    case 'number': return lit(/[.eE]/.test(t.text) ? 'decimal' : 'int');
    case 'date': return lit('date');
    case 'datetime': return lit('datetimeoffset');
    case 'time': return lit('timeofday');
    case 'guid': return lit('guid');
    case 'typed': return lit(t.text.toLowerCase().startsWith('duration') ? 'duration' : 'enum');
    case 'name': {
      const w = t.text.toLowerCase();
      if (w === 'true' || w === 'false') return lit('boolean');
      if (w === 'null') return lit('null');
      const p = pathEndingAt(tokens, end);
      return p && { start: p.start, type: resolveMember(p.member, schema, scope) };
    }
    case 'rparen': {
      let depth = 0;
      let k = end;
      for (; k >= 0; k -= 1) {
        if (tokens[k].kind === 'rparen') depth += 1;
        else if (tokens[k].kind === 'lparen' && (depth -= 1) === 0) break;
      }
      if (k < 0) return undefined;
      const prev = tokens[k - 1];
      if (prev?.kind === 'name' && !isOperatorWord(prev)) {
        const w = prev.text.toLowerCase();
        if ((w === 'any' || w === 'all') && tokens[k - 2]?.kind === 'slash') {
          const path = pathEndingAt(tokens, k - 3);
          return { start: path ? path.start : k - 1, type: { kind: 'boolean', collection: false } };
        }
        const f = FUNCTION_BY_NAME.get(w);
        const ret = f?.signature.returns;
        return { start: k - 1, type: { kind: !ret || ret === 'same' ? 'unknown' : ret, collection: false } };
      }
      // A group: its value is a condition when it holds one.
      return { start: k, type: { kind: groupHoldsCondition(tokens, k, end) ? 'boolean' : 'unknown', collection: false } };
    }
    default: return undefined;
  }
}

function groupHoldsCondition(tokens: Token[], open: number, close: number): boolean {
  for (let k = open + 1; k < close; k += 1) {
    const w = tokens[k].kind === 'name' ? tokens[k].text.toLowerCase() : '';
    if (w === 'eq' || w === 'ne' || w === 'gt' || w === 'ge' || w === 'lt' || w === 'le' || w === 'and' || w === 'or' || w === 'not' || w === 'has' || w === 'in' || w === 'any' || w === 'all') return true;
  }
  return false;
}
