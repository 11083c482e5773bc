import { describe, expect, it } from 'vitest';
import { DigestAuth, basicAuthorization, digestResponse, md5hex, parseAuthenticate, toDigestChallenge } from '../../electron/rets/digest';

describe('Digest response', () => {
  it('matches the RFC 2617 §3.5 example (Mufasa / Circle Of Life)', () => {
    expect(digestResponse({
      username: 'Mufasa', password: 'Circle Of Life', realm: 'testrealm@host.com', method: 'GET',
      uri: '/dir/index.html', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', qop: 'auth', nc: '00000001', cnonce: '0a4f113b',
    })).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('matches the RFC 7616 §3.9.1 MD5 example', () => {
    expect(digestResponse({
      username: 'Mufasa', password: 'Circle of Life', realm: 'http-auth@example.org', method: 'GET',
      uri: '/dir/index.html', nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v', qop: 'auth', nc: '00000001',
      cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ', algorithm: 'MD5',
    })).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });

  it('matches the protocol sheet vector (joe / RETS Server / pw)', () => {
    expect(digestResponse({
      username: 'joe', password: 'pw', realm: 'RETS Server', method: 'GET', uri: '/rets/login',
      nonce: 'abc', qop: 'auth', nc: '00000001', cnonce: '0a4f113b',
    })).toBe('83f48a21420227f4fd002e2cd8e261e6');
  });

  it('computes qop-less and MD5-sess responses by the formulas, by hand', () => {
    const ha1 = md5hex('joe:RETS Server:pw');
    const ha2 = md5hex('GET:/rets/login');
    expect(digestResponse({ username: 'joe', password: 'pw', realm: 'RETS Server', method: 'GET', uri: '/rets/login', nonce: 'abc' }))
      .toBe(md5hex(`${ha1}:abc:${ha2}`));
    const sess = md5hex(`${ha1}:abc:c1`);
    expect(digestResponse({
      username: 'joe', password: 'pw', realm: 'RETS Server', method: 'GET', uri: '/rets/login', nonce: 'abc',
      algorithm: 'MD5-sess', qop: 'auth', nc: '00000001', cnonce: 'c1',
    })).toBe(md5hex(`${sess}:abc:00000001:c1:auth:${ha2}`));
  });
});

describe('WWW-Authenticate parsing', () => {
  it('reads a Variman-style Digest challenge with quoted and bare values', () => {
    const [c] = parseAuthenticate('Digest realm="RETS Server", qop="auth,auth-int", nonce="n1", opaque="o1", algorithm=MD5-sess, stale=TRUE');
    const d = toDigestChallenge(c)!;
    expect(d).toEqual({ realm: 'RETS Server', nonce: 'n1', opaque: 'o1', qop: 'auth', algorithm: 'MD5-sess', stale: true });
  });

  it('splits several challenges on one line and across header lines', () => {
    const list = parseAuthenticate(['Basic realm="a, b", Digest realm="r", nonce="x"', 'Bearer']);
    expect(list.map((c) => c.scheme)).toEqual(['basic', 'digest', 'bearer']);
    expect(list[0].params.realm).toBe('a, b');
    expect(toDigestChallenge(list[1])).toMatchObject({ nonce: 'x', qop: undefined, algorithm: 'MD5', stale: false });
  });
});

describe('DigestAuth header', () => {
  it('counts nc up per request, echoes opaque and uses the given cnonce', () => {
    const auth = new DigestAuth({ realm: 'RETS Server', nonce: 'abc', opaque: 'op', qop: 'auth', algorithm: 'MD5', stale: false }, 'joe', 'pw', { cnonce: '0a4f113b' });
    const first = auth.authorize('GET', '/rets/login');
    expect(first).toBe('Digest username="joe", realm="RETS Server", nonce="abc", uri="/rets/login", qop=auth, nc=00000001, cnonce="0a4f113b", response="83f48a21420227f4fd002e2cd8e261e6", opaque="op"');
    expect(auth.authorize('GET', '/rets/search')).toContain('nc=00000002');
  });

  it('builds a Basic header', () => {
    expect(basicAuthorization('Aladdin', 'open sesame')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
  });
});
