// The operation runner that search, export and doctor share: one terminal event per operation,
// sent after the operation left the registry, so a cancel that comes after it says false, on
// success as on error; a throw the body did not handle becomes the kind's error event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostEvent } from '../../shared/contract';
import { EventBus } from '../../electron/host/events';
import { OperationRunner, type Outcome } from '../../electron/host/operations';
import { cancelledError } from '../../electron/host/hostError';
import { call, runOperation, startHarness, type Harness } from './hostHarness';

const isTerminal = (e: HostEvent) => /\.(done|error)$/.test(e.type);

/** A runner on a real bus; `ended` resolves with the terminal event and what a cancel said as it arrived. */
function runner() {
  const bus = new EventBus();
  const ops = new OperationRunner(bus);
  const events: HostEvent[] = [];
  let lateCancel: boolean | undefined;
  const ended = new Promise<HostEvent>((resolve) => {
    bus.subscribe((e) => {
      events.push(e);
      if (!isTerminal(e) || !('operationId' in e)) return;
      // The renderer may cancel the moment it sees the end: the operation is gone by then.
      lateCancel = ops.cancel(e.operationId);
      resolve(e);
    });
  });
  return { bus, ops, events, ended, lateCancel: () => lateCancel };
}

const done = (operationId: string): Outcome<'doctor'> => ({ event: { type: 'doctor.done', operationId, ok: true, steps: [], report: '', cancelled: false } });

describe('OperationRunner', () => {
  it('sends the body\'s terminal event once; a cancel as it arrives says false', async () => {
    const r = runner();
    const { operationId } = r.ops.start('doctor', 'doctor-ok', async (op) => {
      op.emit({ type: 'doctor.step', operationId: op.id, step: { id: 'dns', title: 'DNS', status: 'passed' } });
      return done(op.id);
    });
    expect(operationId).toBe('doctor-ok');
    const last = await r.ended;
    expect(last).toMatchObject({ type: 'doctor.done', operationId: 'doctor-ok', ok: true });
    expect(r.lateCancel()).toBe(false);
    expect(r.ops.cancel('doctor-ok')).toBe(false);
    expect(r.events.filter(isTerminal)).toHaveLength(1);
    expect(r.ops.running).toBe(0);
  });

  it('turns a throw into the kind\'s error event, and a cancel after it says false', async () => {
    const r = runner();
    r.ops.start('export', 'export-fails', async () => { throw new Error('disk on fire'); });
    const last = await r.ended;
    expect(last).toMatchObject({ type: 'export.error', operationId: 'export-fails', error: { message: expect.stringContaining('disk on fire'), transaction: 'Search' } });
    expect(r.lateCancel()).toBe(false);
    expect(r.ops.running).toBe(0);
  });

  it('a cancel while running says true and aborts the body\'s signal; the body still ends it', async () => {
    const r = runner();
    let started!: () => void;
    const running = new Promise<void>((res) => { started = res; });
    r.ops.start('search', 'search-cancel', async (op) => {
      started();
      await new Promise<void>((res) => op.signal.addEventListener('abort', () => res(), { once: true }));
      throw cancelledError('Search');
    });
    await running;
    expect(r.ops.cancel('search-cancel', 'export')).toBe(false); // another kind's cancel does not reach it
    expect(r.ops.cancel('search-cancel', 'search')).toBe(true);
    const last = await r.ended;
    expect(last).toMatchObject({ type: 'search.error', error: { kind: 'cancelled' } });
    expect(r.lateCancel()).toBe(false);
  });

  it('refuses a second operation under a running id', async () => {
    const r = runner();
    let release!: () => void;
    const hold = new Promise<void>((res) => { release = res; });
    r.ops.start('doctor', 'doctor-dup', async (op) => { await hold; return done(op.id); });
    expect(() => r.ops.start('doctor', 'doctor-dup', async (op) => done(op.id))).toThrow(/already running/);
    release();
    await r.ended;
    expect(r.events.filter(isTerminal)).toHaveLength(1);
  });

  it('runs the work after the end once the terminal event is out; its failure changes nothing', async () => {
    const r = runner();
    const order: string[] = [];
    r.bus.subscribe((e) => { if (isTerminal(e)) order.push('terminal'); });
    let afterRan!: () => void;
    const afterDone = new Promise<void>((res) => { afterRan = res; });
    r.ops.start('doctor', 'doctor-after', async (op) => ({
      ...done(op.id),
      after: async () => { order.push('after'); afterRan(); throw new Error('history file gone'); },
    }));
    await afterDone;
    expect(order).toEqual(['terminal', 'after']);
    expect(r.events.filter(isTerminal)).toHaveLength(1);
  });

  it('sends a final progress event at once and makes a throttled one only when sent', async () => {
    const r = runner();
    let made = 0;
    r.ops.start('search', 'search-progress', async (op) => {
      const make = (): HostEvent => { made += 1; return { type: 'search.progress', operationId: op.id, rows: made, rowsPerSec: 0, elapsedMs: 0 }; };
      op.progress(make, true);
      op.progress(make, true);
      return { event: { type: 'search.done', operationId: op.id, rows: 0, maxrows: false, elapsedMs: 0, cancelled: false, warnings: [] } };
    });
    await r.ended;
    const progress = r.events.filter((e) => e.type === 'search.progress');
    expect(progress).toHaveLength(made);
    expect(made).toBe(2);
  });
});

describe('search, export and doctor through the host', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness({ listings: 200 }); });
  afterAll(async () => { await h?.close(); });
  const RES = { profileId: 'demo', resource: 'Property', class: 'RES', query: '(L_Status=A)', select: ['L_ListingKey'] };

  it('a cancel after a successful end says false for each kind', async () => {
    const search = await runOperation(h.host, 'search.start', { ...RES, options: { limit: 5 } });
    expect(search.last).toMatchObject({ type: 'search.done', cancelled: false });
    expect(await call(h.host, 'search.cancel', { operationId: search.operationId })).toEqual({ cancelled: false });

    const exported = await runOperation(h.host, 'export.start', { ...RES, destination: { kind: 'download', fileName: 'a.csv' }, options: { maxRows: 5 } });
    expect(exported.last).toMatchObject({ type: 'export.done', rows: 5 });
    expect(await call(h.host, 'export.cancel', { operationId: exported.operationId })).toEqual({ cancelled: false });

    const doctor = await runOperation(h.host, 'doctor.start', { profileId: 'demo' });
    expect(doctor.last).toMatchObject({ type: 'doctor.done', cancelled: false });
    expect(await call(h.host, 'doctor.cancel', { operationId: doctor.operationId })).toEqual({ cancelled: false });
  });

  it('a search writes its history after its end, then says the history changed', async () => {
    const changed = new Promise<void>((res) => { const off = h.host.events.subscribe((e) => { if (e.type === 'history.changed') { off(); res(); } }); });
    const search = await runOperation(h.host, 'search.start', { ...RES, query: '(L_Status=S)', options: { limit: 3 } });
    await changed;
    const { entries } = await call<{ entries: { query: string; status: string; rows: number }[] }>(h.host, 'history.list', { profileId: 'demo' });
    expect(search.last.type).toBe('search.done');
    expect(entries.find((e) => e.query === '(L_Status=S)')).toMatchObject({ status: 'ok', rows: 3 });
  });
});
