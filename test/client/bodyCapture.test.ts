// What the inspector keeps of a body as it streams: exact first and last 64 KB whatever the chunk
// sizes (a byte at a time included), whole bodies under the whole-keep size, and a multipart
// body's parts with their headers and sizes even when the body is cut to its two ends.
import { describe, expect, it } from 'vitest';
import { BodyCapture, KEEP_BYTES } from '../../electron/rets/bodyCapture';

function body(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7 + (i >> 11)) & 0xff;
  return b;
}

function feed(c: BodyCapture, bytes: Uint8Array, sizes: number[]): void {
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const n = sizes[k % sizes.length]!;
    c.push(bytes.subarray(at, at + n));
    at += n;
  }
}

describe('BodyCapture', () => {
  it('keeps the exact first and last 64 KB of a long body, whatever the chunks', () => {
    const bytes = body(5 * KEEP_BYTES + 123);
    for (const sizes of [[1], [3, 1000, 65_536, 7], [200_000]]) {
      const c = new BodyCapture('text/xml');
      feed(c, bytes, sizes);
      const r = c.result();
      expect(r.total).toBe(bytes.length);
      expect(Buffer.from(r.head).equals(Buffer.from(bytes.subarray(0, KEEP_BYTES)))).toBe(true);
      expect(Buffer.from(r.tail).equals(Buffer.from(bytes.subarray(bytes.length - KEEP_BYTES)))).toBe(true);
    }
  });

  it('keeps a body whole up to the whole-keep size, and its ends past it', () => {
    const bytes = body(3 * KEEP_BYTES);
    const whole = new BodyCapture('text/xml', 4 * KEEP_BYTES);
    feed(whole, bytes, [4096]);
    const w = whole.result();
    expect(Buffer.concat([w.head, w.tail]).equals(Buffer.from(bytes))).toBe(true);
    const cut = new BodyCapture('text/xml', 2 * KEEP_BYTES);
    feed(cut, bytes, [4096]);
    expect(cut.result().tail.length).toBe(KEEP_BYTES);
  });

  it("lists a multipart body's parts with headers and sizes, fed a byte at a time", () => {
    const photo = body(100_000);
    const parts = [1, 2, 3].map((i) => Buffer.concat([Buffer.from(`--XB\r\nContent-ID: 42\r\nObject-ID: ${i}\r\nContent-Type: image/jpeg\r\n\r\n`), photo, Buffer.from('\r\n')]));
    const bytes = new Uint8Array(Buffer.concat([...parts, Buffer.from('--XB--\r\n')]));
    const c = new BodyCapture('multipart/parallel; boundary="XB"');
    feed(c, bytes, [1]);
    const r = c.result();
    expect(r.partCount).toBe(3);
    expect(r.parts!.map((p) => [p.headers['object-id'], p.headers['content-type'], p.bytes])).toEqual([['1', 'image/jpeg', 100_000], ['2', 'image/jpeg', 100_000], ['3', 'image/jpeg', 100_000]]);
    expect(r.head.length + r.tail.length).toBe(2 * KEEP_BYTES);
  });
});
