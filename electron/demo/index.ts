// The Demo MLS: a real RETS server on 127.0.0.1 with deterministic synthetic data. Used as the
// app's ready-made "Demo MLS" connection, by `rets-workbench demo-mls`, and by the tests.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_ACCOUNTS, type DemoAccount, type FailureMode, RATE_LIMIT_PER_MINUTE, SHORT_SESSION_SECONDS, SLOW_DELAY_MS } from './accounts';
import { Authenticator } from './auth';
import { buildCatalog } from './catalog';
import type { ServerState, Tuning } from './context';
import { createDataset } from './dataset';
import { applyDialect, type DemoDialect } from './dialect';
import { PATHS } from './login';
import { buildMetadata } from './metadataModel';
import { reviseMetadata, type MetadataRevision } from './metadataRevision';
import { handleRequest } from './server';
import { Sessions } from './sessions';
import { SHORT_TOKEN_SECONDS } from './webapi/accounts';
import type { WebApiState } from './webapi/handler';
import { buildWebApi, webApiInfo, type WebApiInfo } from './webapi/info';

export type { DemoAccount, FailureMode, Tuning, WebApiInfo };
export { DEMO_ACCOUNTS, DEMO_USER_AGENT } from './accounts';
export { METADATA_REVISIONS, type MetadataRevision } from './metadataRevision';
export { DEMO_DIALECTS, type DemoDialect } from './dialect';

export interface DemoMlsOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Listings to generate (default 10,000). */
  listings?: number;
  /** Data seed (default 1). */
  seed?: number;
  /** Server row cap per search; more matches end with <MAXROWS/> (default DEFAULT_MAX_ROWS). */
  maxRows?: number;
  /** Failure-mode timings; tests shorten them. */
  tuning?: Partial<Tuning>;
  /** Milliseconds since the epoch for session timeouts (default Date.now; tests drive it). */
  clock?: () => number;
  /** Which edition of the metadata to serve (default 1; 2: a new MetadataVersion with a few changes). */
  metadataRevision?: MetadataRevision;
  /** Which naming of the same listings to serve (default 'a'; 'b': other SystemNames, codes and class names). */
  dialect?: DemoDialect;
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
  /** The RESO Web API on the same server: service roots, token URL and its accounts. */
  webApi: WebApiInfo;
  listings: number;
  seed: number;
  /** Sessions the server holds (expired ones leave at the next sweep). */
  sessionCount(): number;
  close(): Promise<void>;
}

export const DEFAULT_LISTINGS = 10_000;
export const DEFAULT_MAX_ROWS = 250_000;

export function accountInfo(a: DemoAccount): DemoMlsAccountInfo {
  return {
    username: a.username, password: a.password, userAgent: a.userAgent, userAgentPassword: a.userAgentPassword,
    retsVersion: `RETS/${a.version}`, failureMode: a.failure, description: a.description,
  };
}

export async function startDemoMls(opts: DemoMlsOptions = {}): Promise<DemoMls> {
  const seed = opts.seed ?? 1;
  const ds = createDataset(opts.listings ?? DEFAULT_LISTINGS, seed);
  const tuning: Tuning = { shortSessionSeconds: SHORT_SESSION_SECONDS, rateLimitPerMinute: RATE_LIMIT_PER_MINUTE, slowDelayMs: SLOW_DELAY_MS,
    shortTokenSeconds: SHORT_TOKEN_SECONDS, standardXmlMetadataOnly: false, ...opts.tuning };
  let baseUrl = '';
  let webApi: WebApiState | undefined;
  const catalog = applyDialect(buildCatalog(ds, () => baseUrl), opts.dialect ?? 'a');
  const state: ServerState = { ds, catalog, metadata: reviseMetadata(buildMetadata(catalog), opts.metadataRevision ?? 1), auth: new Authenticator(), sessions: new Sessions(opts.clock), baseUrl: '', maxRows: opts.maxRows ?? DEFAULT_MAX_ROWS,
    tuning, webApi: () => (webApi ??= buildWebApi(ds, catalog, opts.clock ?? Date.now, () => tuning.shortTokenSeconds, opts.metadataRevision ?? 1)) };
  const server = createServer((req, res) => { void handleRequest(state, req, res); });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  state.baseUrl = `http://127.0.0.1:${port}`;
  baseUrl = state.baseUrl;
  return {
    loginUrl: `${state.baseUrl}${PATHS.login}`, baseUrl: state.baseUrl, port, listings: ds.listings, seed,
    accounts: DEMO_ACCOUNTS.map(accountInfo), webApi: webApiInfo(state.baseUrl),
    sessionCount: () => state.sessions.size,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
