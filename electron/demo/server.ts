// The demo MLS HTTP server: reads arguments (GET or POST form), authenticates (Digest/Basic, the
// session cookie, RETS-UA-Authorization), applies the account's failure mode, and dispatches.
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { findAccount, type DemoAccount } from './accounts';
import { claimedUser, uaDigest } from './auth';
import { ClientGone } from './bodyWriter';
import { type Ctx, type ServerState, baseHeaders, retsVersionHeader, sendReply } from './context';
import { PATHS, handleApiSettings, handleLogin, handleLogout } from './login';
import { handleGetMetadata } from './metadataTx';
import { handleMedia, handleGetObject } from './objectTx';
import { handleSearch } from './searchTx';
import { readCookie } from './sessions';
import { handleWebApi, isWebApiPath } from './webapi/handler';

type Tx = 'login' | 'search' | 'getMetadata' | 'getObject' | 'logout' | 'action' | 'api';
const ROUTES: Record<string, Tx> = {
  [PATHS.login.toLowerCase()]: 'login', [PATHS.search.toLowerCase()]: 'search', [PATHS.getMetadata.toLowerCase()]: 'getMetadata',
  [PATHS.getObject.toLowerCase()]: 'getObject', [PATHS.logout.toLowerCase()]: 'logout', [PATHS.action.toLowerCase()]: 'action',
  [PATHS.api.toLowerCase()]: 'api',
};
/** Reply code for a rate-limited request, by transaction. */
const RATE_CODES: Record<Tx, number> = { login: 20036, search: 20210, getMetadata: 20512, getObject: 20412, logout: 20702, action: 20036, api: 20036 };

export async function handleRequest(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const ctx: Ctx = { req, res, state, path: url.pathname, args: new Map(), extraHeaders: {} };
  try {
    if (url.pathname.startsWith(PATHS.media)) return await handleMedia(ctx);
    if (isWebApiPath(url.pathname)) return await handleWebApi(state.webApi(), state.tuning, state.baseUrl, req, res);
    const tx = ROUTES[url.pathname.toLowerCase()];
    if (!tx) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Not found: ${url.pathname}. The RETS login URL is ${state.baseUrl}${PATHS.login}\n`);
      return;
    }
    for (const [k, v] of url.searchParams) ctx.args.set(k.toLowerCase(), v);
    if (req.method === 'POST') for (const [k, v] of new URLSearchParams(await readBody(req))) ctx.args.set(k.toLowerCase(), v);
    if (!(await gate(ctx, tx))) return;
    await dispatch(ctx, tx);
  } catch (e) {
    if (e instanceof ClientGone) return;
    if (!res.headersSent) sendReply(ctx, 10000, `System error: ${(e as Error).message}`, 500);
    else res.destroy();
  }
}

async function dispatch(ctx: Ctx, tx: Tx): Promise<void> {
  switch (tx) {
    case 'login': return handleLogin(ctx);
    case 'logout': return handleLogout(ctx);
    case 'getMetadata': return handleGetMetadata(ctx);
    case 'search': return handleSearch(ctx);
    case 'getObject': return handleGetObject(ctx);
    case 'api': return handleApiSettings(ctx);
    case 'action': {
      const body = 'Welcome to the Demo MLS. All data is synthetic.\r\n';
      ctx.res.writeHead(200, { ...baseHeaders(ctx, 'text/plain; charset=utf-8'), 'Content-Length': Buffer.byteLength(body) });
      ctx.res.end(body);
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => { size += c.length; if (size < 1_000_000) chunks.push(c); });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function challenge(ctx: Ctx, account: DemoAccount | undefined, code: number, text: string, stale = false): false {
  sendReply(ctx, code, text, 401, '', { 'WWW-Authenticate': ctx.state.auth.challenge(account, stale) });
  return false;
}

/** Authentication and the account's failure mode; false when a reply was already sent. */
async function gate(ctx: Ctx, tx: Tx): Promise<boolean> {
  const { state, req } = ctx;
  const header = req.headers.authorization;
  const cookie = readCookie(req.headers.cookie, 'RETS-Session-ID');
  if (tx !== 'login' && cookie) {
    const s = state.sessions.find(cookie);
    if (s === 'expired') {
      ctx.account = findAccount(claimedUser(header) ?? '');
      return challenge(ctx, ctx.account, 20701, 'Not logged in: the RETS-Session-ID is invalid or expired (session timed out). Log in again.');
    }
    if (s) { ctx.session = s; ctx.account = s.account; }
  }
  if (!ctx.account) {
    const claimed = findAccount(claimedUser(header) ?? '');
    if (claimed?.failure === 'bad-password') {
      return challenge(ctx, claimed, 20036, 'Unauthorized: user name or password is wrong.');
    }
    const v = state.auth.verify(header, req.method ?? 'GET', (u) => findAccount(u)?.password, (u) => findAccount(u)?.auth);
    if (!v.ok) {
      return challenge(ctx, claimed, 20036, header ? 'Unauthorized: user name or password is wrong.' : 'Unauthorized: authentication required.', v.stale);
    }
    ctx.account = findAccount(v.user!)!;
  }
  const account = ctx.account;
  if (account.failure === 'rate-limit') {
    const perMinute = state.tuning.rateLimitPerMinute;
    const r = state.sessions.overLimit(account.username, perMinute);
    if (r.over) {
      sendReply(ctx, RATE_CODES[tx], `Rate limit exceeded: ${perMinute} requests per minute allowed for this account. Retry after ${r.retryAfter} seconds.`, 429, '', { 'Retry-After': String(r.retryAfter) });
      return false;
    }
    // As metered servers do: every answer says how much of the minute's allowance is left.
    ctx.res.setHeader('RateLimit-Limit', String(perMinute));
    ctx.res.setHeader('RateLimit-Remaining', String(r.remaining));
  }
  if (account.failure === 'ip-whitelist' && tx === 'login') {
    const ip = req.socket.remoteAddress ?? 'unknown';
    sendReply(ctx, 20036, `Miscellaneous Login Error: access denied for IP address ${ip.replace(/^::ffff:/, '')}. This account only accepts connections from whitelisted IP addresses; ask the MLS to add yours.`, 403);
    return false;
  }
  if (account.userAgent && !checkUserAgent(ctx, account)) return false;
  if (account.failure === 'html-error' && tx !== 'login' && tx !== 'logout') {
    const html = '<!DOCTYPE html><html><head><title>Apache Tomcat/8.5.51 - Error report</title></head><body><h1>HTTP Status 500 - Internal Server Error</h1>'
      + '<hr/><p><b>Type</b> Exception Report</p><p><b>Message</b> java.lang.NullPointerException</p><p><b>Description</b> The server encountered an unexpected condition that prevented it from fulfilling the request.</p>'
      + '<hr/><h3>Apache Tomcat/8.5.51</h3></body></html>';
    ctx.res.writeHead(500, { 'Content-Type': 'text/html;charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
    ctx.res.end(html);
    return false;
  }
  if (account.failure === 'slow') await new Promise((r) => setTimeout(r, state.tuning.slowDelayMs));
  return true;
}

function checkUserAgent(ctx: Ctx, account: DemoAccount): boolean {
  const ua = ctx.req.headers['user-agent'] ?? '';
  if (ua !== account.userAgent) {
    sendReply(ctx, 20037, `Client authentication failed: User-Agent "${ua}" is not registered for this account.`);
    return false;
  }
  if (!account.userAgentPassword) return true;
  const sent = ctx.req.headers['rets-ua-authorization'];
  if (typeof sent !== 'string' || !sent) {
    sendReply(ctx, 20041, 'User-Agent authentication required: send RETS-UA-Authorization computed with your UA password.');
    return false;
  }
  const version = (ctx.req.headers['rets-version'] as string | undefined) ?? retsVersionHeader(account);
  const reqId = (ctx.req.headers['rets-request-id'] as string | undefined) ?? '';
  const sessionId = readCookie(ctx.req.headers.cookie, 'RETS-Session-ID') ?? '';
  // At login the session id is empty; clients that still send an old cookie hash it too, so accept both.
  const candidates = [sessionId, ...(ctx.session ? [] : [''])].map((sid) => `digest ${uaDigest(ua, account.userAgentPassword, reqId, sid, version)}`);
  if (!candidates.includes(sent.trim().toLowerCase())) {
    sendReply(ctx, 20037, 'Client authentication failed: RETS-UA-Authorization does not match (check User-Agent, UA password and RETS-Version).');
    return false;
  }
  return true;
}
