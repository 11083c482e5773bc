#!/usr/bin/env node
// Draws build/icon.png (1024x1024, RGBA): a house over a data grid on a rounded dark tile. Pure
// Node (zlib), so the icon can be regenerated anywhere: `node build/make-icon.mjs`.
import { deflateSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { URL } from 'node:url';
import { writeFileSync } from 'node:fs';

const N = 1024;
const px = new Uint8Array(N * N * 4);

function crc32(buf) {
  let c;
  const table = crc32.table ??= Array.from({ length: 256 }, (_, n) => {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

// Anti-aliasing by 4x4 supersampling of a shape test.
function fill(inside, color) {
  for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) {
    let hits = 0;
    for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
    if (!hits) continue;
    const i = (y * N + x) * 4;
    const a = hits / 16;
    const under = px[i + 3] / 255;
    const outA = a + under * (1 - a);
    for (let k = 0; k < 3; k++) px[i + k] = Math.round((color[k] * a + px[i + k] * under * (1 - a)) / (outA || 1));
    px[i + 3] = Math.round(outA * 255);
  }
}

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const triangle = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const side = (x1, y1, x2, y2) => (x - x2) * (y1 - y2) - (x1 - x2) * (y - y2);
  const d1 = side(ax, ay, bx, by), d2 = side(bx, by, cx, cy), d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

fill(roundedRect(64, 64, 960, 960, 190), [22, 32, 48]);             // tile
fill(triangle(512, 190, 230, 450, 794, 450), [45, 212, 191]);        // roof
fill(rect(290, 430, 734, 700), [45, 212, 191]);                      // body
fill(rect(470, 560, 554, 700), [22, 32, 48]);                        // door
for (let i = 0; i < 3; i++) fill(rect(230, 740 + i * 52, 794, 740 + i * 52 + 30), i === 0 ? [226, 232, 240] : [100, 116, 139]); // grid rows
for (const x of [410, 614]) fill(rect(x, 740, x + 12, 874), [22, 32, 48]); // grid columns

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  Buffer.from(px.buffer, y * N * 4, N * 4).copy(raw, y * (N * 4 + 1) + 1);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
process.stdout.write(`build/icon.png: ${N}x${N}, ${png.length} bytes\n`);
