// Public types of the RETS session client (electron/rets). See session.ts for the API.
import type { SearchFormat } from '../../shared/rets/search/types';

export type RetsVersion = 'RETS/1.5' | 'RETS/1.7' | 'RETS/1.7.2' | 'RETS/1.8' | (string & {});

/** One connection profile, secrets included (the host reads them from the keychain). */
export interface ConnectionSettings {
  loginUrl: string;
  username: string;
  password: string;
  /** Sent as User-Agent on every request; some MLSs gate on it. */
  userAgent: string;
  /** When set, RETS-UA-Authorization is sent on every request. */
  uaPassword?: string;
  retsVersion: RetsVersion;
  /** 'auto' answers whatever the server's WWW-Authenticate asks for (Digest preferred). */
  authScheme: 'auto' | 'digest' | 'basic';
  /** GET (query string) or POST (form-encoded body) for every transaction. */
  method: 'GET' | 'POST';
  connectTimeoutMs: number;
  /** Longest silence allowed while waiting for headers or between body chunks. */
  idleTimeoutMs: number;
  /** At most this many requests started per minute (unset: no limit). */
  throttlePerMinute?: number;
  /**
   * Send every request to the login URL's scheme, host and port, whatever host the login
   * response's capability URLs name (for a server reached through a tunnel or proxy).
   */
  keepLoginHost?: boolean;
}

export const DEFAULT_SETTINGS: Omit<ConnectionSettings, 'loginUrl' | 'username' | 'password'> = {
  userAgent: 'RETSWorkbench/0.1',
  retsVersion: 'RETS/1.7.2',
  authScheme: 'auto',
  method: 'GET',
  connectTimeoutMs: 15_000,
  idleTimeoutMs: 60_000,
};

export type MetadataFormat = 'COMPACT' | 'STANDARD-XML';

export interface MetadataRequest {
  /** e.g. 'METADATA-SYSTEM', 'METADATA-TABLE'; the 'METADATA-' prefix is added when missing. */
  type: string;
  /** '0', '*', 'Property', 'Property:RES'… */
  id: string;
  format?: MetadataFormat;
}

export interface SearchParams {
  /** SearchType (the resource id). */
  resource: string;
  class: string;
  query: string;
  /** Always DMQL2 unless told otherwise. */
  queryType?: 'DMQL2' | 'DMQL';
  format?: SearchFormat;
  /** 0 none, 1 count and data, 2 count only. */
  count?: 0 | 1 | 2;
  /** Field names, comma-joined when an array. */
  select?: string | string[];
  limit?: number | 'NONE';
  /** 1-based. */
  offset?: number;
  standardNames?: boolean;
  restrictedIndicator?: string;
}

export interface PageInfo {
  /** 1-based page number. */
  page: number;
  /** Offset sent for this page (1-based). */
  offset: number;
  /** Rows received on this page. */
  rows: number;
  /** Rows received so far over all pages. */
  totalRows: number;
  /** Whether the server said more rows match (<MAXROWS/>). */
  maxrows: boolean;
}

export interface GetObjectParams {
  resource: string;
  /** ObjectType: Photo, Thumbnail, Plat… */
  type: string;
  /** `LN1:*`, `LN1:1:3,LN2:0`, or a list of such entries. */
  ids: string | string[];
  /** 1 asks for URLs (Location headers) instead of bytes. */
  location?: 0 | 1;
  /** Accept header; default `*\/*`. */
  accept?: string;
}
