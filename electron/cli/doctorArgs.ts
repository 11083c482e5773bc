// Argument parsing for `rets-workbench doctor`. Passwords are never accepted on the command line
// (they would land in shell history and process listings).

export interface DoctorArgs {
  profile?: string;
  url?: string;
  user?: string;
  userAgent?: string;
  retsVersion?: string;
  auth?: 'auto' | 'digest' | 'basic';
  timeoutSeconds?: number;
  keepLoginHost: boolean;
  json: boolean;
  help: boolean;
}

export const DOCTOR_USAGE = `usage: rets-workbench doctor --profile NAME [--timeout S] [--keep-login-host] [--json]
       rets-workbench doctor --url URL --user NAME [--user-agent UA] [--rets-version V]
                             [--auth digest|basic|auto] [--timeout S] [--keep-login-host] [--json]

Tests a RETS connection step by step (URL, DNS, TCP, TLS, login, UA authentication, metadata,
search, object, logout) and says what is wrong in plain words.

Passwords come from the profile's keychain entry, or RETS_PASSWORD and RETS_UA_PASSWORD in the
environment, or a prompt (when run in a terminal); never from the command line.
--keep-login-host sends every request to the login URL's host even when the server's login
reply names another one (for a server reached through an SSH tunnel or a proxy).
Exit code: 0 every step passed, 1 the doctor found a problem, 2 usage error.
`;

const VALUE_FLAGS: Record<string, keyof DoctorArgs> = {
  '--profile': 'profile', '--url': 'url', '--user': 'user', '--user-agent': 'userAgent',
  '--rets-version': 'retsVersion', '--auth': 'auth', '--timeout': 'timeoutSeconds',
};

export class UsageError extends Error {}

/** "1.7.2" → "RETS/1.7.2"; "rets/1.8" → "RETS/1.8". */
export function normalizeVersion(v: string): string {
  const bare = v.trim().replace(/^RETS\//i, '');
  if (!/^\d+(\.\d+)*$/.test(bare)) throw new UsageError(`--rets-version "${v}" is not a RETS version (e.g. 1.7.2 or RETS/1.8).`);
  return `RETS/${bare}`;
}

export function parseDoctorArgs(argv: string[]): DoctorArgs {
  const out: DoctorArgs = { json: false, help: false, keepLoginHost: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    if (flag === '--json') { out.json = true; continue; }
    if (flag === '--keep-login-host') { out.keepLoginHost = true; continue; }
    if (flag === '--help' || flag === '-h') { out.help = true; continue; }
    if (/^--(ua-)?pass(word)?$/i.test(flag)) {
      throw new UsageError(`${flag} is not accepted: passwords never go on the command line. Set RETS_PASSWORD / RETS_UA_PASSWORD, or answer the prompt.`);
    }
    const key = VALUE_FLAGS[flag];
    if (!key) throw new UsageError(`Unknown option "${raw}".`);
    const value = eq > 0 && raw.startsWith('--') ? raw.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value.`);
    if (key === 'auth') {
      if (value !== 'auto' && value !== 'digest' && value !== 'basic') throw new UsageError('--auth must be digest, basic or auto.');
      out.auth = value;
    } else if (key === 'timeoutSeconds') {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0 || n > 600) throw new UsageError('--timeout must be a number of seconds between 0 and 600.');
      out.timeoutSeconds = n;
    } else if (key === 'retsVersion') {
      out.retsVersion = normalizeVersion(value);
    } else {
      (out as unknown as Record<string, string>)[key] = value;
    }
  }
  if (out.help) return out;
  if (out.profile && (out.url || out.user)) throw new UsageError('Use either --profile or --url/--user, not both.');
  if (!out.profile && (!out.url || out.user === undefined)) throw new UsageError('Give --profile NAME, or --url URL and --user NAME.');
  return out;
}
