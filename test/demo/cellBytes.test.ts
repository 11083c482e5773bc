// The byte writers behind COMPACT cells give exactly the text the string getters give: digits,
// zero-padded digits, fixed decimals and table entries (whose 4-byte word copies may write past
// the entry, never past what a caller reserves).
import { describe, expect, it } from 'vitest';
import { ByteTable, OVERRUN, putFixed, putPadded, putUint } from '../../electron/demo/cellBytes';

const text = (write: (out: Uint8Array, pos: number) => number): string => {
  const out = Buffer.alloc(64, 0x7e);
  const end = write(out, 5);
  return out.toString('latin1', 5, end);
};

describe('cell byte writers', () => {
  it('write whole numbers as String does, up to 2^32 - 1', () => {
    const samples = [0, 7, 9, 10, 99, 100, 101, 999, 1000, 65535, 99999, 100000, 1234567, 99999999, 100000000, 2147483647, 2147483648, 4294967295];
    for (let k = 1; k < 2000; k++) samples.push((k * 2654435761) % 4294967296);
    for (const n of samples) expect(text((out, pos) => putUint(n, out, pos))).toBe(String(n));
  });

  it('pad to a width as padStart does', () => {
    for (const [n, width] of [[0, 1], [7, 2], [42, 2], [5, 3], [99, 3], [123, 3], [4, 5], [12345, 5], [987654, 7]]) {
      expect(text((out, pos) => putPadded(n, width, out, pos))).toBe(String(n).padStart(width, '0'));
    }
  });

  it('write scaled whole numbers as toFixed writes the exact value', () => {
    for (const [scaled, decimals] of [[41612345, 6], [-88276975, 6], [-5, 6], [5, 2], [0, 2], [100, 2], [123456, 2], [4290000, 2]]) {
      expect(text((out, pos) => putFixed(scaled, decimals, out, pos))).toBe((scaled / 10 ** decimals).toFixed(decimals));
    }
  });

  it('copy table entries of every length, writing no further than OVERRUN bytes past them', () => {
    const texts = ['', 'A', 'BB', 'CCC', 'DDDD', 'EEEEE', 'Primary Bedroom', "O'Brien Realty"];
    const table = new ByteTable(texts);
    expect(table.max).toBe(15);
    texts.forEach((t, k) => {
      const out = Buffer.alloc(40, 0x7e);
      const end = table.put(k, out, 3);
      expect(out.toString('latin1', 3, end)).toBe(t);
      expect(out.subarray(end + OVERRUN).every((b) => b === 0x7e)).toBe(true);
    });
    expect(() => new ByteTable(['R&D'])).toThrow(/not plain ASCII/);
  });
});
