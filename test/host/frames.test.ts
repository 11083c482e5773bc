// The event stream's frames (shared/contract/frames.ts): events read back whole however the
// stream is cut, rows' bytes beside their JSON; a truncated or garbled stream is a typed
// FrameError (never a hang), and httpTransport opens the stream again after one.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeFrame, FrameError, FrameReader, httpTransport, keepAliveFrame, MAX_FRAME_JSON } from '../../shared/contract';

const enc = new TextEncoder();
const events = [
  { type: 'snippets.changed' },
  { type: 'search.rows', operationId: 'op-1', start: 0, count: 2, width: 2, bytes: enc.encode('1\tZoë2\t東京'), sep: '\t', ends: [6, 14] },
  { type: 'search.rows', operationId: 'op-1', start: 2, count: 0, width: 2, bytes: new Uint8Array(0), sep: '\t', ends: [] },
  { type: 'search.done', operationId: 'op-1', rows: 2, maxrows: false, elapsedMs: 3, cancelled: false, warnings: ['ünïcode'] },
];
const stream = new Uint8Array(Buffer.concat([...events.flatMap((e) => encodeFrame(e)), keepAliveFrame()]));

function readAll(bytes: Uint8Array, cut: (i: number) => number): object[] {
  const r = new FrameReader();
  const out: object[] = [];
  for (let i = 0; i < bytes.length;) {
    const n = Math.max(1, Math.min(cut(i), bytes.length - i));
    out.push(...r.push(bytes.subarray(i, i + n)));
    i += n;
  }
  r.end();
  return out;
}

const reasonOf = (f: () => unknown): string => {
  try { f(); } catch (err) { expect(err).toBeInstanceOf(FrameError); return (err as FrameError).reason; }
  throw new Error('no FrameError');
};

describe('frames', () => {
  it('read back every event, bytes included, whether the stream comes whole, a byte at a time or cut anywhere', () => {
    expect(readAll(stream, () => stream.length)).toEqual(events);
    expect(readAll(stream, () => 1)).toEqual(events);
    let seed = 7;
    for (let round = 0; round < 50; round++) {
      const got = readAll(stream, () => { seed = (seed * 1103515245 + 12345) % 2147483648; return 1 + (seed % 40); });
      expect(got).toEqual(events);
    }
    const rows = readAll(stream, () => 3)[1] as { bytes: unknown };
    expect(rows.bytes).toBeInstanceOf(Uint8Array);
  });

  it('keep the JSON free of the bytes: rows are never escaped into it', () => {
    const [head, bytes] = encodeFrame(events[1]!);
    expect(Buffer.from(head!).toString('utf8')).not.toContain('Zoë');
    expect(bytes).toBe(events[1]!.bytes);
  });

  it('say a stream that ends inside a frame is truncated', () => {
    for (const cut of [1, 11, 12, 20, stream.length - 1]) {
      const r = new FrameReader();
      r.push(stream.subarray(0, cut));
      expect(reasonOf(() => r.end())).toBe('truncated');
    }
  });

  it('say a garbled frame is garbled and an absurd length too large', () => {
    const header = (kind: number, json: number, bytes: number) => {
      const h = Buffer.alloc(12);
      h.write('RWF', 0, 'latin1');
      h[3] = kind;
      h.writeUInt32BE(json, 4);
      h.writeUInt32BE(bytes, 8);
      return h;
    };
    expect(reasonOf(() => new FrameReader().push(enc.encode('data: {"type":"x"}\n\n')))).toBe('garbled');
    expect(reasonOf(() => new FrameReader().push(header(2, 2, 0)))).toBe('garbled');
    expect(reasonOf(() => new FrameReader().push(header(0, 2, 5)))).toBe('garbled');
    expect(reasonOf(() => new FrameReader().push(Buffer.concat([header(0, 5, 0), Buffer.from('{"a":')])))).toBe('garbled');
    expect(reasonOf(() => new FrameReader().push(Buffer.concat([header(0, 2, 0), Buffer.from('[]')])))).toBe('garbled');
    expect(reasonOf(() => new FrameReader().push(Buffer.concat([header(0, 2, 0), Buffer.from([0xff, 0xfe])])))).toBe('garbled');
    expect(reasonOf(() => new FrameReader().push(header(0, MAX_FRAME_JSON + 1, 0)))).toBe('too-large');
  });
});

describe('httpTransport over a broken stream', () => {
  let server: Server | undefined;
  afterEach(async () => { await new Promise((r) => server?.close(r)); });

  it('reports the typed error and opens the stream again (not a hang)', async () => {
    let opened = 0;
    server = createServer((req, res) => {
      opened++;
      res.writeHead(200, { 'content-type': 'application/vnd.rets-workbench.frames' });
      // First a frame cut short, then garbage, then a good stream.
      if (opened === 1) { res.end(Buffer.from(stream.subarray(0, 30))); return; }
      if (opened === 2) { res.end('data: {"type":"snippets.changed"}\n\n'); return; }
      res.write(Buffer.concat(encodeFrame(events[0]!)));
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const errors: unknown[] = [];
    let opens = 0;
    const got = new Promise<unknown>((resolve) => {
      const t = httpTransport({ baseUrl: `http://127.0.0.1:${port}`, fetch: (url, init) => fetch(url, init), delay: () => Promise.resolve(), onStreamError: (e) => errors.push(e) });
      const off = t.subscribe((e) => { off(); resolve(e); }, () => { opens++; });
    });
    expect(await got).toEqual({ type: 'snippets.changed' });
    expect(opens).toBe(3);
    expect(errors.map((e) => (e as FrameError).reason)).toEqual(['truncated', 'garbled']);
    server.closeAllConnections();
  });
});
