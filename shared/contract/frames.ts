// Browser mode's event stream: one ordered byte stream of frames, one host event each. A frame is
// its event's JSON and, when the event carries `bytes` (search.rows), those bytes beside the JSON,
// so row text is never escaped into JSON nor turned into a string by the host.
//   header (12 bytes): 'R' 'W' 'F', kind (0: JSON only, 1: JSON + bytes), JSON length, bytes length
//   (u32, big-endian); then the JSON (UTF-8, the event without `bytes`), then the bytes.
// A bare header (kind 0, no JSON) keeps an idle stream open through proxies and tunnels.

export const FRAME_HEADER_BYTES = 12;
/** Far above any event the host sends (a rows event is ~1,000 rows): a bigger length is garbage. */
export const MAX_FRAME_JSON = 64 * 1024 * 1024;
export const MAX_FRAME_BYTES = 1024 * 1024 * 1024;

const MAGIC = [0x52, 0x57, 0x46] as const;
const encoder = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type FrameErrorReason = 'garbled' | 'too-large' | 'truncated';

/** The event stream's bytes are not frames: the stream is dropped and opened again. */
export class FrameError extends Error {
  constructor(readonly reason: FrameErrorReason, message: string) {
    super(`The host's event stream is broken (${reason}): ${message}`);
    this.name = 'FrameError';
  }
}

/** One event as a frame: the header and JSON in one array, the bytes (if any) as they are. */
export function encodeFrame(event: object): Uint8Array[] {
  const bytes = (event as { bytes?: unknown }).bytes;
  const binary = bytes instanceof Uint8Array ? bytes : undefined;
  let json: string;
  if (binary) {
    const { bytes: _, ...rest } = event as { bytes: Uint8Array };
    json = JSON.stringify(rest);
  } else {
    json = JSON.stringify(event);
  }
  const body = encoder.encode(json);
  const head = new Uint8Array(FRAME_HEADER_BYTES + body.length);
  head.set(MAGIC, 0);
  head[3] = binary ? 1 : 0;
  const view = new DataView(head.buffer);
  view.setUint32(4, body.length);
  view.setUint32(8, binary ? binary.length : 0);
  head.set(body, FRAME_HEADER_BYTES);
  return binary ? [head, binary] : [head];
}

/** The keep-alive frame: a header announcing nothing. */
export function keepAliveFrame(): Uint8Array {
  const head = new Uint8Array(FRAME_HEADER_BYTES);
  head.set(MAGIC, 0);
  return head;
}

/**
 * Reads frames from chunks cut anywhere: push each chunk as it comes, get the events it
 * completes; `end()` when the stream ends. A frame's bytes arrive as a Uint8Array of their own.
 */
export class FrameReader {
  private readonly chunks: Uint8Array[] = [];
  /** Bytes of chunks[0] already read. */
  private offset = 0;
  private buffered = 0;
  private header: { binary: boolean; json: number; bytes: number } | null = null;

  push(chunk: Uint8Array): object[] {
    const out: object[] = [];
    if (chunk.length) { this.chunks.push(chunk); this.buffered += chunk.length; }
    for (;;) {
      if (this.header === null) {
        if (this.buffered < FRAME_HEADER_BYTES) return out;
        this.header = readHeader(this.take(FRAME_HEADER_BYTES));
      }
      const h = this.header;
      if (this.buffered < h.json + h.bytes) return out;
      if (!h.binary && h.json === 0) { this.header = null; continue; } // keep-alive
      const event = parseJson(this.take(h.json));
      if (h.binary) (event as { bytes?: Uint8Array }).bytes = this.take(h.bytes);
      this.header = null;
      out.push(event);
    }
  }

  /** The stream ended: anything left is a frame cut short. */
  end(): void {
    if (this.buffered > 0 || this.header !== null) throw new FrameError('truncated', `the stream ended inside a frame (${this.buffered} bytes of it arrived)`);
  }

  /** The next n buffered bytes: a view when one chunk holds them, else one copy. */
  private take(n: number): Uint8Array {
    this.buffered -= n;
    const first = this.chunks[0];
    if (n === 0) return new Uint8Array(0);
    if (first !== undefined && first.length - this.offset >= n) {
      const view = first.subarray(this.offset, this.offset + n);
      this.offset += n;
      if (this.offset === first.length) { this.chunks.shift(); this.offset = 0; }
      return view;
    }
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const c = this.chunks[0]!;
      const k = Math.min(n - at, c.length - this.offset);
      out.set(c.subarray(this.offset, this.offset + k), at);
      at += k;
      this.offset += k;
      if (this.offset === c.length) { this.chunks.shift(); this.offset = 0; }
    }
    return out;
  }
}

function readHeader(h: Uint8Array): { binary: boolean; json: number; bytes: number } {
  if (h[0] !== MAGIC[0] || h[1] !== MAGIC[1] || h[2] !== MAGIC[2] || h[3]! > 1) throw new FrameError('garbled', 'a frame does not start with its marker');
  const view = new DataView(h.buffer, h.byteOffset, h.byteLength);
  const json = view.getUint32(4), bytes = view.getUint32(8);
  const binary = h[3] === 1;
  if (!binary && bytes !== 0) throw new FrameError('garbled', 'a frame without bytes gives them a length');
  if (json > MAX_FRAME_JSON || bytes > MAX_FRAME_BYTES) throw new FrameError('too-large', `a frame announces ${json} bytes of JSON and ${bytes} of data`);
  return { binary, json, bytes };
}

function parseJson(bytes: Uint8Array): object {
  let value: unknown;
  try {
    value = JSON.parse(strictUtf8.decode(bytes));
  } catch {
    throw new FrameError('garbled', "a frame's JSON does not parse");
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FrameError('garbled', "a frame's JSON is not an event object");
  return value;
}
