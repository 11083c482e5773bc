// Streams COMPACT rows encoded by the worker pool: chunks of row positions go out to the workers,
// a few at a time, and their bytes are written strictly in order. Only a bounded number of chunks
// is in flight, and none is sent while the socket is full (writeBytes waits for drain). If a
// worker fails, the rows from the first unwritten chunk on are encoded in-process instead.
import type { BodyWriter } from './bodyWriter';
import type { EncodeSpec } from './encodeJob';
import type { EncodePool, EncodedChunk } from './encodePool';

/** Cells per chunk: ~100,000 (about 650 KB of all-field rows): big enough that a message per
 * chunk costs nothing next to its encoding, small enough to keep every worker busy early. */
const CHUNK_CELLS = 100_000;
/** Chunks in flight per worker. Two (one encoded, one waiting) kept a worker busy on an idle
 * machine, but on a busy one a worker ran out of work whenever the one holding the next chunk to
 * write was descheduled: with four, first 200,000-row searches took a median 98 MB/s against
 * 80 MB/s with two (interleaved runs at load ~3), and less CPU. */
const IN_FLIGHT_PER_WORKER = 4;

export function chunkRows(columns: number): number {
  return Math.max(256, Math.min(8192, Math.floor(CHUNK_CELLS / Math.max(1, columns))));
}

/** Writes rows at class positions keys[from] .. keys[to - 1]; `inProcess(from, to)` encodes and
 * writes keys[from] .. keys[to - 1] itself (used after a worker failure). */
export async function writeWorkerRows(w: BodyWriter, pool: EncodePool, spec: EncodeSpec, keys: Uint32Array, from: number, to: number, rowsPerChunk: number, inProcess: (from: number, to: number) => Promise<void>): Promise<void> {
  const inFlight: { from: number; chunk: Promise<EncodedChunk> }[] = [];
  const limit = IN_FLIGHT_PER_WORKER * Math.max(1, pool.size);
  // Node may drop the write callback of bytes given to a socket that is being destroyed; once the
  // connection has closed the socket holds none of them, so whatever is left is released then.
  const inSocket = new Set<() => void>();
  w.whenClosed(() => { for (const release of inSocket) release(); });
  let next = from;
  try {
    while (next < to || inFlight.length > 0) {
      while (inFlight.length < limit && next < to) {
        const end = Math.min(to, next + rowsPerChunk);
        const chunk = pool.encode(spec, keys.slice(next, end));
        // A failed chunk behind the one awaited is not awaited yet: not an unhandled rejection.
        chunk.catch(() => {});
        inFlight.push({ from: next, chunk });
        next = end;
      }
      const head = inFlight.shift()!;
      let chunk: EncodedChunk;
      try {
        chunk = await head.chunk;
      } catch {
        return await inProcess(head.from, to);
      }
      const release = once(chunk.release, inSocket);
      inSocket.add(release);
      await w.writeBytes(chunk.bytes, release);
    }
  } finally {
    // Chunks no longer wanted (client gone, a worker failed): their memory goes back when they come.
    for (const c of inFlight) c.chunk.then((x) => x.release(), () => {});
  }
}

/** `release` callable any number of times, acting once, and leaving `set` when it does. */
function once(release: () => void, set: Set<() => void>): () => void {
  let done = false;
  const f = () => {
    if (done) return;
    done = true;
    set.delete(f);
    release();
  };
  return f;
}
