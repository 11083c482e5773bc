// COMPACT parser behaviour on every quirk real servers show, and on bad input.
import { describe, expect, it } from 'vitest';
import { collectSearch, createSearchParser } from '../../shared/rets/search/index';
import type { RowBatch, SearchEvent } from '../../shared/rets/search/types';
import { isRetsError, type RetsError } from '../../shared/rets/errors';
import { bytes, compact, prng, splitAt } from './helpers';
import { sample } from '../samples/corpus';

function parseError(body: Uint8Array | string): { kind: string; message: string } {
  try { collectSearch(typeof body === 'string' ? bytes(body) : body, 'COMPACT'); } catch (e) {
    if (isRetsError(e)) return { kind: e.info.kind, message: e.message };
    throw e;
  }
  throw new Error('no error');
}

describe('COMPACT delimiters', () => {
  it.each([['09', '\t'], ['9', '\t'], ['7C', '|'], ['7c', '|'], ['2C', ',']])('DELIMITER value="%s"', (code, d) => {
    const r = collectSearch(bytes(compact(['A', 'B', 'C'], [['1', '', '3'], ['x y', 'z', '']], { delimiter: d, code })));
    expect(r.columns).toEqual(['A', 'B', 'C']);
    expect(r.rows).toEqual([['1', '', '3'], ['x y', 'z', '']]);
  });

  it('missing DELIMITER means tab', () => {
    const r = collectSearch(bytes('<RETS ReplyCode="0" ReplyText="OK">\n<COLUMNS>\tA\tB\t</COLUMNS>\n<DATA>\t1\t2\t</DATA>\n</RETS>'));
    expect(r.rows).toEqual([['1', '2']]);
  });

  it('tolerates missing leading and trailing delimiters in COLUMNS and DATA', () => {
    const r = collectSearch(bytes('<RETS ReplyCode="0" ReplyText="OK">\n<DELIMITER value="7C"/>\n<COLUMNS>A|B|C</COLUMNS>\n<DATA>1|2|3</DATA>\n<DATA>|4|5|6|</DATA>\n</RETS>'));
    expect(r.columns).toEqual(['A', 'B', 'C']);
    expect(r.rows[0]).toEqual(['1', '2', '3']);
    expect(r.warnings.join(' ')).toMatch(/leading or trailing/);
  });

  it('reads ragged rows (short ones padded, long ones cut) and skips blank rows, with warnings', () => {
    const body = '<RETS ReplyCode="0" ReplyText="OK">\n<COLUMNS>\tA\tB\tC\t</COLUMNS>\n<DATA>\t1\t</DATA>\n<DATA></DATA>\n<DATA/>\n<DATA>\t1\t2\t3\t4\t5\t</DATA>\n<DATA>\t\t\t\t</DATA>\n</RETS>';
    const r = collectSearch(bytes(body));
    expect(r.rows).toEqual([['1', '', ''], ['1', '2', '3'], ['', '', '']]);
    expect(r.warnings.some((w) => /fields for 3 columns/.test(w))).toBe(true);
    expect(r.warnings.filter((w) => /Blank row/.test(w))).toHaveLength(2);
  });
});

describe('COMPACT empty values', () => {
  it('a one-column search keeps a row whose only value is empty (`<DATA>\\t\\t</DATA>`)', () => {
    const body = '<RETS ReplyCode="0" ReplyText="OK">\n<COLUMNS>\tListingKey\t</COLUMNS>\n<DATA>\tA1\t</DATA>\n<DATA>\t\t</DATA>\n<DATA>\tA3\t</DATA>\n</RETS>';
    for (const chunks of [[bytes(body)], [...bytes(body)].map((b) => new Uint8Array([b]))]) {
      const r = collectSearch(chunks, 'COMPACT');
      expect(r.rows).toEqual([['A1'], [''], ['A3']]);
      expect(r.warnings.filter((w) => /Blank row/.test(w))).toEqual([]);
    }
    // With the delimiter `|`, the same row is `<DATA>||</DATA>`; a row of white space alone is still blank.
    const piped = collectSearch(bytes('<RETS ReplyCode="0"><DELIMITER value="7C"/><COLUMNS>|A|</COLUMNS><DATA>||</DATA><DATA> </DATA></RETS>'));
    expect(piped.rows).toEqual([['']]);
  });

  it('a body that is not RETS XML is quoted in the error, not called empty', () => {
    let cause: string | undefined;
    try { collectSearch(bytes('A server error\n')); } catch (e) { cause = (e as RetsError).info.cause; }
    expect(cause).toBe('It starts with: "A server error"');
  });
});

describe('COMPACT envelope', () => {
  it('20201 with no body is an empty result with its reply code', () => {
    const r = collectSearch(bytes('<RETS ReplyCode="20201" ReplyText="No Records Found" />'));
    expect(r).toMatchObject({ replyCode: 20201, replyText: 'No Records Found', rows: [], columns: [], count: null });
  });

  it('COUNT 0 then RETS-STATUS 20201 inside ReplyCode 0 (a server already streaming)', () => {
    const events = createSearchParser('COMPACT').push(bytes('<RETS ReplyCode="0" ReplyText="OK"><COUNT Records="0"/><RETS-STATUS ReplyCode="20201" ReplyText="No Records"/></RETS>'));
    expect(events).toEqual([
      { kind: 'status', replyCode: 0, replyText: 'OK', where: 'RETS' },
      { kind: 'count', count: 0 },
      { kind: 'status', replyCode: 20201, replyText: 'No Records', where: 'RETS-STATUS' },
    ]);
  });

  it('COUNT but no DATA (Offset past a huge Limit)', () => {
    const r = collectSearch(bytes(compact(['A'], [], { count: 981 })));
    expect(r.count).toBe(981);
    expect(r.columns).toEqual(['A']);
    expect(r.rows).toEqual([]);
  });

  it('MAXROWS after the rows, then RETS-STATUS 20208, in order', () => {
    const p = createSearchParser('COMPACT');
    const events = [...p.push(bytes(compact(['A'], [['1'], ['2']], { extra: '<MAXROWS/>\n<RETS-STATUS ReplyCode="20208" ReplyText="Maximum Records Exceeded"/>\n' }))), ...p.end()];
    expect(events.map((e) => e.kind)).toEqual(['status', 'columns', 'rows', 'maxrows', 'status']);
  });

  it('reads attribute quirks: spaces around =, single quotes, lowercase names', () => {
    const r = collectSearch(bytes(`<?xml version="1.0"  encoding="ISO-8859-1" ?><RETS replycode='0' replytext = 'Fine'><COUNT Records = "3" /><DELIMITER value = "09"/><COLUMNS>\tA\t</COLUMNS><DATA>\tx\t</DATA></RETS>`));
    expect(r).toMatchObject({ replyCode: 0, replyText: 'Fine', count: 3, rows: [['x']] });
  });
});

describe('COMPACT text', () => {
  it('decodes entities when a field is read: named, numeric, hex, surrogate pairs, lone surrogates, double-encoded', () => {
    const r = collectSearch(bytes(compact(['A', 'B', 'C', 'D', 'E'], [['Smith &amp; Sons &lt;b&gt;', '&#233;t&#xE9;', '&#55357;&#56842;', 'x&#55357;y', 'porte-coch&amp;#xE8;re &amp;amp;']])));
    expect(r.rows[0]).toEqual(['Smith & Sons <b>', 'été', '😊', 'x\ufffdy', 'porte-cochère &amp;']);
  });

  it('reads UTF-8, and falls back to windows-1252 for bytes that are not UTF-8', () => {
    const head = bytes('<RETS ReplyCode="0" ReplyText="OK"><COLUMNS>\tA\tB\t</COLUMNS><DATA>\t');
    const cp = new Uint8Array([0x4e, 0xfa, 0xf1, 0x65, 0x7a, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80]); // Núñez “q” €
    const tail = bytes('\tNúñez\t</DATA></RETS>');
    const body = new Uint8Array(head.length + cp.length + tail.length);
    body.set(head); body.set(cp, head.length); body.set(tail, head.length + cp.length);
    expect(collectSearch(body).rows[0]).toEqual(['Núñez “q” €', 'Núñez']);
  });

  it('skips a UTF-8 BOM and leading white space, and reads CRLF line ends', () => {
    const text = compact(['A', 'B'], [['1', '2']]).replace(/\n/g, '\r\n');
    const body = new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, ...bytes(text)]);
    expect(collectSearch(body).rows).toEqual([['1', '2']]);
  });

  it('keeps an unescaped < in data', () => {
    expect(collectSearch(bytes(compact(['A'], [['a < b']]))).rows).toEqual([['a < b']]);
  });
});

describe('COMPACT row batches', () => {
  const batchOf = (events: SearchEvent[]): RowBatch => (events.find((e) => e.kind === 'rows') as { batch: RowBatch }).batch;

  it('gives fields lazily, as strings, rows, objects, raw bytes and UTF-8 bytes', () => {
    const b = batchOf(createSearchParser('COMPACT').push(bytes(compact(['A', 'B'], [['x &amp; y', 'plain'], ['é', '']]))));
    expect(b.length).toBe(2);
    expect(b.get(0, 0)).toBe('x & y');
    expect(b.get(5, 0)).toBe('');
    expect(b.get(0, 9)).toBe('');
    expect(b.row(1)).toEqual(['é', '']);
    expect(b.toObjects()).toEqual([{ A: 'x & y', B: 'plain' }, { A: 'é', B: '' }]);
    expect(new TextDecoder().decode(b.rawField(0, 0))).toBe('x &amp; y');
    expect(new TextDecoder().decode(b.fieldBytes(0, 0))).toBe('x & y');
    expect(new TextDecoder().decode(b.fieldBytes(0, 1))).toBe('plain');
    expect(b.fieldBytes(1, 1)).toHaveLength(0);
  });

  it('counts rows found ragged when read, beyond the rows checked while parsing', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => (i === 1200 ? ['1200', 'x', 'extra'] : i === 1300 ? ['1300'] : [String(i), 'y']));
    const body = `<RETS ReplyCode="0" ReplyText="OK"><COLUMNS>\tA\tB\t</COLUMNS>${rows.map((r) => `<DATA>\t${r.join('\t')}\t</DATA>`).join('')}</RETS>`;
    const batches = createSearchParser('COMPACT').push(bytes(body)).filter((e) => e.kind === 'rows').map((e) => (e as { batch: RowBatch }).batch);
    const all = batches.flatMap((b) => Array.from({ length: b.length }, (_, r) => b.row(r)));
    expect(all[1200]).toEqual(['1200', 'x']);
    expect(all[1300]).toEqual(['1300', '']);
    expect(batches.reduce((n, b) => n + b.raggedRows, 0)).toBe(2);
  });

  it('caps a batch at a few thousand rows', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [String(i)]);
    const events = createSearchParser('COMPACT').push(bytes(compact(['N'], rows)));
    const sizes = events.filter((e) => e.kind === 'rows').map((e) => (e as { batch: RowBatch }).batch.length);
    expect(sizes).toEqual([2000, 2000, 1000]);
  });

  it('a batch stays readable after later pushes', () => {
    const p = createSearchParser('COMPACT');
    const body = bytes(compact(['A'], [['first'], ['second']]));
    const cut = new TextDecoder().decode(body).indexOf('<DATA>\tsecond');
    const b1 = batchOf(p.push(body.slice(0, cut)));
    p.push(body.slice(cut));
    expect(b1.get(0, 0)).toBe('first');
  });
});

describe('chunk-split invariance', () => {
  const files = [
    'NationalAssociationOfRealtors__libRETS/project/librets/test/src/resources/search-response.xml',
    'josephholsten__rets4r/test/fixtures/search_compact.xml',
    'estately__rets/test/fixtures.rb__SAMPLE_COMPACT_WITH_SPECIAL_CHARS.xml',
  ];
  it.each(files)('%s gives the same result split at every byte position', (file) => {
    const body = sample(file).body;
    const whole = JSON.stringify(collectSearch(body));
    let same = 0;
    for (let cut = 1; cut < body.length; cut++) if (JSON.stringify(collectSearch(splitAt(body, [cut]))) === whole) same++;
    expect(same).toBe(body.length - 1);
  });

  it.each([
    'NationalAssociationOfRealtors__libRETS/project/librets/test-network/src/resources/search.1',
    'mslosarek__node-rets/test/data/properties_compact.xml',
    'mslosarek__node-rets/test/data/properties.xml',
    'mslosarek__node-rets/test/data/property_crea_standard.xml',
    'refindlyllc__rets/tests/rets_responses/COMPACT-DECODED/Search_1of2.xml',
  ])('%s gives the same result split at 60 random sets of positions', (file) => {
    const body = sample(file).body;
    const whole = JSON.stringify(collectSearch(body));
    const rnd = prng(file.length);
    const differing: number[][] = [];
    for (let t = 0; t < 60; t++) {
      const cuts = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => 1 + Math.floor(rnd() * (body.length - 1)));
      if (JSON.stringify(collectSearch(splitAt(body, cuts))) !== whole) differing.push(cuts);
    }
    expect(differing).toEqual([]);
  });
});

describe('bad input', () => {
  it('a truncated body is a typed parse error saying how many rows arrived', () => {
    const text = compact(['A'], [['1'], ['2'], ['3']]);
    const e = parseError(text.slice(0, text.indexOf('<DATA>\t3')) + '<DATA>\t3');
    expect(e.kind).toBe('parse');
    expect(e.message).toMatch(/cut off after 2 rows/);
  });

  it('an empty body is a typed parse error', () => {
    expect(parseError(new Uint8Array(0)).message).toMatch(/was empty/);
  });

  it('an HTML error page is a typed parse error with its title', () => {
    const e = parseError('<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
    expect(e).toMatchObject({ kind: 'parse' });
    expect(e.message).toMatch(/HTML page \("502 Bad Gateway"\)/);
    expect(parseError('<html><body>Access denied</body></html>').message).toMatch(/HTML page/);
  });

  it('plain text is a typed parse error', () => {
    expect(parseError('Service Unavailable').message).toMatch(/not RETS XML/);
  });

  it('malformed XML: unclosed DATA swallowing the end is reported as cut off', () => {
    const e = parseError('<RETS ReplyCode="0" ReplyText="OK"><COLUMNS>\tA\t</COLUMNS><DATA>\t1\t<DATA>\t2\t</RETS>');
    expect(e.message).toMatch(/cut off after 0 rows/);
  });
});
