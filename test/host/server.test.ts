// Browser mode's HTTP server: the token on every request and on the event stream, Host and
// Origin checks (no DNS rebinding, no cross-site calls), payloads validated against the
// contract's schemas, events over the framed event stream, the renderer served with its CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHost, type Host } from '../../electron/host/host';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server';
import { createHostClient, httpTransport, wireRows, type HostEvent } from '../../shared/contract';
import { api, httpRequest, openEvents } from './httpHelpers';

let dir: string;
let host: Host;
let srv: BrowserServer;
let port: number;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-server-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>RETS Workbench</title><div id="root"></div>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  host = await createHost({ dataDir: join(dir, 'data'), mode: 'browser', demo: false, secrets: { disableKeychain: true } });
  srv = await startBrowserServer({ host, rendererDir: renderer });
  port = srv.port;
  token = srv.token;
});

afterAll(async () => {
  await srv?.close();
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('token', () => {
  it('refuses API calls without the token or with a wrong one', async () => {
    const none = await httpRequest(port, { method: 'POST', path: '/api/snippets.list', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect((none.json() as { ok: boolean; error: { kind: string } }).error.kind).toBe('auth');
    const wrong = await api(port, `${token}x`, 'snippets.list', {});
    expect(wrong.status).toBe(401);
    const right = await api(port, token, 'snippets.list', {});
    expect(right.status).toBe(200);
    expect(right.json()).toEqual({ ok: true, data: { snippets: [], unreadable: [] } });
  });

  it('moves the token from the opened URL into an HttpOnly SameSite cookie', async () => {
    const open = await httpRequest(port, { path: `/?token=${encodeURIComponent(token)}` });
    expect(open.status).toBe(303);
    expect(open.headers.location).toBe('/');
    const cookie = String(open.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const pair = cookie.split(';')[0];
    const page = await httpRequest(port, { path: '/', headers: { cookie: pair } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('RETS Workbench');
    const call = await httpRequest(port, { method: 'POST', path: '/api/history.list', headers: { cookie: pair, 'content-type': 'application/json' }, body: '{}' });
    expect(call.json()).toEqual({ ok: true, data: { entries: [] } });
    expect((await httpRequest(port, { path: '/' })).status).toBe(401);
  });

  it('lets the opened URL\'s token win over a stale cookie from an earlier serve on this host', async () => {
    // Cookies ignore ports: a restarted `serve` sees the previous run's cookie beside the new URL.
    const stale = 'rw_token=token-of-an-earlier-run';
    const open = await httpRequest(port, { path: `/?token=${encodeURIComponent(token)}`, headers: { cookie: stale } });
    expect(open.status).toBe(303);
    expect(String(open.headers['set-cookie'])).toContain(`rw_token=${encodeURIComponent(token)}`);
    const staleOnly = await httpRequest(port, { path: '/', headers: { cookie: stale } });
    expect(staleOnly.status).toBe(401);
  });

  it('refuses the event stream without the token', async () => {
    const s = await openEvents(port, '/api/events');
    expect(s.status).toBe(401);
    s.close();
  });
});

describe('renderer', () => {
  it('serves a renderer built after the server started, and says what to run until then', async () => {
    const later = join(dir, 'later-renderer');
    const second = await startBrowserServer({ host, rendererDir: later });
    try {
      const headers = { 'x-rets-workbench-token': second.token };
      const before = await httpRequest(second.port, { path: '/', headers });
      expect(before.status).toBe(404);
      expect(before.body).toBe('The renderer is not built: run `npm run build:renderer`, then reload this page.');
      mkdirSync(later);
      writeFileSync(join(later, 'index.html'), '<!doctype html><title>RETS Workbench</title>');
      const after = await httpRequest(second.port, { path: '/', headers });
      expect(after.status).toBe(200);
      expect(after.body).toContain('RETS Workbench');
      expect((await httpRequest(second.port, { path: '/missing.js', headers })).body).toBe('Not found.');
    } finally {
      await second.close();
    }
  });
});

describe('Host and Origin', () => {
  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const r = await api(port, token, 'snippets.list', {}, { host: `rebind.attacker.example:${port}` });
    expect(r.status).toBe(421);
    const other = await api(port, token, 'snippets.list', {}, { host: `127.0.0.1:${port + 1}` });
    expect(other.status).toBe(421);
    const local = await api(port, token, 'snippets.list', {}, { host: `localhost:${port}` });
    expect(local.status).toBe(200);
  });

  it('refuses requests from another origin and accepts its own', async () => {
    const evil = await api(port, token, 'snippets.list', {}, { origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    const sneaky = await api(port, token, 'snippets.list', {}, { origin: `http://127.0.0.1:${port}.evil.example` });
    expect(sneaky.status).toBe(403);
    const own = await api(port, token, 'snippets.list', {}, { origin: `http://127.0.0.1:${port}` });
    expect(own.status).toBe(200);
  });

  it('takes API calls only as POST application/json (no cross-site form posts)', async () => {
    const form = await httpRequest(port, { method: 'POST', path: '/api/snippets.list', headers: { 'x-rets-workbench-token': token, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(form.status).toBe(415);
    const get = await httpRequest(port, { path: '/api/snippets.list', headers: { 'x-rets-workbench-token': token } });
    expect(get.status).toBe(405);
  });
});

describe('schema validation', () => {
  it('answers an invalid payload with a typed input error naming the field', async () => {
    const r = await api(port, token, 'profiles.create', { name: 'Acme', loginUrl: 'not a url', username: 'u' });
    expect(r.status).toBe(400);
    const env = r.json() as { ok: false; error: { kind: string; message: string } };
    expect(env.ok).toBe(false);
    expect(env.error.kind).toBe('input');
    expect(env.error.message).toContain('loginUrl');
  });

  it('answers an unknown call with 404 and bad JSON with 400', async () => {
    const unknown = await api(port, token, 'profiles.exfiltrate', {});
    expect(unknown.status).toBe(404);
    const bad = await httpRequest(port, { method: 'POST', path: '/api/snippets.list', headers: { 'x-rets-workbench-token': token, 'content-type': 'application/json' }, body: '{nope' });
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
  });
});

describe('events and the typed client over HTTP', () => {
  it('streams host events as frames to a client holding the token', async () => {
    const s = await openEvents(port, `/api/events?token=${encodeURIComponent(token)}`);
    expect(s.status).toBe(200);
    expect(s.contentType).toBe('application/vnd.rets-workbench.frames');
    const saved = await api(port, token, 'snippets.save', { name: 'Active', resource: 'Property', class: 'RES', query: '(Status=A)' });
    expect(saved.status).toBe(200);
    const ev = await s.next((e) => (e as { type: string }).type === 'snippets.changed');
    expect(ev).toEqual({ type: 'snippets.changed' });
    s.close();
  });

  it('runs createHostClient over httpTransport (fetch reading the stream), rows as bytes, reconnecting after a drop', async () => {
    const delays: number[] = [];
    const client = createHostClient(httpTransport({
      baseUrl: srv.url.replace(/\/$/, ''), token, fetch: (url, init) => fetch(url, init),
      delay: (ms) => { delays.push(ms); return Promise.resolve(); },
    }), { validateIncoming: true });
    let opens = 0;
    let opened!: () => void;
    const waitOpen = () => new Promise<void>((resolve) => { opened = resolve; });
    let first = waitOpen();
    client.onStreamOpen(() => { opens++; opened(); });
    const changed = new Promise((resolve) => client.on('snippets.changed', resolve));
    await first; // subscribed: the save's event cannot go out before the stream listens
    const { snippet } = await client.snippets.save({ name: 'Client snippet', resource: 'Property', class: 'RES', query: '(ListPrice=100000+)', tags: ['price'] });
    expect(snippet.tags).toEqual(['price']);
    await changed;
    const { snippets } = await client.snippets.list();
    expect(snippets.map((s) => s.name)).toContain('Client snippet');
    await expect(client.profiles.get({ id: 'nope-123' })).rejects.toMatchObject({ info: { kind: 'input' } });

    // Rows travel as UTF-8 bytes beside the event's JSON, in order with the other events.
    const got: HostEvent[] = [];
    const done = new Promise<void>((resolve) => client.onAny((e) => { if ('operationId' in e && e.operationId === 'op-bytes') { got.push(e); if (e.type === 'search.done') resolve(); } }));
    const bytes = new TextEncoder().encode('1\tZoë2\tTab');
    host.events.emit({ type: 'search.rows', operationId: 'op-bytes', start: 0, count: 2, width: 2, bytes, sep: '\t', ends: [6, 11] });
    host.events.emit({ type: 'search.done', operationId: 'op-bytes', rows: 2, maxrows: false, elapsedMs: 1, cancelled: false, warnings: [] });
    await done;
    expect(got.map((e) => e.type)).toEqual(['search.rows', 'search.done']);
    const rows = got[0]!;
    expect(rows.type === 'search.rows' && rows.bytes).toBeInstanceOf(Uint8Array);
    expect(rows.type === 'search.rows' && wireRows(rows)).toEqual([['1', 'Zoë'], ['2', 'Tab']]);

    // The host drops every connection: the client opens the stream again and says so.
    first = waitOpen();
    srv.server.closeAllConnections();
    await first;
    expect(opens).toBe(2);
    expect(delays.length).toBeGreaterThanOrEqual(1);
    const again = new Promise((resolve) => client.on('history.changed', resolve));
    host.events.emit({ type: 'history.changed' });
    await again;
    client.close();
  });
});

describe('static files', () => {
  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const cookie = `rw_token=${encodeURIComponent(token)}`;
    const page = await httpRequest(port, { path: '/', headers: { cookie } });
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
    const js = await httpRequest(port, { path: '/assets/app.js', headers: { cookie } });
    expect(js.headers['content-type']).toContain('text/javascript');
    const escape = await httpRequest(port, { path: '/..%2Fsecret.txt', headers: { cookie } });
    expect(escape.body).not.toContain('outside the renderer');
    const deep = await httpRequest(port, { path: '/assets/../../secret.txt', headers: { cookie } });
    expect(deep.body).not.toContain('outside the renderer');
  });
});
