// Linear scans for the few tags read out of whole server bodies (envelopes, login blocks,
// metadata blocks, HTML titles). Regexes such as /<RETS((?:"[^"]*"|[^>])*)>/ rescan the rest of
// the body at every candidate, so `<RETS ` repeated 100,000 times took minutes: here every
// candidate is found with indexOf, every tag end with one quote-aware pass, and a tag that never
// ends stops the search (nothing after it can close either without rescanning).

export interface FoundTag {
  /** Index of `<`. */
  start: number;
  /** Index just after the tag's name. */
  nameEnd: number;
  /** Index just after `>`. */
  end: number;
  /** Text between the name and `>` (without a trailing `/`). */
  attrText: string;
  selfClosing: boolean;
}

/** Whether text at `at` spells `word`, ASCII letters compared case-insensitively. */
export function matchesAt(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    const a = text.charCodeAt(at + k);
    const b = word.charCodeAt(k);
    if (a === b) continue;
    const lb = b | 0x20;
    if (lb >= 0x61 && lb <= 0x7a && (a | 0x20) === lb) continue;
    return false;
  }
  return true;
}

/** Index of `word` (case-insensitive ASCII) at or after from and before to, or -1. */
export function indexOfIgnoreCase(text: string, word: string, from = 0, to = text.length): number {
  const first = word.charCodeAt(0);
  const limit = Math.min(to, text.length) - word.length;
  const lf = first | 0x20;
  if (!(lf >= 0x61 && lf <= 0x7a)) { // "<" or "</": the native search finds the candidates
    for (let i = text.indexOf(word[0]!, from); i >= 0 && i <= limit; i = text.indexOf(word[0]!, i + 1)) {
      if (matchesAt(text, i, word)) return i;
    }
    return -1;
  }
  for (let i = from; i <= limit; i++) {
    const c = text.charCodeAt(i);
    if ((c | 0x20) === lf && matchesAt(text, i, word)) return i;
  }
  return -1;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The `>` ending a tag, skipping quoted attribute values; -1 when it does not end before `to`. */
export function tagEndOf(text: string, from: number, to = text.length): number {
  let quote = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (quote) { if (c === quote) quote = 0; }
    else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

/**
 * The next start tag named `name` (case-insensitive) at or after from, ending before to. The name
 * must be followed by a blank, `/` or `>` (so `<RETS` is not `<RETS-STATUS>`); with `prefix` the
 * name is only the start of the tag's name (`<METADATA-` of `<METADATA-CLASS>`), and the rest of
 * the name (letters, digits, `_`) ends at anything else.
 */
export function findStartTag(text: string, name: string, from = 0, to = text.length, prefix = false): FoundTag | undefined {
  const open = '<' + name;
  let at = from;
  for (;;) {
    const start = indexOfIgnoreCase(text, open, at, to);
    if (start < 0) return undefined;
    let nameEnd = start + open.length;
    if (prefix) {
      while (nameEnd < to && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
      if (nameEnd === start + open.length) { at = nameEnd; continue; }
    } else {
      const c = text.charCodeAt(nameEnd);
      if (!(isBlank(c) || c === 47 || c === 62)) { at = nameEnd; continue; }
    }
    const gt = tagEndOf(text, nameEnd, to);
    if (gt < 0) return undefined;
    const selfClosing = text.charCodeAt(gt - 1) === 47 && gt - 1 >= nameEnd;
    return { start, nameEnd, end: gt + 1, attrText: text.slice(nameEnd, selfClosing ? gt - 1 : gt), selfClosing };
  }
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Index of the end tag `</name` followed by blanks and `>`, at or after from, or -1. */
export function findEndTag(text: string, name: string, from = 0, to = text.length): number {
  const close = '</' + name;
  let at = from;
  for (;;) {
    const start = indexOfIgnoreCase(text, close, at, to);
    if (start < 0) return -1;
    let i = start + close.length;
    while (i < to && isBlank(text.charCodeAt(i))) i++;
    if (i < to && text.charCodeAt(i) === 62) return start;
    at = start + close.length;
  }
}

/** Index just after the end tag found by findEndTag at `start`. */
export function afterEndTag(text: string, start: number): number {
  const gt = text.indexOf('>', start);
  return gt < 0 ? text.length : gt + 1;
}

/**
 * Attributes of a tag's attribute text, in one pass: `name = "v"`, `name='v'`, `name=v`. A name
 * without `=` is skipped; an unterminated quote ends the scan. Values are returned raw.
 */
export function scanAttributes(text: string, onPair: (name: string, value: string) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isAttrNameStart(c)) { i++; continue; }
    const nameStart = i;
    i++;
    while (i < n && isAttrNameChar(text.charCodeAt(i))) i++;
    const nameEnd = i;
    let j = i;
    while (j < n && isBlank(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 61) continue; // "="
    j++;
    while (j < n && isBlank(text.charCodeAt(j))) j++;
    const q = text.charCodeAt(j);
    if (q === 34 || q === 39) {
      const close = text.indexOf(q === 34 ? '"' : "'", j + 1);
      if (close < 0) return;
      onPair(text.slice(nameStart, nameEnd), text.slice(j + 1, close));
      i = close + 1;
      continue;
    }
    let k = j;
    while (k < n && isUnquotedChar(text.charCodeAt(k))) k++;
    if (k === j) { i = j; continue; }
    onPair(text.slice(nameStart, nameEnd), text.slice(j, k));
    i = k;
  }
}

function isAttrNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
}

function isAttrNameChar(c: number): boolean {
  return isAttrNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function isUnquotedChar(c: number): boolean {
  return !(isBlank(c) || c === 34 || c === 39 || c === 62 || c === 47 || c === 12 || c === 11);
}
