// What the main thread and the encoder workers say to each other (see encodePool.ts and
// encodeWorker.ts). A worker rebuilds the same catalog from the seed, so a job names its columns
// and carries only the row positions it covers.
import type { SearchFormat } from './searchRows';

/** Which rows' format and columns: the same for every chunk of one search. */
export interface EncodeSpec {
  resource: string;
  cls: string;
  format: Exclude<SearchFormat, 'STANDARD-XML'>;
  standardNames: boolean;
  /** System names of the Select list, in order. */
  fields: string[];
}

/** What a worker needs to build the same catalog as the server. */
export interface WorkerSetup {
  listings: number;
  seed: number;
  baseUrl: string;
  /** Fault mode for tests: the worker thread exits on receiving this many jobs (0: never). */
  exitAfterJobs: number;
  /** Memory shared with the main thread: `slots` slots of `slotBytes` each, for encoded chunks. */
  shared: SharedArrayBuffer;
  slotBytes: number;
}

/** Main → worker: encode the rows at these class positions; or: a slot's bytes were sent, so the
 * worker may fill it again. */
export type WorkerRequest =
  | { type: 'encode'; id: number; spec: EncodeSpec; positions: Uint32Array }
  | { type: 'release'; slot: number };

/** Worker → main. A chunk's bytes are the first `length` bytes of a shared slot; if no slot was
 * free (or the chunk is larger than one), they come as a transferred ArrayBuffer instead. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; slot: number; length: number }
  | { type: 'done'; id: number; bytes: ArrayBuffer; length: number }
  | { type: 'failed'; id: number; message: string };

export function specKey(s: EncodeSpec): string {
  return [s.resource, s.cls, s.format, s.standardNames ? 'std' : 'sys', ...s.fields].join('\t');
}
