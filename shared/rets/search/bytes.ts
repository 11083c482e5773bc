// Byte helpers for the streaming parsers: they scan Uint8Array directly (indexOf is memchr-fast)
// and turn only small pieces (tag text, a field that is read) into strings.

export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Index of `needle` (ASCII, compared case-insensitively) in bytes at or after `from`, or -1. */
export function indexOfAscii(bytes: Uint8Array, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  const n = needle.length;
  let i = bytes.indexOf(first, from);
  while (i >= 0 && i + n <= bytes.length) {
    if (matchesAscii(bytes, i, needle)) return i;
    i = bytes.indexOf(first, i + 1);
  }
  return -1;
}

/** Whether bytes at `at` spell `word` (ASCII letters compared case-insensitively). */
export function matchesAscii(bytes: Uint8Array, at: number, word: string): boolean {
  if (at + word.length > bytes.length) return false;
  for (let k = 0; k < word.length; k++) {
    const b = bytes[at + k];
    const c = word.charCodeAt(k);
    if (b === c) continue;
    const lc = c | 0x20;
    if (lc >= 0x61 && lc <= 0x7a && (b | 0x20) === lc) continue;
    return false;
  }
  return true;
}

/** Latin-1 view of a small byte range (tags and attribute text are ASCII in practice). */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 4096) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  }
  return s;
}

/** Whether the bytes from `at` end before `<!--` or `<![CDATA[` could be told apart from a tag. */
export function isPrefixCut(bytes: Uint8Array, at: number): boolean {
  const rest = bytes.length - at;
  if (rest >= 9) return false;
  const head = asciiText(bytes, at, bytes.length);
  return '<![CDATA['.startsWith(head) || '<!--'.startsWith(head);
}

/**
 * Chunks held back while an element cut by a chunk boundary is still incomplete. Parsing again
 * after every small chunk would rescan (and copy) the carried bytes each time: a row or tag of
 * n bytes arriving in pieces of k would cost n²/k. Retrying once the held bytes at least match
 * the carried ones keeps the cost linear, and a whole chunk of ordinary rows is never held.
 */
export class HeldChunks {
  private chunks: Uint8Array[] = [];
  private held = 0;

  /** Bytes waiting. */
  get size(): number { return this.held; }

  /** The bytes to parse now (held ones and this chunk, joined), or null to wait for more. */
  offer(chunk: Uint8Array, carried: number): Uint8Array | null {
    if (carried > 0 && this.held + chunk.length < carried) {
      this.chunks.push(chunk);
      this.held += chunk.length;
      return null;
    }
    return this.drain(chunk);
  }

  /** Everything held (and the chunk, if given), joined; nothing stays held. */
  drain(chunk?: Uint8Array): Uint8Array {
    if (chunk) this.chunks.push(chunk);
    const parts = this.chunks;
    this.chunks = [];
    this.held = 0;
    if (parts.length === 1) return parts[0]!;
    const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of parts) { out.set(c, at); at += c.length; }
    return out;
  }
}
