// The $filter editor's colouring, computed by the shared $filter lexer (as dmqlTokens.ts does for
// DMQL2): operator words, functions, literals and property paths as the parser will read them.
// The state carried between lines is an unterminated quoted token. Pure (no Monaco).
import { FUNCTION_BY_NAME } from '../../../shared/odata/filter/functions';
import { isOperatorWord } from '../../../shared/odata/filter/context';
import { isOpenEnded, lex } from '../../../shared/odata/filter/lexer';
import type { Token, TokenKind } from '../../../shared/odata/filter/tokens';
import { tokenizeLines, type LineToken } from './dmqlTokens';

/** An open quoted token continues on the next line: its class and quote character. */
export interface ODataLineState { readonly scopes: string; readonly quote: string }
export const ODATA_INITIAL_STATE: ODataLineState = { scopes: '', quote: '' };

/** Editor class of each lexer token kind; `name` is refined by where it stands (nameClass). */
export const ODATA_TOKEN_CLASSES: Record<Exclude<TokenKind, 'eof'>, string> = {
  name: 'field',
  string: 'string',
  dstring: 'string.invalid', // "double quoted": the validator offers single quotes
  typed: 'constant', // NS.Enum'Member', duration'P1D'
  number: 'number',
  date: 'number.date',
  datetime: 'number.date',
  time: 'number.date',
  guid: 'number.date',
  lparen: 'delimiter.paren',
  rparen: 'delimiter.paren',
  comma: 'delimiter',
  slash: 'operator.path',
  colon: 'operator.lambda',
  minus: 'operator',
  symbol: 'invalid', // = != && …: the validator offers the OData word
  invalid: 'invalid',
};

const CONSTANTS = new Set(['true', 'false', 'null', '$it', '$this', '$root', '$count', 'INF', 'NaN']);

/** A name as the parser reads it: operator word, constant, function or lambda, else a property path. */
export function nameClass(t: Token, prev: Token | undefined, next: Token | undefined): string {
  if (isOperatorWord(t)) return 'keyword.operator';
  if (CONSTANTS.has(t.text)) return 'keyword';
  if (next?.kind === 'lparen') {
    if (prev?.kind === 'slash' && (t.text === 'any' || t.text === 'all')) return 'keyword';
    if (FUNCTION_BY_NAME.has(t.text)) return 'function';
  }
  return 'field';
}

export function tokenClass(tokens: Token[], k: number): string {
  const t = tokens[k];
  return t.kind === 'name' ? nameClass(t, tokens[k - 1], tokens[k + 1]) : ODATA_TOKEN_CLASSES[t.kind as Exclude<TokenKind, 'eof'>];
}

/** End (exclusive) of a quoted run continued from the previous line, or -1 when it runs past this line too. */
function quotedEnd(line: string, q: string): number {
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] !== q) continue;
    if (line[i + 1] === q) { i += 1; continue; }
    return i + 1;
  }
  return -1;
}

/** The tokens of one line, given the state the previous line ended in. */
export function tokenizeODataLine(line: string, state: ODataLineState): { tokens: LineToken[]; endState: ODataLineState } {
  const tokens: LineToken[] = [];
  let from = 0;
  if (state.quote) {
    tokens.push({ startIndex: 0, scopes: state.scopes });
    const end = quotedEnd(line, state.quote);
    if (end < 0) return { tokens, endState: state };
    from = end;
  }
  const lexed = lex(line.slice(from));
  let last = from;
  let endState = ODATA_INITIAL_STATE;
  for (let k = 0; k < lexed.length - 1; k += 1) {
    const t = lexed[k];
    const start = from + t.start;
    if (start > last) tokens.push({ startIndex: last, scopes: '' });
    const scopes = tokenClass(lexed, k);
    tokens.push({ startIndex: start, scopes });
    last = from + t.end;
    const quoted = t.kind === 'string' || t.kind === 'typed' || t.kind === 'dstring';
    // The lexer runs an unterminated quote to the end of its input: here, the end of the line.
    endState = quoted && isOpenEnded(t) ? { scopes, quote: t.kind === 'dstring' ? '"' : "'" } : ODATA_INITIAL_STATE;
  }
  if (last < line.length) tokens.push({ startIndex: last, scopes: '' });
  return { tokens, endState: endState.quote === state.quote && endState.scopes === state.scopes ? state : endState };
}

/** Tokens of a whole text, with offsets into it (tokenizeLines). */
export const tokenizeOData = (text: string) => tokenizeLines(text, ODATA_INITIAL_STATE, tokenizeODataLine);
