// A login answered by a hostile or broken web server on 127.0.0.1: an HTML error page under
// HTTP 401 (240 KB, shaped to make regexes rescan it) and an HTML page under HTTP 200. The
// error names the HTTP status and the page's title, and reading it does not freeze the host.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RetsSession } from '../../electron/rets/session';
import { DEFAULT_SETTINGS } from '../../electron/rets/types';
import { rejection } from './helpers';

let server: Server | undefined;
let session: RetsSession | undefined;
afterEach(async () => {
  await session?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  session = undefined;
});

/** A server answering every request with this status and HTML page; a session pointed at it. */
async function pageServer(status: number, page: string): Promise<RetsSession> {
  server = createServer((_req, res) => { res.writeHead(status, { 'content-type': 'text/html' }); res.end(page); });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  session = new RetsSession({ ...DEFAULT_SETTINGS, loginUrl: `http://127.0.0.1:${port}/rets/login`, username: 'joe', password: 'pw', connectTimeoutMs: 2000, idleTimeoutMs: 10_000 });
  return session;
}

describe('HTML pages answering a login', () => {
  it('HTTP 401 with a 240 KB hostile page: an auth error naming the status and the page title', async () => {
    const page = '<html><head><title>Access denied by gateway</title></head><body>' + '<title'.repeat(40_000);
    const s = await pageServer(401, page);
    const e = await rejection(s.login());
    expect(e.info).toMatchObject({ kind: 'auth', transaction: 'Login', httpStatus: 401 });
    expect(e.info.cause).toContain('HTTP 401');
    expect(e.info.cause).toContain('"Access denied by gateway"');
  });

  it('HTTP 200 with an HTML page: a parse error naming the status and the page title', async () => {
    const s = await pageServer(200, '<!DOCTYPE html><html><head><title>Portal login</title></head><body><form></form></body></html>');
    const e = await rejection(s.login());
    expect(e.info).toMatchObject({ kind: 'parse', transaction: 'Login', httpStatus: 200 });
    expect(e.message).toContain('HTTP 200');
    expect(e.message).toContain('"Portal login"');
  });
});
