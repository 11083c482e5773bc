// Plain node:http requests (fetch will not send a foreign Host header) and a reader of the
// event stream (frames, shared/contract/frames.ts) for the browser-mode tests.
import { request, type IncomingHttpHeaders } from 'node:http';
import { FrameReader } from '../../shared/contract/frames';

export interface Reply { status: number; headers: IncomingHttpHeaders; body: string; json: () => unknown }

export function httpRequest(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
      });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('request timed out')));
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** POST /api/<name> with the token header. */
export function api(port: number, token: string, name: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return httpRequest(port, { method: 'POST', path: `/api/${name}`, headers: { 'content-type': 'application/json', 'x-rets-workbench-token': token, ...headers }, body: JSON.stringify(body) });
}

export interface EventStream {
  status: number;
  contentType: string;
  events: unknown[];
  /** Resolves with the first event (already received or coming) that matches. */
  next(match: (e: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  close(): void;
}

export function openEvents(port: number, path: string, headers: Record<string, string> = {}): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const events: unknown[] = [];
      const waiters: { match: (e: unknown) => boolean; resolve: (e: unknown) => void }[] = [];
      const frames = new FrameReader();
      res.on('data', (chunk: Buffer) => {
        if (res.statusCode !== 200) return;
        for (const e of frames.push(chunk)) {
          events.push(e);
          for (const w of [...waiters]) if (w.match(e)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(e); }
        }
      });
      resolve({
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type']),
        events,
        next(match, timeoutMs = 10_000) {
          const seen = events.find(match);
          if (seen) return Promise.resolve(seen);
          return new Promise((res2, rej2) => {
            const t = setTimeout(() => rej2(new Error('no matching event in time')), timeoutMs);
            waiters.push({ match, resolve: (e) => { clearTimeout(t); res2(e); } });
          });
        },
        close() { req.destroy(); },
      });
    });
    req.on('error', (err) => { if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err); });
    req.end();
  });
}
