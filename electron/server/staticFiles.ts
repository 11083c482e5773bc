// Serves the built renderer (Vite output in dist/renderer) with the right content types; unknown
// paths fall back to index.html (a single-page app).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
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

/** The file under root for a URL path, or undefined when it climbs out or does not exist. */
async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  let rel: string;
  try { rel = decodeURIComponent(urlPath); } catch { return undefined; }
  const path = normalize(join(root, rel));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    const st = await stat(path);
    return st.isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<boolean> {
  const file = (await resolveFile(root, urlPath === '/' ? '/index.html' : urlPath))
    ?? (extname(urlPath) === '' ? await resolveFile(root, '/index.html') : undefined);
  if (!file) return false;
  const immutable = urlPath.startsWith('/assets/');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': contentTypeOf(file),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
  return true;
}
