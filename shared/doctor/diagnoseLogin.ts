// Diagnosis of a failed login: tells apart wrong credentials, a missing or wrong User-Agent
// password, an authentication scheme the profile is not set for, an IP allow-list, a refused RETS
// version, a rate limit, a wrong path, and every login reply code in the catalogue.
import type { RetsErrorInfo } from '../rets/errors';
import { replyCodeInfo } from '../rets/replyCodes';
import { versionRefused } from './diagnoseHttp';
import { saidText } from './format';
import type { Diagnosis } from './types';

export interface LoginContext {
  username: string;
  userAgent: string;
  uaPasswordSet: boolean;
  retsVersion: string;
  configuredScheme: 'auto' | 'digest' | 'basic';
  /** Lower-case schemes the server offered to the unauthenticated request ([] when none or unknown). */
  offeredSchemes: string[];
  /** Retry-After seen on the failing response, when known. */
  retryAfter?: string;
}

const UA_TEXT = /user[- ]?agent|\bUA\b|ua[- ]?auth/i;
const IP_TEXT = /\bIP\b|address|whitelist|allow[- ]?list|not (?:authorized|permitted) from/i;
const RATE_TEXT = /rate|too many|limit exceeded|throttl|slow down/i;
const VERSION_TEXT = /version/i;
const RATE_CODES = new Set([20210, 20412, 20512]);

/** Map a failed login (the session's typed error) to plain words. */
export function diagnoseLogin(e: RetsErrorInfo, ctx: LoginContext): Diagnosis {
  const base = { httpStatus: e.httpStatus, replyCode: e.replyCode, replyText: e.replyText };
  const said = saidText(e.replyText);
  const code = e.replyCode;

  if (e.httpStatus === 429 || (code !== undefined && RATE_CODES.has(code)) || (e.replyText && RATE_TEXT.test(e.replyText))) {
    const wait = ctx.retryAfter ?? /retry after (\d+)/i.exec(e.replyText ?? '')?.[1];
    return { ...base,
      summary: `The server is rate-limiting this account${wait ? `; it asks to wait ${wait} s` : ''}.`,
      detail: `Login was refused because too many requests were made recently.${said}`,
      cause: 'A rate limit at the MLS (often a few requests a minute, or one session at a time).',
      actions: [`Wait${wait ? ` ${wait} s` : ' a minute'} and try again.`, 'Set a requests-per-minute throttle in the profile; avoid parallel sessions with the same account.'] };
  }
  if (code === 20037 || code === 20041 || (e.httpStatus === 401 && e.replyText && UA_TEXT.test(e.replyText))) {
    return diagnoseUaFailure(e, ctx);
  }
  if (code !== undefined && VERSION_TEXT.test(e.replyText ?? '') && (code === 20036 || e.httpStatus === 400)) {
    return versionRefused(ctx.retsVersion, base);
  }
  if ((e.httpStatus === 401 || e.httpStatus === 403 || code === 20036) && e.replyText && IP_TEXT.test(e.replyText)) {
    return { ...base,
      summary: 'The MLS refused the login from this IP address: it is not on their allow-list.',
      detail: `The credentials may be right, but the server does not accept logins from this address.${said}`,
      cause: 'MLSs only accept RETS logins from addresses they have whitelisted.',
      actions: ['Send the MLS the local address below (and your public IP, if you are behind NAT) and ask them to whitelist it.', 'Run the test from the server whose IP the MLS whitelisted.'] };
  }
  if (e.httpStatus === 403) {
    return { ...base,
      summary: 'The server refused access (HTTP 403): this account or address is blocked.',
      detail: `The login was forbidden.${said}${e.cause && !e.replyText ? ` ${e.cause}` : ''}`,
      cause: 'Your IP address is not whitelisted, the account is disabled, or a firewall blocks this client.',
      actions: ['Send the MLS the local address below and ask them to whitelist it and check the account.'] };
  }
  if (e.httpStatus === 401) return diagnose401(e, ctx, base, said);
  if (e.httpStatus === 404 || e.kind === 'parse' && /html/i.test(`${e.message} ${e.cause ?? ''}`)) {
    return { ...base,
      summary: 'The login URL does not lead to a RETS server: the path is probably wrong.',
      detail: `${e.message}${e.cause ? ` ${e.cause}` : ''}`,
      cause: 'The login URL points at a web page, an old path or a proxy error page.',
      actions: ['Check the full login URL with the MLS.'] };
  }
  if (e.kind === 'timeout') {
    return { ...base,
      summary: 'The login request timed out: the server accepted the connection but did not answer.',
      detail: `${e.message}${e.cause ? ` ${e.cause}` : ''}`,
      cause: 'The server is overloaded, or a firewall holds connections from addresses it does not know.',
      actions: ['Retry later; raise the timeout if the server is known to be slow.', 'Ask the MLS whether your IP address is whitelisted.'] };
  }
  if (code !== undefined && code !== 0) return diagnoseReplyCode(e, base, said);
  if (e.httpStatus !== undefined && e.httpStatus >= 500) {
    return { ...base,
      summary: `The server failed with HTTP ${e.httpStatus} during login.`,
      detail: `${e.message}${e.cause ? ` ${e.cause}` : ''}`,
      cause: 'A server-side error at the MLS.',
      actions: ['Retry later; if it persists, send this report to the MLS support desk.'] };
  }
  return { ...base,
    summary: e.message,
    detail: e.cause ?? e.message,
    cause: e.cause ?? 'The login did not succeed.',
    actions: e.hint ? [e.hint] : ['Check the profile settings and retry.'] };
}

function diagnose401(e: RetsErrorInfo, ctx: LoginContext, base: Pick<Diagnosis, 'httpStatus' | 'replyCode' | 'replyText'>, said: string): Diagnosis {
  const offered = ctx.offeredSchemes;
  const names = offered.map((o) => o[0]!.toUpperCase() + o.slice(1)).join(', ');
  const speaks = (s: string) => offered.includes(s);
  if (ctx.configuredScheme === 'digest' && offered.length > 0 && !speaks('digest')) {
    return { ...base,
      summary: `The server does not offer Digest authentication (it offers ${names}), but the profile is set to Digest.`,
      detail: `The login was refused with HTTP 401.${said}`,
      cause: 'The profile is configured for an authentication scheme this server does not use.',
      actions: [`Set the authentication scheme to ${speaks('basic') ? 'Basic' : 'Auto'} in the profile.`] };
  }
  if (ctx.configuredScheme === 'basic' && offered.length > 0 && !speaks('basic')) {
    return { ...base,
      summary: `The server does not accept Basic authentication (it offers ${names}), but the profile is set to Basic.`,
      detail: `The login was refused with HTTP 401.${said}`,
      cause: 'The profile is configured for an authentication scheme this server does not use.',
      actions: [`Set the authentication scheme to ${speaks('digest') ? 'Digest' : 'Auto'} in the profile.`] };
  }
  if (offered.length > 0 && !speaks('digest') && !speaks('basic')) {
    return { ...base,
      summary: `The server asks for ${names} authentication, which this tool does not speak.`,
      detail: `The login was refused with HTTP 401.${said}`,
      cause: 'The server uses an authentication scheme other than Digest or Basic.',
      actions: ['Ask the MLS for a Digest or Basic RETS login.'] };
  }
  if (offered.length === 0 && ctx.configuredScheme !== 'basic') {
    return { ...base,
      summary: 'The server refused the login (HTTP 401) without offering an authentication scheme.',
      detail: `No WWW-Authenticate challenge came back, so Digest could not be tried.${said}`,
      cause: 'The server probably expects Basic credentials sent with the first request.',
      actions: ['Set the authentication scheme to Basic in the profile and test again.', 'If that fails too, check the username and password.'] };
  }
  if (!ctx.uaPasswordSet && ctx.userAgent && e.replyText && /agent/i.test(e.replyText)) return diagnoseUaFailure(e, ctx);
  return { ...base,
    summary: `The server rejected the username or password for "${ctx.username}" (HTTP 401).`,
    detail: `The server offered ${names || 'an'} authentication, the credentials were sent and refused.${said}`,
    cause: 'The password is wrong or expired, the username is misspelt, or the account is locked or not yet enabled.',
    actions: ['Check the username and password (they are case-sensitive); re-enter the password.', 'If they are right, ask the MLS whether the account is active and whether it needs a User-Agent password or a whitelisted IP.'] };
}

/** User-Agent authentication failed or is required. */
export function diagnoseUaFailure(e: Pick<RetsErrorInfo, 'httpStatus' | 'replyCode' | 'replyText'>, ctx: Pick<LoginContext, 'userAgent' | 'uaPasswordSet'>): Diagnosis {
  const base = { httpStatus: e.httpStatus, replyCode: e.replyCode, replyText: e.replyText };
  const said = saidText(e.replyText);
  if (!ctx.uaPasswordSet && e.replyCode === 20037) {
    return { ...base,
      summary: `The MLS does not accept the User-Agent "${ctx.userAgent}": it only accepts the one registered for this account.`,
      detail: `The login was refused for the User-Agent.${said}`,
      cause: 'MLSs often gate on a registered User-Agent name (case-sensitive, version included), sometimes with a UA password.',
      actions: ['Set the User-Agent in the profile exactly as the MLS registered it, and the UA password if they gave one.', 'If you have none, ask the MLS to register your software.'] };
  }
  if (!ctx.uaPasswordSet) {
    return { ...base,
      summary: 'This MLS requires a registered User-Agent with a UA password, and the profile has none.',
      detail: `The login was refused because no RETS-UA-Authorization was sent (User-Agent "${ctx.userAgent}").${said}`,
      cause: 'The MLS only accepts client software it has registered: a User-Agent name plus a UA password.',
      actions: ['Enter the exact User-Agent and UA password the MLS gave you in the profile (both are case-sensitive).', 'If you have none, ask the MLS to register your software.'] };
  }
  return { ...base,
    summary: `The MLS rejected the User-Agent "${ctx.userAgent}" or its UA password.`,
    detail: `RETS-UA-Authorization was sent and refused.${said}`,
    cause: 'The User-Agent or the UA password differs from what the MLS registered (both are case-sensitive, including the version after the slash).',
    actions: ['Copy the User-Agent and UA password exactly as the MLS gave them.', 'Ask the MLS which User-Agent is registered for this account.'] };
}

/** A non-zero login reply code, in plain words from the catalogue plus login-specific advice. */
function diagnoseReplyCode(e: RetsErrorInfo, base: Pick<Diagnosis, 'httpStatus' | 'replyCode' | 'replyText'>, said: string): Diagnosis {
  const code = e.replyCode!;
  const info = replyCodeInfo(code);
  const extra: Record<number, string[]> = {
    20022: ['Close other programs logged in with this account, or wait for their sessions to time out (often 30 minutes).'],
    20036: ['Read the server\'s text above; most often the IP address is not whitelisted or the RETS version is refused.', 'Send the MLS this report.'],
    20050: ['The server is down for maintenance: try again later.'],
  };
  return { ...base,
    summary: `The server refused the login: RETS ${code} ${info.name}.`,
    detail: `${info.meaning}${said}`,
    cause: info.meaning,
    actions: [info.action, ...(extra[code] ?? [])] };
}
