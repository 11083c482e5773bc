// Streams a response body as it is produced: text is gathered into ~256 KB chunks, written with
// res.write, and production pauses until 'drain' when the socket is full (backpressure). The
// fault modes hook in here: trickling for slow responses, a destroyed socket mid-body.
import type { ServerResponse } from 'node:http';

const CHUNK = 256 * 1024;
/** Bytes that may wait in the socket before production pauses for 'drain'. Waiting whenever
 * write() says the socket is past its 16 KB mark made encoding and the client's reading take
 * turns (every ~200 KB batch waited until the client had read it all); with a few batches queued
 * both run at once on a multi-core machine, and memory stays bounded. */
const QUEUE_LIMIT = 1024 * 1024;

export class ClientGone extends Error {
  constructor() { super('client closed the connection'); }
}

export interface BodyFaults {
  /** Destroy the socket once this many bytes were sent. */
  dropAfterBytes?: number;
  /** Split writes into small pieces with pauses (slow server). */
  trickle?: boolean;
}

export class BodyWriter {
  private parts: string[] = [];
  private size = 0;
  private sent = 0;

  constructor(private readonly res: ServerResponse, private readonly faults: BodyFaults = {}) {}

  /** Queues text; resolves at once unless a chunk had to be flushed into a full socket. */
  write(text: string): Promise<void> | void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) return this.flush();
  }

  /** Sends bytes; `written`, if given, is called once the socket no longer needs them (so the
   * caller may reuse the buffer): once, whether they were sent or dropped (connection closed). */
  async writeBytes(buf: Buffer, written?: () => void): Promise<void> {
    try {
      await this.flush();
    } catch (e) {
      written?.();
      throw e;
    }
    await this.send(buf, written);
  }

  /** Calls `fn` once the response has closed (finished or cut off): then the socket holds none of
   * the buffers it was given. */
  whenClosed(fn: () => void): void {
    if (this.res.closed) fn();
    else this.res.once('close', fn);
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.send(Buffer.from(text, 'utf8'));
  }

  async end(): Promise<void> {
    await this.flush();
    if (!this.res.destroyed) this.res.end();
  }

  /** `written` is called exactly once: by the socket's write callback for the last bytes handed
   * to it, or here if the bytes never reach the socket (closed connection, a fault cut them). */
  private async send(buf: Buffer, written?: () => void): Promise<void> {
    if (this.res.destroyed) {
      written?.();
      throw new ClientGone();
    }
    const drop = this.faults.dropAfterBytes;
    if (drop !== undefined && this.sent + buf.length >= drop) {
      const keep = Math.max(0, drop - this.sent);
      // Let the kept bytes reach the wire before cutting the connection, as a dying server does.
      if (keep > 0) await new Promise<void>((resolve) => { this.res.write(buf.subarray(0, keep), () => resolve()); });
      written?.();
      this.res.socket?.destroy();
      throw new ClientGone();
    }
    if (!this.faults.trickle) return this.raw(buf, written);
    let handed = false;
    try {
      for (let off = 0; off < buf.length; off += 512) {
        const last = off + 512 >= buf.length;
        handed = last;
        await this.raw(buf.subarray(off, off + 512), last ? written : undefined);
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      if (!handed) written?.();
    }
  }

  private raw(buf: Buffer, written?: () => void): Promise<void> | void {
    this.sent += buf.length;
    // Called with an error too: a destroyed socket drops the bytes and no longer holds the buffer.
    if (this.res.write(buf, written && (() => written()))) return;
    if (this.res.writableLength < QUEUE_LIMIT) return;
    return new Promise<void>((resolve, reject) => {
      const onDrain = () => { cleanup(); resolve(); };
      const onClose = () => { cleanup(); reject(new ClientGone()); };
      const cleanup = () => { this.res.off('drain', onDrain); this.res.off('close', onClose); };
      this.res.on('drain', onDrain);
      this.res.on('close', onClose);
    });
  }
}
