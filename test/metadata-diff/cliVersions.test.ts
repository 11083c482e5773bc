// `rets-workbench metadata versions profile:NAME` and `metadata diff profile:NAME@VERSION B` on a
// data folder where the app saw two Demo MLS metadata editions (RETS) and one Web API $metadata.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../../electron/host/host';
import type { MetadataDiff } from '../../shared/metadata/diff';
import { runCli } from '../cli/runCli';

let home: string;
let webFetchedAt: string;

const cli = (args: string[]) => runCli(['metadata', ...args], { home, cwd: home });

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'rw-mdv-cli-'));
  for (const revision of [1, 2] as const) {
    const host = await createHost({ dataDir: home, mode: 'browser', demo: { listings: 50, metadataRevision: revision }, secrets: { disableKeychain: true } });
    const env = await host.call('metadata.get', { profileId: 'demo' });
    if (!env.ok) throw new Error(env.error.message);
    if (revision === 1) {
      await host.call('metadata.get', { profileId: 'demo-webapi' });
      const v = await host.call('metadata.versions', { profileId: 'demo-webapi' });
      webFetchedAt = (v.ok ? (v.data as { versions: { fetchedAt: string }[] }).versions[0]!.fetchedAt : '');
    }
    await host.close();
  }
}, 120_000);
afterAll(() => { rmSync(home, { recursive: true, force: true }); });

describe('rets-workbench metadata versions and profile:NAME@VERSION', { timeout: 120_000 }, () => {
  it('lists the kept versions, the one in use first (text and JSON)', async () => {
    const r = await cli(['versions', 'profile:demo']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Metadata versions kept for "demo" (the one in use first):');
    expect(lines[1]).toMatch(/^ {2}01\.72\.10043 +fetched \S+, last seen \S+, \d+ fields, \d+ KB {2}\(in use\)$/);
    expect(lines[2]).toMatch(/^ {2}01\.72\.10042 +fetched /);
    expect(lines).toHaveLength(3);
    const j = await cli(['versions', 'profile:demo-webapi', '--json']);
    expect(j.code).toBe(0);
    const parsed = JSON.parse(j.stdout) as { versions: { version: string; fetchedAt: string; contentHash: string }[] };
    expect(parsed.versions).toHaveLength(1);
    expect(parsed.versions[0]!.version).toBe(webFetchedAt);
    expect(parsed.versions[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('diffs two kept versions: exit 1 with the changes; a kept Web API version by its fetch date: exit 0 against itself', async () => {
    const r = await cli(['diff', 'profile:demo@01.72.10042', 'profile:demo@01.72.10043', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout) as MetadataDiff;
    expect(new Set(d.fields.added.map((f) => f.field))).toEqual(new Set(['L_GreenVerification']));
    expect(d.values.renamed).toEqual([expect.objectContaining({ lookup: 'STATUS', kind: 'long-value' })]);
    // The whole fetch time on one side, the day it was fetched on the other.
    const w = await cli(['diff', `profile:demo-webapi@${webFetchedAt}`, `profile:demo-webapi@${webFetchedAt.slice(0, 10)}`]);
    expect(w.stderr).toBe('');
    expect(w.code).toBe(0);
    expect(w.stdout).toMatch(/^The same: /);
  });

  it('exit 2 for a version the cache does not keep, naming those it keeps', async () => {
    const r = await cli(['diff', 'profile:demo@01.00.0001', 'profile:demo@01.72.10043']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Profile "demo" has no kept version "01.00.0001". Kept: 01.72.10043');
    expect(r.stderr).toContain('01.72.10042');
  });

  it('keeps what a profile:NAME side fetched among the profile\'s versions, as the app does (last: it moves the one in use)', async () => {
    // The CLI's Demo serves the first edition: fetched now, it becomes the version in use again.
    const r = await cli(['diff', 'profile:demo', 'profile:demo@01.72.10043']);
    expect(r.code).toBe(1);
    const v = await cli(['versions', 'profile:demo']);
    const lines = v.stdout.trim().split('\n');
    expect(lines[1]).toMatch(/^ {2}01\.72\.10042 +fetched .*\(in use\)$/);
    expect(lines).toHaveLength(3);
    // A Web API body seen before is that version: no new entry, only its last-seen moves.
    const w = await cli(['diff', 'profile:demo-webapi', `profile:demo-webapi@${webFetchedAt}`]);
    expect(w.code).toBe(0);
    const j = JSON.parse((await cli(['versions', 'profile:demo-webapi', '--json'])).stdout) as { versions: { fetchedAt: string; lastSeenAt: string }[] };
    expect(j.versions).toHaveLength(1);
    expect(j.versions[0]!.fetchedAt).toBe(webFetchedAt);
    expect(j.versions[0]!.lastSeenAt > webFetchedAt).toBe(true);
  });
});
