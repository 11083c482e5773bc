// RetsSession — the Node-side RETS client. One instance = one RETS session (one login) with its
// own connection pool, cookie jar, HTTP-auth state and trace.
//
//   const s = new RetsSession(settings);              // ConnectionSettings (types.ts), secrets included
//   const login = await s.login(signal?);              // LoginResponse (shared/rets/login.ts); s.actionText holds the Action page
//   const { metadata, raw } = await s.getMetadata({ type: 'METADATA-TABLE', id: 'Property:RES', format: 'COMPACT' }, signal?);
//   for await (const ev of s.search({ resource: 'Property', class: 'RES', query: '(Status=A)', format: 'COMPACT-DECODED', limit: 100 }, signal?)) …
//   for await (const ev of s.searchAll(params, { onPage }, signal?)) …   // follows MAXROWS with Offset
//   for await (const item of s.getObject({ resource: 'Property', type: 'Photo', ids: 'LN1:*' }, signal?)) …
//   await s.logout(); await s.close();
//   const off = s.trace.subscribe((entry, event) => …); s.trace.list();   s.redactUrl(url) for display
//
// Search events are SearchEvent (shared/rets/search/types.ts); the body is pulled from the socket
// as the consumer asks for events, so awaiting each batch is backpressure, not a queue. 20201 is an
// empty result, never an error. Every failure is a RetsError (shared/rets/errors.ts) with kind,
// transaction, HTTP status, ReplyCode/Text, cause and hint. Every call takes an AbortSignal.
// When the server says the session expired (HTTP 401 after login, RETS 20701 or 20037) the session
// logs in once more and retries the request once.
import { describeError, isRetsError, type RetsTransaction } from '../../shared/rets/errors';
import type { LoginResponse } from '../../shared/rets/login';
import type { SearchEvent } from '../../shared/rets/search/types';
import type { CapabilityName, SessionCore } from './core';
import { inputError, isSessionExpired, protocolError } from './errors';
import { fetchMetadata, type MetadataResult } from './metadata';
import { fetchObjects, type ObjectItem } from './objects';
import { searchAllPages, streamSearch, type SearchAllOptions } from './search';
import { fetchAction, logoutOnce, loginOnce, type LogoutResult } from './loginFlow';
import { redactUrl } from '../../shared/redact';
import { SharedRun } from './sharedRun';
import { Trace } from './trace';
import { failOnHttpStatus, Transport, type TransportRequest, type TransportResponse } from './transport';
import type { ConnectionSettings, GetObjectParams, MetadataRequest, SearchParams } from './types';

export type { LogoutResult } from './loginFlow';
export type { MetadataResult } from './metadata';
export type { ObjectItem } from './objects';
export type { SearchAllOptions } from './search';

export interface RetsSessionOptions {
  /** Trace entries kept (oldest dropped first). */
  traceLimit?: number;
}

export class RetsSession {
  readonly trace: Trace;
  private readonly transport: Transport;
  private loginResult?: LoginResponse;
  private capabilities = new Map<string, string>();
  private action?: string;
  private reloginRunning?: SharedRun<void>;
  private readonly core: SessionCore;

  constructor(readonly settings: ConnectionSettings, options: RetsSessionOptions = {}) {
    this.trace = new Trace(options.traceLimit ?? 500);
    this.transport = new Transport(settings, this.trace);
    this.core = {
      settings,
      transport: this.transport,
      capabilityUrl: (name, transaction) => this.capabilityUrl(name, transaction),
      open: (req) => this.open(req),
      shouldRelogin: (e, attempt) => attempt === 0 && this.loginResult !== undefined && isSessionExpired(e),
      relogin: (signal) => this.relogin(signal),
    };
  }

  /** The last successful login response, if logged in. */
  get loginResponse(): LoginResponse | undefined {
    return this.loginResult;
  }

  /** Text of the Action page fetched after login (bulletin, notice), if the server has one. */
  get actionText(): string | undefined {
    return this.action;
  }

  get loggedIn(): boolean {
    return this.loginResult !== undefined;
  }

  /** Log in (HTTP auth, cookies, capability URLs) and fetch the Action page when one is listed. */
  async login(signal?: AbortSignal): Promise<LoginResponse> {
    this.transport.auth.reset();
    this.transport.jar.removeAllCookiesSync();
    const result = await loginOnce(this.core, signal);
    this.loginResult = result.response;
    this.capabilities = result.capabilities;
    this.action = undefined;
    const actionUrl = this.capabilities.get('action');
    if (actionUrl) {
      // A broken bulletin page must not block the login; say so in the login warnings instead.
      try {
        this.action = await fetchAction(this.core, actionUrl, signal);
      } catch (e) {
        if (signal?.aborted) throw e;
        result.response.warnings.push(`The Action page could not be fetched: ${isRetsError(e) ? describeError(e.info) : String(e)}`);
      }
    }
    return result.response;
  }

  /** Log out (when the server lists Logout) and forget the session. Tolerates an empty reply. */
  async logout(signal?: AbortSignal): Promise<LogoutResult> {
    if (!this.loginResult) return {};
    try {
      return this.capabilities.has('logout') ? await logoutOnce(this.core, signal) : {};
    } finally {
      this.loginResult = undefined;
      this.capabilities.clear();
      this.transport.jar.removeAllCookiesSync();
    }
  }

  getMetadata(req: MetadataRequest, signal?: AbortSignal): Promise<MetadataResult> {
    return fetchMetadata(this.core, req, signal);
  }

  /** One search request, streamed. */
  search(params: SearchParams, signal?: AbortSignal): AsyncIterable<SearchEvent> {
    return streamSearch(this.core, params, signal);
  }

  /** Every page of a search (MAXROWS + Offset), streamed; stops with a protocol error on a repeated page. */
  searchAll(params: SearchParams, options: SearchAllOptions = {}, signal?: AbortSignal): AsyncIterable<SearchEvent> {
    return searchAllPages(this.core, params, options, signal);
  }

  /** Objects (photos…) as each arrives; a per-object error is an item, not a failure. */
  getObject(params: GetObjectParams, signal?: AbortSignal): AsyncIterable<ObjectItem> {
    return fetchObjects(this.core, params, signal);
  }

  /** A URL made safe to show or log: no password, UA password or session id in it. */
  redactUrl(url: string): string {
    return redactUrl(url, this.transport.secrets(url));
  }

  /** Close the connection pool (logout first if the server should know). */
  async close(): Promise<void> {
    await this.transport.close();
  }

  private capabilityUrl(name: CapabilityName, transaction: RetsTransaction): string {
    if (!this.loginResult) {
      throw inputError({ transaction }, `Not logged in: ${transaction} needs a login first.`, 'Log in, then retry.');
    }
    const url = this.capabilities.get(name.toLowerCase());
    if (!url) {
      throw protocolError({ transaction }, `The server did not list the ${name} capability at login.`,
        `The login response has no ${name}= line, so this server does not offer ${transaction} to this account.`,
        'Ask the MLS whether your account has access to this transaction.');
    }
    return url;
  }

  private async open(req: TransportRequest): Promise<TransportResponse> {
    const res = await this.transport.send(req);
    await failOnHttpStatus(res, this.settings.uaPassword !== undefined && this.settings.uaPassword !== '');
    return res;
  }

  /** Log in again once even if several requests find the session expired at the same time. */
  private relogin(signal?: AbortSignal): Promise<void> {
    // Its own signal: one request's cancel must not abort the login the others wait on.
    this.reloginRunning ??= new SharedRun((own) => this.login(own).then(() => undefined).finally(() => { this.reloginRunning = undefined; }), 'Login');
    return this.reloginRunning.join(signal);
  }
}
