// The OAuth2 token endpoint (RFC 6749): client credentials, the password grant with refresh tokens,
// client authentication by HTTP Basic or form fields, and the RFC's error codes. Tokens live in
// memory with an expiry read from the server's clock.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_SCOPE, findClient, findUser, type Grant, type WebClient, TOKEN_SECONDS } from './accounts';

interface Issued { client: WebClient; username?: string; scope: string; expiresAt: number }

/** At most this many tokens are kept; the oldest go first (a demo server must not grow without bound). */
const MAX_TOKENS = 20_000;

export class TokenStore {
  private readonly access = new Map<string, Issued>();
  private readonly refresh = new Map<string, Issued>();

  constructor(private readonly now: () => number, private readonly shortSeconds: () => number) {}

  private add(map: Map<string, Issued>, issued: Issued): string {
    const token = randomBytes(24).toString('base64url');
    if (map.size >= MAX_TOKENS) map.delete(map.keys().next().value as string);
    map.set(token, issued);
    return token;
  }

  issue(client: WebClient, scope: string, username?: string): Record<string, unknown> {
    const seconds = client.failure === 'short-token' ? this.shortSeconds() : TOKEN_SECONDS;
    const issued: Issued = { client, scope, expiresAt: this.now() + seconds * 1000, ...(username ? { username } : {}) };
    const body: Record<string, unknown> = { access_token: this.add(this.access, issued), token_type: 'Bearer', expires_in: seconds, scope };
    if (username) body.refresh_token = this.add(this.refresh, { ...issued, expiresAt: Infinity });
    return body;
  }

  /** The client behind a bearer token: 'expired', or undefined when unknown. */
  check(token: string): WebClient | 'expired' | undefined {
    const t = this.access.get(token);
    if (!t) return undefined;
    if (this.now() >= t.expiresAt) return 'expired';
    return t.client;
  }

  /** Uses up a refresh token (they rotate). */
  takeRefresh(token: string, client: WebClient): Issued | undefined {
    const t = this.refresh.get(token);
    if (!t || t.client !== client) return undefined;
    this.refresh.delete(token);
    return t;
  }
}

class OAuthError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) { super(message); }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The client by HTTP Basic (client_secret_basic) or form fields (client_secret_post). */
function authenticate(req: IncomingMessage, form: URLSearchParams): WebClient {
  let id = form.get('client_id') ?? '';
  let secret = form.get('client_secret') ?? '';
  const header = req.headers.authorization ?? '';
  if (/^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    id = decodeURIComponent(decoded.slice(0, Math.max(0, colon)));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  const client = findClient(id);
  if (!id) throw new OAuthError(401, 'invalid_client', 'Client authentication failed: send client_id and client_secret (form fields or HTTP Basic).');
  if (!client || client.failure === 'rotated-secret' || !same(secret, client.clientSecret)) {
    throw new OAuthError(401, 'invalid_client', 'Client authentication failed: unknown client_id or wrong client_secret.');
  }
  return client;
}

function grantedScope(client: WebClient, asked: string | null): string {
  const wanted = (asked ?? '').split(' ').filter(Boolean);
  const list = wanted.length ? wanted : [DEFAULT_SCOPE];
  const refused = list.filter((s) => !client.scopes.includes(s));
  if (refused.length) throw new OAuthError(400, 'invalid_scope', `Scope ${refused.join(' ')} is not granted to client ${client.clientId}${client.scopes.length ? `; it may ask for: ${client.scopes.join(' ')}` : ''}.`);
  return list.join(' ');
}

function grant(store: TokenStore, client: WebClient, form: URLSearchParams): Record<string, unknown> {
  const type = form.get('grant_type');
  if (!type) throw new OAuthError(400, 'invalid_request', 'grant_type is required (client_credentials, password or refresh_token).');
  if (!client.grants.includes(type as Grant)) {
    throw new OAuthError(400, 'unsupported_grant_type', `grant_type ${type} is not supported for this client; use ${client.grants.join(' or ')}.`);
  }
  if (type === 'refresh_token') {
    const old = store.takeRefresh(form.get('refresh_token') ?? '', client);
    if (!old) throw new OAuthError(400, 'invalid_grant', 'The refresh token is invalid, already used, or belongs to another client: log in again with the password grant.');
    return store.issue(client, old.scope, old.username);
  }
  const scope = grantedScope(client, form.get('scope'));
  if (type === 'client_credentials') return store.issue(client, scope);
  const user = findUser(form.get('username') ?? '');
  if (!user || user.failure === 'bad-password' || !same(form.get('password') ?? '', user.password)) {
    throw new OAuthError(400, 'invalid_grant', 'The user name or password is wrong.');
  }
  return store.issue(client, scope, user.username);
}

function readForm(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => { size += c.length; if (size <= 64 * 1024) chunks.push(c); });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Pragma: 'no-cache', ...headers, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export async function handleToken(store: TokenStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return json(res, 405, { error: 'invalid_request', error_description: 'POST the token request as application/x-www-form-urlencoded.' }, { Allow: 'POST' });
  const form = new URLSearchParams(await readForm(req));
  try {
    json(res, 200, grant(store, authenticate(req, form), form));
  } catch (e) {
    if (!(e instanceof OAuthError)) throw e;
    json(res, e.status, { error: e.code, error_description: e.message }, e.status === 401 ? { 'WWW-Authenticate': 'Basic realm="Demo MLS Web API"' } : {});
  }
}
