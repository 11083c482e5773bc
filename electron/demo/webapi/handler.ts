// The Web API's HTTP front: the token endpoint, then for each service root the bearer-token check,
// the client's rehearsal (rate limit, slow, dropped, JSON metadata...), and the routes: service
// document, $metadata, a collection, an entity by key.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyWriter, ClientGone, type BodyFaults } from '../bodyWriter';
import type { Tuning } from '../context';
import { DROP_AFTER_BYTES } from '../faults';
import { findStaticToken, type WebClient } from './accounts';
import { contextUrl, planPage, sendCollection, type CollectionRequest } from './collection';
import type { LookupStyle } from './entities';
import { rowOfKey } from './entities';
import { sendError, WebApiError } from './errors';
import { handleToken, type TokenStore } from './oauth';
import { readQueryOptions } from './queryOptions';
import { rowJson } from './rows';
import { TOKEN_PATH, type WebService } from './service';

export interface WebApiState {
  services: Record<LookupStyle, WebService>;
  tokens: TokenStore;
  /** Request times per rate-limited client within the last minute. */
  hits: Map<string, number[]>;
  now: () => number;
}

interface Req {
  web: WebApiState;
  tuning: Tuning;
  baseUrl: string;
  req: IncomingMessage;
  res: ServerResponse;
  service: WebService;
  /** Undefined for a static token. */
  client?: WebClient;
  headers: Record<string, string>;
}

const REALM = 'Demo MLS Web API';

export function isWebApiPath(path: string): boolean {
  return path === '/reso' || path.startsWith('/reso/');
}

export async function handleWebApi(web: WebApiState, tuning: Tuning, baseUrl: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === TOKEN_PATH) return handleToken(web.tokens, req, res);
  const service = Object.values(web.services).find((s) => url.pathname === s.path || url.pathname.startsWith(`${s.path}/`));
  const headers = { 'OData-Version': service?.version ?? '4.0' };
  try {
    if (!service) throw new WebApiError(404, 'NotFound', `Nothing at ${url.pathname}. Service roots: ${Object.values(web.services).map((s) => baseUrl + s.path).join(', ')}; token URL ${baseUrl}${TOKEN_PATH}.`);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new WebApiError(405, 'MethodNotAllowed', 'This service is read-only: use GET.');
    const r: Req = { web, tuning, baseUrl, req, res, service, headers, client: authorize(web, req, url.searchParams) };
    if (r.client?.failure === 'rate-limit') rateLimit(r);
    if (r.client?.failure === 'slow') await new Promise((done) => setTimeout(done, tuning.slowDelayMs));
    await route(r, url.pathname.slice(service.path.length), url.searchParams);
  } catch (e) {
    if (e instanceof ClientGone) return;
    if (res.headersSent) { res.destroy(); return; }
    sendError(res, e instanceof WebApiError ? e : new WebApiError(500, 'InternalError', `Server error: ${(e as Error).message}`), headers);
  }
}

/** The client behind the bearer token; throws the 401 a resource server sends (RFC 6750). */
function authorize(web: WebApiState, req: IncomingMessage, params: URLSearchParams): WebClient | undefined {
  const header = req.headers.authorization ?? '';
  const token = /^bearer /i.test(header) ? header.slice(7).trim() : params.get('access_token') ?? '';
  const challenge = (error?: string, description?: string) => ({
    'WWW-Authenticate': `Bearer realm="${REALM}"${error ? `, error="${error}", error_description="${description}"` : ''}`,
  });
  if (!token) throw new WebApiError(401, 'Unauthorized', 'Authentication required: send Authorization: Bearer <access token> (get one from the token URL).', undefined, [], challenge());
  const fixed = findStaticToken(token);
  if (fixed?.failure === 'none') return undefined;
  const client = fixed ? 'expired' : web.tokens.check(token);
  if (client === 'expired') throw new WebApiError(401, 'Unauthorized', 'The access token expired: request a new one (or use the refresh token).', undefined, [], challenge('invalid_token', 'The access token expired'));
  if (!client) throw new WebApiError(401, 'Unauthorized', 'The access token is not recognised: request a new one from the token URL.', undefined, [], challenge('invalid_token', 'The access token is invalid'));
  return client;
}

/** A per-minute burst limit with the quota headers Bridge and Trestle send. */
function rateLimit(r: Req): void {
  const now = r.web.now();
  const perMinute = r.tuning.rateLimitPerMinute;
  const id = r.client!.clientId;
  const list = (r.web.hits.get(id) ?? []).filter((t) => now - t < 60_000);
  const over = list.length >= perMinute;
  if (!over) list.push(now);
  r.web.hits.set(id, list);
  const reset = Math.max(1, Math.ceil((60_000 - (now - list[0])) / 1000));
  Object.assign(r.headers, {
    'Burst-RateLimit-Limit': String(perMinute), 'Burst-RateLimit-Remaining': String(Math.max(0, perMinute - list.length)), 'Burst-RateLimit-Reset': String(reset),
    'Hour-Quota-Limit': String(perMinute * 60), 'Hour-Quota-Available': String(Math.max(0, perMinute * 60 - list.length)),
    'Hour-Quota-ResetTime': new Date(now + 3_600_000).toISOString(),
  });
  if (over) throw new WebApiError(429, 'TooManyRequests', `Rate limit exceeded: ${perMinute} requests a minute for this client. Retry after ${reset} seconds.`, undefined, [], { 'Retry-After': String(reset) });
}

function faults(r: Req, page: boolean): BodyFaults {
  if (r.client?.failure === 'slow') return { trickle: true };
  if (r.client?.failure === 'drop-connection' && page) return { dropAfterBytes: DROP_AFTER_BYTES };
  return {};
}

async function sendText(r: Req, contentType: string, text: string, page = false): Promise<void> {
  r.res.writeHead(200, { ...r.headers, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  const w = new BodyWriter(r.res, faults(r, page));
  await w.write(text);
  await w.end();
}

function wantsJsonMetadata(r: Req, params: URLSearchParams): boolean {
  if (r.client?.failure === 'json-metadata') return true;
  const format = params.get('$format')?.split(';')[0].trim().toLowerCase();
  if (format) return format === 'json' || format === 'application/json';
  const accept = (r.req.headers.accept ?? '').toLowerCase();
  return accept.includes('json') && !accept.includes('xml');
}

async function route(r: Req, rest: string, params: URLSearchParams): Promise<void> {
  const { service, baseUrl } = r;
  if (rest === '' || rest === '/') {
    const value = service.model.tables.map((t) => ({ name: t.entitySet, kind: 'EntitySet', url: t.entitySet }));
    return sendText(r, 'application/json; odata.metadata=minimal; charset=utf-8', JSON.stringify({ '@odata.context': `${baseUrl}${service.path}/$metadata`, value }));
  }
  if (rest === '/$metadata') {
    return wantsJsonMetadata(r, params)
      ? sendText(r, 'application/json; charset=utf-8', service.json)
      : sendText(r, 'application/xml; charset=utf-8', service.xml);
  }
  const m = /^\/([A-Za-z]+)(?:\((.*)\)|(\/\$count))?$/.exec(rest);
  const table = m ? service.model.tables.find((t) => t.entitySet === m[1]) : undefined;
  if (!m || !table) {
    const other = m ? service.model.tables.find((t) => t.entitySet.toLowerCase() === m[1].toLowerCase()) : undefined;
    throw new WebApiError(404, 'NotFound', `No resource at ${rest}.${other ? ` Names are case-sensitive: ${other.entitySet}.` : ''} Entity sets: ${service.model.tables.map((t) => t.entitySet).join(', ')}.`);
  }
  const req: CollectionRequest = { service, table, params, client: r.client, prefer: [r.req.headers.prefer ?? []].flat().join(", "), baseUrl, now: new Date(r.web.now()) };
  if (m[3]) return sendText(r, 'text/plain; charset=utf-8', String(planPage(req).total));
  if (m[2] === undefined) return sendCollection(req, r.res, r.headers, faults(r, true));
  const key = /^(?:[A-Za-z]+=)?'((?:[^']|'')*)'$/.exec(m[2])?.[1]?.replace(/''/g, "'") ?? m[2];
  const row = rowOfKey(table, key);
  if (row < 0) throw new WebApiError(404, 'NotFound', `${table.entitySet} has no entity with ${table.key} '${key}'.`);
  const o = readQueryOptions(params, table);
  const json = rowJson(table, o.select ?? table.props, service.style, o.expandMedia);
  const body = json(row);
  const context = JSON.stringify(`${contextUrl(req, o)}/$entity`);
  return sendText(r, 'application/json; odata.metadata=minimal; charset=utf-8', `{"@odata.context":${context}${body === '{}' ? '' : `,${body.slice(1, -1)}`}}`);
}
