// An encoder worker thread: builds the demo catalog from the same listings, seed and base URL as
// the server (the data is a pure function of them), then encodes chunks of COMPACT rows with the
// same encoder the server uses in-process and hands the bytes over in memory shared with the
// main thread. Started by encodePool.ts: through workerBootstrap.cjs under tsx, or as its own
// bundle in Electron.
import { parentPort, workerData } from 'node:worker_threads';
import { buildCatalog, type DemoClass } from './catalog';
import type { CompactEncoder } from './compactBytes';
import { createDataset } from './dataset';
import { type EncodeSpec, type WorkerReply, type WorkerRequest, type WorkerSetup, specKey } from './encodeJob';
import { buildMetadata } from './metadataModel';
import { rowWriter } from './searchRows';

/** Encoders kept by spec: a search's chunks reuse one (and its warmed compiled writers). */
const MAX_ENCODERS = 16;
/** Rows of each Property class encoded at start (see warmUp): with 2,000 the first 200,000-row
 * search still cost ~2x the CPU of the next (V8 optimising the writers during it); from ~8,000 on
 * it cost the same. */
const WARM_ROWS = 10_000;

const setup = workerData as WorkerSetup;
const port = parentPort!;
const catalog = buildCatalog(createDataset(setup.listings, setup.seed), () => setup.baseUrl);
const metadata = buildMetadata(catalog);
const encoders = new Map<string, { enc: CompactEncoder; demo: DemoClass }>();
const slots = Array.from({ length: setup.shared.byteLength / setup.slotBytes }, (_, k) => Buffer.from(setup.shared, k * setup.slotBytes, setup.slotBytes));
const slotFree = slots.map(() => true);
let jobs = 0;

function encoderFor(spec: EncodeSpec): { enc: CompactEncoder; demo: DemoClass } {
  const key = specKey(spec);
  let e = encoders.get(key);
  if (e) return e;
  const resource = metadata.resources.find((r) => r.id === spec.resource)!;
  const cls = resource.classes.find((c) => c.name === spec.cls)!;
  const demo = catalog.find((r) => r.id === spec.resource)!.classes.find((c) => c.name === spec.cls)!;
  const fields = spec.fields.map((name) => demo.fields.find((f) => f.systemName === name)!);
  const rows = rowWriter(spec.format, { demo, resource, cls, metadata }, fields, spec.standardNames, metadata);
  e = { enc: rows.encoder!(), demo };
  if (encoders.size >= MAX_ENCODERS) encoders.delete(encoders.keys().next().value!);
  encoders.set(key, e);
  return e;
}

/** Encodes a chunk straight into a free shared slot, so the main thread never receives memory it
 * must later collect. Without a free slot, or if the chunk outgrew one, its bytes are transferred. */
function encode(job: WorkerRequest & { type: 'encode' }): { reply: WorkerReply; transfer: ArrayBuffer[] } {
  const { enc, demo } = encoderFor(job.spec);
  const slot = slotFree.indexOf(true);
  if (slot >= 0) {
    const bytes = enc.encodeInto(slots[slot], job.positions, 0, job.positions.length, demo.row);
    if (bytes.buffer === setup.shared) {
      slotFree[slot] = false;
      return { reply: { type: 'done', id: job.id, slot, length: bytes.length }, transfer: [] };
    }
    return transferred(job.id, bytes);
  }
  const bytes = enc.encode(job.positions, 0, job.positions.length, demo.row);
  const reply = transferred(job.id, bytes);
  enc.recycle(bytes);
  return reply;
}

function transferred(id: number, bytes: Buffer): { reply: WorkerReply; transfer: ArrayBuffer[] } {
  const own = new Uint8Array(bytes).buffer;
  return { reply: { type: 'done', id, bytes: own, length: bytes.length }, transfer: [own] };
}

/** Encodes the first rows of every Property class with all fields (a search without Select), so
 * V8 has optimised those writers before the first search rather than during it (each worker
 * compiles its own; the main thread's encoder is warmed by whatever searches it has answered). */
function warmUp(): void {
  for (const demo of catalog.find((r) => r.id === 'Property')!.classes) {
    const n = Math.min(demo.count, WARM_ROWS);
    const positions = Uint32Array.from({ length: n }, (_, k) => k);
    const { enc } = encoderFor({ resource: 'Property', cls: demo.name, format: 'COMPACT', standardNames: false, fields: demo.fields.map((f) => f.systemName) });
    for (let k = 0; k < n; k += 500) enc.recycle(enc.encode(positions, k, Math.min(n, k + 500), demo.row));
  }
}

port.on('message', (m: WorkerRequest) => {
  if (m.type === 'release') { slotFree[m.slot] = true; return; }
  if (setup.exitAfterJobs > 0 && ++jobs >= setup.exitAfterJobs) process.exit(3);
  try {
    const { reply, transfer } = encode(m);
    port.postMessage(reply, transfer);
  } catch (e) {
    port.postMessage({ type: 'failed', id: m.id, message: (e as Error).message } satisfies WorkerReply);
  }
});
warmUp();
port.postMessage({ type: 'ready' } satisfies WorkerReply);
