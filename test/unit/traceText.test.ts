// The inspector's text helpers: XML laid out one element per line (COMPACT rows kept on theirs,
// text values byte for byte, a body cut in the middle still laid out), and the curl command's
// quoting of what the server or the user wrote.
import { describe, expect, it } from 'vitest';
import { prettyXml } from '../../shared/trace/prettyXml';
import { curlCommand, shellQuote } from '../../shared/trace/curl';

describe('prettyXml', () => {
  it('indents elements and keeps text and COMPACT rows on their element line', () => {
    const xml = '<?xml version="1.0"?><RETS ReplyCode="0" ReplyText="a > b"><COUNT Records="2"/><DELIMITER value="09"/><COLUMNS>\tA\tB\t</COLUMNS><DATA>\t1\t2\t</DATA><!-- a <b> --></RETS>';
    expect(prettyXml(xml)).toBe([
      '<?xml version="1.0"?>',
      '<RETS ReplyCode="0" ReplyText="a > b">',
      '  <COUNT Records="2"/>',
      '  <DELIMITER value="09"/>',
      '  <COLUMNS>\tA\tB\t</COLUMNS>',
      '  <DATA>\t1\t2\t</DATA>',
      '  <!-- a <b> -->',
      '</RETS>',
    ].join('\n'));
  });

  it('lays out the tail of a cut body (closing tags first) without going below the margin', () => {
    expect(prettyXml('\t9\t</DATA>\n<DATA>\t10\t</DATA></RETS>')).toBe('9\n</DATA>\n<DATA>\t10\t</DATA>\n</RETS>');
  });

  it('takes time in proportion to the text for deep or unclosed markup', () => {
    const deep = '<a>'.repeat(20_000) + '<b x="' + 'y'.repeat(100_000);
    const out = prettyXml(deep);
    expect(out.split('\n')).toHaveLength(20_001);
    // Indentation stops deepening, so the output is a bounded multiple of the input.
    expect(out.length).toBeLessThan(deep.length + 20_001 * 65);
  });
});

describe('curlCommand', () => {
  it('quotes single quotes in the URL and headers for the shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    const cmd = curlCommand({ method: 'GET', url: "http://h/rets/search?Query=(Name='O''Brien')", requestHeaders: { 'user-agent': "UA 'x'", 'rets-version': 'RETS/1.7.2' } });
    expect(cmd).toBe([
      'curl -i',
      `--anyauth -u "$RETS_USER":"$RETS_PASSWORD"`,
      `-A 'UA '\\''x'\\'''`,
      `-H 'RETS-Version: RETS/1.7.2'`,
      '-b cookies.txt -c cookies.txt',
      `'http://h/rets/search?Query=(Name='\\''O'\\'''\\''Brien'\\'')'`,
    ].join(' \\\n  '));
  });
});
