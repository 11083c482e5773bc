// How the host serves an MLS's objects (browser mode's /media/ and Electron's media scheme alike).
// The bytes come from a server we do not control and are served from the app's own origin, so the
// server's Content-Type is never trusted: only raster images, recognised by their signature, are
// shown inline, under the type their bytes say (a PNG labelled image/jpeg is served as image/png:
// browsers decode by the bytes anyway, and MLSs mislabel often). A label naming something else
// (SVG, HTML, script, PDF…) keeps even image bytes out of the page. Everything else is a download
// (application/octet-stream, attachment). Every answer, errors too, carries a CSP that allows no
// script and sandboxes the document, and nosniff.

/** Raster types a browser shows without running anything. SVG is not one of them. */
export type RasterType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/bmp' | 'image/avif';

export const MEDIA_CSP = "default-src 'none'; img-src 'self'; sandbox";

/**
 * Headers on every media answer, whatever it holds. No Cross-Origin-Resource-Policy here: the
 * desktop page (app://) loads photos from the media scheme, another origin; browser mode adds its own.
 */
export const MEDIA_GUARD_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': MEDIA_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const BMP_DIB_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** The raster type the bytes' signature names, or undefined (looks only at the first 32 bytes). */
export function sniffRaster(b: Uint8Array): RasterType | undefined {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'image/webp';
  // 'BM', then the DIB header's size at 14 is one of the sizes Windows and OS/2 define.
  if (startsWith(b, ascii('BM')) && b.length >= 18 && BMP_DIB_SIZES.has(b[14] | (b[15] << 8) | (b[16] << 16) | (b[17] << 24))) return 'image/bmp';
  // ISO-BMFF: a size, 'ftyp', then the major brand.
  if (startsWith(b, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...b.subarray(8, 12));
    if (AVIF_BRANDS.has(brand)) return 'image/avif';
  }
  return undefined;
}

/** Labels a server may put on raster bytes; anything else names a kind we will not show inline. */
const RASTER_LABELS = new Set([
  'image/png', 'image/x-png', 'image/jpeg', 'image/jpg', 'image/pjpeg', 'image/gif', 'image/webp',
  'image/bmp', 'image/x-bmp', 'image/x-ms-bmp', 'image/avif',
  // Generic labels some MLSs put on every object.
  'application/octet-stream', 'binary/octet-stream', '',
]);

function mediaType(label: string): string {
  return label.split(';')[0].trim().toLowerCase();
}

/** The type to serve inline, or undefined when the object must be a download. */
export function inlineType(label: string, bytes: Uint8Array): RasterType | undefined {
  const sniffed = sniffRaster(bytes);
  return sniffed && RASTER_LABELS.has(mediaType(label)) ? sniffed : undefined;
}

export interface MediaAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/** The answer for an object the host holds (label = the server's Content-Type), or for none. */
export function mediaAnswer(media: { contentType: string; body: Uint8Array } | undefined): MediaAnswer {
  if (!media) return { status: 404, headers: { ...MEDIA_GUARD_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body: 'No such object.' };
  const type = inlineType(media.contentType, media.body);
  return {
    status: 200,
    headers: {
      ...MEDIA_GUARD_HEADERS,
      'content-type': type ?? 'application/octet-stream',
      'content-disposition': type ? 'inline' : 'attachment; filename="object.bin"',
      'content-length': String(media.body.length),
      'cache-control': 'private, max-age=3600',
    },
    body: media.body,
  };
}

const DOWNLOAD_TYPES: Record<string, string> = { csv: 'text/csv; charset=utf-8', jsonl: 'application/jsonl; charset=utf-8', json: 'application/json; charset=utf-8' };

/** Headers for an exported file handed out as a download. */
export function downloadHeaders(fileName: string): Record<string, string> {
  return {
    ...MEDIA_GUARD_HEADERS,
    'content-type': DOWNLOAD_TYPES[fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()] ?? 'text/csv; charset=utf-8',
    'cache-control': 'no-store',
    'content-disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`,
  };
}
