// Tight one-pass scans over JSON bytes for the payload parser's fast path: a whole token (string,
// number, literal, nested value) in one loop, or an answer that the full tokenizer must take over
// (the token is cut by the end of the bytes read so far, or it is something to report). They
// accept exactly what the tokenizer accepts, so handing over never changes a result.

/** The token runs past the bytes read so far. */
export const INCOMPLETE = -1;
/** Not a token these scans take: the tokenizer reads it (and reports it if it is wrong). */
export const HAND_OVER = -2;

const OBJ = 1;
const ARR = 2;

/** Byte of a JSON number as the tokenizer reads it (a lax superset: the oracle is the server). */
export function isNumberByte(b: number): boolean { return (b >= 48 && b <= 57) || b === 45 || b === 43 || b === 46 || b === 101 || b === 69; }

/**
 * Index of the closing quote of the string whose content starts at i, or INCOMPLETE; `escaped`
 * is set when a backslash came. Most strings are short: a plain loop beats a native search here.
 */
export function stringEnd(buf: Uint8Array, i: number, len: number, flags: { escaped: boolean }): number {
  while (i < len) {
    const b = buf[i]!;
    if (b === 34) return i;
    if (b === 92) { flags.escaped = true; i += 2; } else i++;
  }
  return INCOMPLETE;
}

/** End (exclusive) of the number starting at i, or INCOMPLETE when the bytes end inside it. */
export function numberEnd(buf: Uint8Array, i: number, len: number): number {
  while (i < len && isNumberByte(buf[i]!)) i++;
  return i < len ? i : INCOMPLETE;
}

const TRUE = [116, 114, 117, 101];
const FALSE = [102, 97, 108, 115, 101];
const NULL = [110, 117, 108, 108];

/** End of the literal (true, false, null) starting at i; INCOMPLETE, or HAND_OVER when misspelt. */
export function literalEnd(buf: Uint8Array, i: number, len: number): number {
  const b = buf[i];
  const word = b === 116 ? TRUE : b === 102 ? FALSE : b === 110 ? NULL : null;
  if (word === null) return HAND_OVER;
  for (let k = 1; k < word.length; k++) {
    if (i + k >= len) return INCOMPLETE;
    if (buf[i + k] !== word[k]) return HAND_OVER;
  }
  return i + word.length;
}

const V = 0;   // a value
const VE = 1;  // a value or "]"
const K = 2;   // a key
const KE = 3;  // a key or "}"
const C = 4;   // ":"
const A = 5;   // "," or a closer

/**
 * A nested value ({ or [ at `at`, standing at nesting `depth`) checked and skipped whole, with an
 * explicit stack in `types` (no recursion): the index after its closer, INCOMPLETE, or HAND_OVER
 * for anything wrong or deeper than maxDepth. `out.count` gets the elements of an outer array.
 */
export function nestedEnd(buf: Uint8Array, at: number, len: number, types: Uint8Array, depth: number, maxDepth: number, out: { count: number; escaped: boolean }): number {
  const base = depth;
  let d = depth;
  let st = V;
  let count = 0;
  let i = at;
  while (i < len) {
    const b = buf[i]!;
    if (b === 32 || b === 10 || b === 13 || b === 9) { i++; continue; }
    switch (st) {
      case KE:
      case K:
        if (b === 125 && st === KE) break;
        if (b !== 34) return HAND_OVER;
        i = stringEnd(buf, i + 1, len, out);
        if (i < 0) return INCOMPLETE;
        i++;
        st = C;
        continue;
      case C:
        if (b !== 58) return HAND_OVER;
        i++;
        st = V;
        continue;
      case A:
        if (b === 44) { i++; st = types[d] === OBJ ? K : V; continue; }
        if (b !== 125 && b !== 93) return HAND_OVER;
        break;
      default:
        if (st === VE && b === 93) break;
        if (d === base + 1 && types[d] === ARR) count++;
        if (b === 123 || b === 91) {
          if (d >= maxDepth) return HAND_OVER;
          types[++d] = b === 123 ? OBJ : ARR;
          st = b === 123 ? KE : VE;
          i++;
          continue;
        }
        if (b === 34) {
          i = stringEnd(buf, i + 1, len, out);
          if (i >= 0) i++;
        } else if (b === 45 || (b >= 48 && b <= 57)) {
          i = numberEnd(buf, i + 1, len);
        } else {
          i = literalEnd(buf, i, len);
        }
        if (i < 0) return i === HAND_OVER ? HAND_OVER : INCOMPLETE;
        st = A;
        continue;
    }
    // A closer: it must match what it closes.
    if (types[d] !== (b === 125 ? OBJ : ARR)) return HAND_OVER;
    d--;
    i++;
    if (d === base) { out.count = count; return i; }
    st = A;
  }
  return INCOMPLETE;
}
