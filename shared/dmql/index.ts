// DMQL2: lexer, parser, formatter, schema, validator, completion, hover and evaluator.
export * from './ast';
export * from './tokens';
export { lex, unquote } from './lexer';
export { parse, describeToken } from './parser';
export { format, formatValue, formatScalar, formatCode, quote } from './format';
