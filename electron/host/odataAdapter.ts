// Backs the host's SessionLike with the RESO Web API's ODataSession (electron/odata/session.ts):
// login is the token request and the service document; metadata is $metadata mapped onto the neutral
// model, the Lookup resource's values read per LookupName when asked; a search is one OData query whose pages are
// followed to the limit; objects are the record's Media, their MediaURL images fetched under the
// hardening rules. Quota headers and Retry-After waits are kept for the session status.
import type { LoginInfo } from '../../shared/contract';
import type { MetadataLookup } from '../../shared/rets/metadata/model';
import { redactUrl } from '../../shared/redact';
import { isODataError } from '../../shared/odata/errors';
import { lookupsFromRows } from '../../shared/odata/csdl/lookupRows';
import { ODataSession, type ServiceDocument } from '../odata/session';
import { mediaDescription, type MediaItem } from '../odata/media';
import type { TransportEvent } from '../odata/transport';
import type { ODataRowBatch } from '../../shared/odata/payload';
import type { ODataAuth, ODataQueryEvent } from '../odata/types';
import { quoteLiteral, searchQueryOptions, underRoot } from '../../shared/odata/urls';
import { odataErrorInfo } from './odataErrorInfo';
import type { ProfileConnection } from './profiles';
import type { FetchedObject, SessionActivity, SessionFactory, SessionLike, SessionSearchEvent, SessionSearchParams } from './sessionTypes';

export function odataAuth(p: ProfileConnection): ODataAuth {
  const w = p.webApi;
  if (!w) return { kind: 'none' };
  const common = { tokenUrl: w.tokenUrl ?? '', clientId: w.clientId, clientAuth: w.clientAuth, ...(w.scope ? { scope: w.scope } : {}) };
  switch (w.auth) {
    case 'bearer': return { kind: 'bearer', token: p.token ?? '' };
    case 'password': return { kind: 'password', ...common, username: p.username, password: p.password, ...(p.clientSecret ? { clientSecret: p.clientSecret } : {}) };
    default: return { kind: 'client-credentials', ...common, clientSecret: p.clientSecret ?? '' };
  }
}

export function odataSettings(p: ProfileConnection): ConstructorParameters<typeof ODataSession>[0] {
  return {
    serviceRoot: p.loginUrl,
    auth: odataAuth(p),
    ...(p.userAgent ? { userAgent: p.userAgent } : {}),
    ...(p.webApi && Object.keys(p.webApi.headers).length ? { extraHeaders: { ...p.webApi.headers } } : {}),
    connectTimeoutMs: p.timeouts.connectSeconds * 1000,
    idleTimeoutMs: p.timeouts.responseSeconds * 1000,
    ...(p.webApi?.pageSize ? { maxPageSize: p.webApi.pageSize } : {}),
    ...(p.throttle.requestsPerMinute > 0 ? { throttlePerMinute: p.throttle.requestsPerMinute } : {}),
  };
}

/** Whether a Media row is of the object type asked (RETS "Photo": every photo-like row). */
function ofType(m: MediaItem, type: string): boolean {
  const category = (m.category ?? '').toLowerCase();
  if (type.toLowerCase() === 'photo') return !category || category.includes('photo') || category.includes('image');
  return category === type.toLowerCase();
}

function yes(v: string | undefined): boolean {
  const t = (v ?? '').trim().toLowerCase();
  return t === 'true' || t === '1' || t === 'y' || t === 'yes';
}

class ODataSessionAdapter implements SessionLike {
  private readonly s: ODataSession;
  private readonly secrets: string[];
  private readonly listeners = new Set<() => void>();
  private login_: LoginInfo | undefined;
  private services: ServiceDocument | undefined;
  private quotaAt: string | undefined;
  private wait: { ms: number; until: number } | undefined;

  constructor(conn: ProfileConnection) {
    this.s = new ODataSession(odataSettings(conn), { onEvent: (e) => this.observe(e) });
    this.secrets = [conn.password, conn.clientSecret ?? '', conn.token ?? ''].filter((x) => x.length >= 4);
  }

  get trace() { return this.s.trace; }
  get loggedIn() { return this.login_ !== undefined; }

  activity(): SessionActivity {
    const q = this.s.quota;
    const waiting = this.wait && this.wait.until > Date.now() ? this.wait : undefined;
    return {
      ...(q && this.quotaAt ? { quota: { windows: q.windows.map((w) => ({ ...w })), raw: { ...q.raw }, at: this.quotaAt } } : {}),
      ...(waiting ? { waitingMs: waiting.ms, waitingUntil: new Date(waiting.until).toISOString() } : {}),
    };
  }

  onActivity(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  /** Waits and quota headers, from query pages and from whole-body calls alike. */
  private observe(e: TransportEvent | ODataQueryEvent): void {
    if (e.kind === 'quota') this.quotaAt = new Date().toISOString();
    else if (e.kind === 'wait') this.wait = { ms: e.retryAfterMs, until: Date.now() + e.retryAfterMs };
    else return;
    for (const l of this.listeners) l();
  }

  /** A wait that was running has ended (the next answer came). */
  private waited(): void {
    if (!this.wait) return;
    this.wait = undefined;
    for (const l of this.listeners) l();
  }

  async login(signal?: AbortSignal): Promise<LoginInfo> {
    if (this.login_) return this.login_;
    const root = this.s.settings.serviceRoot;
    // The service document needs the token: the token request runs first, through the same trace.
    const doc = await this.s.serviceDocument(signal);
    this.waited();
    this.services = doc;
    const capabilities: Record<string, string> = { ServiceRoot: redactUrl(root, this.secrets), Metadata: redactUrl(underRoot(root, '$metadata'), this.secrets) };
    const auth = this.s.settings.auth;
    if ('tokenUrl' in auth) capabilities.Token = redactUrl(auth.tokenUrl, this.secrets);
    for (const e of doc.entitySets) capabilities[e.name] = redactUrl(e.url, this.secrets);
    this.login_ = {
      capabilities,
      ...(doc.entitySets.length === 0 ? { warnings: ['The service document lists no entity sets.'] } : {}),
    };
    return this.login_;
  }

  /**
   * $metadata alone: the Lookup resource's values are read per LookupName when asked
   * (lookupValues), since a real server's Lookup resource runs to tens of thousands of rows.
   */
  async metadata(signal?: AbortSignal) {
    const { text, model } = await this.s.metadata(signal);
    this.waited();
    return { metadata: model, raw: text, format: 'CSDL' };
  }

  /** One lookup's rows from the Lookup resource ($filter on LookupName), every page. */
  async lookupValues(lookupName: string, signal?: AbortSignal): Promise<MetadataLookup> {
    const batches: ODataRowBatch[] = [];
    for await (const e of this.s.query('Lookup', { filter: `LookupName eq ${quoteLiteral(lookupName)}` }, signal)) {
      if (e.kind !== 'wait') this.waited();
      if (e.kind === 'rows') batches.push(e.batch);
      else if (e.kind === 'wait' || e.kind === 'quota') this.observe(e);
    }
    return lookupsFromRows(batches).get(lookupName) ?? { name: lookupName, visibleName: lookupName, values: [], raw: { LookupName: lookupName } };
  }

  search(params: SessionSearchParams, signal?: AbortSignal): AsyncIterable<SessionSearchEvent> {
    return this.events(params, signal);
  }

  /** OData pages are always followed to the limit: searchAll is the same query. */
  searchAll(params: SessionSearchParams, signal?: AbortSignal): AsyncIterable<SessionSearchEvent> {
    return this.events(params, signal);
  }

  private async *events(params: SessionSearchParams, signal?: AbortSignal): AsyncGenerator<SessionSearchEvent> {
    const entitySet = params.resource || params.class;
    let count: number | undefined;
    const options = searchQueryOptions(params);
    // The count covers every match: a window starting at $skip has read skip + totalRows of them.
    const skipped = options.skip ?? 0;
    for await (const e of this.s.query(entitySet, options, signal)) {
      if (e.kind !== 'wait') this.waited();
      switch (e.kind) {
        case 'columns': yield { kind: 'columns', columns: [...e.columns] }; break;
        case 'count': count = e.count; yield { kind: 'count', count: e.count }; break;
        case 'rows': yield { kind: 'rows', batch: e.batch }; break;
        case 'warning': yield { kind: 'warning', message: e.message }; break;
        case 'page': {
          const p = e.page;
          const more = p.nextLink !== undefined || (count !== undefined && skipped + p.totalRows < count);
          yield { kind: 'page', page: { n: p.n, rows: p.rows, totalRows: p.totalRows, more, ...(p.nextLink ? { nextLink: redactUrl(p.nextLink, this.secrets) } : {}) } };
          break;
        }
        case 'wait': case 'quota': this.observe(e); break;
        default: break;
      }
    }
  }

  /** The record's Media (by ResourceRecordKey) of the type asked, each MediaURL image fetched. */
  async getObjects(resource: string, type: string, key: string, ids: number[] | '*', signal?: AbortSignal): Promise<FetchedObject[]> {
    const items = (await this.s.media({ ResourceRecordKey: key, ResourceName: resource }, signal)).filter((m) => ofType(m, type));
    this.waited();
    const out: FetchedObject[] = [];
    for (let i = 0; i < items.length; i++) {
      const m = items[i]!;
      const objectId = i + 1;
      if (ids !== '*' && !ids.includes(objectId)) continue;
      const base = {
        objectId, contentId: key, contentType: m.mimeType ?? '',
        description: mediaDescription(m),
        preferred: yes(m.raw.PreferredPhotoYN) || (m.order === 1 && !('PreferredPhotoYN' in m.raw)),
      };
      if (!m.url) { out.push({ ...base, error: { kind: 'protocol', transaction: 'GetObject', message: `Media ${m.mediaKey || objectId} has no MediaURL.` } }); continue; }
      try {
        const img = await this.s.mediaImage(m.url, signal);
        out.push({ ...base, contentType: img.type, data: img.bytes });
      } catch (e) {
        if (signal?.aborted || !isODataError(e)) throw e;
        out.push({ ...base, error: odataErrorInfo(e.info) });
      }
    }
    return out;
  }

  /** OAuth2 has no logout: the token is dropped with the session. */
  async logout(): Promise<void> {
    this.login_ = undefined;
  }

  close(): Promise<void> {
    this.listeners.clear();
    return this.s.close();
  }
}

export const odataSessionFactory: SessionFactory = (conn) => new ODataSessionAdapter(conn);
