// A login shared by several callers belongs to none of them: with the Demo MLS `slow` account
// (every response waits before answering), two callers of the host's session pool wait on one
// login; cancelling the first stops only its own wait, and the second still logs in and searches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { EventBus } from '../../electron/host/events';
import { ProfileStore } from '../../electron/host/profiles';
import { retsSessionFactory } from '../../electron/host/retsAdapter';
import { SecretStore } from '../../electron/host/secrets';
import { SessionPool } from '../../electron/host/sessions';
import { TraceRing } from '../../electron/host/traceRing';
import { isRetsError } from '../../shared/rets/errors';

let mls: DemoMls;
let dir: string;
beforeAll(async () => {
  mls = await startDemoMls({ listings: 300 });
  dir = mkdtempSync(join(tmpdir(), 'rw-shared-login-'));
});
afterAll(async () => {
  await mls.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a shared login', () => {
  it('survives the cancel of the caller that started it', { timeout: 60_000 }, async () => {
    const profiles = new ProfileStore(dir, new SecretStore({ disableKeychain: true }));
    const { id } = await profiles.create({ name: 'Slow', loginUrl: mls.loginUrl, username: 'slow', password: 'demo' });
    const bus = new EventBus();
    const states: string[] = [];
    bus.subscribe((e) => { if (e.type === 'session.changed') states.push(e.status.state); });
    const pool = new SessionPool(profiles, retsSessionFactory, bus, new TraceRing(join(dir, 'traces')));
    const first = new AbortController();
    const waitFirst = pool.session(id, first.signal);
    await expect.poll(() => states).toContain('connecting'); // the first caller's login is on its way
    const waitSecond = pool.session(id, new AbortController().signal);
    await new Promise((resolve) => setImmediate(resolve)); // the second joins it (no I/O on that path)
    first.abort();
    const err = await waitFirst.then(() => undefined, (e: unknown) => e);
    expect(isRetsError(err) && err.info.kind).toBe('cancelled');
    const session = await waitSecond;
    expect(session.loggedIn).toBe(true);
    let rows = 0;
    for await (const ev of session.search({ resource: 'Property', class: 'RES', query: '(L_ListPrice=0+)', limit: 5, count: 0, format: 'COMPACT', standardNames: false })) {
      if (ev.kind === 'rows') rows += ev.batch.length;
    }
    expect(rows).toBe(5);
    expect((await pool.trace(id)).filter((e) => e.transaction === 'Login' && e.status === 200)).toHaveLength(1);
    await pool.disconnect(id);
  });
});
