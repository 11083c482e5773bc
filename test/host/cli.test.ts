// `rets-workbench serve --json` as a user runs it: one JSON line once it listens, the URL with
// its token opens the workbench (the token moves into a cookie), the Demo MLS is ready, and
// SIGTERM stops it.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { UsageError } from '../../electron/cli/args';
import { parseServeArgs } from '../../electron/cli/serve';
import { electronMissingReason } from '../../electron/cli/start';
import { api, httpRequest, openEvents } from './httpHelpers';

const root = join(__dirname, '..', '..');
let child: ChildProcess | undefined;
let dir: string | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function firstLine(c: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: c.stdout! });
    rl.once('line', (line) => { rl.close(); resolve(line); });
    c.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

describe('serve', () => {
  it('prints one JSON line with the URL and token, serves the API with the Demo MLS, and stops on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'rw-cli-'));
    child = spawn(process.execPath, [join(root, 'bin', 'rets-workbench.cjs'), 'serve', '--json', '--port', '0', '--data', dir], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'disabled:' },
    });
    const info = JSON.parse(await firstLine(child)) as { url: string; token: string; port: number; demoLoginUrl: string; dataDir: string };
    expect(info.url).toBe(`http://127.0.0.1:${info.port}/?token=${encodeURIComponent(info.token)}`);
    expect(info.token.length).toBeGreaterThanOrEqual(24);
    expect(info.dataDir).toBe(dir);
    const open = await httpRequest(info.port, { path: `/?token=${encodeURIComponent(info.token)}` });
    expect(open.status).toBe(303);
    const list = await api(info.port, info.token, 'profiles.list', {});
    expect((list.json() as { data: { profiles: { name: string; loginUrl: string }[] } }).data.profiles[0]).toMatchObject({ name: 'Demo MLS (RETS)', loginUrl: info.demoLoginUrl });

    // Browser-mode export: the file is made on the host and downloaded with the token cookie.
    const events = await openEvents(info.port, '/api/events', { cookie: `rw_token=${encodeURIComponent(info.token)}` });
    await api(info.port, info.token, 'export.start', {
      operationId: 'cli-export', profileId: 'demo', resource: 'Property', class: 'RES', query: '(L_ListPrice=300000-310000)',
      select: ['L_ListingKey', 'L_ListPrice'], destination: { kind: 'download', fileName: 'listings.csv' },
    });
    const done = await events.next((e) => (e as { type: string; operationId?: string }).operationId === 'cli-export' && /\.(done|error)$/.test((e as { type: string }).type), 20_000) as { type: string; downloadUrl: string; rows: number };
    events.close();
    expect(done.type).toBe('export.done');
    const file = await httpRequest(info.port, { path: done.downloadUrl, headers: { cookie: `rw_token=${encodeURIComponent(info.token)}` } });
    expect(file.headers['content-disposition']).toContain('listings.csv');
    const lines = file.body.trim().split('\r\n');
    expect(lines[0]).toBe('L_ListingKey,L_ListPrice');
    expect(lines.length - 1).toBe(done.rows);
    expect((await httpRequest(info.port, { path: done.downloadUrl })).status).toBe(401);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('parses its options and refuses bad ones', () => {
    expect(parseServeArgs(['--port', '8080', '--json'])).toEqual({ port: 8080, json: true, demo: true });
    expect(parseServeArgs(['--port=0', '--no-demo', '--data', '/tmp/x'])).toEqual({ port: 0, json: false, demo: false, dataDir: '/tmp/x' });
    expect(parseServeArgs(['--help'])).toBeUndefined();
    expect(() => parseServeArgs(['--port', 'abc'])).toThrow('--port must be a whole number from 0 to 65535 (got "abc").');
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(UsageError);
    expect(() => parseServeArgs(['--bogus'])).toThrow("Unknown option '--bogus'.");
    expect(() => parseServeArgs(['--data'])).toThrow(UsageError);
    expect(() => parseServeArgs(['here'])).toThrow("Unexpected argument 'here'");
  });
});

describe('start', () => {
  it('explains why Electron cannot start on this machine (no binary downloaded)', () => {
    expect(electronMissingReason()).toMatch(/binary|display/);
  });
});
