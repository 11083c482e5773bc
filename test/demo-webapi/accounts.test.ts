// Each Web API account's rehearsal over real HTTP: the OAuth2 grants and their RFC 6749 errors,
// expiring tokens (the server's clock is driven by the test), static tokens, the rate limit with
// quota headers, slow and dropped responses, JSON metadata, a string count, $top as page size,
// and the 413 for too many clauses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { FILTER_CLAUSE_LIMIT, STRICT_FILTER_CLAUSE_LIMIT } from '../../electron/demo/webapi/accounts';
import { parseCsdl } from '../../shared/odata/csdl';
import { readServerError } from '../../shared/odata/errors';
import { bearer, clientToken, type Entity, query, request, tokenRequest } from './helpers';

let mls: DemoMls;
let now = Date.UTC(2026, 10, 1, 12, 0, 0);
const RATE = 3;
beforeAll(async () => {
  mls = await startDemoMls({ listings: 300, seed: 6, clock: () => now, tuning: { rateLimitPerMinute: RATE, slowDelayMs: 50, shortTokenSeconds: 5 } });
});
afterAll(async () => { await mls.close(); });

const page = (token: string, options: Record<string, string | number | boolean> = { $top: 2 }, extra: Record<string, string> = {}) =>
  request(query(mls.webApi.serviceRoot, 'Property', options), bearer(token, extra));
const basicAuth = (id: string, secret: string) => ({ Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });
const password = (clientId: string, username: string, pw: string) => tokenRequest(mls, { grant_type: 'password', client_id: clientId, client_secret: 'demo-secret', username, password: pw });

function oauthError(r: { status: number; body: Record<string, unknown> }, status: number, code: string): void {
  expect(r.status).toBe(status);
  expect(r.body.error).toBe(code);
  expect(typeof r.body.error_description).toBe('string');
}

describe('OAuth2 token endpoint', () => {
  it('issues client-credentials tokens (form fields or HTTP Basic) that open the service', async () => {
    const form = await tokenRequest(mls, { grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'demo-secret', scope: 'api' });
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect(form.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'api' });
    expect(form.body.refresh_token).toBeUndefined();
    const basic = await tokenRequest(mls, { grant_type: 'client_credentials' }, basicAuth('demo-client', 'demo-secret'));
    expect(basic.status).toBe(200);
    for (const t of [form.body.access_token as string, basic.body.access_token as string]) expect((await page(t)).status).toBe(200);
  });

  it('runs the password grant with refresh tokens that rotate', async () => {
    const first = await password('demo-client', 'agent1', 'demo');
    expect(first.status).toBe(200);
    const refresh = first.body.refresh_token as string;
    expect(refresh).toBeTruthy();
    const second = await tokenRequest(mls, { grant_type: 'refresh_token', refresh_token: refresh, client_id: 'demo-client', client_secret: 'demo-secret' });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(refresh);
    expect((await page(second.body.access_token as string)).status).toBe(200);
    oauthError(await tokenRequest(mls, { grant_type: 'refresh_token', refresh_token: refresh, client_id: 'demo-client', client_secret: 'demo-secret' }), 400, 'invalid_grant');
  });

  it('refuses a wrong client secret, a rotated secret and an unknown client with invalid_client', async () => {
    for (const [id, secret] of [['demo-client', 'wrong'], ['rotated-client', 'demo-secret'], ['nobody', 'demo-secret']]) {
      const r = await tokenRequest(mls, { grant_type: 'client_credentials', client_id: id, client_secret: secret });
      oauthError(r, 401, 'invalid_client');
    }
  });

  it('refuses a bad username or password with invalid_grant', async () => {
    oauthError(await password('demo-client', 'agent1', 'wrong'), 400, 'invalid_grant');
    oauthError(await password('demo-client', 'badpass', 'expired'), 400, 'invalid_grant');
    oauthError(await password('demo-client', 'nobody', 'demo'), 400, 'invalid_grant');
  });

  it('refuses a scope the client is not registered for with invalid_scope', async () => {
    oauthError(await tokenRequest(mls, { grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'demo-secret', scope: 'api admin' }), 400, 'invalid_scope');
    oauthError(await tokenRequest(mls, { grant_type: 'client_credentials', client_id: 'scope-client', client_secret: 'demo-secret' }), 400, 'invalid_scope');
  });

  it('answers unsupported_grant_type where the endpoint only knows another grant', async () => {
    oauthError(await tokenRequest(mls, { grant_type: 'client_credentials', client_id: 'pwonly-client', client_secret: 'demo-secret' }), 400, 'unsupported_grant_type');
    expect((await password('pwonly-client', 'agent1', 'demo')).status).toBe(200);
    oauthError(await tokenRequest(mls, { grant_type: 'authorization_code', client_id: 'demo-client', client_secret: 'demo-secret' }), 400, 'unsupported_grant_type');
    const get = await request(mls.webApi.tokenUrl);
    expect(get.status).toBe(405);
  });
});

describe('bearer tokens at the service', () => {
  it('accepts the static token and refuses missing, unknown and expired ones with RFC 6750 challenges', async () => {
    expect((await page('demo-static-token')).status).toBe(200);
    const none = await request(query(mls.webApi.serviceRoot, 'Property', { $top: 1 }));
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="Demo MLS Web API"');
    for (const token of ['expired-static-token', 'made-up-token']) {
      const r = await page(token);
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm="Demo MLS Web API", error="invalid_token"/);
      expect(readServerError(r.text).shape).toBe('odata');
    }
    expect((await page('expired-static-token')).headers.get('www-authenticate')).toMatch(/expired/);
  });

  it('expires short-lived tokens on the server clock; a refresh or a new token works again', async () => {
    const cc = await tokenRequest(mls, { grant_type: 'client_credentials', client_id: 'short-client', client_secret: 'demo-secret' });
    const pw = await password('short-client', 'agent1', 'demo');
    expect(cc.body.expires_in).toBe(5);
    expect((await page(cc.body.access_token as string)).status).toBe(200);
    now += 6000;
    for (const t of [cc.body.access_token as string, pw.body.access_token as string]) {
      const r = await page(t);
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    }
    const refreshed = await tokenRequest(mls, { grant_type: 'refresh_token', refresh_token: pw.body.refresh_token as string, client_id: 'short-client', client_secret: 'demo-secret' });
    expect((await page(refreshed.body.access_token as string)).status).toBe(200);
    expect((await page(await clientToken(mls, 'short-client'))).status).toBe(200);
  });
});

describe('rehearsal clients', () => {
  it('rate-limits with quota headers, then 429 with Retry-After until the minute passes', async () => {
    const token = await clientToken(mls, 'ratelimit-client');
    for (let n = 1; n <= RATE; n++) {
      const r = await page(token);
      expect(r.status).toBe(200);
      expect(r.headers.get('burst-ratelimit-limit')).toBe(String(RATE));
      expect(r.headers.get('burst-ratelimit-remaining')).toBe(String(RATE - n));
      expect(r.headers.get('hour-quota-limit')).toBe(String(RATE * 60));
      expect(r.headers.get('hour-quota-available')).toBe(String(RATE * 60 - n));
    }
    const over = await page(token);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.headers.get('burst-ratelimit-remaining')).toBe('0');
    expect(over.headers.get('hour-quota-resettime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(readServerError(over.text).code).toBe('TooManyRequests');
    now += 61_000;
    expect((await page(token)).status).toBe(200);
  });

  it('trickles slow responses, which still arrive whole', async () => {
    const res = await fetch(query(mls.webApi.serviceRoot, 'Property', { $top: 3 }), bearer(await clientToken(mls, 'slow-client')));
    let chunks = 0;
    let text = '';
    const decoder = new TextDecoder();
    const reader = res.body!.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) { chunks++; text += decoder.decode(r.value, { stream: true }); }
    expect(chunks).toBeGreaterThan(1);
    expect((JSON.parse(text) as { value: Entity[] }).value.length).toBe(3);
  });

  it('drops the connection mid-page (metadata still arrives)', async () => {
    const token = await clientToken(mls, 'dropper-client');
    const res = await fetch(query(mls.webApi.serviceRoot, 'Property', { $top: 50 }), bearer(token));
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect((await request(`${mls.webApi.serviceRoot}/$metadata`, bearer(token, { Accept: 'application/xml' }))).status).toBe(200);
  });

  it('returns CSDL JSON even when XML is asked for', async () => {
    const r = await request(`${mls.webApi.serviceRoot}/$metadata`, bearer(await clientToken(mls, 'jsonmeta-client'), { Accept: 'application/xml' }));
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = parseCsdl(r.text);
    expect(doc.format).toBe('json');
    expect(doc.schemas[0].entityTypes.map((t) => t.name)).toContain('Property');
  });

  it('sends @odata.count as a string', async () => {
    const r = await page(await clientToken(mls, 'stringcount-client'), { $count: true, $top: 1 });
    expect(r.body['@odata.count']).toBe('300');
  });

  it('treats $top as the page size: min($top, page size) rows and a nextLink anyway', async () => {
    const odd = await page(await clientToken(mls, 'toppage-client'), { $top: 5, $select: 'ListingKey' });
    expect((odd.body.value as Entity[]).length).toBe(5);
    const next = await request(odd.body['@odata.nextLink'] as string, bearer(await clientToken(mls, 'toppage-client')));
    expect((next.body.value as Entity[]).map((r) => r.ListingKey)).toEqual(['500005', '500006', '500007', '500008', '500009']);
    const none = await page(await clientToken(mls, 'toppage-client'), { $top: 0 });
    expect(none.body.value).toEqual([]);
    expect(none.body['@odata.nextLink']).toBeUndefined();
    const normal = await page(await clientToken(mls), { $top: 5 });
    expect((normal.body.value as Entity[]).length).toBe(5);
    expect(normal.body['@odata.nextLink']).toBeUndefined();
  });

  it('answers 413 for a filter with too many clauses', async () => {
    const clauses = (n: number) => Array.from({ length: n }, (_, k) => `ListPrice ne ${k}`).join(' and ');
    const strict = await clientToken(mls, 'strict-client');
    expect((await page(strict, { $filter: clauses(STRICT_FILTER_CLAUSE_LIMIT) })).status).toBe(200);
    const refused = await page(strict, { $filter: clauses(STRICT_FILTER_CLAUSE_LIMIT + 1) });
    expect(refused.status).toBe(413);
    const e = readServerError(refused.text);
    expect(e.code).toBe('FilterTooComplex');
    expect(e.message).toMatch(/at most 5/);
    const demo = await clientToken(mls);
    expect((await page(demo, { $filter: clauses(STRICT_FILTER_CLAUSE_LIMIT + 1) })).status).toBe(200);
    expect((await page(demo, { $filter: clauses(FILTER_CLAUSE_LIMIT + 1) })).status).toBe(413);
  });
});
