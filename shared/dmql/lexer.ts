// DMQL2 lexer. One pass, no backtracking beyond a fixed look-ahead, so lexing is linear.
// Hyphen ambiguity: at a digit, date/datetime/time are tried before numbers (Variman's
// token order), so 2026-01-01 is one DATE while 200000-500000 is NUMBER MINUS NUMBER.
import type { Token, TokenKind } from './tokens';

const DATETIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2}(?!:))?/y;
const DATE = /\d{4}-\d{2}-\d{2}(?![0-9A-Za-z_])/y;
const TIME = /\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?/y;
const SPECIAL = /\.(EMPTY|ANY)\./iy;

const SYMBOLS: Record<string, TokenKind> = {
  '(': 'lparen', ')': 'rparen', ',': 'comma', '=': 'equal', '*': 'star', '+': 'plus',
  '-': 'minus', '|': 'pipe', '~': 'tilde', '?': 'question',
};

const KEYWORDS: Record<string, TokenKind> = { AND: 'and', OR: 'or', NOT: 'not', TODAY: 'today', NOW: 'now' };

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c > 127 && !isSpace(c));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

function matchAt(re: RegExp, src: string, pos: number): number {
  re.lastIndex = pos;
  const m = re.exec(src);
  return m ? m[0].length : 0;
}

/** Splits a query into tokens; always ends with an `eof` token. Never throws. */
export function lex(src: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  let space = false;
  const push = (kind: TokenKind, end: number) => {
    out.push({ kind, text: src.slice(pos, end), start: pos, end, spaceBefore: space });
    pos = end;
    space = false;
  };
  while (pos < src.length) {
    const c = src.charCodeAt(pos);
    if (isSpace(c)) { pos += 1; space = true; continue; }
    const ch = src[pos];
    if (isDigit(c)) {
      const n = matchAt(DATETIME, src, pos) || 0;
      if (n) { push('datetime', pos + n); continue; }
      const d = matchAt(DATE, src, pos);
      if (d) { push('date', pos + d); continue; }
      const t = matchAt(TIME, src, pos);
      if (t) { push('time', pos + t); continue; }
      push(...lexWordOrNumber(src, pos));
      continue;
    }
    if (isWordChar(c)) { push(...lexWordOrNumber(src, pos)); continue; }
    if (ch === '"') { push(...lexString(src, pos)); continue; }
    if (ch === '.') {
      const s = matchAt(SPECIAL, src, pos);
      if (s) { push(src[pos + 1].toUpperCase() === 'E' ? 'empty' : 'any', pos + s); continue; }
    }
    const sym = SYMBOLS[ch];
    if (sym) { push(sym, pos + 1); continue; }
    // Anything else (`.`, `'`, `%`, `&`…) is one invalid character; the parser explains it.
    push('invalid', pos + (c >= 0xd800 && c <= 0xdbff && pos + 1 < src.length ? 2 : 1));
  }
  out.push({ kind: 'eof', text: '', start: src.length, end: src.length, spaceBefore: space });
  return out;
}

function lexWordOrNumber(src: string, pos: number): [TokenKind, number] {
  let end = pos;
  let digitsOnly = true;
  while (end < src.length && isWordChar(src.charCodeAt(end))) {
    if (!isDigit(src.charCodeAt(end))) digitsOnly = false;
    end += 1;
  }
  if (digitsOnly) {
    // 12.5 and 12. are numbers (Variman NUMBER); a trailing letter makes it text (e.g. 12.5a is not).
    if (src[end] === '.' && src.slice(end, end + 7).toUpperCase() !== '.EMPTY.' && src.slice(end, end + 5).toUpperCase() !== '.ANY.') {
      let f = end + 1;
      while (f < src.length && isDigit(src.charCodeAt(f))) f += 1;
      if (f >= src.length || !isWordChar(src.charCodeAt(f))) return ['number', f];
    }
    return ['number', end];
  }
  const word = src.slice(pos, end);
  return [KEYWORDS[word] ?? 'text', end];
}

function lexString(src: string, pos: number): [TokenKind, number] {
  let i = pos + 1;
  while (i < src.length) {
    if (src[i] === '"') {
      if (src[i + 1] === '"') { i += 2; continue; }
      return ['string', i + 1];
    }
    i += 1;
  }
  // Unterminated: the token runs to the end; the parser reports it with a fix.
  return ['string', src.length];
}

/** The value of a quoted string token: quotes removed, doubled quotes undone. */
export function unquote(text: string): string {
  const closed = text.length >= 2 && text.endsWith('"') && !isOpenEnded(text);
  return text.slice(1, closed ? -1 : undefined).replace(/""/g, '"');
}

/** True when a string token lacks its closing quote. */
export function isOpenEnded(text: string): boolean {
  if (text.length < 2) return true;
  let i = 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (i === text.length - 1) return false;
      if (text[i + 1] === '"') { i += 2; continue; }
      return false;
    }
    i += 1;
  }
  return true;
}
