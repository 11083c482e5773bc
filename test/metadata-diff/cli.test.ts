// `rets-workbench metadata diff` run as a nightly job runs it: subprocesses on saved Demo MLS
// metadata files and the built-in demo profile; exit 0 the same, 1 they differ, 2 unusable.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetadataDiff } from '../../shared/metadata/diff';
import { parseCsv } from '../host/csv';
import { fetchDemoMetadata } from './demo';
import { runCli } from '../cli/runCli';

let work: string;
let home: string;

const cli = (args: string[]) => runCli(['metadata', 'diff', ...args], { home, cwd: work });

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'rw-mdiff-work-'));
  home = mkdtempSync(path.join(tmpdir(), 'rw-mdiff-home-'));
  const saved = await fetchDemoMetadata();
  writeFileSync(path.join(work, 'rets15.xml'), saved.rets15);
  writeFileSync(path.join(work, 'rets18.xml'), saved.rets18);
  writeFileSync(path.join(work, 'webapi.xml'), saved.webApi);
  // The first LIST_41 row is Property:RES's: the edited copy lacks that one field.
  const lines = saved.rets18.split('\n');
  const at = lines.findIndex((l) => l.includes('\tLIST_41\t'));
  lines.splice(at, 1);
  writeFileSync(path.join(work, 'edited.xml'), lines.join('\n'));
  writeFileSync(path.join(work, 'notes.txt'), 'not metadata at all\n');
}, 120_000);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

describe('rets-workbench metadata diff', { timeout: 180_000 }, () => {
  it('exit 0 when two saved versions describe the same metadata', async () => {
    const r = await cli(['rets15.xml', 'rets18.xml']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^The same: rets15\.xml and rets18\.xml \(\d+ fields compared\)\.\n$/);
  });

  it('exit 1 with the differences as JSON, and the CSV file written', async () => {
    const r = await cli(['rets18.xml', 'edited.xml', '--json', '--csv', 'diff.csv']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout) as MetadataDiff;
    expect(d.same).toBe(false);
    expect(d.fields.removed).toEqual([{ resource: 'Property', class: 'RES', field: 'LIST_41' }]);
    expect(d.fields.changed).toEqual([]);
    expect(parseCsv(readFileSync(path.join(work, 'diff.csv'), 'utf8'))).toEqual([
      ['kind', 'change', 'resource', 'group', 'name', 'a', 'b', 'reason'],
      ['field', 'removed', 'Property', 'RES', 'LIST_41', '', '', ''],
    ]);
  });

  it("a profile's current metadata against a Web API $metadata: exit 1, Markdown aligned by standard name", async () => {
    const r = await cli(['profile:demo', 'webapi.xml', '--markdown']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('# Metadata diff: profile:demo → webapi.xml');
    expect(r.stdout).toContain('Aligned as two servers (fields by StandardName, then names)');
    expect(r.stdout).toContain('| value | renamed | Property | STATUS → StandardStatus | Active Under Contract | AC = Active Under Contract | ActiveUnderContract = Active Under Contract | same long value, new code |');
  });

  it("a Web API profile's $metadata: the built-in demo-webapi against its EnumType flavour saved", async () => {
    const r = await cli(['profile:demo-webapi', 'webapi.xml', '--json']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout) as MetadataDiff;
    expect(d.pairs.find((p) => p.a === 'ListPrice')).toMatchObject({ resource: 'Property', b: 'ListPrice' });
    expect(d.notes[0]).toMatch(/^A is a Web API \$metadata naming \d+ lookups whose values are rows of its Lookup entity set/);
  });

  it('exit 2 when a side is not metadata, or the arguments are wrong', async () => {
    const bad = await cli(['rets18.xml', 'notes.txt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('notes.txt is not RETS metadata nor a Web API $metadata');
    const version = await cli(['profile:demo@01.00.0001', 'rets18.xml']);
    expect(version.code).toBe(2);
    // The profile:demo diff above kept what it fetched, as the app would have.
    expect(version.stderr).toContain('Profile "demo" has no kept version "01.00.0001". Kept: 01.72.10042');
  });
});
