// runWebApiDoctor against the Demo MLS's Web API over real HTTP: the working accounts pass every
// step, and each failure account ends in the diagnosis that names its problem.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMls, type DemoMls } from '../../electron/demo';
import { runWebApiDoctor, type WebApiDoctorSettings } from '../../electron/doctor';
import { runWebApiDoctor as hostDoctor } from '../../electron/host/doctorRunner';
import type { ODataAuth } from '../../electron/odata/types';
import { DoctorStep as StepSchema } from '../../shared/contract';
import { renderReportMarkdown, type DoctorReport, type DoctorStep } from '../../shared/doctor';

let demo: DemoMls;
let slow: DemoMls;
let tight: DemoMls;
let html: Server;
let htmlUrl: string;
const T = 5000;
const step = (r: DoctorReport, id: DoctorStep['id']) => r.steps.find((s) => s.id === id)!;
const fact = (r: DoctorReport, id: DoctorStep['id'], label: string) => step(r, id).facts.find((f) => f.label === label)?.value;

function client(m: DemoMls, clientId: string, more: Partial<Extract<ODataAuth, { kind: 'client-credentials' }>> = {}): WebApiDoctorSettings {
  return { serviceRoot: m.webApi.serviceRoot, auth: { kind: 'client-credentials', tokenUrl: m.webApi.tokenUrl, clientId, clientSecret: 'demo-secret', scope: 'api', ...more } };
}

function user(m: DemoMls, username: string, password: string, clientId = 'demo-client'): WebApiDoctorSettings {
  return { serviceRoot: m.webApi.serviceRoot, auth: { kind: 'password', tokenUrl: m.webApi.tokenUrl, clientId, clientSecret: 'demo-secret', username, password, scope: 'api' } };
}

function token(m: DemoMls, value: string): WebApiDoctorSettings {
  return { serviceRoot: m.webApi.serviceRoot, auth: { kind: 'bearer', token: value } };
}

beforeAll(async () => {
  demo = await startDemoMls({ listings: 200 });
  slow = await startDemoMls({ listings: 50, tuning: { slowDelayMs: 600 } });
  tight = await startDemoMls({ listings: 50, tuning: { rateLimitPerMinute: 2 } });
  // A login page where the token endpoint should be (a portal, a proxy's sign-in page).
  html = createServer((_req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end('<!doctype html><html><head><title>Sign in</title></head><body>Please sign in</body></html>'); });
  await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
  htmlUrl = `http://127.0.0.1:${(html.address() as AddressInfo).port}/oauth/token`;
});
afterAll(async () => {
  await demo.close();
  await slow.close();
  await tight.close();
  await new Promise((resolve) => html.close(resolve));
});

describe('the Demo MLS Web API, working accounts', () => {
  it('client credentials pass every step, with the facts each step found', async () => {
    const seen: DoctorStep[] = [];
    const r = await runWebApiDoctor(client(demo, 'demo-client'), { timeoutMs: T, onStep: (s) => seen.push(s) });
    expect(r.verdict.status).toBe('passed');
    expect(r.steps.map((s) => [s.id, s.status])).toEqual([
      ['url', 'passed'], ['dns', 'passed'], ['tcp', 'passed'], ['tls', 'skipped'], ['token', 'passed'], ['serviceDocument', 'passed'],
      ['odataMetadata', 'passed'], ['firstRecords', 'passed'], ['paging', 'passed'], ['media', 'passed'], ['rateLimit', 'passed'],
    ]);
    expect(step(r, 'url').title).toBe('Service root');
    expect(fact(r, 'token', 'Token lifetime')).toBe('3,600 s');
    expect(fact(r, 'token', 'Token host')).toBeUndefined();
    expect(fact(r, 'serviceDocument', 'Entity sets')).toBe('6: Property, Member, Office, OpenHouse, Media, Lookup');
    expect(fact(r, 'odataMetadata', 'Asked as')).toBe('application/xml');
    expect(fact(r, 'odataMetadata', 'Content-Type')).toMatch(/^application\/xml/);
    expect(fact(r, 'odataMetadata', 'Size')).toMatch(/^[\d,]+ bytes$/);
    expect(fact(r, 'odataMetadata', 'Parse time')).toMatch(/^\d+ ms$/);
    expect(fact(r, 'odataMetadata', 'Key field')).toBe('Property: ListingKey (the system key)');
    expect(fact(r, 'firstRecords', 'Property')).toBe('1 row; 200 records in all');
    for (const set of ['Member', 'Office', 'OpenHouse', 'Media', 'Lookup']) expect(fact(r, 'firstRecords', set)).toBe('1 row');
    expect(fact(r, 'paging', 'Pages read')).toBe('page 1: 100 rows; page 2: 100 rows');
    expect(fact(r, 'paging', 'Duplicate keys')).toBe('none');
    expect(fact(r, 'paging', '$top=3')).toBe('3 rows, no nextLink');
    expect(fact(r, 'media', 'Received')).toMatch(/^image\/png, [\d,]+ bytes$/);
    expect(fact(r, 'rateLimit', 'Headers')).toBe('none sent: the server does not announce its limits');
    expect(r.localAddress).toMatch(/^127\.0\.0\.1:\d+$/);
    // Each step was reported running, then with its result.
    expect(seen.filter((s) => s.id === 'paging').map((s) => s.status)).toEqual(['running', 'passed']);
  });

  it('the password grant and a static token pass; a static token has no token step', async () => {
    const pw = await runWebApiDoctor(user(demo, 'agent1', 'demo'), { timeoutMs: T });
    expect(pw.verdict.status).toBe('passed');
    expect(fact(pw, 'token', 'Grant')).toBe('password (user agent1)');
    const pwOnly = await runWebApiDoctor(user(demo, 'agent1', 'demo', 'pwonly-client'), { timeoutMs: T });
    expect(pwOnly.verdict.status).toBe('passed');
    const fixed = await runWebApiDoctor(token(demo, 'demo-static-token'), { timeoutMs: T });
    expect(fixed.verdict.status).toBe('passed');
    expect(step(fixed, 'token')).toMatchObject({ status: 'skipped', facts: [{ label: 'Skipped', value: 'a static bearer token: no token endpoint' }] });
  });

  it('strict-client passes: its filter limit only shows on filters of more than 5 comparisons, which the doctor does not send', async () => {
    const r = await runWebApiDoctor(client(demo, 'strict-client'), { timeoutMs: T });
    expect(r.verdict.status).toBe('passed');
  });
});

describe('the Demo MLS Web API, failure accounts', () => {
  it('a rotated secret (rotated-client) and a wrong secret are invalid_client at the token step', async () => {
    for (const s of [client(demo, 'rotated-client'), client(demo, 'demo-client', { clientSecret: 'not-the-secret' })]) {
      const r = await runWebApiDoctor(s, { timeoutMs: T });
      expect(r.verdict).toMatchObject({ status: 'failed', stepId: 'token', summary: 'The token endpoint rejected the client id or client secret (invalid_client).' });
      expect(r.verdict.diagnosis).toMatchObject({ httpStatus: 401 });
      expect(r.verdict.diagnosis?.detail).toContain('The server said: "Client authentication failed');
      expect(step(r, 'serviceDocument').status).toBe('skipped');
    }
  });

  it('a wrong password (badpass, or agent1 with another password) is invalid_grant', async () => {
    for (const s of [user(demo, 'badpass', 'expired'), user(demo, 'agent1', 'wrong')]) {
      const r = await runWebApiDoctor(s, { timeoutMs: T });
      expect(r.verdict).toMatchObject({ status: 'failed', stepId: 'token', summary: 'The token endpoint refused the username or password (invalid_grant).' });
      expect(r.verdict.diagnosis?.cause).toBe('The username or password is wrong, or the account is locked or not enabled for the Web API.');
    }
  });

  it('scope-client is invalid_scope', async () => {
    const r = await runWebApiDoctor(client(demo, 'scope-client'), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'failed', stepId: 'token', summary: 'The token endpoint refused the scope "api" (invalid_scope).' });
    expect(r.verdict.diagnosis).toMatchObject({ httpStatus: 400 });
  });

  it('pwonly-client with client credentials is unsupported_grant_type', async () => {
    const r = await runWebApiDoctor(client(demo, 'pwonly-client'), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'failed', stepId: 'token', summary: 'The token endpoint does not support the client credentials grant (unsupported_grant_type).' });
    expect(r.verdict.diagnosis?.actions[0]).toContain('password grant');
  });

  it('a token URL with nothing behind it is a 404 where a token was expected', async () => {
    const r = await runWebApiDoctor(client(demo, 'demo-client', { tokenUrl: `${demo.baseUrl}/reso/oauth2/tokens` }), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'failed', stepId: 'token', summary: 'Nothing answers at the token URL (HTTP 404) where a token was expected.' });
  });

  it('an HTML page at the token URL, on another host than the service root, is said so', async () => {
    const r = await runWebApiDoctor(client(demo, 'demo-client', { tokenUrl: htmlUrl }), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'failed', stepId: 'token', summary: 'The token URL answered HTTP 200 with an HTML page titled "Sign in" where a token was expected.' });
    expect(fact(r, 'token', 'Token host')).toBe(`${new URL(htmlUrl).host}, another host than the service root (${new URL(demo.webApi.serviceRoot).host})`);
  });

  it('an expired static token fails at the service document with invalid_token in words', async () => {
    const r = await runWebApiDoctor(token(demo, 'expired-static-token'), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'failed', stepId: 'serviceDocument' });
    expect(r.verdict.diagnosis).toMatchObject({ httpStatus: 401, cause: 'The access token has expired or was revoked.' });
  });

  it('short-client: a token that lives 5 s warns', async () => {
    const r = await runWebApiDoctor(client(demo, 'short-client'), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'warning', stepId: 'token' });
    expect(r.verdict.diagnosis?.summary).toBe('The access token lives only 5 s.');
    expect(step(r, 'rateLimit').status).toBe('passed');
  });

  it('jsonmeta-client: $metadata asked as XML comes back as CSDL JSON', async () => {
    const r = await runWebApiDoctor(client(demo, 'jsonmeta-client'), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'warning', stepId: 'odataMetadata' });
    expect(r.verdict.diagnosis?.summary).toBe('The server answered $metadata as CSDL JSON although XML was asked for.');
    expect(fact(r, 'odataMetadata', 'Key field')).toBe('Property: ListingKey (the system key)');
  });

  it('stringcount-client: @odata.count as a string', async () => {
    const r = await runWebApiDoctor(client(demo, 'stringcount-client'), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'warning', stepId: 'firstRecords' });
    expect(r.verdict.diagnosis?.summary).toBe('@odata.count arrives as a string ("200"), not a number.');
  });

  it('toppage-client: $top acts as the page size', async () => {
    const r = await runWebApiDoctor(client(demo, 'toppage-client'), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'warning', stepId: 'paging' });
    expect(r.verdict.diagnosis?.summary).toBe('$top acts as the page size: $top=3 brought 3 rows and a nextLink to more.');
    expect(fact(r, 'paging', '$top=3')).toBe('3 rows, and a nextLink');
  });

  it('dropper-client: a page cut off after 4 KB, at the same place on two repeats', async () => {
    const r = await runWebApiDoctor(client(demo, 'dropper-client'), { timeoutMs: T });
    expect(r.verdict.status).toBe('failed');
    expect(r.verdict.summary).toMatch(/response was cut off after 4,096 bytes: the connection closed before the body was complete\.$/);
    expect(r.verdict.diagnosis?.detail).toBe('Repeated twice: cut at the same place each time (bytes received: 4,096, 4,096, 4,096).');
  });

  it('ratelimit-client: the quota read in words, optional requests spared, and a warning that little is left', async () => {
    const r = await runWebApiDoctor(client(demo, 'ratelimit-client'), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'warning', stepId: 'rateLimit' });
    expect(r.verdict.diagnosis?.summary).toMatch(/^Only \d of 10 requests per burst window are left after this test\.$/);
    expect(r.verdict.diagnosis?.actions[0]).toBe('Set the profile\'s throttle to at most 10 requests a minute.');
    expect(fact(r, 'rateLimit', 'Quota (hour)')).toMatch(/^limit 600 an hour, \d+ left, resets /);
    expect(fact(r, 'rateLimit', 'For a sync')).toBe(
      '10 requests per burst window: a full pull of 200 Property records at 1,000 a page is 1 request. 600 requests an hour: a full pull of 200 Property records at 1,000 a page is 1 request.',
    );
    expect(fact(r, 'firstRecords', 'Not tried')).toMatch(/to spare the rate limit/);
    // The probe never ran into the limit itself.
    expect(r.steps.filter((s) => s.status === 'failed')).toEqual([]);
  });

  it('slow-client: steps slower than the limit warn, with what the pace means for a sync', async () => {
    const r = await runWebApiDoctor(client(slow, 'slow-client'), { timeoutMs: T, slowStepMs: 500 });
    expect(r.verdict).toMatchObject({ status: 'warning', stepId: 'serviceDocument' });
    expect(r.verdict.diagnosis?.summary).toMatch(/^Service document took [\d.]+ m?s, over the 500 ms the doctor expects\.$/);
    expect(r.verdict.diagnosis?.detail).toMatch(/^At this pace a sync that makes 100 such requests spends about /);
  });
});

describe('the Demo MLS Web API, other failures', () => {
  it('a rate limit the probe runs into: the step fails with the 429 in words, and the quota is still read', async () => {
    const r = await runWebApiDoctor(client(tight, 'ratelimit-client'), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'failed', stepId: 'firstRecords' });
    expect(r.verdict.diagnosis).toMatchObject({ httpStatus: 429 });
    expect(r.verdict.summary).toMatch(/^The query failed with HTTP 429: Rate limit exceeded: 2 requests a minute for this client/);
    expect(step(r, 'paging').status).toBe('skipped');
    expect(step(r, 'rateLimit').status).toBe('warning');
    expect(fact(r, 'rateLimit', 'Quota (burst)')).toMatch(/^limit 2 per burst window, 0 left/);
  });

  it('a service root that answers a web page, and one with nothing behind it', async () => {
    const page = await runWebApiDoctor({ serviceRoot: htmlUrl, auth: { kind: 'none' } }, { timeoutMs: T });
    expect(page.verdict).toMatchObject({ status: 'failed', stepId: 'serviceDocument', summary: 'Reading the service document got an HTML page titled "Sign in" (HTTP 200) where JSON was expected.' });
    const missing = await runWebApiDoctor({ ...token(demo, 'demo-static-token'), serviceRoot: `${demo.baseUrl}/reso/odatax` }, { timeoutMs: T });
    expect(missing.verdict).toMatchObject({ status: 'failed', stepId: 'serviceDocument' });
    expect(missing.verdict.diagnosis).toMatchObject({ httpStatus: 404 });
    expect(missing.verdict.diagnosis?.cause).toMatch(/^Nothing exists at this URL: a wrong service root/);
  });

  it('a cancel stops the probe where it is', async () => {
    const controller = new AbortController();
    const r = await runWebApiDoctor(client(demo, 'demo-client'), { timeoutMs: T, signal: controller.signal, onStep: (s) => { if (s.id === 'serviceDocument' && s.status === 'running') controller.abort(); } });
    expect(r.verdict.status).toBe('cancelled');
    expect(step(r, 'token').status).toBe('passed');
    expect(r.steps.slice(5).every((s) => s.status === 'skipped')).toBe(true);
  });
});

describe('the Web API report', () => {
  it('names the service root and auth, carries the egress address, and holds no secret', async () => {
    const secret = 'wrong-secret-xyz';
    const r = await runWebApiDoctor(client(demo, 'demo-client', { clientSecret: secret }), { timeoutMs: T });
    const md = renderReportMarkdown(r, [secret]);
    expect(md).toContain('# RESO Web API connection test');
    expect(md).toContain(`- Service root: ${demo.webApi.serviceRoot}`);
    expect(md).toContain(`- Authentication: client-credentials (token URL ${demo.webApi.tokenUrl})`);
    expect(md).toContain('- Client id: demo-client');
    expect(md).toMatch(/- Local address \(connection left from\): 127\.0\.0\.1:\d+/);
    expect(md).toContain('## Token endpoint: failure');
    expect(md).toContain('_Client secret, access tokens and passwords are not included in this report._');
    expect(JSON.stringify(r) + md).not.toContain(secret);
  });

  it('a service root that is not a URL fails at the first step in the service root\'s words', async () => {
    const r = await runWebApiDoctor({ serviceRoot: 'api.example.com/reso/odata', auth: { kind: 'none' } }, { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'failed', stepId: 'url', summary: 'The service root is not a valid URL.' });
  });
});

describe('the host\'s Web API doctor', () => {
  it('sends contract steps as they change and ends with the verdict and a report without secrets', async () => {
    const secret = 'host-wrong-secret';
    const live: unknown[] = [];
    const result = await hostDoctor(client(demo, 'demo-client', { clientSecret: secret }), { signal: new AbortController().signal, onStep: (s) => live.push(s) });
    for (const s of [...live, ...result.steps]) expect(StepSchema.safeParse(s).success).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.steps.find((s) => s.id === 'token')).toMatchObject({ status: 'failed', title: 'Token endpoint', detail: 'The token endpoint rejected the client id or client secret (invalid_client).' });
    expect(result.verdict).toMatchObject({ status: 'failed', stepId: 'token' });
    expect(result.report).toContain('# RESO Web API connection test');
    expect(JSON.stringify(live) + JSON.stringify(result)).not.toContain(secret);
    const good = await hostDoctor(client(demo, 'demo-client'), { signal: new AbortController().signal, onStep: () => {} });
    expect(good).toMatchObject({ ok: true, cancelled: false, verdict: { status: 'passed' } });
  });
});
