// A whole HTTP response saved as bytes (`curl -i`, GuzzleRecorder, libRETS fixtures) split into
// status, headers and body. Pure: no Node APIs.

import { RetsError } from './errors';

export interface RawHttpResponse {
  status: number;
  statusText: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Every header line in order, names as sent. */
  headerList: [string, string][];
  body: Uint8Array;
}

const latin1 = new TextDecoder('latin1');
// The code, then a blank or the end; the reason phrase is the rest of the line (sliced, not
// matched: `\s+(.*)$` backtracks over every blank before a stray CR).
const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})(?=\s|$)/;
const BARE_STATUS = /^(\d{3})(?=\s|$)/; // libRETS fixtures: first line is only the code

/** True when the bytes start with an HTTP status line (or libRETS' bare status code line). */
export function looksLikeRawHttp(bytes: Uint8Array): boolean {
  const first = firstLine(bytes, 0);
  if (!first) return false;
  if (STATUS_LINE.test(first.text)) return true;
  // A bare code must be followed by a header line, so a body like "200" is not mistaken.
  if (!BARE_STATUS.test(first.text)) return false;
  const second = firstLine(bytes, first.next);
  return !!second && /^[A-Za-z0-9-]+\s*:/.test(second.text);
}

/** The line at `from` (up to `limit` bytes long) and where the next one starts, or undefined. */
function firstLine(bytes: Uint8Array, from: number, limit = 8192): { text: string; next: number } | undefined {
  const lf = bytes.subarray(from, Math.min(bytes.length, from + limit)).indexOf(0x0a);
  if (lf < 0) return undefined;
  const i = from + lf;
  const end = i > from && bytes[i - 1] === 0x0d ? i - 1 : i;
  return { text: latin1.decode(bytes.subarray(from, end)).trim(), next: i + 1 };
}

interface Head { status: number; statusText: string; headerList: [string, string][]; bodyStart: number }

function parseHead(bytes: Uint8Array, from: number): Head | undefined {
  const first = firstLine(bytes, from);
  if (!first) return undefined;
  const m = STATUS_LINE.exec(first.text) ?? BARE_STATUS.exec(first.text);
  if (!m) return undefined;
  const statusText = first.text.slice(m[0].length).trim();
  const headerList: [string, string][] = [];
  let pos = first.next;
  for (;;) {
    // Header lines may be long (a big Set-Cookie or CSP): the body must not vanish behind one.
    const line = firstLine(bytes, pos, Infinity);
    if (!line) return { status: Number(m[1]), statusText, headerList, bodyStart: bytes.length };
    pos = line.next;
    if (line.text === '') break;
    const colon = line.text.indexOf(':');
    if (colon > 0) headerList.push([line.text.slice(0, colon).trim(), line.text.slice(colon + 1).trim()]);
    else if (headerList.length > 0) headerList[headerList.length - 1]![1] += ' ' + line.text; // folded line
  }
  return { status: Number(m[1]), statusText, headerList, bodyStart: pos };
}

function headerMap(list: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of list) {
    const k = name.toLowerCase();
    out[k] = k in out ? `${out[k]}, ${value}` : value;
  }
  return out;
}

function startsWithHttp(bytes: Uint8Array, at: number): boolean {
  return at + 5 <= bytes.length && latin1.decode(bytes.subarray(at, at + 5)) === 'HTTP/';
}

/**
 * Parses a saved HTTP response. Several responses in a row (a 100 Continue or a Digest 401
 * followed by the 200) yield the last. Chunked transfer coding is undone only when the body
 * really is chunked: PHRETS recordings keep the header over bodies already de-chunked.
 */
export function parseRawHttpResponse(bytes: Uint8Array): RawHttpResponse {
  let from = 0;
  for (;;) {
    const head = parseHead(bytes, from);
    if (!head) {
      throw new RetsError({
        kind: 'parse', transaction: 'Other',
        message: 'Not an HTTP response: the first line is not an HTTP status line.',
        hint: 'Save the response with `curl -i` (status line and headers first), or pass the bare body.',
      });
    }
    const headers = headerMap(head.headerList);
    const len = Number(headers['content-length']);
    const next = Number.isInteger(len) && len >= 0 ? head.bodyStart + len : -1;
    if (next >= 0 && startsWithHttp(bytes, skipBlank(bytes, next))) { from = skipBlank(bytes, next); continue; }
    if (startsWithHttp(bytes, head.bodyStart)) { from = head.bodyStart; continue; }
    let body = bytes.subarray(head.bodyStart);
    if (/\bchunked\b/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body) ?? body;
    return { status: head.status, statusText: head.statusText, headers, headerList: head.headerList, body };
  }
}

function skipBlank(bytes: Uint8Array, at: number): number {
  while (at < bytes.length && (bytes[at] === 0x0d || bytes[at] === 0x0a)) at++;
  return at;
}

/**
 * Undoes chunked transfer coding, or returns undefined when the bytes are not chunked (the
 * first chunk's size line and the CRLF after its data must both be where they belong).
 * Stops at the zero-size chunk; anything after it (trailers, recorder noise) is dropped; a
 * truncated last chunk keeps what arrived.
 */
export function dechunk(body: Uint8Array): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let pos = 0;
  let total = 0;
  while (pos < body.length) {
    const line = firstLine(body, pos);
    if (!line) break;
    const m = /^([0-9a-fA-F]{1,8})(?:\s*;.*)?$/.exec(line.text);
    if (!m) {
      if (parts.length === 0) return undefined;
      break;
    }
    const size = parseInt(m[1]!, 16);
    if (size === 0) return join(parts, total);
    const end = line.next + size;
    if (parts.length === 0 && (end > body.length || (end < body.length && body[end] !== 0x0d && body[end] !== 0x0a))) return undefined;
    parts.push(body.subarray(line.next, Math.min(end, body.length)));
    total += Math.min(size, body.length - line.next);
    pos = end;
    if (body[pos] === 0x0d) pos++;
    if (body[pos] === 0x0a) pos++;
  }
  return parts.length === 0 ? undefined : join(parts, total);
}

function join(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
