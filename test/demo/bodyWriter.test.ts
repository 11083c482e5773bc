// The Demo MLS streams bodies with backpressure: while a client does not read, the server stops
// producing once the socket is full (it waits for 'drain') instead of building the whole body in
// memory; the body arrives whole once the client reads; a client that hangs up ends the work.
import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyWriter, ClientGone } from '../../electron/demo/bodyWriter';

const LINE = `${'x'.repeat(1023)}\n`;
const LINES = 64 * 1024; // 64 MB in all

let server: Server | undefined;
afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((r) => server!.close(r));
  server = undefined;
});

/** A server whose one response is LINES lines written through a BodyWriter; `produced` counts them. */
async function serve() {
  const state = { produced: 0, res: undefined as ServerResponse | undefined, done: undefined as Promise<unknown> | undefined };
  server = createServer((_req, res) => {
    state.res = res;
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    state.done = (async () => {
      const w = new BodyWriter(res);
      for (let k = 0; k < LINES; k++) {
        state.produced++;
        const sent = w.write(LINE);
        if (sent) await sent;
      }
      await w.end();
    })().then(() => 'finished', (e: unknown) => e);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, state };
}

describe('BodyWriter', () => {
  it('stops producing while the client does not read, and the body arrives whole once it does', async () => {
    const { url, state } = await serve();
    const [res] = (await once(get(url), 'response')) as [IncomingMessage];
    res.pause();
    // Waiting for 'drain' is the only way the writer stops: poll for it, then count what was made.
    await expect.poll(() => state.res?.listenerCount('drain') ?? 0, { timeout: 30_000 }).toBe(1);
    expect(state.produced).toBeLessThan(LINES / 4); // socket buffers, not the 64 MB body
    let bytes = 0;
    res.on('data', (d: Buffer) => { bytes += d.length; });
    res.resume();
    await once(res, 'end');
    expect(bytes).toBe(LINES * LINE.length);
    expect(await state.done).toBe('finished');
  }, 60_000);

  it('ends the work with ClientGone when the client hangs up mid-body', async () => {
    const { url, state } = await serve();
    const req = get(url);
    const [res] = (await once(req, 'response')) as [IncomingMessage];
    res.pause();
    await expect.poll(() => state.res?.listenerCount('drain') ?? 0, { timeout: 30_000 }).toBe(1);
    req.on('error', () => {});
    req.destroy();
    expect(await state.done).toBeInstanceOf(ClientGone);
    expect(state.produced).toBeLessThan(LINES / 4);
  }, 60_000);
});
