// The commands that talk to a server (search, metadata, objects, profiles), run as a user runs
// them: `rets-workbench` subprocesses against a Demo MLS over HTTP, passwords from RETS_PASSWORD or
// stdin, exit codes 0 / 1 / 2 / 130, and no file under the final name after Ctrl+C.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMls, type DemoMls } from '../../electron/demo';
import { RetsSession } from '../../electron/rets/session';
import { DEFAULT_SETTINGS } from '../../electron/rets/types';
import { parseCsv as parse } from '../host/csv';
import { interruptExport, runCli } from './runCli';

let demo: DemoMls;
let home: string;
let work: string;
/** A listing with several photos. */
let photoKey: string;

const cli = (args: string[], opts: { env?: Record<string, string>; stdin?: string } = {}) => runCli(args, { home, cwd: work, ...opts });

const byHand = () => ['--url', demo.loginUrl, '--user', 'demo'];
const pw = { env: { RETS_PASSWORD: 'demo' } };

beforeAll(async () => {
  demo = await startDemoMls({ listings: 300 });
  home = mkdtempSync(path.join(tmpdir(), 'rw-cli-home-'));
  work = mkdtempSync(path.join(tmpdir(), 'rw-cli-work-'));
  const session = new RetsSession({ ...DEFAULT_SETTINGS, loginUrl: demo.loginUrl, username: 'demo', password: 'demo' });
  await session.login();
  for await (const ev of session.search({ resource: 'Property', class: 'RES', query: '(L_PictureCount=3+)', select: ['L_ListingKey'], limit: 1 })) {
    if (ev.kind === 'rows') photoKey = ev.batch.get(0, 0);
  }
  await session.close();
});
afterAll(async () => {
  await demo.close();
  rmSync(home, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('rets-workbench search', { timeout: 180_000 }, () => {
  it('writes every matching row to CSV with the chosen header names and says how many', async () => {
    const out = path.join(work, 'active.csv');
    const r = await cli(['search', 'Property', 'RES', '(L_Status=|A)', '--select', 'L_ListingKey,L_Status,L_ListPrice', '--csv', out, '--header', 'LongName', '--json', ...byHand()], pw);
    expect(r.stderr).not.toContain('demo:demo');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { rows: number; count: number; file: string };
    expect(summary.file).toBe(out);
    const rows = parse(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['Listing Key', 'Status', 'List Price']);
    expect(rows.length - 1).toBe(summary.rows);
    expect(summary.rows).toBe(summary.count);
    expect(summary.rows).toBeGreaterThan(0);
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(['Active']));
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints CSV when stdout is a pipe, 100 rows by default, and JSON Lines to a file', async () => {
    const piped = await cli(['search', 'Property', 'RES', '(L_ListPrice=0+)', '--select', 'L_ListingKey,L_City', '--profile', 'Demo MLS (RETS)']);
    expect(piped.code).toBe(0);
    const rows = parse(piped.stdout);
    expect(rows[0]).toEqual(['L_ListingKey', 'L_City']);
    expect(rows.length).toBe(101);

    const out = path.join(work, 'rows.jsonl');
    const r = await cli(['search', 'Property', 'RES', '(L_ListPrice=0+)', '--select', 'L_ListingKey,L_City', '--limit', '7', '--jsonl', out, ...byHand()], pw);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines).toHaveLength(7);
    expect(Object.keys(lines[0]!)).toEqual(['L_ListingKey', 'L_City']);
  });

  it('a search with no records is done (exit 0, 0 rows); a refused one exits 1 with the server words', async () => {
    const none = await cli(['search', 'Property', 'RES', '(L_ListPrice=1-2)', ...byHand()], pw);
    expect(none.code).toBe(0);
    expect(none.stdout.trim()).toBe('');
    const bad = await cli(['search', 'Property', 'RES', '(L_Status=|A)', '--select', 'NoSuchField', ...byHand()], pw);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('20202');
    expect(bad.stderr).toContain('NoSuchField');
  });

  it('Ctrl+C mid-export exits 130 and leaves no file under the final name, nor its temp file', async () => {
    const out = path.join(work, 'slow.csv');
    const r = await interruptExport(['search', 'Property', 'ALL', '(L_ListPrice=0+)', '--csv', out, '--url', demo.loginUrl, '--user', 'slow'], out, { home, cwd: work, env: { RETS_PASSWORD: 'demo' } });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((f) => f.startsWith('.slow.csv.'))).toEqual([]);
  });
});

describe('rets-workbench metadata and objects', { timeout: 180_000 }, () => {
  it('saves the metadata as the server sent it and summarizes it', async () => {
    const out = path.join(work, 'md.xml');
    const r = await cli(['metadata', '--out', out, '--json', ...byHand()], pw);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { format: string; bytes: number; resources: { id: string; classes: { name: string; fields: number }[] }[] };
    expect(s.format).toBe('COMPACT');
    expect(readFileSync(out).length).toBe(s.bytes);
    expect(readFileSync(out, 'utf8')).toContain('<METADATA-SYSTEM');
    const property = s.resources.find((x) => x.id === 'Property')!;
    expect(property.classes.map((c) => c.name)).toContain('RES');
    expect(property.classes.every((c) => c.fields > 0)).toBe(true);

    const one = await cli(['metadata', '--type', 'LOOKUP_TYPE', '--id', 'Property:*', ...byHand()], pw);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('COMPACT');
  });

  it('saves a record’s photos under the name pattern and lists their URLs with --location', async () => {
    const dir = path.join(work, 'photos');
    const key = photoKey;
    const r = await cli(['objects', 'Property', 'Photo', key, '--out', dir, '--name', 'house-{key}-{n}.{ext}', '--json', ...byHand()], pw);
    expect(r.code).toBe(0);
    const saved = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; bytes: number; contentType: string });
    expect(saved.length).toBeGreaterThan(1);
    for (const o of saved) {
      expect(path.basename(o.file)).toMatch(new RegExp(`^house-${key}-\\d+\\.png$`));
      expect(readFileSync(o.file).subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(readFileSync(o.file).length).toBe(o.bytes);
    }
    const loc = await cli(['objects', 'Property', 'Photo', `${key}:1`, '--location', ...byHand()], pw);
    expect(loc.code).toBe(0);
    expect(loc.stdout).toMatch(new RegExp(`^${key}:1\\thttp://127\\.0\\.0\\.1:\\d+/`));
  });
});

describe('rets-workbench profiles', { timeout: 180_000 }, () => {
  it('adds a profile with the secret from stdin, shows it without the secret, runs a search with it, removes it', async () => {
    const secret = 'demo';
    const add = await cli(['profiles', 'add', 'Acme MLS', '--url', demo.loginUrl, '--user', 'demo', '--password-stdin'], { stdin: `${secret}\n` });
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('Added "Acme MLS"');
    // No keychain in this test process: the CLI says the secret was not kept.
    expect(add.stderr).toContain('RETS_PASSWORD');

    const show = await cli(['profiles', 'show', 'acme mls', '--json']);
    expect(show.code).toBe(0);
    const p = JSON.parse(show.stdout) as Record<string, unknown>;
    expect(p.name).toBe('Acme MLS');
    expect(JSON.stringify(p)).not.toContain('"password"');

    const search = await cli(['search', 'Property', 'RES', '(L_Status=|A)', '--limit', '2', '--profile', 'ACME MLS'], pw);
    expect(search.code).toBe(0);
    expect((parse(search.stdout)).length).toBe(3);

    const missing = await cli(['search', 'Property', 'RES', '(L_Status=|A)', '--profile', 'Nope'], pw);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No profile named "Nope". Profiles: "Acme MLS", and "demo".');

    const rm = await cli(['profiles', 'remove', 'Acme MLS']);
    expect(rm.code).toBe(0);
    const list = await cli(['profiles', 'list']);
    expect(list.stdout).toBe('No saved profiles.\n');
  });
});

describe('usage', { timeout: 180_000 }, () => {
  it('--help works on every command; unknown flags, missing arguments and passwords on argv exit 2', async () => {
    for (const cmd of ['search', 'metadata', 'objects', 'profiles', 'doctor', 'dmql', 'inspect', 'serve', 'start', 'demo-mls', 'version']) {
      const r = await cli([cmd, '--help']);
      expect([cmd, r.code]).toEqual([cmd, 0]);
      expect(r.stdout).toMatch(/usage:\s+rets-workbench/);
    }
    const missing = await cli(['search', 'Property', 'RES', ...byHand()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Give RESOURCE CLASS QUERY.');
    const pass = await cli(['search', 'Property', 'RES', 'q', ...byHand(), '--password', 'x']);
    expect(pass.code).toBe(2);
    expect(pass.stderr).toContain('secrets never go on the command line');
    const unknown = await cli(['objects', 'Property', 'Photo', '1', '--verbose', ...byHand()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--verbose'.");
  });
});
