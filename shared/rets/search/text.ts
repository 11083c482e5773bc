// Field text: UTF-8 when the bytes are valid UTF-8, windows-1252 otherwise (servers send raw
// ISO-8859-1/1252 with no charset), then XML character references decoded.

import { decodeWindows1252 } from '../text';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const loose = new TextDecoder('utf-8', { ignoreBOM: true });

/** ASCII bytes to text: a short loop for short fields, the native decoder for long ones. */
function asciiString(bytes: Uint8Array): string {
  if (bytes.length > 24) return loose.decode(bytes);
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** Decode bytes[start, end) as text: ASCII fast path, UTF-8, else windows-1252; entities decoded. */
export function decodeText(bytes: Uint8Array, start: number, end: number): string {
  let ascii = true;
  let amp = false;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b >= 0x80) { ascii = false; break; }
    if (b === 0x26) amp = true;
  }
  let s: string;
  if (ascii) {
    s = asciiString(bytes.subarray(start, end));
  } else {
    s = decodeCharset(bytes.subarray(start, end));
    amp = s.includes('&');
  }
  return amp ? decodeEntities(s) : s;
}

export function decodeCharset(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const entityRe = /&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g;
// Matrix sends some characters double-encoded (`&amp;#xE8;` for è): a numeric reference that
// survives one pass is decoded again, named ones are not (that would change legitimate text).
const doubleRe = /&amp;(#[xX][0-9a-fA-F]+|#[0-9]+);/g;

let sawSurrogate = false;

function replaceRef(whole: string, ref: string): string {
  if (ref.charCodeAt(0) !== 0x23) return named[ref] ?? named[ref.toLowerCase()] ?? whole;
  const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
  if (!Number.isFinite(code) || code > 0x10ffff) return '\ufffd';
  // Surrogate halves are kept as code units so that `&#55357;&#56842;` pairs up; lone ones are fixed after.
  if (code >= 0xd800 && code <= 0xdfff) { sawSurrogate = true; return String.fromCharCode(code); }
  return String.fromCodePoint(code);
}

/** Decode XML entity and character references; lone surrogates and bad references become U+FFFD. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  const src = s.includes('&amp;#') ? s.replace(doubleRe, '&$1;') : s;
  sawSurrogate = false;
  const once = src.replace(entityRe, replaceRef);
  return sawSurrogate ? fixLoneSurrogates(once) : once;
}

function fixLoneSurrogates(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
    }
    s = s.slice(0, i) + '\ufffd' + s.slice(i + 1);
  }
  return s;
}
