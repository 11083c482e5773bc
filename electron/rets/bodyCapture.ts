// What the request inspector keeps of a response body while it streams past: the first 64 KB
// (copied once), the last 64 KB (the newest chunks held by reference, older ones let go), the
// total size, and for multipart bodies each part's headers and size (from the same streaming
// parser GetObject uses). Bodies up to `wholeUpTo` (logins, metadata) are kept whole, so a saved
// response opens again. Nothing here slows the consumer beyond a copy of the head.
import { createObjectParser, type ObjectParser } from '../../shared/rets/object/multipart';

export const KEEP_BYTES = 64 * 1024;
/** Login, metadata and other small-by-nature answers are kept whole up to this size. */
export const WHOLE_BYTES = 32 * 1024 * 1024;
/** Parts listed for one multipart body; the count goes on past it. */
const PART_LIMIT = 500;

export interface CapturedPart {
  headers: Record<string, string>;
  /** Bytes of the part's body (after any base64 decoding). */
  bytes: number;
  error?: string;
}

export interface CapturedBody {
  /** Every byte the body had (as read so far). */
  total: number;
  head: Uint8Array;
  /** The last bytes after the head (empty when the head holds the whole body). */
  tail: Uint8Array;
  parts?: CapturedPart[];
  partCount?: number;
}

export class BodyCapture {
  private total = 0;
  private readonly head = new Uint8Array(KEEP_BYTES);
  private headLength = 0;
  /** The newest chunks past the head; `first` skips the ones dropped (no shifting of the array). */
  private tail: Uint8Array[] = [];
  private first = 0;
  private tailLength = 0;
  private parser: ObjectParser | undefined;
  private readonly parts: CapturedPart[] = [];
  private partCount = 0;
  private partAt = new Map<number, CapturedPart>();
  private textFilter: ((text: string) => string) | undefined;

  constructor(contentType: string, private readonly wholeUpTo = 0) {
    if (/^\s*multipart\//i.test(contentType)) {
      try { this.parser = createObjectParser(contentType); } catch { /* no boundary: the bytes alone are kept */ }
    }
  }

  push(chunk: Uint8Array): void {
    this.total += chunk.byteLength;
    let rest = chunk;
    if (this.headLength < KEEP_BYTES) {
      const n = Math.min(KEEP_BYTES - this.headLength, rest.byteLength);
      this.head.set(rest.subarray(0, n), this.headLength);
      this.headLength += n;
      rest = rest.subarray(n);
    }
    if (rest.byteLength > 0) this.keepTail(rest);
    if (this.parser) this.parse(chunk);
  }

  private keepTail(chunk: Uint8Array): void {
    this.tail.push(chunk);
    this.tailLength += chunk.byteLength;
    if (this.total <= this.wholeUpTo) return;
    while (this.tailLength - this.tail[this.first]!.byteLength >= KEEP_BYTES) {
      this.tailLength -= this.tail[this.first]!.byteLength;
      this.first++;
    }
    // Dropped slots go once they are half the array: amortized constant work per chunk, even
    // for a server that trickles its body a byte at a time.
    if (this.first > 64 && this.first * 2 > this.tail.length) { this.tail = this.tail.slice(this.first); this.first = 0; }
  }

  private parse(chunk: Uint8Array): void {
    try {
      for (const e of this.parser!.push(chunk)) this.onPart(e);
    } catch {
      this.parser = undefined; // a malformed multipart body: the parts so far stay listed
    }
  }

  private onPart(e: ReturnType<ObjectParser['push']>[number]): void {
    if (e.kind === 'part-start' || e.kind === 'object-error') {
      if (!this.partAt.has(e.index)) {
        this.partCount++;
        const part: CapturedPart = { headers: { ...e.headers.all }, bytes: 0 };
        if (this.parts.length < PART_LIMIT) { this.parts.push(part); this.partAt.set(e.index, part); }
      }
      const p = this.partAt.get(e.index);
      if (p && e.kind === 'object-error') p.error = `${e.replyCode ?? ''} ${e.replyText}`.trim();
    } else if (e.kind === 'part-end') {
      const p = this.partAt.get(e.index);
      if (p) p.bytes = e.size;
      this.partAt.delete(e.index);
    }
  }

  /**
   * Passes a whole-kept body through `filter` (as Latin-1 text, so every byte it leaves alone
   * stays as it was): a login's answer loses a session id or password it may quote.
   */
  filterText(filter: (text: string) => string): void {
    this.textFilter = filter;
  }

  /** What was kept, as separate copies (the capture may be dropped right after). */
  result(): CapturedBody {
    const kept = this.kept();
    if (!this.textFilter || kept.total > this.wholeUpTo) return kept;
    const text = this.textFilter(Buffer.concat([kept.head, kept.tail]).toString('latin1'));
    const head = new Uint8Array(Buffer.from(text, 'latin1'));
    return { ...kept, total: head.byteLength, head, tail: new Uint8Array(0) };
  }

  private kept(): CapturedBody {
    if (this.parser) {
      try { for (const e of this.parser.end()) this.onPart(e); } catch { /* cut off: keep what was listed */ }
      this.parser = undefined;
    }
    const live = this.tail.slice(this.first);
    const keep = this.total <= this.wholeUpTo ? this.tailLength : Math.min(this.tailLength, KEEP_BYTES);
    let over = this.tailLength - keep;
    const tail = new Uint8Array(keep);
    let at = 0;
    for (const c of live) {
      const part = over > 0 ? c.subarray(over) : c;
      over = Math.max(0, over - c.byteLength);
      tail.set(part, at);
      at += part.byteLength;
    }
    return {
      total: this.total,
      head: this.head.slice(0, this.headLength),
      tail,
      ...(this.partCount > 0 ? { parts: this.parts, partCount: this.partCount } : {}),
    };
  }
}
