// Access tokens for the Web API: a static bearer token, or OAuth2 grants made by oauth4webapi
// (client credentials; password with refresh tokens). A token lives in memory only, until shortly
// before it expires; a 401 on a request makes the caller drop it once (invalidate) and ask again.
// The token request goes through the session's own HTTP layer (customFetch) so it is traced with
// its form body's secrets removed, and its raw answer is kept to explain a failure in words.
import * as oauth from 'oauth4webapi';
import { ODataError, readServerError } from '../../shared/odata/errors';
import { redactForm, redactUrl } from '../../shared/redact';
import type { ODataAuth } from './types';

/** Refresh this long before the server's expiry, so a token does not expire mid-page. */
export const EXPIRY_MARGIN_MS = 60_000;
/** A token answer is small: read at most this much. */
const TOKEN_BODY_CAP = 256 * 1024;

/** One raw HTTP exchange, done by the transport (traced): the answer's status, headers and body. */
export type TokenPost = (url: string, headers: Record<string, string>, body: string, loggedBody: string, signal?: AbortSignal) =>
  Promise<{ status: number; headers: Record<string, string>; body: Uint8Array }>;

interface Held { token: string; expiresAt: number; refreshToken?: string }

type GrantAuth = Extract<ODataAuth, { tokenUrl: string }>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export class TokenSource {
  private held: Held | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly auth: ODataAuth, private readonly post: TokenPost, private readonly now: () => number) {}

  /** When the access token held expires (ms since the epoch); undefined when none is held. */
  get expiresAt(): number | undefined { return this.held?.token ? this.held.expiresAt : undefined; }

  /** Whether a 401 is worth one more try with a fresh token. */
  get renewable(): boolean { return this.auth.kind === 'client-credentials' || this.auth.kind === 'password'; }

  /** The Authorization header value, or undefined when the profile sends none. */
  async authorization(signal?: AbortSignal): Promise<string | undefined> {
    const a = this.auth;
    if (a.kind === 'none') return undefined;
    if (a.kind === 'bearer') return `Bearer ${a.token}`;
    if (this.held && this.now() < this.held.expiresAt - EXPIRY_MARGIN_MS) return `Bearer ${this.held.token}`;
    // Concurrent requests share one token request.
    this.pending ??= this.fetchToken(a, signal).finally(() => { this.pending = undefined; });
    return `Bearer ${await this.pending}`;
  }

  /** Forget the access token (after a 401); a refresh token is kept for the next grant. */
  invalidate(): void {
    if (this.held) this.held = { ...this.held, token: '', expiresAt: 0 };
  }

  /** Strings to strip from anything logged. */
  secrets(): string[] {
    const a = this.auth;
    const out = [this.held?.token ?? '', this.held?.refreshToken ?? ''];
    if (a.kind === 'bearer') out.push(a.token);
    if (a.kind === 'client-credentials' || a.kind === 'password') out.push(a.clientSecret ?? '');
    if (a.kind === 'password') out.push(a.password);
    return out.filter((s) => s.length > 0);
  }

  private async fetchToken(a: GrantAuth, signal?: AbortSignal): Promise<string> {
    const refresh = this.held?.refreshToken;
    if (a.kind === 'password' && refresh) {
      try {
        return await this.grant(a, 'refresh_token', signal, refresh);
      } catch (e) {
        // An expired refresh token: a new password grant, once.
        if (!(e instanceof ODataError) || e.info.serverCode !== 'invalid_grant') throw e;
        this.held = undefined;
      }
    }
    return this.grant(a, a.kind === 'password' ? 'password' : 'client_credentials', signal);
  }

  private async grant(a: GrantAuth, grantType: 'client_credentials' | 'password' | 'refresh_token', signal?: AbortSignal, refreshToken?: string): Promise<string> {
    let url: URL;
    try { url = new URL(a.tokenUrl); } catch { throw tokenUrlError(a.tokenUrl, 'is not a URL'); }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      throw tokenUrlError(a.tokenUrl, 'is not https: the client secret would travel in clear');
    }
    const as: oauth.AuthorizationServer = { issuer: url.origin, token_endpoint: url.href };
    const client: oauth.Client = { client_id: a.clientId };
    const clientAuth = a.clientAuth === 'basic' ? oauth.ClientSecretBasic(a.clientSecret ?? '') : a.clientSecret ? oauth.ClientSecretPost(a.clientSecret) : oauth.None();
    let last: { status: number; contentType: string; body: Uint8Array } | undefined;
    const customFetch = async (target: string, init: oauth.CustomFetchOptions<'POST', URLSearchParams>): Promise<Response> => {
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((v, k) => { headers[k] = v; });
      const body = String(init.body ?? '');
      const res = await this.post(target, headers, body, redactForm(body, this.secrets()), init.signal ?? signal);
      last = { status: res.status, contentType: res.headers['content-type'] ?? '', body: res.body };
      const nullBody = res.status === 204 || res.status === 205 || res.status === 304;
      return new Response(nullBody ? null : new Uint8Array(res.body), { status: res.status, headers: res.headers });
    };
    const options = { [oauth.customFetch]: customFetch, [oauth.allowInsecureRequests]: url.protocol === 'http:', signal };
    const params = new URLSearchParams();
    if (a.scope) params.set('scope', a.scope);
    let result: oauth.TokenEndpointResponse;
    try {
      if (grantType === 'refresh_token') {
        const res = await oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken!, { ...options, additionalParameters: params });
        result = await oauth.processRefreshTokenResponse(as, client, res);
      } else if (grantType === 'password') {
        params.set('username', (a as Extract<GrantAuth, { kind: 'password' }>).username);
        params.set('password', (a as Extract<GrantAuth, { kind: 'password' }>).password);
        const res = await oauth.genericTokenEndpointRequest(as, client, clientAuth, 'password', params, options);
        result = await oauth.processGenericTokenEndpointResponse(as, client, res);
      } else {
        const res = await oauth.clientCredentialsGrantRequest(as, client, clientAuth, params, options);
        result = await oauth.processClientCredentialsResponse(as, client, res);
      }
    } catch (e) {
      if (e instanceof ODataError) throw e;
      throw tokenError(e, grantType, a, last);
    }
    const lifetime = typeof result.expires_in === 'number' && result.expires_in > 0 ? result.expires_in * 1000 : 3600_000;
    this.held = { token: result.access_token, expiresAt: this.now() + lifetime, refreshToken: result.refresh_token ?? this.held?.refreshToken };
    return result.access_token;
  }
}

function tokenUrlError(tokenUrl: string, why: string): ODataError {
  return new ODataError({
    kind: 'input', operation: 'Token', url: redactUrl(tokenUrl),
    message: `The token URL ${why}.`,
    hint: 'Enter the token URL exactly as the MLS documents it (https://…/token).',
  });
}

const GRANT_NAMES = { client_credentials: 'client credentials', password: 'password', refresh_token: 'refresh token' } as const;

/** What oauth4webapi threw, with the raw answer, in words. */
function tokenError(e: unknown, grantType: keyof typeof GRANT_NAMES, a: GrantAuth, last: { status: number; contentType: string; body: Uint8Array } | undefined): ODataError {
  const url = redactUrl(a.tokenUrl);
  if (!last) {
    // No answer at all: a network failure (mapped by the transport) or an unusable setting.
    throw e;
  }
  const server = readServerError(last.body.subarray(0, TOKEN_BODY_CAP), last.contentType);
  const code = e instanceof oauth.ResponseBodyError ? e.error : server.shape === 'json' || server.shape === 'odata' ? server.code : undefined;
  const description = e instanceof oauth.ResponseBodyError ? e.error_description : server.message;
  const base = { kind: 'auth' as const, operation: 'Token' as const, url, httpStatus: last.status, serverCode: code, serverMessage: description };
  const said = description ? ` The server said: "${description}".` : '';
  switch (code) {
    case 'invalid_client':
      return new ODataError({ ...base, message: `The token endpoint rejected the client id or client secret (invalid_client).${said}`, cause: 'The client id is unknown, the secret is wrong or expired, or the endpoint wants the credentials sent another way.', hint: 'Check the client id and client secret the MLS gave you (both are case-sensitive); if they are right, try the other client authentication (form body vs HTTP Basic) in the profile.' });
    case 'invalid_grant':
      return grantType === 'refresh_token'
        ? new ODataError({ ...base, message: `The refresh token was refused (invalid_grant).${said}`, cause: 'The refresh token has expired or was revoked.', hint: 'Sign in again with the username and password.' })
        : new ODataError({ ...base, message: `The token endpoint refused the username or password (invalid_grant).${said}`, cause: 'The username or password is wrong, or the account is locked or not enabled for the Web API.', hint: 'Check the username and password; ask the MLS whether the account has Web API access.' });
    case 'invalid_scope':
      return new ODataError({ ...base, message: `The token endpoint refused the scope${a.scope ? ` "${a.scope}"` : ''} (invalid_scope).${said}`, cause: 'The scope is not one this client may ask for.', hint: 'Use the scope the MLS documents (Trestle: "api"), or leave it empty.' });
    case 'unsupported_grant_type':
      return new ODataError({ ...base, message: `The token endpoint does not support the ${GRANT_NAMES[grantType]} grant (unsupported_grant_type).${said}`, cause: 'This server issues tokens by another grant.', hint: `Choose the other authentication in the profile (${grantType === 'client_credentials' ? 'password grant' : 'client credentials'}), or ask the MLS which one your account uses.` });
    case 'unauthorized_client':
      return new ODataError({ ...base, message: `This client may not use the ${GRANT_NAMES[grantType]} grant (unauthorized_client).${said}`, cause: 'The MLS has not enabled this grant for your client id.', hint: 'Ask the MLS which grant your client id is set up for.' });
    case 'invalid_request':
      return new ODataError({ ...base, message: `The token endpoint refused the request as malformed (invalid_request).${said}`, cause: 'A required field is missing or the endpoint expects another form.', hint: 'Check the token URL, the client id and the scope in the profile.' });
    default: break;
  }
  if (server.shape === 'html' || server.shape === 'xml' || server.shape === 'text' || server.shape === 'empty') {
    const page = server.shape === 'html' ? `an HTML page${server.message ? ` titled "${server.message}"` : ''}` : server.shape === 'empty' ? 'an empty body' : 'no JSON';
    return new ODataError({
      ...base, kind: last.status >= 200 && last.status < 300 ? 'parse' : 'auth',
      message: `The token URL answered HTTP ${last.status} with ${page} where a token was expected.`,
      cause: last.status === 404 ? 'Nothing answers at that address: the token URL is wrong.' : 'The address is not an OAuth2 token endpoint, or a proxy or login page answered instead.',
      hint: 'Check the token URL exactly as the MLS documents it.',
    });
  }
  if (last.status >= 200 && last.status < 300) {
    return new ODataError({ ...base, kind: 'parse', message: 'The token endpoint\'s answer holds no usable access token.', cause: e instanceof Error ? e.message : String(e), hint: 'Report it to the MLS with the log panel\'s entry for the token request.' });
  }
  return new ODataError({
    ...base, message: `The token request failed with HTTP ${last.status}${code ? ` (${code})` : ''}.${said}`,
    cause: 'The token endpoint refused the request.', hint: 'Check the token URL, client id, secret and scope in the profile.',
  });
}
