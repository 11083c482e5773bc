// `rets-workbench demo-mls --json` as a user or a script runs it: exactly one JSON line on stdout
// once it listens (login URL, port and the accounts with their failure modes), a server that
// answers a real login at that URL, nothing on stderr, and SIGTERM stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
let child: ChildProcess | undefined;
afterEach(() => { if (child && child.exitCode === null) child.kill('SIGKILL'); });

interface Account { username: string; password: string; userAgent: string; userAgentPassword: string; failureMode: string; description: string }
interface Info { loginUrl: string; port: number; listings: number; seed: number; accounts: Account[] }

function start(args: string[]) {
  const c = spawn(process.execPath, [join(root, 'bin', 'rets-workbench.cjs'), 'demo-mls', '--port', '0', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: c.stdout! }).on('line', (l) => stdout.push(l));
  createInterface({ input: c.stderr! }).on('line', (l) => stderr.push(l));
  const line = (lines: string[], re: RegExp) => expect.poll(() => lines.find((l) => re.test(l)), { timeout: 60_000 }).toBeDefined();
  return { c, stdout, stderr, line };
}

describe('demo-mls on the command line', () => {
  it('--json prints one line once it listens; the login URL answers; SIGTERM stops it', async () => {
    const s = start(['--listings', '300', '--json']);
    child = s.c;
    await s.line(s.stdout, /^\{/);
    const info = JSON.parse(s.stdout[0]) as Info;
    expect(info.loginUrl).toBe(`http://127.0.0.1:${info.port}/rets/login`);
    expect(info.listings).toBe(300);
    const modes = Object.fromEntries(info.accounts.map((a) => [a.username, a.failureMode]));
    expect(modes.demo).toBe('none');
    expect(Object.values(modes)).toEqual(expect.arrayContaining(['ip-whitelist', 'user-agent', 'bad-password', 'rate-limit', 'slow', 'drop-connection', 'session-timeout', 'flaky-photos', 'rets-1.5-only', 'html-error']));
    for (const a of info.accounts) expect(Object.keys(a).sort()).toEqual(['description', 'failureMode', 'password', 'retsVersion', 'userAgent', 'userAgentPassword', 'username']);

    const demo = info.accounts.find((a) => a.username === 'demo')!;
    const login = await fetch(info.loginUrl, { headers: { Authorization: `Basic ${Buffer.from(`demo:${demo.password}`).toString('base64')}`, 'User-Agent': 'CliTest/1.0', 'RETS-Version': 'RETS/1.7.2' } });
    expect(login.status).toBe(200);
    expect(await login.text()).toMatch(/<RETS ReplyCode="0"[\s\S]*Search=/);

    s.c.kill('SIGTERM');
    const [code] = (await once(s.c, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(s.stdout).toHaveLength(1); // nothing else on stdout: scripts read one JSON line
    expect(s.stderr).toEqual([]);
  }, 90_000);

  it('refuses a bad option with the usage and exit code 2', async () => {
    const s = start(['--listings', 'many']);
    child = s.c;
    const [code] = (await once(s.c, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(s.stderr[0]).toBe('rets-workbench demo-mls: --listings must be a whole number from 0 to 1000000 (got "many").');
    expect(s.stderr.join('\n')).toContain('usage: rets-workbench demo-mls');
  }, 30_000);

  it('has no encoder-thread option any more: --encode-workers is refused as unknown', async () => {
    const s = start(['--encode-workers', '1']);
    child = s.c;
    const [code] = (await once(s.c, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(s.stderr[0]).toBe("rets-workbench demo-mls: Unknown option '--encode-workers'.");
    expect(s.stderr.slice(1).join('\n')).not.toContain('encode'); // the usage offers no such option
  }, 30_000);
});
