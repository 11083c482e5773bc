import { describe, expect, it } from 'vitest';
import { envelopeError, findRetsStatus, looksLikeHtml, parseRetsEnvelope } from '../../shared/rets/envelope';
import { decodeBody } from '../../shared/rets/text';
import { readSample } from '../samples/paths';

const text = (rel: string) => decodeBody(readSample(rel));

describe('parseRetsEnvelope', () => {
  it('reads an odd XML declaration with an ISO-8859-1 encoding and a space before ">"', () => {
    const env = parseRetsEnvelope(text('Homefinder__ruby-rets/spec/responses/get_metadata/error.txt'));
    expect(env?.replyCode).toBe(20000);
    expect(env?.replyText.length).toBeGreaterThan(0);
  });
  it('reads lowercase attribute names', () => {
    const env = parseRetsEnvelope(text('Homefinder__ruby-rets/spec/responses/get_object/single_error.txt'));
    expect(env?.replyCode).toBe(20000);
    expect(env?.replyText).toBe('Error message goes here.');
  });
  it('accepts ReplyText before ReplyCode, single quotes, BOM and blanks', () => {
    const env = parseRetsEnvelope("\uFEFF  \r\n<?xml version='1.0' ?>\n<RETS ReplyText='Logging out &amp; bye' ReplyCode = '0' >");
    expect(env).toEqual({ replyCode: 0, replyText: 'Logging out & bye', attributes: { ReplyText: 'Logging out & bye', ReplyCode: '0' } });
  });
  it('ignores <RETS-RESPONSE> and <RETSPayloadList> and finds no envelope in HTML', () => {
    expect(parseRetsEnvelope('<RETS-RESPONSE>x=1</RETS-RESPONSE>')).toBeUndefined();
    expect(parseRetsEnvelope(text('estately__rets/test/fixtures.rb__HTML_AUTH_FAILURE.html'))).toBeUndefined();
  });
  it('a ReplyText containing ">" does not cut the element short', () => {
    expect(parseRetsEnvelope('<RETS ReplyText="a > b" ReplyCode="20203"/>')?.replyCode).toBe(20203);
  });
});

describe('findRetsStatus', () => {
  it('finds the RETS-STATUS after MAXROWS', () => {
    const t = text('NationalAssociationOfRealtors__libRETS/project/librets/test/src/resources/search-response.xml');
    expect(findRetsStatus(t)?.replyCode).toBe(20208);
    expect(parseRetsEnvelope(t)?.replyCode).toBe(0);
    expect(findRetsStatus('<RETS ReplyCode="0"/>')).toBeUndefined();
  });
});

describe('looksLikeHtml', () => {
  it('spots the Tomcat error page and not RETS XML', () => {
    expect(looksLikeHtml(text('estately__rets/test/fixtures.rb__HTML_AUTH_FAILURE.html'))).toBe(true);
    expect(looksLikeHtml('<?xml version="1.0"?><RETS ReplyCode="0"/>')).toBe(false);
    expect(looksLikeHtml('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"><HTML>')).toBe(true);
  });
});

describe('envelopeError', () => {
  it('carries reply code, text, cause and hint from the catalogue', () => {
    const e = envelopeError('Login', { replyCode: 20037, replyText: 'Client authentication failed.', attributes: {} }, 200, 'http://x/login');
    expect(e.info).toMatchObject({ kind: 'rets', transaction: 'Login', replyCode: 20037, replyText: 'Client authentication failed.', httpStatus: 200, url: 'http://x/login' });
    expect(e.info.hint).toMatch(/User-Agent/);
    expect(e.message).toBe('Login failed: RETS 20037 (Client authentication failed).');
  });
  it('without an envelope it is a parse error', () => {
    expect(envelopeError('Search', undefined).info.kind).toBe('parse');
  });
});
