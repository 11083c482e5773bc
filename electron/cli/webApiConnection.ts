// The Web API form of the connection flags: `--service-root URL [--auth bearer|client-credentials|
// password] [--token-url URL] [--client-id ID] [--scope S] [--username NAME]`, or `--profile NAME`
// of a Web API profile ("demo-webapi" starts the Demo MLS in this process and uses its demo
// client). Secrets come from RESO_TOKEN, RESO_CLIENT_SECRET, RESO_PASSWORD or a prompt on a
// terminal; never from argv (args.ts refuses secret flags).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
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
  Secrets: RESO_TOKEN (bearer), RESO_CLIENT_SECRET (client credentials; the password grant sends
  it when set), RESO_PASSWORD (password grant), or a prompt on a terminal; never on the command line.
`;

export type WebApiAuthKind = 'bearer' | 'client-credentials' | 'password';

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
  settings: Pick<ODataSettings, 'serviceRoot' | 'auth'>;
  /** What to call it in messages: the profile's name or the service root without its query. */
  label: string;
  /** Every secret of the connection, removed from anything printed. */
  secrets: string[];
  close(): Promise<void>;
}

const DEMO_WEBAPI_NAMES = new Set(['demo-webapi', 'demo mls (web api)', 'demo web api']);
const AUTH_KINDS = ['bearer', 'client-credentials', 'password'] as const;

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

export function webApiFlags(values: ParsedArgs['values']): WebApiFlags {
  const out: WebApiFlags = {
    profile: stringValue(values, 'profile'),
    serviceRoot: stringValue(values, 'service-root'),
    auth: oneOf(values, 'auth', AUTH_KINDS, true),
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
    if (out.auth !== 'bearer' && (!out.tokenUrl || !out.clientId)) throw new UsageError(`--auth ${out.auth} needs --token-url URL and --client-id ID.`);
    if (out.auth === 'password' && !out.username) throw new UsageError('--auth password needs --username NAME.');
    if (out.auth === 'bearer' && (out.tokenUrl || out.clientId || out.username)) throw new UsageError('--auth bearer takes no --token-url, --client-id or --username (the token comes from RESO_TOKEN).');
  }
  return out;
}

/** The connection fields of a Web API profile, however its file spells them (see savedWebApiProfile). */
interface WebApiProfileFields {
  name: string;
  serviceRoot: string;
  auth: WebApiAuthKind;
  tokenUrl?: string;
  clientId?: string;
  scope?: string;
  username?: string;
}

function str(o: Record<string, unknown> | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Record<string, unknown> : undefined;
}

/** Reads a profile file's Web API fields, at the top level or under `webApi`/`odata`/`auth`. */
export function webApiProfileFields(raw: Record<string, unknown>): WebApiProfileFields | undefined {
  const nested = obj(raw.webApi) ?? obj(raw.odata);
  const auth = obj(raw.auth) ?? obj(nested?.auth);
  const pick = (k: string) => str(auth, k) ?? str(nested, k) ?? str(raw, k);
  const serviceRoot = pick('serviceRoot');
  if (!serviceRoot) return undefined;
  const kindText = (str(auth, 'kind') ?? str(raw, 'auth') ?? str(nested, 'auth') ?? pick('authKind') ?? '').toLowerCase().replace(/[_ ]/g, '-');
  const tokenUrl = pick('tokenUrl');
  const username = pick('username');
  const auth0: WebApiAuthKind = kindText === 'client-credentials' || kindText === 'password' || kindText === 'bearer'
    ? kindText : username && tokenUrl ? 'password' : tokenUrl ? 'client-credentials' : 'bearer';
  return {
    name: str(raw, 'name') ?? serviceRoot, serviceRoot, auth: auth0,
    ...(tokenUrl ? { tokenUrl } : {}), ...(pick('clientId') ? { clientId: pick('clientId')! } : {}),
    ...(pick('scope') ? { scope: pick('scope')! } : {}), ...(username ? { username } : {}),
  };
}

/** A saved profile with a service root, by name or id (case-insensitive); unreadable files are skipped. */
async function savedWebApiProfile(name: string): Promise<WebApiProfileFields | undefined> {
  const [{ dataLayout, defaultDataDir }, { readJsonFile }] = await Promise.all([import('../host/paths'), import('../host/files')]);
  const dir = dataLayout(defaultDataDir()).profiles;
  let files: string[] = [];
  try { files = await readdir(dir); } catch { return undefined; }
  const found: { id: string; fields: WebApiProfileFields }[] = [];
  for (const f of files.sort()) {
    if (!f.endsWith('.json') || f.startsWith('.')) continue;
    let raw: unknown;
    try { raw = await readJsonFile(join(dir, f)); } catch { continue; }
    const o = obj(raw);
    const fields = o ? webApiProfileFields(o) : undefined;
    if (fields) found.push({ id: f.slice(0, -5), fields });
  }
  const lower = name.toLowerCase();
  return (found.find((p) => p.fields.name === name || p.id === name) ?? found.find((p) => p.fields.name.toLowerCase() === lower))?.fields;
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
  let f: Omit<WebApiProfileFields, 'name'>;
  let label: string;
  if (flags.profile) {
    const saved = await savedWebApiProfile(flags.profile);
    if (!saved) throw new UsageError(`No Web API profile named "${flags.profile}"; "demo-webapi" is the built-in Demo MLS's Web API.`);
    ({ name: label, ...f } = saved);
    if (f.auth !== 'bearer' && (!f.tokenUrl || !f.clientId)) throw new UsageError(`The profile "${label}" uses ${f.auth} but has no token URL or client id: complete it in the workbench.`);
  } else {
    f = { serviceRoot: flags.serviceRoot!, auth: flags.auth!, ...(flags.tokenUrl ? { tokenUrl: flags.tokenUrl } : {}), ...(flags.clientId ? { clientId: flags.clientId } : {}), ...(flags.scope ? { scope: flags.scope } : {}), ...(flags.username ? { username: flags.username } : {}) };
    label = f.serviceRoot.replace(/[?#].*$/, '');
  }
  const close = async () => undefined;
  let auth: ODataAuth;
  const secrets: string[] = [];
  if (f.auth === 'bearer') {
    const token = await secret(env, 'RESO_TOKEN', 'access token', close);
    secrets.push(token);
    auth = { kind: 'bearer', token };
  } else if (f.auth === 'client-credentials') {
    const clientSecret = await secret(env, 'RESO_CLIENT_SECRET', `client secret for ${f.clientId}`, close);
    secrets.push(clientSecret);
    auth = { kind: 'client-credentials', tokenUrl: f.tokenUrl!, clientId: f.clientId!, clientSecret, ...(f.scope ? { scope: f.scope } : {}) };
  } else {
    const password = await secret(env, 'RESO_PASSWORD', `password for ${f.username ?? ''}`, close);
    const clientSecret = env.RESO_CLIENT_SECRET || undefined;
    secrets.push(password, ...(clientSecret ? [clientSecret] : []));
    auth = { kind: 'password', tokenUrl: f.tokenUrl!, clientId: f.clientId!, username: f.username ?? '', password, ...(clientSecret ? { clientSecret } : {}), ...(f.scope ? { scope: f.scope } : {}) };
  }
  return { settings: { serviceRoot: f.serviceRoot, auth }, label, secrets, close };
}
