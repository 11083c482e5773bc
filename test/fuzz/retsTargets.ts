// Fuzz targets for every parser that reads a RETS server's bytes, each fed the way the app feeds
// it (streaming parsers in ragged chunks, whole-body parsers the decoded text).
import { httpError, htmlInsteadOfXml, isHtmlBody } from '../../electron/rets/errors';
import { diagnoseUnauthenticated, parseChallenges } from '../../shared/doctor/diagnoseHttp';
import { findRetsStatus, htmlSummary, htmlTitle, looksLikeHtml, parseRetsEnvelope } from '../../shared/rets/envelope';
import { parseLoginResponse, parseLogoutResponse } from '../../shared/rets/login';
import { parseMetadata } from '../../shared/rets/metadata/index';
import { collectObjects, createObjectParser } from '../../shared/rets/object/multipart';
import type { ObjectParser } from '../../shared/rets/object/types';
import { dechunk, looksLikeRawHttp, parseRawHttpResponse } from '../../shared/rets/rawHttp';
import { createSearchParser } from '../../shared/rets/search/index';
import type { SearchFormat, SearchParser } from '../../shared/rets/search/types';
import { decodeBody } from '../../shared/rets/text';
import { longRun, mutated, nested, noise, repeated, soup, XML_TOKENS } from './generators';
import { int } from './rng';
import type { FuzzTarget, Rng } from './types';

/** Chunk sizes cycled through: single bytes, odd small pieces and network-sized reads. */
const CHUNKS = [1, 7, 61, 509, 4093, 16381, 65521];

/** Pushes bytes through a streaming parser in ragged chunks, then ends it; returns every event. */
function feed<E>(parser: { push(chunk: Uint8Array): E[]; end(): E[] }, bytes: Uint8Array, each: (e: E) => void): void {
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const n = CHUNKS[k % CHUNKS.length]!;
    for (const e of parser.push(bytes.subarray(at, at + n))) each(e);
    at += n;
  }
  for (const e of parser.end()) each(e);
}

function search(format: SearchFormat | 'auto', bytes: Uint8Array): void {
  const parser: SearchParser = createSearchParser(format);
  feed(parser, bytes, (e) => {
    if (e.kind !== 'rows') return;
    // Read what a grid or export reads first: the cells at both ends of every row.
    const last = e.batch.columns.length - 1;
    for (let r = 0; r < e.batch.length; r++) { e.batch.get(r, 0); e.batch.get(r, last); }
  });
}

const text = (bytes: Uint8Array): string => decodeBody(bytes);

function compactBody(rows: number, rng: Rng): string {
  const cols = ['ListingID', 'ListPrice', 'City', 'Remarks'];
  let s = '<?xml version="1.0"?>\r\n<RETS ReplyCode="0" ReplyText="Operation Success.">\r\n<COUNT Records="9"/>\r\n<DELIMITER value="09"/>\r\n'
    + `<COLUMNS>\t${cols.join('\t')}\t</COLUMNS>\r\n`;
  for (let r = 0; r < rows; r++) s += `<DATA>\t${r}\t${int(rng, 1, 9e6)}\tTown &amp; Co\t\u00e9 remark ${r}\t</DATA>\r\n`;
  return s + '<MAXROWS/>\r\n</RETS>\r\n';
}

function standardXmlBody(rows: number): string {
  let s = '<?xml version="1.0"?><RETS ReplyCode="0" ReplyText="OK"><COUNT Records="3"/><REData><Properties>';
  for (let r = 0; r < rows; r++) s += `<Listing ID="${r}"><ListPrice>${r * 7}</ListPrice><Address><City>A &amp; B</City></Address><Photo>1</Photo><Photo>2</Photo></Listing>`;
  return s + '</Properties></REData></RETS>';
}

function loginBody(rows: number): string {
  let s = '<RETS ReplyCode="0" ReplyText="V2.7.0 761: Success">\r\n<RETS-RESPONSE>\r\nMemberName=Joe Agent\r\nUser=1,2,3,4\r\n'
    + 'Search=/rets/search\r\nGetMetadata=http://h/rets/md\r\nLogin=/rets/login\r\nTimeoutSeconds=1800\r\n';
  for (let r = 0; r < rows; r++) s += `X-Vendor${r}=/x/${r}\r\nInfo=USERID;Character;u${r}\r\n`;
  return s + '</RETS-RESPONSE>\r\n</RETS>\r\n';
}

function metadataCompactBody(rows: number): string {
  let s = '<RETS ReplyCode="0" ReplyText="OK"><METADATA><METADATA-SYSTEM Version="1.0" Date="x"><SYSTEM SystemID="S" SystemDescription="d"/>'
    + '<COMMENTS>c</COMMENTS></METADATA-SYSTEM><METADATA-RESOURCE Version="1" Date="x"><COLUMNS>\tResourceID\tKeyField\t</COLUMNS><DATA>\tProperty\tL\t</DATA></METADATA-RESOURCE>'
    + '<METADATA-TABLE Resource="Property" Class="RES" Version="1" Date="x"><COLUMNS>\tSystemName\tDataType\tLookupName\t</COLUMNS>';
  for (let r = 0; r < rows; r++) s += `<DATA>\tF${r}\tCharacter\tL${r % 7}\t</DATA>`;
  return s + '</METADATA-TABLE></METADATA></RETS>';
}

function metadataXmlBody(rows: number): string {
  let s = '<RETS ReplyCode="0" ReplyText="OK"><METADATA><METADATA-SYSTEM Version="1" Date="x"><System><SystemID>S</SystemID>'
    + '<METADATA-RESOURCE Version="1" Date="x"><Resource><ResourceID>Property</ResourceID><METADATA-CLASS Version="1" Date="x"><Class><ClassName>RES</ClassName>'
    + '<METADATA-TABLE Version="1" Date="x">';
  for (let r = 0; r < rows; r++) s += `<Field><SystemName>F${r}</SystemName><DataType>Character</DataType></Field>`;
  return s + '</METADATA-TABLE></Class></METADATA-CLASS></Resource></METADATA-RESOURCE></System></METADATA-SYSTEM></METADATA></RETS>';
}

function multipartBody(rows: number, rng: Rng): string {
  let s = '\r\n';
  for (let r = 0; r < rows; r++) {
    s += `--B\r\nContent-Type: ${r % 3 ? 'image/jpeg' : 'text/xml'}\r\nContent-ID: L${r}\r\nObject-ID: ${r}\r\n`;
    s += r % 3 ? `\r\n${'\xff\xd8'}${'x'.repeat(int(rng, 0, 200))}\r\n` : 'Location: http://h/p.jpg\r\n\r\n<RETS ReplyCode="0"/>\r\n';
  }
  return s + '--B--\r\n';
}

function rawHttpBody(rows: number): string {
  let body = '';
  for (let r = 0; r < rows; r++) body += `${(20).toString(16)}\r\n<DATA>\t${String(r).padStart(5, '0')}\t</DATA>\r\n\r\n`;
  return 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/xml\r\n\r\n' + body + '0\r\n\r\n';
}

const SEARCH_TOKENS = [...XML_TOKENS, '<DATA>', '</DATA>', '<COLUMNS>', '</COLUMNS>', '<DELIMITER value="7C"/>', '<COUNT Records="5"/>', '<MAXROWS/>', '\t', '|', '<REData>', '<Listing>', '</Listing>'];
const METADATA_TOKENS = [...SEARCH_TOKENS, '<METADATA-TABLE Resource="P" Class="R">', '</METADATA-TABLE>', '<METADATA-SYSTEM>', '<SYSTEM ', '<COMMENTS>', '</COMMENTS>', '<Field>', '</Field>', '<METADATA>'];
const LOGIN_TOKENS = [...XML_TOKENS, '<RETS-RESPONSE>', '</RETS-RESPONSE>', '\r\n', '=', 'Search=', 'X-a=', 'Info=', ';', 'TimeoutSeconds=', 'User=', ','];
const MULTIPART_TOKENS = ['--B', '--B--', '\r\n', '\n', '\r\n\r\n', 'Content-Type: text/xml', 'Location: x', 'RETS-Error: 1', 'Content-Transfer-Encoding: base64', ':', ' ', '-', '<RETS ReplyCode="20403"/>', 'QUJD', '='];
const HTTP_TOKENS = ['HTTP/1.1 200 OK\r\n', 'HTTP/1.1 100 Continue\r\n\r\n', '401\r\n', 'Content-Length: 5\r\n', 'Transfer-Encoding: chunked\r\n', '\r\n', ':', 'a\r\n', '0\r\n', 'ffffffff\r\n', ' folded\r\n'];

/** Generators every XML-ish body parser gets: the shapes that froze the host, and more. */
function xmlHostile(prefix: string): ReturnType<typeof repeated>[] {
  return [
    repeated('<RETS repeated', '', '<RETS '),
    repeated('<RETS-STATUS repeated', prefix, '<RETS-STATUS '),
    repeated('unterminated quotes', prefix + '<X a="', '"x="'),
    repeated('attribute names without =', prefix + '<X ', 'a'),
    longRun('128 KB-style attribute', prefix + '<COUNT Records="', '9', '"/></RETS>'),
    longRun('unterminated attribute', prefix + '<X a="', 'x'),
    repeated('< repeated', prefix, '<'),
    repeated('<!-- repeated', prefix, '<!--'),
    repeated('<![CDATA[ repeated', prefix, '<![CDATA['),
    repeated('&# repeated', prefix, '&#x1;&amp;#'),
    repeated('<html><title', '<html>', '<title'),
    nested('nested elements', prefix, '<a>', '</a>', '</RETS>'),
    nested('unclosed nesting', prefix, '<a>', ''),
    repeated('empty elements', prefix, '<b/>', '</RETS>'),
  ];
}

export const retsTargets: FuzzTarget[] = [
  {
    name: 'envelope',
    parse: (bytes) => {
      const t = text(bytes);
      parseRetsEnvelope(t); findRetsStatus(t); looksLikeHtml(t); htmlSummary(t); htmlTitle(t);
    },
    generators: [...xmlHostile(''), repeated('<h1 repeated', '<html>', '<h1>'), soup('token soup', XML_TOKENS), noise()],
  },
  {
    name: 'login',
    parse: (bytes) => {
      const t = text(bytes);
      parseLoginResponse(t, 'http://127.0.0.1/rets/login');
      parseLogoutResponse(t);
    },
    generators: [
      ...xmlHostile('<RETS ReplyCode="0">'),
      repeated('<RETS-RESPONSE repeated', '<RETS ReplyCode="0">', '<RETS-RESPONSE '),
      repeated('key=value lines', '<RETS ReplyCode="0"><RETS-RESPONSE>', 'X-a=/b\r\n', '</RETS-RESPONSE></RETS>'),
      repeated('Info lines', '<RETS ReplyCode="0"><RETS-RESPONSE>', 'Info=A;B;C;D\r\n', '</RETS-RESPONSE></RETS>'),
      longRun('one long line', '<RETS ReplyCode="0"><RETS-RESPONSE>\r\nUser=', 'a,'),
      repeated('bare lines', '<RETS ReplyCode="0">\r\n', 'x\r\n'),
      mutated('damaged login', loginBody, LOGIN_TOKENS), soup('token soup', LOGIN_TOKENS), noise(),
    ],
  },
  ...(['COMPACT', 'STANDARD-XML', 'auto'] as const).map((format): FuzzTarget => ({
    name: `search ${format}`,
    parse: (bytes) => search(format, bytes),
    generators: [
      ...xmlHostile('<RETS ReplyCode="0">'),
      repeated('rows', '<RETS ReplyCode="0"><COLUMNS>\tA\t</COLUMNS>', '<DATA>\t\t</DATA>', '</RETS>'),
      repeated('delimiters in COLUMNS', '<RETS ReplyCode="0"><COLUMNS>', '\t', '</COLUMNS></RETS>'),
      repeated('DATA before COLUMNS', '<RETS ReplyCode="0"><DATA>', '\t', '</DATA></RETS>'),
      longRun('one unclosed row', '<RETS ReplyCode="0"><COLUMNS>\tA\t</COLUMNS><DATA>', 'x\t'),
      repeated('<DATA> without close', '<RETS ReplyCode="0"><COLUMNS>\tA\t</COLUMNS>', '<DATA>'),
      repeated('records', '<RETS ReplyCode="0"><REData><Ls>', '<L><A>1</A><B/></L>', '</Ls></REData></RETS>'),
      repeated('repeated leaves', '<RETS ReplyCode="0"><REData><Ls><L>', '<b/>', '</L></Ls></REData></RETS>'),
      repeated('a new field each record', '<RETS ReplyCode="0"><REData><Ls>', '<L><c/></L><L><d/></L>', '</Ls></REData></RETS>'),
      longRun('one long text', '<RETS ReplyCode="0"><REData><Ls><L><A>', 'x'),
      mutated('damaged COMPACT', compactBody, SEARCH_TOKENS),
      mutated('damaged STANDARD-XML', (n) => standardXmlBody(n), SEARCH_TOKENS),
      soup('token soup', SEARCH_TOKENS), noise(),
    ],
  })),
  ...(['COMPACT', 'STANDARD-XML'] as const).map((format): FuzzTarget => ({
    name: `metadata ${format}`,
    parse: (bytes) => { parseMetadata(text(bytes)); },
    generators: [
      ...xmlHostile('<RETS ReplyCode="0"><METADATA>'),
      repeated('<METADATA- repeated', '<RETS ReplyCode="0">', '<METADATA-X '),
      repeated('empty blocks', '<RETS ReplyCode="0">', '<METADATA-LOOKUP Resource="P"/>', '</RETS>'),
      repeated('blocks without DATA', '<RETS ReplyCode="0">', '<METADATA-CLASS Resource="P"><COLUMNS>\tA\t</COLUMNS></METADATA-CLASS>', '</RETS>'),
      repeated('lower-case rows', '<RETS ReplyCode="0"><METADATA-TABLE Resource="P" Class="R"><COLUMNS>\tA\t</COLUMNS>', '<data>\tx\t</data>', '</METADATA-TABLE></RETS>'),
      repeated('<SYSTEM repeated', '<RETS ReplyCode="0"><METADATA-SYSTEM>', '<SYSTEM '),
      repeated('<COMMENTS> repeated', '<RETS ReplyCode="0"><METADATA-SYSTEM><COMMENTS>', '<COMMENTS>', '</METADATA-SYSTEM></RETS>'),
      nested('nested blocks', '<RETS ReplyCode="0"><METADATA>', '<METADATA-CLASS><Class><ClassName>C</ClassName>', '</Class></METADATA-CLASS>', '</METADATA></RETS>'),
      repeated('many tables', '<RETS ReplyCode="0"><METADATA>', '<METADATA-TABLE Resource="P" Class="C"><Field><SystemName>A</SystemName></Field></METADATA-TABLE>', '</METADATA></RETS>'),
      mutated('damaged metadata', format === 'COMPACT' ? metadataCompactBody : metadataXmlBody, METADATA_TOKENS),
      soup('token soup', METADATA_TOKENS, '<RETS ReplyCode="0">'), noise(),
    ],
  })),
  {
    name: 'GetObject multipart',
    parse: (bytes) => {
      let parser: ObjectParser = createObjectParser('multipart/parallel; boundary="B"');
      feed(parser, bytes, () => undefined);
      parser = createObjectParser('text/xml', { Location: 'http://h/x.jpg' });
      feed(parser, bytes.subarray(0, 65536), () => undefined);
      collectObjects('multipart/parallel; boundary=B', bytes.subarray(0, 65536));
    },
    generators: [
      repeated('empty parts', '\r\n', '--B\r\n', '--B--'),
      repeated('parts with a header', '', '--B\r\nA: b\r\n\r\n\r\n', '--B--'),
      repeated('header lines', '--B\r\n', 'X-A: b\r\n'),
      repeated('folded header lines', '--B\r\nA: b\r\n', ' more\r\n', '\r\n\r\nx\r\n--B--'),
      repeated('dashes', '--B\r\n\r\n', '-', '\r\n--B--'),
      repeated('near boundaries', '--B\r\n\r\n', '\n--', '\r\n--B--'),
      repeated('preamble', '', 'x\r\n', '--B--'),
      repeated('small RETS replies', '', '--B\r\nContent-Type: text/xml\r\nLocation: x\r\n\r\n<RETS ReplyCode="0"/>\r\n', '--B--'),
      repeated('base64 parts', '', '--B\r\nContent-Transfer-Encoding: base64\r\n\r\nQUJD\r\n', '--B--'),
      mutated('damaged multipart', multipartBody, MULTIPART_TOKENS),
      soup('token soup', MULTIPART_TOKENS), noise(),
    ],
  },
  {
    name: 'raw HTTP capture',
    parse: (bytes) => {
      looksLikeRawHttp(bytes);
      parseRawHttpResponse(bytes);
      dechunk(bytes);
    },
    generators: [
      repeated('100 Continue repeated', '', 'HTTP/1.1 100 Continue\r\n\r\n'),
      repeated('header lines', 'HTTP/1.1 200 OK\r\n', 'A: b\r\n'),
      repeated('folded lines', 'HTTP/1.1 200 OK\r\nA: b\r\n', ' c\r\n'),
      repeated('chunks', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n', '1\r\nx\r\n'),
      repeated('blank lines after Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n', '\r\n'),
      longRun('one long status line', 'HTTP/1.1 200 ', 'x'),
      longRun('body without length', 'HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\n', 'A server error '),
      mutated('damaged capture', (n) => rawHttpBody(n), HTTP_TOKENS),
      soup('token soup', HTTP_TOKENS), noise(),
    ],
  },
  {
    name: 'HTTP error pages',
    parse: (bytes) => {
      const body = text(bytes);
      const ctx = { transaction: 'Login' as const, url: 'http://h/login' };
      for (const status of [401, 403, 404, 500]) httpError(status, ctx, { body, contentType: 'text/html' });
      if (isHtmlBody('text/html', body)) htmlInsteadOfXml(ctx, body, 401);
      const challenges = parseChallenges(body.slice(0, 16384));
      diagnoseUnauthenticated({ status: 401, contentType: 'text/html', bodyHead: body.slice(0, 4096), challenges, configuredScheme: 'auto', retsVersion: 'RETS/1.7.2' });
    },
    generators: [
      ...xmlHostile('<html>'),
      repeated('401 page', '<html><head><title>401 Unauthorized</title></head><body>', '<p>Denied</p>', '</body></html>'),
      repeated('challenges', 'Digest realm="a", ', 'Basic, '),
      repeated('realm repeated', 'Digest ', 'realm=x, '),
      soup('token soup', XML_TOKENS, '<html>'), noise(),
    ],
  },
];
