// The Web API form of the server commands (search, metadata, objects), run as a user runs them:
// `rets-workbench` subprocesses against a Demo MLS's Web API over HTTP, secrets from RESO_*
// variables, exit codes 0 / 1 / 2 / 130, and no file under the final name after Ctrl+C. What the
// CLI writes is compared with what a direct query of the same Demo returns.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMls, type DemoMls } from '../../electron/demo';
import { ODataSession } from '../../electron/odata/session';
import type { QueryOptions } from '../../electron/odata/types';
import { parseCsv } from '../host/csv';
import { UsageError } from '../../electron/cli/args';
import { webApiFlags } from '../../electron/cli/webApiConnection';
import { ProfileStore } from '../../electron/host/profiles';
import { SecretStore } from '../../electron/host/secrets';
import { dataLayout } from '../../electron/host/paths';
import { interruptExport, runCli } from './runCli';

let demo: DemoMls;
let home: string;
let work: string;

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { home, cwd: work, env });

/** Client credentials by hand, as an integrator types them. */
const byHand = (clientId = 'demo-client') => ['--service-root', demo.webApi.serviceRoot, '--token-url', demo.webApi.tokenUrl, '--client-id', clientId, '--scope', 'api'];
const secret = { RESO_CLIENT_SECRET: 'demo-secret' };

function session(): ODataSession {
  return new ODataSession({ serviceRoot: demo.webApi.serviceRoot, auth: { kind: 'client-credentials', tokenUrl: demo.webApi.tokenUrl, clientId: 'demo-client', clientSecret: 'demo-secret', scope: 'api' } });
}

/** The rows a direct query returns, as text in `columns` order. */
async function direct(entitySet: string, o: QueryOptions, columns: readonly string[]): Promise<string[][]> {
  const s = session();
  const rows: string[][] = [];
  try {
    for await (const e of s.query(entitySet, o)) {
      if (e.kind !== 'rows') continue;
      const at = columns.map((c) => e.batch.columns.indexOf(c));
      for (let i = 0; i < e.batch.length; i++) rows.push(at.map((c) => (c < 0 ? '' : e.batch.get(i, c))));
    }
  } finally {
    await s.close();
  }
  return rows;
}

beforeAll(async () => {
  demo = await startDemoMls({ listings: 300 });
  home = mkdtempSync(path.join(tmpdir(), 'rw-webapi-home-'));
  work = mkdtempSync(path.join(tmpdir(), 'rw-webapi-work-'));
});
afterAll(async () => {
  await demo.close();
  rmSync(home, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('rets-workbench search (Web API)', { timeout: 180_000 }, () => {
  it('writes --top rows across pages to CSV with --select/--orderby, equal to a direct query', async () => {
    const out = path.join(work, 'priced.csv');
    const select = ['ListingKey', 'ListPrice', 'City', 'StandardStatus'];
    const filter = 'ListPrice gt 100000';
    const r = await cli(['search', 'Property', filter, '--select', select.join(','), '--orderby', 'ListPrice desc,ListingKey', '--top', '120', '--page-size', '50', '--count', '--csv', out, '--json', ...byHand()], secret);
    expect(r.stderr).not.toContain('demo-secret');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { rows: number; pages: number; count: number; file: string };
    expect(summary).toMatchObject({ rows: 120, pages: 3, file: out });
    expect(summary.count).toBeGreaterThan(120);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(select);
    const expected = await direct('Property', { filter, select, orderby: 'ListPrice desc,ListingKey', top: 120 }, select);
    expect(rows.slice(1)).toEqual(expected);
    const prices = rows.slice(1).map((row) => Number(row[1]));
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes JSON Lines with an expanded Media array as JSON, through the Demo profile', async () => {
    const out = path.join(work, 'media.jsonl');
    const r = await cli(['search', 'Property', "StandardStatus eq 'Active'", '--select', 'ListingKey,ListPrice', '--expand', 'Media', '--top', '5', '--jsonl', out, '--profile', 'demo-webapi']);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { ListPrice: unknown; Media: { MediaURL?: string }[] });
    expect(lines).toHaveLength(5);
    expect(Object.keys(lines[0]!)).toEqual(['ListingKey', 'ListPrice', 'Media']);
    expect(typeof lines[0]!.ListPrice).toBe('number');
    const media = lines.map((l) => l.Media);
    expect(media.some((m) => m.length > 0 && typeof m[0]!.MediaURL === 'string')).toBe(true);
  });

  it('a wrong client secret exits 1 with the OAuth error in words, and the secret is not echoed', async () => {
    const r = await cli(['search', 'Property', '', ...byHand()], { RESO_CLIENT_SECRET: 'not-the-secret-42' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('invalid_client');
    expect(r.stderr).not.toContain('not-the-secret-42');
  });

  it('refuses secrets on the command line (exit 2) before connecting', async () => {
    const a = await cli(['search', 'Property', '', ...byHand(), '--client-secret=demo-secret']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--client-secret is not accepted');
    expect(a.stderr).toContain('RESO_CLIENT_SECRET');
    const b = await cli(['metadata', '--service-root', demo.webApi.serviceRoot, '--token', 'demo-static-token']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--token is not accepted');
    const help = await cli(['search', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('search RESOURCE CLASS QUERY');
    expect(help.stdout).toContain('search ENTITYSET FILTER');
    expect(help.stdout).toContain('--service-root URL');
  });

  it('Ctrl+C mid-export exits 130 and leaves no file under the final name, nor its temp file', async () => {
    const out = path.join(work, 'slow.csv');
    const r = await interruptExport(['search', 'Property', '', '--csv', out, '--page-size', '20', ...byHand('slow-client')], out, { home, cwd: work, env: secret });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((f) => f.startsWith('.slow.csv.'))).toEqual([]);
  });
});

describe('rets-workbench metadata and objects (Web API)', { timeout: 180_000 }, () => {
  it('metadata --out saves $metadata as the server sent it and summarizes the entity sets', async () => {
    const out = path.join(work, 'metadata.xml');
    const r = await cli(['metadata', '--out', out, '--json', ...byHand()], secret);
    expect(r.code).toBe(0);
    const s = session();
    const md = await s.metadata().finally(() => s.close());
    expect(readFileSync(out, 'utf8')).toBe(md.text);
    const summary = JSON.parse(r.stdout) as { entitySets: { name: string; key: string[]; properties: number }[]; file: string };
    expect(summary.file).toBe(out);
    const property = summary.entitySets.find((e) => e.name === 'Property');
    expect(property?.key).toEqual(['ListingKey']);
    expect(property?.properties).toBe(md.model.resources.find((x) => x.id === 'Property')!.classes[0]!.fields.length);
    expect(summary.entitySets.map((e) => e.name)).toEqual(expect.arrayContaining(['Property', 'Member', 'Office', 'OpenHouse', 'Media', 'Lookup']));
  });

  it("objects saves a record's Media images under the --name pattern, through a saved Web API profile", async () => {
    // A Web API profile saved by the host's store; no keychain here, so the secret comes from RESO_CLIENT_SECRET.
    const layout = dataLayout(home);
    await new ProfileStore(layout.profiles, new SecretStore({ disableKeychain: true })).create({
      name: 'My MLS (Web API)', type: 'webapi', loginUrl: demo.webApi.serviceRoot, username: '',
      webApi: { auth: 'client-credentials', tokenUrl: demo.webApi.tokenUrl, clientId: 'demo-client', scope: 'api' },
    });
    const s = session();
    let key = '';
    let count = 0;
    try {
      for await (const e of s.query('Media', { filter: "ResourceName eq 'Property'", select: ['ResourceRecordKey'], top: 1 })) if (e.kind === 'rows') key = e.batch.get(0, 0);
      count = (await s.media({ ResourceRecordKey: key, ResourceName: 'Property' })).length;
    } finally {
      await s.close();
    }
    expect(count).toBeGreaterThan(0);
    const dir = path.join(work, 'photos');
    const r = await cli(['objects', 'Property', key, '--out', dir, '--name', '{resource}-{key}-{n}.{ext}', '--json', '--profile', 'my mls (web api)'], secret);
    expect(r.code).toBe(0);
    const saved = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; contentType: string; bytes: number });
    expect(saved).toHaveLength(count);
    expect(readdirSync(dir).sort()).toEqual(saved.map((x) => path.basename(x.file)).sort());
    for (const x of saved) {
      expect(path.basename(x.file)).toMatch(new RegExp(`^Property-${key}-\\d+\\.(png|jpg)$`));
      expect(readFileSync(x.file).byteLength).toBe(x.bytes);
    }
  });
});

describe('Web API connection flags', () => {
  it('defaults --auth from the flags given and says what is missing', () => {
    expect(webApiFlags({ 'service-root': 'https://api.example/odata' })).toMatchObject({ auth: 'bearer' });
    expect(webApiFlags({ 'service-root': 'https://api.example/odata', 'token-url': 'https://id.example/token', 'client-id': 'c' })).toMatchObject({ auth: 'client-credentials' });
    expect(webApiFlags({ 'service-root': 'https://api.example/odata', 'token-url': 'https://id.example/token', 'client-id': 'c', username: 'u' })).toMatchObject({ auth: 'password' });
    expect(() => webApiFlags({ 'service-root': 'https://api.example/odata', auth: 'client-credentials' })).toThrow(/--token-url URL and --client-id/);
    expect(() => webApiFlags({ 'service-root': 'ftp://api.example/odata' })).toThrow(UsageError);
    expect(() => webApiFlags({ 'service-root': 'https://me:pw@api.example/odata' })).toThrow(/must not carry credentials/);
    expect(() => webApiFlags({ profile: 'x', 'client-id': 'c' })).toThrow(/either --profile/);
  });
});
