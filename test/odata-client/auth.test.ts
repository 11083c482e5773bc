// Authentication against token endpoints written here: the grants oauth4webapi makes, the token
// kept until shortly before expiry, one renewal on a 401, each OAuth error in words, and no secret
// in the trace.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ODataError } from '../../shared/odata/errors';
import { ODataSession } from '../../electron/odata/session';
import type { ODataAuth } from '../../electron/odata/types';
import { collect, fakeClock, json, page, startServer, type TestServer } from './server';

let srv: TestServer;
beforeEach(async () => { srv = await startServer(); });
afterEach(async () => { await srv.close(); });

const SECRET = 'sup3r-s3cret-value';
const PASSWORD = 'pa55-w0rd-value';

function clientCredentials(): ODataAuth {
  return { kind: 'client-credentials', tokenUrl: `${srv.base}/oauth/token`, clientId: 'app1', clientSecret: SECRET, scope: 'api' };
}

async function failure(p: Promise<unknown>): Promise<ODataError> {
  try { await p; } catch (e) { expect(e).toBeInstanceOf(ODataError); return e as ODataError; }
  throw new Error('expected a failure');
}

function tokenServer(answer: (form: URLSearchParams) => { status: number; body: unknown; type?: string }, data: (auth: string) => boolean = () => true): void {
  srv.handle((req, res, body) => {
    if (req.url?.startsWith('/oauth/token')) {
      const a = answer(new URLSearchParams(body));
      res.writeHead(a.status, { 'content-type': a.type ?? 'application/json' });
      res.end(typeof a.body === 'string' ? a.body : JSON.stringify(a.body));
      return;
    }
    if (!data(req.headers.authorization ?? '')) {
      res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"', 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: '401', message: 'token expired' } }));
      return;
    }
    json(res, 200, page([{ ListingKey: 'A1' }]));
  });
}

describe('client credentials', () => {
  it('gets a token with the form Trestle documents, sends it as Bearer and keeps it until shortly before expiry', async () => {
    let n = 0;
    tokenServer(() => ({ status: 200, body: { access_token: `tok-${++n}`, token_type: 'Bearer', expires_in: 3600 } }), (a) => a === `Bearer tok-${n}`);
    const clock = fakeClock();
    const s = new ODataSession({ serviceRoot: `${srv.base}/reso/odata`, auth: clientCredentials() }, { clock });
    await collect(s.query('Property'));
    await collect(s.query('Property'));
    const token = srv.seen.filter((r) => r.url === '/oauth/token');
    expect(token).toHaveLength(1);
    const form = new URLSearchParams(token[0]!.body);
    expect(Object.fromEntries(form)).toEqual({ grant_type: 'client_credentials', client_id: 'app1', client_secret: SECRET, scope: 'api' });
    expect(srv.seen.filter((r) => r.url.startsWith('/reso/odata/Property')).map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-1']);
    clock.t += 3600_000 - 30_000; // inside the margin before expiry: a new token
    await collect(s.query('Property'));
    expect(srv.seen.filter((r) => r.url === '/oauth/token')).toHaveLength(2);
    expect(srv.seen.at(-1)!.headers.authorization).toBe('Bearer tok-2');
    await s.close();
  });

  it('on a 401 fetches a new token once and retries; a second 401 is a typed auth error', async () => {
    let n = 0;
    let acceptFrom = 2;
    tokenServer(() => ({ status: 200, body: { access_token: `tok-${++n}`, token_type: 'bearer', expires_in: 3600 } }), (a) => Number(a.split('-')[1]) >= acceptFrom);
    const s = new ODataSession({ serviceRoot: `${srv.base}/reso/odata`, auth: clientCredentials() }, { clock: fakeClock() });
    const events = await collect(s.query('Property'));
    expect(events.some((e) => e.kind === 'rows')).toBe(true);
    expect(srv.seen.filter((r) => r.url === '/oauth/token')).toHaveLength(2);
    acceptFrom = 99;
    const err = await failure(collect(s.query('Property')));
    expect(err.info.kind).toBe('auth');
    expect(err.info.httpStatus).toBe(401);
    expect(err.info.cause).toMatch(/expired/);
    expect(srv.seen.filter((r) => r.url === '/oauth/token')).toHaveLength(3); // one renewal per request, not a loop
    await s.close();
  });

  it.each([
    ['invalid_client', 401, /client id or client secret \(invalid_client\)/],
    ['invalid_scope', 400, /refused the scope "api" \(invalid_scope\)/],
    ['unsupported_grant_type', 400, /does not support the client credentials grant \(unsupported_grant_type\)/],
  ])('%s becomes a typed error in words', async (code, status, words) => {
    tokenServer(() => ({ status, body: { error: code, error_description: `because ${code}` } }));
    const s = new ODataSession({ serviceRoot: `${srv.base}/reso/odata`, auth: clientCredentials() }, { clock: fakeClock() });
    const err = await failure(collect(s.query('Property')));
    expect(err.info).toMatchObject({ kind: 'auth', operation: 'Token', httpStatus: status, serverCode: code });
    expect(err.message).toMatch(words);
    expect(err.message).toContain(`because ${code}`);
    expect(err.info.hint).toBeTruthy();
    await s.close();
  });

  it('an HTML 404 page where a token was expected names the status and the page title', async () => {
    tokenServer(() => ({ status: 404, type: 'text/html', body: '<!DOCTYPE html><html><head><title>Page Not Found</title></head><body>nope</body></html>' }));
    const s = new ODataSession({ serviceRoot: `${srv.base}/reso/odata`, auth: clientCredentials() }, { clock: fakeClock() });
    const err = await failure(s.serviceDocument());
    expect(err.info.httpStatus).toBe(404);
    expect(err.message).toContain('HTTP 404');
    expect(err.message).toContain('Page Not Found');
    expect(err.info.cause).toMatch(/token URL is wrong/);
    await s.close();
  });

  it('an HTML page with 200 where a token was expected is a typed error too', async () => {
    tokenServer(() => ({ status: 200, type: 'text/html', body: '<html><head><title>Sign in</title></head></html>' }));
    const s = new ODataSession({ serviceRoot: `${srv.base}/reso/odata`, auth: clientCredentials() }, { clock: fakeClock() });
    const err = await failure(s.serviceDocument());
    expect(err.message).toMatch(/HTTP 200 with an HTML page titled "Sign in"/);
    await s.close();
  });

  it('refuses to send a client secret to a token URL that is not https (loopback aside)', async () => {
    const s = new ODataSession({ serviceRoot: `${srv.base}/reso/odata`, auth: { ...clientCredentials(), tokenUrl: 'http://example.invalid/token' } as ODataAuth }, { clock: fakeClock() });
    const err = await failure(s.serviceDocument());
    expect(err.info.kind).toBe('input');
    expect(srv.seen).toHaveLength(0);
    await s.close();
  });
});

describe('password grant with refresh tokens', () => {
  const auth = (): ODataAuth => ({ kind: 'password', tokenUrl: `${srv.base}/oauth/token`, clientId: 'rap', clientSecret: SECRET, username: 'agent7', password: PASSWORD });

  it('signs in with the password, renews with the refresh token on a 401, and falls back to the password when the refresh token is refused', async () => {
    let n = 0;
    let valid = '';
    const grants: string[] = [];
    let refreshOk = true;
    tokenServer((f) => {
      grants.push(f.get('grant_type') ?? '');
      if (f.get('grant_type') === 'password' && (f.get('username') !== 'agent7' || f.get('password') !== PASSWORD)) return { status: 400, body: { error: 'invalid_grant' } };
      if (f.get('grant_type') === 'refresh_token' && (!refreshOk || f.get('refresh_token') !== 'rt-1')) return { status: 400, body: { error: 'invalid_grant', error_description: 'refresh token expired' } };
      valid = `tok-${++n}`;
      return { status: 200, body: { access_token: valid, token_type: 'Bearer', expires_in: 604800, refresh_token: 'rt-1' } };
    }, (a) => a === `Bearer ${valid}`);
    const s = new ODataSession({ serviceRoot: `${srv.base}/reso/odata`, auth: auth() }, { clock: fakeClock() });
    await collect(s.query('Property'));
    valid = 'revoked';
    await collect(s.query('Property'));
    valid = 'revoked';
    refreshOk = false;
    await collect(s.query('Property'));
    expect(grants).toEqual(['password', 'refresh_token', 'refresh_token', 'password']);
    const last = new URLSearchParams(srv.seen.filter((r) => r.url === '/oauth/token')[1]!.body);
    expect(last.get('refresh_token')).toBe('rt-1');
    await s.close();
  });

  it('a wrong password is invalid_grant in words', async () => {
    tokenServer(() => ({ status: 400, body: { error: 'invalid_grant', error_description: 'Bad credentials' } }));
    const s = new ODataSession({ serviceRoot: `${srv.base}/reso/odata`, auth: auth() }, { clock: fakeClock() });
    const err = await failure(collect(s.query('Property')));
    expect(err.message).toMatch(/refused the username or password \(invalid_grant\)/);
    expect(err.info.serverCode).toBe('invalid_grant');
    await s.close();
  });

  it('keeps the secret, the password and both tokens out of the trace', async () => {
    let n = 0;
    let valid = '';
    tokenServer(() => { valid = `access-${++n}-xyz`; return { status: 200, body: { access_token: valid, token_type: 'Bearer', expires_in: 60_000, refresh_token: 'refresh-abc-123' } }; }, (a) => a === `Bearer ${valid}`);
    const s = new ODataSession({ serviceRoot: `${srv.base}/reso/odata`, auth: auth() }, { clock: fakeClock() });
    await collect(s.query('Property'));
    valid = 'gone';
    await collect(s.query('Property')); // a refresh grant: refresh_token in its form
    const entries = s.trace.list();
    const text = JSON.stringify(entries);
    for (const secret of [SECRET, PASSWORD, 'access-1-xyz', 'access-2-xyz', 'refresh-abc-123']) expect(text).not.toContain(secret);
    const data = entries.find((e) => e.transaction === 'Query')!;
    expect(data.requestHeaders.authorization).toBe('Bearer REDACTED');
    const forms = entries.filter((e) => e.transaction === 'Token').map((e) => new URLSearchParams(e.requestBody));
    expect(forms[0]!.get('password')).toBe('REDACTED');
    expect(forms[0]!.get('client_secret')).toBe('REDACTED');
    expect(forms[0]!.get('username')).toBe('agent7');
    expect(forms[1]!.get('refresh_token')).toBe('REDACTED');
    await s.close();
  });
});

describe('static bearer token', () => {
  it('sends the token as given and answers a 401 with a typed error without retrying', async () => {
    srv.handle((req, res) => {
      if (req.headers.authorization === 'Bearer long-lived') json(res, 200, page([]));
      else { res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }); res.end(); }
    });
    const ok = new ODataSession({ serviceRoot: `${srv.base}/v2`, auth: { kind: 'bearer', token: 'long-lived' } });
    expect((await collect(ok.query('Property'))).at(-1)).toMatchObject({ kind: 'page' });
    const bad = new ODataSession({ serviceRoot: `${srv.base}/v2`, auth: { kind: 'bearer', token: 'old' } });
    const err = await failure(collect(bad.query('Property')));
    expect(err.info.kind).toBe('auth');
    expect(srv.seen).toHaveLength(2);
    expect(JSON.stringify(bad.trace.list())).not.toContain('old"');
    await ok.close();
    await bad.close();
  });
});

describe('a token in the service root (Bridge\'s ?access_token=)', () => {
  it('is kept on every request and removed from the trace and from errors', async () => {
    srv.handle((req, res) => {
      if (new URL(req.url!, srv.base).searchParams.get('access_token') === 'root-tok-42') json(res, 404, { error: { code: '404', message: 'no such set' } });
      else { res.writeHead(401); res.end(); }
    });
    const s = new ODataSession({ serviceRoot: `${srv.base}/api/v2/OData/ds?access_token=root-tok-42`, auth: { kind: 'none' } });
    const err = await failure(collect(s.query('Nope', { top: 1 })));
    expect(srv.seen[0]!.url).toBe('/api/v2/OData/ds/Nope?access_token=root-tok-42&$top=1');
    expect(err.info.httpStatus).toBe(404);
    expect(JSON.stringify(err.info)).not.toContain('root-tok-42');
    expect(JSON.stringify(s.trace.list())).not.toContain('root-tok-42');
    await s.close();
  });
});
