// $filter lexer. One pass; each regular expression is sticky and of bounded length (dates,
// times, GUIDs) or a plain character class run, so lexing is linear in the input.
import { FOREIGN_OPERATORS, type Token, type TokenKind } from './tokens';

const DATETIME = /\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?(?:[Zz]|[+-]\d{2}:\d{2})?(?![0-9A-Za-z_.:])/y;
const DATE = /\d{4}-\d{2}-\d{2}(?![0-9A-Za-z_:])/y;
const TIME = /\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?(?![0-9A-Za-z_:])/y;
const GUID = /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z_])/y;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

const PUNCT: Record<string, TokenKind> = { '(': 'lparen', ')': 'rparen', ',': 'comma', '/': 'slash', ':': 'colon', '-': 'minus' };

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

export function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c > 127 && !isSpace(c) && !(c >= 0xd800 && c <= 0xdfff));
}

export function isIdentChar(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function matchAt(re: RegExp, src: string, pos: number): number {
  re.lastIndex = pos;
  const m = re.exec(src);
  return m ? m[0].length : 0;
}

/** End of a quoted run starting at `pos` (the quote), doubled quotes inside; src.length when unterminated. */
function quotedEnd(src: string, pos: number, q: string): number {
  let i = pos + 1;
  for (;;) {
    const k = src.indexOf(q, i);
    if (k < 0) return src.length;
    if (src[k + 1] === q) { i = k + 2; continue; }
    return k + 1;
  }
}

/** Splits a filter into tokens; always ends with an `eof` token. Never throws. */
export function lex(src: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  let space = false;
  const push = (kind: TokenKind, end: number, quote?: number) => {
    const t: Token = { kind, text: src.slice(pos, end), start: pos, end, spaceBefore: space };
    if (quote !== undefined) t.quote = quote;
    out.push(t);
    pos = end;
    space = false;
  };
  while (pos < src.length) {
    const c = src.charCodeAt(pos);
    if (isSpace(c)) { pos += 1; space = true; continue; }
    const ch = src[pos];
    const isHex = (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
    if (isHex) {
      const g = matchAt(GUID, src, pos);
      if (g) { push('guid', pos + g); continue; }
    }
    if (c >= 48 && c <= 57) {
      const dt = matchAt(DATETIME, src, pos);
      if (dt) { push('datetime', pos + dt); continue; }
      const d = matchAt(DATE, src, pos);
      if (d) { push('date', pos + d); continue; }
      const t = matchAt(TIME, src, pos);
      if (t) { push('time', pos + t); continue; }
      push('number', pos + matchAt(NUMBER, src, pos));
      continue;
    }
    if (isIdentStart(c) || (ch === '$' && pos + 1 < src.length && isIdentStart(src.charCodeAt(pos + 1)))) {
      let end = pos + 1;
      for (;;) {
        while (end < src.length && isIdentChar(src.charCodeAt(end))) end += 1;
        if (src[end] === '.' && end + 1 < src.length && isIdentStart(src.charCodeAt(end + 1))) { end += 1; continue; }
        break;
      }
      if (src[end] === "'") { push('typed', quotedEnd(src, end, "'"), end); continue; }
      push('name', end);
      continue;
    }
    if (ch === "'") { push('string', quotedEnd(src, pos, "'")); continue; }
    if (ch === '"') { push('dstring', quotedEnd(src, pos, '"')); continue; }
    const punct = PUNCT[ch];
    if (punct) { push(punct, pos + 1); continue; }
    const two = src.slice(pos, pos + 2);
    if (two.length === 2 && FOREIGN_OPERATORS[two]) { push('symbol', pos + 2); continue; }
    if (FOREIGN_OPERATORS[ch]) { push('symbol', pos + 1); continue; }
    push('invalid', pos + (c >= 0xd800 && c <= 0xdbff && pos + 1 < src.length ? 2 : 1));
  }
  out.push({ kind: 'eof', text: '', start: src.length, end: src.length, spaceBefore: space });
  return out;
}

/** True when a quoted token (string, typed, dstring) lacks its closing quote. */
export function isOpenEnded(t: Token): boolean {
  const q = t.kind === 'dstring' ? '"' : "'";
  const from = t.kind === 'typed' ? t.quote! - t.start : 0;
  const body = t.text.slice(from);
  if (body.length < 2 || !body.endsWith(q)) return true;
  // An even run of quotes at the end is escaped quotes, not a close.
  let n = 0;
  for (let k = body.length - 1; k > 0 && body[k] === q; k -= 1) n += 1;
  return n % 2 === 0;
}

/** The value of a quoted run: quotes removed, doubled quotes undone. */
export function unquote(text: string, q = "'"): string {
  const open = text.length < 2 || !text.endsWith(q);
  const body = text.slice(1, open ? undefined : -1);
  return body.split(q + q).join(q);
}

/** `'it''s'` for `it's`. */
export function quote(s: string): string {
  return `'${s.split("'").join("''")}'`;
}
