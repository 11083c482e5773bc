// Requests that used to kill or confuse the browser-mode server: a download whose file is gone, a
// static file that cannot be read after it was found, malformed percent-escapes in the path and in
// the token cookie, and JSON bodies over the cap. Each gets an answer, and the server keeps going.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { mediaSchemeResponse } from '../../electron/host/mediaScheme';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server';
import { api, httpRequest, type Reply } from './httpHelpers';
import { runOperation, startHarness, type Harness } from './hostHarness';

let h: Harness;
let srv: BrowserServer;
let auth: Record<string, string>;

beforeAll(async () => {
  h = await startHarness({ listings: 50 });
  const renderer = join(h.dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>RETS Workbench</title>');
  // Found by stat as a regular file, then every read fails (EIO): what a file removed or
  // unreadable between the lookup and the read looks like to the stream.
  symlinkSync('/proc/self/mem', join(renderer, 'assets', 'unreadable.js'));
  srv = await startBrowserServer({ host: h.host, rendererDir: renderer });
  auth = { 'x-rets-workbench-token': srv.token };
});

afterAll(async () => {
  await srv?.close();
  await h?.close();
});

async function stillServing(): Promise<void> {
  const r = await api(srv.port, srv.token, 'snippets.list', {});
  expect(r.status).toBe(200);
}

/** A request whose outcome is either a reply or the socket's error (never a thrown test). */
function attempt(opts: Parameters<typeof httpRequest>[1]): Promise<Reply | Error> {
  return httpRequest(srv.port, opts).catch((e: Error) => e);
}

describe('files the server streams', () => {
  it('answers a download whose file was removed with an error, and keeps serving', async () => {
    const { last } = await runOperation(h.host, 'export.start', {
      profileId: 'demo', resource: 'Property', class: 'RES', query: '(L_ListPrice=0+)', select: ['L_ListingKey'],
      options: { limit: 5 }, destination: { kind: 'download', fileName: 'gone.csv' },
    });
    const done = last as { type: string; operationId: string; downloadUrl: string };
    expect(done.type).toBe('export.done');
    rmSync(h.host.download(done.operationId)!.path);
    const r = await attempt({ path: done.downloadUrl, headers: auth });
    expect(r).not.toBeInstanceOf(Error);
    expect((r as Reply).status).toBe(404);
    expect((r as Reply).json()).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no longer there|removed/) } });
    await stillServing();
    // The desktop app's media scheme too.
    const viaScheme = await mediaSchemeResponse(h.host, `rw-media:/${done.downloadUrl}`);
    expect(viaScheme.status).toBe(404);
    expect(viaScheme.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('cuts only that response when a static file fails while it is read, and keeps serving', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const req = request({ host: '127.0.0.1', port: srv.port, path: '/assets/unreadable.js', headers: auth }, (res) => {
        res.on('error', () => undefined);
        res.on('end', () => resolve(`complete ${res.statusCode}`));
        res.on('close', () => resolve(res.complete ? `complete ${res.statusCode}` : 'cut'));
        res.resume();
      });
      req.on('error', () => resolve('cut'));
      req.end();
    });
    expect(outcome).toBe('cut');
    await stillServing();
  });
});

describe('malformed percent-escapes', () => {
  it.each([
    ['an API call name', 'POST', '/api/snippets.%E0%A4%A'],
    ['a download id', 'GET', '/downloads/%E0%A4%A'],
    ['a media path', 'GET', '/media/demo/Property/Photo/%E0%A4%A/1'],
    ['a static path', 'GET', '/assets/%E0%A4%A.js'],
  ])('answers 400 for %s', async (_what, method, path) => {
    const r = await httpRequest(srv.port, { method, path, headers: { ...auth, 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) });
    expect(r.status).toBe(400);
    expect(r.headers['content-security-policy']).toBe("default-src 'none'; img-src 'self'; sandbox");
    await stillServing();
  });

  it('answers 400 for a token cookie with a malformed escape, and ignores other sites\' odd cookies', async () => {
    const bad = await httpRequest(srv.port, { path: '/', headers: { cookie: 'rw_token=%E0%A4%A' } });
    expect(bad.status).toBe(400);
    const other = await httpRequest(srv.port, { path: '/', headers: { cookie: `theirs=%E0%A4%A; rw_token=${encodeURIComponent(srv.token)}` } });
    expect(other.status).toBe(200);
  });
});

describe('JSON bodies over the cap', () => {
  const big = JSON.stringify({ name: 'x'.repeat(8 * 1024 * 1024), resource: 'Property', class: 'RES', query: '(A=1)' });

  it('answers 413 to a declared length over the cap; the client reads it (no reset)', async () => {
    const r = await attempt({ method: 'POST', path: '/api/snippets.save', headers: { ...auth, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) }, body: big });
    expect(r).not.toBeInstanceOf(Error);
    expect((r as Reply).status).toBe(413);
    expect((r as Reply).json()).toMatchObject({ ok: false, error: { kind: 'input', message: expect.stringMatching(/too large/) } });
    await stillServing();
  });

  it('answers 413 to a chunked body that grows over the cap', async () => {
    const r = await new Promise<Reply | Error>((resolve) => {
      const req = request({ host: '127.0.0.1', port: srv.port, method: 'POST', path: '/api/snippets.save', headers: { ...auth, 'content-type': 'application/json' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => { const body = Buffer.concat(chunks).toString(); resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) }); });
      });
      req.on('error', resolve);
      for (let i = 0; i < 16; i++) req.write(big.slice(i * (big.length / 16), (i + 1) * (big.length / 16)));
      req.end();
    });
    expect(r).not.toBeInstanceOf(Error);
    expect((r as Reply).status).toBe(413);
    await stillServing();
  });
});
