// DMQL2: lexer, parser, formatter, schema, validator, completion, hover and evaluator.
export * from './ast';
export * from './tokens';
export { lex, unquote } from './lexer';
export { parse, describeToken } from './parser';
export { format, formatValue, formatScalar, formatCode, quote } from './format';
export { buildSchema, fieldKind, fieldOf, squeeze, SchemaError, type DmqlField, type DmqlLookup, type DmqlSchema, type FieldKind } from './schema';
export { compile, type CompileOptions, type Predicate, type RecordAccessor } from './compile';
export { dayKey, instantKey, timeKey, numberKey, booleanKey, wildcardRegExp } from './values';
export { validate, syntaxDiagnostic, type Diagnostic, type Severity } from './validate';
export { guessFields, guessLookupValues, boundedDistance } from './didYouMean';
export { complete, matchLookupValues, type CompleteOptions, type CompletionResult, type Suggestion, type SuggestionKind } from './complete';
export { hover, type HoverResult } from './hover';
export { annotate, scan, type Annotated, type Mode, type Role, type ScanState } from './context';
export { searchFields, splitWords, type FieldMatch } from './fieldIndex';
export { warmSchema } from './warm';
