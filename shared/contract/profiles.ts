// Connection profiles. Secrets (password, UA password) go IN on create/update and never come
// back: the renderer only learns hasPassword / hasUaPassword and where the secret is kept.
import { z } from 'zod';
import { Id, RetsErrorInfoSchema, Timestamp } from './common';
import { LoginInfo } from './session';

export const RetsVersion = z.enum(['RETS/1.5', 'RETS/1.7', 'RETS/1.7.2', 'RETS/1.8']);
export const AuthScheme = z.enum(['auto', 'digest', 'basic']);
export const HttpMethod = z.enum(['GET', 'POST']);

/** Request throttle: at most this many requests a minute (0 = no limit). */
export const Throttle = z.object({ requestsPerMinute: z.number().int().min(0).max(6000) });

/**
 * How long to wait for the connection (TCP and TLS), and for the server's next bytes: some MLS
 * servers sit silent for minutes before a large search or the full metadata starts to arrive.
 */
export const Timeouts = z.object({ connectSeconds: z.number().int().min(1).max(300), responseSeconds: z.number().int().min(5).max(3600) });
export const DEFAULT_TIMEOUTS = { connectSeconds: 15, responseSeconds: 60 } as const;

/**
 * Where a profile's secrets live: the OS keychain, or (no keychain answered) the encrypted secrets
 * file when the user turned it on, else memory for this session only.
 */
export const SecretStorage = z.enum(['keychain', 'file', 'memory', 'none']);

/** What a profile connects to: a RETS server or a RESO Web API (OData) service. */
export const ConnectionType = z.enum(['rets', 'webapi']);
/** How a Web API profile is authorised; its secret (token, client secret, password) stays in the host. */
export const WebApiAuth = z.enum(['bearer', 'client-credentials', 'password']);

/** An HTTP header name (RFC 9110 token). */
const HeaderName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'an HTTP header name');
/** Headers the client sets itself: a profile may not replace them. */
const OWN_HEADERS = new Set(['authorization', 'host', 'accept', 'accept-encoding', 'content-length', 'content-type', 'odata-maxversion', 'prefer', 'connection', 'transfer-encoding', 'user-agent']);

/**
 * A Web API profile's settings beside the service root (held in `loginUrl`). Secrets are not here:
 * the client secret, the static token and the password-grant password are ProfileInput secrets.
 */
export const WebApiSettings = z.object({
  auth: WebApiAuth.default('client-credentials'),
  /** OAuth2 token endpoint (client credentials and password grant). */
  tokenUrl: z.string().trim().url().optional(),
  clientId: z.string().trim().max(500).default(''),
  scope: z.string().trim().max(500).optional(),
  /** How the client id and secret travel to the token endpoint: form fields or HTTP Basic. */
  clientAuth: z.enum(['post', 'basic']).default('post'),
  /** Extra request headers some vendors need (not secrets: they are kept in the profile file). */
  headers: z.record(HeaderName, z.string().max(4000).regex(/^[^\r\n\0]*$/, 'no line breaks'))
    .refine((h) => Object.keys(h).every((k) => !OWN_HEADERS.has(k.toLowerCase())), 'a header the client sets itself (Authorization, Accept, Prefer…)')
    .default({}),
  /** Rows per page asked with `Prefer: odata.maxpagesize` (unset: the server's default). */
  pageSize: z.number().int().min(1).max(100_000).optional(),
});
export type WebApiSettings = z.infer<typeof WebApiSettings>;

/** The fields a user edits, without secrets. */
export const ProfileFields = z.object({
  name: z.string().trim().min(1).max(200),
  /** RETS: absent in files written before Web API profiles existed. */
  type: ConnectionType.default('rets'),
  /** The RETS login URL, or the Web API service root (kept exactly as given, versioned paths included). */
  loginUrl: z.string().trim().url(),
  /** RETS username, or the Web API password grant's username. */
  username: z.string().max(500),
  userAgent: z.string().max(500).default('RETSWorkbench/1.0'),
  retsVersion: RetsVersion.default('RETS/1.7.2'),
  authScheme: AuthScheme.default('auto'),
  method: HttpMethod.default('GET'),
  throttle: Throttle.default({ requestsPerMinute: 0 }),
  timeouts: Timeouts.default(DEFAULT_TIMEOUTS),
  /** Send every request to the login URL's host, whatever host the capability URLs name (tunnels, proxies). */
  keepLoginHost: z.boolean().default(false),
  /** Web API profiles only. */
  webApi: WebApiSettings.optional(),
});

/** Secrets on input: a string sets, null clears, absent keeps (update) or means none (create). */
export const SecretInput = z.string().max(1000).nullable().optional();

/**
 * Secrets: `password` (RETS password, or the Web API password grant's), `uaPassword` (RETS),
 * `clientSecret` (OAuth2 client credentials, or the password grant's client), `token` (a static bearer token).
 */
export const ProfileInput = ProfileFields.extend({ password: SecretInput, uaPassword: SecretInput, clientSecret: SecretInput, token: SecretInput });
/**
 * An update: only the fields sent change. Spelled out without defaults: zod 4 fills a field's
 * default even inside `.partial()`, so a patch of one field reset every other to its default.
 */
export const ProfilePatch = z.object({
  name: ProfileFields.shape.name.optional(),
  type: ConnectionType.optional(),
  loginUrl: ProfileFields.shape.loginUrl.optional(),
  username: ProfileFields.shape.username.optional(),
  userAgent: ProfileFields.shape.userAgent.unwrap().optional(),
  retsVersion: RetsVersion.optional(),
  authScheme: AuthScheme.optional(),
  method: HttpMethod.optional(),
  throttle: Throttle.optional(),
  timeouts: Timeouts.optional(),
  keepLoginHost: z.boolean().optional(),
  webApi: WebApiSettings.optional(),
  password: SecretInput,
  uaPassword: SecretInput,
  clientSecret: SecretInput,
  token: SecretInput,
});

/** A profile as the renderer sees it. */
export const Profile = ProfileFields.extend({
  id: Id,
  hasPassword: z.boolean(),
  hasUaPassword: z.boolean(),
  /** Web API secrets stored (client secret, static token). */
  hasClientSecret: z.boolean().optional(),
  hasToken: z.boolean().optional(),
  secretStorage: SecretStorage,
  /** Plain words when secrets are kept in memory only (no keychain answered). */
  secretWarning: z.string().optional(),
  /** The built-in Demo MLS profile: not editable, not deletable. */
  builtin: z.boolean().default(false),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ProfileTestRequest = z.union([
  z.object({ profileId: Id }),
  /** Test an unsaved draft (the form's values, secrets included). */
  z.object({ draft: ProfileInput }),
]);
export const ProfileTestResult = z.object({
  ok: z.boolean(),
  elapsedMs: z.number().nonnegative(),
  login: LoginInfo.optional(),
  error: RetsErrorInfoSchema.optional(),
});

/** Secrets typed for this session only (none is stored): kept in the host's memory, never written. */
export const SessionSecretsRequest = z.object({ id: Id, password: z.string().min(1).max(1000), uaPassword: z.string().min(1).max(1000).optional() });

export type Profile = z.infer<typeof Profile>;
export type ProfileInput = z.input<typeof ProfileInput>;
export type ProfilePatch = z.input<typeof ProfilePatch>;
