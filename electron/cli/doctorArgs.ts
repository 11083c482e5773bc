// Argument parsing for `rets-workbench doctor`: the shared connection flags plus the doctor's own.
import { parseCommandArgs, UsageError, type OptionsSpec } from './args';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connectionFlags, normalizeVersion, type ConnectionFlags } from './connection';
import { WEBAPI_OPTIONS, WEBAPI_USAGE, doctorWebApiFlags, type DoctorWebApiFlags } from './doctorWebApiArgs';

export { UsageError, normalizeVersion };

export interface DoctorArgs {
  connection: ConnectionFlags;
  /** Set for a RESO Web API connection (--service-root); `connection` is then unused. */
  webApi?: DoctorWebApiFlags;
  timeoutSeconds?: number;
  json: boolean;
  help: boolean;
}

export const DOCTOR_USAGE = `usage: rets-workbench doctor --profile NAME [--timeout S] [--keep-login-host] [--json]
       rets-workbench doctor --url URL --user NAME [--user-agent UA] [--rets-version V]
                             [--auth digest|basic|auto] [--method GET|POST] [--timeout S]
                             [--keep-login-host] [--json]
       rets-workbench doctor --service-root URL [--auth ...] [--token-url URL] [--client-id ID]
                             [--scope S] [--username NAME] [--timeout S] [--json]

Tests a RETS connection step by step (URL, DNS, TCP, TLS, login, UA authentication, metadata,
search, object, logout), or a RESO Web API one (service root, DNS, TCP, TLS, token endpoint,
service document, $metadata, $top=1, paging, media, rate-limit headers), and says what is wrong
in plain words.

${CONNECTION_USAGE}
${WEBAPI_USAGE}
--keep-login-host sends every request to the login URL's host even when the server's login
reply names another one (for a server reached through an SSH tunnel or a proxy).
Exit code: 0 every step passed, 1 the doctor found a problem, 2 usage error.
`;

const OPTIONS = { ...CONNECTION_OPTIONS, ...WEBAPI_OPTIONS, timeout: { type: 'string' }, json: { type: 'boolean' } } as const satisfies OptionsSpec;

export function parseDoctorArgs(argv: string[]): DoctorArgs {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const help = values.help === true;
  if (help) return { connection: { keepLoginHost: false }, json: false, help };
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  let timeoutSeconds: number | undefined;
  if (values.timeout !== undefined) {
    const n = Number(values.timeout);
    if (!Number.isFinite(n) || n <= 0 || n > 600) throw new UsageError('--timeout must be a number of seconds between 0 and 600.');
    timeoutSeconds = n;
  }
  if (values['service-root'] !== undefined) {
    return { connection: { keepLoginHost: false }, webApi: doctorWebApiFlags(values), ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}), json: values.json === true, help };
  }
  const webOnly = Object.keys(WEBAPI_OPTIONS).find((k) => values[k] !== undefined);
  if (webOnly) throw new UsageError(`--${webOnly} is for Web API connections: give --service-root too.`);
  return { connection: connectionFlags(values), ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}), json: values.json === true, help };
}
