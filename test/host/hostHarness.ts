// A host over a fresh data folder with the Demo MLS in-process (small data set), and helpers to
// run an operation to its end through the event bus.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostEvent } from '../../shared/contract';
import { createHost, type Host } from '../../electron/host/host';

export interface Harness { host: Host; dir: string; close(): Promise<void> }

export async function startHarness(opts: { keychain?: boolean; listings?: number; demoClock?: () => number; traceCapMB?: number } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'rw-host-'));
  const host = await createHost({
    dataDir: join(dir, 'data'), mode: 'browser', demo: { listings: opts.listings ?? 1500, ...(opts.demoClock ? { clock: opts.demoClock } : {}) }, retryBaseMs: 20, traceCapMB: opts.traceCapMB,
    secrets: opts.keychain ? { service: `rets-workbench-test-${process.pid}` } : { disableKeychain: true },
  });
  return { host, dir, async close() { await host.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Calls and unwraps the envelope (throws on an error envelope, with its message). */
export async function call<T = unknown>(host: Host, name: string, req: unknown = {}): Promise<T> {
  const env = await host.call(name, req);
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.data as T;
}

/** Starts an operation and collects its events until the terminal one. */
export async function runOperation(host: Host, start: string, req: Record<string, unknown>, onEvent?: (e: HostEvent, id: string) => void, afterStart?: (id: string) => Promise<void>): Promise<{ events: HostEvent[]; last: HostEvent; operationId: string }> {
  const operationId = `${start.split('.')[0]}-test-${Math.random().toString(36).slice(2, 8)}`;
  const events: HostEvent[] = [];
  const done = new Promise<HostEvent>((resolve) => {
    const off = host.events.subscribe((e) => {
      if (!('operationId' in e) || e.operationId !== operationId) return;
      events.push(e);
      onEvent?.(e, operationId);
      if (/\.(done|error)$/.test(e.type)) { off(); resolve(e); }
    });
  });
  await call(host, start, { ...req, operationId });
  await afterStart?.(operationId);
  const last = await done;
  return { events, last, operationId };
}

/** runOperation for a search, on to the history.changed that follows its end (the outcome is
 *  written to the history after the terminal event went out). */
export async function runSearchRecorded(host: Host, req: Record<string, unknown>, onEvent?: (e: HostEvent, id: string) => void): Promise<Awaited<ReturnType<typeof runOperation>>> {
  let ended = false;
  let written!: () => void;
  const recorded = new Promise<void>((r) => { written = r; });
  const off = host.events.subscribe((e) => { if (ended && e.type === 'history.changed') written(); });
  try {
    const out = await runOperation(host, 'search.start', req, (e, id) => {
      if (e.type === 'search.done' || e.type === 'search.error') ended = true;
      onEvent?.(e, id);
    });
    await recorded;
    return out;
  } finally {
    off();
  }
}

/** Every byte under the data folder, to prove a secret is nowhere on disk. */
export function allFilesText(dir: string): string {
  let out = '';
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    out += e.isDirectory() ? allFilesText(p) : readFileSync(p, 'latin1');
  }
  return out;
}
