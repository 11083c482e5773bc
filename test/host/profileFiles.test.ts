// What older versions and users leave in the profile and snippet folders: a password typed into
// the login URL (moved to the secret store, the URL stripped, on create, update and load) and
// copied files that share the id written inside them (each copy gets its own id, its own
// credential, and is reported once).
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile, SessionStatus, Snippet, UnreadableFile } from '../../shared/contract';
import { splitUserinfo } from '../../electron/host/loginUrlUserinfo';
import { assignIds } from '../../electron/host/storeIds';
import { call, startHarness, type Harness } from './hostHarness';

let h: Harness;
beforeAll(async () => { h = await startHarness({ listings: 50 }); });
afterAll(async () => { await h?.close(); });

type List = { profiles: Profile[]; unreadable: UnreadableFile[] };
const fileText = (id: string) => readFileSync(join(h.host.layout.profiles, `${id}.json`), 'utf8');

/** A profile file as the host wrote it before this change: userinfo and all. */
function writeTodaysProfileFile(id: string, loginUrl: string, username: string, password: 'none' | 'memory' = 'none', credentialId = randomUUID()): void {
  const now = new Date().toISOString();
  const f = {
    name: `Old ${id}`, loginUrl, username, userAgent: 'RETSWorkbench/1.0', retsVersion: 'RETS/1.7.2', authScheme: 'auto', method: 'GET',
    throttle: { requestsPerMinute: 0 }, timeouts: { connectSeconds: 15, responseSeconds: 60 }, keepLoginHost: false,
    id, credentialId, secrets: { password, uaPassword: 'none' }, createdAt: now, updatedAt: now,
  };
  writeFileSync(join(h.host.layout.profiles, `${id}.json`), `${JSON.stringify(f, null, 2)}\n`);
}

describe('userinfo in a login URL', () => {
  it('splits a URL by a linear scan, decoding the parts and keeping the rest as written', () => {
    expect(splitUserinfo('http://bob:p%40ss@Host:6103/rets/login?x=a@b')).toEqual({ url: 'http://Host:6103/rets/login?x=a@b', username: 'bob', password: 'p@ss' });
    expect(splitUserinfo('https://bob@rets.example.com/login')).toEqual({ url: 'https://rets.example.com/login', username: 'bob' });
    expect(splitUserinfo('https://a@b:c@rets.example.com')).toEqual({ url: 'https://rets.example.com', username: 'a@b', password: 'c' });
    expect(splitUserinfo('https://rets.example.com/login?user=a@b')).toBeUndefined();
    expect(splitUserinfo('https://rets.example.com/a@b')).toBeUndefined();
  });

  it('on create: the password goes to the secret store, the username to its field, the URL loses both', async () => {
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'In URL', loginUrl: 'http://bob:p%40ss-word@rets.example.com:6103/rets/login', username: '' });
    expect(profile).toMatchObject({ loginUrl: 'http://rets.example.com:6103/rets/login', username: 'bob', hasPassword: true });
    expect(fileText(profile.id)).not.toMatch(/p(@|%40)ss-word|bob@/);
    expect((await h.host.profiles.connection(profile.id)).password).toBe('p@ss-word');
    const list = await call<List>(h.host, 'profiles.list');
    expect(JSON.stringify(list)).not.toContain('ss-word');

    // A password given in its field wins over one in the URL; a username already set stays.
    const both = await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'Both', loginUrl: 'http://ann:fromurl@rets.example.com/login', username: 'typed', password: 'typed-pw' });
    expect(both.profile).toMatchObject({ loginUrl: 'http://rets.example.com/login', username: 'typed' });
    expect((await h.host.profiles.connection(both.profile.id)).password).toBe('typed-pw');
    expect(fileText(both.profile.id)).not.toContain('fromurl');
  });

  it('on update: a password typed into the new URL replaces the kept one', async () => {
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'Update me', loginUrl: 'https://rets.example.com/login', username: 'bob', password: 'old' });
    const { profile: after } = await call<{ profile: Profile }>(h.host, 'profiles.update', { id: profile.id, patch: { loginUrl: 'https://alice:newpw@rets2.example.com/login' } });
    expect(after).toMatchObject({ loginUrl: 'https://rets2.example.com/login', username: 'bob', hasPassword: true });
    expect((await h.host.profiles.connection(profile.id)).password).toBe('newpw');
    expect(fileText(profile.id)).not.toContain('newpw');
  });

  it('a draft tested before saving logs in with the userinfo of its URL', async () => {
    const url = new URL(h.host.demo!.loginUrl);
    const r = await call<{ ok: boolean }>(h.host, 'profiles.test', { draft: { name: 'Draft', loginUrl: `http://demo:demo@${url.host}${url.pathname}`, username: '' } });
    expect(r.ok).toBe(true);
  });

  it('on load: a file of today\'s format is rewritten without it, and the Demo MLS logs in with the moved password', async () => {
    const url = new URL(h.host.demo!.loginUrl);
    writeTodaysProfileFile('old-demo-1a2b3c4d', `http://demo:demo@${url.host}${url.pathname}`, '');
    const list = await call<List>(h.host, 'profiles.list');
    const old = list.profiles.find((p) => p.id === 'old-demo-1a2b3c4d')!;
    expect(old).toMatchObject({ loginUrl: h.host.demo!.loginUrl, username: 'demo', hasPassword: true });
    expect(JSON.stringify(list)).not.toContain('demo@');
    const onDisk = JSON.parse(fileText(old.id)) as { loginUrl: string; username: string; secrets: { password: string } };
    expect(onDisk).toMatchObject({ loginUrl: h.host.demo!.loginUrl, username: 'demo', secrets: { password: 'memory' } });
    const status = await call<SessionStatus>(h.host, 'session.connect', { profileId: old.id });
    expect(status.state).toBe('connected');
  });

  it('on load by id (no list first, as the CLI doctor does): a password already kept is the one that stays', async () => {
    const credentialId = randomUUID();
    await h.host.secrets.set(credentialId, 'password', 'kept-pw');
    writeTodaysProfileFile('old-kept-5e6f7a8b', 'https://carl:url-pw@rets.example.com/login', 'carl', 'memory', credentialId);
    const conn = await h.host.profiles.connection('old-kept-5e6f7a8b');
    expect(conn).toMatchObject({ loginUrl: 'https://rets.example.com/login', username: 'carl', password: 'kept-pw' });
    expect(fileText('old-kept-5e6f7a8b')).not.toContain('url-pw');
  });
});

describe('copied files', () => {
  it('decides ids from file names: copies of a missing original, names that cannot be ids, files without an id', () => {
    let n = 0;
    const fixes = assignIds([
      { name: 'a-1', innerId: 'a', label: 'A' }, // two copies of "a", whose own file is gone
      { name: 'a-2', innerId: 'a', label: 'A' },
      { name: 'My MLS', innerId: 'my-mls-1', label: 'My MLS' }, // renamed by hand to a name that cannot be an id
      { name: 'hand-written', innerId: undefined, label: 'H' }, // no id inside: nothing to rewrite
      { name: 'b', innerId: 'b', label: 'B' },
      { name: 'b-renamed', innerId: 'c', label: 'B' }, // renamed, not a copy: rewritten silently
    ], (label) => `${label.toLowerCase().replace(/ /g, '-')}-new${++n}`);
    expect(fixes).toEqual([
      { name: 'a-1', id: 'a-1', rename: false, copyOf: 'a' },
      { name: 'a-2', id: 'a-2', rename: false, copyOf: 'a' },
      { name: 'My MLS', id: 'my-mls-new1', rename: true },
      { name: 'b-renamed', id: 'b-renamed', rename: false },
    ]);
  });

  it('gives each copy of a profile its own id and credential, reports it once, and keeps it working after the original is deleted', async () => {
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'Wilma', loginUrl: h.host.demo!.loginUrl, username: 'demo', password: 'demo' });
    const dir = h.host.layout.profiles;
    copyFileSync(join(dir, `${profile.id}.json`), join(dir, `${profile.id}-copy.json`));
    copyFileSync(join(dir, `${profile.id}.json`), join(dir, `${profile.id} copy.json`)); // as file managers name copies

    const list = await call<List>(h.host, 'profiles.list');
    const wilmas = list.profiles.filter((p) => p.name === 'Wilma');
    const ids = wilmas.map((p) => p.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids).toContain(profile.id);
    expect(ids).toContain(`${profile.id}-copy`);
    const renamed = ids.find((id) => id !== profile.id && id !== `${profile.id}-copy`)!;
    expect(renamed).toMatch(/^wilma-[0-9a-f]{8}$/);

    const notes = list.unreadable.filter((u) => u.fixed);
    expect(notes.map((n) => n.file.split('/').pop()).sort()).toEqual([`${profile.id} copy.json`, `${profile.id}-copy.json`]);
    for (const n of notes) expect(n.message).toContain(`A copy of ${profile.id}.json`);
    expect(notes.find((n) => n.file.endsWith(' copy.json'))!.message).toContain(`saved as ${renamed}.json`);

    const files = readdirSync(dir);
    expect(files).not.toContain(`${profile.id} copy.json`);
    const inner = (id: string) => JSON.parse(fileText(id)) as { id: string; credentialId: string };
    expect(inner(`${profile.id}-copy`).id).toBe(`${profile.id}-copy`);
    expect(inner(renamed).id).toBe(renamed);
    expect(new Set([profile.id, `${profile.id}-copy`, renamed].map((id) => inner(id).credentialId)).size).toBe(3);

    // The same list again: the same ids, the notes still shown, nothing fixed twice.
    const again = await call<List>(h.host, 'profiles.list');
    expect(again.profiles.filter((p) => p.name === 'Wilma').map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(again.unreadable.filter((u) => u.fixed)).toHaveLength(2);

    // Deleting the original takes only its own password.
    await call(h.host, 'profiles.delete', { id: profile.id });
    for (const id of [`${profile.id}-copy`, renamed]) {
      expect((await call<{ profile: Profile }>(h.host, 'profiles.get', { id })).profile.hasPassword).toBe(true);
      expect((await call<SessionStatus>(h.host, 'session.connect', { profileId: id })).state).toBe('connected');
    }
    await call(h.host, 'profiles.update', { id: renamed, patch: { name: 'Wilma 2' } });
    expect(JSON.parse(fileText(renamed))).toMatchObject({ id: renamed, name: 'Wilma 2' });
  });

  it('does the same for snippets', async () => {
    const { snippet } = await call<{ snippet: Snippet }>(h.host, 'snippets.save', { name: 'Actives', resource: 'Property', class: 'RES', query: '(L_Status=A)' });
    const dir = h.host.layout.snippets;
    copyFileSync(join(dir, `${snippet.id}.json`), join(dir, `${snippet.id}-copy.json`));
    copyFileSync(join(dir, `${snippet.id}.json`), join(dir, `${snippet.id} (1).json`));
    const list = await call<{ snippets: Snippet[]; unreadable: UnreadableFile[] }>(h.host, 'snippets.list');
    const ids = list.snippets.filter((s) => s.name === 'Actives').map((s) => s.id);
    expect(new Set(ids).size).toBe(3);
    expect(list.unreadable.filter((u) => u.fixed).map((u) => u.message)).toEqual([
      expect.stringContaining(`A copy of ${snippet.id}.json`), expect.stringContaining(`A copy of ${snippet.id}.json`),
    ]);
    expect(existsSync(join(dir, `${snippet.id} (1).json`))).toBe(false);
    for (const id of ids) expect((JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as { id: string }).id).toBe(id);
    const renamed = ids.find((id) => id !== snippet.id && id !== `${snippet.id}-copy`)!;
    await call(h.host, 'snippets.delete', { id: renamed });
    expect((await call<{ snippets: Snippet[] }>(h.host, 'snippets.list')).snippets.filter((s) => s.name === 'Actives')).toHaveLength(2);
  });
});
