// A small RETS server for the client tests (real HTTP on 127.0.0.1, port 0). It is strict where
// the client must be right (Digest response, nc, cookies, UA digest) and can misbehave on demand
// (ignore Offset, expire the session, stall, truncate, answer with HTML).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

export interface MiniRetsOptions {
  auth?: 'digest' | 'digest-noqop' | 'digest-sess' | 'basic';
  username?: string;
  password?: string;
  userAgent?: string;
  /** When set, RETS-UA-Authorization is checked on every request. */
  uaPassword?: string;
  /** Rows in the listing table. */
  rows?: number;
  /** Server cap per search page (MAXROWS beyond it). */
  pageCap?: number;
  ignoreOffset?: boolean;
  /** Login body uses absolute capability URLs when false. */
  relativeUrls?: boolean;
  withAction?: boolean;
  /** More `Name=URL` lines for the login reply (vendor X- capabilities). */
  extraCapabilities?: string[];
  /** The Action page answers 404. */
  brokenAction?: boolean;
  /** Answer the session-expired way after the Nth request after login: '401' or a RETS code. */
  expireWith?: '401' | 20701 | 20037;
  /** Rows of a generated huge search (text/xml streamed in chunks with backpressure). */
  hugeRows?: number;
  /** How /rets/search misbehaves: an HTML error page, a cut connection, a stall, a huge body. */
  searchMode?: 'normal' | 'html' | 'truncated' | 'stall' | 'huge';
}

export interface RequestLog {
  method: string;
  path: string;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
}

export interface MiniRets {
  url: string;
  loginUrl: string;
  log: RequestLog[];
  logins: number;
  /** Expire every Digest nonce: the next request gets 401 with stale=true. */
  forgetNonces(): void;
  /** Expire the current session: the next request gets the expiry answer. */
  expire(): void;
  /** Bytes the server has written for the huge search so far. */
  hugeBytesWritten(): number;
  /** Resolves when the huge search response is done/closed. */
  close(): Promise<void>;
}

const REALM = 'RETS Test Server';

export async function startMiniRets(opts: MiniRetsOptions = {}): Promise<MiniRets> {
  const o = { auth: 'digest', username: 'joe', password: 'pw', userAgent: 'Workbench/1.0', rows: 25, pageCap: 10, relativeUrls: true, withAction: true, ...opts } as Required<Omit<MiniRetsOptions, 'uaPassword' | 'expireWith' | 'hugeRows' | 'ignoreOffset' | 'extraCapabilities'>> & MiniRetsOptions;
  const nonces = new Map<string, number>(); // nonce -> last nc
  let sessionId = '';
  let expired = false;
  let needLogin401 = false; // a load balancer that lost the session answers 401 until a new login
  let hugeBytes = 0;
  const state = { logins: 0 };
  const log: RequestLog[] = [];
  let base = '';

  const server: Server = createServer((req, res) => {
    collect(req).then((body) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const params: Record<string, string> = {};
      const source = req.method === 'POST' ? new URLSearchParams(body) : u.searchParams;
      for (const [k, v] of source) params[k.toLowerCase()] = v;
      log.push({ method: req.method ?? '', path: u.pathname, params, headers: req.headers });
      route(req, res, u.pathname, params);
    }).catch(() => res.destroy());
  });

  function challenge(res: ServerResponse, stale = false): void {
    const nonce = randomBytes(8).toString('hex');
    nonces.set(nonce, 0);
    const qop = o.auth === 'digest-noqop' ? '' : ', qop="auth"';
    const alg = o.auth === 'digest-sess' ? ', algorithm=MD5-sess' : '';
    const header = o.auth === 'basic' ? `Basic realm="${REALM}"` : `Digest realm="${REALM}"${qop}, nonce="${nonce}", opaque="op4que"${alg}${stale ? ', stale=true' : ''}`;
    res.writeHead(401, { 'www-authenticate': header, 'content-type': 'text/html' });
    res.end('<html><head><title>401 Unauthorized</title></head><body>Unauthorized</body></html>');
  }

  function checkAuth(req: IncomingMessage): boolean | 'stale' {
    const h = req.headers.authorization ?? '';
    if (o.auth === 'basic') return h === `Basic ${Buffer.from(`${o.username}:${o.password}`).toString('base64')}`;
    if (!h.startsWith('Digest ')) return false;
    const p: Record<string, string> = {};
    for (const m of h.slice(7).matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) p[m[1]] = m[2] ?? m[3];
    const last = nonces.get(p.nonce);
    if (last === undefined) return 'stale';
    if (p.opaque !== 'op4que' || p.username !== o.username || p.uri !== req.url) return false;
    let ha1 = md5(`${o.username}:${REALM}:${o.password}`);
    if (o.auth === 'digest-sess') ha1 = md5(`${ha1}:${p.nonce}:${p.cnonce}`);
    const ha2 = md5(`${req.method}:${p.uri}`);
    let expected: string;
    if (o.auth === 'digest-noqop') expected = md5(`${ha1}:${p.nonce}:${ha2}`);
    else {
      const nc = parseInt(p.nc, 16);
      if (!(nc > last)) return false;
      nonces.set(p.nonce, nc);
      expected = md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:auth:${ha2}`);
    }
    return p.response === expected;
  }

  function uaOk(req: IncomingMessage): boolean {
    if (!o.uaPassword) return true;
    const cookieSid = /RETS-Session-ID=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? '';
    const a1 = md5(`${o.userAgent}:${o.uaPassword}`);
    const want = `Digest ${md5(`${a1}::${cookieSid}:${req.headers['rets-version']}`)}`;
    return req.headers['user-agent'] === o.userAgent && req.headers['rets-ua-authorization'] === want;
  }

  function rets(res: ServerResponse, code: number, text: string, inner = '', status = 200): void {
    res.writeHead(status, { 'content-type': 'text/xml', 'cache-control': 'private' });
    res.end(`<?xml version="1.0"?>\r\n<RETS ReplyCode="${code}" ReplyText="${text}">${inner}</RETS>\r\n`);
  }

  function route(req: IncomingMessage, res: ServerResponse, path: string, params: Record<string, string>): void {
    const authed = checkAuth(req);
    if (authed !== true) return challenge(res, authed === 'stale');
    if (!uaOk(req)) return rets(res, 20037, 'UA authentication failed', '', 401);
    if (path === '/rets/login') return login(res);
    if (needLogin401) return challenge(res, false);
    const cookieSid = /RETS-Session-ID=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (!sessionId || cookieSid !== sessionId) return rets(res, 20701, 'Not logged in');
    if (expired) {
      expired = false;
      sessionId = '';
      if (o.expireWith === '401') { needLogin401 = true; return challenge(res, false); }
      return rets(res, Number(o.expireWith ?? 20701), 'Session expired');
    }
    switch (path) {
      case '/rets/action':
        if (o.brokenAction) { res.writeHead(404, { 'content-type': 'text/html' }); res.end('<html><title>Not Found</title></html>'); return; }
        res.writeHead(200, { 'content-type': 'text/plain' }); res.end('Welcome to the test MLS. Maintenance Sunday.'); return;
      case '/rets/logout': sessionId = ''; return rets(res, 0, 'Goodbye', '\r\n<RETS-RESPONSE>\r\nConnectTime=12\r\nSignOffMessage=Bye\r\n</RETS-RESPONSE>\r\n');
      case '/rets/getMetadata': return metadata(res, params);
      case '/rets/search':
        switch (o.searchMode) {
          case 'html': return htmlPage(res);
          case 'truncated': return truncated(res);
          case 'stall': return stall(res);
          case 'huge': return huge(res);
          default: return search(res, params);
        }
      case '/rets/getObject': return getObject(res, params);
      default: res.writeHead(404, { 'content-type': 'text/html' }); res.end('<html><title>Not Found</title></html>');
    }
  }

  function login(res: ServerResponse): void {
    state.logins++;
    needLogin401 = false;
    sessionId = randomBytes(6).toString('hex');
    const p = o.relativeUrls ? '' : base;
    const lines = [
      'MemberName=Joe Tester', 'User=joe,1,Agent,A1', 'MetadataVersion=01.00.00001', 'TimeoutSeconds=1800',
      `Login=${base}/rets/login`, `Search=${p}/rets/search`, `GetMetadata=${o.relativeUrls ? 'getMetadata' : `${base}/rets/getMetadata`}`,
      `GetObject=${p}/rets/getObject`, `Logout=${p}/rets/logout`, `X-SampleLinks=${p}/rets/samples`, ...(o.withAction ? [`Action=${p}/rets/action`] : []),
      ...(o.extraCapabilities ?? []),
    ];
    res.writeHead(200, { 'content-type': 'text/xml', 'set-cookie': [`RETS-Session-ID=${sessionId}; Path=/`, 'JSESSIONID=j1; Path=/rets; HttpOnly'] });
    res.end(`<RETS ReplyCode="0" ReplyText="V2.7.0 761: Success">\r\n<RETS-RESPONSE>\r\n${lines.join('\r\n')}\r\n</RETS-RESPONSE>\r\n</RETS>\r\n`);
  }

  function metadata(res: ServerResponse, params: Record<string, string>): void {
    if (params.type !== 'METADATA-CLASS') return rets(res, 20501, 'Invalid Type');
    rets(res, 0, 'Operation Successful', `\r\n<METADATA-CLASS Resource="Property" Version="01.00.00001" Date="2024-01-01T00:00:00Z">\r\n<COLUMNS>\tClassName\tVisibleName\t</COLUMNS>\r\n<DATA>\tRES\tResidential\t</DATA>\r\n<DATA>\tLND\tLand\t</DATA>\r\n</METADATA-CLASS>\r\n`);
  }

  function rowValues(i: number): string[] {
    return [`LN${String(i).padStart(6, '0')}`, String(100000 + i * 1000), i % 2 ? 'Chicago' : 'Evanston'];
  }

  function search(res: ServerResponse, params: Record<string, string>): void {
    if (params.query === '(ListingID=NONE)') return rets(res, 20201, 'No Records Found');
    const total = o.rows;
    const offset = o.ignoreOffset ? 1 : Number(params.offset ?? '1');
    const limit = params.limit && params.limit !== 'NONE' ? Number(params.limit) : Infinity;
    const n = Math.max(0, Math.min(limit, o.pageCap, total - offset + 1));
    const more = offset - 1 + n < total && n < limit;
    const format = params.format ?? 'STANDARD-XML';
    const cols = ['ListingID', 'ListPrice', 'City'];
    let inner = '';
    if (params.count === '1' || params.count === '2') inner += `<COUNT Records="${total}"/>\r\n`;
    if (params.count !== '2') {
      if (format.startsWith('STANDARD-XML')) {
        inner += '<REData><Listings>';
        for (let i = offset; i < offset + n; i++) {
          const v = rowValues(i);
          inner += `<Listing>${cols.map((c, k) => `<${c}>${v[k]}</${c}>`).join('')}</Listing>`;
        }
        inner += '</Listings></REData>\r\n';
      } else {
        inner += `<DELIMITER value="09"/>\r\n<COLUMNS>\t${cols.join('\t')}\t</COLUMNS>\r\n`;
        for (let i = offset; i < offset + n; i++) inner += `<DATA>\t${rowValues(i).join('\t')}\t</DATA>\r\n`;
      }
      if (more) inner += '<MAXROWS/>\r\n';
    }
    rets(res, 0, 'Operation Successful', `\r\n${inner}`);
  }

  function getObject(res: ServerResponse, params: Record<string, string>): void {
    const ids = params.id.split(',');
    if (params.id === 'NOPE:1') return rets(res, 20403, 'No Object Found');
    const single = ids.length === 1 && !ids[0].includes('*') && ids[0].split(':').length <= 2;
    const bytesOf = (key: string, n: number): Buffer => Buffer.from(`JPEG-${key}-${n}-`.repeat(50));
    if (single) {
      const [key, id = '0'] = ids[0].split(':');
      if (params.location === '1') {
        res.writeHead(200, { 'content-type': 'image/jpeg', 'content-id': key, 'object-id': id, location: `http://img.example/${key}/${id}.jpg` });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-id': key, 'object-id': id, 'content-description': 'Front' });
      res.end(bytesOf(key, Number(id)));
      return;
    }
    const boundary = 'simple boundary';
    res.writeHead(200, { 'content-type': `multipart/parallel; boundary="${boundary}"`, 'mime-version': '1.0' });
    const parts: Buffer[] = [];
    for (const entry of ids) {
      const [key, ...rest] = entry.split(':');
      const list = rest.length === 0 || rest[0] === '*' ? ['1', '2', '3'] : rest;
      for (const id of list) {
        if (key === 'MISSING') {
          parts.push(Buffer.from(`\r\n--${boundary}\r\nContent-ID: ${key}\r\nObject-ID: ${id}\r\nContent-Type: text/xml\r\n\r\n<RETS ReplyCode="20403" ReplyText="No Object Found"/>\r\n`));
          continue;
        }
        parts.push(Buffer.from(`\r\n--${boundary}\r\nContent-ID: ${key}\r\nObject-ID: ${id}\r\nContent-Type: image/jpeg\r\n\r\n`), bytesOf(key, Number(id)));
      }
    }
    parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
    // Send parts one at a time so the client sees objects arrive separately.
    let i = 0;
    const next = (): void => {
      if (i >= parts.length) { res.end(); return; }
      res.write(parts[i++]);
      setImmediate(next);
    };
    next();
  }

  function stall(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.write('<RETS ReplyCode="0" ReplyText="OK">\r\n<DELIMITER value="09"/>\r\n<COLUMNS>\tA\t</COLUMNS>\r\n<DATA>\t1\t</DATA>\r\n');
    // …and never another byte; the client's idle timeout must end it.
  }

  function htmlPage(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!DOCTYPE html><html><head><title>Apache Tomcat/9 - Error report</title></head><body><h1>HTTP Status 500</h1></body></html>');
  }

  function truncated(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '4000' });
    res.write('<RETS ReplyCode="0" ReplyText="OK">\r\n<DELIMITER value="09"/>\r\n<COLUMNS>\tA\t</COLUMNS>\r\n<DATA>\t1\t</DATA>\r\n');
    setTimeout(() => res.socket?.destroy(), 20);
  }

  function huge(res: ServerResponse): void {
    const rows = o.hugeRows ?? 100_000;
    const cols = Array.from({ length: 20 }, (_, k) => `F${k}`);
    res.writeHead(200, { 'content-type': 'text/xml' });
    const head = `<RETS ReplyCode="0" ReplyText="OK">\r\n<COUNT Records="${rows}"/>\r\n<DELIMITER value="09"/>\r\n<COLUMNS>\t${cols.join('\t')}\t</COLUMNS>\r\n`;
    let i = 0;
    const filler = 'x'.repeat(40);
    const pump = (): void => {
      while (i < rows) {
        let chunk = i === 0 ? head : '';
        for (let k = 0; k < 200 && i < rows; k++, i++) chunk += `<DATA>\t${i}\t${cols.slice(1).map(() => filler).join('\t')}\t</DATA>\r\n`;
        hugeBytes += chunk.length;
        if (!res.write(chunk)) { res.once('drain', pump); return; }
      }
      res.end('</RETS>\r\n');
    };
    res.on('close', () => undefined);
    pump();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    loginUrl: `${base}/rets/login`,
    log,
    get logins() { return state.logins; },
    expire: () => { expired = true; },
    forgetNonces: () => nonces.clear(),
    hugeBytesWritten: () => hugeBytes,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function collect(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}
