// GetObject: single bodies, multipart/parallel with * and index lists, Location=1 URLs the server
// serves, thumbnails, and the reply codes for each mistake. Images are checked as real PNGs.
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { crc32 } from '../../electron/demo/png';
import { get, login, replyCode } from './helpers';

let mls: DemoMls;
let cookie: string;
beforeAll(async () => {
  mls = await startDemoMls({ listings: 60, seed: 11 });
  cookie = (await login(mls.loginUrl)).cookie;
});
afterAll(async () => { await mls.close(); });

const obj = (q: string, c = cookie) => get(`${mls.baseUrl}/rets/getObject?${q}`, { Cookie: c });

/** Listing keys with at least `n` photos (photo counts come from the PictureCount field). */
async function keysWithPhotos(n: number): Promise<string[]> {
  const { createDataset } = await import('../../electron/demo/dataset');
  const ds = createDataset(60, 11);
  const out: string[] = [];
  for (let i = 0; i < ds.listings; i++) if (ds.photos[i] >= n) out.push(String(500000 + i));
  return out;
}

function checkPng(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let off = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    expect(buf.readUInt32BE(off + 8 + len)).toBe(crc32(buf, off + 4, off + 8 + len));
    if (type === 'IHDR') { width = buf.readUInt32BE(off + 8); height = buf.readUInt32BE(off + 12); }
    if (type === 'IDAT') idat.push(buf.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  expect(inflateSync(Buffer.concat(idat)).length).toBe((width * 3 + 1) * height);
  return { width, height };
}

function parts(body: Buffer, boundary: string): { headers: Record<string, string>; body: Buffer }[] {
  const text = body.toString('latin1');
  return text.split(`--${boundary}`).slice(1, -1).map((p) => {
    const s = p.replace(/^\r\n/, '');
    const end = s.indexOf('\r\n\r\n');
    const headers = Object.fromEntries(s.slice(0, end).split('\r\n').map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    return { headers, body: Buffer.from(s.slice(end + 4).replace(/\r\n$/, ''), 'latin1') };
  });
}

describe('GetObject', () => {
  it('returns one photo as a PNG body with Content-ID and Object-ID', async () => {
    const [key] = await keysWithPhotos(2);
    const r = await obj(`Resource=Property&Type=Photo&ID=${key}:2`);
    expect(r.headers.get('content-type')).toBe('image/png');
    expect(r.headers.get('content-id')).toBe(key);
    expect(r.headers.get('object-id')).toBe('2');
    expect(checkPng(r.bytes)).toEqual({ width: 320, height: 240 });
  });

  it('is deterministic and gives thumbnails at 96x72', async () => {
    const [key] = await keysWithPhotos(1);
    const a = await obj(`Resource=Property&Type=Photo&ID=${key}:1`);
    const b = await obj(`Resource=Property&Type=Photo&ID=${key}:0`);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const t = await obj(`Resource=Property&Type=Thumbnail&ID=${key}:1`);
    expect(checkPng(t.bytes)).toEqual({ width: 96, height: 72 });
  });

  it('sends multipart/parallel for * with one part per photo', async () => {
    const [key] = await keysWithPhotos(3);
    const r = await obj(`Resource=Property&Type=Photo&ID=${key}:*`);
    const boundary = /boundary="([^"]+)"/.exec(r.headers.get('content-type')!)![1];
    expect(r.headers.get('content-type')).toMatch(/^multipart\/parallel; boundary="/);
    const ps = parts(r.bytes, boundary);
    expect(ps.length).toBeGreaterThanOrEqual(3);
    expect(ps.map((p) => p.headers['object-id'])).toEqual(ps.map((_, i) => String(i + 1)));
    for (const p of ps) { expect(p.headers['content-type']).toBe('image/png'); checkPng(p.body); }
  });

  it('handles index lists over several listings, with an error part for a missing object', async () => {
    const [k1, k2] = await keysWithPhotos(2);
    const r = await obj(`Resource=Property&Type=Photo&ID=${k1}:1:2,${k2}:1,${k2}:99`);
    const boundary = /boundary="([^"]+)"/.exec(r.headers.get('content-type')!)![1];
    const ps = parts(r.bytes, boundary);
    expect(ps.map((p) => `${p.headers['content-id']}:${p.headers['object-id']}`)).toEqual([`${k1}:1`, `${k1}:2`, `${k2}:1`, `${k2}:99`]);
    expect(ps[3].headers['content-type']).toBe('text/xml');
    expect(replyCode(ps[3].body.toString())).toBe(20403);
  });

  it('Location=1 gives URLs that the server serves without a session', async () => {
    const [key] = await keysWithPhotos(2);
    const r = await obj(`Resource=Property&Type=Photo&ID=${key}:1,${key}:2&Location=1`);
    const boundary = /boundary="([^"]+)"/.exec(r.headers.get('content-type')!)![1];
    const ps = parts(r.bytes, boundary);
    expect(ps).toHaveLength(2);
    for (const p of ps) {
      expect(p.body.length).toBe(0);
      expect(p.headers.location).toMatch(new RegExp(`^${mls.baseUrl}/rets/media/${key}/\\d\\.png$`));
      const img = await get(p.headers.location);
      expect(img.headers.get('content-type')).toBe('image/png');
      checkPng(img.bytes);
    }
    const single = await obj(`Resource=Property&Type=Thumbnail&ID=${key}:1&Location=1`);
    expect(single.headers.get('location')).toBe(`${mls.baseUrl}/rets/media/${key}/1-thumb.png`);
  });

  it('answers 20400, 20401, 20402, 20403', async () => {
    expect(replyCode((await obj('Resource=Nope&Type=Photo&ID=500000:1')).text)).toBe(20400);
    expect(replyCode((await obj('Resource=Property&Type=Video&ID=500000:1')).text)).toBe(20401);
    expect(replyCode((await obj('Resource=Property&Type=Photo&ID=abc:1')).text)).toBe(20402);
    expect(replyCode((await obj('Resource=Property&Type=Photo&ID=')).text)).toBe(20402);
    expect(replyCode((await obj('Resource=Property&Type=Photo&ID=999999:1')).text)).toBe(20403);
  });
});
