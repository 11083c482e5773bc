import { describe, expect, it } from 'vitest';
import { describeODataError, MAX_BODY, odataHttpError, readServerError, retryAfterSeconds } from '../../shared/odata/errors';

describe('OData error bodies', () => {
  it('reads the OData envelope with target, details and innererror', () => {
    const body = JSON.stringify({ error: { code: 'BadRequest', message: "Could not find a property named 'listprice' on type 'org.reso.metadata.Property'.", target: '$filter', details: [{ code: 'NoSuchProperty', message: 'listprice', target: 'listprice' }], innererror: { trace: 'at X.Y()' } } });
    const info = odataHttpError({ status: 400, body, operation: 'Query', url: 'https://h/odata/Property?$filter=listprice gt 1' });
    expect(info).toMatchObject({
      kind: 'odata', operation: 'Query', httpStatus: 400, serverCode: 'BadRequest', target: '$filter',
      details: [{ code: 'NoSuchProperty', message: 'listprice', target: 'listprice' }],
      message: "The query failed with HTTP 400: Could not find a property named 'listprice' on type 'org.reso.metadata.Property'.",
    });
    expect(info.cause).toMatch(/case/);
    expect(describeODataError(info)).toContain('Server code BadRequest (target $filter).');
    expect(readServerError(body).inner).toBe('{"trace":"at X.Y()"}');
  });

  it('reads numeric codes, OData 3 and vendor envelopes', () => {
    expect(readServerError('{"error":{"code":400,"message":"Invalid $top"}}')).toMatchObject({ shape: 'odata', code: '400', message: 'Invalid $top' });
    expect(readServerError('{"odata.error":{"code":"","message":{"lang":"en-US","value":"Bad key"}}}')).toMatchObject({ shape: 'odata', message: 'Bad key' });
    expect(readServerError('{"message":"Rate limit exceeded"}')).toMatchObject({ shape: 'json', message: 'Rate limit exceeded' });
    expect(readServerError('{"Message":"An error has occurred.","ExceptionMessage":"x"}')).toMatchObject({ shape: 'json', message: 'An error has occurred.' });
    expect(readServerError('{"error":"invalid_client","error_description":"Client authentication failed"}')).toMatchObject({ code: 'invalid_client', message: 'Client authentication failed' });
    expect(readServerError('{"D":{"Success":false,"Code":1550,"Message":"Over rate limit"}}')).toMatchObject({ code: '1550', message: 'Over rate limit' });
    expect(readServerError('<?xml version="1.0"?><m:error xmlns:m="x"><m:code>E1</m:code><m:message xml:lang="en">Bad &amp; wrong</m:message></m:error>')).toMatchObject({ shape: 'xml', code: 'E1', message: 'Bad & wrong' });
  });

  it('reads HTML pages and plain text, and says so', () => {
    const html = '<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>Service Temporarily Unavailable</h1><p>nginx</p></body></html>';
    const info = odataHttpError({ status: 503, body: html, contentType: 'text/html', operation: 'Metadata', retryAfter: '120' });
    expect(info).toMatchObject({ kind: 'http', serverMessage: '503 Service Temporarily Unavailable: Service Temporarily Unavailable', retryAfter: 120 });
    expect(info.cause).toContain('HTML page');
    expect(info.hint).toContain('wait 120 s');
    expect(odataHttpError({ status: 500, body: 'Internal error\n', operation: 'Query' })).toMatchObject({ kind: 'http', serverMessage: 'Internal error', message: 'The query failed with HTTP 500: Internal error' });
    expect(readServerError('')).toEqual({ shape: 'empty', details: [] });
  });

  it('gives the likely cause and what to do for each status', () => {
    const kinds: Record<number, string> = { 400: 'odata', 401: 'auth', 403: 'auth', 404: 'odata', 406: 'odata', 413: 'odata', 429: 'rate-limit', 500: 'odata', 503: 'odata' };
    for (const [status, kind] of Object.entries(kinds)) {
      const info = odataHttpError({ status: Number(status), body: '{"error":{"code":"X","message":"m"}}', operation: 'Query' });
      expect(info.kind).toBe(kind);
      expect(info.cause!.length).toBeGreaterThan(20);
      expect(info.hint!.length).toBeGreaterThan(20);
    }
    expect(odataHttpError({ status: 401, body: '', operation: 'Query', wwwAuthenticate: 'Bearer error="invalid_token"' }).cause).toContain('expired');
    expect(odataHttpError({ status: 413, body: '', operation: 'Query' }).cause).toContain('too many clauses');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterSeconds('30', 0)).toBe(30);
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60);
    expect(retryAfterSeconds('soon', 0)).toBeUndefined();
  });

  it('reads at most MAX_BODY bytes of a huge body', () => {
    const huge = `{"error":{"code":"X","message":"${'a'.repeat(MAX_BODY * 4)}"}}`;
    const s = readServerError(new TextEncoder().encode(huge));
    expect(s.shape).toBe('text');
    expect(s.message!.length).toBeLessThanOrEqual(500);
  });
});
