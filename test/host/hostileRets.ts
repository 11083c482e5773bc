// A hostile RETS server on 127.0.0.1 for the media tests: it logs anyone in and answers GetObject
// with script dressed as photos, mislabelled bytes and Location URLs that are too big or not photos.
// Listing keys choose the attack (see `hostileKeys`).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A real 1x1 PNG. */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** What the hostile script does when it runs: sets the page title and saves a snippet through the API. */
export const HOSTILE_SCRIPT = "document.title='pwned';fetch('/api/snippets.save',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({name:'pwned',resource:'Property',class:'RES',query:'(X=1)'})});";
export const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script href="2"/><rect width="10" height="10"/></svg>`;
export const HOSTILE_HTML = `<!doctype html><html><head><title>photo</title></head><body><script>${HOSTILE_SCRIPT}</script></body></html>`;

export const hostileKeys = {
  /** Part 1 image/svg+xml loading part 2 (application/javascript) as its script. */
  svgScript: 'XSS1',
  /** One object labelled image/png that is an HTML page with script. */
  htmlAsPng: 'XSS2',
  /** A real PNG labelled image/png, and a real PNG labelled image/jpeg. */
  png: 'OK1',
  /** Location=1 style parts: a PNG, an HTML page, a body over the cap with and without Content-Length. */
  location: 'LOC1',
} as const;

export interface HostileRets { loginUrl: string; base: string; close(): Promise<void> }

export interface HostileOptions {
  /** Bytes the over-cap Location bodies send (more than the host's cap under test). */
  bigBytes: number;
}

interface Part { type: string; body: Buffer | string; location?: string }

const LOGIN = (base: string) => `<RETS ReplyCode="0" ReplyText="Success">\r\n<RETS-RESPONSE>\r\nMemberName=Hostile\r\nUser=joe,0,0,0\r\nLogin=${base}/rets/login\r\nLogout=${base}/rets/logout\r\nGetObject=${base}/rets/getObject\r\nSearch=${base}/rets/search\r\nGetMetadata=${base}/rets/getMetadata\r\n</RETS-RESPONSE>\r\n</RETS>\r\n`;

function multipart(res: ServerResponse, key: string, parts: Part[]): void {
  const boundary = 'HOSTILE-BOUNDARY';
  const chunks: Buffer[] = [];
  parts.forEach((p, i) => {
    const head = [`--${boundary}`, `Content-ID: ${key}`, `Object-ID: ${i + 1}`, `Content-Type: ${p.type}`, ...(p.location ? [`Location: ${p.location}`] : [])];
    chunks.push(Buffer.from(`${head.join('\r\n')}\r\n\r\n`), Buffer.from(p.body), Buffer.from('\r\n'));
  });
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  res.writeHead(200, { 'content-type': `multipart/parallel; boundary="${boundary}"`, 'rets-version': 'RETS/1.7.2', 'mime-version': '1.0' });
  res.end(Buffer.concat(chunks));
}

function sendBig(res: ServerResponse, bytes: number, declare: boolean): void {
  res.writeHead(200, { 'content-type': 'image/jpeg', ...(declare ? { 'content-length': String(bytes) } : {}) });
  const block = Buffer.alloc(64 * 1024, 0xff);
  let sent = 0;
  const pump = (): void => {
    while (sent < bytes) {
      const n = Math.min(block.length, bytes - sent);
      sent += n;
      if (!res.write(block.subarray(0, n))) { res.once('drain', pump); return; }
    }
    res.end();
  };
  pump();
}

export async function startHostileRets(opts: HostileOptions): Promise<HostileRets> {
  let base = '';
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    const u = new URL(req.url ?? '/', 'http://x');
    res.on('error', () => undefined);
    switch (u.pathname) {
      case '/rets/login':
        res.writeHead(200, { 'content-type': 'text/xml', 'rets-version': 'RETS/1.7.2', 'set-cookie': 'RETS-Session-ID=hostile; path=/' });
        res.end(LOGIN(base));
        return;
      case '/rets/logout':
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end('<RETS ReplyCode="0" ReplyText="Bye"/>');
        return;
      case '/rets/getObject': {
        const key = (u.searchParams.get('ID') ?? '').split(':')[0];
        const type = u.searchParams.get('Type') ?? '';
        if (type !== 'Photo') { res.writeHead(200, { 'content-type': 'text/xml' }); res.end('<RETS ReplyCode="20403" ReplyText="No Object Found"/>'); return; }
        if (key === hostileKeys.svgScript) return multipart(res, key, [{ type: 'image/svg+xml', body: HOSTILE_SVG }, { type: 'application/javascript', body: HOSTILE_SCRIPT }]);
        if (key === hostileKeys.htmlAsPng) return multipart(res, key, [{ type: 'image/png', body: HOSTILE_HTML }]);
        if (key === hostileKeys.png) return multipart(res, key, [{ type: 'image/png', body: PNG_1X1 }, { type: 'image/jpeg', body: PNG_1X1 }]);
        if (key === hostileKeys.location) {
          return multipart(res, key, ['ok.png', 'page.html', 'big-declared.jpg', 'big-chunked.jpg'].map((f) => ({ type: 'image/jpeg', body: '', location: `${base}/photos/${f}` })));
        }
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end('<RETS ReplyCode="20403" ReplyText="No Object Found"/>');
        return;
      }
      case '/photos/ok.png':
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(PNG_1X1.length) });
        res.end(PNG_1X1);
        return;
      case '/photos/page.html':
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        res.end(HOSTILE_HTML);
        return;
      case '/photos/big-declared.jpg':
        return sendBig(res, opts.bigBytes, true);
      case '/photos/big-chunked.jpg':
        return sendBig(res, opts.bigBytes, false);
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
    }
  });
  server.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base, loginUrl: `${base}/rets/login`,
    close: () => new Promise<void>((done) => { for (const s of sockets) s.destroy(); server.close(() => done()); }),
  };
}
