// A small pool of encoder worker threads (encodeWorker.ts), so a large COMPACT search is encoded
// on every core while the main thread only evaluates the query and writes bytes to the socket.
// Workers start after the server listens and each builds its own catalog; until one is ready,
// or once all have failed, the pool is unusable and searches encode in-process (searchTx.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EncodeSpec, WorkerReply, WorkerRequest, WorkerSetup } from './encodeJob';

/** The worker script: Electron's build has it as its own bundle beside main.js (see
 * forge.config.ts); from source, a CommonJS bootstrap registers tsx in the new thread first
 * (a worker does not inherit the loader of the thread that starts it). */
export function workerScript(dir = __dirname): string {
  const bundled = join(dir, 'encodeWorker.js');
  return existsSync(bundled) ? bundled : join(dir, 'workerBootstrap.cjs');
}

/** Shared memory slots per worker: four chunks in flight (workerRows.ts) and a few waiting in
 * the socket; memory is only touched as slots are used. */
const SLOTS = 10;
/** Bytes a slot holds: a chunk of ~100,000 cells is ~700 KB; a larger one is transferred instead. */
const SLOT_BYTES = 2 * 1024 * 1024;

/** Encoded rows: `release` gives their memory back to the worker once the socket has sent them. */
export interface EncodedChunk {
  bytes: Buffer;
  release(): void;
}

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  alive: boolean;
  /** Views of the worker's shared slots. */
  slots: Buffer[];
  /** Jobs sent and not yet answered. */
  jobs: Map<number, { resolve(c: EncodedChunk): void; reject(e: Error): void }>;
}

export class EncodePool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;
  private closed = false;
  private readonly started: Promise<void>;
  /** For tests and diagnostics: jobs sent and answered, chunks that came as transferred memory
   * (no shared slot was free), and shared slots handed out and not yet released. */
  readonly stats = { sent: 0, done: 0, transferred: 0, held: 0 };

  constructor(size: number, setup: Omit<WorkerSetup, 'shared' | 'slotBytes'>, private readonly log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)) {
    const script = workerScript();
    const settled: Promise<void>[] = [];
    for (let i = 0; i < size; i++) {
      const shared = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
      const worker = new Worker(script, { workerData: { ...setup, shared, slotBytes: SLOT_BYTES } satisfies WorkerSetup });
      const slots = Array.from({ length: SLOTS }, (_, k) => Buffer.from(shared, k * SLOT_BYTES, SLOT_BYTES));
      const w: PoolWorker = { worker, ready: false, alive: true, slots, jobs: new Map() };
      // Idle workers do not keep the process alive; a search waiting on one has its socket open.
      worker.unref();
      settled.push(new Promise<void>((resolve) => {
        worker.on('message', (m: WorkerReply) => {
          if (m.type === 'ready') { w.ready = true; resolve(); return; }
          this.answer(w, m);
        });
        worker.on('error', (e) => { this.lose(w, `failed: ${e.message}`); resolve(); });
        worker.on('exit', (code) => { this.lose(w, `exited (code ${code})`); resolve(); });
      }));
      this.workers.push(w);
    }
    this.started = Promise.all(settled).then(() => undefined);
  }

  /** True when some worker can take jobs. */
  get usable(): boolean {
    return !this.closed && this.workers.some((s) => s.ready && s.alive);
  }

  /** Workers that can take jobs. */
  get size(): number {
    return this.closed ? 0 : this.workers.filter((s) => s.ready && s.alive).length;
  }

  /** Jobs waiting for an answer. */
  get pending(): number {
    return this.workers.reduce((n, s) => n + s.jobs.size, 0);
  }

  /** Resolves once every worker has started or failed, or after `ms`: true if the pool is usable. */
  async whenStarted(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.started, new Promise<void>((r) => { timer = setTimeout(r, ms); })]);
    clearTimeout(timer);
    return this.usable;
  }

  get starting(): boolean {
    return !this.closed && this.workers.some((s) => s.alive && !s.ready);
  }

  /** Encodes the rows at `positions` (transferred: the caller gives them up) on the least busy
   * worker. Rejects if that worker fails; the caller then encodes those rows itself. */
  encode(spec: EncodeSpec, positions: Uint32Array): Promise<EncodedChunk> {
    const live = this.workers.filter((s) => s.ready && s.alive);
    if (this.closed || live.length === 0) return Promise.reject(new Error('no encoder worker is available'));
    const w = live.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    const id = this.nextId++;
    return new Promise<EncodedChunk>((resolve, reject) => {
      w.jobs.set(id, { resolve, reject });
      this.stats.sent++;
      w.worker.postMessage({ type: 'encode', id, spec, positions } satisfies WorkerRequest, [positions.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((s) => s.worker.terminate()));
  }

  private answer(w: PoolWorker, m: WorkerReply & { type: 'done' | 'failed' }): void {
    const job = w.jobs.get(m.id);
    if (!job) return;
    w.jobs.delete(m.id);
    this.stats.done++;
    if (m.type === 'failed') job.reject(new Error(`encoder worker failed: ${m.message}`));
    else if ('bytes' in m) {
      this.stats.transferred++;
      job.resolve({ bytes: Buffer.from(m.bytes, 0, m.length), release: () => {} });
    } else {
      this.stats.held++;
      job.resolve({ bytes: w.slots[m.slot].subarray(0, m.length), release: () => this.release(w, m.slot) });
    }
  }

  private release(w: PoolWorker, index: number): void {
    this.stats.held--;
    if (w.alive && !this.closed) w.worker.postMessage({ type: 'release', slot: index } satisfies WorkerRequest);
  }

  /** A worker that died takes no more jobs; its unanswered jobs fail, so their searches fall back. */
  private lose(w: PoolWorker, why: string): void {
    if (!w.alive) return;
    w.alive = false;
    if (!this.closed) this.log(`demo-mls: encoder worker ${this.workers.indexOf(w) + 1} ${why}; its searches are encoded in the main thread`);
    const err = new Error(`encoder worker ${why}`);
    for (const job of w.jobs.values()) job.reject(err);
    w.jobs.clear();
  }
}
