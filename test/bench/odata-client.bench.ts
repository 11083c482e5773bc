// Issue 15's Web API client benchmark. One table, one run: 100,000 Property records (about 150
// fields, Media expanded on a tenth) in pages of 1,000 (about 4 MB each), served pre-rendered from
// 127.0.0.1 by a node:http server started here, each client in its own child process:
//   (a) our client (ODataSession.query) with a consumer that awaits each batch
//   (b) a naive client: fetch, JSON.parse of each page, follow nextLink
//   (c) the raw download of the same pages (the floor)
// Goals: (a) wall <= 1.5x (c); (a) at least as fast as (b); (a) peak RSS below (b)'s and flat in
// the number of pages (also run over 25 pages). A line before the table gives the payload parser
// alone (in memory, no I/O) in MB per CPU-second.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { bundleClients, runClient } from './clientProcess';
import type { Result } from './odataClients';
import { BLOCKS, PAGE_ROWS, TOTAL_ROWS, pageParts, renderBlock } from './odataPages';

const PAGES = TOTAL_ROWS / PAGE_ROWS;
let BUNDLE = '';

/** Serves /p<N>/odata/Property?$skip=… : N pages, rendered once. */
function startServer(): Promise<{ base: string; close: () => void; pageBytes: number }> {
  const blocks = Array.from({ length: BLOCKS }, (_, b) => renderBlock(b));
  const rendered = new Map<number, Buffer[][]>();
  for (const n of [PAGES, 25]) rendered.set(n, Array.from({ length: n }, (_, p) => pageParts(p, n, blocks)));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/p(\d+)\/odata\/Property$/.exec(url.pathname);
    const pages = m ? rendered.get(Number(m[1])) : undefined;
    const p = Number(url.searchParams.get('$skip') ?? 0) / PAGE_ROWS;
    const parts = pages?.[p];
    if (!parts) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': 'application/json; odata.metadata=minimal', 'odata-version': '4.0', 'content-length': String(parts.reduce((s, b) => s + b.length, 0)) });
    res.write(parts[0]);
    res.write(parts[1]);
    res.end(parts[2]);
  });
  const pageBytes = rendered.get(PAGES)!.reduce((s, parts) => s + parts.reduce((t, b) => t + b.length, 0), 0);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    resolve({ base: `http://127.0.0.1:${port}`, close: () => server.close(), pageBytes });
  }));
}

const runChild = (mode: string, root: string, pages: number) => runClient<Result>(BUNDLE, [mode, root, String(pages)]);

async function main(): Promise<void> {
  BUNDLE = bundleClients('odataClients');
  const server = await startServer();
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  const only = process.env.BENCH_ONLY; // "mode:pages", to profile one client
  const runs = ([
    ['(c) raw download, node:http (floor)', 'raw', PAGES],
    ['(a) ours: ODataSession.query, awaiting consumer', 'ours', PAGES],
    ['(b) naive: fetch + JSON.parse per page', 'naive', PAGES],
    ['(a) ours over 25 pages', 'ours', 25],
    ['(b) naive over 25 pages', 'naive', 25],
  ] as [string, string, number][]).filter(([, mode, pages]) => !only || only === `${mode}:${pages}`);
  const results = new Map<string, Result>();
  let parserLine = '';
  if (!only || only.startsWith('parser')) {
    try {
      const r = await runChild('parser', '-', 5);
      parserLine = `Payload parser alone (in memory, 64 KiB chunks, a field of every row read): ${((r.bytes ?? 0) / 1e6).toFixed(0)} MB in ${(r.cpuMs / 1000).toFixed(2)} CPU s = ${((r.bytes ?? 0) / 1e6 / (r.cpuMs / 1000)).toFixed(0)} MB per CPU-second (wall ${(r.wallMs / 1000).toFixed(2)} s).\n\n`;
    } catch (e) { parserLine = `Payload parser alone: FAILED ${(e as Error).message}\n\n`; }
  }
  for (const [label, mode, pages] of runs) {
    try { results.set(label, await runChild(mode, `${server.base}/p${pages}/odata`, pages)); } catch (e) { process.stdout.write(`${label}: FAILED ${(e as Error).message}\n`); }
  }
  server.close();
  const mb = server.pageBytes / 1e6;
  const row = (cells: string[]) => `| ${cells.join(' | ')} |\n`;
  let out = `Web API client benchmark: ${TOTAL_ROWS.toLocaleString('en-US')} Property records x ~150 fields (Media expanded on 1 in 10), ${PAGES} pages of ${PAGE_ROWS} = ${mb.toFixed(0)} MB, served from 127.0.0.1.\n`;
  out += `Machine: ${cpus().length} cores shared with other engineers; load average before the run: ${load}. Figures are noisy.\n\n`;
  out += parserLine;
  out += row(['client', 'pages', 'rows', 'wall', 'CPU', 'MB/s', 'peak RSS']);
  out += row(['---', '---:', '---:', '---:', '---:', '---:', '---:']);
  for (const [label, , pages] of runs) {
    const r = results.get(label);
    if (!r) continue;
    out += row([label, String(r.pages), r.rows.toLocaleString('en-US'), `${(r.wallMs / 1000).toFixed(2)} s`, `${(r.cpuMs / 1000).toFixed(2)} s`, ((mb * pages / PAGES) / (r.wallMs / 1000)).toFixed(0), `${(r.maxRssKiB / 1024).toFixed(0)} MiB`]);
  }
  const get = (label: string) => results.get(label);
  const find = (mode: string, pages: number) => { const run = runs.find(([, m, n]) => m === mode && n === pages); return run ? get(run[0]) : undefined; };
  const a = find('ours', PAGES); const b = find('naive', PAGES); const c = find('raw', PAGES); const a25 = find('ours', 25); const b25 = find('naive', 25);
  out += '\n';
  if (a && c) out += `(a) wall / (c) wall: ${(a.wallMs / c.wallMs).toFixed(2)}x (goal <= 1.5x); CPU (a) / (c): ${(a.cpuMs / c.cpuMs).toFixed(2)}x\n`;
  if (a && b) out += `(a) wall / (b) wall: ${(a.wallMs / b.wallMs).toFixed(2)}x (goal <= 1x); CPU (a) / (b): ${(a.cpuMs / b.cpuMs).toFixed(2)}x\n`;
  if (a && b) out += `peak RSS (a) ${(a.maxRssKiB / 1024).toFixed(0)} MiB vs (b) ${(b.maxRssKiB / 1024).toFixed(0)} MiB (goal: (a) below (b))\n`;
  if (a && a25) out += `peak RSS of (a) at 25 pages ${(a25.maxRssKiB / 1024).toFixed(0)} MiB, at ${PAGES} pages ${(a.maxRssKiB / 1024).toFixed(0)} MiB (goal: flat)${b25 && b ? `; (b) ${(b25.maxRssKiB / 1024).toFixed(0)} -> ${(b.maxRssKiB / 1024).toFixed(0)} MiB` : ''}\n`;
  process.stdout.write(out);
}

main().catch((e: unknown) => { process.stderr.write(`${(e as Error).stack}\n`); process.exit(1); });
