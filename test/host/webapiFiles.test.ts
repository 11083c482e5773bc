// Files written before Web API profiles keep loading: profile files without a type are RETS
// profiles, history entries and snippet files without a protocol are RETS queries, and a Web API
// profile's file names where each secret is kept, never the secret.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry, Profile, Snippet, UnreadableFile } from '../../shared/contract';
import { call, startHarness, type Harness } from './hostHarness';

let h: Harness;
beforeAll(async () => { h = await startHarness({ listings: 50 }); });
afterAll(async () => { await h?.close(); });

const at = '2026-11-30T10:00:00.000Z';

/** Today's files, byte for byte as the host wrote them before this change. */
function writeTodaysFiles(): void {
  const profile = {
    id: 'old-rets', name: 'Old RETS', loginUrl: 'https://rets.example.com/rets/login', username: 'bob', userAgent: 'RETSWorkbench/1.0',
    retsVersion: 'RETS/1.7.2', authScheme: 'auto', method: 'GET', throttle: { requestsPerMinute: 0 }, timeouts: { connectSeconds: 15, responseSeconds: 60 },
    keepLoginHost: false, credentialId: '0b7c6f38-4d1e-4f7a-9d3c-1f2e3a4b5c6d', secrets: { password: 'none', uaPassword: 'none' }, createdAt: at, updatedAt: at,
  };
  mkdirSync(h.host.layout.profiles, { recursive: true });
  writeFileSync(join(h.host.layout.profiles, 'old-rets.json'), `${JSON.stringify(profile, null, 2)}\n`);
  const snippet = {
    id: 'old-actives', name: 'Old actives', tags: ['mine'], resource: 'Property', class: 'RES', query: '(L_Status=|AC)', select: ['L_ListingID'],
    options: { limit: 50 }, createdAt: at, updatedAt: at,
  };
  mkdirSync(h.host.layout.snippets, { recursive: true });
  writeFileSync(join(h.host.layout.snippets, 'old-actives.json'), `${JSON.stringify(snippet, null, 2)}\n`);
  const history = {
    entries: [{
      id: 'h-old-1', profileId: 'demo', resource: 'Property', class: 'RES', query: '(L_Status=|AC)', select: [], options: { limit: 100, count: 1 },
      status: 'ok', rows: 12, count: 12, elapsedMs: 40, startedAt: at,
    }],
  };
  mkdirSync(h.host.layout.history, { recursive: true });
  writeFileSync(join(h.host.layout.history, 'history.json'), `${JSON.stringify(history, null, 2)}\n`);
}

describe('files written before Web API profiles', () => {
  it('load as RETS profiles, snippets and history entries, unchanged', async () => {
    writeTodaysFiles();
    const list = await call<{ profiles: Profile[]; unreadable: UnreadableFile[] }>(h.host, 'profiles.list');
    expect(list.unreadable).toEqual([]);
    expect(list.profiles.find((p) => p.id === 'old-rets')).toMatchObject({ type: 'rets', loginUrl: 'https://rets.example.com/rets/login', username: 'bob', hasPassword: false });
    expect((await h.host.profiles.connection('old-rets', { requireSecrets: false })).type).toBe('rets');
    const { snippets, unreadable } = await call<{ snippets: Snippet[]; unreadable: UnreadableFile[] }>(h.host, 'snippets.list');
    expect(unreadable).toEqual([]);
    const s = snippets.find((x) => x.id === 'old-actives')!;
    expect(s).toMatchObject({ name: 'Old actives', query: '(L_Status=|AC)', options: { limit: 50 } });
    expect(s.protocol).toBeUndefined();
    const { entries } = await call<{ entries: HistoryEntry[] }>(h.host, 'history.list', {});
    expect(entries.find((e) => e.id === 'h-old-1')).toMatchObject({ resource: 'Property', class: 'RES', rows: 12, status: 'ok' });
  });

  it('an update of an old file keeps it RETS, its secret places as they were', async () => {
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.update', { id: 'old-rets', patch: { name: 'Old RETS renamed', password: 'pw-1234' } });
    expect(profile).toMatchObject({ type: 'rets', name: 'Old RETS renamed', hasPassword: true });
    const file = JSON.parse(readFileSync(join(h.host.layout.profiles, 'old-rets.json'), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ type: 'rets', secrets: { password: 'memory', uaPassword: 'none' } });
    expect(Object.keys(file.secrets as object).sort()).toEqual(['password', 'uaPassword']);
    expect(JSON.stringify(file)).not.toContain('pw-1234');
  });

  it('a bearer-token profile keeps its token in the secret store and sends it', async () => {
    const w = h.host.demo!.webApi;
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', {
      name: 'Static token', type: 'webapi', loginUrl: w.serviceRoot, username: '', webApi: { auth: 'bearer' }, token: 'demo-static-token',
    });
    expect(profile).toMatchObject({ type: 'webapi', hasToken: true, hasClientSecret: false });
    expect(readFileSync(join(h.host.layout.profiles, `${profile.id}.json`), 'utf8')).not.toContain('demo-static-token');
    const test = await call<{ ok: boolean }>(h.host, 'profiles.test', { profileId: profile.id });
    expect(test.ok).toBe(true);
    // Typed again for this session (as after a restart without a keychain): it lands as the token.
    await call(h.host, 'profiles.sessionSecrets', { id: profile.id, password: 'expired-static-token' });
    const again = await call<{ ok: boolean; error?: { kind: string; httpStatus?: number } }>(h.host, 'profiles.test', { profileId: profile.id });
    expect(again).toMatchObject({ ok: false, error: { kind: 'auth', httpStatus: 401 } });
  });
});
