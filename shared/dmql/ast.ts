// The DMQL2 syntax tree. Every node keeps its exact source range (offsets into the query,
// end exclusive) so diagnostics, hover and completion can point at what the user wrote.

export interface SourceRange { start: number; end: number }

export type Expr = OrExpr | AndExpr | NotExpr | GroupExpr | Criterion;

export interface Query { kind: 'query'; expr: Expr; range: SourceRange }
export interface OrExpr { kind: 'or'; items: Expr[]; range: SourceRange }
export interface AndExpr { kind: 'and'; items: Expr[]; range: SourceRange }
export interface NotExpr { kind: 'not'; expr: Expr; range: SourceRange }
/** A parenthesised search condition `( … )`, kept so the formatter keeps the author's grouping. */
export interface GroupExpr { kind: 'group'; expr: Expr; range: SourceRange }

export interface FieldName { name: string; range: SourceRange }

/** `(Field=value)`. */
export interface Criterion { kind: 'criterion'; field: FieldName; value: FieldValue; range: SourceRange }

export type FieldValue = EmptyValue | AnyValue | LookupList | ValueList;

export interface EmptyValue { kind: 'empty'; range: SourceRange }
export interface AnyValue { kind: 'any'; range: SourceRange }

export type LookupOp = 'any' | 'all' | 'none';
export interface LookupCode { value: string; range: SourceRange }
/** `|A,B` any-of, `+A,B` all-of, `~A,B` none-of. */
export interface LookupList { kind: 'lookup'; op: LookupOp; values: LookupCode[]; range: SourceRange }

/** Comma-separated items, any of which may match (string-list / range-list, or a bare value). */
export interface ValueList { kind: 'list'; items: ListItem[]; range: SourceRange }
export type ListItem = Scalar | Pattern | Literal | RangeItem;

/** A single comparable value. `text` is alphanumerics (a string-eq, or a bare lookup code). */
export type Scalar =
  | { kind: 'number'; text: string; range: SourceRange }
  | { kind: 'date'; text: string; range: SourceRange }
  | { kind: 'datetime'; text: string; range: SourceRange }
  | { kind: 'time'; text: string; range: SourceRange }
  | { kind: 'today'; range: SourceRange }
  | { kind: 'now'; range: SourceRange }
  | { kind: 'text'; text: string; range: SourceRange };

/** A string with `*` (any run) and/or `?` (one character) wildcards, as written. */
export interface Pattern { kind: 'pattern'; text: string; range: SourceRange }
/** A quoted string literal; `value` is unquoted. */
export interface Literal { kind: 'literal'; value: string; range: SourceRange }

/** `a-b` between, `a+` at least, `a-` at most (all inclusive). */
export type RangeItem =
  | { kind: 'between'; low: Scalar; high: Scalar; range: SourceRange }
  | { kind: 'gte'; low: Scalar; range: SourceRange }
  | { kind: 'lte'; high: Scalar; range: SourceRange };

export interface TextEdit { range: SourceRange; text: string }
export interface Fix { title: string; edits: TextEdit[] }

/** A syntax error: where, what in plain words, and a fix when there is an obvious one. */
export interface DmqlError { code: string; message: string; range: SourceRange; fix?: Fix }

export interface ParseResult {
  /** The tree, only when the query has no syntax error. */
  ast?: Query;
  /** Syntax errors in source order (empty when `ast` is set). */
  errors: DmqlError[];
  /** With syntax errors: the conditions that did parse, for semantic checks only (never compile or send it). */
  partial?: Query;
}
