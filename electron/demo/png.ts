// A small PNG encoder (RGB, 8 bit, zlib via node:zlib, CRC32 by table) and a deterministic
// "listing photo" painter: sky, lawn, a house whose colours and shape come from a hash.
import { deflateSync } from 'node:zlib';
import { hash3 } from './rng';

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(buf: Uint8Array, start = 0, end = buf.length): number {
  let c = -1;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out, 4, 8 + data.length), 8 + data.length);
  return out;
}

/** Encodes packed RGB pixels (width*height*3 bytes) as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Paints photo `n` of listing `listing` at the given size (same inputs, same pixels). */
export function paintPhoto(seed: number, listing: number, n: number, width: number, height: number): Buffer {
  const h = hash3(seed, listing, 9000 + n);
  const rgb = new Uint8Array(width * height * 3);
  const wall = [150 + (h & 0x5f), 120 + ((h >>> 7) & 0x5f), 90 + ((h >>> 14) & 0x5f)];
  const roof = [60 + ((h >>> 3) & 0x3f), 40 + ((h >>> 9) & 0x3f), 40 + ((h >>> 15) & 0x3f)];
  const sky = [110 + (n * 7) % 60, 160 + (n * 5) % 50, 230];
  const grass = [60, 140 + ((h >>> 20) & 0x2f), 60];
  const horizon = Math.floor(height * (0.6 + ((h >>> 24) & 0x0f) / 100));
  const hw = Math.floor(width * (0.35 + ((h >>> 4) & 0x0f) / 60));
  const hx = Math.floor((width - hw) / 2 + (((h >>> 12) & 0x1f) - 16) * width / 200);
  const hTop = Math.floor(horizon - height * 0.3);
  const roofTop = Math.floor(hTop - height * 0.18);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let c = y < horizon ? sky : grass;
      if (x >= hx && x < hx + hw && y >= hTop && y < horizon) {
        c = wall;
        const door = x > hx + hw * 0.45 && x < hx + hw * 0.55 && y > horizon - height * 0.15;
        const win = (y > hTop + height * 0.05 && y < hTop + height * 0.13) && ((x > hx + hw * 0.12 && x < hx + hw * 0.3) || (x > hx + hw * 0.7 && x < hx + hw * 0.88));
        if (door) c = roof;
        else if (win) c = [200, 225, 245];
      } else if (y >= roofTop && y < hTop) {
        const half = (hw / 2 + width * 0.03) * ((y - roofTop) / (hTop - roofTop));
        const mid = hx + hw / 2;
        if (x >= mid - half && x <= mid + half) c = roof;
      }
      const o = (y * width + x) * 3;
      rgb[o] = c[0]; rgb[o + 1] = c[1]; rgb[o + 2] = c[2];
    }
  }
  return encodePng(width, height, rgb);
}
