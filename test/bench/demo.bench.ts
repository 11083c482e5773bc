// Demo MLS benchmark: data generation time (10,000 and 200,000 listings) and a 200,000-row search
// streamed over HTTP on 127.0.0.1 (Property:ALL, COMPACT, Limit=NONE), in MB/s against the issue's
// goal of 100 MB/s. The server runs in its own process (`rets-workbench demo-mls --json`), as it
// does beside the app; its encoder threads (one per core) encode the rows, and server CPU counts
// all its threads. The goal figure is the first all-fields search read by curl, which needs
// ~0.06 s of CPU for it: on this 2-core machine a Node client (0.6-0.8 s of CPU just to take in
// 166 MB through node:http) takes the CPU the server's encoder threads need, so the rate it sees
// is the machine's, not the server's. The Node client's figures are printed too. Each search runs
// twice (the server keeps no formatted rows by default, so the repeat shows the spread).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildCatalog } from '../../electron/demo/catalog';
import { createDataset } from '../../electron/demo/dataset';
import { buildMetadata } from '../../electron/demo/metadataModel';

const GOAL_MBPS = 100;

function generation(n: number): number {
  const t = performance.now();
  const catalog = buildCatalog(createDataset(n, 1), () => '');
  buildMetadata(catalog);
  return performance.now() - t;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** CPU seconds of the process's main thread (the task whose id is the pid) and of all its other
 * threads (encoder workers, V8's helpers, libuv), from /proc (Linux); NaN elsewhere. */
function threadCpu(pid: number): { main: number; others: number } {
  try {
    let main = 0;
    let others = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const s = (Number(f[11]) + Number(f[12])) / 100;
      if (tid === String(pid)) main += s; else others += s;
    }
    return { main, others };
  } catch {
    return { main: NaN, others: NaN };
  }
}

/** Peak resident memory of a process in MB, from /proc (Linux); NaN elsewhere. */
function peakMb(pid: number): number {
  try {
    const m = /VmHWM:\s*(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Reads the reply with curl into /dev/null: the server's rate, with next to no client CPU. */
function curlSearch(base: string, cookie: string, query: string): Promise<{ bytes: number; rows: number; ms: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const c = spawn('curl', ['-s', '-o', '/dev/null', '-w', '%{size_download}', '-H', `Cookie: ${cookie}`, `${base}/rets/search?${query}`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    c.on('error', reject);
    c.on('exit', (code) => (code === 0 ? resolve({ bytes: Number(out), rows: NaN, ms: performance.now() - t }) : reject(new Error(`curl exited with ${code}`))));
  });
}

const hasCurl = (): boolean => {
  try { return spawnSync('curl', ['--version']).status === 0; } catch { return false; }
};

/** Reads the reply with node:http and only counts bytes and line ends, so the client is never the bottleneck. */
function streamSearch(base: string, cookie: string, query: string): Promise<{ bytes: number; rows: number; ms: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    get(`${base}/rets/search?${query}`, { headers: { Cookie: cookie } }, (res) => {
      let bytes = 0;
      let rows = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) rows++;
      });
      res.on('end', () => resolve({ bytes, rows, ms: performance.now() - t }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Resolves with N once the server says "demo-mls: N encoder threads ready" on stderr (passed on otherwise). */
function encodersReady(stderr: NodeJS.ReadableStream, expected: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    if (!expected) resolve(0);
    const timer = expected ? setTimeout(() => reject(new Error('the encoder threads did not get ready within 120 s')), 120_000) : undefined;
    createInterface({ input: stderr }).on('line', (l) => {
      const m = /^demo-mls: (\d+) encoder threads? ready$/.exec(l);
      if (!m) { process.stderr.write(`${l}\n`); return; }
      clearTimeout(timer);
      resolve(Number(m[1]));
    });
  });
}

async function main(): Promise<void> {
  generation(1000); // warm up the JIT
  const g10k = generation(10_000);
  const g200k = generation(200_000);
  console.log(`generation  10,000 listings: ${g10k.toFixed(0)} ms`);
  console.log(`generation 200,000 listings: ${g200k.toFixed(0)} ms`);

  // DEMO_ENCODE_WORKERS=0 measures the server without encoder threads (A/B on a busy machine).
  const workers = process.env.DEMO_ENCODE_WORKERS ? ['--encode-workers', process.env.DEMO_ENCODE_WORKERS] : [];
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'rets-workbench.cjs'), 'demo-mls', '--port', '0', '--listings', '200000', ...workers, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = encodersReady(child.stderr!, workers[1] !== '0');
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const mls = JSON.parse(line) as { loginUrl: string };
  // The server answers at once; its encoder threads build their data after it listens. The
  // searches are measured once they are ready (the first search is still their first).
  const listening = performance.now();
  const threads = await ready;
  console.log(`encoder threads ready: ${threads}, ${(performance.now() - listening).toFixed(0)} ms after the server listened`);
  const baseUrl = mls.loginUrl.replace(/\/rets\/login$/, '');
  const login = await fetch(mls.loginUrl, { headers: { Authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}` } });
  await login.text();
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const all = 'SearchType=Property&Class=ALL&Query=(L_ListPrice=0%2B)&Format=COMPACT&Limit=NONE';
  await streamSearch(baseUrl, cookie, `${all}&Limit=2000`); // warm up
  console.log(`server peak memory before the searches: ${peakMb(child.pid!).toFixed(0)} MB`);
  const ten = `${all}&Select=L_ListingKey,L_ListPrice,L_Status,L_City,L_Address,LIST_66,LIST_67,LIST_48,L_ListDate,L_UpdateDate`;
  const curl = hasCurl();
  if (!curl) console.log('curl not found: the goal figure below is the Node client\'s');
  const cases: [string, string, 'curl' | 'node'][] = [
    ...(curl ? [['all fields (first), curl', all, 'curl'], ['all fields (repeated), curl', all, 'curl']] as [string, string, 'curl'][] : []),
    [`all fields${curl ? '' : ' (first)'}, node:http client`, all, 'node'], ['all fields (repeated), node:http client', all, 'node'],
    ['10 fields (first), node:http client', ten, 'node'], ['10 fields (repeated), node:http client', ten, 'node'],
  ];
  let goal = '';
  for (const [label, q, reader] of cases) {
    const cpu0 = cpuSeconds(child.pid!);
    const threads0 = threadCpu(child.pid!);
    const client0 = process.cpuUsage();
    const r = await (reader === 'curl' ? curlSearch : streamSearch)(baseUrl, cookie, q);
    const client = process.cpuUsage(client0);
    const cpu = cpuSeconds(child.pid!) - cpu0;
    const threads1 = threadCpu(child.pid!);
    const clientCpu = reader === 'curl' ? 'client curl' : `client CPU ${((client.user + client.system) / 1e6).toFixed(2)} s`;
    const split = `main thread ${(threads1.main - threads0.main).toFixed(2)} s, other threads ${(threads1.others - threads0.others).toFixed(2)} s; ${clientCpu}`;
    const mbps = r.bytes / 1e6 / (r.ms / 1000);
    const rows = Number.isNaN(r.rows) ? 200_000 : r.rows - 5; // XML declaration, RETS, DELIMITER, COLUMNS and </RETS> lines
    const rowsPerSec = rows / (r.ms / 1000);
    if (!goal) goal = `GOAL first 200,000-row search (Property:ALL, all fields, COMPACT, read by ${curl ? 'curl' : 'node:http'}): ${mbps.toFixed(1)} MB/s against ${GOAL_MBPS} MB/s = ${(mbps / GOAL_MBPS).toFixed(2)}x ${mbps >= GOAL_MBPS ? 'MET' : 'NOT MET'}`;
    console.log(`search Property:ALL ${label}: ${rows} rows, ${(r.bytes / 1e6).toFixed(1)} MB in ${r.ms.toFixed(0)} ms = ${mbps.toFixed(1)} MB/s, ${Math.round(rowsPerSec).toLocaleString('en-US')} rows/s (goal ${GOAL_MBPS} MB/s: ${(mbps / GOAL_MBPS).toFixed(2)}x); server CPU ${cpu.toFixed(1)} s = ${(r.bytes / 1e6 / cpu).toFixed(1)} MB per CPU-second (${split})`);
  }
  console.log(`server peak memory after the searches: ${peakMb(child.pid!).toFixed(0)} MB`);
  console.log(goal);
  console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${availableParallelism()} cores`);
  child.kill('SIGTERM');
  await once(child, 'exit');
}

void main();
