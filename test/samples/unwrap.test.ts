// Container formats of PROVENANCE.md that the shared corpus holds no file of (they are in the
// held-out part): the unwrapping still has to work on them.
import { describe, expect, it } from 'vitest';
import { unwrapSample } from './corpus';

const enc = new TextEncoder();
const dec = new TextDecoder();

describe('unwrapSample', () => {
  it('mslosarek .buf: hex text of the raw body', () => {
    const body = '<RETS ReplyCode="0"/>';
    const [u] = unwrapSample('mslosarek__node-rets/test/data/x.buf', enc.encode(Buffer.from(body).toString('hex').replace(/(.{32})/g, '$1\n')));
    expect(dec.decode(u!.body)).toBe(body);
  });
  it('PHRETS Multiple1.txt: a JSON string literal', () => {
    const body = '\r\n--bound\r\nContent-Type: image/jpeg\r\n\r\nxx\r\n--bound--\r\n';
    const [u] = unwrapSample('troydavisson__PHRETS/tests/Fixtures/GetObject/Multiple1.txt', enc.encode(JSON.stringify(body)));
    expect(dec.decode(u!.body)).toBe(body);
  });
  it('nock recordings with the response as hex chunks, and PHRETS VCR arrays', () => {
    const nock = [{ scope: 'http://h', method: 'GET', path: '/rets/getObject?ID=1', status: 200, response: ['3c5245', '54532f3e'], headers: { 'content-type': 'text/xml' } }];
    const [n] = unwrapSample('retsr__rets.js/x.json', enc.encode(JSON.stringify(nock)));
    expect(n).toMatchObject({ status: 200, request: '/rets/getObject?ID=1', headers: { 'content-type': 'text/xml' } });
    expect(dec.decode(n!.body)).toBe('<RETS/>');
    const vcr = [{ status: 200, headers: { 'Content-Type': ['text/xml'], 'Set-Cookie': ['a=1', 'b=2'] }, body: '<RETS ReplyCode="0"/>', version: '1.1', reason: 'OK' }];
    const [v] = unwrapSample('troydavisson__PHRETS/tests/Integration/Fixtures/VCR/x.json', enc.encode(JSON.stringify(vcr)));
    expect(v!.headers).toEqual({ 'content-type': 'text/xml', 'set-cookie': 'a=1, b=2' });
  });
  it('estately VCR YAML with a !binary body', () => {
    const yml = `---\nhttp_interactions:\n- request:\n    method: get\n    uri: http://h/GetObject.asmx/GetObject\n  response:\n    status:\n      code: 200\n    headers:\n      Content-Type:\n      - image/jpeg\n    body:\n      encoding: ASCII-8BIT\n      string: !binary |-\n        /9j/4AAQ\n`;
    const [y] = unwrapSample('estately__rets/test/vcr_cassettes/x.yml', enc.encode(yml));
    expect(y).toMatchObject({ status: 200, request: '/GetObject.asmx/GetObject', headers: { 'content-type': 'image/jpeg' } });
    expect([...y!.body.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });
});
