// Canonical $filter printer: lower-case operators, one space around binary operators, `, `
// between arguments, `x: ` in lambdas, the author's parentheses kept and parentheses added
// wherever precedence needs them. parse(format(tree)) gives the same tree (ranges aside, and
// with the added parentheses as group nodes).
import type { Expr, Filter, Literal } from './ast';
import { quote } from './lexer';

/** Binding strength of what a node prints as (higher binds tighter). */
function prec(e: Expr): number {
  switch (e.kind) {
    case 'or': return 1;
    case 'and': return 2;
    case 'binary':
      switch (e.op) {
        case 'eq': case 'ne': return 3;
        case 'gt': case 'ge': case 'lt': case 'le': return 4;
        case 'add': case 'sub': return 5;
        case 'has': return 8;
        default: return 6;
      }
    case 'not': case 'negate': return 7;
    case 'in': return 8;
    default: return 9;
  }
}

function wrap(e: Expr, min: number): string {
  const s = formatExpr(e);
  return prec(e) < min ? `(${s})` : s;
}

export function formatLiteral(l: Literal): string {
  switch (l.type) {
    case 'string': return quote(String(l.value));
    case 'null': return 'null';
    case 'boolean': return l.value ? 'true' : 'false';
    case 'duration': return `duration${quote(String(l.value))}`;
    default: return l.text;
  }
}

export function formatExpr(e: Expr): string {
  switch (e.kind) {
    case 'literal': return formatLiteral(e);
    case 'enum': return `${e.typeName}${quote(e.members.join(','))}`;
    case 'member': return e.segments.map((s) => s.name).join('/');
    case 'type': return e.name;
    case 'group': return `(${formatExpr(e.expr)})`;
    case 'call': return `${e.name}(${e.args.map(formatExpr).join(', ')})`;
    case 'lambda': return `${formatExpr(e.collection)}/${e.op}(${e.variable && e.predicate ? `${e.variable.name}: ${formatExpr(e.predicate)}` : ''})`;
    case 'not': return `not ${wrap(e.expr, 7)}`;
    case 'negate': {
      const inner = wrap(e.expr, 7);
      // `-5` would read back as the literal -5: keep the negation visible.
      return /^[0-9]|^INF/.test(inner) || inner.startsWith('-') ? `- ${inner}` : `-${inner}`;
    }
    case 'and': case 'or': {
      const p = e.kind === 'or' ? 1 : 2;
      return e.items.map((x) => wrap(x, p + 1)).join(` ${e.kind} `);
    }
    case 'in': return `${wrap(e.left, 8)} in (${e.items.map((x) => wrap(x, 3)).join(', ')})`;
    case 'binary': {
      const p = prec(e);
      if (e.op === 'has') return `${wrap(e.left, 8)} has ${wrap(e.right, 7)}`;
      return `${wrap(e.left, p)} ${e.op} ${wrap(e.right, p + 1)}`;
    }
  }
}

/** The canonical text of a filter (or of one expression in it). */
export function formatFilter(ast: Filter | Expr): string {
  return ast.kind === 'filter' ? formatExpr(ast.expr) : formatExpr(ast);
}
