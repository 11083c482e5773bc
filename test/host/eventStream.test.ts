// Browser mode's event stream (electron/server/eventStream.ts) under a reader that lags: the
// stream holds the bus (a search waits for room) until the reader catches up, and a reader that
// leaves too much unread is dropped, releasing the bus. Real sockets on 127.0.0.1, a paused reader.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameReader } from '../../shared/contract/frames';
import { EventBus } from '../../electron/host/events';
import { openEventStream, type EventStreamLimits } from '../../electron/server/eventStream';

const MiB = 1024 * 1024;
let server: Server | undefined;
afterEach(async () => { server?.closeAllConnections(); await new Promise((r) => server?.close(r)); });

async function streamOf(bus: EventBus, limits: EventStreamLimits): Promise<IncomingMessage> {
  server = createServer((_req, res) => { openEventStream(res, bus, limits); });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const req = request({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path: '/' });
  req.end();
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  res.pause();
  return res;
}

const rowsEvent = (n: number) => ({ type: 'search.rows' as const, operationId: 'op-1', start: 0, count: 1, width: 1, bytes: new Uint8Array(n).fill(0x61), sep: '\t', ends: [n] });

describe('event stream backpressure', () => {
  it('holds the bus while the reader lags and releases it once the reader caught up', async () => {
    const bus = new EventBus();
    const res = await streamOf(bus, { holdBytes: MiB, maxHoldMs: 600_000, maxUnreadBytes: 1024 * MiB, heartbeatMs: 600_000 });
    expect(bus.room()).toBeUndefined();
    bus.emit(rowsEvent(48 * MiB));
    const room = bus.room();
    expect(room).toBeInstanceOf(Promise);
    const frames = new FrameReader();
    const got: object[] = [];
    res.on('data', (c: Buffer) => got.push(...frames.push(c)));
    res.resume();
    await room;
    bus.emit({ type: 'history.changed' });
    await new Promise<void>((resolve) => { const check = () => { if (got.length === 2) resolve(); }; res.on('data', check); check(); });
    expect((got[0] as { bytes: Uint8Array }).bytes.length).toBe(48 * MiB);
    expect(got[1]).toEqual({ type: 'history.changed' });
  });

  it('drops a reader that leaves too much unread, and the bus is free again', async () => {
    const bus = new EventBus();
    const res = await streamOf(bus, { holdBytes: MiB, maxHoldMs: 600_000, maxUnreadBytes: 2 * MiB, heartbeatMs: 600_000 });
    const aborted = new Promise<unknown>((resolve) => res.on('error', resolve));
    bus.emit(rowsEvent(48 * MiB));
    const room = bus.room();
    expect(room).toBeInstanceOf(Promise);
    bus.emit({ type: 'history.changed' });
    await room;
    expect(bus.room()).toBeUndefined();
    expect(bus.size).toBe(0);
    res.resume();
    expect(String(await aborted)).toMatch(/aborted/);
  });

  it('lets a search go on when it is cancelled while waiting for room', async () => {
    const bus = new EventBus();
    await streamOf(bus, { holdBytes: MiB, maxHoldMs: 600_000, maxUnreadBytes: 1024 * MiB, heartbeatMs: 600_000 });
    bus.emit(rowsEvent(48 * MiB));
    const abort = new AbortController();
    const room = bus.room(abort.signal);
    expect(room).toBeInstanceOf(Promise);
    abort.abort();
    await room;
    expect(bus.room(abort.signal)).toBeUndefined();
  });
});
