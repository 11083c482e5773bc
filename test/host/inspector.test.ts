// The request inspector against the Demo MLS over real HTTP: what each request leaves in the
// profile's on-disk ring (0600 files in 0700 folders, capped by size, oldest out), that no secret
// byte reaches it (a recording proxy in front of the demo sees the real credentials, the ring is
// searched for them), a long search kept as its first and last 64 KB, GetObject's parts listed,
// the curl command with placeholders only, and a saved response opened again by the app's
// "Open…" (an upload through the browser-mode server) and by `rets-workbench inspect`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Profile, TraceDetail, TraceEntry } from '../../shared/contract';
import { curlCommand } from '../../shared/trace/curl';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server';
import { call, runOperation, startHarness, type Harness } from './hostHarness';
import { httpRequest } from './httpHelpers';
import { wireRows } from '../../shared/contract/compactRows';

const BASIC_PASSWORD = 'Pw-7f3a-Secret!';
const UA_PASSWORD = 'uasecret';
const root = join(__dirname, '..', '..');

/** Every secret the proxy saw go by, as it was on the wire. */
interface Seen { authorization: string[]; ua: string[]; cookies: string[] }

/**
 * A pass-through proxy in front of the Demo MLS that records the credential headers and cookie
 * values, points the login's capability URLs at itself, and turns the test's own Basic password
 * into the demo's (so the ring can be searched for a password no other text contains).
 */
async function recordingProxy(demoBase: string): Promise<{ base: string; seen: Seen; close(): Promise<void> }> {
  const demo = new URL(demoBase);
  const seen: Seen = { authorization: [], ua: [], cookies: [] };
  let base = '';
  const server: Server = createServer((req, res) => {
    const headers: IncomingHttpHeaders = { ...req.headers, host: demo.host };
    const auth = req.headers.authorization;
    if (auth) {
      seen.authorization.push(auth);
      const m = /^Basic (.+)$/.exec(auth);
      if (m) {
        const [user, pass] = Buffer.from(m[1]!, 'base64').toString('utf8').split(':');
        if (pass === BASIC_PASSWORD) headers.authorization = `Basic ${Buffer.from(`${user}:demo`).toString('base64')}`;
      }
    }
    if (req.headers['rets-ua-authorization']) seen.ua.push(req.headers['rets-ua-authorization'] as string);
    const up = request({ host: demo.hostname, port: demo.port, method: req.method, path: req.url, headers }, (ur) => {
      for (const c of ur.headers['set-cookie'] ?? []) {
        const value = /^[^=]+=([^;]*)/.exec(c)?.[1];
        if (value) seen.cookies.push(value);
      }
      if (!/login/i.test(req.url ?? '')) { res.writeHead(ur.statusCode ?? 502, ur.headers); ur.pipe(res); return; }
      const chunks: Buffer[] = [];
      ur.on('data', (c: Buffer) => chunks.push(c));
      ur.on('end', () => {
        const body = Buffer.from(Buffer.concat(chunks).toString('utf8').split(demoBase).join(base));
        const out = { ...ur.headers, 'content-length': String(body.length) };
        delete out['transfer-encoding'];
        res.writeHead(ur.statusCode ?? 502, out);
        res.end(body);
      });
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

/** Every file under a folder, with its bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  const out: { path: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push({ path: p, bytes: readFileSync(p) });
  }
  return out;
}

async function entries(h: Harness, profileId: string): Promise<TraceEntry[]> {
  return (await call<{ entries: TraceEntry[] }>(h.host, 'trace.list', { profileId })).entries;
}

async function search(h: Harness, profileId: string, query: string, limit: number | 'NONE' = 'NONE'): Promise<void> {
  const { last } = await runOperation(h.host, 'search.start', { profileId, resource: 'Property', class: 'RES', query, options: { limit } });
  expect(last.type).toBe('search.done');
}

describe('the request inspector', () => {
  let h: Harness;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let srv: BrowserServer;
  let ua: Profile;
  let basic: Profile;

  beforeAll(async () => {
    h = await startHarness();
    proxy = await recordingProxy(new URL(h.host.demo!.loginUrl).origin);
    const loginPath = new URL(h.host.demo!.loginUrl).pathname;
    ua = (await call<{ profile: Profile }>(h.host, 'profiles.create', {
      name: 'UA', loginUrl: `${proxy.base}${loginPath}`, username: 'uaauth', password: 'demo', userAgent: 'RETSWorkbench/1.0', uaPassword: UA_PASSWORD,
    })).profile;
    basic = (await call<{ profile: Profile }>(h.host, 'profiles.create', {
      name: 'Basic', loginUrl: `${proxy.base}${loginPath}`, username: 'basic', password: BASIC_PASSWORD,
    })).profile;
    srv = await startBrowserServer({ host: h.host });
  }, 60_000);

  afterAll(async () => {
    await srv?.close();
    await proxy?.close();
    await h?.close();
  });

  it('keeps each request in a 0600 file under a 0700 folder per profile, and no secret byte', { timeout: 120_000 }, async () => {
    await search(h, ua.id, '(L_ListPrice=200000-300000)', 20);
    await call(h.host, 'metadata.get', { profileId: ua.id });
    await search(h, basic.id, '(L_ListPrice=200000-300000)', 20);
    const list = await entries(h, ua.id);
    expect(list.map((e) => e.transaction)).toEqual(expect.arrayContaining(['Login', 'Search', 'GetMetadata']));

    // The proxy saw the real credentials go by: Digest and Basic, UA digest, session cookies.
    expect(proxy.seen.authorization.some((a) => /^Digest .*response="[0-9a-f]{32}"/.test(a))).toBe(true);
    expect(proxy.seen.authorization.some((a) => a.startsWith('Basic '))).toBe(true);
    expect(proxy.seen.ua.length).toBeGreaterThan(0);
    expect(proxy.seen.cookies.length).toBeGreaterThan(0);
    const secrets = [
      BASIC_PASSWORD, Buffer.from(`basic:${BASIC_PASSWORD}`).toString('base64'), UA_PASSWORD,
      ...proxy.seen.authorization.map((a) => /response="([0-9a-f]{32})"/.exec(a)?.[1] ?? a.slice('Basic '.length)),
      ...proxy.seen.ua.map((v) => v.replace(/^Digest\s+/i, '')),
      ...proxy.seen.cookies,
    ];
    const ring = h.host.layout.traces;
    expect(statSync(ring).mode & 0o777).toBe(0o700);
    const files = filesUnder(ring);
    expect(files.length).toBeGreaterThanOrEqual(2 * list.length);
    for (const f of files) {
      expect(statSync(f.path).mode & 0o777, f.path).toBe(0o600);
      for (const s of secrets) expect(f.bytes.includes(Buffer.from(s)), `${s} in ${f.path}`).toBe(false);
    }
    for (const dir of readdirSync(ring)) expect(statSync(join(ring, dir)).mode & 0o777).toBe(0o700);

    // What the inspector shows of a request: headers with their secret values removed.
    const login = list.find((e) => e.transaction === 'Login' && e.status === 200)!;
    const detail = await call<TraceDetail>(h.host, 'trace.get', { profileId: ua.id, id: login.id });
    expect(detail.requestHeaders.authorization).toMatch(/^Digest .*username="uaauth".*response="REDACTED"/);
    expect(detail.requestHeaders['rets-ua-authorization']).toBe('Digest REDACTED');
    expect(detail.responseHeaders['set-cookie']).toMatch(/RETS-Session-ID=REDACTED/);
    expect(detail.body).toMatchObject({ kept: 'whole', binary: false });
    expect(detail.body.head).toContain('<RETS ReplyCode="0"');
  });

  it('keeps a long search as its first and last 64 KB with its total size', { timeout: 120_000 }, async () => {
    await search(h, 'demo', '(L_ListPrice=0+)');
    const s = (await entries(h, 'demo')).filter((e) => e.transaction === 'Search').at(-1)!;
    expect(s.bytes).toBeGreaterThan(4 * 64 * 1024);
    const d = await call<TraceDetail>(h.host, 'trace.get', { profileId: 'demo', id: s.id });
    expect(d.body).toMatchObject({ kept: 'head-tail', total: s.bytes, keptBytes: 128 * 1024, headBytes: 64 * 1024, tailBytes: 64 * 1024 });
    expect(d.body.head.startsWith('<?xml') || d.body.head.startsWith('<RETS')).toBe(true);
    expect(d.body.tail.trimEnd().endsWith('</RETS>')).toBe(true);
    expect(statSync(join(h.host.layout.traces, 'demo', `${s.id}.body`)).size).toBe(128 * 1024);
    // Saved, it says what was left out, in a header and between the two ends.
    const file = join(h.dir, 'long-search.http');
    await call(h.host, 'trace.saveResponse', { profileId: 'demo', id: s.id, handle: h.host.files.issue(file, 'response', 'write') });
    const text = readFileSync(file, 'latin1');
    expect(text).toContain(`\r\nx-rets-workbench-kept: first 65536 and last 65536 of ${s.bytes} bytes\r\n`);
    expect(text).toContain(`\n\n[${d.body.total - 128 * 1024} bytes not kept]\n\n`);
    const opened = await h.host.call('metadata.openFile', { handle: h.host.files.issue(file, 'metadata', 'read') });
    expect(opened.ok ? '' : opened.error.message).toMatch(/holds only the first and last 64 KB/);
  });

  it('lists the parts of a multipart GetObject answer with their headers and sizes', { timeout: 60_000 }, async () => {
    let key = '';
    await runOperation(h.host, 'search.start', { profileId: 'demo', resource: 'Property', class: 'RES', query: '(L_PictureCount=3+)', select: ['L_ListingKey'], options: { limit: 1 } },
      (e) => { if (e.type === 'search.rows') key = wireRows(e)[0]![0]!; });
    await call(h.host, 'objects.list', { profileId: 'demo', resource: 'Property', key });
    const g = (await entries(h, 'demo')).filter((e) => e.transaction === 'GetObject').at(-1)!;
    const d = await call<TraceDetail>(h.host, 'trace.get', { profileId: 'demo', id: g.id });
    expect(d.body.contentType).toMatch(/^multipart\//);
    expect(d.body.parts!.length).toBeGreaterThanOrEqual(3);
    for (const p of d.body.parts!) {
      expect(p.headers['content-id']).toBe(key);
      expect(p.headers['content-type']).toMatch(/^image\//);
      expect(p.bytes).toBeGreaterThan(100);
    }
    expect(d.body.parts!.reduce((n, p) => n + p.bytes, 0)).toBeLessThan(d.body.total);
  });

  it('copies a request as curl with placeholders for every secret', async () => {
    const s = (await entries(h, ua.id)).filter((e) => e.transaction === 'Search' && e.status === 200).at(-1)!;
    const d = await call<TraceDetail>(h.host, 'trace.get', { profileId: ua.id, id: s.id });
    const curl = curlCommand(d);
    expect(curl).toContain(`--digest -u 'uaauth':"$RETS_PASSWORD"`);
    expect(curl).toContain(`-A 'RETSWorkbench/1.0'`);
    expect(curl).toContain('-H "RETS-UA-Authorization: $RETS_UA_AUTHORIZATION"');
    expect(curl).toContain(`-H 'RETS-Version: RETS/1.7.2'`);
    expect(curl).toContain('-b cookies.txt -c cookies.txt');
    expect(curl).toContain(d.url);
    expect(curl).not.toMatch(/REDACTED|uasecret|Authorization: Digest/);
    for (const s of [...proxy.seen.cookies, ...proxy.seen.ua]) expect(curl).not.toContain(s);
  });

  it('shows a POST form body (secret fields removed) and copies it into curl', { timeout: 60_000 }, async () => {
    const post = (await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'Post', loginUrl: h.host.demo!.loginUrl, username: 'demo', password: 'demo', method: 'POST' })).profile;
    await search(h, post.id, '(L_ListPrice=200000-300000)', 5);
    const s = (await entries(h, post.id)).filter((e) => e.transaction === 'Search').at(-1)!;
    const d = await call<TraceDetail>(h.host, 'trace.get', { profileId: post.id, id: s.id });
    expect(d.method).toBe('POST');
    expect(d.requestBody).toContain('SearchType=Property');
    expect(d.requestBody).toContain('Query=%28L_ListPrice%3D200000-300000%29');
    expect(curlCommand(d)).toContain(`--data-raw '${d.requestBody}'`);
  });

  it('saves a response as curl -i would, and both Open… and `inspect` read it back', { timeout: 60_000 }, async () => {
    const m = (await entries(h, ua.id)).filter((e) => e.transaction === 'GetMetadata' && e.status === 200).at(-1)!;
    const saved = await call<{ fileName: string; bytes: number; downloadUrl: string }>(h.host, 'trace.saveResponse', { profileId: ua.id, id: m.id, download: true });
    expect(saved.fileName).toBe(`getmetadata-${m.id}.http`);
    const dl = await httpRequest(srv.port, { path: saved.downloadUrl, headers: { 'x-rets-workbench-token': srv.token } });
    expect(dl.status).toBe(200);
    expect(dl.body).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(dl.body).toContain('\r\n\r\n<?xml');
    expect(Buffer.byteLength(dl.body)).toBe(saved.bytes);

    // Open… in browser mode: the bytes go up as an upload, the call reads them through the handle.
    const up = await httpRequest(srv.port, { method: 'POST', path: `/uploads?purpose=metadata&name=${saved.fileName}`, headers: { 'content-type': 'application/octet-stream', 'x-rets-workbench-token': srv.token }, body: dl.body });
    expect(up.status).toBe(200);
    const opened = await call<{ metadata: { resources: { id: string }[] }; source: { name: string } }>(h.host, 'metadata.openFile', { handle: (up.json() as { data: { handle: string } }).data.handle });
    expect(opened.source.name).toBe(saved.fileName);
    expect(opened.metadata.resources.map((r) => r.id)).toContain('Property');

    // The command line reads the same file.
    const file = h.host.download(saved.downloadUrl.split('/').at(-1)!)!.path;
    const cli = spawnSync(process.execPath, [join(root, 'bin', 'rets-workbench.cjs'), 'inspect', file, '--kind', 'metadata'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout).resources.map((r: { id: string }) => r.id)).toContain('Property');
  });

  it('saves through a desktop save-dialog handle (0600), and Open… names a saved search as not metadata', { timeout: 60_000 }, async () => {
    const list = await entries(h, ua.id);
    const m = list.filter((e) => e.transaction === 'GetMetadata' && e.status === 200).at(-1)!;
    const path = join(h.dir, 'saved', 'metadata.http');
    mkdirSync(join(h.dir, 'saved'));
    const handle = h.host.files.issue(path, 'response', 'write');
    const saved = await call<{ fileName: string; bytes: number }>(h.host, 'trace.saveResponse', { profileId: ua.id, id: m.id, handle });
    expect(saved).toEqual({ fileName: 'metadata.http', bytes: statSync(path).size });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect((await h.host.local.openMetadataFile(path)).metadata.resources.length).toBeGreaterThan(0);
    // A handle is for one purpose: a metadata handle cannot be written to.
    const wrong = await h.host.call('trace.saveResponse', { profileId: ua.id, id: m.id, handle: h.host.files.issue(path, 'metadata', 'read') });
    expect(wrong.ok).toBe(false);

    const s = list.filter((e) => e.transaction === 'Search' && e.status === 200).at(-1)!;
    const searchFile = join(h.dir, 'saved', 'search.http');
    await call(h.host, 'trace.saveResponse', { profileId: ua.id, id: s.id, handle: h.host.files.issue(searchFile, 'response', 'write') });
    expect(readFileSync(searchFile, 'latin1')).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\n<\?xml/);
    const opened = await h.host.call('metadata.openFile', { handle: h.host.files.issue(searchFile, 'metadata', 'read') });
    expect(opened.ok ? '' : opened.error.message).toBe('"search.http" is a Search response, not metadata.');
  });

  it('names the failed request in the error, and trace.get shows it', { timeout: 60_000 }, async () => {
    const { last } = await runOperation(h.host, 'search.start', { profileId: 'demo', resource: 'Property', class: 'RES', query: '(NoSuchField=1)', options: { limit: 5 } });
    expect(last.type).toBe('search.error');
    const traceId = (last as { error: { traceId?: number } }).error.traceId;
    expect(traceId).toBeTypeOf('number');
    const d = await call<TraceDetail>(h.host, 'trace.get', { profileId: 'demo', id: traceId! });
    expect(d.transaction).toBe('Search');
    expect(d.url).toContain('NoSuchField');
    expect(d.body.head).toMatch(/ReplyCode="20\d{3}"/);
    // A draft's test runs outside the log: its error points to no entry.
    const test = await call<{ ok: boolean; error?: { traceId?: number; httpStatus?: number } }>(h.host, 'profiles.test', { draft: { name: 'x', loginUrl: h.host.demo!.loginUrl, username: 'badpass', password: 'nope' } });
    expect(test.ok).toBe(false);
    expect(test.error?.httpStatus).toBe(401);
    expect(test.error?.traceId).toBeUndefined();
  });
});

describe('the ring', () => {
  it('stays under its size cap by dropping the oldest entries', { timeout: 180_000 }, async () => {
    const h = await startHarness({ traceCapMB: 1 });
    try {
      const seen: number[] = [];
      for (let i = 0; i < 10; i++) {
        await search(h, 'demo', `(L_ListPrice=${i}+)`);
        seen.push(...(await entries(h, 'demo')).map((e) => e.id));
      }
      const list = await entries(h, 'demo');
      const first = Math.min(...seen);
      const newest = Math.max(...seen);
      expect(list.at(-1)!.id).toBe(newest);
      expect(list.some((e) => e.id === first)).toBe(false);
      const ids = list.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      const folder = join(h.host.layout.traces, 'demo');
      const size = filesUnder(folder).reduce((n, f) => n + f.bytes.length, 0);
      expect(size).toBeLessThanOrEqual(1024 * 1024);
      expect(readdirSync(folder).filter((n) => n.endsWith('.json'))).toHaveLength(list.length);
      const gone = await h.host.call('trace.get', { profileId: 'demo', id: first });
      expect(gone.ok ? '' : gone.error.message).toMatch(/no longer in the log/);
    } finally {
      await h.close();
    }
  });
});
