// XML character and entity references read straight from a field's bytes, for the CSV writer that
// copies fields without making strings and for ASCII rows read as slices of one string. The rules
// are decodeXmlEntities' (shared/rets/text.ts), byte for byte: the five XML entities and &nbsp; in
// any case, `&#N;` (1-10 digits) and `&#xH;` (1-8 hex digits), Matrix's double-encoded `&amp;#N;`
// decoded once more, NUL and out-of-range references as U+FFFD, a high surrogate half joined with
// a low one right after it and a lone half as U+FFFD. test/csv/csvEncoder.test.ts holds the two to
// the same output.

const SEMI = 0x3b;
const HASH = 0x23;

/** A reference read: its code point in the low 21 bits, its length after the `&` above them. */
export const REF_CODE_BITS = 21;
export const REF_CODE_MASK = 0x1fffff;

function isDigit(b: number): boolean { return b >= 0x30 && b <= 0x39; }
function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  const l = b | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x61 + 10 : -1;
}

/** A numeric reference at `h` (the `#`): its code point (surrogates as they are) or -1. */
function numeric(buf: Uint8Array, from: number, h: number, end: number, stop: number): number {
  let k = h + 1;
  let v = 0;
  if (k < end && (buf[k] | 0x20) === 0x78 && buf[k] !== stop) {
    const first = ++k;
    for (let x: number; k < end && k - first <= 8 && buf[k] !== stop && (x = hexValue(buf[k])) >= 0; k++) v = v * 16 + x;
    const n = k - first;
    if (n < 1 || n > 8) return -1;
  } else {
    const first = k;
    for (; k < end && k - first <= 10 && buf[k] !== stop && isDigit(buf[k]); k++) v = v * 10 + buf[k] - 0x30;
    const n = k - first;
    if (n < 1 || n > 10) return -1;
  }
  if (k >= end || buf[k] !== SEMI || stop === SEMI) return -1;
  return ((k + 1 - from) << REF_CODE_BITS) | (v === 0 || v > 0x10ffff ? 0xfffd : v);
}

/** The letters at [from, to) lower-cased equal `word` (ASCII lower case). */
function named(buf: Uint8Array, from: number, to: number): number {
  const n = to - from;
  const l = (k: number) => buf[from + k] | 0x20;
  if (n === 2) {
    if (l(1) !== 0x74) return -1; // t
    return l(0) === 0x6c ? 0x3c : l(0) === 0x67 ? 0x3e : -1; // lt, gt
  }
  if (n === 3) return l(0) === 0x61 && l(1) === 0x6d && l(2) === 0x70 ? 0x26 : -1; // amp
  if (n === 4) {
    const a = l(0), b = l(1), c = l(2), d = l(3);
    if (a === 0x71 && b === 0x75 && c === 0x6f && d === 0x74) return 0x22; // quot
    if (a === 0x61 && b === 0x70 && c === 0x6f && d === 0x73) return 0x27; // apos
    if (a === 0x6e && b === 0x62 && c === 0x73 && d === 0x70) return 0xa0; // nbsp
  }
  return -1;
}

function isLetter(b: number): boolean { const l = b | 0x20; return l >= 0x61 && l <= 0x7a; }

/**
 * The reference whose `&` is just before `j`, read within [j, end) and never across a `stop` byte
 * (the row's delimiter, which ends the field), or -1 when the `&` is literal. Packed in an int:
 * `length << REF_CODE_BITS | codePoint` (length: from j to after the `;`; a surrogate half as it is).
 */
function readRef(buf: Uint8Array, j: number, end: number, stop: number): number {
  if (j + 4 < end && buf[j] === 0x61 && buf[j + 1] === 0x6d && buf[j + 2] === 0x70 && buf[j + 3] === SEMI && buf[j + 4] === HASH && stop !== SEMI && stop !== HASH && stop !== 0x61 && stop !== 0x6d && stop !== 0x70) {
    const cp = numeric(buf, j, j + 4, end, stop);
    if (cp >= 0) return cp;
  }
  if (j >= end || buf[j] === stop) return -1;
  if (buf[j] === HASH) return numeric(buf, j, j, end, stop);
  let k = j;
  while (k < end && k - j <= 6 && buf[k] !== stop && isLetter(buf[k])) k++;
  const n = k - j;
  if (n < 2 || n > 6 || k >= end || buf[k] !== SEMI || stop === SEMI) return -1;
  const cp = named(buf, j, k);
  return cp < 0 ? -1 : ((k + 1 - j) << REF_CODE_BITS) | cp;
}

/**
 * The character a reference whose `&` is at i stands for, surrogate halves paired, read within
 * [i, end) and never across `stop`; -1 when the `&` is literal. Packed in an int:
 * `length << REF_CODE_BITS | codePoint`, length counted from i (the `&`) to after the last `;`.
 */
export function readCharRef(buf: Uint8Array, i: number, end: number, stop: number): number {
  const ref = readRef(buf, i + 1, end, stop);
  if (ref < 0) return ref;
  const after = i + 1 + (ref >> REF_CODE_BITS);
  const cp = ref & REF_CODE_MASK;
  if (cp < 0xd800 || cp > 0xdfff) return ((after - i) << REF_CODE_BITS) | cp;
  if (cp <= 0xdbff && after < end && buf[after] === 0x26) {
    const low = readRef(buf, after + 1, end, stop);
    const lowCp = low & REF_CODE_MASK;
    if (low >= 0 && lowCp >= 0xdc00 && lowCp <= 0xdfff) {
      const lowEnd = after + 1 + (low >> REF_CODE_BITS);
      return ((lowEnd - i) << REF_CODE_BITS) | (0x10000 + ((cp - 0xd800) << 10) + (lowCp - 0xdc00));
    }
  }
  return ((after - i) << REF_CODE_BITS) | 0xfffd;
}

/**
 * The characters of an ASCII field [s, e) of `bytes` with references decoded, given the text of
 * the bytes from `base` on (the row's text): runs between references are slices of it, and the
 * next `&` is found by the text's indexOf (a byte loop costs several times more on long remarks).
 */
export function decodeAsciiRefs(bytes: Uint8Array, s: number, e: number, text: string, base: number): string {
  let out = '';
  let run = s;
  let i = text.indexOf('&', s - base) + base;
  while (i >= s && i < e) {
    const ref = readCharRef(bytes, i, e, -1);
    if (ref < 0) {
      i = text.indexOf('&', i + 1 - base) + base;
      continue;
    }
    out += text.slice(run - base, i - base) + String.fromCodePoint(ref & REF_CODE_MASK);
    i += ref >> REF_CODE_BITS;
    run = i;
    i = text.indexOf('&', i - base) + base;
  }
  return run === s ? text.slice(s - base, e - base) : out + text.slice(run - base, e - base);
}
