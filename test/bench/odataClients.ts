// The clients the Web API client benchmark measures, each run in its own child process (see
// odata-client.bench.ts), bundled by esbuild first so a child is plain Node with no tsx loader in
// memory: its peak RSS and CPU are the client's own.
//   ours:  ODataSession.query, a consumer that awaits each batch and reads a field of every row
//   naive: fetch, JSON.parse of each page, follow @odata.nextLink
//   raw:   the same pages downloaded with node:http (keep-alive), nothing parsed: the floor
//   parser: the payload parser alone over the same pages in memory (64 KiB chunks), no I/O
import http from 'node:http';
import { ODataSession } from '../../electron/odata/session';
import { createODataPayloadParser } from '../../shared/odata/payload';
import { BLOCKS, pageParts, renderBlock } from './odataPages';

export interface Result { rows: number; pages: number; wallMs: number; cpuMs: number; maxRssKiB: number; bytes?: number }

function finish(rows: number, pages: number, t0: number, c0: NodeJS.CpuUsage): Result {
  const c = process.cpuUsage(c0);
  return { rows, pages, wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS };
}

async function ours(root: string): Promise<Result> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const s = new ODataSession({ serviceRoot: root, auth: { kind: 'bearer', token: 'bench' }, maxPageSize: 1000 });
  let rows = 0;
  let pages = 0;
  let check = 0;
  for await (const e of s.query('Property', { count: true })) {
    if (e.kind === 'page') pages++;
    if (e.kind !== 'rows') continue;
    const b = e.batch;
    for (let r = 0; r < b.length; r++) check += b.get(r, 0).length;
    rows += b.length;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await s.close();
  if (check === 0) throw new Error('no field read');
  return finish(rows, pages, t0, c0);
}

async function naive(root: string): Promise<Result> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let url: string | undefined = `${root}/Property?$count=true`;
  let rows = 0;
  let pages = 0;
  let check = 0;
  while (url) {
    const res = await fetch(url, { headers: { accept: 'application/json', authorization: 'Bearer bench', prefer: 'odata.maxpagesize=1000' } });
    const page = JSON.parse(await res.text()) as { value: { ListingKey: string }[]; '@odata.nextLink'?: string };
    for (const row of page.value) check += row.ListingKey.length;
    rows += page.value.length;
    pages++;
    const next = page['@odata.nextLink'];
    url = next ? new URL(next, `${root}/`).href : undefined;
  }
  if (check === 0) throw new Error('no field read');
  return finish(rows, pages, t0, c0);
}

async function raw(root: string, pageCount: number): Promise<Result> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const agent = new http.Agent({ keepAlive: true });
  let bytes = 0;
  for (let p = 0; p < pageCount; p++) {
    const url = p === 0 ? `${root}/Property?$count=true` : `${root}/Property?$skip=${p * 1000}`;
    await new Promise<void>((resolve, reject) => {
      http.get(url, { agent }, (res) => {
        res.on('data', (c: Buffer) => { bytes += c.length; });
        res.on('end', resolve);
        res.on('error', reject);
      }).on('error', reject);
    });
  }
  agent.destroy();
  if (bytes === 0) throw new Error('nothing downloaded');
  return finish(pageCount * 1000, pageCount, t0, c0);
}

/** The payload parser alone: each of the ten distinct pages `rounds` times, reading a field of every row. */
function parserOnly(rounds: number): Result {
  const blocks = Array.from({ length: BLOCKS }, (_, b) => renderBlock(b));
  const pages = Array.from({ length: BLOCKS }, (_, p) => Buffer.concat(pageParts(p, BLOCKS, blocks)));
  const chunk = 64 * 1024;
  const pass = (): { rows: number; bytes: number } => {
    let rows = 0;
    let bytes = 0;
    let check = 0;
    for (const page of pages) {
      const p = createODataPayloadParser();
      for (let i = 0; i < page.length; i += chunk) {
        for (const e of p.push(page.subarray(i, i + chunk))) {
          if (e.kind !== 'rows') continue;
          for (let r = 0; r < e.batch.length; r++) check += e.batch.get(r, 0).length;
          rows += e.batch.length;
        }
      }
      p.end();
      bytes += page.length;
    }
    if (check === 0) throw new Error('no field read');
    return { rows, bytes };
  };
  pass(); // warm up the JIT
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let rows = 0;
  let bytes = 0;
  for (let r = 0; r < rounds; r++) { const p = pass(); rows += p.rows; bytes += p.bytes; }
  return { ...finish(rows, rounds * pages.length, t0, c0), bytes };
}

export function child(mode: string, root: string, pages: number): Promise<Result> {
  switch (mode) {
    case 'ours': return ours(root);
    case 'naive': return naive(root);
    case 'raw': return raw(root, pages);
    case 'parser': return Promise.resolve(parserOnly(pages));
    default: throw new Error(`unknown mode ${mode}`);
  }
}

if (require.main === module) {
  child(process.argv[2]!, process.argv[3]!, Number(process.argv[4])).then((r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exit(0);
  }, (e: unknown) => { process.stderr.write(`${(e as Error).stack}\n`); process.exit(1); });
}
