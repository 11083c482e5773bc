// Every failure mode of the demo accounts, as a client meets it over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { basic, curl, get, login, replyCode } from './helpers';

let mls: DemoMls;
/** The server's clock runs this far ahead (sessions expire without waiting). */
let skewMs = 0;
beforeAll(async () => {
  mls = await startDemoMls({ listings: 80, seed: 5, clock: () => Date.now() + skewMs, tuning: { shortSessionSeconds: 1, rateLimitPerMinute: 4, slowDelayMs: 300 } });
});
afterAll(async () => { await mls.close(); });

const sysMeta = () => `${mls.baseUrl}/rets/getMetadata?Type=METADATA-SYSTEM&ID=*&Format=COMPACT`;

describe('failure modes', () => {
  it('lists every mode once in the account list', () => {
    const modes = mls.accounts.map((a) => a.failureMode);
    expect(new Set(modes).size).toBe(modes.length);
    for (const m of ['ip-whitelist', 'user-agent', 'bad-password', 'rate-limit', 'slow', 'drop-connection', 'session-timeout', 'flaky-photos', 'rets-1.5-only', 'html-error', 'basic-only']) {
      expect(modes).toContain(m);
    }
  });

  it('ipblocked: 403 with 20036 naming the address', async () => {
    const { reply } = await login(mls.loginUrl, 'ipblocked', 'demo');
    expect(reply.status).toBe(403);
    expect(replyCode(reply.text)).toBe(20036);
    expect(reply.text).toContain('127.0.0.1');
    expect(reply.text).toContain('whitelist');
  });

  it('badpass: the documented password gets 401 like a changed password', async () => {
    const { reply } = await login(mls.loginUrl, 'badpass', 'expired');
    expect(reply.status).toBe(401);
    const d = await curl(['-s', '-o', '/dev/null', '-w', '%{http_code}', '--digest', '-u', 'badpass:expired', mls.loginUrl]);
    expect(d.stdout.toString()).toBe('401');
  });

  it('basic: challenges with Basic only and refuses Digest', async () => {
    const r = await get(mls.loginUrl, {});
    expect(r.headers.get('www-authenticate')).toMatch(/^Digest /);
    const claimed = await get(mls.loginUrl, { Authorization: 'Digest username="basic", realm="x", nonce="n", uri="/rets/login", response="0"' });
    expect(claimed.headers.get('www-authenticate')).toBe('Basic realm="Demo MLS RETS Server"');
    const viaDigest = await curl(['-s', '-o', '/dev/null', '-w', '%{http_code}', '--digest', '-u', 'basic:demo', mls.loginUrl]);
    expect(viaDigest.stdout.toString()).toBe('401');
    const viaBasic = await curl(['-s', '--basic', '-u', 'basic:demo', mls.loginUrl]);
    expect(replyCode(viaBasic.stdout.toString())).toBe(0);
  });

  it('ratelimit: after N requests a minute, 429 with Retry-After and a RETS error', async () => {
    const { cookie } = await login(mls.loginUrl, 'ratelimit', 'demo');
    const codes: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await get(`${mls.baseUrl}/rets/getMetadata?Type=METADATA-SYSTEM&ID=0`, { Cookie: cookie });
      codes.push(last.status);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(replyCode(last!.text)).toBe(20512);
    expect(last!.text).toContain('Rate limit exceeded: 4 requests per minute');
  });

  it('slow: the reply still arrives complete', async () => {
    const { reply } = await login(mls.loginUrl, 'slow', 'demo');
    expect(replyCode(reply.text)).toBe(0);
  });

  it('dropper: metadata bodies stop mid-way with the connection closed', async () => {
    const { cookie } = await login(mls.loginUrl, 'dropper', 'demo');
    const r = await curl(['-s', '-b', cookie, sysMeta()]);
    expect(r.code).not.toBe(0); // curl: transfer closed with outstanding read data
    expect(r.stdout.length).toBeLessThanOrEqual(4096);
    expect(r.stdout.toString()).toContain('<RETS ReplyCode="0"');
    expect(r.stdout.toString()).not.toContain('</RETS>');
  });

  it('shortsession: the session dies early; 401 with 20701, and a new login works', async () => {
    const { cookie, reply } = await login(mls.loginUrl, 'shortsession', 'demo');
    expect(reply.text).toContain('TimeoutSeconds=1800');
    skewMs += 1500; // past the 1 s session life, without waiting
    const r = await get(sysMeta(), { Cookie: cookie });
    expect(r.status).toBe(401);
    expect(replyCode(r.text)).toBe(20701);
    const again = await login(mls.loginUrl, 'shortsession', 'demo');
    expect(replyCode((await get(sysMeta(), { Cookie: again.cookie })).text)).toBe(0);
  });

  it('flakyphotos: the first request of a photo fails with 20409, the retry works', async () => {
    const { cookie } = await login(mls.loginUrl, 'flakyphotos', 'demo');
    const { createDataset } = await import('../../electron/demo/dataset');
    const ds = createDataset(80, 5);
    const key = 500000 + ds.photos.findIndex((p) => p > 0);
    const url = `${mls.baseUrl}/rets/getObject?Resource=Property&Type=Photo&ID=${key}:1`;
    const first = await get(url, { Cookie: cookie });
    expect(first.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(replyCode(first.text)).toBe(20409);
    const second = await get(url, { Cookie: cookie });
    expect(second.headers.get('content-type')).toBe('image/png');
  });

  it('rets15: answers RETS/1.5 whatever version the client asks for', async () => {
    const { reply } = await login(mls.loginUrl, 'rets15', 'demo', { 'RETS-Version': 'RETS/1.7.2' });
    expect(reply.headers.get('rets-version')).toBe('RETS/1.5');
    expect(reply.text).not.toContain('MetadataTimestamp');
  });

  it('htmlerror: login works, then transactions get an HTML error page', async () => {
    const { cookie, reply } = await login(mls.loginUrl, 'htmlerror', 'demo');
    expect(replyCode(reply.text)).toBe(0);
    const r = await get(sysMeta(), { Cookie: cookie });
    expect(r.status).toBe(500);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.text).toContain('<h1>HTTP Status 500');
  });

  it('works for a normal account while faults are active elsewhere', async () => {
    const r = await get(mls.loginUrl, { Authorization: basic('demo', 'demo') });
    expect(replyCode(r.text)).toBe(0);
  });
});
