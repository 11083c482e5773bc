// `rets-workbench doctor --service-root URL ...`: the doctor's Web API connection flags, and their
// secrets from RESO_CLIENT_SECRET / RESO_TOKEN / RESO_PASSWORD or a prompt, never from argv.
// The flags are parsed as the search/metadata/objects commands parse them (webApiConnection.ts).
import type { ODataAuth } from '../odata/types';
import type { WebApiDoctorSettings } from '../doctor';
import { oneOf, stringValue, UsageError, type OptionsSpec, type ParsedArgs } from './args';
import { promptHidden } from './doctorPrompt';
import { webApiFlags, type WebApiFlags as ConnectionFlags } from './webApiConnection';

export const WEBAPI_OPTIONS = {
  'service-root': { type: 'string' },
  'token-url': { type: 'string' },
  'client-id': { type: 'string' },
  scope: { type: 'string' },
  username: { type: 'string' },
  'client-auth': { type: 'string' },
} as const satisfies OptionsSpec;

export const WEBAPI_USAGE = `Web API connection:
  --service-root URL        the RESO Web API service root, exactly as the MLS gave it
  --auth bearer|client-credentials|password|none
                            default: password with --username, client-credentials with
                            --token-url, else bearer
  --token-url URL --client-id ID [--scope S] [--client-auth post|basic] [--username NAME]
  --user-agent UA
  Secrets: RESO_CLIENT_SECRET (client credentials, password grant), RESO_TOKEN (bearer),
  RESO_PASSWORD (password grant), or a prompt on a terminal; never on the command line.
`;

/** The server commands' Web API flags (no --profile here: the doctor's --profile is RETS), with
 *  `--auth none` and the doctor's own --client-auth and --user-agent. */
export interface DoctorWebApiFlags extends ConnectionFlags {
  serviceRoot: string;
  auth: NonNullable<ConnectionFlags['auth']>;
  clientAuth?: 'post' | 'basic';
  userAgent?: string;
}

const RETS_ONLY = ['profile', 'url', 'user', 'rets-version', 'method', 'keep-login-host'];

export function doctorWebApiFlags(values: ParsedArgs['values']): DoctorWebApiFlags {
  const rets = RETS_ONLY.find((k) => values[k] !== undefined);
  if (rets) throw new UsageError(`--${rets} is for RETS connections; with --service-root use the Web API flags.`);
  const flags = webApiFlags(values, ['bearer', 'client-credentials', 'password', 'none']);
  return {
    ...flags, serviceRoot: flags.serviceRoot!, auth: flags.auth!,
    clientAuth: oneOf(values, 'client-auth', ['post', 'basic'] as const), userAgent: stringValue(values, 'user-agent'),
  };
}

async function secret(env: NodeJS.ProcessEnv, name: string, question: string, required: boolean): Promise<string> {
  const v = env[name];
  if (v) return v;
  if (!process.stdin.isTTY) {
    if (!required) return '';
    throw new UsageError(`No secret: set ${name} in the environment (or run in a terminal to be asked).`);
  }
  return promptHidden(question);
}

/** The doctor's settings for the flags, secrets read from the environment or a prompt. */
export async function webApiSettings(f: DoctorWebApiFlags, env: NodeJS.ProcessEnv = process.env): Promise<WebApiDoctorSettings> {
  let auth: ODataAuth;
  if (f.auth === 'none') auth = { kind: 'none' };
  else if (f.auth === 'bearer') auth = { kind: 'bearer', token: await secret(env, 'RESO_TOKEN', 'Access token: ', true) };
  else {
    const common = { tokenUrl: f.tokenUrl!, clientId: f.clientId!, ...(f.scope ? { scope: f.scope } : {}), ...(f.clientAuth ? { clientAuth: f.clientAuth } : {}) };
    if (f.auth === 'client-credentials') {
      auth = { kind: 'client-credentials', ...common, clientSecret: await secret(env, 'RESO_CLIENT_SECRET', `Client secret for ${f.clientId}: `, true) };
    } else {
      // Public clients of a password grant have no secret: it is asked only on a terminal.
      const clientSecret = await secret(env, 'RESO_CLIENT_SECRET', `Client secret for ${f.clientId} (empty if none): `, false);
      const password = await secret(env, 'RESO_PASSWORD', `Password for ${f.username}: `, true);
      auth = { kind: 'password', ...common, username: f.username!, password, ...(clientSecret ? { clientSecret } : {}) };
    }
  }
  return { serviceRoot: f.serviceRoot, auth, ...(f.userAgent ? { userAgent: f.userAgent } : {}) };
}
