// Each column's key as it stands in a row, `"Key":`, kept to check in a few 32-bit word reads
// whether the key the previous row had at this place stands there again (rows repeat their keys
// in one order). All patterns live in flat typed arrays: no object per column to load.

export class KeyPatterns {
  private words: Int32Array = new Int32Array(1024);
  private used = 0;
  /** Per column: index of its first word; -1 when it has no pattern (an escaped or empty key). */
  private start: Int32Array = new Int32Array(64).fill(-1);
  /** Per column: the pattern's length in bytes. */
  private bytes: Int32Array = new Int32Array(64);
  private count = 0;

  /** The next column's key bytes as sent between the quotes (null: the key had escapes). */
  add(key: Uint8Array | null): void {
    const c = this.count++;
    if (c >= this.start.length) {
      this.start = grow(this.start, -1);
      this.bytes = grow(this.bytes, 0);
    }
    if (key === null || key.length === 0 || key.includes(34) || key.includes(92)) return;
    const p = new Uint8Array(key.length + 3);
    p[0] = 34;
    p.set(key, 1);
    p[key.length + 1] = 34;
    p[key.length + 2] = 58;
    // Words at 0, 4, 8, ... and a last one ending with the pattern (overlapping when not a multiple of 4).
    const n = (p.length + 3) >> 2;
    while (this.used + n > this.words.length) this.words = grow(this.words, 0);
    const view = new DataView(p.buffer);
    for (let w = 0; w < n; w++) this.words[this.used + w] = view.getInt32(Math.min(w * 4, p.length - 4), true);
    this.start[c] = this.used;
    this.bytes[c] = p.length;
    this.used += n;
  }

  /** Length of column c's pattern if it stands at `at` (within `len` bytes), else -1. `view` covers the bytes from 0. */
  at(c: number, view: DataView, at: number, len: number): number {
    if (c >= this.count) return -1;
    const first = this.start[c]!;
    if (first < 0) return -1;
    const size = this.bytes[c]!;
    if (at + size > len) return -1;
    const words = this.words;
    const last = first + ((size + 3) >> 2) - 1;
    for (let w = first; w < last; w++) if (view.getInt32(at + (w - first) * 4, true) !== words[w]) return -1;
    return view.getInt32(at + size - 4, true) === words[last] ? size : -1;
  }
}

function grow(a: Int32Array, fill: number): Int32Array {
  const next = new Int32Array(a.length * 2).fill(fill);
  next.set(a);
  return next;
}
