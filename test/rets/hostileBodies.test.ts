// The hostile bodies of issue 12 that froze the host, each read to its right answer (a value or a
// typed error). Before the linear scans each of these took from seconds to minutes; the fuzz round
// (test/fuzz) asserts by counted work that every parser stays linear on these shapes and more.
import { describe, expect, it } from 'vitest';
import { findRetsStatus, htmlSummary, htmlTitle, parseRetsEnvelope } from '../../shared/rets/envelope';
import { isRetsError } from '../../shared/rets/errors';
import { parseLoginResponse } from '../../shared/rets/login';
import { parseMetadata } from '../../shared/rets/metadata/index';
import { collectObjects, MAX_OBJECT_PARTS } from '../../shared/rets/object/multipart';
import { collectSearch } from '../../shared/rets/search/index';

const enc = new TextEncoder();

function thrown(fn: () => unknown): unknown {
  try { fn(); } catch (e) { return e; }
  throw new Error('expected an error');
}

describe('hostile bodies are read in one pass', () => {
  it('`<RETS ` x 100,000 (600 KB) before the real envelope', () => {
    const body = '<RETS '.repeat(100_000);
    expect(parseRetsEnvelope(body)).toBeUndefined();
    expect(findRetsStatus('<RETS-STATUS '.repeat(50_000))).toBeUndefined();
    expect(parseRetsEnvelope(body + 'ReplyCode="0" ReplyText="OK">')?.replyCode).toBe(0);
    expect(parseLoginResponse(body, 'http://h/login').replyCode).toBe(-1);
  });

  it('an HTML page of <html> then `<title` x 16,000: a short summary, no title', () => {
    const page = '<html>' + '<title'.repeat(16_000);
    expect(htmlTitle(page)).toBeUndefined();
    expect(htmlSummary(page).length).toBeLessThanOrEqual(160);
    expect(htmlSummary('<html><title>Down for maintenance</title>' + '<'.repeat(200_000))).toBe('Down for maintenance');
  });

  it('a search tag with 128 KB of attribute text', () => {
    const body = `<RETS ReplyCode="0" ReplyText="OK"><COUNT ${'a'.repeat(128 * 1024)} Records="5"/><COLUMNS>\tA\t</COLUMNS><DATA>\t1\t</DATA></RETS>`;
    const r = collectSearch(enc.encode(body));
    expect(r.count).toBe(5);
    expect(r.rows).toEqual([['1']]);
  });

  it('a multipart of `--B\\r\\n` x 32,000 (160 KB): every empty part, in order', () => {
    const { objects } = collectObjects('multipart/parallel; boundary=B', enc.encode('--B\r\n'.repeat(32_000) + '--B--'));
    expect(objects).toHaveLength(32_000);
    expect(objects.every((o, i) => o.index === i && o.size === 0)).toBe(true);
  });

  it('a multipart of 130,000 parts: a typed "too many parts" error', () => {
    const e = thrown(() => collectObjects('multipart/parallel; boundary=B', enc.encode('--B\r\n'.repeat(130_000) + '--B--')));
    expect(isRetsError(e) && e.info).toMatchObject({ kind: 'parse', transaction: 'GetObject' });
    expect((e as Error).message).toContain(`more than ${MAX_OBJECT_PARTS} parts`);
  });

  it('STANDARD-XML metadata nested 100,000 deep: a typed "too deep" error, no stack overflow', () => {
    const deep = '<RETS ReplyCode="0"><METADATA>' + '<a>'.repeat(100_000) + '</a>'.repeat(100_000) + '</METADATA></RETS>';
    const e = thrown(() => parseMetadata(deep));
    expect(isRetsError(e) && e.info.kind).toBe('parse');
    expect((e as Error).message).toMatch(/deeper than 256 levels/);
  });

  it('STANDARD-XML metadata blocks nested in rows 120 deep are read without recursion', () => {
    const open = '<METADATA-CLASS Resource="P"><Class><ClassName>C</ClassName>';
    const md = '<RETS ReplyCode="0"><METADATA>' + open.repeat(120) + '</Class></METADATA-CLASS>'.repeat(120) + '</METADATA></RETS>';
    expect(parseMetadata(md).tables.filter((t) => t.type === 'METADATA-CLASS')).toHaveLength(120);
  });

  it('a STANDARD-XML search nested 100,000 deep, and one with 100,000 fields: typed errors', () => {
    const deep = thrown(() => collectSearch(enc.encode('<RETS ReplyCode="0"><REData><Ls><L>' + '<a>'.repeat(100_000)), 'STANDARD-XML'));
    expect((deep as Error).message).toMatch(/deeper than 64 levels/);
    const wide = thrown(() => collectSearch(enc.encode('<RETS ReplyCode="0"><REData><Ls><L>' + '<b/>'.repeat(100_000) + '</L></Ls></REData></RETS>'), 'STANDARD-XML'));
    expect((wide as Error).message).toMatch(/more than 5000 different fields/);
    expect(isRetsError(deep) && isRetsError(wide)).toBe(true);
  });

  it('a COMPACT search whose COLUMNS hold a million delimiters: a typed error, not a million-cell row', () => {
    const e = thrown(() => collectSearch(enc.encode(`<RETS ReplyCode="0"><COLUMNS>${'\t'.repeat(1 << 20)}</COLUMNS><DATA>\tx\t</DATA></RETS>`)));
    expect(isRetsError(e) && e.info.kind).toBe('parse');
    expect((e as Error).message).toMatch(/more than 5000 columns/);
  });

  it('COMPACT metadata with lower-case rows and blocks without rows', () => {
    const rows = '<data>\tx\t</data>'.repeat(20_000);
    const body = '<RETS ReplyCode="0">' + '<METADATA-CLASS Resource="P"><COLUMNS>\tClassName\t</COLUMNS></METADATA-CLASS>'.repeat(5_000)
      + `<METADATA-LOOKUP_TYPE Resource="P" Lookup="L"><COLUMNS>\tValue\t</COLUMNS>${rows}</METADATA-LOOKUP_TYPE></RETS>`;
    const md = parseMetadata(body);
    expect(md.tables.find((t) => t.type === 'METADATA-LOOKUP_TYPE')?.rows).toHaveLength(20_000);
  });
});
