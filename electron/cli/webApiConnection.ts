// The Web API form of the connection flags: `--service-root URL [--auth bearer|client-credentials|
// password] [--token-url URL] [--client-id ID] [--scope S] [--username NAME]`, or `--profile NAME`
// of a Web API profile ("demo-webapi" starts the Demo MLS in this process and uses its demo
// client). A saved profile's secret comes from the keychain; RESO_TOKEN, RESO_CLIENT_SECRET and
// RESO_PASSWORD win when set; else a prompt on a terminal; never argv (args.ts refuses secret flags).
import type { ODataAuth, ODataSettings } from '../odata/types';
import { oneOf, stringValue, UsageError, type OptionsSpec, type ParsedArgs } from './args';
import { promptHidden } from './doctorPrompt';

export const WEBAPI_CONNECTION_OPTIONS = {
  profile: { type: 'string' },
  'service-root': { type: 'string' },
  auth: { type: 'string' },
  'token-url': { type: 'string' },
  'client-id': { type: 'string' },
  scope: { type: 'string' },
  username: { type: 'string' },
} as const satisfies OptionsSpec;

export const WEBAPI_CONNECTION_USAGE = `Web API connection (RESO Web API / OData):
  --profile NAME            a saved Web API profile; "demo-webapi" or "Demo MLS (Web API)" starts the
                            built-in Demo MLS in this process and uses its demo client
  --service-root URL [--auth bearer|client-credentials|password] [--token-url URL]
                     [--client-id ID] [--scope S] [--username NAME]
                            --auth defaults to password with --username, client-credentials with
                            --token-url, else bearer
  Secrets: a saved profile's from the keychain (or the encrypted secrets file); RESO_TOKEN (bearer),
  RESO_CLIENT_SECRET (client credentials; the password grant sends it when set) and RESO_PASSWORD
  (password grant) win when set; else a prompt on a terminal; never on the command line.
`;

export type WebApiAuthKind = ODataAuth['kind'];

export interface WebApiFlags {
  profile?: string;
  serviceRoot?: string;
  auth?: WebApiAuthKind;
  tokenUrl?: string;
  clientId?: string;
  scope?: string;
  username?: string;
}

export interface OpenWebApiConnection {
  settings: Partial<ODataSettings> & Pick<ODataSettings, 'serviceRoot' | 'auth'>;
  /** What to call it in messages: the profile's name or the service root without its query. */
  label: string;
  /** Every secret of the connection, removed from anything printed. */
  secrets: string[];
  close(): Promise<void>;
}

const DEMO_WEBAPI_NAMES = new Set(['demo-webapi', 'demo mls (web api)', 'demo web api']);
/** What the server commands connect with; the doctor also probes a service with no auth. */
const AUTH_KINDS: readonly WebApiAuthKind[] = ['bearer', 'client-credentials', 'password'];

function httpUrl(flag: string, text: string): void {
  let u: URL;
  try { u = new URL(text); } catch { throw new UsageError(`--${flag} "${text}" is not a URL (e.g. https://api.mls.example/odata).`); }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`--${flag} must start with http:// or https://.`);
  if (u.password || u.username) throw new UsageError(`--${flag} must not carry credentials: set RESO_CLIENT_SECRET / RESO_PASSWORD instead.`);
}

function flagGiven(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (a === `--${name}`) return argv[i + 1] ?? '';
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

/**
 * True when argv names a Web API server: --service-root, or --profile of the Web API Demo or of a
 * saved profile that has a service root. Decided before parsing, since the two forms take
 * different positionals and flags.
 */
export async function wantsWebApi(argv: readonly string[]): Promise<boolean> {
  if (flagGiven(argv, 'service-root') !== undefined) return true;
  const profile = flagGiven(argv, 'profile');
  if (!profile) return false;
  if (DEMO_WEBAPI_NAMES.has(profile.toLowerCase())) return true;
  return (await savedWebApiProfile(profile)) !== undefined;
}

export function webApiFlags(values: ParsedArgs['values'], authKinds = AUTH_KINDS): WebApiFlags {
  const out: WebApiFlags = {
    profile: stringValue(values, 'profile'),
    serviceRoot: stringValue(values, 'service-root'),
    auth: oneOf(values, 'auth', authKinds, true),
    tokenUrl: stringValue(values, 'token-url'),
    clientId: stringValue(values, 'client-id'),
    scope: stringValue(values, 'scope'),
    username: stringValue(values, 'username'),
  };
  const byHand = out.serviceRoot || out.auth || out.tokenUrl || out.clientId || out.scope || out.username;
  if (out.profile && byHand) throw new UsageError('Use either --profile or --service-root with its flags, not both.');
  if (!out.profile && !out.serviceRoot) throw new UsageError('Give --profile NAME, or --service-root URL.');
  if (out.serviceRoot) httpUrl('service-root', out.serviceRoot);
  if (out.tokenUrl) httpUrl('token-url', out.tokenUrl);
  if (!out.profile) {
    out.auth ??= out.username ? 'password' : out.tokenUrl ? 'client-credentials' : 'bearer';
    if ((out.auth === 'client-credentials' || out.auth === 'password') && (!out.tokenUrl || !out.clientId)) throw new UsageError(`--auth ${out.auth} needs --token-url URL and --client-id ID.`);
    if (out.auth === 'password' && !out.username) throw new UsageError('--auth password needs --username NAME.');
    if (out.auth === 'bearer' && (out.tokenUrl || out.clientId || out.username)) throw new UsageError('--auth bearer takes no --token-url, --client-id or --username (the token comes from RESO_TOKEN).');
  }
  return out;
}

/** A saved Web API profile, found by name or id (case-insensitive), as the app keeps it. */
async function savedWebApiProfile(name: string): Promise<{ id: string; name: string } | undefined> {
  const store = await profileStore();
  const all = (await store.list()).filter((p) => p.type === 'webapi');
  const lower = name.toLowerCase();
  const p = all.find((x) => x.name === name || x.id === name) ?? all.find((x) => x.name.toLowerCase() === lower);
  return p && { id: p.id, name: p.name };
}

async function profileStore() {
  const [{ ProfileStore }, { cliSecretStore }, { dataLayout, defaultDataDir }] = await Promise.all([
    import('../host/profiles'), import('./secretStore'), import('../host/paths'),
  ]);
  return new ProfileStore(dataLayout(defaultDataDir()).profiles, cliSecretStore());
}

async function demoWebApi(): Promise<OpenWebApiConnection> {
  const { startDemoMls } = await import('../demo/index');
  const demo = await startDemoMls({ port: 0 });
  const { webApi } = demo;
  const client = webApi.clients.find((c) => c.kind === 'client' && c.clientId === 'demo-client') ?? webApi.clients.find((c) => c.kind === 'client' && c.failureMode === 'none');
  if (!client?.clientId || !client.clientSecret) { await demo.close(); throw new Error('The Demo MLS offers no working Web API client.'); }
  return {
    settings: { serviceRoot: webApi.serviceRoot, auth: { kind: 'client-credentials', tokenUrl: webApi.tokenUrl, clientId: client.clientId, clientSecret: client.clientSecret, scope: webApi.scope } },
    label: 'Demo MLS (Web API)', secrets: [client.clientSecret], close: () => demo.close(),
  };
}

async function secret(env: NodeJS.ProcessEnv, variable: string, what: string, close: () => Promise<void>): Promise<string> {
  const v = env[variable];
  if (v) return v;
  if (!process.stdin.isTTY) {
    await close();
    throw new UsageError(`No ${what}: set ${variable} in the environment (or run in a terminal to be asked).`);
  }
  return promptHidden(`${what[0]!.toUpperCase()}${what.slice(1)}: `);
}

/** Resolves the flags to session settings with secrets; the caller closes it (a Demo MLS stops then). */
export async function openWebApiConnection(flags: WebApiFlags, env: NodeJS.ProcessEnv = process.env): Promise<OpenWebApiConnection> {
  if (flags.profile && DEMO_WEBAPI_NAMES.has(flags.profile.toLowerCase())) return demoWebApi();
  if (flags.profile) return savedConnection(flags.profile, env);
  const f = flags;
  const label = f.serviceRoot!.replace(/[?#].*$/, '');
  const close = async () => undefined;
  let auth: ODataAuth;
  if (f.auth === 'bearer') {
    auth = { kind: 'bearer', token: await secret(env, 'RESO_TOKEN', 'access token', close) };
  } else if (f.auth === 'client-credentials') {
    const clientSecret = await secret(env, 'RESO_CLIENT_SECRET', `client secret for ${f.clientId}`, close);
    auth = { kind: 'client-credentials', tokenUrl: f.tokenUrl!, clientId: f.clientId!, clientSecret, ...(f.scope ? { scope: f.scope } : {}) };
  } else {
    const password = await secret(env, 'RESO_PASSWORD', `password for ${f.username ?? ''}`, close);
    const clientSecret = env.RESO_CLIENT_SECRET || undefined;
    auth = { kind: 'password', tokenUrl: f.tokenUrl!, clientId: f.clientId!, username: f.username ?? '', password, ...(clientSecret ? { clientSecret } : {}), ...(f.scope ? { scope: f.scope } : {}) };
  }
  return { settings: { serviceRoot: f.serviceRoot!, auth }, label, secrets: authSecrets(auth), close };
}

function authSecrets(a: ODataAuth): string[] {
  if (a.kind === 'bearer') return [a.token];
  if (a.kind === 'client-credentials') return [a.clientSecret];
  if (a.kind === 'password') return [a.password, ...(a.clientSecret ? [a.clientSecret] : [])];
  return [];
}

/**
 * A saved Web API profile with its settings as the app uses them (headers, page size, throttle,
 * timeouts) and its secret from the keychain (or the secrets file); RESO_TOKEN, RESO_CLIENT_SECRET
 * and RESO_PASSWORD win when set, and a terminal is asked for what neither holds.
 */
async function savedConnection(name: string, env: NodeJS.ProcessEnv): Promise<OpenWebApiConnection> {
  const found = await savedWebApiProfile(name);
  if (!found) throw new UsageError(`No Web API profile named "${name}"; "demo-webapi" is the built-in Demo MLS's Web API.`);
  const [{ odataSettings }, store] = await Promise.all([import('../host/odataAdapter'), profileStore()]);
  const conn = await store.connection(found.id, { requireSecrets: false });
  const w = conn.webApi;
  if (w && w.auth !== 'bearer' && (!w.tokenUrl || !w.clientId)) throw new UsageError(`The profile "${found.name}" uses ${w.auth} but has no token URL or client id: complete it in the workbench.`);
  const close = async () => undefined;
  if (env.RESO_TOKEN) conn.token = env.RESO_TOKEN;
  if (env.RESO_CLIENT_SECRET) conn.clientSecret = env.RESO_CLIENT_SECRET;
  if (env.RESO_PASSWORD) conn.password = env.RESO_PASSWORD;
  const auth = w?.auth ?? 'client-credentials';
  if (auth === 'bearer' && !conn.token) conn.token = await secret(env, 'RESO_TOKEN', 'access token', close);
  if (auth === 'client-credentials' && !conn.clientSecret) conn.clientSecret = await secret(env, 'RESO_CLIENT_SECRET', `client secret for ${w?.clientId ?? ''}`, close);
  if (auth === 'password' && !conn.password) conn.password = await secret(env, 'RESO_PASSWORD', `password for ${conn.username}`, close);
  const settings = odataSettings(conn);
  return { settings, label: found.name, secrets: authSecrets(settings.auth), close };
}
