// One syntax for every command that talks to a server: a saved profile (`--profile NAME`, the
// built-in Demo MLS included, started in-process) or a RETS server by hand (`--url ... --user ...`).
// Secrets come from the keychain, or RETS_PASSWORD / RETS_UA_PASSWORD when set (they win), or a
// prompt on a terminal; never from argv.
import { DEFAULT_SETTINGS, type ConnectionSettings } from '../rets/types';
import { oneOf, stringValue, UsageError, type OptionsSpec, type ParsedArgs } from './args';
import { promptHidden } from './doctorPrompt';

export const CONNECTION_OPTIONS = {
  profile: { type: 'string' },
  url: { type: 'string' },
  user: { type: 'string' },
  'user-agent': { type: 'string' },
  'rets-version': { type: 'string' },
  auth: { type: 'string' },
  method: { type: 'string' },
  'keep-login-host': { type: 'boolean' },
} as const satisfies OptionsSpec;

export const CONNECTION_USAGE = `Connection (every command that talks to a server):
  --profile NAME            a saved profile (case-insensitive); "demo" or "Demo MLS (RETS)" starts the
                            built-in Demo MLS in this process
  --url LOGIN_URL --user NAME [--user-agent UA] [--rets-version V] [--auth auto|digest|basic]
                            [--method GET|POST] [--keep-login-host]
  Passwords: the profile's keychain entry (or, with no keychain, the encrypted secrets file,
  unlocked by RETS_WORKBENCH_PASSPHRASE or a prompt), or RETS_PASSWORD / RETS_UA_PASSWORD (they
  win), or a prompt on a terminal; never on the command line.
  The Web API form (search, metadata, objects): --service-root URL [--auth bearer|client-credentials|
  password] [--token-url URL] [--client-id ID] [--scope S] [--username NAME], or --profile
  demo-webapi, or a saved Web API profile (its secret from the keychain); RESO_TOKEN,
  RESO_CLIENT_SECRET or RESO_PASSWORD win when set, else a prompt.
`;

export interface ConnectionFlags {
  profile?: string;
  url?: string;
  user?: string;
  userAgent?: string;
  retsVersion?: string;
  auth?: 'auto' | 'digest' | 'basic';
  method?: 'GET' | 'POST';
  keepLoginHost: boolean;
}

/** "1.7.2" → "RETS/1.7.2"; "rets/1.8" → "RETS/1.8". */
export function normalizeVersion(v: string): string {
  const bare = v.trim().replace(/^RETS\//i, '');
  if (!/^\d+(\.\d+)*$/.test(bare)) throw new UsageError(`--rets-version "${v}" is not a RETS version (e.g. 1.7.2 or RETS/1.8).`);
  return `RETS/${bare}`;
}

export function connectionFlags(values: ParsedArgs['values']): ConnectionFlags {
  const retsVersion = stringValue(values, 'rets-version');
  const out: ConnectionFlags = {
    profile: stringValue(values, 'profile'),
    url: stringValue(values, 'url'),
    user: values.user === '' ? '' : stringValue(values, 'user'),
    userAgent: stringValue(values, 'user-agent'),
    retsVersion: retsVersion === undefined ? undefined : normalizeVersion(retsVersion),
    auth: oneOf(values, 'auth', ['auto', 'digest', 'basic'] as const),
    method: oneOf(values, 'method', ['GET', 'POST'] as const, true),
    keepLoginHost: values['keep-login-host'] === true,
  };
  if (out.profile && (out.url || out.user !== undefined)) throw new UsageError('Use either --profile or --url/--user, not both.');
  if (!out.profile && (!out.url || out.user === undefined)) throw new UsageError('Give --profile NAME, or --url URL and --user NAME.');
  if (out.url) {
    let u: URL;
    try { u = new URL(out.url); } catch { throw new UsageError(`--url "${out.url}" is not a URL (e.g. https://mls.example/rets/login).`); }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError('--url must start with http:// or https://.');
    if (u.password) throw new UsageError('--url must not carry a password: set RETS_PASSWORD instead.');
  }
  return out;
}

export interface OpenConnection {
  settings: ConnectionSettings;
  /** What to call it in messages: the profile's name or the login URL without its query. */
  label: string;
  close(): Promise<void>;
}

// The names the app shows for the built-in Demo MLS's RETS side, and the short one.
const DEMO_NAMES = new Set(['demo', 'demo mls', 'demo mls (rets)']);

async function profileSettings(name: string): Promise<OpenConnection> {
  if (DEMO_NAMES.has(name.toLowerCase())) {
    const { startDemo } = await import('../host/demo');
    const { connectionSettings } = await import('../host/retsAdapter');
    const { demo, profile } = await startDemo({ port: 0 });
    return { settings: connectionSettings(profile), label: profile.name, close: () => demo.close() };
  }
  const [{ ProfileStore }, { cliSecretStore }, { dataLayout, defaultDataDir }, { connectionSettings }] = await Promise.all([
    import('../host/profiles'), import('./secretStore'), import('../host/paths'), import('../host/retsAdapter'),
  ]);
  const store = new ProfileStore(dataLayout(defaultDataDir()).profiles, cliSecretStore());
  const all = await store.list();
  const match = all.find((p) => p.name === name || p.id === name) ?? all.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (!match) {
    const names = all.map((p) => `"${p.name}"`).join(', ');
    throw new UsageError(`No profile named "${name}". ${names ? `Profiles: ${names}, and "demo".` : 'There are no saved profiles yet; "demo" is the built-in Demo MLS.'}`);
  }
  // RETS_PASSWORD or a prompt may supply what the store lacks (openConnection below).
  return { settings: connectionSettings(await store.connection(match.id, { requireSecrets: false })), label: match.name, close: async () => undefined };
}

/** Resolves the flags to settings with secrets; the caller closes it (a Demo MLS stops then). */
export async function openConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): Promise<OpenConnection> {
  const conn: OpenConnection = flags.profile
    ? await profileSettings(flags.profile)
    : { settings: { ...DEFAULT_SETTINGS, loginUrl: flags.url!, username: flags.user!, password: '' }, label: flags.url!.replace(/[?#].*$/, ''), close: async () => undefined };
  const s = conn.settings;
  if (flags.userAgent) s.userAgent = flags.userAgent;
  if (flags.retsVersion) s.retsVersion = flags.retsVersion;
  if (flags.auth) s.authScheme = flags.auth;
  if (flags.method) s.method = flags.method;
  if (flags.keepLoginHost) s.keepLoginHost = true;
  if (env.RETS_PASSWORD) s.password = env.RETS_PASSWORD;
  if (env.RETS_UA_PASSWORD) s.uaPassword = env.RETS_UA_PASSWORD;
  if (!s.password) {
    if (!process.stdin.isTTY) {
      await conn.close();
      throw new UsageError(`No password for ${s.username}: set RETS_PASSWORD in the environment (or run in a terminal to be asked).`);
    }
    s.password = await promptHidden(`Password for ${s.username}: `);
  }
  return conn;
}
