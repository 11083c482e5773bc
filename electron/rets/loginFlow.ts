// Login, the Action page and Logout: small bodies, read whole under a cap.
import { capabilitiesOffLoginHost, onLoginHost, parseLoginResponse, parseLogoutResponse, type LoginResponse } from '../../shared/rets/login';
import type { SessionCore } from './core';
import { parseError } from './errors';
import { readReply } from './reply';

const LOGIN_CAP = 4 * 1024 * 1024;
const ACTION_CAP = 1024 * 1024;

export interface LoginResult {
  response: LoginResponse;
  /** Capability name (lower case) → absolute URL. */
  capabilities: Map<string, string>;
}

export interface LogoutResult {
  connectTime?: number;
  billing?: string;
  signOffMessage?: string;
}

export async function loginOnce(core: SessionCore, signal?: AbortSignal): Promise<LoginResult> {
  const loginUrl = core.settings.loginUrl;
  const res = await core.open({ transaction: 'Login', url: loginUrl, signal });
  const text = await readReply(res, LOGIN_CAP);
  let response: LoginResponse;
  try {
    response = parseLoginResponse(text, loginUrl);
  } catch (e) {
    throw parseError(res.context, `The login reply could not be read: ${(e as Error).message}`, e);
  }
  if (core.settings.keepLoginHost) keepOnLoginHost(response, loginUrl);
  else warnOffLoginHost(response, loginUrl);
  const capabilities = new Map<string, string>();
  for (const [name, url] of Object.entries(response.capabilities)) capabilities.set(name.toLowerCase(), url);
  return { response, capabilities };
}

/** Points every capability URL at the login URL's host (a tunnel or proxy in front of the server). */
function keepOnLoginHost(r: LoginResponse, loginUrl: string): void {
  for (const caps of [r.capabilities, r.standardCapabilities, r.vendorCapabilities] as Record<string, string>[]) {
    for (const [name, url] of Object.entries(caps)) caps[name] = onLoginHost(url, loginUrl);
  }
}

/** Servers often list absolute URLs with their own host name, which go around a tunnel or proxy. */
function warnOffLoginHost(r: LoginResponse, loginUrl: string): void {
  const here = new URL(loginUrl).host;
  for (const [origin, names] of capabilitiesOffLoginHost(r.capabilities, loginUrl)) {
    r.warnings.push(`${names.join(', ')} go${names.length === 1 ? 'es' : ''} to ${origin}, not to the login URL's host ${here}. `
      + 'Through an SSH tunnel, a proxy or a port forward these requests go around it; if they fail, turn on '
      + '"Send every request to the login URL\'s host" in the profile.');
  }
}

/** GET the Action URL (the spec says a client must, right after login) and keep its text. */
export async function fetchAction(core: SessionCore, url: string, signal?: AbortSignal): Promise<string> {
  const res = await core.open({ transaction: 'Action', url, method: 'GET', signal });
  return (await res.text(ACTION_CAP)).trim();
}

export async function logoutOnce(core: SessionCore, signal?: AbortSignal): Promise<LogoutResult> {
  const res = await core.open({ transaction: 'Logout', url: core.capabilityUrl('Logout', 'Logout'), signal });
  const parsed = parseLogoutResponse(await readReply(res, LOGIN_CAP, { allowEmpty: true }));
  const out: LogoutResult = {};
  if (parsed.connectTime !== undefined) out.connectTime = parsed.connectTime;
  if (parsed.billing !== undefined) out.billing = parsed.billing;
  if (parsed.signOffMessage !== undefined) out.signOffMessage = parsed.signOffMessage;
  return out;
}
