// Login, sessions, Digest/Basic and User-Agent authentication over real HTTP, with our fetch
// helpers and with Debian's curl --digest.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { basic, curl, get, login, replyCode } from './helpers';

let mls: DemoMls;
beforeAll(async () => { mls = await startDemoMls({ listings: 200, seed: 7 }); });
afterAll(async () => { await mls.close(); });

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe('login', () => {
  it('challenges with Digest qop=auth when no credentials are sent', async () => {
    const r = await get(mls.loginUrl);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Digest realm="[^"]+", qop="auth", nonce="[^"]+", opaque="[^"]+"$/);
  });

  it('logs in with Basic and lists capability URLs and a session cookie', async () => {
    const { cookie, reply } = await login(mls.loginUrl);
    expect(reply.status).toBe(200);
    expect(replyCode(reply.text)).toBe(0);
    expect(reply.headers.get('rets-version')).toBe('RETS/1.7.2');
    expect(cookie).toMatch(/^RETS-Session-ID=[0-9A-F]{24}$/);
    for (const cap of ['Search=/rets/search', 'GetMetadata=/rets/getMetadata', 'GetObject=/rets/getObject', 'Logout=/rets/logout', 'X-ApiAccessSettings=/rets/API']) {
      expect(reply.text).toContain(cap);
    }
    expect(reply.text).toContain(`Login=${mls.loginUrl}`);
  });

  it('echoes RETS-Request-ID', async () => {
    const r = await get(mls.loginUrl, { Authorization: basic('demo', 'demo'), 'RETS-Request-ID': 'REQ42' });
    expect(r.headers.get('rets-request-id')).toBe('REQ42');
  });

  it('refuses a wrong password with 401', async () => {
    const r = await get(mls.loginUrl, { Authorization: basic('demo', 'nope') });
    expect(r.status).toBe(401);
  });

  it('works with curl --digest (cookies kept in a jar), through search-free transactions and logout', async () => {
    const jar = join(mkdtempSync(join(tmpdir(), 'demo-curl-')), 'jar');
    const a = await curl(['-s', '--digest', '-u', 'demo:demo', '-c', jar, '-b', jar, mls.loginUrl]);
    expect(a.code).toBe(0);
    expect(a.stdout.toString()).toContain('ReplyCode="0"');
    expect(a.stdout.toString()).toContain('MemberName=Demo User (demo)');
    const b = await curl(['-s', '--digest', '-u', 'demo:demo', '-c', jar, '-b', jar, `${mls.baseUrl}/rets/getMetadata?Type=METADATA-RESOURCE&ID=0&Format=COMPACT`]);
    expect(b.stdout.toString()).toMatch(/<DATA>\tProperty\tProperty\t/);
    const c = await curl(['-s', '--digest', '-u', 'demo:demo', '-c', jar, '-b', jar, `${mls.baseUrl}/rets/logout`]);
    expect(c.stdout.toString()).toContain('ConnectTime=');
  });

  it('accepts POST form arguments with argument names in any case', async () => {
    const { cookie } = await login(mls.loginUrl);
    const res = await fetch(`${mls.baseUrl}/rets/getMetadata`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'type=METADATA-CLASS&id=Agent&FORMAT=COMPACT' });
    const text = await res.text();
    expect(text).toContain('<METADATA-CLASS Resource="Agent"');
  });

  it('after Logout the old session cookie gets 401 with 20701', async () => {
    const { cookie } = await login(mls.loginUrl);
    const out = await get(`${mls.baseUrl}/rets/logout`, { Cookie: cookie });
    expect(replyCode(out.text)).toBe(0);
    const r = await get(`${mls.baseUrl}/rets/getMetadata?Type=METADATA-SYSTEM&ID=0`, { Cookie: cookie });
    expect(r.status).toBe(401);
    expect(replyCode(r.text)).toBe(20701);
  });

  it('serves 1.8 Info= login lines for the rets18 account', async () => {
    const { reply } = await login(mls.loginUrl, 'rets18', 'demo');
    expect(reply.headers.get('rets-version')).toBe('RETS/1.8');
    expect(reply.text).toContain('Info=USERID;Character;rets18');
    expect(reply.text).not.toContain('MemberName=');
  });
});

describe('User-Agent authentication (uaauth account)', () => {
  const ua = 'RETSWorkbench/1.0';
  const uaHeader = (session: string, requestId = '') => `Digest ${md5(`${md5(`${ua}:uasecret`)}:${requestId}:${session}:RETS/1.7.2`)}`;

  it('has the digest formula of the protocol sheet (vector)', () => {
    const a1 = md5('MyRETSClient/1.0:secret');
    expect(a1).toBe('a73e2e45daf7b6d23ad07f94c49362fc');
    expect(md5(`${a1}::ABC123:RETS/1.7.2`)).toBe('dc95204ba45e76a53164aeeb92293d90');
  });

  it('answers 20041 when RETS-UA-Authorization is missing', async () => {
    const { reply } = await login(mls.loginUrl, 'uaauth', 'demo', { 'User-Agent': ua, 'RETS-Version': 'RETS/1.7.2' });
    expect(replyCode(reply.text)).toBe(20041);
  });

  it('answers 20037 for a wrong UA digest or an unregistered User-Agent', async () => {
    const bad = await login(mls.loginUrl, 'uaauth', 'demo', { 'User-Agent': ua, 'RETS-Version': 'RETS/1.7.2', 'RETS-UA-Authorization': 'Digest 00000000000000000000000000000000' });
    expect(replyCode(bad.reply.text)).toBe(20037);
    const wrongUa = await login(mls.loginUrl, 'uaauth', 'demo', { 'User-Agent': 'curl/7.88', 'RETS-Version': 'RETS/1.7.2', 'RETS-UA-Authorization': uaHeader('') });
    expect(replyCode(wrongUa.reply.text)).toBe(20037);
    expect(wrongUa.reply.text).toContain('not registered');
  });

  it('accepts the right digest at login (empty session) and after (with the session id and a request id)', async () => {
    const { cookie, reply } = await login(mls.loginUrl, 'uaauth', 'demo', { 'User-Agent': ua, 'RETS-Version': 'RETS/1.7.2', 'RETS-UA-Authorization': uaHeader('') });
    expect(replyCode(reply.text)).toBe(0);
    const sid = cookie.split('=')[1];
    const r = await get(`${mls.baseUrl}/rets/getMetadata?Type=METADATA-SYSTEM&ID=0&Format=COMPACT`, {
      Cookie: cookie, 'User-Agent': ua, 'RETS-Version': 'RETS/1.7.2', 'RETS-Request-ID': 'R7', 'RETS-UA-Authorization': uaHeader(sid, 'R7'),
    });
    expect(replyCode(r.text)).toBe(0);
    expect(r.text).toContain('<SYSTEM SystemID="DEMOMLS"');
  });
});
