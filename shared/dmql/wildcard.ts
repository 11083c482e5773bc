// DMQL2 wildcards (`*` any run, `?` one character) matched without backtracking: a query is
// user- or client-controlled and `*?*?*?…` compiled to a regular expression backtracks
// exponentially. The greedy two-pointer match below remembers only the last `*`, so its work is
// at most (pattern length + 1) × (text length + 1) steps.
//
// Semantics are those of the anchored regular expression the evaluator used before: `?` is one
// UTF-16 code unit, `*` any run of them (newlines included); case-insensitive means the
// ECMAScript non-unicode `i` canonicalisation (simple upper-casing per code unit).

const STAR = -1;
const ONE = -2;
const END = -3; // past the pattern: matches nothing

/** A counter the caller can pass to see how much work a match did (tests assert bounds on it). */
export interface WildcardWork { steps: number }

/** ECMAScript's Canonicalize for non-unicode case-insensitive regular expressions. */
function canonical(c: number): number {
  if (c < 128) return c >= 97 && c <= 122 ? c - 32 : c;
  const up = String.fromCharCode(c).toUpperCase();
  if (up.length !== 1) return c;
  const u = up.charCodeAt(0);
  return u < 128 ? c : u;
}

/** The pattern as code units, `*` runs collapsed to one, canonicalised when case-insensitive. */
function compilePattern(pattern: string, caseSensitive: boolean): Int32Array {
  const out: number[] = [];
  for (let k = 0; k < pattern.length; k++) {
    const c = pattern.charCodeAt(k);
    if (c === 42) { if (out[out.length - 1] !== STAR) out.push(STAR); }
    else if (c === 63) out.push(ONE);
    else out.push(caseSensitive ? c : canonical(c));
  }
  return Int32Array.from(out);
}

function matchCompiled(p: Int32Array, text: string, caseSensitive: boolean, work?: WildcardWork): boolean {
  const n = text.length;
  let t = 0;
  let k = 0;
  let star = -1; // pattern index just after the last `*` seen
  let resume = 0; // text index that `*` has swallowed up to
  let steps = 0;
  while (t < n) {
    steps++;
    const want = k < p.length ? p[k] : END;
    if (want === STAR) { star = ++k; resume = t; continue; }
    if (want === ONE || (want >= 0 && want === (caseSensitive ? text.charCodeAt(t) : canonical(text.charCodeAt(t))))) { k++; t++; continue; }
    if (star < 0) { if (work) work.steps += steps; return false; }
    // Let the last `*` take one more code unit and retry the rest of the pattern after it.
    k = star;
    t = ++resume;
  }
  while (k < p.length && p[k] === STAR) { k++; steps++; }
  if (work) work.steps += steps;
  return k === p.length;
}

/** A test for text against a wildcard pattern, compiled once. */
export function wildcardMatcher(pattern: string, caseSensitive: boolean): (text: string) => boolean {
  const p = compilePattern(pattern, caseSensitive);
  return (text) => matchCompiled(p, text, caseSensitive);
}

/** One match that adds its steps to `work`: for tests and benchmarks of the bound. */
export function wildcardMatchCounted(pattern: string, text: string, caseSensitive: boolean, work: WildcardWork): boolean {
  return matchCompiled(compilePattern(pattern, caseSensitive), text, caseSensitive, work);
}
