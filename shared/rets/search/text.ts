// Field text: UTF-8 when the bytes are valid UTF-8, windows-1252 otherwise (servers send raw
// ISO-8859-1/1252 with no charset), then XML character references decoded.

import { decodeWindows1252, decodeXmlEntities } from '../text';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const loose = new TextDecoder('utf-8', { ignoreBOM: true });

/** ASCII bytes to text: a short loop for short fields, the native decoder for long ones. */
function asciiString(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 24) return loose.decode(bytes.subarray(start, end));
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
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
    s = asciiString(bytes, start, end);
  } else {
    s = decodeCharset(bytes.subarray(start, end));
    amp = s.includes('&');
  }
  return amp ? decodeXmlEntities(s) : s;
}

/** bytes[start, end) as UTF-8, or null when they are not valid UTF-8. */
export function utf8Text(bytes: Uint8Array, start: number, end: number): string | null {
  try {
    return utf8.decode(bytes.subarray(start, end));
  } catch {
    return null;
  }
}

export function decodeCharset(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}
