// Demo MLS benchmark, for information only: data generation time, and the whole-table search
// (Property:ALL, all fields, COMPACT, Limit=NONE) at 10,000 and 200,000 listings, first and
// repeated, streamed over HTTP on 127.0.0.1. The server runs in its own process
// (`rets-workbench demo-mls --json`), as it does beside the app; curl reads the reply (next to no
// client CPU on this 2-core machine), or node:http where curl is missing. Server CPU is read from
// /proc (Linux).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildCatalog } from '../../electron/demo/catalog';
import { cpuSeconds } from './clientProcess';
import { createDataset } from '../../electron/demo/dataset';
import { buildMetadata } from '../../electron/demo/metadataModel';

const ALL = 'SearchType=Property&Class=ALL&Query=(L_ListPrice=0%2B)&Format=COMPACT&Limit=NONE';

function generation(n: number): number {
  const t = performance.now();
  buildMetadata(buildCatalog(createDataset(n, 1), () => ''));
  return performance.now() - t;
}

const hasCurl = (): boolean => {
  try { return spawnSync('curl', ['--version']).status === 0; } catch { return false; }
};

/** Reads the reply with curl into /dev/null: the server's rate, with next to no client CPU. */
function curlSearch(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const c = spawn('curl', ['-s', '-o', '/dev/null', '-w', '%{size_download}', '-H', `Cookie: ${cookie}`, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    c.on('error', reject);
    c.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`curl exited with ${code}`))));
  });
}

/** Reads the reply with node:http, only counting bytes. */
function nodeSearch(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { Cookie: cookie } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => { bytes += chunk.length; });
      res.on('end', () => resolve(bytes));
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function searches(listings: number, curl: boolean): Promise<void> {
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'rets-workbench.cjs'), 'demo-mls', '--port', '0', '--listings', String(listings), '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const { loginUrl } = JSON.parse(line) as { loginUrl: string };
    const login = await fetch(loginUrl, { headers: { Authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}` } });
    await login.text();
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const url = `${loginUrl.replace(/\/rets\/login$/, '')}/rets/search?${ALL}`;
    for (const label of ['first', 'repeated']) {
      const cpu0 = cpuSeconds(child.pid!);
      const t = performance.now();
      const bytes = await (curl ? curlSearch : nodeSearch)(url, cookie);
      const ms = performance.now() - t;
      const cpu = cpuSeconds(child.pid!) - cpu0;
      const mb = bytes / 1e6;
      console.log(`search ${listings.toLocaleString('en-US')} listings, all fields (${label}): ${mb.toFixed(1)} MB in ${ms.toFixed(0)} ms = ${(mb / (ms / 1000)).toFixed(1)} MB/s, ${Math.round(listings / (ms / 1000)).toLocaleString('en-US')} rows/s; server CPU ${cpu.toFixed(2)} s`);
    }
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

async function main(): Promise<void> {
  generation(1000); // warm up the JIT
  console.log(`generation  10,000 listings: ${generation(10_000).toFixed(0)} ms`);
  console.log(`generation 200,000 listings: ${generation(200_000).toFixed(0)} ms`);
  const curl = hasCurl();
  console.log(`searches read by ${curl ? 'curl' : 'node:http (curl not found)'}`);
  await searches(10_000, curl);
  await searches(200_000, curl);
  console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${availableParallelism()} cores`);
}

void main();
