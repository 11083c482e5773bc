// The wildcard storm: `(L_Address=*?*?…*Q)` OR'ed ten times, sent with the public demo login,
// once held the Demo MLS for tens of seconds (minutes with a few more stars), because each `*`
// became a backtracking `.*`. The server runs as users run it (`demo-mls`, its own process), so a
// storm shows as a request that does not answer within a generous bound, not as a frozen test.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, replyCode } from './helpers';

const root = join(__dirname, '..', '..');
let child: ChildProcess;
let baseUrl: string;
let cookie: string;

beforeAll(async () => {
  child = spawn(process.execPath, [join(root, 'bin', 'rets-workbench.cjs'), 'demo-mls', '--port', '0', '--listings', '2000', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`demo-mls exited with ${code}`)));
  });
  const { loginUrl } = JSON.parse(first) as { loginUrl: string };
  baseUrl = new URL(loginUrl).origin;
  const res = await fetch(loginUrl, { headers: { Authorization: basic('demo', 'demo') } });
  await res.arrayBuffer();
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
}, 60_000);
afterAll(() => { if (child.exitCode === null) child.kill('SIGKILL'); });

/** A search that gives up after a generous bound: it catches a storm, it does not time speed. */
async function search(query: string, count: string): Promise<string> {
  const q = new URLSearchParams({ SearchType: 'Property', Class: 'ALL', Query: query, Format: 'COMPACT', Count: count, Limit: '5' });
  const res = await fetch(`${baseUrl}/rets/search?${q}`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(30_000) });
  return res.text();
}
const records = (text: string) => Number(/Records="(\d+)"/.exec(text)?.[1] ?? NaN);

describe('Demo MLS: hostile wildcards', () => {
  it('ten OR-ed `*?*?…*Q` patterns answer: no address ends in Q', { timeout: 60_000 }, async () => {
    const one = `(L_Address=${'*?'.repeat(12)}*Q)`;
    const text = await search(Array.from({ length: 10 }, () => one).join('|'), '1');
    expect(replyCode(text)).toBe(20201);
  });

  it('a starred pattern that can match finds the rows the plain one does', { timeout: 60_000 }, async () => {
    const plain = records(await search('(L_Address=*Unit*)', '2'));
    expect(plain).toBeGreaterThan(0);
    expect(records(await search(`(L_Address=${'?*'.repeat(8)}Unit*)`, '2'))).toBe(plain);
  });
});
