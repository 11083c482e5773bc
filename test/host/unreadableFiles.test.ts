// Profiles, snippets and history are plain files users edit and keep in git. A file the host
// cannot read is named with the reason and left as it is; the others still load; a history file
// that cannot be read is set aside, never overwritten.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile, Snippet, UnreadableFile } from '../../shared/contract';
import { HistoryStore } from '../../electron/host/history';
import { call, startHarness, type Harness } from './hostHarness';

let h: Harness;
beforeAll(async () => { h = await startHarness({ listings: 50 }); });
afterAll(async () => { await h?.close(); });

describe('unreadable files', () => {
  it('says where a file broke, never what it holds (a file the user did not pick)', async () => {
    mkdirSync(h.host.layout.snippets, { recursive: true });
    writeFileSync(join(h.host.layout.snippets, 'pasted.json'), 'api-key: s3cr3t-value\nmore private notes\n');
    const r = await call<{ unreadable: UnreadableFile[] }>(h.host, 'snippets.list');
    const entry = r.unreadable.find((u) => u.file.endsWith('pasted.json'));
    expect(entry?.message).toMatch(/not valid JSON/);
    expect(entry?.message).not.toContain('s3cr3t');
    expect(entry?.message).not.toContain('api-key');
    rmSync(join(h.host.layout.snippets, 'pasted.json'));
  });

  it('lists the good profiles and names each broken file with its reason, untouched', async () => {
    await call(h.host, 'profiles.create', { name: 'Good', loginUrl: 'https://rets.example.com/login', username: 'u' });
    const dir = h.host.layout.profiles;
    writeFileSync(join(dir, 'merge-conflict.json'), '{\n<<<<<<< HEAD\n  "name": "A"\n');
    const wrongVersion = { id: 'v9', name: 'V9', loginUrl: 'https://x.example/login', username: 'u', userAgent: 'X', retsVersion: 'RETS/9.0', authScheme: 'auto', method: 'GET', throttle: { requestsPerMinute: 0 }, credentialId: 'c', secrets: { password: 'none', uaPassword: 'none' }, createdAt: 'x', updatedAt: 'x' };
    writeFileSync(join(dir, 'v9.json'), JSON.stringify(wrongVersion));

    const r = await call<{ profiles: Profile[]; unreadable: UnreadableFile[] }>(h.host, 'profiles.list');
    expect(r.profiles.map((p) => p.name)).toEqual(['Demo MLS (RETS)', 'Demo MLS (Web API)', 'Good']);
    const byFile = Object.fromEntries(r.unreadable.map((u) => [u.file.split('/').pop(), u.message]));
    expect(Object.keys(byFile).sort()).toEqual(['merge-conflict.json', 'v9.json']);
    expect(byFile['merge-conflict.json']).toMatch(/JSON/);
    expect(byFile['v9.json']).toMatch(/^"retsVersion": /);
    expect(readFileSync(join(dir, 'merge-conflict.json'), 'utf8')).toContain('<<<<<<< HEAD');
  });

  it('does the same for snippets', async () => {
    await call(h.host, 'snippets.save', { name: 'Fine', resource: 'Property', class: 'RES', query: '(L_Status=A)' });
    const dir = h.host.layout.snippets;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'no-query.json'), JSON.stringify({ name: 'No query', resource: 'Property', class: 'RES' }));
    const r = await call<{ snippets: Snippet[]; unreadable: UnreadableFile[] }>(h.host, 'snippets.list');
    expect(r.snippets.map((s) => s.name)).toEqual(['Fine']);
    expect(r.unreadable).toHaveLength(1);
    expect(r.unreadable[0]!.file).toMatch(/no-query\.json$/);
    expect(r.unreadable[0]!.message).toMatch(/^"query": /);
  });

  it('sets an unreadable history file aside instead of overwriting it', async () => {
    const dir = join(h.dir, 'history-test');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'history.json'), '{"entries": [ {"id": "half-writ');
    const store = new HistoryStore(dir);
    await store.add({ profileId: 'demo', resource: 'Property', class: 'RES', query: '(L_Status=A)', select: [], status: 'ok', rows: 3, elapsedMs: 12, startedAt: new Date().toISOString(), options: {} });
    const files = readdirSync(dir).sort();
    const aside = files.find((f) => f.startsWith('history.unreadable-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe('{"entries": [ {"id": "half-writ');
    const kept = JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8')) as { entries: { query: string }[] };
    expect(kept.entries.map((e) => e.query)).toEqual(['(L_Status=A)']);
  });
});
