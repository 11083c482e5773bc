// JSON.parse behind a linear nesting check, for small documents read whole (JSON CSDL, error
// bodies): a body nested deeper than the cap gets a typed error before any object tree is built,
// so nothing later (walking it, JSON.stringify of a part) can overflow the stack.

import { ODataParseError } from './parseError';

/** Deepest [ / { nesting of a JSON text (strings skipped); stops counting past `cap`. */
export function jsonDepth(text: string, cap: number): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) { max = depth; if (max > cap) return max; }
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

export function parseJsonCapped(text: string, maxDepth: number): unknown {
  if (jsonDepth(text, maxDepth) > maxDepth) throw new ODataParseError('too-deep', `JSON nested deeper than ${maxDepth} levels`, 0);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ODataParseError('syntax', `Not well-formed JSON: ${(e as Error).message.slice(0, 200)}`, 0);
  }
}
