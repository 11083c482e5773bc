// $filter token kinds. Operator words (eq, and, not…) lex as names: whether `and` is an operator
// or a property called `and` depends on where it stands, so the parser decides.

export type TokenKind =
  | 'name' // identifier, dotted (Namespace.Type, geo.distance) or $-prefixed ($it, $count)
  | 'string' // 'single quoted', '' doubled inside
  | 'dstring' // "double quoted": not OData, reported with a fix
  | 'typed' // prefix'...' : enum literal, duration'P1D', binary'..', geography'..'
  | 'number' | 'date' | 'datetime' | 'time' | 'guid'
  | 'lparen' | 'rparen' | 'comma' | 'slash' | 'colon' | 'minus'
  | 'symbol' // = == != <> < <= > >= && || ! : operators of other languages, reported with a fix
  | 'invalid' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Source text exactly as written. */
  text: string;
  start: number;
  end: number;
  /** True when whitespace separates this token from the one before. */
  spaceBefore: boolean;
  /** For `typed`: offset of the opening quote. */
  quote?: number;
}

export const COMPARISON_OPERATORS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
export const ARITHMETIC_OPERATORS = ['add', 'sub', 'mul', 'div', 'divby', 'mod'] as const;
export const LOGICAL_OPERATORS = ['and', 'or', 'not'] as const;
/** Every operator word (binary and unary). */
export const OPERATOR_WORDS = [...COMPARISON_OPERATORS, ...ARITHMETIC_OPERATORS, ...LOGICAL_OPERATORS, 'has', 'in'] as const;

/** What users of SQL, C and DMQL write, and the OData operator they meant. */
export const FOREIGN_OPERATORS: Record<string, string> = {
  '=': 'eq', '==': 'eq', '!=': 'ne', '<>': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', '&&': 'and', '||': 'or', '!': 'not',
};
