// A hostile MLS's "photos" through the real browser-mode server: only raster images, checked by
// their bytes, are served inline; script dressed as SVG, HTML labelled image/png and anything else
// become attachments, and every /media/ answer carries a sandboxing CSP and nosniff. Photos behind
// a Location URL are capped and checked like GetObject parts. The desktop app's media scheme
// answers by the same rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHost, type Host } from '../../electron/host/host';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server';
import { mediaSchemeResponse } from '../../electron/host/mediaScheme';
import { api, httpRequest, type Reply } from './httpHelpers';
import { hostileKeys, PNG_1X1, startHostileRets, type HostileRets } from './hostileRets';

const CAP = 1024 * 1024;
const MEDIA_CSP = "default-src 'none'; img-src 'self'; sandbox";

let dir: string;
let host: Host;
let srv: BrowserServer;
let mls: HostileRets;
let profileId: string;

interface Listed { objects: { objectId: number; url: string; bytes?: number; error?: { kind: string; message: string } }[] }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-media-'));
  mls = await startHostileRets({ bigBytes: 3 * CAP });
  host = await createHost({ dataDir: join(dir, 'data'), mode: 'browser', demo: false, secrets: { disableKeychain: true }, retryBaseMs: 5, photoCapBytes: CAP });
  srv = await startBrowserServer({ host });
  const created = await api(srv.port, srv.token, 'profiles.create', { name: 'Hostile MLS', loginUrl: mls.loginUrl, username: 'joe', password: 'pw' });
  profileId = (created.json() as { data: { profile: { id: string } } }).data.profile.id;
});

afterAll(async () => {
  await srv?.close();
  await host?.close();
  await mls?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function list(key: string): Promise<Listed> {
  const r = await api(srv.port, srv.token, 'objects.list', { profileId, resource: 'Property', key });
  const env = r.json() as { ok: boolean; data: Listed; error?: { message: string } };
  if (!env.ok) throw new Error(env.error?.message);
  return env.data;
}

function get(url: string): Promise<Reply> {
  return httpRequest(srv.port, { path: url, headers: { 'x-rets-workbench-token': srv.token } });
}

/** The same object through the desktop app's media scheme (what its protocol handler returns). */
async function viaScheme(url: string): Promise<Reply> {
  const res = await mediaSchemeResponse(host, `rw-media://media/${url.slice('/media/'.length)}`);
  const body = await res.text();
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => { headers[k] = v; });
  return { status: res.status, headers, body, json: () => JSON.parse(body) };
}

function expectGuarded(r: Reply): void {
  expect(r.headers['content-security-policy']).toBe(MEDIA_CSP);
  expect(r.headers['x-content-type-options']).toBe('nosniff');
}

function expectAttachment(r: Reply): void {
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toBe('application/octet-stream');
  expect(String(r.headers['content-disposition'])).toMatch(/^attachment/);
  expectGuarded(r);
}

function expectInline(r: Reply, type: string): void {
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toBe(type);
  expect(r.headers['content-disposition'] ?? 'inline').toMatch(/^inline/);
  expectGuarded(r);
}

describe('GetObject parts from a hostile MLS', () => {
  it('serves an SVG that loads script from the next part, and that script, as attachments', async () => {
    const { objects } = await list(hostileKeys.svgScript);
    expect(objects.map((o) => o.objectId)).toEqual([1, 2]);
    const svg = await get(objects[0].url);
    expectAttachment(svg);
    expect(svg.body).toContain('<script href="2"/>');
    expectAttachment(await get(objects[1].url));
    for (const o of objects) expectAttachment(await viaScheme(o.url));
  });

  it('serves an HTML page labelled image/png as an attachment', async () => {
    const { objects } = await list(hostileKeys.htmlAsPng);
    const page = await get(objects[0].url);
    expectAttachment(page);
    expect(page.body).toContain('<script>');
    expectAttachment(await viaScheme(objects[0].url));
  });

  it('serves a real PNG inline, also when the server calls it image/jpeg', async () => {
    const { objects } = await list(hostileKeys.png);
    const png = await get(objects[0].url);
    expectInline(png, 'image/png');
    expect(Buffer.from(png.body, 'latin1').length).toBeGreaterThan(0);
    expectInline(await get(objects[1].url), 'image/png');
    for (const o of objects) expectInline(await viaScheme(o.url), 'image/png');
  });

  it('guards error answers under /media/ too', async () => {
    const missing = await get(`/media/${profileId}/Property/Photo/${hostileKeys.png}/99`);
    expect(missing.status).toBe(404);
    expectGuarded(missing);
    const refused = await httpRequest(srv.port, { path: `/media/${profileId}/Property/Photo/${hostileKeys.png}/1` });
    expect(refused.status).toBe(401);
    expectGuarded(refused);
    const schemeMissing = await viaScheme(`/media/${profileId}/Property/Photo/${hostileKeys.png}/99`);
    expect(schemeMissing.status).toBe(404);
    expectGuarded(schemeMissing);
  });
});

describe('photos behind a Location URL', () => {
  it('keeps a real photo, refuses an HTML page and bodies over the cap (declared or streamed)', async () => {
    const { objects } = await list(hostileKeys.location);
    const [ok, page, declared, chunked] = objects;
    expect(ok.error).toBeUndefined();
    expect(ok.bytes).toBe(PNG_1X1.length);
    expectInline(await get(ok.url), 'image/png');

    expect(page.error?.kind).toBe('parse');
    expect(page.error?.message).toMatch(/HTML page/);
    expect((await get(page.url)).status).toBe(404);

    for (const big of [declared, chunked]) {
      expect(big.error?.message).toMatch(/larger than 1 MB/);
      expect((await get(big.url)).status).toBe(404);
    }
    // Nothing over the cap was written to the object cache.
    const folder = join(host.layout.objectCache);
    const sizes: number[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else sizes.push(statSync(join(d, e.name)).size);
      }
    };
    walk(folder);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(CAP);
  });
});
