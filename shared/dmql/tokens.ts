// DMQL2 token kinds, and the token classes a Monarch tokenizer needs so the editor's
// colouring stays in step with this lexer.

export type TokenKind =
  | 'lparen' | 'rparen' | 'comma' | 'equal' | 'star' | 'plus' | 'minus' | 'pipe' | 'tilde' | 'question'
  | 'empty' | 'any' // .EMPTY. and .ANY.
  | 'date' | 'datetime' | 'time' | 'number' | 'text' | 'string'
  | 'and' | 'or' | 'not' | 'today' | 'now'
  | 'invalid' | 'eof';

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
/** Boolean operator words and their symbols. */
export const DMQL_BOOLEAN_OPERATORS = { and: ['AND', ','], or: ['OR', '|'], not: ['NOT', '~'] } as const;
/** The dotted special values. */
export const DMQL_SPECIAL_VALUES = ['.EMPTY.', '.ANY.'] as const;
/** Single-character operators. */
export const DMQL_SYMBOLS = ['(', ')', ',', '=', '*', '+', '-', '|', '~', '?'] as const;

/**
 * Regular expressions (sticky-free, anchored by the tokenizer) for each token class, in the
 * order the lexer tries them: dates before numbers is how the hyphen ambiguity is resolved.
 */
export const DMQL_TOKEN_PATTERNS = {
  datetime: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})?/,
  date: /\d{4}-\d{2}-\d{2}/,
  time: /\d{2}:\d{2}:\d{2}(\.\d{1,3})?/,
  number: /\d+(\.\d*)?/,
  special: /\.(EMPTY|ANY)\./,
  keyword: /\b(AND|OR|NOT|TODAY|NOW)\b/,
  identifier: /[A-Za-z0-9_]+/,
  string: /"([^"]|"")*"/,
} as const;
