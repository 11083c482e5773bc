// Nested Web API values (an expanded Media array, a collection, a complex value) arrive as their
// JSON text in a cell. These read that text for people: an element count, a collection joined
// with a separator. Counting is one pass over the text; joining parses, under the nesting cap.

import { parseJsonCapped } from './jsonCapped';

/** Deepest nesting parsed when joining (Media items are objects inside the array: 2 levels). */
const JOIN_DEPTH = 16;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Index just past the JSON string whose opening quote is at `i`. */
function skipString(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  return i;
}

/** Elements of a JSON array text (0 for "[]", undefined when the text is not an array). */
export function arrayCount(text: string): number | undefined {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 91) return undefined;
  let depth = 0;
  let count = 0;
  let seen = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) { if (depth === 1) seen = true; i = skipString(text, i) - 1; continue; }
    if (c === 91 || c === 123) { if (depth === 1) seen = true; depth++; continue; }
    if (c === 93 || c === 125) { depth--; if (depth === 0) break; continue; }
    if (depth === 1 && c === 44) { count++; continue; }
    if (depth === 1 && !isSpace(c)) seen = true;
  }
  return seen ? count + 1 : 0;
}

/** One element of a collection as text: a Media item by its MediaURL, another object as JSON. */
function elementText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (!Array.isArray(v) && typeof (v as { MediaURL?: unknown }).MediaURL === 'string') return (v as { MediaURL: string }).MediaURL;
  return JSON.stringify(v);
}

/**
 * A collection's JSON text joined with `separator` (`["A","B"]` -> `A, B`; expanded Media -> its
 * MediaURLs); text that is not a JSON array, or is nested too deep, is returned as it is.
 */
export function joinCollection(text: string, separator: string): string {
  if (arrayCount(text) === undefined) return text;
  let items: unknown;
  try { items = parseJsonCapped(text, JOIN_DEPTH); } catch { return text; }
  return Array.isArray(items) ? items.map(elementText).join(separator) : text;
}

/** How an expanded navigation reads in a cell: "3 photos" for Media, "2 items" otherwise. */
export function nestedSummary(column: string, text: string): string | undefined {
  const n = arrayCount(text);
  if (n === undefined) return undefined;
  if (column === 'Media') return n === 1 ? '1 photo' : `${n} photos`;
  return n === 1 ? '1 item' : `${n} items`;
}

/** The navigation properties an $expand names (`Media($select=A,B),Rooms` -> Media, Rooms). */
export function expandedNames(expand: string | undefined): string[] {
  const out: string[] = [];
  if (!expand) return out;
  let depth = 0;
  let start = 0;
  const take = (end: number) => {
    const item = expand.slice(start, end);
    const paren = item.indexOf('(');
    const name = (paren < 0 ? item : item.slice(0, paren)).trim();
    if (name) out.push(name);
  };
  for (let i = 0; i < expand.length; i++) {
    const c = expand.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) depth--;
    else if (c === 44 && depth === 0) { take(i); start = i + 1; }
  }
  take(expand.length);
  return out;
}
