import { afterEach, describe, expect, it } from 'vitest';
import { Transport } from '../../electron/rets/transport';
import { Trace } from '../../electron/rets/trace';
import { redactUrl } from '../../shared/redact';
import { DEFAULT_SETTINGS, type ConnectionSettings } from '../../electron/rets/types';
import { startMiniRets, type MiniRets, type MiniRetsOptions } from './miniRets';

let server: MiniRets | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await server?.close();
  server = undefined;
  transport = undefined;
});

async function setup(serverOpts: MiniRetsOptions, settings: Partial<ConnectionSettings> = {}) {
  server = await startMiniRets(serverOpts);
  const full: ConnectionSettings = {
    ...DEFAULT_SETTINGS, loginUrl: server.loginUrl, username: 'joe', password: 'pw', userAgent: 'Workbench/1.0',
    connectTimeoutMs: 2000, idleTimeoutMs: 2000, ...settings,
  };
  transport = new Transport(full, new Trace(50));
  return { server, transport };
}

describe('Transport', () => {
  for (const auth of ['digest', 'digest-noqop', 'digest-sess', 'basic'] as const) {
    it(`logs in with ${auth}, keeps the session cookie and answers the challenge on later requests`, async () => {
      const { server, transport } = await setup({ auth });
      const login = await transport.send({ transaction: 'Login', url: server.loginUrl });
      expect(login.status).toBe(200);
      expect(await login.text()).toContain('ReplyCode="0"');
      expect(transport.sessionId(server.loginUrl)).toMatch(/^[0-9a-f]{12}$/);
      const meta = await transport.send({ transaction: 'GetMetadata', url: `${server.url}/rets/getMetadata`, params: { Type: 'METADATA-CLASS', ID: 'Property', Format: 'COMPACT' } });
      expect(await meta.text()).toContain('<DATA>\tRES\tResidential\t</DATA>');
      const last = server.log[server.log.length - 1];
      expect(last.headers.cookie).toContain('RETS-Session-ID=');
      expect(last.headers['rets-version']).toBe('RETS/1.7.2');
      expect(last.headers['user-agent']).toBe('Workbench/1.0');
    });
  }

  it('sends RETS-UA-Authorization the server accepts, and POSTs form-encoded arguments', async () => {
    const { server, transport } = await setup({ uaPassword: 'uapw' }, { uaPassword: 'uapw', method: 'POST' });
    await (await transport.send({ transaction: 'Login', url: server.loginUrl })).text();
    const res = await transport.send({ transaction: 'GetMetadata', url: `${server.url}/rets/getMetadata`, params: { Type: 'METADATA-CLASS', ID: 'Property' } });
    expect(await res.text()).toContain('Residential');
    const last = server.log[server.log.length - 1];
    expect(last.method).toBe('POST');
    expect(last.params.type).toBe('METADATA-CLASS');
    expect(last.headers['rets-ua-authorization']).toMatch(/^Digest [0-9a-f]{32}$/);
  });

  it('returns the 401 when the password is wrong, after one answered challenge', async () => {
    const { server, transport } = await setup({}, { password: 'wrong' });
    const res = await transport.send({ transaction: 'Login', url: server.loginUrl });
    expect(res.status).toBe(401);
    await res.discard();
    expect(server.log.length).toBe(2);
  });

  it('answers a stale=true challenge on a later request with the new nonce', async () => {
    const { server, transport } = await setup({});
    await (await transport.send({ transaction: 'Login', url: server.loginUrl })).text();
    server.forgetNonces();
    const res = await transport.send({ transaction: 'GetMetadata', url: `${server.url}/rets/getMetadata`, params: { Type: 'METADATA-CLASS', ID: 'Property' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Residential');
    expect(transport.trace.list().map((e) => e.status)).toEqual([401, 200, 401, 200]);
  });

  it('keeps secrets out of the trace', async () => {
    const { server, transport } = await setup({});
    await (await transport.send({ transaction: 'Login', url: server.loginUrl })).text();
    const sid = transport.sessionId(server.loginUrl);
    await (await transport.send({ transaction: 'Search', url: `${server.url}/rets/search?password=pw`, params: { Query: '(ListingID=NONE)' } })).text();
    const entries = transport.trace.list();
    expect(entries.length).toBe(3); // 401, login, search (answered up front)
    const dump = JSON.stringify(entries);
    expect(dump).not.toContain(sid);
    expect(dump).not.toContain('password=pw'); // in the URL and in the digest uri
    expect(dump).toMatch(/Digest username=\\"[^\\]*\\", .*response=\\"REDACTED\\"/);
    const search = entries[2];
    expect(search).toMatchObject({ transaction: 'Search', method: 'GET', status: 200 });
    expect(search.requestHeaders.cookie).toBe('JSESSIONID=REDACTED; RETS-Session-ID=REDACTED');
    expect(search.bytes).toBeGreaterThan(50);
    expect(search.timing.end).toBeGreaterThanOrEqual(search.timing.headers!);
  });

  it('tells trace subscribers about each request as it begins, gets headers and ends', async () => {
    const { server, transport } = await setup({ auth: 'basic' }, { authScheme: 'basic' });
    const seen: string[] = [];
    const off = transport.trace.subscribe((entry, event) => seen.push(`${entry.id}:${event}:${entry.status ?? '-'}`));
    await (await transport.send({ transaction: 'Login', url: server.loginUrl })).text();
    off();
    await (await transport.send({ transaction: 'Login', url: server.loginUrl })).text();
    // Forced Basic sends credentials up front: no 401 round trip.
    expect(seen).toEqual(['1:begin:-', '1:headers:200', '1:end:200']);
    expect(transport.trace.list().length).toBe(2);
  });

  it('spaces requests out when a throttle is set', async () => {
    // 120 a minute = one request per 500 ms; the margin absorbs scheduling jitter of a busy machine.
    const { server, transport } = await setup({ auth: 'basic' }, { authScheme: 'basic', throttlePerMinute: 120 });
    for (let i = 0; i < 2; i++) await (await transport.send({ transaction: 'Login', url: server.loginUrl })).text();
    const starts = transport.trace.list().map((e) => e.timing.start);
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(400);
  });

  it('redacts userinfo, secret parameters, jsessionid and known secrets in URLs', () => {
    expect(redactUrl('http://u:p@h/rets;jsessionid=ABCD/search?SessionID=S1&Class=RES&x=TOPSECRET', ['TOPSECRET']))
      .toBe('http://h/rets;jsessionid=REDACTED/search?SessionID=REDACTED&Class=RES&x=REDACTED');
  });
});
