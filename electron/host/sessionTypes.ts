// What the host services need from a session, whatever the protocol. retsAdapter.ts backs it
// with the RetsSession (electron/rets/session.ts), odataAdapter.ts with the Web API's ODataSession;
// keeping the seam narrow keeps the services readable and protocol-neutral.
import type { RetsErrorInfo } from '../../shared/rets/errors';
import type { MetadataLookup, RetsMetadata } from '../../shared/rets/metadata/model';
import type { SearchEvent, SearchFormat } from '../../shared/rets/search/types';
import type { LoginInfo, SessionQuota } from '../../shared/contract';
import type { TraceListener } from '../rets/trace';
import type { ProfileConnection } from './profiles';

export interface SessionSearchParams {
  resource: string;
  class: string;
  query: string;
  select?: string[];
  limit?: number | 'NONE';
  offset?: number;
  count?: 0 | 1 | 2;
  format?: SearchFormat;
  standardNames?: boolean;
  restrictedIndicator?: string;
  /** Web API options beyond $filter (query), $select (select) and $top (limit). */
  odata?: { orderby?: string; expand?: string; count?: boolean; skip?: number };
}

/** A server page read (Web API): rows in it and so far, and whether the server offers more. */
export interface PageInfo { n: number; rows: number; totalRows: number; nextLink?: string; more: boolean }

/** What a search yields: the RETS parser's events, and the Web API's pages. */
export type SessionSearchEvent = SearchEvent | { kind: 'page'; page: PageInfo };

/** Protocol facts beyond the request log: the server's quota and a Retry-After wait running. */
export interface SessionActivity { quota?: SessionQuota; waitingMs?: number; waitingUntil?: string }

/** One object of a GetObject response (or a per-object error). */
export interface FetchedObject {
  objectId: number;
  contentId: string;
  contentType: string;
  description: string;
  preferred: boolean;
  /** Location=1 answers carry a URL instead of bytes. */
  location?: string;
  data?: Uint8Array;
  error?: RetsErrorInfo;
}

export interface FetchedMetadata {
  metadata: RetsMetadata;
  /** The body as the server sent it (decoded text), kept so a parser fix can read it again. */
  raw: string;
  format: string;
}

/** The request log as the pool reads it (RETS transactions, or Web API operations). */
export interface SessionTrace {
  subscribe(listener: TraceListener<string>): () => void;
  /** Entry ids from the host's per-profile log, so an error can name its entry (the inspector). */
  idsFrom?(next: () => number): void;
}

export interface SessionLike {
  /** Logs in (or returns the current login when already logged in). */
  login(signal?: AbortSignal): Promise<LoginInfo>;
  readonly loggedIn: boolean;
  /** The whole metadata (every resource, class, table, lookup, object type), and the body it came from. */
  metadata(signal?: AbortSignal): Promise<FetchedMetadata>;
  /** One lookup's values read on demand (Web API: the Lookup resource's rows for a LookupName); absent for RETS. */
  lookupValues?(lookupName: string, signal?: AbortSignal): Promise<MetadataLookup>;
  /** One Search request, streamed. */
  search(params: SessionSearchParams, signal?: AbortSignal): AsyncIterable<SessionSearchEvent>;
  /** Follows MAXROWS with Offset (Web API: nextLink) until every row (or the limit) has arrived. */
  searchAll(params: SessionSearchParams, signal?: AbortSignal): AsyncIterable<SessionSearchEvent>;
  /** GetObject for `key:*` (ids undefined) or the given object ids. */
  getObjects(resource: string, type: string, key: string, ids: number[] | '*', signal?: AbortSignal): Promise<FetchedObject[]>;
  logout(signal?: AbortSignal): Promise<void>;
  readonly trace: SessionTrace;
  /** Quota and waits (Web API); absent for RETS. */
  activity?(): SessionActivity;
  /** Called when activity() changes; returns the unsubscribe. */
  onActivity?(listener: () => void): () => void;
  close(): Promise<void>;
}

export type SessionFactory = (conn: ProfileConnection) => SessionLike | Promise<SessionLike>;
