// Byte writers for cells whose text is known to be plain ASCII that needs no escaping: numbers
// written as digits and values picked from a fixed list (lookup codes, words, dates), copied from
// one pre-encoded table. The COMPACT encoder calls them instead of building a string per cell.
// Writers compute their value inline rather than through another closure: a call through a
// function shared by many fields cannot be inlined and cost more than the value itself.
import * as m_rng from './rng';
// Imported bindings copied once: tsx turns each import use into a getter call, too slow per cell.
const { hash3 } = m_rng;

/** Writes the cell for a row at out[pos ..] and returns the position after it (at most `max` bytes). */
export type Put = ((row: number, out: Uint8Array, pos: number) => number) & { max: number };

/** A getter that can also write its value as bytes (the same text, ASCII only). */
export type BytesGetter = ((row: number) => string) & { put?: Put };

export function withPut(get: (row: number) => string, put: (row: number, out: Uint8Array, pos: number) => number, max: number): BytesGetter {
  return Object.assign(get, { put: Object.assign(put, { max }) });
}

/** A wrapper compiled afresh for each field, so its calls of that field's own functions get
 * their own feedback. Closures made from one function literal share its call feedback: a shared
 * wrapper calling a different value function per field sees a megamorphic call there, which V8
 * never inlines (a full call per cell). `params` are bound to `args`; `source` is the wrapper. */
export function perField<F>(params: readonly string[], args: readonly unknown[], source: string): F {
  return new Function(...params, `return ${source};`)(...args) as F;
}

/** Digits of a whole number below 2^32 (comparisons: cheaper than dividing to count). */
function digitCount(n: number): number {
  if (n < 100000) return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : 5;
  return n < 1000000 ? 6 : n < 10000000 ? 7 : n < 100000000 ? 8 : n < 1000000000 ? 9 : 10;
}

/** "00" .. "99" as bytes: two digits per division. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, k) => 48 + (k & 1 ? (k >> 1) % 10 : Math.floor((k >> 1) / 10)));

/** Writes a whole number 0 <= n < 2^32 as decimal digits (the text of String(n)). */
export function putUint(n: number, out: Uint8Array, pos: number): number {
  if (n < 10) { out[pos] = 48 + n; return pos + 1; }
  const end = pos + digitCount(n);
  let p = end;
  let t = n;
  while (t >= 100) {
    const q = Math.floor(t / 100);
    const r = (t - q * 100) << 1;
    out[--p] = PAIRS[r + 1];
    out[--p] = PAIRS[r];
    t = q;
  }
  if (t >= 10) { out[--p] = PAIRS[(t << 1) + 1]; out[--p] = PAIRS[t << 1]; } else out[--p] = 48 + t;
  return end;
}

/** Writes n (0 <= n < 10^width) as exactly `width` digits, zero-padded ("07"). */
export function putPadded(n: number, width: number, out: Uint8Array, pos: number): number {
  let p = pos + width;
  let t = n;
  for (; p - pos >= 2; t = Math.floor(t / 100)) {
    const r = (t % 100) << 1;
    out[--p] = PAIRS[r + 1];
    out[--p] = PAIRS[r];
  }
  if (p > pos) out[pos] = 48 + (t % 10);
  return pos + width;
}

const SCALE = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** Writes scaled / 10^decimals with that many decimals: the text toFixed(decimals) gives for a
 * number whose exact value this is (scaled a whole number, |scaled| < 2^53). */
export function putFixed(scaled: number, decimals: number, out: Uint8Array, pos: number): number {
  if (scaled < 0) { out[pos++] = 45; scaled = -scaled; } // -
  const whole = Math.floor(scaled / SCALE[decimals]);
  pos = putUint(whole, out, pos);
  out[pos++] = 46; // .
  return putPadded(scaled - whole * SCALE[decimals], decimals, out, pos);
}

/** Printable ASCII without the characters COMPACT escapes: its bytes are its characters. */
export const plainText = (t: string): boolean => /^[\x20-\x7e]*$/.test(t) && !/[&<>"]/.test(t);

/** Bytes a writer may store past the end of what it writes (ByteTable copies whole 4-byte words);
 * a caller keeps this much room beyond the writers' maxima. Later writes overwrite them. */
export const OVERRUN = 4;

// A DataView of the buffer last written to: ByteTable stores 4 bytes at once through it (about
// twice as fast as a byte loop for the short texts of lookups and names).
let viewed: Uint8Array | undefined;
let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
function viewOf(out: Uint8Array): DataView {
  if (out !== viewed) {
    viewed = out;
    view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  }
  return view;
}

/** Strings kept as bytes in 4-byte words; entry k is lengths[k] bytes from word starts[k]. All must be ASCII. */
export class ByteTable {
  private readonly words: Int32Array;
  private readonly starts: Uint32Array;
  private readonly lengths: Uint32Array;
  readonly max: number;

  constructor(readonly texts: readonly string[]) {
    this.starts = new Uint32Array(texts.length + 1);
    this.lengths = new Uint32Array(texts.length);
    let words = 0;
    texts.forEach((t, k) => {
      if (!plainText(t)) throw new Error(`demo MLS: "${t}" is not plain ASCII text`);
      this.lengths[k] = t.length;
      words += Math.ceil(t.length / 4);
      this.starts[k + 1] = words;
    });
    this.max = Math.max(0, ...this.lengths);
    this.words = new Int32Array(words + 1); // + 1: put() reads a first word even for an empty entry
    const bytes = new Uint8Array(this.words.buffer);
    texts.forEach((t, k) => {
      for (let i = 0; i < t.length; i++) bytes[this.starts[k] * 4 + i] = t.charCodeAt(i);
    });
  }

  /** Copies entry k to out[pos ..] (and up to OVERRUN bytes of padding after it); returns the position after it. */
  put(k: number, out: Uint8Array, pos: number): number {
    const v = viewOf(out);
    const words = this.words;
    const w = this.starts[k];
    const len = this.lengths[k];
    // Most entries (codes, words, dates) take one to three words: stores without a loop.
    v.setInt32(pos, words[w], true);
    if (len > 4) {
      v.setInt32(pos + 4, words[w + 1], true);
      if (len > 8) {
        v.setInt32(pos + 8, words[w + 2], true);
        if (len > 12) this.putRest(w + 3, this.starts[k + 1], v, pos + 12);
      }
    }
    return pos + len;
  }

  private putRest(from: number, end: number, v: DataView, pos: number): void {
    const words = this.words;
    for (let w = from, q = pos; w < end; w++, q += 4) v.setInt32(q, words[w], true);
  }
}

/** A field that is one entry of a fixed list of texts, chosen per row (an index < 0: empty);
 * with a byte writer unless some text needs escaping or is not ASCII. */
export function fromTable(texts: readonly string[], index: (row: number) => number): BytesGetter {
  const get = (row: number) => {
    const k = index(row);
    return k < 0 ? '' : texts[k];
  };
  if (!texts.every(plainText)) return get;
  const table = new ByteTable(texts);
  return withPut(get, perField(['index', 'table'], [index, table], '(row, out, pos) => { const k = index(row); return k < 0 ? pos : table.put(k, out, pos); }'), table.max);
}

/** A field that is entry hash3(seed, row, slot) % texts.length of a fixed list of texts. */
export function hashPick(texts: readonly string[], seed: number, slot: number): BytesGetter {
  const n = texts.length;
  if (slot !== (slot | 0)) throw new Error(`demo MLS: slot ${slot} is not a 32-bit integer`);
  const get = (row: number) => texts[hash3(seed, row, slot) % n];
  if (!texts.every(plainText)) return get;
  const table = new ByteTable(texts);
  // Seed, slot and list length written into the writer's source as constants: V8 folds the
  // hash's constant half and divides by a constant (a multiply), where `% n` of a variable n
  // was a floating-point remainder. (seed | 0 is what hash3 uses of it: it is xor-ed.) A
  // power-of-two list (lookupMulti's 1024) takes the low bits.
  const pick = (n & (n - 1)) === 0 ? `& ${n - 1}` : `% ${n}`;
  return withPut(get, perField(['table', 'hash3'], [table, hash3], `(row, out, pos) => table.put(hash3(${seed | 0}, row, ${slot}) ${pick}, out, pos)`), table.max);
}

/** A field that is a whole number >= 0 per row (a value < 0: empty). */
export function uintCell(value: (row: number) => number): BytesGetter {
  return withPut((row) => {
    const v = value(row);
    return v < 0 ? '' : String(v);
  }, perField(['value', 'putUint'], [value, putUint], '(row, out, pos) => { const v = value(row); return v < 0 ? pos : putUint(v, out, pos); }'), 16);
}

/** Copies an ASCII string (a pool word or a constant) to out[pos ..]; returns the position after it. */
export function putText(s: string, out: Uint8Array, pos: number): number {
  for (let i = 0; i < s.length; i++) out[pos++] = s.charCodeAt(i);
  return pos;
}

/** A constant ASCII text as bytes (copying from bytes is about twice as fast as charCodeAt). */
export function asciiBytes(text: string): Uint8Array {
  if (!plainText(text)) throw new Error(`demo MLS: "${text}" is not plain ASCII text`);
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** Copies bytes to out[pos ..]; returns the position after them. */
export function putBytes(bytes: Uint8Array, out: Uint8Array, pos: number): number {
  for (let i = 0; i < bytes.length; i++) out[pos++] = bytes[i];
  return pos;
}

/** get's value where has(row), else an empty cell. */
export function onlyIf(has: (row: number) => boolean, get: BytesGetter): BytesGetter {
  const text = (row: number) => (has(row) ? get(row) : '');
  const put = get.put;
  return put ? withPut(text, perField(['has', 'put'], [has, put], '(row, out, pos) => (has(row) ? put(row, out, pos) : pos)'), put.max) : text;
}
