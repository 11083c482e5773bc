import { afterEach, describe, expect, it } from 'vitest';
import { collect, harness, rejection, type Harness } from './helpers';
import type { MiniRetsOptions } from './miniRets';
import { RetsSession } from '../../electron/rets/session';
import { DEFAULT_SETTINGS, type ConnectionSettings } from '../../electron/rets/types';

let h: Harness | undefined;
afterEach(async () => { await h?.dispose(); h = undefined; });
const start = async (o: MiniRetsOptions = {}, s: Partial<ConnectionSettings> = {}): Promise<Harness> => (h = await harness(o, s));
const params = { resource: 'Property', class: 'RES', query: '(ListPrice=0+)', format: 'COMPACT' as const };

describe('bad input from the server', () => {
  it('reports an HTML error page where XML was expected, quoting its title', async () => {
    const { session } = await start({ searchMode: 'html' });
    await session.login();
    const err = await rejection(collect(session.search(params)));
    expect(err.info).toMatchObject({ kind: 'parse', transaction: 'Search' });
    expect(err.info.cause).toContain('Apache Tomcat/9 - Error report');
  });

  it('reports a truncated body (connection cut mid-response) as a typed error', async () => {
    const { session } = await start({ searchMode: 'truncated' });
    await session.login();
    const err = await rejection(collect(session.search(params)));
    expect(err.info.transaction).toBe('Search');
    expect(err.info.kind).toBe('network');
    expect(err.message).toMatch(/closed before the response was complete|cut short/);
    const entry = session.trace.list().at(-1)!;
    expect(entry.error).toBeTruthy();
  });

  it('ends a stalled body with the idle timeout', async () => {
    const { session } = await start({ searchMode: 'stall' }, { idleTimeoutMs: 300 });
    await session.login();
    let rows = 0;
    const err = await rejection((async () => {
      for await (const ev of session.search(params)) if (ev.kind === 'rows') rows += ev.batch.length;
    })());
    expect(err.info.kind).toBe('timeout');
    expect(err.message).toContain('stopped sending');
    expect(rows).toBeLessThanOrEqual(1);
  });

  it('reports a refused connection as a network error', async () => {
    const { server, session } = await start();
    await server.close();
    const err = await rejection(session.login());
    expect(err.info).toMatchObject({ kind: 'network', transaction: 'Login' });
    expect(err.message).toContain('refused');
  });

  it('reports a TLS failure when https meets a plain-HTTP server', async () => {
    const { server } = await start();
    const tls = new RetsSession({ ...DEFAULT_SETTINGS, loginUrl: server.loginUrl.replace('http:', 'https:'), username: 'joe', password: 'pw', connectTimeoutMs: 2000, idleTimeoutMs: 2000 });
    try {
      const err = await rejection(tls.login());
      expect(err.info).toMatchObject({ kind: 'network', transaction: 'Login' });
      expect(err.message).toContain('TLS');
    } finally {
      await tls.close();
    }
  });

  it('reports a host name that does not resolve as a DNS failure', async () => {
    const dns = new RetsSession({ ...DEFAULT_SETTINGS, loginUrl: 'http://no-such-mls.invalid/rets/login', username: 'joe', password: 'pw', connectTimeoutMs: 2000, idleTimeoutMs: 2000 });
    try {
      const err = await rejection(dns.login());
      expect(err.info).toMatchObject({ kind: 'network', transaction: 'Login', url: 'http://no-such-mls.invalid/rets/login' });
      expect(err.message).toContain('DNS');
    } finally {
      await dns.close();
    }
  });

  it('streams a huge search to an awaiting consumer with the server held back (backpressure)', async () => {
    const rowsTotal = 40_000; // about 33 MB of COMPACT
    const { server, session } = await start({ searchMode: 'huge', hugeRows: rowsTotal });
    await session.login();
    let rows = 0;
    let maxAhead = 0;
    const heapStart = process.memoryUsage().heapUsed;
    let maxHeap = 0;
    for await (const ev of session.search(params)) {
      if (ev.kind !== 'rows') continue;
      rows += ev.batch.length;
      // A consumer as slow as a disk writer: it awaits each batch.
      await new Promise((r) => setTimeout(r, 1));
      const consumed = session.trace.list().at(-1)!.bytes;
      maxAhead = Math.max(maxAhead, server.hugeBytesWritten() - consumed);
      maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed - heapStart);
    }
    expect(rows).toBe(rowsTotal);
    expect(server.hugeBytesWritten()).toBeGreaterThan(30_000_000);
    // The server can only run ahead by what the socket buffers hold, not by the whole body.
    expect(maxAhead).toBeLessThan(8 * 1024 * 1024);
    expect(maxHeap).toBeLessThan(64 * 1024 * 1024);
  });

  it('cancels a search mid-body with the AbortSignal', async () => {
    const { server, session } = await start({ searchMode: 'huge', hugeRows: 40_000 });
    await session.login();
    const ac = new AbortController();
    let rows = 0;
    const err = await rejection((async () => {
      for await (const ev of session.search(params, ac.signal)) {
        if (ev.kind === 'rows') {
          rows += ev.batch.length;
          if (rows >= 1000) ac.abort();
        }
      }
    })());
    expect(err.info.kind).toBe('cancelled');
    expect(rows).toBeLessThan(40_000);
    expect(server.hugeBytesWritten()).toBeLessThan(30_000_000);
  });
});
