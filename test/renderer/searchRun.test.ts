// The renderer's search run state (renderer/src/host/searchRun.ts, one per tab through
// query/runs.ts) against a real host and its Demo MLS: running -> rows -> done, an error, a
// cancel, a cancel asked before the host answered, and a new start that cancels the last one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostClient, type HostClient, type Profile } from '../../shared/contract';
import { SearchRun, type RunState } from '../../renderer/src/host/searchRun';
import { call, startHarness, type Harness } from '../host/hostHarness';

let h: Harness;
let client: HostClient;
beforeAll(async () => {
  h = await startHarness({ listings: 300 });
  client = createHostClient({ call: (name, req) => h.host.call(name, req), subscribe: (l) => h.host.events.subscribe(l) });
});
afterAll(async () => { await h?.close(); });

const RES = { profileId: 'demo', resource: 'Property', class: 'RES', select: ['L_ListingKey', 'L_Status'] };

/** A run whose listeners wake at once; `ended` resolves with the first state that is not running. */
function run() {
  const r = new SearchRun(client, (wake) => queueMicrotask(wake));
  const seen: RunState[] = [];
  const ended = new Promise<RunState>((resolve) => {
    r.subscribe(() => { seen.push(r.state); if (r.state.status !== 'running') resolve(r.state); });
  });
  return { r, seen, ended };
}

describe('SearchRun', () => {
  it('starts idle, runs, collects the rows and ends done with the count', async () => {
    const { r, seen, ended } = run();
    expect(r.state).toMatchObject({ status: 'idle', rows: { length: 0 }, columns: [] });
    void r.start({ ...RES, query: '(L_ListPrice=0+)', options: { limit: 7, count: 1, format: 'COMPACT' } });
    expect(r.state.status).toBe('running');
    const end = await ended;
    expect(seen[0].status).toBe('running');
    expect(end).toMatchObject({ status: 'done', columns: ['L_ListingKey', 'L_Status'], profileId: 'demo' });
    expect(end.rows.length).toBe(7);
    expect(end.rows.row(6)).toHaveLength(2);
    expect(end.count).toBeGreaterThan(7);
    expect(end.firstRowsMs).toBeDefined();
    // Every change shows a new version, so the grid's memo sees it.
    const versions = seen.map((s) => s.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('ends in error with the typed error the host sent', async () => {
    const { r, ended } = run();
    void r.start({ ...RES, class: 'NOPE', query: '(L_ListPrice=0+)', options: {} });
    const end = await ended;
    expect(end.status).toBe('error');
    expect(end.error?.kind).toBeTruthy();
    expect(end.error?.message).toBeTruthy();
  });

  it('a cancel asked before the host answered start is sent once it has, and the run ends cancelled', async () => {
    // The slow account stalls every response: the search is still running when the cancel lands.
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'Slow', loginUrl: h.host.demo!.loginUrl, username: 'slow', password: 'demo' });
    const { r, ended } = run();
    const started = r.start({ ...RES, profileId: profile.id, query: '(L_ListPrice=0+)', options: { limit: 'NONE' } });
    await r.cancel(); // before search.start answered: remembered, not dropped
    await started;
    const end = await ended;
    expect(end.status).toBe('cancelled');
  });

  it('a new start while running cancels the last search first', async () => {
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'Slow 2', loginUrl: h.host.demo!.loginUrl, username: 'slow', password: 'demo' });
    const r = new SearchRun(client, (wake) => queueMicrotask(wake));
    const first = r.start({ ...RES, profileId: profile.id, query: '(L_ListPrice=0+)', options: { limit: 'NONE' } });
    await first; // the host answered: the first search runs
    expect(r.state.status).toBe('running');
    const ended = new Promise<RunState>((resolve) => r.subscribe(() => { if (r.state.status === 'done') resolve(r.state); }));
    await r.start({ ...RES, query: '(L_ListPrice=0+)', options: { limit: 3 } });
    const end = await ended;
    expect(end.rows.length).toBe(3);
    expect(end.columns).toEqual(['L_ListingKey', 'L_Status']);
  });
});
