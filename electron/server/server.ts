// Browser mode: the host services over HTTP on 127.0.0.1. POST /api/<call> for each contract
// call (JSON in, envelope out), GET /api/events for Server-Sent Events, /media/... for photos,
// /downloads/... for exported files, and the built renderer for everything else. Every request
// carries the token and passes the Host and Origin checks.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReadStream } from 'node:fs';
import { httpPaths, type Envelope } from '../../shared/contract';
import type { Host } from '../host/host';
import { openEventStream } from './sse';
import { serveStatic } from './staticFiles';
import { handleUpload } from './uploads';
import { hostAllowed, newToken, originAllowed, requestToken, sameToken, SECURITY_HEADERS, tokenCookie } from './security';

export interface BrowserServerOptions {
  host: Host;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer (dist/renderer); when absent only the API is served. */
  rendererDir?: string;
  /** Fixed token (tests); random otherwise. */
  token?: string;
  /** Largest request body (metadata dumps can be big). */
  maxBodyBytes?: number;
  /** Largest upload (default 1 GiB). */
  maxUploadBytes?: number;
}

export interface BrowserServer {
  url: string;
  /** The URL to open: it carries the token once, then the cookie takes over. */
  openUrl: string;
  token: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const JSON_HEADERS = { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, JSON_HEADERS);
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, message: string): void {
  const env: Envelope<never> = { ok: false, error: { kind: 'auth', transaction: 'Other', message, hint: 'Open the URL printed by `rets-workbench serve` (it carries the token).' } };
  sendJson(res, status, env);
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) { reject(new BodyTooLarge()); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const token = opts.token ?? newToken();
  const maxBody = opts.maxBodyBytes ?? 256 * 1024 * 1024;
  const closers = new Set<() => void>();
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still sends its own Host header.
    if (!hostAllowed(req, port)) return refuse(res, 421, 'This server answers only to 127.0.0.1 and localhost.');
    if (!originAllowed(req, port)) return refuse(res, 403, 'Requests from other web sites are refused.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const given = requestToken(req, url);
    if (!sameToken(given, token)) return refuse(res, 401, 'Missing or wrong access token.');

    const path = url.pathname;
    // The token arrived in the URL: keep it in a cookie and take it out of the address bar.
    if (req.method === 'GET' && url.searchParams.has(httpPaths.tokenQuery) && path !== httpPaths.events) {
      url.searchParams.delete(httpPaths.tokenQuery);
      res.writeHead(303, { ...SECURITY_HEADERS, 'set-cookie': tokenCookie(token), location: url.pathname + url.search });
      res.end();
      return;
    }

    if (path === httpPaths.events && req.method === 'GET') {
      const close = openEventStream(res, opts.host.events);
      closers.add(close);
      res.on('close', () => closers.delete(close));
      return;
    }

    if (path === httpPaths.upload) return handleUpload(req, res, url, opts.host, opts.maxUploadBytes);
    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { kind: 'input', transaction: 'Other', message: 'Use POST for API calls.' } });
      // A JSON content type cannot be sent by a plain cross-site form: one more CSRF guard.
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        return sendJson(res, 415, { ok: false, error: { kind: 'input', transaction: 'Other', message: 'API calls take application/json.' } });
      }
      let body: unknown;
      try {
        const text = await readBody(req, maxBody);
        body = text.trim() === '' ? {} : JSON.parse(text);
      } catch (err) {
        const message = err instanceof BodyTooLarge ? 'The request is too large.' : 'The request body is not valid JSON.';
        return sendJson(res, err instanceof BodyTooLarge ? 413 : 400, { ok: false, error: { kind: 'input', transaction: 'Other', message } });
      }
      const name = decodeURIComponent(path.slice('/api/'.length));
      const envelope = await opts.host.call(name, body);
      const status = envelope.ok ? 200 : envelope.error.kind === 'input' && /^(The request|There is no call)/.test(envelope.error.message) ? (envelope.error.message.startsWith('There is no call') ? 404 : 400) : 200;
      return sendJson(res, status, envelope);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { kind: 'input', transaction: 'Other', message: 'Method not allowed.' } });

    if (path.startsWith('/media/')) {
      const media = await opts.host.media(path.slice('/media/'.length));
      if (!media) return sendJson(res, 404, { ok: false, error: { kind: 'input', transaction: 'GetObject', message: 'No such object.' } });
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': media.contentType, 'content-length': media.body.length, 'cache-control': 'private, max-age=3600' });
      res.end(media.body);
      return;
    }

    if (path.startsWith('/downloads/')) {
      const file = opts.host.download(decodeURIComponent(path.slice('/downloads/'.length)));
      if (!file) return sendJson(res, 404, { ok: false, error: { kind: 'input', transaction: 'Other', message: 'No such download.' } });
      res.writeHead(200, {
        ...SECURITY_HEADERS, 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store',
        'content-disposition': `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, '_')}"`,
      });
      createReadStream(file.path).pipe(res);
      return;
    }

    if (opts.rendererDir && (await serveStatic(opts.rendererDir, path, res))) return;
    res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    res.end(opts.rendererDir ? 'Not found.' : 'The renderer is not built: run `npm run build:renderer`.');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { kind: 'internal', transaction: 'Other', message: `The workbench host failed: ${err instanceof Error ? err.message : String(err)}` } });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;

  return {
    url, token, port, server,
    openUrl: `${url}?${httpPaths.tokenQuery}=${encodeURIComponent(token)}`,
    async close() {
      for (const c of [...closers]) c();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
