// DMQL2: lexer, parser, formatter, schema, validator, completion, hover and evaluator.
//
//   const { ast, errors } = parse('(Status=|A,P),(ListPrice=200000-500000)');   // never throws
//   // with syntax errors: no ast, every error (up to 10), and `partial`, the conditions that parsed
//   const schema = buildSchema(metadata, 'Property', 'RES');                      // once per class
//   warmSchema(schema);                                                           // optional: build indexes now
//   validate(query, schema)        -> Diagnostic[] { range, severity, message, code, fix? }
//   complete(query, offset, schema) -> { items: Suggestion[], range, incomplete }
//   hover(query, offset, schema)    -> { range, contents (markdown) } | undefined
//   format(ast)                     -> canonical DMQL2
//   compile(ast, schema?, { now })  -> (record: (column) => string | undefined) => boolean
export * from './ast';
export * from './tokens';
export { lex, unquote } from './lexer';
export { parse, describeToken } from './parser';
export { format, formatValue, formatScalar, formatCode, quote } from './format';
export { buildSchema, fieldKind, fieldOf, squeeze, SchemaError, type DmqlField, type DmqlLookup, type DmqlSchema, type FieldKind } from './schema';
export { compile, type CompileOptions, type Predicate, type RecordAccessor } from './compile';
export { dayKey, instantKey, timeKey, numberKey, booleanKey } from './values';
export { wildcardMatcher } from './wildcard';
export { validate, syntaxDiagnostic, type Diagnostic, type Severity } from './validate';
export { guessFields, guessLookupValues, boundedDistance } from './didYouMean';
export { complete, matchLookupValues, type CompleteOptions, type CompletionResult, type Suggestion, type SuggestionKind } from './complete';
export { hover, type HoverResult } from './hover';
export { annotate, scan, type Annotated, type Mode, type Role, type ScanState } from './context';
export { searchFields, splitWords, type FieldMatch } from './fieldIndex';
export { warmSchema } from './warm';
