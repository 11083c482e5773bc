// `rets-workbench demo-mls --json` tells scripts about the Web API too: the service roots, the token
// URL and every account with its credentials, which work against the server it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebApiInfo } from '../../electron/demo/index';
import { request } from './helpers';

const root = join(__dirname, '..', '..');
let child: ChildProcess | undefined;
afterEach(() => { if (child && child.exitCode === null) child.kill('SIGKILL'); });

describe('demo-mls --json and the Web API', () => {
  it('prints the service roots, token URL and credentials that work', async () => {
    child = spawn(process.execPath, [join(root, 'bin', 'rets-workbench.cjs'), 'demo-mls', '--port', '0', '--listings', '200', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (l) => lines.push(l));
    await expect.poll(() => lines[0], { timeout: 60_000 }).toBeDefined();
    const info = (JSON.parse(lines[0]) as { port: number; webApi: WebApiInfo }).webApi;
    const base = `http://127.0.0.1:${(JSON.parse(lines[0]) as { port: number }).port}`;
    expect(info).toMatchObject({ serviceRoot: `${base}/reso/odata`, enumServiceRoot: `${base}/reso/odata-enum`, tokenUrl: `${base}/reso/oauth2/token`, scope: 'api' });
    const modes = info.clients.map((a) => a.failureMode);
    expect(modes).toEqual(expect.arrayContaining(['none', 'short-token', 'rate-limit', 'slow', 'drop-connection', 'json-metadata', 'string-count', 'top-as-page-size', 'filter-limit', 'rotated-secret', 'no-api-scope', 'password-grant-only', 'expired-token', 'bad-password']));

    const client = info.clients.find((a) => a.kind === 'client' && a.failureMode === 'none')!;
    const user = info.clients.find((a) => a.kind === 'user' && a.failureMode === 'none')!;
    const token = await request(info.tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'password', client_id: client.clientId!, client_secret: client.clientSecret!, username: user.username!, password: user.password! }) });
    expect(token.status).toBe(200);
    const page = await request(`${info.serviceRoot}/Property?$top=2&$count=true`, { headers: { Authorization: `Bearer ${token.body.access_token as string}` } });
    expect(page.body['@odata.count']).toBe(200);
    const fixed = info.clients.find((a) => a.kind === 'token' && a.failureMode === 'none')!;
    expect((await request(`${info.enumServiceRoot}/Member?$top=1`, { headers: { Authorization: `Bearer ${fixed.token!}` } })).status).toBe(200);

    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  }, 90_000);
});
