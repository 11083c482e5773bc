// The DMQL2 editor's colouring, computed by the shared lexer itself (not a second grammar), so
// the editor and the parser never disagree on a token: `.empty.` is a keyword in both, a date is
// one token in both. Monaco tokenizes line by line; the state carried between lines is whether
// the line starts inside a value (after `=`, until `)`) or inside an unterminated string.
// Pure (no Monaco): dmqlLanguage.ts wraps it in a TokensProvider; tests call it directly.
import { isOpenEnded, lex } from '../../../shared/dmql/lexer';
import type { TokenKind } from '../../../shared/dmql/tokens';

export interface LineToken { startIndex: number; scopes: string }
export interface DmqlLineState { readonly value: boolean; readonly string: boolean }
export const DMQL_INITIAL_STATE: DmqlLineState = { value: false, string: false };

/** Editor class of each lexer token kind: [in a field position, in a value (after `=`)]. */
export const DMQL_TOKEN_CLASSES: Record<Exclude<TokenKind, 'eof'>, readonly [string, string]> = {
  lparen: ['delimiter.paren', 'delimiter.paren'],
  rparen: ['delimiter.paren', 'delimiter.paren'],
  comma: ['operator.logic', 'operator.value'],
  pipe: ['operator.logic', 'operator.value'],
  tilde: ['operator.not', 'operator.value'],
  plus: ['operator.value', 'operator.value'],
  minus: ['operator.range', 'operator.range'],
  equal: ['operator.eq', 'operator.eq'],
  star: ['operator.wildcard', 'operator.wildcard'],
  question: ['operator.wildcard', 'operator.wildcard'],
  empty: ['keyword', 'keyword'],
  any: ['keyword', 'keyword'],
  today: ['keyword', 'keyword'],
  now: ['keyword', 'keyword'],
  and: ['operator.logic', 'operator.logic'],
  or: ['operator.logic', 'operator.logic'],
  not: ['operator.logic', 'operator.logic'],
  date: ['number.date', 'number.date'],
  datetime: ['number.date', 'number.date'],
  time: ['number.date', 'number.date'],
  number: ['number', 'number'],
  text: ['field', 'string.value'],
  string: ['string', 'string'],
  invalid: ['invalid', 'invalid'],
};

/** End (exclusive) of a string continued from the previous line, or -1 when it runs past this line too. */
function stringEnd(line: string): number {
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] !== '"') continue;
    if (line[i + 1] === '"') { i += 1; continue; }
    return i + 1;
  }
  return -1;
}

/** The tokens of one line, given the state the previous line ended in. */
export function tokenizeDmqlLine(line: string, state: DmqlLineState): { tokens: LineToken[]; endState: DmqlLineState } {
  const tokens: LineToken[] = [];
  let from = 0;
  let value = state.value;
  if (state.string) {
    tokens.push({ startIndex: 0, scopes: 'string' });
    const end = stringEnd(line);
    if (end < 0) return { tokens, endState: state };
    from = end;
  }
  let last = from;
  let open = false;
  for (const t of lex(line.slice(from))) {
    if (t.kind === 'eof') break;
    const start = from + t.start;
    if (start > last) tokens.push({ startIndex: last, scopes: '' });
    tokens.push({ startIndex: start, scopes: DMQL_TOKEN_CLASSES[t.kind][value ? 1 : 0] });
    last = from + t.end;
    if (t.kind === 'equal') value = true;
    else if (t.kind === 'lparen' || t.kind === 'rparen') value = false;
    // The lexer runs an unterminated string to the end of its input: here, the end of the line.
    open = t.kind === 'string' && isOpenEnded(t.text);
  }
  if (last < line.length) tokens.push({ startIndex: last, scopes: '' });
  return { tokens, endState: value === state.value && open === state.string ? state : { value, string: open } };
}

/**
 * Tokens of a whole text, line by line as the editor does (each line starts in the state the last
 * one ended in), with offsets into the text. Both query languages' line tokenizers run through it.
 */
export function tokenizeLines<S>(text: string, initial: S, tokenizeLine: (line: string, state: S) => { tokens: LineToken[]; endState: S }): { offset: number; scopes: string }[] {
  const out: { offset: number; scopes: string }[] = [];
  let state = initial;
  let base = 0;
  for (const line of text.split('\n')) {
    const r = tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ offset: base + t.startIndex, scopes: t.scopes });
    state = r.endState;
    base += line.length + 1;
  }
  return out;
}

export const tokenizeDmql = (text: string) => tokenizeLines(text, DMQL_INITIAL_STATE, tokenizeDmqlLine);
