// DMQL2 token kinds and the words and symbols of the language. The editor colours a query by
// running the lexer itself (renderer/src/monaco/dmqlTokens.ts), so there is no second grammar.

export type TokenKind =
  | 'lparen' | 'rparen' | 'comma' | 'equal' | 'star' | 'plus' | 'minus' | 'pipe' | 'tilde' | 'question'
  | 'empty' | 'any' // .EMPTY. and .ANY.
  | 'date' | 'datetime' | 'time' | 'number' | 'text' | 'string'
  | 'and' | 'or' | 'not' | 'today' | 'now'
  | 'invalid' | 'eof';

/** Every token kind, for tests that check a consumer handles each. */
export const DMQL_TOKEN_KINDS: readonly TokenKind[] = [
  'lparen', 'rparen', 'comma', 'equal', 'star', 'plus', 'minus', 'pipe', 'tilde', 'question', 'empty', 'any',
  'date', 'datetime', 'time', 'number', 'text', 'string', 'and', 'or', 'not', 'today', 'now', 'invalid', 'eof',
];

export interface Token {
  kind: TokenKind;
  /** Source text exactly as written (for `string`, with its quotes). */
  text: string;
  start: number;
  end: number;
  /** True when whitespace separates this token from the one before. */
  spaceBefore: boolean;
}

/** Words the lexer reads as keywords (whole words, upper case). */
export const DMQL_KEYWORDS = ['AND', 'OR', 'NOT', 'TODAY', 'NOW'] as const;
