// `rets-workbench profiles`: connection profiles for a box with no screen. The same files and
// keychain entries as the app; secrets only from stdin (--password-stdin), never argv, never shown.
import { z } from 'zod';
import { ProfileInput, type Profile } from '../../shared/contract';
import { isRetsError } from '../../shared/rets/errors';
import { ProfileStore } from '../host/profiles';
import { dataLayout, defaultDataDir } from '../host/paths';
import { cliSecretStore } from './secretStore';
import { intValue, parseCommandArgs, UsageError, withUsage, type OptionsSpec } from './args';
import { CONNECTION_OPTIONS, connectionFlags } from './connection';
import { EXIT } from './serverRun';

export const PROFILES_USAGE = `usage: rets-workbench profiles list [--json]
       rets-workbench profiles show NAME [--json]
       rets-workbench profiles add NAME --url LOGIN_URL --user NAME [--user-agent UA] [--rets-version V]
                              [--auth auto|digest|basic] [--method GET|POST] [--keep-login-host]
                              [--throttle N] [--password-stdin | --ua-password-stdin]
       rets-workbench profiles set-secret NAME (--password-stdin | --ua-password-stdin)
       rets-workbench profiles remove NAME

Profiles live in the workbench's data folder (RETS_WORKBENCH_HOME overrides it), secrets in the
OS keychain; with no keychain, in the encrypted secrets file when RETS_WORKBENCH_PASSPHRASE is set
(AES-256-GCM, key from the passphrase by scrypt; the same file the app unlocks). Secrets are read from stdin only (e.g. \`printf %s "$PW" | ... --password-stdin\`);
\`show\` never prints one.
`;

const OPTIONS = {
  ...CONNECTION_OPTIONS, json: { type: 'boolean' }, throttle: { type: 'string' },
  'password-stdin': { type: 'boolean' }, 'ua-password-stdin': { type: 'boolean' },
} as const satisfies OptionsSpec;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('--password-stdin reads the secret from a pipe: printf %s "$PASSWORD" | rets-workbench profiles ...');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (!text) throw new UsageError('Nothing came on stdin: pipe the secret in.');
  return text;
}

function store(): ProfileStore {
  return new ProfileStore(dataLayout(defaultDataDir()).profiles, cliSecretStore());
}

async function find(s: ProfileStore, name: string): Promise<Profile> {
  const all = await s.list();
  const hit = all.find((p) => p.name === name || p.id === name) ?? all.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (!hit) {
    const names = all.map((p) => `"${p.name}"`).join(', ');
    throw new UsageError(`No profile named "${name}".${names ? ` Profiles: ${names}.` : ' There are no saved profiles yet.'}`);
  }
  return hit;
}

function describe(p: Profile): string {
  const where = { keychain: 'in the keychain', file: 'in the encrypted secrets file', memory: 'in memory only', none: '' }[p.secretStorage];
  const secret = (has: boolean) => (has ? `set (${where})` : 'not set');
  return [
    `${p.name}${p.builtin ? ' (built in)' : ''}`,
    `  id:              ${p.id}`,
    `  login URL:       ${p.loginUrl}`,
    `  user:            ${p.username}`,
    `  User-Agent:      ${p.userAgent}`,
    `  RETS version:    ${p.retsVersion}`,
    `  auth, method:    ${p.authScheme}, ${p.method}`,
    `  throttle:        ${p.throttle.requestsPerMinute ? `${p.throttle.requestsPerMinute} requests a minute` : 'off'}`,
    `  keep login host: ${p.keepLoginHost ? 'yes' : 'no'}`,
    `  password:        ${secret(p.hasPassword)}`,
    `  UA password:     ${secret(p.hasUaPassword)}`,
    ...(p.secretWarning ? [`  note:            ${p.secretWarning}`] : []),
  ].join('\n');
}

function noKeychainNote(p: Profile): string {
  return p.secretStorage === 'memory'
    ? 'No keychain answered here, so the secret was not kept after this command: set RETS_PASSWORD (and RETS_UA_PASSWORD) when you run commands with this profile, or set RETS_WORKBENCH_PASSPHRASE to keep secrets in the encrypted secrets file.\n'
    : '';
}

export async function run(argv: string[]): Promise<number> {
  return withUsage('profiles', PROFILES_USAGE, async () => {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) { process.stdout.write(PROFILES_USAGE); return EXIT.done; }
    const [verb, name, ...extra] = positionals;
    if (extra.length) throw new UsageError(`Unexpected argument "${extra[0]}" (quote names with spaces).`);
    const s = store();
    const json = values.json === true;
    switch (verb) {
      case 'list': {
        const all = await s.list();
        if (json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
        else process.stdout.write(all.length ? `${all.map((p) => `${p.name}\t${p.username}\t${p.loginUrl}`).join('\n')}\n` : 'No saved profiles.\n');
        return EXIT.done;
      }
      case 'show': {
        if (!name) throw new UsageError('Give the profile NAME.');
        const p = await find(s, name);
        process.stdout.write(json ? `${JSON.stringify(p, null, 2)}\n` : `${describe(p)}\n`);
        return EXIT.done;
      }
      case 'add': {
        if (!name) throw new UsageError('Give the new profile a NAME.');
        if (values.profile) throw new UsageError('profiles add takes --url and --user, not --profile.');
        const flags = connectionFlags(values);
        if (values['password-stdin'] && values['ua-password-stdin']) throw new UsageError('Pipe one secret at a time: add with --password-stdin, then use set-secret --ua-password-stdin.');
        const secret = values['password-stdin'] || values['ua-password-stdin'] ? await readStdin() : undefined;
        const throttle = intValue(values, 'throttle', 0, 6000);
        const input = {
          name, loginUrl: flags.url!, username: flags.user!,
          ...(flags.userAgent ? { userAgent: flags.userAgent } : {}),
          ...(flags.retsVersion ? { retsVersion: flags.retsVersion } : {}),
          ...(flags.auth ? { authScheme: flags.auth } : {}),
          ...(flags.method ? { method: flags.method } : {}),
          ...(throttle !== undefined ? { throttle: { requestsPerMinute: throttle } } : {}),
          keepLoginHost: flags.keepLoginHost,
          ...(values['password-stdin'] ? { password: secret } : {}),
          ...(values['ua-password-stdin'] ? { uaPassword: secret } : {}),
        };
        const parsed = ProfileInput.safeParse(input);
        if (!parsed.success) throw new UsageError(z.prettifyError(parsed.error));
        if ((await s.list()).some((p) => p.name.toLowerCase() === name.toLowerCase())) throw new UsageError(`A profile named "${name}" exists already.`);
        const p = await s.create(parsed.data);
        process.stdout.write(json ? `${JSON.stringify(p, null, 2)}\n` : `Added "${p.name}" (${p.id}).\n`);
        process.stderr.write(secret ? noKeychainNote(p) : '');
        return EXIT.done;
      }
      case 'set-secret': {
        if (!name) throw new UsageError('Give the profile NAME.');
        const kind = values['password-stdin'] ? 'password' : values['ua-password-stdin'] ? 'uaPassword' : undefined;
        if (!kind || (values['password-stdin'] && values['ua-password-stdin'])) throw new UsageError('Give --password-stdin or --ua-password-stdin (one of them).');
        const p = await find(s, name);
        if (p.builtin) throw new UsageError('The Demo MLS profile has its own password.');
        const secret = await readStdin();
        const updated = await s.update(p.id, { [kind]: secret });
        process.stdout.write(`The ${kind === 'password' ? 'password' : 'UA password'} of "${updated.name}" is set.\n`);
        process.stderr.write(noKeychainNote(updated));
        return EXIT.done;
      }
      case 'remove': {
        if (!name) throw new UsageError('Give the profile NAME.');
        const p = await find(s, name);
        try {
          await s.delete(p.id);
        } catch (e) {
          if (isRetsError(e)) throw new UsageError(e.info.message);
          throw e;
        }
        process.stdout.write(`Removed "${p.name}" and its secrets.\n`);
        return EXIT.done;
      }
      default:
        throw new UsageError(verb ? `Unknown profiles command "${verb}".` : 'Give list, show, add, set-secret or remove.');
    }
  });
}
