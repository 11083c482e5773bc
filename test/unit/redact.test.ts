// One set of redaction rules (shared/redact): secrets go where they stand as values (credential
// headers, URL userinfo, query/path/form parameters, the digest response), never as substrings
// of prose, so a password equal to a username or an ordinary word leaves the text readable.
import { describe, expect, it } from 'vitest';
import { REDACTED, isSecretName, redactForm, redactHeaders, redactText, redactUrl } from '../../shared/redact';

describe('redaction: values', () => {
  it('credential headers keep their scheme; Digest keeps all but the password-derived response', () => {
    const digest = 'Digest username="demo", realm="rets@demo", nonce="abc123", uri="/rets/login", qop=auth, nc=00000001, cnonce="xyz", response="6629fae49393a05397450978507c4ef1"';
    const h = redactHeaders({
      Authorization: digest,
      'Proxy-Authorization': 'Basic dXNlcjpwYXNz',
      'RETS-UA-Authorization': 'Digest 0123456789abcdef0123456789abcdef',
      Cookie: 'RETS-Session-ID=SID-42; JSESSIONID=J-7',
      'set-cookie': ['RETS-Session-ID=SID-42; Path=/; HttpOnly', 'other=V9; Expires=Wed, 21 Oct 2026 07:28:00 GMT'],
      'Content-Type': 'text/xml',
    });
    expect(h.Authorization).toBe(`Digest username="demo", realm="rets@demo", nonce="abc123", uri="/rets/login", qop=auth, nc=00000001, cnonce="xyz", response="${REDACTED}"`);
    expect(h['Proxy-Authorization']).toBe(`Basic ${REDACTED}`);
    expect(h['RETS-UA-Authorization']).toBe(`Digest ${REDACTED}`);
    expect(h.Cookie).toBe(`RETS-Session-ID=${REDACTED}; JSESSIONID=${REDACTED}`);
    expect(h['set-cookie']).toBe(`RETS-Session-ID=${REDACTED}; Path=/; HttpOnly, other=${REDACTED}; Expires=Wed, 21 Oct 2026 07:28:00 GMT`);
    expect(h['Content-Type']).toBe('text/xml');
    for (const secret of ['6629fae4', 'dXNlcjpwYXNz', '0123456789abcdef', 'SID-42', 'J-7', 'V9']) expect(JSON.stringify(h)).not.toContain(secret);
  });

  it('URLs lose userinfo, secret-named parameters and parameters whose value is a known secret', () => {
    expect(redactUrl('https://bob:pw@mls.example.com:6103/rets/login?rets-version=1.7.2&password=pw&client_secret=cs&ua-password=up', []))
      .toBe(`https://mls.example.com:6103/rets/login?rets-version=1.7.2&password=${REDACTED}&client_secret=${REDACTED}&ua-password=${REDACTED}`);
    expect(redactUrl('http://h/rets/SESSION77/search;jsessionid=J1?access_token=t&refresh_token=r&Class=RES&x=SESSION77#f', ['SESSION77']))
      .toBe(`http://h/rets/${REDACTED}/search;jsessionid=${REDACTED}?access_token=${REDACTED}&refresh_token=${REDACTED}&Class=RES&x=${REDACTED}#f`);
    expect(redactUrl('http://h/rets/search?Query=(City%3DDemo)&Class=RES', ['demo'])).toBe('http://h/rets/search?Query=(City%3DDemo)&Class=RES');
  });

  it('form bodies lose secret fields and keep the rest byte for byte', () => {
    expect(redactForm('username=demo&pwd=demo&token=abc&Query=%28Status%3DA%29+x&Format=COMPACT'))
      .toBe(`username=demo&pwd=${REDACTED}&token=${REDACTED}&Query=%28Status%3DA%29+x&Format=COMPACT`);
  });

  it('knows secret names and leaves ordinary ones alone', () => {
    for (const n of ['password', 'Pass', 'pwd', 'secret', 'client_secret', 'token', 'access_token', 'refresh_token', 'id_token', 'ua-password', 'UAPassword', 'api_key', 'RETS-Session-ID', 'jsessionid', 'sid']) expect(isSecretName(n), n).toBe(true);
    for (const n of ['username', 'user', 'Class', 'Query', 'SearchType', 'Format', 'rets-version', 'Select', 'ID', 'Type']) expect(isSecretName(n), n).toBe(false);
  });
});

describe('redaction: prose', () => {
  it('a username or a word equal to the password stays', () => {
    expect(redactText('Member: Demo User (demo)\nUsername: demo', ['demo'])).toBe('Member: Demo User (demo)\nUsername: demo');
    const advice = 'Likely cause: The password is wrong or expired, the username is misspelt.';
    expect(redactText(advice, ['expired'])).toBe(advice);
    const hint = 'Get a new token: with client credentials the workbench asks for one itself.';
    expect(redactText(hint)).toBe(hint);
  });

  it('secrets standing as values in prose go: URLs and name=value pairs', () => {
    expect(redactText('Could not reach http://bob:hunter22@h/rets/login?password=hunter22 (password=hunter22, token: abc)', ['hunter22']))
      .toBe(`Could not reach http://h/rets/login?password=${REDACTED} (password=${REDACTED}, token: ${REDACTED})`);
  });

  it('scans long hostile text in one pass per token', () => {
    const text = `${'a.'.repeat(100_000)} ${'x'.repeat(200_000)}`;
    expect(redactText(text)).toBe(text);
  });
});
