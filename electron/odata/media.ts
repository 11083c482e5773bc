// Media of a record: rows of the Media resource (by ResourceRecordKey, or expanded into each row
// with $expand=Media), and the image behind a MediaURL fetched by the host under the hardening
// rules: http(s) only, a size cap, an HTML page is an error, and only raster bytes are a photo.
import { ODataError } from '../../shared/odata/errors';
import { parseJsonCapped } from '../../shared/odata/jsonCapped';
import type { ODataRowBatch } from '../../shared/odata/payload';
import { isRetsError } from '../../shared/rets/errors';
import { sniffRaster, type RasterType } from '../host/mediaPolicy';
import { fetchLocationPhoto } from '../host/locationPhoto';
import { redactUrl } from '../../shared/redact';

export interface MediaItem {
  mediaKey: string;
  url: string;
  order?: number;
  category?: string;
  mimeType?: string;
  /** Every member as text (nested values as JSON). */
  raw: Record<string, string>;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

export function mediaItem(row: Record<string, unknown>): MediaItem {
  const raw: Record<string, string> = {};
  for (const k of Object.keys(row)) raw[k] = text(row[k]);
  const order = Number(raw.Order);
  return {
    mediaKey: raw.MediaKey ?? '', url: raw.MediaURL ?? '',
    order: raw.Order !== undefined && raw.Order !== '' && Number.isFinite(order) ? order : undefined,
    category: raw.MediaCategory || undefined, mimeType: raw.MimeType || undefined, raw,
  };
}

/** The Media expanded into one row of a batch ($expand=Media); [] when the row has none. */
export function expandedMedia(batch: ODataRowBatch, row: number, column = 'Media'): MediaItem[] {
  const c = batch.columns.indexOf(column);
  if (c < 0 || batch.kind(row, c) !== 'array') return [];
  const items = parseJsonCapped(batch.json(row, c), 16);
  return Array.isArray(items) ? items.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)).map(mediaItem) : [];
}

export interface MediaImage { type: RasterType; bytes: Uint8Array }

/** The image at a MediaURL: raster bytes at most `cap`, else a typed error. */
export async function fetchMediaImage(url: string, cap: number, signal?: AbortSignal): Promise<MediaImage> {
  let bytes: Uint8Array;
  try {
    bytes = await fetchLocationPhoto(url, cap, signal);
  } catch (e) {
    if (!isRetsError(e)) throw e;
    const { kind, message, cause, hint, httpStatus } = e.info;
    throw new ODataError({ kind: kind === 'rets' ? 'http' : kind, operation: 'Media', url: redactUrl(url), message: message.replace('object\'s Location URL', 'MediaURL').replace('photo URL', 'MediaURL'), cause, hint, httpStatus }, { cause: e });
  }
  const type = sniffRaster(bytes);
  if (!type) {
    throw new ODataError({
      kind: 'parse', operation: 'Media', url: redactUrl(url),
      message: 'The MediaURL did not answer with an image the workbench shows.',
      cause: 'Its bytes are not PNG, JPEG, GIF, WebP, BMP or AVIF (a document, a video, SVG or an error page).',
      hint: 'Open the MediaURL in a browser to see what it holds.',
    });
  }
  return { type, bytes };
}

/** What the gallery says of a Media item: its description (long, else short) and its image size. */
export function mediaDescription(m: MediaItem): string {
  const r = m.raw;
  const text = r.LongDescription || r.ShortDescription || '';
  const size = r.ImageSizeDescription || (r.ImageWidth && r.ImageHeight ? `${r.ImageWidth}×${r.ImageHeight}` : '');
  return text && size ? `${text} · ${size}` : text || size;
}
