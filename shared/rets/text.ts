// Text helpers shared by every RETS parser: byte decoding with charset detection and XML
// character/entity references as real servers write them (RETS-QUIRKS.md "Text").

const XML_DECL_ENCODING = /^<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i;

/** The charset parameter of a Content-Type header, lower-cased, or undefined. */
export function charsetOf(contentType?: string): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return m ? m[1]!.toLowerCase() : undefined;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The encoding named by an XML declaration at the start of the bytes, if any. */
function xmlDeclCharset(bytes: Uint8Array): string | undefined {
  const start = hasUtf8Bom(bytes) ? 3 : 0;
  const head = new TextDecoder('latin1').decode(bytes.subarray(start, start + 200)).trimStart();
  const m = XML_DECL_ENCODING.exec(head);
  return m ? m[1]!.toLowerCase() : undefined;
}

// windows-1252 for 0x80-0x9F (undefined slots stay as the C1 control). Node 20's TextDecoder
// decodes 'windows-1252' and 'latin1' as plain ISO-8859-1, so we map these ourselves.
const W1252_C1 = '\u20AC\x81\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\x8D\u017D\x8F' +
  '\x90\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\x9D\u017E\u0178';
const LATIN1_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'iso_8859-1', 'cp819', 'ibm819']);

/** Decodes bytes as windows-1252 (what browsers do for ISO-8859-1 and ASCII labels too). */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/[\x80-\x9f]/g, (c) => W1252_C1[c.charCodeAt(0) - 0x80]!);
}

function decoderFor(label: string, fatal: boolean): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined; // unknown label
  }
}

function isUtf8Label(label: string): boolean {
  return label === 'utf-8' || label === 'utf8' || label === 'unicode-1-1-utf-8';
}

/**
 * Decodes a response body to text. The charset comes from Content-Type, else from the XML
 * declaration; otherwise UTF-8. Bytes that are not valid UTF-8 (raw ISO-8859-1 from old
 * servers, often with no charset at all) are decoded as windows-1252 instead of turning into
 * U+FFFD. A UTF-8 BOM is dropped.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string): string {
  const declared = charsetOf(contentType) ?? xmlDeclCharset(bytes);
  if (declared && LATIN1_LABELS.has(declared)) return stripBom(decodeWindows1252(bytes));
  if (declared && !isUtf8Label(declared)) {
    const dec = decoderFor(declared, false);
    if (dec) return stripBom(dec.decode(bytes));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // strips the BOM itself
  } catch {
    return stripBom(decodeWindows1252(bytes));
  }
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

// &nbsp; is not XML, but servers send it in remarks and LongNames; it means only one thing.
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ENTITY = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z]{2,6});/g;
// Matrix sends some characters double-encoded (`&amp;#xE8;` for è): a numeric reference that
// survives one pass is decoded again; named ones are not (that would change legitimate text).
const DOUBLE = /&amp;(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10});/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Set by replaceRef, read right after one replace() call: no closure per call on the hot path.
let sawSurrogate = false;

function replaceRef(whole: string, ref: string): string {
  if (ref.charCodeAt(0) !== 0x23) return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole;
  const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
  if (cp === 0 || cp > 0x10ffff) return '\uFFFD';
  // Surrogate halves stay code units so that `&#55357;&#56842;` pairs up; lone ones are fixed after.
  if (cp >= 0xd800 && cp <= 0xdfff) { sawSurrogate = true; return String.fromCharCode(cp); }
  return String.fromCodePoint(cp);
}

/**
 * Decodes XML entities and character references in metadata, login bodies and search rows alike:
 * the five XML entities (any case) and &nbsp;, decimal/hex references, double-encoded numeric
 * references. Two references forming a UTF-16 surrogate pair join into one character; a lone
 * surrogate, NUL or an out-of-range reference becomes U+FFFD. Unknown entities and a bare `&`
 * stay as written.
 */
export function decodeXmlEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  const src = s.includes('&amp;#') ? s.replace(DOUBLE, '&$1;') : s;
  sawSurrogate = false;
  const out = src.replace(ENTITY, replaceRef);
  return sawSurrogate ? out.replace(LONE_SURROGATE, '\uFFFD') : out;
}
