// Read-modify-writes of one store file run one at a time: parallel `profiles.update` calls on
// different fields over browser mode's HTTP API all land, every round; two first history
// entries at once both stay; the Demo MLS and browser-mode ports remembered at once both stay.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileFields, ProfilePatch, type Profile } from '../../shared/contract';
import { createHost, type Host } from '../../electron/host/host';
import { HistoryStore } from '../../electron/host/history';
import { listenOnRememberedPort } from '../../electron/host/rememberedPorts';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server';
import { api } from './httpHelpers';

let dir: string;
let host: Host;
let srv: BrowserServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-concurrency-'));
  host = await createHost({ dataDir: join(dir, 'data'), mode: 'browser', demo: false, secrets: { disableKeychain: true } });
  srv = await startBrowserServer({ host });
});
afterAll(async () => {
  await srv?.close();
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function callApi<T>(name: string, body: unknown): Promise<T> {
  const r = await api(srv.port, srv.token, name, body);
  const env = r.json() as { ok: boolean; data: T; error?: { message: string } };
  if (!env.ok) throw new Error(`${name}: ${env.error?.message}`);
  return env.data;
}

describe('concurrent profile updates', () => {
  it('a patch holds only the fields sent (no defaults filled in), and every field can be patched', () => {
    expect(ProfilePatch.parse({ name: 'x' })).toEqual({ name: 'x' });
    expect(Object.keys(ProfilePatch.shape).sort()).toEqual([...Object.keys(ProfileFields.shape), 'password', 'uaPassword', 'clientSecret', 'token'].sort());
  });

  it('keeps every field when eight updates of different fields arrive at once, in every round', async () => {
    const rounds = 8;
    for (let round = 0; round < rounds; round++) {
      const { profile } = await callApi<{ profile: Profile }>('profiles.create', { name: `Round ${round}`, loginUrl: 'https://rets.example.com/login', username: 'u', password: 'p' });
      const patches: Record<string, unknown>[] = [
        { name: `Renamed ${round}` },
        { username: `user-${round}` },
        { userAgent: `Agent/${round}` },
        { retsVersion: 'RETS/1.8' },
        { method: 'POST' },
        { throttle: { requestsPerMinute: 10 + round } },
        { timeouts: { connectSeconds: 20, responseSeconds: 90 + round } },
        { keepLoginHost: true },
        { uaPassword: `ua-${round}` },
      ];
      await Promise.all(patches.map((patch) => callApi('profiles.update', { id: profile.id, patch })));
      const { profile: after } = await callApi<{ profile: Profile }>('profiles.get', { id: profile.id });
      expect(after).toMatchObject({
        name: `Renamed ${round}`, username: `user-${round}`, userAgent: `Agent/${round}`, retsVersion: 'RETS/1.8', method: 'POST',
        throttle: { requestsPerMinute: 10 + round }, timeouts: { connectSeconds: 20, responseSeconds: 90 + round }, keepLoginHost: true,
        hasPassword: true, hasUaPassword: true,
      });
      const onDisk = JSON.parse(readFileSync(join(host.layout.profiles, `${profile.id}.json`), 'utf8')) as Record<string, unknown>;
      expect(onDisk).toMatchObject({ name: `Renamed ${round}`, username: `user-${round}`, method: 'POST', keepLoginHost: true });
    }
  });
});

describe('other files changed from several places', () => {
  it('keeps both of two history entries added at once to a history file not yet loaded', async () => {
    const folder = join(dir, 'history');
    const first = new HistoryStore(folder);
    await first.add(entry('(L_Status=A)'));
    const store = new HistoryStore(folder);
    await Promise.all([store.add(entry('(L_Status=P)')), store.add(entry('(L_Status=S)'))]);
    const reread = await new HistoryStore(folder).list();
    expect(reread.map((e) => e.query).sort()).toEqual(['(L_Status=A)', '(L_Status=P)', '(L_Status=S)']);
  });

  it('remembers the Demo MLS and browser-mode ports when both start at once', async () => {
    const data = join(dir, 'ports');
    const servers: Server[] = [];
    const listen = async (port: number) => {
      const s = createServer();
      servers.push(s);
      await new Promise<void>((resolve, reject) => { s.once('error', reject); s.listen(port, '127.0.0.1', () => resolve()); });
      return { port: (s.address() as { port: number }).port };
    };
    try {
      const [demo, browser] = await Promise.all([listenOnRememberedPort(data, 'demo', listen), listenOnRememberedPort(data, 'browser', listen)]);
      expect(JSON.parse(readFileSync(join(data, 'ports.json'), 'utf8'))).toEqual({ demo: demo.port, browser: browser.port });
    } finally {
      for (const s of servers) s.close();
    }
  });
});

function entry(query: string) {
  return { profileId: 'demo', resource: 'Property', class: 'RES', query, select: [], status: 'ok' as const, rows: 1, elapsedMs: 1, startedAt: new Date().toISOString(), options: {} };
}
