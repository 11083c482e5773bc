// The media policy's decision table: the bytes' signature picks the type, a label naming a
// non-raster kind keeps even image bytes out of the page, and nothing else is ever inline.
import { describe, expect, it } from 'vitest';
import { inlineType, mediaAnswer, sniffRaster } from '../../electron/host/mediaPolicy';
import { PNG_1X1 } from '../host/hostileRets';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffRaster', () => {
  it.each([
    ['image/png', PNG_1X1],
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], '\0\x10JFIF')],
    ['image/gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['image/webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['image/bmp', bytes('BM', [0x3a, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0])],
    ['image/avif', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1')],
  ])('recognises %s by its signature', (type, b) => {
    expect(sniffRaster(b)).toBe(type);
  });

  it.each([
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script href="2"/></svg>')],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>')],
    ['script', bytes("document.title='x'")],
    ['text starting BM', bytes('BMW listing photo caption, not a bitmap')],
    ['HEIC (not avif)', bytes([0, 0, 0, 0x18], 'ftypheic')],
    ['a truncated PNG signature', PNG_1X1.subarray(0, 5)],
    ['nothing', new Uint8Array()],
  ])('names no raster type for %s', (_what, b) => {
    expect(sniffRaster(b)).toBeUndefined();
  });
});

describe('inlineType', () => {
  it('serves raster bytes under their own type, whatever raster or generic label they came with', () => {
    for (const label of ['image/png', 'image/jpeg; name=x.jpg', 'IMAGE/PJPEG', 'application/octet-stream', '']) expect(inlineType(label, PNG_1X1)).toBe('image/png');
  });

  it('keeps image bytes out of the page when the label names another kind', () => {
    for (const label of ['image/svg+xml', 'text/html', 'application/javascript', 'application/pdf']) expect(inlineType(label, PNG_1X1)).toBeUndefined();
  });

  it('answers a non-image as an attachment under the media CSP', () => {
    const a = mediaAnswer({ contentType: 'image/png', body: bytes('<html><script>1</script>') });
    expect(a.headers).toMatchObject({ 'content-type': 'application/octet-stream', 'content-security-policy': "default-src 'none'; img-src 'self'; sandbox", 'x-content-type-options': 'nosniff' });
    expect(a.headers['content-disposition']).toMatch(/^attachment/);
  });
});
