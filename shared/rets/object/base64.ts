// Streaming base64 decoding for parts sent with Content-Transfer-Encoding: base64.

const table = new Int16Array(256).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => { table[c.charCodeAt(0)] = i; });
table[0x2d] = 62; // '-' and '_' (URL-safe alphabet) tolerated
table[0x5f] = 63;

export class Base64Decoder {
  private bits = 0;
  private nbits = 0;

  /** Decode a chunk; white space and padding are skipped, leftovers carried to the next chunk. */
  push(chunk: Uint8Array): Uint8Array {
    const out = new Uint8Array(Math.ceil(chunk.length * 3 / 4) + 3);
    let n = 0;
    for (let i = 0; i < chunk.length; i++) {
      const v = table[chunk[i]];
      if (v < 0) continue;
      this.bits = ((this.bits << 6) | v) & 0xffffff;
      this.nbits += 6;
      if (this.nbits >= 8) {
        this.nbits -= 8;
        out[n++] = (this.bits >> this.nbits) & 0xff;
      }
    }
    return out.subarray(0, n);
  }
}
