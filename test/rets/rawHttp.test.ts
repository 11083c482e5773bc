import { describe, expect, it } from 'vitest';
import { dechunk, looksLikeRawHttp, parseRawHttpResponse } from '../../shared/rets/rawHttp';
import { readSample } from '../samples/paths';

const enc = new TextEncoder();
const dec = new TextDecoder();
const LIB = 'NationalAssociationOfRealtors__libRETS/project/librets/';

describe('parseRawHttpResponse', () => {
  it('parses a CRLF response with headers and body', () => {
    const r = parseRawHttpResponse(readSample(LIB + 'test-network/src/resources/metadata-system'));
    expect(r.status).toBe(200);
    expect(r.statusText).toBe('OK');
    expect(r.headers['rets-server']).toBe('Variman/2.1.7');
    expect(r.headerList[0]).toEqual(['RETS-Version', 'RETS/1.5']);
    expect(dec.decode(r.body)).toMatch(/^<\?xml version="1.0"\?>\r\n<RETS ReplyCode="0"/);
    expect(r.body.length).toBe(329);
  });
  it('reads the libRETS variant whose first line is only a status code; colons in values kept', () => {
    const bytes = readSample(LIB + 'test/src/resources/test-response.txt');
    expect(looksLikeRawHttp(bytes)).toBe(true);
    const r = parseRawHttpResponse(bytes);
    expect(r.status).toBe(200);
    expect(r.headers['colon-header']).toBe('header:with:colons');
    expect(r.headers['lowercase-header']).toBe('foo');
    expect(dec.decode(r.body)).toBe('this is\r\nsample text.\r\n');
  });
  it('undoes real chunking (libRETS test-network photo.1)', () => {
    const r = parseRawHttpResponse(readSample(LIB + 'test-network/src/resources/photo.1'));
    const body = dec.decode(r.body);
    expect(body.startsWith('\r\n--simple boundary\r\n')).toBe(true);
    expect(body.endsWith('--simple boundary--')).toBe(true);
    expect(body).not.toContain('Connection #0');
  });
  it('keeps a de-chunked PHRETS body that still carries Transfer-Encoding: chunked', () => {
    const r = parseRawHttpResponse(readSample('troydavisson__PHRETS/tests/Integration/Fixtures/Http/post/retsgw.flexmls.com/rets2_1_Search/49cf00533b92c63d4bd49e662ce6373f.txt'));
    expect(r.headers['transfer-encoding']).toMatch(/chunked/);
    expect(dec.decode(r.body)).toMatch(/<RETS ReplyCode="0"/);
    expect(dec.decode(r.body)).toContain('<MAXROWS/>');
  });
  it('takes the last of several responses (Digest 401 then 200), LF only, repeated headers joined', () => {
    const raw = 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Digest realm="r"\nContent-Length: 0\n\n' +
      'HTTP/1.1 200 OK\nSet-Cookie: a=1\nSet-Cookie: b=2\nTransfer-Encoding: chunked\n\n5\r\n<RETS\r\n3\r\n/>\n\r\n0\r\n\r\n';
    const r = parseRawHttpResponse(enc.encode(raw));
    expect(r.status).toBe(200);
    expect(r.headers['set-cookie']).toBe('a=1, b=2');
    expect(dec.decode(r.body)).toBe('<RETS/>\n');
  });
  it('rejects bytes that are not an HTTP response', () => {
    expect(looksLikeRawHttp(enc.encode('<RETS ReplyCode="0"/>'))).toBe(false);
    expect(looksLikeRawHttp(enc.encode('200\n'))).toBe(false);
    expect(() => parseRawHttpResponse(enc.encode('<RETS/>\n'))).toThrow(/status line/);
  });
  it('dechunk refuses a body that is not chunked', () => {
    expect(dechunk(enc.encode('abc\r\nnot really chunked'))).toBeUndefined();
    expect(dechunk(enc.encode('<RETS/>'))).toBeUndefined();
    expect(dechunk(enc.encode('0\r\n\r\n'))).toEqual(new Uint8Array(0));
  });
  it('a capture with neither Content-Length nor chunked coding has its body up to the end of the file, long header lines or not', () => {
    const enc = new TextEncoder();
    for (const extra of ['', `Set-Cookie: a=${'x'.repeat(20_000)}\r\n`]) {
      const r = parseRawHttpResponse(enc.encode(`HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n${extra}\r\nA server error\nsecond line`));
      expect(r.status).toBe(500);
      expect(new TextDecoder().decode(r.body)).toBe('A server error\nsecond line');
    }
  });
});
