// JSON string content (the bytes between the quotes) to text, escapes decoded exactly:
// \" \\ \/ \b \f \n \r \t and \uXXXX, where two \u escapes of a UTF-16 surrogate pair join into
// one character (they are code units, so they pair by themselves). A malformed escape becomes
// U+FFFD rather than an exception: this runs lazily, when a grid cell or CSV field is read.

const utf8 = new TextDecoder('utf-8');

function hex(b: number): number {
  if (b >= 48 && b <= 57) return b - 48;
  if (b >= 65 && b <= 70) return b - 55;
  if (b >= 97 && b <= 102) return b - 87;
  return -1;
}

/** Bytes [s, e) as text: a short loop for short ASCII, the native UTF-8 decoder otherwise. */
export function utf8Text(bytes: Uint8Array, s: number, e: number): string {
  if (e - s <= 24) {
    let out = '';
    for (let i = s; i < e; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return utf8.decode(bytes.subarray(s, e));
      out += String.fromCharCode(b);
    }
    return out;
  }
  return utf8.decode(bytes.subarray(s, e));
}

const SIMPLE: Record<number, string> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };

/** Decode the content of a JSON string (no surrounding quotes). */
export function decodeJsonString(bytes: Uint8Array, s: number, e: number): string {
  let out = '';
  let run = s;
  let i = s;
  while (i < e) {
    if (bytes[i] !== 0x5c) { i++; continue; }
    if (i > run) out += utf8Text(bytes, run, i);
    const c = bytes[i + 1];
    if (c === 0x75) {
      let cp = 0;
      let ok = i + 6 <= e;
      for (let k = 2; ok && k < 6; k++) { const h = hex(bytes[i + k]!); if (h < 0) ok = false; else cp = cp * 16 + h; }
      out += ok ? String.fromCharCode(cp) : '\uFFFD';
      i += ok ? 6 : 2;
    } else {
      out += (c === undefined || i + 1 >= e) ? '\uFFFD' : (SIMPLE[c] ?? '\uFFFD');
      i += 2;
    }
    run = i;
  }
  if (e > run) out += utf8Text(bytes, run, Math.min(e, i));
  return out;
}
