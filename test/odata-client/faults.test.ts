// What hostile or busy servers do, against servers written here: Retry-After on 429 and 503 waited
// out (an injected clock: no real sleeps), a wait longer than the cap, quota headers, cancel
// mid-page and mid-wait, HTML where JSON was expected, OData error bodies, a connection dropped
// mid-page, a body over the cap.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ODataError } from '../../shared/odata/errors';
import { ODataSession } from '../../electron/odata/session';
import { parseQuotaHeaders } from '../../electron/odata/quota';
import type { ODataClock, ODataQueryEvent } from '../../electron/odata/types';
import { collect, fakeClock, json, page, startServer, type TestServer } from './server';

let srv: TestServer;
beforeEach(async () => { srv = await startServer(); });
afterEach(async () => { await srv.close(); });

const rows = (n: number): Record<string, unknown>[] => Array.from({ length: n }, (_, i) => ({ ListingKey: `L${i}`, Remarks: 'x'.repeat(200) }));

function session(clock: ODataClock = fakeClock(), extra: object = {}): ODataSession {
  return new ODataSession({ serviceRoot: `${srv.base}/odata`, auth: { kind: 'bearer', token: 't' }, ...extra }, { clock });
}

async function failure(p: Promise<unknown>): Promise<ODataError> {
  try { await p; } catch (e) { expect(e).toBeInstanceOf(ODataError); return e as ODataError; }
  throw new Error('expected a failure');
}

describe('rate limits', () => {
  it('waits out a 429 Retry-After in seconds and a 503 Retry-After as an HTTP date, reporting each wait', async () => {
    const clock = fakeClock();
    let n = 0;
    srv.handle((_q, res) => {
      n++;
      if (n === 1) { res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }); res.end('{"error":{"code":"429","message":"slow down"}}'); return; }
      if (n === 2) { res.writeHead(503, { 'retry-after': new Date(clock.now() + 3000).toUTCString() }); res.end(); return; }
      json(res, 200, page(rows(2)));
    });
    const s = session(clock);
    const events = await collect(s.query('Property'));
    const waits = events.filter((e) => e.kind === 'wait');
    expect(waits).toEqual([
      { kind: 'wait', retryAfterMs: 1000, status: 429, attempt: 1 },
      { kind: 'wait', retryAfterMs: 3000, status: 503, attempt: 2 },
    ]);
    expect(clock.slept).toEqual([1000, 3000]);
    expect(events.filter((e) => e.kind === 'rows')).toHaveLength(1);
    await s.close();
  });

  it('a wait longer than the cap is a typed error saying how long', async () => {
    srv.handle((_q, res) => { res.writeHead(429, { 'retry-after': '3600' }); res.end(); });
    const clock = fakeClock();
    const s = session(clock);
    const err = await failure(collect(s.query('Property')));
    expect(err.info).toMatchObject({ kind: 'rate-limit', httpStatus: 429, retryAfter: 3600 });
    expect(err.message).toMatch(/wait 3600 s/);
    expect(clock.slept).toEqual([]);
    await s.close();
  });

  it('gives up after the retry budget with the server\'s rate-limit error', async () => {
    srv.handle((_q, res) => { res.writeHead(429, { 'retry-after': '1' }); res.end(); });
    const s = session(fakeClock(), { maxRetries: 2 });
    const err = await failure(collect(s.query('Property')));
    expect(err.info).toMatchObject({ kind: 'rate-limit', httpStatus: 429 });
    expect(srv.seen).toHaveLength(3);
    await s.close();
  });

  it('a wait is cancellable', async () => {
    srv.handle((_q, res) => { res.writeHead(429, { 'retry-after': '60' }); res.end(); });
    const ac = new AbortController();
    const never: ODataClock = { now: () => Date.now(), sleep: (_ms, signal) => new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true })) };
    const s = session(never);
    const it = s.query('Property', {}, ac.signal)[Symbol.asyncIterator]();
    let e = await it.next();
    while (!e.done && e.value.kind !== 'wait') e = await it.next();
    expect(e.value).toMatchObject({ kind: 'wait', retryAfterMs: 60_000 });
    const next = it.next();
    ac.abort();
    const err = await failure(next);
    expect(err.info.kind).toBe('cancelled');
    await s.close();
  });

  it('exposes the vendors\' quota headers, unknown ones raw', async () => {
    srv.handle((_q, res) => json(res, 200, page(rows(1)), {
      'Burst-RateLimit-Limit': '500', 'Burst-RateLimit-Remaining': '499', 'Burst-RateLimit-Reset': '60',
      'Minute-Quota-Limit': '180', 'Minute-Quota-Available': '170', 'Hour-Quota-Limit': '7200', 'Hour-Quota-Available': '7100', 'Hour-Quota-ResetTime': '2026-01-01T01:00:00Z',
      'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '7', 'X-RateLimit-Reset': '1767229200',
      'RateLimit-Limit': '10', 'RateLimit-Remaining': '9', 'RateLimit-Reset': '5', 'QuotaType': 'API', 'X-Vendor-Quota-Day': '40000',
    }));
    const s = session();
    const events = await collect(s.query('Property'));
    const q = events.find((e): e is Extract<ODataQueryEvent, { kind: 'quota' }> => e.kind === 'quota')!.quota;
    expect(q.windows).toEqual(expect.arrayContaining([
      { window: 'burst', limit: 500, remaining: 499, reset: '60' },
      { window: 'minute', limit: 180, remaining: 170 },
      { window: 'hour', limit: 7200, remaining: 7100, reset: '2026-01-01T01:00:00Z' },
      { window: 'x-ratelimit', limit: 100, remaining: 7, reset: '1767229200' },
      { window: 'ratelimit', limit: 10, remaining: 9, reset: '5' },
    ]));
    expect(q.raw).toMatchObject({ quotatype: 'API', 'x-vendor-quota-day': '40000' });
    expect(s.quota).toEqual(q);
    expect(parseQuotaHeaders({ 'content-type': 'application/json' })).toBeUndefined();
    await s.close();
  });

  it('the profile\'s throttle spaces requests', async () => {
    srv.handle((req, res) => {
      const skip = Number(new URL(req.url!, srv.base).searchParams.get('$skip') ?? 0);
      json(res, 200, page(rows(1), skip < 2 ? { '@odata.nextLink': `Property?$skip=${skip + 1}` } : {}));
    });
    const clock = fakeClock();
    clock.sleep = (ms) => { clock.slept.push(ms); return Promise.resolve(); }; // time stands still: each request must wait its slot
    const s = session(clock, { throttlePerMinute: 30 });
    await collect(s.query('Property'));
    expect(clock.slept).toEqual([2000, 4000]);
    await s.close();
  });
});

describe('broken answers', () => {
  it('cancel mid-page stops reading and is a cancelled error', async () => {
    srv.handle((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const full = page(rows(2000));
      res.write(full.slice(0, 100_000)); // and never the rest
    });
    const ac = new AbortController();
    const s = session();
    const seen: ODataQueryEvent[] = [];
    const err = await failure((async () => {
      for await (const e of s.query('Property', {}, ac.signal)) { seen.push(e); if (e.kind === 'rows') ac.abort(); }
    })());
    expect(err.info.kind).toBe('cancelled');
    expect(seen.filter((e) => e.kind === 'rows').length).toBe(1);
    expect(s.trace.list()[0]!.timing.end).toBeDefined();
    await s.close();
  });

  it('a connection dropped mid-page is a typed network error after the rows that arrived', async () => {
    srv.handle((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(page(rows(2000)).slice(0, 100_000), () => setImmediate(() => res.socket?.destroy()));
    });
    const s = session();
    const seen: ODataQueryEvent[] = [];
    const err = await failure((async () => { for await (const e of s.query('Property')) seen.push(e); })());
    expect(['network', 'parse']).toContain(err.info.kind);
    expect(err.info.operation).toBe('Query');
    expect(seen.some((e) => e.kind === 'rows')).toBe(true);
    await s.close();
  });

  it('an HTML page where JSON was expected names the status and the page title', async () => {
    srv.handle((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('\n<!DOCTYPE html><html><head><title>Scheduled Maintenance</title></head><body>back soon</body></html>'); });
    const s = session();
    const err = await failure(collect(s.query('Property')));
    expect(err.info).toMatchObject({ kind: 'parse', httpStatus: 200, operation: 'Query' });
    expect(err.message).toContain('HTTP 200');
    expect(err.message).toContain('Scheduled Maintenance');
    await s.close();
  });

  it('an OData error body becomes the server\'s code, message and target', async () => {
    srv.handle((_q, res) => json(res, 400, { error: { code: 'InvalidField', message: "Could not find a property named 'Listprice'", target: 'Listprice', details: [{ code: 'D1', message: 'did you mean ListPrice' }] } }));
    const s = session();
    const err = await failure(collect(s.query('Property', { filter: 'Listprice gt 5' })));
    expect(err.info).toMatchObject({ kind: 'odata', httpStatus: 400, serverCode: 'InvalidField', target: 'Listprice' });
    expect(err.message).toContain("Could not find a property named 'Listprice'");
    expect(err.info.url).toContain('/odata/Property?$filter=Listprice%20gt%205');
    await s.close();
  });

  it('a page over the size cap is a typed error', async () => {
    srv.handle((_q, res) => json(res, 200, page(rows(500))));
    const s = session(fakeClock(), { maxPageBytes: 50_000 });
    const err = await failure(collect(s.query('Property')));
    expect(err.message).toMatch(/larger than/);
    await s.close();
  });

  it('a truncated page (the body ends inside the JSON) is a parse error', async () => {
    srv.handle((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(page(rows(3)).slice(0, -20)); });
    const s = session();
    const err = await failure(collect(s.query('Property')));
    expect(err.info.kind).toBe('parse');
    await s.close();
  });
});

describe('timeouts and $metadata', () => {
  it('a server that stops sending mid-page hits the idle timeout as a typed timeout error', async () => {
    srv.handle((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.write(page(rows(50)).slice(0, 3000)); });
    const s = session(fakeClock(), { idleTimeoutMs: 300 });
    const err = await failure(collect(s.query('Property')));
    expect(err.info).toMatchObject({ kind: 'timeout', operation: 'Query' });
    await s.close();
  });

  it('an HTML page where $metadata was expected is a typed error naming the page', async () => {
    srv.handle((_q, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<!doctype html><html><head><title>Access Denied</title></head></html>'); });
    const s = session();
    const err = await failure(s.metadata());
    expect(err.info).toMatchObject({ kind: 'parse', operation: 'Metadata', httpStatus: 200 });
    expect(err.message).toContain('Access Denied');
    await s.close();
  });
});

describe('a 429 without Retry-After', () => {
  it('backs off exponentially, each wait reported', async () => {
    let n = 0;
    srv.handle((_q, res) => { if (++n < 3) { res.writeHead(429); res.end(); } else json(res, 200, page(rows(1))); });
    const clock = fakeClock();
    const s = session(clock);
    const waits = (await collect(s.query('Property'))).flatMap((e) => (e.kind === 'wait' ? [e.retryAfterMs] : []));
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(waits[0]).toBeLessThan(2000);
    expect(waits[1]).toBeGreaterThanOrEqual(2000);
    expect(clock.slept).toEqual(waits);
    await s.close();
  });
});
