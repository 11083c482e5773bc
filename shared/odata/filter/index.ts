// The OData $filter language: lexer, parser, formatter, schema, validator, completion, hover and
// evaluator, with the same shapes as shared/dmql so the editor can plug either in.
//
//   const { ast, errors } = parseFilter("StandardStatus eq 'Active' and ListPrice gt 500000"); // never throws
//   const schema = filterSchema(buildFilterModel(input), 'Property');  // input: see schema.ts (from CSDL)
//   warmFilterSchema(schema);              // optional: build the completion indexes now
//   validateFilter(filter, schema)        -> Diagnostic[] { range, severity, message, code, fix? }
//   completeFilter(filter, offset, schema) -> { items: Suggestion[], range, incomplete }
//   completeFieldList(list, offset, schema, { orderby }) -> the same, for $select / $orderby
//   hoverFilter(filter, offset, schema)    -> { range, contents (markdown) } | undefined
//   formatFilter(ast)                      -> canonical text
//   compileFilter(ast, { schema, now })    -> (row) => boolean
export * from './ast';
export * from './tokens';
export { lex, quote, unquote, isOpenEnded } from './lexer';
export { parseFilter, describeToken, MAX_DEPTH, MAX_SYNTAX_ERRORS, type ParseStats } from './parser';
export { formatFilter, formatExpr, formatLiteral } from './format';
export * from './schema';
export { FUNCTIONS, FUNCTION_BY_NAME, type FunctionInfo } from './functions';
export { typeOf, resolveMember, type TypeInfo, type Scope } from './typing';
export { validateFilter, syntaxDiagnostic, type Diagnostic, type Severity } from './validate';
export { completeFilter, completeFieldList, type CompleteOptions, type CompletionResult, type Suggestion, type SuggestionKind } from './complete';
export { hoverFilter, fieldHover, type HoverResult } from './hover';
export { compileFilter, type CompileFilterOptions, type Row, type RowPredicate } from './compile';
export { warmFilterSchema } from './warm';
export { dateKey, instantKey, timeKey, durationKey, dateTimeParts } from './values';
