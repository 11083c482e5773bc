// The body of an API call: JSON, capped. Over the cap (declared, or once the bytes pass it) the
// caller answers 413 and the rest of the body is read and dropped, so the client, still sending,
// gets to read that answer; closing on it instead makes the kernel reset the connection.
import type { IncomingMessage } from 'node:http';

export class BodyTooLarge extends Error {}

/** Past this many dropped bytes the sender is not a client waiting for its 413: cut it off. */
const DISCARD_LIMIT = 512 * 1024 * 1024;

export function readBody(req: IncomingMessage, max: number): Promise<string> {
  if (Number(req.headers['content-length']) > max) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => { req.off('data', onData); req.off('end', onEnd); req.off('error', onError); };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > max) { stop(); req.pause(); reject(new BodyTooLarge()); return; }
      chunks.push(c);
    };
    const onEnd = (): void => { stop(); resolve(Buffer.concat(chunks).toString('utf8')); };
    const onError = (err: Error): void => { stop(); reject(err); };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Reads what is left of the body and drops it (bounded by DISCARD_LIMIT). */
export function discardBody(req: IncomingMessage): void {
  let dropped = 0;
  req.on('data', (c: Buffer) => {
    dropped += c.length;
    if (dropped > DISCARD_LIMIT) req.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}
