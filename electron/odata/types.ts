// Public types of the RESO Web API (OData) client. See session.ts for the API.
import type { ODataRowBatch } from '../../shared/odata/payload';
import type { ODataQueryOptions } from '../../shared/odata/urls';
import type { QuotaInfo } from './quota';

/** How requests are authorised: each is a profile option. Secrets come from the keychain, never from disk. */
export type ODataAuth =
  | { kind: 'none' }
  /** A long-lived token the MLS issued (MLS Grid, Spark, Bridge). */
  | { kind: 'bearer'; token: string }
  /** OAuth2 client credentials (Trestle and most others). */
  | { kind: 'client-credentials'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string; clientAuth?: 'post' | 'basic' }
  /** OAuth2 password grant with refresh tokens (Rapattoni). */
  | {
    kind: 'password'; tokenUrl: string; clientId: string; clientSecret?: string; username: string; password: string;
    scope?: string; clientAuth?: 'post' | 'basic';
  };

export interface ODataSettings {
  /** Kept exactly as given, versioned paths and dataset segments included. */
  serviceRoot: string;
  auth: ODataAuth;
  userAgent: string;
  /** Headers some vendors need on every data request (an API key, a dataset name); the client's own win. */
  extraHeaders?: Record<string, string>;
  connectTimeoutMs: number;
  /** Longest silence allowed while waiting for headers or between body chunks. */
  idleTimeoutMs: number;
  /** Sent as `Prefer: odata.maxpagesize=N` (unset: the server's default). */
  maxPageSize?: number;
  /** At most this many requests started per minute (unset: no limit). */
  throttlePerMinute?: number;
  /** Longest Retry-After waited out (longer: a typed error saying how long). */
  maxRetryWaitMs: number;
  /** Rate-limited answers retried at most this many times per request. */
  maxRetries: number;
  /** Most bytes one data page may take (decompressed). */
  maxPageBytes: number;
  /** Most bytes $metadata may take. */
  maxMetadataBytes: number;
  /** Most bytes one media file (a MediaURL image) may take. */
  maxMediaBytes: number;
}

export const DEFAULT_ODATA_SETTINGS: Omit<ODataSettings, 'serviceRoot' | 'auth'> = {
  userAgent: 'RETSWorkbench/0.1',
  connectTimeoutMs: 15_000,
  idleTimeoutMs: 60_000,
  maxRetryWaitMs: 120_000,
  maxRetries: 4,
  maxPageBytes: 512 * 1024 * 1024,
  maxMetadataBytes: 128 * 1024 * 1024,
  maxMediaBytes: 25 * 1024 * 1024,
};

/** Time as the client sees it: injectable so tests wait out Retry-After without real sleeps. */
export interface ODataClock {
  now(): number;
  /** Resolves after ms, rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface QueryOptions extends ODataQueryOptions {
  /** Page size asked with `Prefer: odata.maxpagesize` (default: the settings'). */
  pageSize?: number;
}

export interface PageEvent {
  /** 1-based page number. */
  n: number;
  /** Rows this page delivered (after the $top limit). */
  rows: number;
  totalRows: number;
  /** The page's @odata.nextLink as sent (undefined on the last page, or when the $top limit stopped paging). */
  nextLink?: string;
}

export type ODataQueryEvent =
  | { kind: 'context'; context: string }
  | { kind: 'columns'; columns: readonly string[] }
  | { kind: 'count'; count: number; raw: string }
  | { kind: 'rows'; batch: ODataRowBatch }
  | { kind: 'page'; page: PageEvent }
  /** A 429/503 with Retry-After (or a backoff) is being waited out; cancel with the signal. */
  | { kind: 'wait'; retryAfterMs: number; status: number; attempt: number }
  /** Quota headers of the last answer. */
  | { kind: 'quota'; quota: QuotaInfo }
  | { kind: 'warning'; message: string };
