// The command line as a user installs it without the repository: `npm pack` (its prepack builds
// the CLI bundle and the renderer), `npm install -g` of the tarball into a temp prefix, then the
// installed `rets-workbench` runs plain JavaScript: --help, inspect on a recorded response, a
// search against its own Demo MLS, and serve with the renderer.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../samples/paths';

const root = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'rw-pack-'));
const prefix = join(work, 'prefix');
const installed = join(prefix, 'bin', 'rets-workbench');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20, timeout: 300_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

// Outside the clone, with no RETS_WORKBENCH_CLI, so only the tarball's files can answer.
const userEnv = () => ({ RETS_WORKBENCH_CLI: '', RETS_WORKBENCH_HOME: join(work, 'home'), DBUS_SESSION_BUS_ADDRESS: 'disabled:' });

beforeAll(async () => {
  const pack = await run(npm, ['pack', '--pack-destination', work], root);
  expect(pack.code, pack.stderr).toBe(0);
  const tgz = readdirSync(work).find((f) => /^rets-workbench-.*\.tgz$/.test(f));
  expect(tgz).toBeDefined();
  const install = await run(npm, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(work, tgz!)], work);
  expect(install.code, install.stderr).toBe(0);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the installed package', () => {
  it('holds the bundle, the renderer and no TypeScript sources', () => {
    const pkg = join(prefix, 'lib', 'node_modules', 'rets-workbench');
    expect(existsSync(join(pkg, 'dist', 'cli', 'main.mjs'))).toBe(true);
    expect(existsSync(join(pkg, 'dist', 'renderer', 'index.html'))).toBe(true);
    expect(existsSync(join(pkg, 'electron'))).toBe(false);
    expect(existsSync(join(pkg, 'node_modules', 'tsx'))).toBe(false);
  });

  it('runs --help, inspect on a recorded response and a search against its own Demo MLS', async () => {
    const help = await run(installed, ['--help'], work, userEnv());
    expect(help.code).toBe(0);
    for (const cmd of ['search', 'metadata', 'objects', 'profiles', 'doctor', 'inspect', 'dmql', 'serve', 'demo-mls']) expect(help.stdout).toContain(`  ${cmd}`);

    const login = join(SAMPLES_DIR, 'troydavisson__PHRETS/tests/Integration/Fixtures/Http/get/retsgw.flexmls.com/rets2_1_Login/aaae3d614d1660701f3d7508efb11004.txt');
    const inspect = await run(installed, ['inspect', login, '--kind', 'login'], work, userEnv());
    expect(inspect.code, inspect.stderr).toBe(0);
    expect(JSON.parse(inspect.stdout).replyCode).toBe(0);

    const search = await run(installed, ['search', 'Property', 'RES', '(L_Status=|A)', '--limit', '2', '--select', 'L_ListingKey,L_Status', '--profile', 'demo'], work, userEnv());
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout.trim().split('\r\n')).toEqual(['L_ListingKey,L_Status', expect.stringMatching(/^\d+,Active$/), expect.stringMatching(/^\d+,Active$/)]);
  });

  it('serves browser mode with the renderer', async () => {
    const child = spawn(installed, ['serve', '--json', '--port', '0', '--data', join(work, 'data')], { cwd: work, env: { ...process.env, ...userEnv() } });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const info = JSON.parse(line) as { url: string; baseUrl: string; rendererBuilt: boolean };
      expect(info.rendererBuilt).toBe(true);
      // The token moves from the URL into a cookie, then the page loads with it.
      const first = await fetch(info.url, { redirect: 'manual' });
      expect(first.status).toBe(303);
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
      const page = await fetch(info.baseUrl, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
