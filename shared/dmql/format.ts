// Canonical DMQL2 printer: symbols for operators (`,` `|` `~`), no spaces, the author's
// parentheses kept. For every tree the parser returns, parse(format(tree)) gives the same tree.
import type { Expr, FieldValue, ListItem, Query, Scalar } from './ast';
import { lex } from './lexer';

const CODE_KINDS = new Set(['text', 'number', 'and', 'or', 'not', 'today', 'now', 'minus', 'date', 'datetime', 'time']);

export function format(ast: Query | Expr): string {
  return ast.kind === 'query' ? formatExpr(ast.expr) : formatExpr(ast);
}

function formatExpr(e: Expr): string {
  switch (e.kind) {
    case 'or': return e.items.map(formatExpr).join('|');
    case 'and': return e.items.map((x) => (x.kind === 'or' ? `(${formatExpr(x)})` : formatExpr(x))).join(',');
    case 'not': return `~${e.expr.kind === 'criterion' || e.expr.kind === 'group' ? formatExpr(e.expr) : `(${formatExpr(e.expr)})`}`;
    case 'group': return `(${formatExpr(e.expr)})`;
    case 'criterion': return `(${e.field.name}=${formatValue(e.value)})`;
  }
}

export function formatValue(v: FieldValue): string {
  switch (v.kind) {
    case 'empty': return '.EMPTY.';
    case 'any': return '.ANY.';
    case 'lookup': return (v.op === 'any' ? '|' : v.op === 'all' ? '+' : '~') + v.values.map((c) => formatCode(c.value)).join(',');
    case 'list': return v.items.map(formatItem).join(',');
  }
}

function formatItem(i: ListItem): string {
  switch (i.kind) {
    case 'literal': return quote(i.value);
    case 'pattern': return i.text;
    case 'between': return `${formatScalar(i.low)}-${formatScalar(i.high)}`;
    case 'gte': return `${formatScalar(i.low)}+`;
    case 'lte': return `${formatScalar(i.high)}-`;
    default: return formatScalar(i);
  }
}

export function formatScalar(s: Scalar): string {
  switch (s.kind) {
    case 'today': return 'TODAY';
    case 'now': return 'NOW';
    default: return s.text;
  }
}

/** A string literal with embedded quotes doubled. */
export function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A lookup code as written bare when the lexer reads it back as one code, else quoted. */
export function formatCode(code: string): string {
  const toks = lex(code);
  const bare = code.length > 0 && toks.length > 1 && toks[0].kind !== 'minus'
    && toks.slice(0, -1).every((t, k) => CODE_KINDS.has(t.kind) && (k === 0 || !t.spaceBefore))
    && toks[0].start === 0 && toks[toks.length - 2].end === code.length;
  return bare ? code : quote(code);
}
