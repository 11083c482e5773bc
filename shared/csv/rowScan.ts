// A COMPACT row scanned four bytes at a time (SWAR: bit tricks on an Int32Array view), for the CSV
// encoder. A per-byte loop is what an export spends its time on, and the native calls tried do not
// help: the row's text with `replaceAll(delimiter, ',')` costs ~130 ns per delimiter, more than the
// loop. One pass over words turns each delimiter into a comma in place and notes where the
// delimiters are and where a byte may need work (`"` `,` `&` CR LF, any byte >= 0x80, and with the
// formula guard a field's first byte when it is a trigger; a few harmless neighbours too: `#$%'()*+`
// and VT FF cost a look, nothing else). The encoder copies the runs between those with copyWithin
// and looks only at the noted bytes.

/** Byte order of this machine: the masks below read a word's first byte in its low bits. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Whether a delimiter can be scanned this way: ASCII, not NUL (the padding), and never one of the
 * bytes noted as needing work (else every field would be noted).
 */
export function scannableDelimiter(d: number): boolean {
  return d > 0 && d < 0x80 && !(d >= 0x0a && d <= 0x0d) && !(d >= 0x22 && d <= 0x2c);
}

const HIGH = 0x80808080 | 0;
const LOW7 = 0x7f7f7f7f;
const ONES = 0x01010101;
const COMMA = 0x2c;
/** What a spreadsheet runs as a formula at a cell's start (formulaGuard.ts); `+` and CR are marked anyway. */
const TRIGGERS = [0x3d, 0x2d, 0x40, 0x09];

/** 0x80 in each byte of x that is zero: ((v & 0x7f) + 0x7f) | v has bit 7 clear only for v = 0. */
function zeroBytes(x: number): number {
  return ~(((x & LOW7) + LOW7) | x) & HIGH;
}

export class RowScan {
  /** Per word of the row: 0x80 in each byte that was a delimiter. */
  private delims = new Int32Array(0);
  /** How many delimiters the row holds. */
  delimCount = 0;
  /** Row offsets of the bytes that may need work, ascending. */
  marks = new Int32Array(1024);
  markCount = 0;
  /** The trigger bytes (other than the delimiter) repeated in a word, for the delimiter `triggersFor`. */
  private readonly triggers = new Int32Array(4);
  private triggersFor = -1;
  /** delimAt's cursor: a word, and the delimiters in the words before it. */
  private cursorWord = 0;
  private cursorCount = 0;

  /**
   * Scans the row at bytes [at, at + n) of `words`' buffer (`at` a multiple of 4, followed by at
   * least 4 zero bytes), turning delimiter `d` into commas. With `guard`, a field that starts
   * with a formula trigger is marked at its first byte, `first` being where the first field starts.
   */
  scan(words: Int32Array, at: number, n: number, d: number, guard: boolean, first: number): void {
    const count = (n >> 2) + 1;
    if (this.delims.length < count) this.delims = new Int32Array(Math.max(count, this.delims.length * 2));
    if (this.marks.length < n + 1) this.marks = new Int32Array(Math.max(n + 1, this.marks.length * 2));
    const delims = this.delims;
    const marks = this.marks;
    const dd = Math.imul(d, ONES);
    const swap = Math.imul(d ^ COMMA, ONES);
    let nd = 0;
    let nm = 0;
    if (this.triggersFor !== d) {
      const bytes = TRIGGERS.filter((t) => t !== d);
      for (let i = 0; i < 4; i++) this.triggers[i] = Math.imul(bytes[Math.min(i, bytes.length - 1)], ONES);
      this.triggersFor = d;
    }
    const t0 = this.triggers[0];
    const t1 = this.triggers[1];
    const t2 = this.triggers[2];
    const t3 = this.triggers[3];
    if (guard && first < n && isTriggerByte(words, at + first, d)) marks[nm++] = first;
    let carry = 0;
    const k0 = at >> 2;
    const end = (at + n + 3) >> 2;
    for (let k = k0; k < end; k++) {
      const x = words[k];
      const dz = zeroBytes(x ^ dd);
      words[k] = x ^ (swap & Math.imul(dz >>> 7, 0xff));
      nd += Math.imul(dz >>> 7, ONES) >>> 24;
      delims[k - k0] = dz;
      // Bytes in 0x22-0x2c or 0x0a-0x0d (for an ASCII v, (v | 0x80) - lo keeps bit 7 iff v >= lo), or >= 0x80.
      const z = x | HIGH;
      let m = (((z - 0x22222222) & ~(z - 0x2d2d2d2d)) | ((z - 0x0a0a0a0a) & ~(z - 0x0e0e0e0e)) | x) & HIGH;
      if (guard) {
        // A trigger right after a delimiter (the word's first byte: after the last word's last byte).
        const t = zeroBytes(x ^ t0) | zeroBytes(x ^ t1) | zeroBytes(x ^ t2) | zeroBytes(x ^ t3);
        m |= t & ((dz << 8) | carry);
        carry = dz >>> 24;
      }
      if (m === 0) continue;
      const base = (k - k0) << 2;
      do {
        const low = m & -m;
        marks[nm++] = base + ((31 - Math.clz32(low)) >> 3);
        m ^= low;
      } while (m !== 0);
    }
    this.delimCount = nd;
    this.markCount = nm;
    this.cursorWord = 0;
    this.cursorCount = 0;
  }

  /**
   * The row offset of delimiter j (counted from 0), or -1 past the last; j must not decrease
   * between calls after a scan (a cursor walks the words once per row).
   */
  delimAt(j: number): number {
    if (j >= this.delimCount) return -1;
    const delims = this.delims;
    let k = this.cursorWord;
    let before = this.cursorCount;
    for (;;) {
      const bits = delims[k];
      const inWord = Math.imul(bits >>> 7, ONES) >>> 24;
      if (before + inWord > j) {
        let b = bits;
        for (let skip = j - before; skip > 0; skip--) b &= b - 1;
        this.cursorWord = k;
        this.cursorCount = before;
        return (k << 2) + ((31 - Math.clz32(b & -b)) >> 3);
      }
      before += inWord;
      k++;
    }
  }

  /** Where the field holding row offset x starts: after the delimiter before it, else 0. */
  fieldStart(x: number): number {
    const delims = this.delims;
    let k = x >> 2;
    let bits = delims[k] & ((1 << ((x & 3) << 3)) - 1);
    while (bits === 0) {
      if (--k < 0) return 0;
      bits = delims[k];
    }
    return (k << 2) + ((31 - Math.clz32(bits)) >> 3) + 1;
  }

  /** Where the field holding row offset x ends: at the delimiter after it, else n. */
  fieldEnd(x: number, n: number): number {
    const delims = this.delims;
    const words = (n + 3) >> 2;
    let k = x >> 2;
    let bits = (x & 3) === 3 ? 0 : delims[k] & (-1 << (((x & 3) << 3) + 8));
    while (bits === 0) {
      if (++k >= words) return n;
      bits = delims[k];
    }
    return (k << 2) + ((31 - Math.clz32(bits & -bits)) >> 3);
  }
}

/** Whether the byte at offset i of the words' buffer is a formula trigger. */
function isTriggerByte(words: Int32Array, i: number, d: number): boolean {
  const b = (words[i >> 2] >>> ((i & 3) << 3)) & 0xff;
  return b !== d && (b === 0x3d || b === 0x2b || b === 0x2d || b === 0x40 || b === 0x09 || b === 0x0d);
}
