// Streaming GetObject response parser: multipart/* split into parts as bytes arrive, or a single
// object (or a whole-request RETS error) through the same events.

import { RetsError } from '../errors';
import { HeldChunks } from '../search/bytes';
import { boundaryOf, objectHeaders, objectHeadersFromRecord, parseHeaderBlock } from './headers';
import { PartWriter } from './partWriter';
import type { ObjectEvent, ObjectHeaders, ObjectParser } from './types';

export type { ObjectEvent, ObjectHeaders, ObjectParser } from './types';

const LF = 0x0a;
const CR = 0x0d;
const latin1 = new TextDecoder('windows-1252');
/** How far into the body the first boundary may be before we say the boundary is wrong. */
const PREAMBLE_LIMIT = 64 * 1024;
const HEADER_LIMIT = 256 * 1024;
/** Parts in one response at most: far beyond a real GetObject (Location=1 for a page of listings). */
export const MAX_OBJECT_PARTS = 100_000;

/**
 * A parser for a GetObject response body. contentType is the response's Content-Type; headers
 * are the HTTP response headers (a single object's Content-ID, Object-ID, Location… live there).
 */
export function createObjectParser(contentType: string, headers: Record<string, string> = {}): ObjectParser {
  if (/^\s*multipart\//i.test(contentType)) {
    const boundary = boundaryOf(contentType);
    if (!boundary) {
      throw new RetsError({
        kind: 'parse', transaction: 'GetObject',
        message: 'The multipart GetObject response has no boundary in its Content-Type.',
        cause: `Expected \`multipart/parallel; boundary="…"\`, found \`${contentType}\`.`,
        hint: 'The server or a proxy rewrote the Content-Type; ask for one object at a time (ID=key:1) or report it to the MLS.',
      });
    }
    return new MultipartObjectParser(boundary);
  }
  return new SingleObjectParser(contentType, headers);
}

class SingleObjectParser implements ObjectParser {
  private readonly events: ObjectEvent[] = [];
  private readonly writer: PartWriter;

  constructor(contentType: string, headers: Record<string, string>) {
    const rest = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'content-type'));
    const h = objectHeadersFromRecord({ ...rest, 'Content-Type': contentType });
    this.writer = new PartWriter(0, h, /xml/i.test(contentType), this.events);
  }

  push(chunk: Uint8Array): ObjectEvent[] {
    this.writer.write(chunk);
    return this.events.splice(0);
  }

  end(): ObjectEvent[] {
    this.writer.finish();
    return this.events.splice(0);
  }
}

type State = 'preamble' | 'delimiter' | 'headers' | 'body' | 'epilogue';

class MultipartObjectParser implements ObjectParser {
  private readonly delim: Uint8Array;
  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private state: State = 'preamble';
  private part: PartWriter | null = null;
  private index = -1;
  private seen = 0;
  /** Where the search for a boundary or a blank line goes on after a push that did not complete it. */
  private scanFrom = 0;
  /** Chunks waiting while a cut header block or preamble is carried (see HeldChunks). */
  private readonly held = new HeldChunks();
  private readonly events: ObjectEvent[] = [];

  constructor(private readonly boundary: string) {
    this.delim = new Uint8Array([...`--${boundary}`].map((c) => c.charCodeAt(0) & 0xff));
  }

  push(chunk: Uint8Array): ObjectEvent[] {
    this.seen += chunk.length;
    const now = this.held.offer(chunk, this.buf.length - this.pos);
    if (now) this.parse(now);
    return this.events.splice(0);
  }

  private parse(chunk: Uint8Array): void {
    const rest = this.buf.subarray(this.pos);
    if (rest.length === 0) this.buf = chunk;
    else { const b = new Uint8Array(rest.length + chunk.length); b.set(rest); b.set(chunk, rest.length); this.buf = b; }
    this.scanFrom = Math.max(0, this.scanFrom - this.pos);
    this.pos = 0;
    while (this.step()) { /* until more bytes are needed */ }
  }

  end(): ObjectEvent[] {
    if (this.held.size > 0) this.parse(this.held.drain());
    switch (this.state) {
      case 'preamble': throw this.wrongBoundary();
      case 'body':
        throw new RetsError({
          kind: 'parse', transaction: 'GetObject',
          message: `The GetObject response was cut off inside object ${this.index + 1} (no closing boundary).`,
          cause: 'The connection closed early or the server stopped writing.',
          hint: 'The objects before it arrived complete; request the rest again.',
        });
      case 'headers':
      case 'delimiter':
        if (this.buf.length - this.pos > 0 && !isBlank(this.buf.subarray(this.pos))) {
          this.events.push({ kind: 'warning', message: 'The response ended inside a part\'s headers: that part was dropped.' });
        } else this.events.push({ kind: 'warning', message: 'The closing boundary is missing: tolerated.' });
        break;
      case 'epilogue': break;
    }
    return this.events.splice(0);
  }

  /** One state transition; false when more bytes are needed. */
  private step(): boolean {
    switch (this.state) {
      case 'preamble': return this.findFirstBoundary();
      case 'delimiter': return this.afterDelimiter();
      case 'headers': return this.readHeaders();
      case 'body': return this.readBody();
      case 'epilogue': this.pos = this.buf.length; return false;
    }
  }

  private findFirstBoundary(): boolean {
    const at = this.findDelimiter(Math.max(this.pos, this.scanFrom));
    if (at < 0) {
      if (this.seen > PREAMBLE_LIMIT) throw this.wrongBoundary();
      this.resumeNearEnd();
      return false;
    }
    this.pos = at + this.delim.length;
    this.scanFrom = this.pos;
    this.state = 'delimiter';
    return true;
  }

  private afterDelimiter(): boolean {
    const buf = this.buf;
    if (buf.length - this.pos < 2) return false;
    if (buf[this.pos] === 0x2d && buf[this.pos + 1] === 0x2d) { this.state = 'epilogue'; return true; }
    const lf = buf.indexOf(LF, this.pos);
    if (lf < 0) return false;
    this.pos = lf + 1;
    this.scanFrom = this.pos;
    this.state = 'headers';
    return true;
  }

  private readHeaders(): boolean {
    const buf = this.buf;
    // The part's headers end at the next boundary at the latest: the blank line is looked for
    // only before it, so a run of empty parts costs each part its own bytes, not the rest of the body.
    const nextDelim = this.findDelimiter(Math.max(this.pos, this.scanFrom));
    const limit = nextDelim >= 0 ? nextDelim : buf.length;
    let end = -1;
    let bodyStart = -1;
    if (buf[this.pos] === LF) { end = this.pos; bodyStart = this.pos + 1; }
    else if (buf[this.pos] === CR && buf[this.pos + 1] === LF) { end = this.pos; bodyStart = this.pos + 2; }
    else {
      for (let i = buf.indexOf(LF, Math.max(this.pos, this.scanFrom - 3)); i >= 0 && i < limit; i = buf.indexOf(LF, i + 1)) {
        if (buf[i + 1] === LF) { end = i + 1; bodyStart = i + 2; break; }
        if (buf[i + 1] === CR && buf[i + 2] === LF) { end = i + 1; bodyStart = i + 3; break; }
        if (i + 2 >= buf.length) break;
      }
    }
    if (nextDelim >= 0 && (end < 0 || nextDelim < end)) { end = nextDelim; bodyStart = nextDelim; }
    if (end < 0) {
      if (buf.length - this.pos > HEADER_LIMIT) throw this.badPart('has a header block longer than 256 KiB');
      this.resumeNearEnd();
      return false;
    }
    const headers = objectHeaders(parseHeaderBlock(latin1.decode(buf.subarray(this.pos, end))));
    this.startPart(headers);
    this.pos = bodyStart;
    this.scanFrom = bodyStart;
    this.state = 'body';
    return true;
  }

  /** The bytes scanned so far hold no boundary: the next push looks only at what may complete one. */
  private resumeNearEnd(): void {
    this.scanFrom = Math.max(this.pos, this.buf.length - (this.delim.length + 3));
  }

  private startPart(headers: ObjectHeaders): void {
    if (this.index + 1 >= MAX_OBJECT_PARTS) {
      throw new RetsError({
        kind: 'parse', transaction: 'GetObject',
        message: `The GetObject response has more than ${MAX_OBJECT_PARTS} parts: it is not read further.`,
        cause: 'No real GetObject response holds that many objects: the body is broken or hostile.',
        hint: 'Ask for fewer objects at a time (fewer listings, or ID=key:1).',
      });
    }
    this.index++;
    this.part = new PartWriter(this.index, headers, false, this.events);
  }

  private readBody(): boolean {
    const buf = this.buf;
    const part = this.part as PartWriter;
    const at = this.findDelimiter(this.pos);
    if (at < 0) {
      // Keep enough bytes back to see a delimiter that straddles the next chunk.
      const safe = buf.length - (this.delim.length + 2);
      if (safe > this.pos) { part.write(buf.subarray(this.pos, safe)); this.pos = safe; }
      return false;
    }
    let bodyEnd = at;
    if (bodyEnd > this.pos && buf[bodyEnd - 1] === LF) bodyEnd--;
    if (bodyEnd > this.pos && buf[bodyEnd - 1] === CR) bodyEnd--;
    part.write(buf.subarray(this.pos, bodyEnd));
    part.finish();
    this.part = null;
    this.pos = at + this.delim.length;
    this.state = 'delimiter';
    return true;
  }

  /** Next `--boundary` at the start of the buffer or of a line, at or after from. */
  private findDelimiter(from: number): number {
    const buf = this.buf;
    const d = this.delim;
    for (let i = buf.indexOf(0x2d, from); i >= 0; i = buf.indexOf(0x2d, i + 1)) {
      if (i + d.length > buf.length) return -1;
      if (i > 0 && buf[i - 1] !== LF && !(i === this.pos && this.state === 'preamble')) continue;
      let k = 1;
      while (k < d.length && buf[i + k] === d[k]) k++;
      if (k === d.length) return i;
    }
    return -1;
  }

  private wrongBoundary(): RetsError {
    const text = latin1.decode(this.buf.subarray(0, Math.min(this.buf.length, 4096)));
    const found = /^--[^\r\n]*/m.exec(text)?.[0] ?? text.trim().split(/\r?\n/)[0]?.slice(0, 100) ?? '';
    return new RetsError({
      kind: 'parse', transaction: 'GetObject',
      message: `The multipart GetObject response does not contain the boundary its Content-Type announced.`,
      cause: `Expected a line "--${this.boundary}", found ${found ? `"${found}"` : 'an empty body'}.`,
      hint: 'The server or a proxy changed the body or the Content-Type; ask for one object at a time (ID=key:1) or report it to the MLS.',
    });
  }

  private badPart(what: string): RetsError {
    return new RetsError({ kind: 'parse', transaction: 'GetObject', message: `Object ${this.index + 2} of the GetObject response ${what}.`, hint: 'Report the response to the MLS.' });
  }
}

function isBlank(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x20) return false;
  return true;
}

export interface CollectedObject {
  index: number;
  headers: ObjectHeaders;
  /** The object's bytes (empty for a Location-only part or an error). */
  data: Uint8Array;
  /** The part body's byte length, whatever it holds (a Location part's RETS reply, an error text). */
  size: number;
  error?: { replyCode?: number; replyText: string; whole: boolean };
}

/** Parse a whole (small) GetObject body at once, given whole or as a sequence of chunks. */
export function collectObjects(contentType: string, bytes: Uint8Array | Iterable<Uint8Array>, headers: Record<string, string> = {}): { objects: CollectedObject[]; warnings: string[] } {
  const parser = createObjectParser(contentType, headers);
  const objects: CollectedObject[] = [];
  const warnings: string[] = [];
  const chunks = new Map<number, Uint8Array[]>();
  const started = new Map<number, ObjectHeaders>();
  const events: ObjectEvent[] = [];
  // Appended one by one: spreading a push's events as arguments overflows the stack at ~100,000.
  const take = (batch: ObjectEvent[]): void => { for (const e of batch) events.push(e); };
  for (const chunk of bytes instanceof Uint8Array ? [bytes] : bytes) take(parser.push(chunk));
  take(parser.end());
  for (const e of events) {
    if (e.kind === 'part-start') { chunks.set(e.index, []); started.set(e.index, e.headers); }
    else if (e.kind === 'data') chunks.get(e.index)?.push(e.chunk);
    else if (e.kind === 'part-end') {
      const parts = chunks.get(e.index) ?? [];
      const data = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of parts) { data.set(c, at); at += c.length; }
      objects.push({ index: e.index, headers: started.get(e.index) as ObjectHeaders, data, size: e.size });
    } else if (e.kind === 'object-error') {
      objects.push({ index: e.index, headers: e.headers, data: new Uint8Array(0), size: e.size, error: { replyCode: e.replyCode, replyText: e.replyText, whole: e.whole } });
    } else warnings.push(e.message);
  }
  return { objects, warnings };
}
