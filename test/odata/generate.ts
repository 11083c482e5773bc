// Random $filter trees for the round-trip and cross-check tests (seeded: reproducible).
import type { Expr, Literal, MemberExpr } from '../../shared/odata/filter';
import { quote } from '../../shared/odata/filter';
import { pick } from './fixture';

const R = { start: 0, end: 0 };
const NAMES = ['ListPrice', 'City', 'StandardStatus', 'BedroomsTotal', 'ModificationTimestamp', 'X9', '_y', 'Città'];
const COLLECTIONS = ['Appliances', 'Media', 'Rooms'];
const STRINGS = ['Active', "O'Neil", '', 'a,b (c)', 'Ünïcödé', "''"];

function member(r: () => number, prefix?: string): MemberExpr {
  const names = prefix ? [prefix, pick(r, NAMES)] : r() < 0.15 ? [pick(r, ['ListAgent', 'Address']), pick(r, NAMES)] : [pick(r, NAMES)];
  return { kind: 'member', segments: names.map((name) => ({ name, range: R })), range: R };
}

function literal(r: () => number, noNegative = false): Literal {
  const roll = Math.floor(r() * 12);
  switch (roll) {
    case 0: { const v = pick(r, STRINGS); return { kind: 'literal', type: 'string', text: quote(v), value: v, range: R }; }
    case 1: { const n = Math.floor(r() * 1e6) * (noNegative || r() < 0.7 ? 1 : -1); return { kind: 'literal', type: 'int', text: String(n), value: n, range: R }; }
    case 2: return { kind: 'literal', type: 'decimal', text: '2.50', value: 2.5, range: R };
    case 3: return { kind: 'literal', type: 'double', text: '1.5e3', value: 1500, range: R };
    case 4: return { kind: 'literal', type: 'date', text: '2024-01-31', value: '2024-01-31', range: R };
    case 5: { const t = pick(r, ['2024-01-31T10:00:00Z', '2024-01-31T10:00:00.125-05:00']); return { kind: 'literal', type: 'datetimeoffset', text: t, value: t, range: R }; }
    case 6: return { kind: 'literal', type: 'timeofday', text: '07:59:59.999', value: '07:59:59.999', range: R };
    case 7: return { kind: 'literal', type: 'duration', text: "duration'P1DT2H'", value: 'P1DT2H', range: R };
    case 8: return { kind: 'literal', type: 'guid', text: '01234567-89ab-cdef-0123-456789abcdef', value: '01234567-89ab-cdef-0123-456789abcdef', range: R };
    case 9: { const b = r() < 0.5; return { kind: 'literal', type: 'boolean', text: String(b), value: b, range: R }; }
    case 10: return { kind: 'literal', type: 'null', text: 'null', value: null, range: R };
    default: return { kind: 'literal', type: 'int', text: '0', value: 0, range: R };
  }
}

function valueExpr(r: () => number, depth: number, lambdaVar?: string): Expr {
  const roll = r();
  if (roll < 0.35 || depth > 3) return member(r, lambdaVar && r() < 0.5 ? lambdaVar : undefined);
  if (roll < 0.55) return literal(r);
  if (roll < 0.75) {
    const op = pick(r, ['add', 'sub', 'mul', 'div', 'divby', 'mod'] as const);
    return { kind: 'binary', op, left: valueExpr(r, depth + 1, lambdaVar), right: valueExpr(r, depth + 1, lambdaVar), range: R, opRange: R };
  }
  if (roll < 0.85) return { kind: 'negate', expr: member(r), range: R };
  if (roll < 0.93) return { kind: 'call', name: pick(r, ['tolower', 'length', 'year', 'trim']), args: [member(r)], range: R, nameRange: R };
  return { kind: 'call', name: 'now', args: [], range: R, nameRange: R };
}

/** A random boolean expression tree; `portable` leaves out the 4.01-only forms (in, divby, cast). */
export function randomCondition(r: () => number, depth = 0, lambdaVar?: string, portable = false): Expr {
  const roll = r();
  const value = (): Expr => {
    let v = valueExpr(r, depth + 1, lambdaVar);
    if (portable) while (JSON.stringify(v).includes('"divby"')) v = valueExpr(r, depth + 1, lambdaVar);
    return v;
  };
  if (depth > 3 || roll < 0.35) {
    const op = pick(r, ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const);
    return { kind: 'binary', op, left: value(), right: value(), range: R, opRange: R };
  }
  if (roll < 0.45) return { kind: 'not', expr: randomCondition(r, depth + 1, lambdaVar, portable), range: R, opRange: R };
  if (roll < 0.65) {
    const kind = r() < 0.5 ? 'and' : 'or';
    const n = 2 + Math.floor(r() * 3);
    return { kind, items: Array.from({ length: n }, () => randomCondition(r, depth + 1, lambdaVar, portable)), range: R, opRanges: [] };
  }
  if (roll < 0.72 && !(portable && lambdaVar)) {
    // (odata-v4-parser rejects lambdas nested in lambdas, so portable trees have none)
    const v = pick(r, ['x', 'y', 'item']);
    const collection: MemberExpr = { kind: 'member', segments: [{ name: pick(r, COLLECTIONS), range: R }], range: R };
    return { kind: 'lambda', op: r() < 0.5 ? 'any' : 'all', collection, variable: { name: v, range: R }, predicate: randomCondition(r, depth + 1, v, portable), range: R, opRange: R };
  }
  if (roll < 0.78) return { kind: 'call', name: pick(r, ['contains', 'startswith', 'endswith']), args: [member(r), literal(r)], range: R, nameRange: R };
  if (roll < 0.84) return { kind: 'binary', op: 'has', left: member(r), right: { kind: 'enum', typeName: 'NS.Flags', members: r() < 0.5 ? ['A'] : ['A', 'B'], range: R, typeRange: R, valueRange: R }, range: R, opRange: R };
  if (roll < 0.9 && !portable) return { kind: 'in', left: member(r), items: Array.from({ length: 1 + Math.floor(r() * 3) }, () => literal(r)), range: R, opRange: R, listRange: R };
  if (roll < 0.95) return { kind: 'group', expr: randomCondition(r, depth + 1, lambdaVar, portable), range: R };
  return member(r);
}
