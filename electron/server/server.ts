// Browser mode: the host services over HTTP on 127.0.0.1. POST /api/<call> for each contract
// call (JSON in, envelope out), GET /api/events for the event stream (frames), /media/... for photos,
// /downloads/... for exported files, and the built renderer for everything else. Every request
// carries the token and passes the Host and Origin checks.
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { httpPaths, type Envelope } from '../../shared/contract';
import type { Host } from '../host/host';
import { downloadHeaders, MEDIA_CSP, mediaAnswer } from '../host/mediaPolicy';
import { BodyTooLarge, discardBody, readBody } from './jsonBody';
import { sendFile } from './sendFile';
import { openEventStream } from './eventStream';
import { serveStatic } from './staticFiles';
import { handleUpload } from './uploads';
import { hostAllowed, MalformedRequest, newToken, originAllowed, requestToken, safeDecode, sameToken, SECURITY_HEADERS, tokenCookie } from './security';

export interface BrowserServerOptions {
  host: Host;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer (dist/renderer); when absent only the API is served. */
  rendererDir?: string;
  /** Fixed token (tests); random otherwise. */
  token?: string;
  /** Largest JSON body of an API call (files travel through the upload endpoint, not here). */
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

// A JSON answer is never a page: the media CSP (no script, sandboxed) suits every one of them,
// including the refusals and errors given on /media/ and /downloads/ paths.
const JSON_HEADERS = { ...SECURITY_HEADERS, 'content-security-policy': MEDIA_CSP, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, JSON_HEADERS);
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, message: string): void {
  const env: Envelope<never> = { ok: false, error: { kind: 'auth', transaction: 'Other', message, hint: 'Open the URL printed by `rets-workbench serve` (it carries the token).' } };
  sendJson(res, status, env);
}

function badRequest(res: ServerResponse, message: string): void {
  sendJson(res, 400, { ok: false, error: { kind: 'input', transaction: 'Other', message, hint: 'Check the address: a % must be followed by two hex digits.' } });
}

/** What the largest contract call needs (a long query, a snippet, a profile), with room to spare. */
export const MAX_JSON_BODY = 4 * 1024 * 1024;

export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const token = opts.token ?? newToken();
  const maxBody = opts.maxBodyBytes ?? MAX_JSON_BODY;
  const closers = new Set<() => void>();
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still sends its own Host header.
    if (!hostAllowed(req, port)) return refuse(res, 421, 'This server answers only to 127.0.0.1 and localhost.');
    if (!originAllowed(req, port)) return refuse(res, 403, 'Requests from other web sites are refused.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    let given: string | undefined;
    try {
      given = requestToken(req, url);
    } catch (err) {
      if (err instanceof MalformedRequest) return badRequest(res, err.message);
      throw err;
    }
    if (!sameToken(given, token)) return refuse(res, 401, 'Missing or wrong access token.');

    const path = url.pathname;
    // Every route below decodes its part of the path: a malformed escape is the caller's error.
    if (safeDecode(path) === undefined) return badRequest(res, 'The address has a malformed %-escape.');
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
        if (err instanceof BodyTooLarge) {
          // Read the rest and drop it, so the client gets to read the 413 instead of a reset.
          discardBody(req);
          return sendJson(res, 413, { ok: false, error: { kind: 'input', transaction: 'Other', message: `The request is too large (API calls take at most ${maxBody / 1048576} MB).`, hint: 'Files go through the upload endpoint, not an API call.' } });
        }
        return sendJson(res, 400, { ok: false, error: { kind: 'input', transaction: 'Other', message: 'The request body is not valid JSON.' } });
      }
      const name = decodeURIComponent(path.slice('/api/'.length));
      const { envelope, refused } = await opts.host.dispatch(name, body);
      const status = refused === 'unknown-call' ? 404 : refused === 'invalid-request' ? 400 : 200;
      return sendJson(res, status, envelope);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { kind: 'input', transaction: 'Other', message: 'Method not allowed.' } });

    if (path.startsWith('/media/')) {
      const answer = mediaAnswer(await opts.host.media(path.slice('/media/'.length)));
      // The page's guards (frame, opener, resource policy), with the media CSP in place of the page's.
      res.writeHead(answer.status, { ...SECURITY_HEADERS, ...answer.headers });
      res.end(answer.body);
      return;
    }

    if (path.startsWith('/downloads/')) {
      const file = opts.host.download(decodeURIComponent(path.slice('/downloads/'.length)));
      if (!file) return sendJson(res, 404, { ok: false, error: { kind: 'input', transaction: 'Other', message: 'No such download.' } });
      if (await sendFile(res, file.path, { ...SECURITY_HEADERS, ...downloadHeaders(file.fileName) })) return;
      return sendJson(res, 404, { ok: false, error: { kind: 'input', transaction: 'Other', message: `The exported file "${file.fileName}" is no longer there: it was moved or removed since the export.`, hint: 'Run the export again.' } });
    }

    if (opts.rendererDir && (await serveStatic(opts.rendererDir, path, res))) return;
    res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    // Asked per request: a build made while the server runs is served on the next reload.
    const built = opts.rendererDir !== undefined && existsSync(join(opts.rendererDir, 'index.html'));
    res.end(built ? 'Not found.' : 'The renderer is not built: run `npm run build:renderer`, then reload this page.');
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
