// Static types of $filter expressions against a schema: which field a member path names (through
// navigation, complex properties and lambda variables), and what each operator and function
// yields. Shared by the validator (which reports), the evaluator (which picks comparisons) and
// completion (which offers operators and values by type).
import type { ArithmeticOp, Expr, LiteralType, MemberExpr, Segment } from './ast';
import { FUNCTION_BY_NAME } from './functions';
import { edmKind, structuredTypeOf, type EdmKind, type FilterEnum, type FilterField, type FilterSchema, type FilterType } from './schema';

export interface TypeInfo {
  kind: EdmKind | 'null';
  collection: boolean;
  /** The field a member path ends at. */
  field?: FilterField;
  enumType?: FilterEnum;
  /** For entity and complex values: their type. */
  structured?: FilterType;
}

/** Lambda variables in scope: name -> the element type of their collection. */
export type Scope = Map<string, TypeInfo>;

export const UNKNOWN: TypeInfo = { kind: 'unknown', collection: false };
const BOOL: TypeInfo = { kind: 'boolean', collection: false };

export type MemberProblem =
  | { problem: 'unknown-field'; segment: Segment; index: number; type: FilterType }
  | { problem: 'through-collection'; segment: Segment; index: number; field: FilterField }
  | { problem: 'not-structured'; segment: Segment; index: number; field: FilterField };

const LITERAL_KINDS: Record<LiteralType, EdmKind | 'null'> = {
  null: 'null', boolean: 'boolean', int: 'int', decimal: 'decimal', double: 'double', string: 'string', date: 'date',
  datetimeoffset: 'datetimeoffset', timeofday: 'timeofday', duration: 'duration', guid: 'guid', binary: 'binary', geo: 'geo',
};

export function literalKind(t: LiteralType): EdmKind | 'null' {
  return LITERAL_KINDS[t];
}

export function isNumeric(k: TypeInfo['kind']): boolean {
  return k === 'int' || k === 'decimal' || k === 'double';
}

export function fieldType(schema: FilterSchema, f: FilterField): TypeInfo {
  const t: TypeInfo = { kind: f.kind, collection: f.collection, field: f };
  if (f.enumType) t.enumType = f.enumType;
  const s = structuredTypeOf(schema, f);
  if (s) t.structured = s;
  return t;
}

/** Resolves `A/B/C` from the entity (or a lambda variable); reports the first segment that does not resolve. */
export function resolveMember(m: MemberExpr, schema: FilterSchema | undefined, scope: Scope, report?: (p: MemberProblem) => void): TypeInfo {
  const first = m.segments[0];
  let cur: TypeInfo | undefined = scope.get(first.name);
  let k = 1;
  if (!cur) {
    if (!schema) return UNKNOWN;
    if (first.name === '$it' || first.name === '$this') cur = { kind: 'entity', collection: false, structured: schema.root };
    else {
      cur = { kind: 'entity', collection: false, structured: schema.root };
      k = 0;
    }
  }
  for (; k < m.segments.length; k += 1) {
    const seg = m.segments[k];
    if (seg.name === '$count') {
      if (!cur.collection) return UNKNOWN;
      cur = { kind: 'int', collection: false };
      continue;
    }
    if (seg.name.includes('.')) continue; // a type-cast segment: stays on the same value
    if (cur.collection && cur.field) {
      report?.({ problem: 'through-collection', segment: seg, index: k, field: cur.field });
      return UNKNOWN;
    }
    const type = cur.structured;
    if (!type) {
      if (cur.field) report?.({ problem: 'not-structured', segment: seg, index: k, field: cur.field });
      return UNKNOWN;
    }
    const f = type.byName.get(seg.name);
    if (!f) {
      report?.({ problem: 'unknown-field', segment: seg, index: k, type });
      return UNKNOWN;
    }
    if (!schema) return UNKNOWN;
    cur = fieldType(schema, f);
  }
  return cur;
}

/** The numeric type two operands promote to (URL Conventions 5.1.1.18). */
export function promote(a: TypeInfo['kind'], b: TypeInfo['kind']): EdmKind {
  if (a === 'double' || b === 'double') return 'double';
  if (a === 'decimal' || b === 'decimal') return 'decimal';
  return 'int';
}

/** What `a op b` yields for arithmetic operators, or undefined when the operands do not fit. */
export function arithmeticType(op: ArithmeticOp, a: TypeInfo, b: TypeInfo): EdmKind | undefined {
  const ka = a.kind;
  const kb = b.kind;
  if (ka === 'unknown' || kb === 'unknown' || ka === 'null' || kb === 'null') return 'unknown';
  if (isNumeric(ka) && isNumeric(kb)) return op === 'divby' ? (promote(ka, kb) === 'double' ? 'double' : 'decimal') : promote(ka, kb);
  if (op === 'add' || op === 'sub') {
    if ((ka === 'datetimeoffset' || ka === 'date') && kb === 'duration') return ka;
    if (ka === 'duration' && kb === 'duration') return 'duration';
    if (op === 'add' && ka === 'duration' && (kb === 'datetimeoffset' || kb === 'date')) return kb;
    if (op === 'sub' && ka === kb && (ka === 'datetimeoffset' || ka === 'date')) return 'duration';
  }
  return undefined;
}

/** The kind a cast/isof type name denotes. */
export function typeNameKind(name: string, schema?: FilterSchema): EdmKind {
  const k = edmKind(name);
  if (k !== 'unknown') return k;
  if (schema?.model.enums.has(name)) return 'enum';
  return schema?.model.types.has(name) ? 'entity' : 'unknown';
}

/** The type of an expression, without diagnostics (the evaluator and completion use it). */
export function typeOf(e: Expr, schema: FilterSchema | undefined, scope: Scope): TypeInfo {
  switch (e.kind) {
    case 'literal': return { kind: literalKind(e.type), collection: false };
    case 'enum': {
      const en = schema?.model.enums.get(e.typeName);
      return en ? { kind: 'enum', collection: false, enumType: en } : { kind: 'enum', collection: false };
    }
    case 'member': return resolveMember(e, schema, scope);
    case 'group': return typeOf(e.expr, schema, scope);
    case 'negate': return typeOf(e.expr, schema, scope);
    case 'type': return { kind: typeNameKind(e.name, schema), collection: false };
    case 'call': {
      const f = FUNCTION_BY_NAME.get(e.name);
      if (!f) return UNKNOWN;
      if (e.name === 'cast') { const last = e.args[e.args.length - 1]; return last?.kind === 'type' ? { kind: typeNameKind(last.name, schema), collection: false } : UNKNOWN; }
      if (f.signature.returns === 'same') return e.args[0] ? { kind: typeOf(e.args[0], schema, scope).kind, collection: false } : UNKNOWN;
      return { kind: f.signature.returns, collection: false };
    }
    case 'binary': {
      if (e.op === 'add' || e.op === 'sub' || e.op === 'mul' || e.op === 'div' || e.op === 'divby' || e.op === 'mod') {
        return { kind: arithmeticType(e.op, typeOf(e.left, schema, scope), typeOf(e.right, schema, scope)) ?? 'unknown', collection: false };
      }
      return BOOL;
    }
    default: return BOOL;
  }
}

/** The scope inside a lambda: the outer one plus its variable, typed as an element of the collection. */
export function lambdaScope(scope: Scope, variable: string | undefined, collection: TypeInfo): Scope {
  if (!variable) return scope;
  const inner = new Map(scope);
  const el: TypeInfo = { ...collection, collection: false };
  inner.set(variable, el);
  return inner;
}
