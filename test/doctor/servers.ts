// Small endpoints on 127.0.0.1 that each misbehave one way, for the doctor to diagnose.
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { DEFAULT_SETTINGS, type ConnectionSettings } from '../../electron/rets/types';

export interface Endpoint { port: number; url: string; close(): Promise<void> }

function listen(server: Server | ReturnType<typeof createNetServer>, scheme: string, sockets: Set<Socket>): Promise<Endpoint> {
  server.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        port, url: `${scheme}://127.0.0.1:${port}/rets/login`,
        close: () => new Promise<void>((done) => { for (const s of sockets) s.destroy(); server.close(() => done()); }),
      });
    });
  });
}

export function httpEndpoint(handler: RequestListener): Promise<Endpoint> {
  return listen(createHttpServer(handler), 'http', new Set());
}

export function httpsEndpoint(pem: { key: string; cert: string }, handler: RequestListener): Promise<Endpoint> {
  return listen(createHttpsServer({ key: pem.key, cert: pem.cert }, handler) as unknown as Server, 'https', new Set());
}

/** Accepts TCP connections and never says a word. */
export function silentEndpoint(): Promise<Endpoint> {
  return listen(createNetServer(() => {}), 'http', new Set());
}

/** A port that was free a moment ago: connecting is refused. */
export async function closedPort(): Promise<number> {
  const e = await listen(createNetServer(), 'http', new Set());
  await e.close();
  return e.port;
}

export function settings(loginUrl: string, more: Partial<ConnectionSettings> = {}): ConnectionSettings {
  return { ...DEFAULT_SETTINGS, loginUrl, username: 'joe', password: 'S3cret-pw!', ...more };
}

const LOGIN_BODY = '<RETS ReplyCode="0" ReplyText="Success">\r\n<RETS-RESPONSE>\r\nMemberName=Joe\r\nLogin=/rets/login\r\nLogout=/rets/logout\r\n</RETS-RESPONSE>\r\n</RETS>\r\n';

/** A RETS login that accepts only HTTP Basic joe / S3cret-pw!. */
export const basicOnly: RequestListener = (req, res) => {
  const ok = req.headers.authorization === `Basic ${Buffer.from('joe:S3cret-pw!').toString('base64')}`;
  if (!ok) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="Basic RETS"', 'Content-Type': 'text/xml' });
    res.end('<RETS ReplyCode="20036" ReplyText="Unauthorized"/>');
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/xml', 'RETS-Version': 'RETS/1.7.2' });
  res.end(LOGIN_BODY);
};

/** Accepts and resets at once, as allow-list firewalls do. */
export function resettingEndpoint(): Promise<Endpoint> {
  return listen(createNetServer((s) => { s.resetAndDestroy(); }), 'http', new Set());
}

/** Asks for Basic, then refuses any RETS-Version but 1.7.2 with HTTP 400 and 20036 (rets-client#110). */
export const versionRefusing: RequestListener = (req, res) => {
  if (!req.headers.authorization) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="RETS"' });
    res.end();
    return;
  }
  if (req.headers['rets-version'] !== 'RETS/1.7.2') {
    res.writeHead(400, { 'Content-Type': 'text/xml' });
    res.end(`<RETS ReplyCode="20036" ReplyText="Unsupported RETS-Version: ${String(req.headers['rets-version'])}"/>`);
    return;
  }
  basicOnly(req, res);
};
