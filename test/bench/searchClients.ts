// The clients the search benchmark measures, each run in its own child process (see
// search.bench.ts). Bundled by esbuild before the run so that a child is plain Node with no tsx
// loader in memory: peak RSS is then the client's own.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { CsvSink } from '../../electron/host/csvSink';
import { RetsSession } from '../../electron/rets/session';
import { DEFAULT_SETTINGS } from '../../electron/rets/types';

// The parts of rets-client@5 (untyped CommonJS) that the benchmark calls.
interface RetsClient {
  search: {
    query(resource: string, cls: string, query: string, options: object): Promise<{ results: unknown[] }>;
    stream: { query(resource: string, cls: string, query: string, options: object): { retsStream: NodeJS.ReadableStream } };
  };
}

export interface Result { rows: number; wallMs: number; firstRowsMs?: number; maxRssKiB: number; fileBytes?: number; cpuMs?: number }

/** A client's run with the CPU time (user + system) its process spent on it: less noisy than wall time on a loaded machine. */
export async function child(mode: string, base: string, rows: number): Promise<Result> {
  const c0 = process.cpuUsage();
  const r = await run(mode, base, rows);
  const c = process.cpuUsage(c0);
  return { ...r, cpuMs: r.cpuMs ?? (c.user + c.system) / 1000 };
}

function run(mode: string, base: string, rows: number): Promise<Result> {
  const t0 = performance.now();
  switch (mode) {
    case 'ours': return ours(base, rows, false);
    case 'ours-all-fields': return ours(base, rows, true);
    case 'rc-stream': return retsClient(base, rows, true);
    case 'rc-buffered': return retsClient(base, rows, false);
    case 'raw': return raw(base, rows, t0);
    case 'export-ours': return inTempFile((file) => exportOurs(base, rows, file));
    case 'export-rc': return inTempFile((file) => exportRetsClient(base, rows, file));
    case 'raw-file': return inTempFile((file) => rawToFile(base, rows, file));
    default: throw new Error(`unknown mode ${mode}`);
  }
}

const settings = (base: string) => ({ loginUrl: `${base}/login`, username: 'bench', password: 'bench' });

/** Our session client; the consumer awaits each batch (as the CSV writer and the renderer bridge do). */
async function ours(base: string, rows: number, allFields: boolean): Promise<Result> {
  const session = new RetsSession({ ...DEFAULT_SETTINGS, ...settings(base) });
  await session.login();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let n = 0;
  let check = 0;
  let firstRowsMs: number | undefined;
  for await (const ev of session.search({ resource: 'Property', class: 'RES', query: '(Status=|A)', format: 'COMPACT-DECODED', limit: rows })) {
    if (ev.kind !== 'rows') continue;
    const b = ev.batch;
    firstRowsMs ??= performance.now() - t0;
    for (let r = 0; r < b.length; r++) {
      if (allFields) { for (let c = 0; c < b.columns.length; c++) check += b.get(r, c).length; } else check += b.get(r, 0).length;
    }
    n += b.length;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (check === 0) throw new Error('no field read');
  return { rows: n, wallMs, firstRowsMs, maxRssKiB: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function retsClient(base: string, rows: number, stream: boolean): Promise<Result> {
  const rets = require('rets-client');
  let t0 = 0;
  let cpu0 = process.cpuUsage();
  let n = 0;
  await rets.getAutoLogoutClient({ ...settings(base), version: 'RETS/1.7.2', userAgent: 'RETSWorkbench/0.1' }, async (client: RetsClient) => {
    t0 = performance.now();
    cpu0 = process.cpuUsage();
    const options = { limit: rows, format: 'COMPACT-DECODED' };
    if (!stream) {
      const res = await client.search.query('Property', 'RES', '(Status=|A)', options);
      n = res.results.length;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const s = client.search.stream.query('Property', 'RES', '(Status=|A)', options);
      s.retsStream.pipe(new Writable({
        objectMode: true,
        write(ev: { type: string; payload: unknown }, _enc, cb) {
          if (ev.type === 'data') n++;
          else if (ev.type === 'error') reject(ev.payload);
          else if (ev.type === 'done') resolve();
          cb();
        },
      }));
    });
  });
  const cpu = process.cpuUsage(cpu0);
  return { rows: n, wallMs: performance.now() - t0, maxRssKiB: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function raw(base: string, rows: number, t0: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    http.get(`${base}/search?Limit=${rows}`, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve({ rows, wallMs: performance.now() - t0, maxRssKiB: process.resourceUsage().maxRSS }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** A run that writes a file: the file's size is reported, and the file removed. */
async function inTempFile(run: (file: string) => Promise<Result>): Promise<Result> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rw-bench-'));
  try {
    const file = path.join(dir, 'out');
    const r = await run(file);
    return { ...r, fileBytes: statSync(file).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** (e) The app's export path: our search's batches through the byte CSV writer to a file. */
async function exportOurs(base: string, rows: number, file: string): Promise<Result> {
  const session = new RetsSession({ ...DEFAULT_SETTINGS, ...settings(base) });
  await session.login();
  const t0 = performance.now();
  const out = createWriteStream(file);
  await once(out, 'open');
  const csv = new CsvSink(out, { bom: false, guard: false });
  let n = 0;
  let headed = false;
  for await (const ev of session.search({ resource: 'Property', class: 'RES', query: '(Status=|A)', format: 'COMPACT-DECODED', limit: rows })) {
    if (ev.kind === 'columns' && !headed) { headed = true; await csv.record(ev.columns); }
    if (ev.kind !== 'rows') continue;
    await csv.rows(ev.batch);
    n += ev.batch.length;
  }
  await csv.end();
  return { rows: n, wallMs: performance.now() - t0, maxRssKiB: process.resourceUsage().maxRSS };
}

/** (f) rets-client's stream piped through csv-stringify to a file, with backpressure. */
async function exportRetsClient(base: string, rows: number, file: string): Promise<Result> {
  const rets = require('rets-client');
  let t0 = 0;
  let n = 0;
  await rets.getAutoLogoutClient({ ...settings(base), version: 'RETS/1.7.2', userAgent: 'RETSWorkbench/0.1' }, async (client: RetsClient) => {
    t0 = performance.now();
    const out = createWriteStream(file);
    const csv = stringify({ header: true, record_delimiter: 'windows' });
    csv.pipe(out);
    await new Promise<void>((resolve, reject) => {
      const s = client.search.stream.query('Property', 'RES', '(Status=|A)', { limit: rows, format: 'COMPACT-DECODED' });
      s.retsStream.pipe(new Writable({
        objectMode: true,
        write(ev: { type: string; payload: unknown }, _enc, cb) {
          if (ev.type === 'data') {
            n++;
            if (!csv.write(ev.payload)) { csv.once('drain', () => cb()); return; }
          } else if (ev.type === 'error') reject(ev.payload);
          else if (ev.type === 'done') { csv.end(); out.once('close', resolve); }
          cb();
        },
      }));
    });
  });
  return { rows: n, wallMs: performance.now() - t0, maxRssKiB: process.resourceUsage().maxRSS };
}

/** (g) The floor for a file: the raw download piped to disk. */
function rawToFile(base: string, rows: number, file: string): Promise<Result> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http.get(`${base}/search?Limit=${rows}`, (res) => {
      const out = createWriteStream(file);
      res.pipe(out);
      out.on('close', () => resolve({ rows, wallMs: performance.now() - t0, maxRssKiB: process.resourceUsage().maxRSS }));
      out.on('error', reject);
      res.on('error', reject);
    }).on('error', reject);
  });
}

if (require.main === module) {
  child(process.argv[2], process.argv[3], Number(process.argv[4])).then((r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exit(0);
  }, (e) => { process.stderr.write(`${(e as Error).stack}\n`); process.exit(1); });
}
