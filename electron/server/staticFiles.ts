// Serves the built renderer (Vite output in dist/renderer) with the right content types; unknown
// paths fall back to index.html (a single-page app).
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { sendFile } from './sendFile';
import { SECURITY_HEADERS } from './security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The path under root for a URL path, or undefined when it climbs out (or cannot be decoded). */
function underRoot(root: string, urlPath: string): string | undefined {
  let rel: string;
  try { rel = decodeURIComponent(urlPath); } catch { return undefined; }
  const path = normalize(join(root, rel));
  return path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep) ? undefined : path;
}

function headersFor(file: string, urlPath: string): Record<string, string> {
  const immutable = urlPath.startsWith('/assets/');
  return {
    ...SECURITY_HEADERS,
    'content-type': contentTypeOf(file),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}

/** Sends the file for a URL path (index.html for `/` and for extensionless app routes); false when there is none. */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<boolean> {
  const asked = underRoot(root, urlPath === '/' ? '/index.html' : urlPath);
  if (asked && (await sendFile(res, asked, headersFor(asked, urlPath)))) return true;
  if (extname(urlPath) !== '') return false;
  const index = join(root, 'index.html');
  return sendFile(res, index, headersFor(index, urlPath));
}
