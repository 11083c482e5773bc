// Two searches find the session expired at once and wait on one re-login. Cancelling the search
// that started it ends only that search's wait: the re-login goes on and the other search gets its
// rows. The server in this file holds the re-login until the test lets it go, so the order of
// events is fixed: A starts the re-login, B joins it, A is cancelled, then the login answers.
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetsSession } from '../../electron/rets/session';
import { DEFAULT_SETTINGS } from '../../electron/rets/types';
import { isRetsError } from '../../shared/rets/errors';
import { collect } from './helpers';

const LOGIN = ['<RETS ReplyCode="0" ReplyText="OK">', '<RETS-RESPONSE>', 'MemberName=Gate', 'User=u,1,Agent,A1', 'Broker=B,1',
  'MetadataVersion=1.0.0', 'TimeoutSeconds=1800', 'Search=/rets/search', '</RETS-RESPONSE>', '</RETS>', ''].join('\r\n');
const EXPIRED = '<RETS ReplyCode="20701" ReplyText="Not logged in" />\r\n';
const ROWS = (q: string) => ['<RETS ReplyCode="0" ReplyText="OK">', '<DELIMITER value="09"/>', '<COLUMNS>\tID\t</COLUMNS>', `<DATA>\t${q}\t</DATA>`, '</RETS>', ''].join('\r\n');

const events = new EventEmitter();
let server: Server;
let loginUrl: string;
let session = 0; // the session id the server accepts
let logins = 0;
let releaseLogin: () => void = () => {};
let heldB: (() => void) | undefined;

function sid(req: IncomingMessage): number {
  return Number(/RETS-Session-ID=s(\d+)/.exec(req.headers.cookie ?? '')?.[1] ?? -1);
}

function answerLogin(res: ServerResponse): void {
  logins += 1;
  session = logins;
  res.setHeader('Set-Cookie', `RETS-Session-ID=s${session}; Path=/`);
  res.end(LOGIN);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('Content-Type', 'text/xml');
    if (url.pathname === '/rets/login') {
      if (logins === 0) return answerLogin(res);
      releaseLogin = () => answerLogin(res); // the re-login waits for the test
      heldB?.(); // and only now does B learn its session expired
      events.emit('login-held');
      return;
    }
    const q = url.searchParams.get('Query') ?? '';
    if (sid(req) === session) return res.end(ROWS(q.includes('B') ? 'B' : 'A'));
    if (q.includes('B')) { heldB = () => res.end(EXPIRED); return; }
    res.end(EXPIRED);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  loginUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rets/login`;
});
afterAll(() => { server.closeAllConnections(); server.close(); });

describe('a shared re-login', () => {
  it('survives the cancel of the search that started it', { timeout: 30_000 }, async () => {
    const s = new RetsSession({ ...DEFAULT_SETTINGS, loginUrl, username: 'u', password: 'p', userAgent: 'Workbench/1.0', authScheme: 'basic', connectTimeoutMs: 5000, idleTimeoutMs: 20_000 });
    await s.login();
    session = -1; // the server forgets the session
    const a = new AbortController();
    const params = (q: string) => ({ resource: 'Property', class: 'RES', query: q, format: 'COMPACT' as const, limit: 1 });
    // B's expiry answer is read once the re-login is on the wire; it then waits on that login.
    const bRead = new Promise<void>((resolve) => {
      const off = s.trace.subscribe((entry, event) => { if (event === 'end' && entry.transaction === 'Search' && entry.url.includes('B')) { off(); resolve(); } });
    });
    const held = once(events, 'login-held');
    const runA = collect(s.search(params('(ID=A)'), a.signal)).then(() => undefined, (e: unknown) => e);
    const runB = collect(s.search(params('(ID=B)'), new AbortController().signal));
    await held;
    await bRead;
    await new Promise((resolve) => setImmediate(resolve)); // B reaches the shared login (no I/O on that path)
    a.abort();
    const errA = await runA;
    expect(isRetsError(errA) && errA.info.kind).toBe('cancelled');
    releaseLogin();
    expect((await runB).rows).toEqual([['B']]);
    expect(logins).toBe(2);
    await s.close();
  });
});
