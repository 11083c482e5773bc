// Streams a response body as it is produced: text is gathered into ~64 KB chunks, written with
// res.write, and production pauses until 'drain' when the socket is full (backpressure). The
// fault modes hook in here: trickling for slow responses, a destroyed socket mid-body.
import type { ServerResponse } from 'node:http';

const CHUNK = 64 * 1024;

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

  /** Queues text; returns a promise only when a chunk went out (await it: it waits for 'drain'). */
  write(text: string): Promise<void> | void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) return this.flush();
  }

  /** Sends bytes after the text queued before them. */
  async writeBytes(buf: Buffer): Promise<void> {
    await this.flush();
    await this.send(buf);
  }

  async end(): Promise<void> {
    await this.flush();
    if (!this.res.destroyed) this.res.end();
  }

  private async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.send(Buffer.from(text, 'utf8'));
  }

  private async send(buf: Buffer): Promise<void> {
    if (this.res.destroyed) throw new ClientGone();
    const drop = this.faults.dropAfterBytes;
    if (drop !== undefined && this.sent + buf.length >= drop) {
      const keep = Math.max(0, drop - this.sent);
      // Let the kept bytes reach the wire before cutting the connection, as a dying server does.
      if (keep > 0) await new Promise<void>((resolve) => { this.res.write(buf.subarray(0, keep), () => resolve()); });
      this.res.socket?.destroy();
      throw new ClientGone();
    }
    if (!this.faults.trickle) return this.raw(buf);
    for (let off = 0; off < buf.length; off += 512) {
      await this.raw(buf.subarray(off, off + 512));
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private raw(buf: Buffer): Promise<void> | void {
    this.sent += buf.length;
    if (this.res.write(buf)) return;
    return new Promise<void>((resolve, reject) => {
      const onDrain = () => { cleanup(); resolve(); };
      const onClose = () => { cleanup(); reject(new ClientGone()); };
      const cleanup = () => { this.res.off('drain', onDrain); this.res.off('close', onClose); };
      this.res.on('drain', onDrain);
      this.res.on('close', onClose);
    });
  }
}
