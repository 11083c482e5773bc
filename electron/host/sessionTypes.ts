// What the host services need from a RETS session. retsAdapter.ts backs it with the
// RetsSession (electron/rets/session.ts); keeping the seam narrow keeps the services readable.
import type { RetsErrorInfo } from '../../shared/rets/errors';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import type { SearchEvent, SearchFormat } from '../../shared/rets/search/types';
import type { LoginInfo } from '../../shared/contract';
import type { Trace } from '../rets/trace';
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
}

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

export interface SessionLike {
  /** Logs in (or returns the current login when already logged in). */
  login(signal?: AbortSignal): Promise<LoginInfo>;
  readonly loggedIn: boolean;
  /** The whole metadata (every resource, class, table, lookup, object type), and the body it came from. */
  metadata(signal?: AbortSignal): Promise<FetchedMetadata>;
  /** One Search request, streamed. */
  search(params: SessionSearchParams, signal?: AbortSignal): AsyncIterable<SearchEvent>;
  /** Follows MAXROWS with Offset until every row (or the limit) has arrived. */
  searchAll(params: SessionSearchParams, signal?: AbortSignal): AsyncIterable<SearchEvent>;
  /** GetObject for `key:*` (ids undefined) or the given object ids. */
  getObjects(resource: string, type: string, key: string, ids: number[] | '*', signal?: AbortSignal): Promise<FetchedObject[]>;
  logout(signal?: AbortSignal): Promise<void>;
  readonly trace: Trace;
  close(): Promise<void>;
}

export type SessionFactory = (conn: ProfileConnection) => SessionLike | Promise<SessionLike>;
