// One object's body on its way out as events. Parts that may be a RETS reply rather than an
// object (text/xml, text/plain, RETS-Error: 1, Location-only) are held (up to 64 KiB) until they
// end, so that an error part becomes one 'object-error' event instead of data.

import { Base64Decoder } from './base64';
import { plainNotFound, retsReplyOf } from './retsReply';
import type { ObjectEvent, ObjectHeaders } from './types';

const HOLD_LIMIT = 64 * 1024;

export class PartWriter {
  private held: Uint8Array[] | null;
  private heldBytes = 0;
  private started = false;
  private size = 0;
  private readonly b64: Base64Decoder | null;
  private readonly kind: string;

  constructor(
    private readonly index: number,
    private readonly headers: ObjectHeaders,
    private readonly whole: boolean,
    private readonly events: ObjectEvent[],
  ) {
    this.kind = (headers.contentType ?? '').toLowerCase();
    const mayBeReply = this.kind.includes('xml') || this.kind.startsWith('text/plain') || headers.all['rets-error'] === '1' || headers.location !== undefined;
    this.held = mayBeReply ? [] : null;
    this.b64 = /base64/i.test(headers.all['content-transfer-encoding'] ?? '') ? new Base64Decoder() : null;
  }

  write(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const bytes = this.b64 ? this.b64.push(chunk) : chunk;
    if (bytes.length === 0) return;
    if (this.held) {
      this.held.push(bytes);
      this.heldBytes += bytes.length;
      if (this.heldBytes > HOLD_LIMIT) this.release();
      return;
    }
    this.emitData(bytes);
  }

  finish(): void {
    if (this.held) {
      const body = join(this.held, this.heldBytes);
      if (this.settleHeld(body)) return;
      this.release();
    }
    this.start();
    this.events.push({ kind: 'part-end', index: this.index, size: this.size });
  }

  /** Turns a held body into an error or an empty Location object; false when it is a real object. */
  private settleHeld(body: Uint8Array): boolean {
    const reply = this.kind.includes('xml') || this.headers.all['rets-error'] === '1' ? retsReplyOf(body) : null;
    if (this.headers.all['rets-error'] === '1' || (reply && reply.replyCode !== 0)) {
      this.error(reply?.replyCode, reply?.replyText || 'The server reported an error for this object.', body.length);
      return true;
    }
    if (reply) { this.emptyObject(body.length); return true; } // <RETS ReplyCode="0"/>: a Location part
    if (this.kind.startsWith('text/plain')) {
      const text = plainNotFound(body);
      if (text !== null) { this.error(undefined, text, body.length); return true; }
    }
    if (this.headers.location !== undefined && isBlank(body)) { this.emptyObject(body.length); return true; }
    return false;
  }

  private error(replyCode: number | undefined, replyText: string, size: number): void {
    this.events.push({ kind: 'object-error', index: this.index, headers: this.headers, replyCode, replyText, whole: this.whole, size });
  }

  /** An object with no data of its own (its Location is the object); size is still its body's length. */
  private emptyObject(bodyBytes: number): void {
    this.held = null;
    this.start();
    this.events.push({ kind: 'part-end', index: this.index, size: bodyBytes });
  }

  private release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const b of held) this.emitData(b);
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.events.push({ kind: 'part-start', index: this.index, headers: this.headers });
  }

  private emitData(bytes: Uint8Array): void {
    this.start();
    this.size += bytes.length;
    this.events.push({ kind: 'data', index: this.index, chunk: bytes });
  }
}

function join(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

function isBlank(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x20) return false;
  return true;
}
