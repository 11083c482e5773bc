// The OData $filter syntax tree. Every node keeps its exact source range (offsets into the
// filter, end exclusive). `and`/`or` chains are n-ary lists and the parser caps the depth of
// everything else, so walking a tree recursively is safe whatever the input.
import type { Fix, SourceRange, TextEdit } from '../../dmql/ast';

export type { Fix, SourceRange, TextEdit };

export type LiteralType =
  | 'null' | 'boolean' | 'int' | 'decimal' | 'double' | 'string' | 'date' | 'datetimeoffset'
  | 'timeofday' | 'duration' | 'guid' | 'binary' | 'geo';

/** A primitive literal. `text` is the source as written (canonical for numbers); `value` is decoded. */
export interface Literal { kind: 'literal'; type: LiteralType; text: string; value: string | number | boolean | null; range: SourceRange }

/** `Namespace.Type'Member'` or `Namespace.Type'A,B'` (flags). */
export interface EnumLiteral { kind: 'enum'; typeName: string; members: string[]; range: SourceRange; typeRange: SourceRange; valueRange: SourceRange }

export interface Segment { name: string; range: SourceRange }

/** `Prop`, `Nav/Prop`, `x/Prop` (x a lambda variable), `$it`, `Media/$count`. */
export interface MemberExpr { kind: 'member'; segments: Segment[]; range: SourceRange }

/** `Path/any(x: predicate)`, `Path/any()`, `Path/all(x: predicate)`. */
export interface LambdaExpr {
  kind: 'lambda'; op: 'any' | 'all'; collection: MemberExpr; variable?: Segment; predicate?: Expr;
  range: SourceRange; opRange: SourceRange;
}

/** A qualified type name, the last argument of cast() and isof(). */
export interface TypeName { kind: 'type'; name: string; range: SourceRange }

/** A function call; `name` is lower-cased (OData 4.01 names are case-insensitive), `nameRange` where it was written. */
export interface CallExpr { kind: 'call'; name: string; args: Expr[]; range: SourceRange; nameRange: SourceRange }

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type ArithmeticOp = 'add' | 'sub' | 'mul' | 'div' | 'divby' | 'mod';
export type BinaryOp = ComparisonOp | ArithmeticOp | 'has';

export interface BinaryExpr { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; range: SourceRange; opRange: SourceRange }
export interface InExpr { kind: 'in'; left: Expr; items: Expr[]; range: SourceRange; opRange: SourceRange; listRange: SourceRange }
export interface NotExpr { kind: 'not'; expr: Expr; range: SourceRange; opRange: SourceRange }
export interface NegateExpr { kind: 'negate'; expr: Expr; range: SourceRange }
export interface LogicalExpr { kind: 'and' | 'or'; items: Expr[]; range: SourceRange; opRanges: SourceRange[] }
/** Parentheses as written, kept so the formatter keeps the author's grouping. */
export interface GroupExpr { kind: 'group'; expr: Expr; range: SourceRange }

export type Expr =
  | Literal | EnumLiteral | MemberExpr | LambdaExpr | TypeName | CallExpr
  | BinaryExpr | InExpr | NotExpr | NegateExpr | LogicalExpr | GroupExpr;

export interface Filter { kind: 'filter'; expr: Expr; range: SourceRange }

/** A syntax error: where, what in plain words, and a fix when there is an obvious one. */
export interface FilterError { code: string; message: string; range: SourceRange; fix?: Fix }

export interface FilterParseResult {
  /** The tree, only when the filter has no syntax error. */
  ast?: Filter;
  /** Syntax errors in source order (empty when `ast` is set). */
  errors: FilterError[];
  /** With syntax errors: the parts that did parse, for semantic checks only (never evaluate or send it). */
  partial?: Filter;
}

/** Children of a node, in source order (for iterative walks). */
export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case 'binary': return [e.left, e.right];
    case 'in': return [e.left, ...e.items];
    case 'not': case 'negate': case 'group': return [e.expr];
    case 'and': case 'or': return e.items;
    case 'call': return e.args;
    case 'lambda': return e.predicate ? [e.collection, e.predicate] : [e.collection];
    default: return [];
  }
}
