// The Web API's OAuth2 clients, password-grant users and static tokens. As on the RETS side, each
// one rehearses something integrators meet on real servers; the client id (or the token) selects
// the behaviour.
export type WebFailure =
  | 'none' | 'short-token' | 'rate-limit' | 'slow' | 'drop-connection' | 'json-metadata' | 'string-count' | 'top-as-page-size'
  | 'filter-limit' | 'rotated-secret' | 'no-api-scope' | 'password-grant-only' | 'expired-token' | 'bad-password';

export type Grant = 'client_credentials' | 'password' | 'refresh_token';

export interface WebClient {
  clientId: string;
  clientSecret: string;
  grants: readonly Grant[];
  /** Scopes the client may ask for; a token request without scope gets `api`. */
  scopes: readonly string[];
  failure: WebFailure;
  description: string;
}

export interface WebUser { username: string; password: string; failure: WebFailure; description: string }
export interface WebStaticToken { token: string; failure: WebFailure; description: string }

export const TOKEN_SECONDS = 3600;
export const SHORT_TOKEN_SECONDS = 5;
export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE_SIZE = 5000;
/** Comparisons a filter may hold: for everyone, and for the strict client. */
export const FILTER_CLAUSE_LIMIT = 100;
export const STRICT_FILTER_CLAUSE_LIMIT = 5;
export const DEFAULT_SCOPE = 'api';

const all: readonly Grant[] = ['client_credentials', 'password', 'refresh_token'];
const base = { clientSecret: 'demo-secret', grants: all, scopes: [DEFAULT_SCOPE] };

export const WEB_CLIENTS: readonly WebClient[] = [
  { ...base, clientId: 'demo-client', failure: 'none', description: `Works: client credentials (scope api), the password grant with refresh tokens; tokens live ${TOKEN_SECONDS / 60} minutes.` },
  { ...base, clientId: 'short-client', failure: 'short-token', description: `Tokens expire after ${SHORT_TOKEN_SECONDS} s (expires_in says so): then 401 with WWW-Authenticate: Bearer error="invalid_token"; fetch or refresh a token.` },
  { ...base, clientId: 'ratelimit-client', failure: 'rate-limit', description: 'A request quota a minute (Burst-RateLimit-* and Hour-Quota-* headers on every reply), then 429 with Retry-After.' },
  { ...base, clientId: 'slow-client', failure: 'slow', description: 'Every reply waits before it starts, then the body trickles in 512-byte pieces.' },
  { ...base, clientId: 'dropper-client', failure: 'drop-connection', description: 'Data pages are cut off mid-body (the connection closes after 4 KB).' },
  { ...base, clientId: 'jsonmeta-client', failure: 'json-metadata', description: '$metadata is answered as CSDL JSON even when XML is asked for.' },
  { ...base, clientId: 'stringcount-client', failure: 'string-count', description: '@odata.count arrives as a string ("1234").' },
  { ...base, clientId: 'toppage-client', failure: 'top-as-page-size', description: '$top is treated as the page size: min($top, page size) rows and a nextLink anyway, as Bridge v2 did.' },
  { ...base, clientId: 'strict-client', failure: 'filter-limit', description: `A $filter with more than ${STRICT_FILTER_CLAUSE_LIMIT} comparisons gets 413 (everyone else: ${FILTER_CLAUSE_LIMIT}).` },
  { ...base, clientId: 'rotated-client', failure: 'rotated-secret', description: 'The secret was rotated at the MLS: every token request gets 401 invalid_client.' },
  { ...base, clientId: 'scope-client', scopes: [], failure: 'no-api-scope', description: 'Not registered for scope api: token requests get 400 invalid_scope.' },
  { ...base, clientId: 'pwonly-client', grants: ['password', 'refresh_token'], failure: 'password-grant-only', description: 'Its token endpoint knows only the password grant: client credentials get 400 unsupported_grant_type.' },
];

export const WEB_USERS: readonly WebUser[] = [
  { username: 'agent1', password: 'demo', failure: 'none', description: 'Password-grant user (with demo-client or pwonly-client): access and refresh tokens.' },
  { username: 'badpass', password: 'expired', failure: 'bad-password', description: 'Password changed at the MLS: every password grant gets 400 invalid_grant.' },
];

export const WEB_STATIC_TOKENS: readonly WebStaticToken[] = [
  { token: 'demo-static-token', failure: 'none', description: 'A long-lived static bearer token (MLS Grid, Spark style).' },
  { token: 'expired-static-token', failure: 'expired-token', description: 'An expired token: 401 with WWW-Authenticate: Bearer error="invalid_token".' },
];

export function findClient(id: string): WebClient | undefined {
  return WEB_CLIENTS.find((c) => c.clientId === id);
}

export function findUser(name: string): WebUser | undefined {
  return WEB_USERS.find((u) => u.username === name);
}

export function findStaticToken(token: string): WebStaticToken | undefined {
  return WEB_STATIC_TOKENS.find((t) => t.token === token);
}
