import { describe, expect, it } from 'vitest';
import { charsetOf, decodeBody, decodeXmlEntities } from '../../shared/rets/text';
import { readSample } from '../samples/paths';

const enc = new TextEncoder();

describe('decodeBody', () => {
  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('<RETS ReplyCode="0"/>')]);
    expect(decodeBody(bytes)).toBe('<RETS ReplyCode="0"/>');
  });
  it('decodes raw Windows-1252 bytes with no charset instead of producing U+FFFD', () => {
    const text = decodeBody(readSample('NationalAssociationOfRealtors__libRETS/project/librets/test/src/resources/metadata-extended-char.xml'));
    // The bytes are 4E 9C 96 65 7A (Mac Roman "Núñez"); without a charset we read them as windows-1252.
    expect(text).toContain('N\u0153\u2013ez');
    expect(text).not.toContain('\uFFFD');
    expect(decodeBody(new Uint8Array([0x93, 0x68, 0x69, 0x94, 0x80]))).toBe('\u201chi\u201d\u20ac');
  });
  it('keeps valid UTF-8 as UTF-8', () => {
    expect(decodeBody(readSample('NationalAssociationOfRealtors__libRETS/project/librets/test/src/resources/search-response-extended-utf8.xml'))).toContain('Núñez');
  });
  it('follows the Content-Type charset, then the XML declaration', () => {
    const bytes = new Uint8Array([...enc.encode('<?xml version="1.0"  encoding="ISO-8859-1" ?><x>'), 0xe9, ...enc.encode('</x>')]);
    expect(decodeBody(bytes)).toContain('<x>é</x>');
    expect(decodeBody(new Uint8Array([0xe9]), 'text/xml; charset=iso-8859-1')).toBe('é');
    expect(decodeBody(enc.encode('é'), 'text/xml; charset="UTF-8"')).toBe('é');
    expect(decodeBody(enc.encode('abc'), 'text/xml; charset=no-such-charset')).toBe('abc');
  });
  it('charsetOf reads quoted and bare charset parameters', () => {
    expect(charsetOf('text/xml; charset="UTF-8"')).toBe('utf-8');
    expect(charsetOf('multipart/parallel; boundary=x; charset=UTF8')).toBe('utf8');
    expect(charsetOf('text/xml')).toBeUndefined();
    expect(charsetOf(undefined)).toBeUndefined();
  });
});

describe('decodeXmlEntities', () => {
  it('decodes the five named entities and numeric references', () => {
    expect(decodeXmlEntities('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233; &#xE8; &#X2019;')).toBe('a & b <c> "d" \'e\' é è \u2019');
  });
  it('joins a surrogate pair written as two references and replaces lone surrogates', () => {
    expect(decodeXmlEntities('&#55357;&#56842;')).toBe('\u{1F60A}');
    expect(decodeXmlEntities('x&#55357;y')).toBe('x\uFFFDy');
    expect(decodeXmlEntities('&#xDE0A;')).toBe('\uFFFD');
    expect(decodeXmlEntities('&#0;&#x110000;')).toBe('\uFFFD\uFFFD');
  });
  it('leaves unknown entities and bare ampersands literal', () => {
    expect(decodeXmlEntities('&copy; Smith & Co &foo')).toBe('&copy; Smith & Co &foo');
    expect(decodeXmlEntities('plain')).toBe('plain');
  });
  it('knows the quirks servers send: &nbsp;, upper-case names, double-encoded numeric references', () => {
    // Matrix double-encodes accented letters in both metadata and rows; one decoder serves both.
    expect(decodeXmlEntities('Caf&amp;#xE8; &nbsp;&AMP;&Lt;')).toBe('Caf\u00e8 \u00a0&<');
    // a double-encoded NAMED entity is text the server meant: decoded once only
    expect(decodeXmlEntities('R&amp;amp;D')).toBe('R&amp;D');
  });
});
