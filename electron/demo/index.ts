// The Demo MLS: a real RETS server on 127.0.0.1 with deterministic synthetic data. Used as the
// app's ready-made "Demo MLS" connection, by `rets-workbench demo-mls`, and by the tests.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { DEMO_ACCOUNTS, type DemoAccount, type FailureMode, RATE_LIMIT_PER_MINUTE, SHORT_SESSION_SECONDS, SLOW_DELAY_MS } from './accounts';
import { Authenticator } from './auth';
import { buildCatalog } from './catalog';
import type { ServerState, Tuning } from './context';
import { createDataset } from './dataset';
import { EncodePool } from './encodePool';
import { PATHS } from './login';
import { buildMetadata } from './metadataModel';
import { DEFAULT_ROW_STORE_BYTES, RowStores } from './rowStore';
import { handleRequest } from './server';
import { Sessions } from './sessions';

export type { DemoAccount, FailureMode, Tuning };
export { DEMO_ACCOUNTS, DEMO_USER_AGENT } from './accounts';

export interface DemoMlsOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Listings to generate (default 10,000). */
  listings?: number;
  /** Data seed (default 1). */
  seed?: number;
  /** Server row cap per search; more matches end with <MAXROWS/> (default DEFAULT_MAX_ROWS). */
  maxRows?: number;
  /** Failure-mode timings and encoder-worker settings; tests shorten them. */
  tuning?: Partial<Tuning>;
  /** Bytes of formatted COMPACT rows kept for repeated large searches (default 0: none; see rowStore.ts). */
  rowStoreBytes?: number;
  /** Encoder worker threads for large COMPACT searches (default: one per core from 50,000
   * listings, none on one core or below; 0: every search encodes in-process). */
  encodeWorkers?: number;
  /** Where the server reports trouble it recovers from (an encoder worker failing); default stderr. */
  log?: (line: string) => void;
  /** Milliseconds since the epoch for session timeouts (default Date.now; tests drive it). */
  clock?: () => number;
}

export interface DemoMlsAccountInfo {
  username: string;
  password: string;
  userAgent: string;
  userAgentPassword: string;
  retsVersion: string;
  failureMode: FailureMode;
  description: string;
}

export interface DemoMls {
  loginUrl: string;
  baseUrl: string;
  port: number;
  accounts: DemoMlsAccountInfo[];
  listings: number;
  seed: number;
  /** Encoder worker threads started (they may still be building their catalogs). */
  encodeWorkers: number;
  /** Resolves once the encoder workers are ready (or have failed, or after `ms`): how many are usable. */
  encodeWorkersReady(ms?: number): Promise<number>;
  /** Encoder jobs sent and answered so far, and those still unanswered. */
  encodeStats(): { sent: number; done: number; transferred: number; held: number; pending: number };
  /** Sessions the server holds (expired ones leave at the next sweep). */
  sessionCount(): number;
  close(): Promise<void>;
}

export const DEFAULT_LISTINGS = 10_000;
export const DEFAULT_MAX_ROWS = 250_000;
/** Smallest COMPACT search (rows) encoded by the workers: below it, a message round trip and a
 * cold worker cost about what encoding in-process does. */
export const DEFAULT_ENCODE_MIN_ROWS = 4096;
/** Most encoder workers started by default (the main thread and the client need a core too). */
const MAX_AUTO_WORKERS = 4;
const AUTO_WORKERS_LISTINGS = 50_000;

export function accountInfo(a: DemoAccount): DemoMlsAccountInfo {
  return {
    username: a.username, password: a.password, userAgent: a.userAgent, userAgentPassword: a.userAgentPassword,
    retsVersion: `RETS/${a.version}`, failureMode: a.failure, description: a.description,
  };
}

export async function startDemoMls(opts: DemoMlsOptions = {}): Promise<DemoMls> {
  const seed = opts.seed ?? 1;
  const ds = createDataset(opts.listings ?? DEFAULT_LISTINGS, seed);
  const state: ServerState = { ds, catalog: [], metadata: { resources: [], tables: [], warnings: [] }, auth: new Authenticator(), sessions: new Sessions(opts.clock), baseUrl: '', maxRows: opts.maxRows ?? DEFAULT_MAX_ROWS,
    tuning: { shortSessionSeconds: SHORT_SESSION_SECONDS, rateLimitPerMinute: RATE_LIMIT_PER_MINUTE, slowDelayMs: SLOW_DELAY_MS,
      encodeMinRows: DEFAULT_ENCODE_MIN_ROWS, encodeChunkRows: 0, encodeWorkerExitAfterJobs: 0, standardXmlMetadataOnly: false, ...opts.tuning },
    rowStores: new RowStores(opts.rowStoreBytes ?? DEFAULT_ROW_STORE_BYTES) };
  state.catalog = buildCatalog(ds, () => state.baseUrl);
  state.metadata = buildMetadata(state.catalog);
  const server = createServer((req, res) => { void handleRequest(state, req, res); });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  state.baseUrl = `http://127.0.0.1:${port}`;
  // Started once listening (their catalogs need the base URL), so they never delay the server.
  const workers = opts.encodeWorkers ?? autoWorkers(ds.listings);
  const pool = workers > 0 ? new EncodePool(workers, { listings: ds.listings, seed, baseUrl: state.baseUrl, exitAfterJobs: state.tuning.encodeWorkerExitAfterJobs }, opts.log) : undefined;
  state.encodePool = pool;
  return {
    loginUrl: `${state.baseUrl}${PATHS.login}`, baseUrl: state.baseUrl, port, listings: ds.listings, seed,
    accounts: DEMO_ACCOUNTS.map(accountInfo),
    encodeWorkers: workers,
    encodeWorkersReady: async (ms = 60_000) => (pool ? ((await pool.whenStarted(ms)), pool.size) : 0),
    encodeStats: () => ({ ...(pool?.stats ?? { sent: 0, done: 0, transferred: 0, held: 0 }), pending: pool?.pending ?? 0 }),
    sessionCount: () => state.sessions.size,
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
        pool?.close(),
      ]);
    },
  };
}

/** One worker per core (up to MAX_AUTO_WORKERS) when there are two cores or more and at least
 * AUTO_WORKERS_LISTINGS listings: below that a whole-table search takes a fraction of a second
 * in-process, not worth two more threads with their own copy of the data (nor their start-up in
 * every test server). */
function autoWorkers(listings: number): number {
  const cores = availableParallelism();
  return cores >= 2 && listings >= AUTO_WORKERS_LISTINGS ? Math.min(cores, MAX_AUTO_WORKERS) : 0;
}
