// Diagnosis after a successful login: missing capabilities, and failures of the metadata,
// search, object and logout transactions (which say the login works but the account or server
// has a problem).
import type { RetsErrorInfo } from '../rets/errors';
import { capabilitiesOffLoginHost } from '../rets/login';
import { replyCodeInfo } from '../rets/replyCodes';
import { diagnoseUaFailure } from './diagnoseLogin';
import { saidText } from './format';
import type { Diagnosis } from './types';

export const STANDARD_CAPABILITIES = ['Login', 'Logout', 'Search', 'GetMetadata', 'GetObject'] as const;

/** Capabilities a working client needs; the others only limit what can be tried. */
const REQUIRED = ['Search', 'GetMetadata'];

/** A warning when standard capabilities are missing from the login response; undefined when all are there. */
export function diagnoseCapabilities(names: readonly string[]): Diagnosis | undefined {
  const have = new Set(names.map((n) => n.toLowerCase()));
  const missing = STANDARD_CAPABILITIES.filter((c) => c !== 'Login' && !have.has(c.toLowerCase()));
  if (missing.length === 0) return undefined;
  const required = missing.filter((m) => REQUIRED.includes(m));
  return {
    summary: `The login response lists no ${missing.join(', ')} URL${missing.length > 1 ? 's' : ''}.`,
    detail: `Capabilities found: ${names.join(', ') || 'none'}.`,
    cause: required.length
      ? 'The account may not have access to these transactions, or the server leaves them out of the login response (some servers do).'
      : 'The server does not offer these optional transactions to this account.',
    actions: required.length
      ? ['Ask the MLS whether the account has RETS data access (Search and GetMetadata).']
      : ['Nothing to do unless you need them; ask the MLS to enable them for this account.'],
  };
}

/**
 * A warning when capability URLs name another host than the login URL: the requests after login
 * then go around a tunnel or proxy the login went through. Undefined when all share its host.
 */
export function diagnoseCapabilityHosts(capabilities: Record<string, string>, loginUrl: string): Diagnosis | undefined {
  const off = capabilitiesOffLoginHost(capabilities, loginUrl);
  if (off.size === 0) return undefined;
  const where = [...off].map(([origin, names]) => `${names.join(', ')} → ${origin}`).join('; ');
  return {
    summary: `The login response sends later requests to another host than the login URL (${where}).`,
    detail: `Login URL: ${loginUrl}. Capability URLs: ${where}.`,
    cause: 'The server lists absolute URLs with its own host name. Reached directly that is fine; through an SSH tunnel, a proxy or a port forward, those requests go around it (and fail from an IP address the MLS has not whitelisted).',
    actions: [
      'If you reach the MLS through a tunnel or proxy, turn on "Send every request to the login URL\'s host" in the profile (doctor: --keep-login-host).',
      'Otherwise nothing to do: this only explains where the requests go.',
    ],
  };
}

export type SessionStep = 'metadata' | 'search' | 'object' | 'logout';

const TX: Record<SessionStep, string> = { metadata: 'GetMetadata', search: 'the count-only search', object: 'GetObject', logout: 'Logout' };

/** A transaction after login failed. */
export function diagnoseTransaction(step: SessionStep, e: RetsErrorInfo, ctx: { userAgent: string; uaPasswordSet: boolean }): Diagnosis {
  const base = { httpStatus: e.httpStatus, replyCode: e.replyCode, replyText: e.replyText };
  const said = saidText(e.replyText);
  if (e.replyCode === 20037 || e.replyCode === 20041) return diagnoseUaFailure(e, ctx);
  if (/\bHTML\b/i.test(`${e.message} ${e.cause ?? ''}`)) {
    return { ...base,
      summary: `Login works, but ${TX[step]} returned an HTML error page instead of RETS${e.httpStatus ? ` (HTTP ${e.httpStatus})` : ''}.`,
      detail: `${e.message} ${e.cause ?? ''}`.trim(),
      cause: 'The server (or a proxy in front of it) fails on this transaction.',
      actions: ['Send this report to the MLS support desk.', 'Retry later.'] };
  }
  if (e.httpStatus === 401 || e.replyCode === 20701) {
    return { ...base,
      summary: `Login works, but ${TX[step]} was refused as not logged in.`,
      detail: `${e.message}${said}`,
      cause: 'The server lost the session right after login: cookies not kept across servers behind a load balancer, or a very short session timeout.',
      actions: ['Retry; if it persists, send this report to the MLS support desk.'] };
  }
  if (e.httpStatus === 429 || e.replyCode === 20210 || e.replyCode === 20412 || e.replyCode === 20512) {
    return { ...base,
      summary: `Login works, but the server rate-limited ${TX[step]}.`,
      detail: `${e.message}${said}`,
      cause: 'A rate limit at the MLS.',
      actions: ['Wait a minute before testing again; set a requests-per-minute throttle in the profile.'] };
  }
  if (e.replyCode !== undefined && e.replyCode !== 0) {
    const info = replyCodeInfo(e.replyCode);
    return { ...base,
      summary: `Login works, but ${TX[step]} was refused: RETS ${e.replyCode} ${info.name}.`,
      detail: `${info.meaning}${said}`,
      cause: info.meaning,
      actions: [info.action] };
  }
  if (e.httpStatus !== undefined && e.httpStatus >= 500) {
    return { ...base,
      summary: `Login works, but ${TX[step]} failed with HTTP ${e.httpStatus}.`,
      detail: `${e.message}${e.cause ? ` ${e.cause}` : ''}`,
      cause: 'A server-side error at the MLS.',
      actions: ['Retry later; if it persists, send this report to the MLS support desk.'] };
  }
  return { ...base,
    summary: `Login works, but ${TX[step]} failed: ${e.message}`,
    detail: e.cause ?? e.message,
    cause: e.cause ?? 'The transaction failed.',
    actions: e.hint ? [e.hint] : ['Retry; if it persists, send this report to the MLS support desk.'] };
}

/** Whether a failed step should stop the probe, or only warn (the connection itself works). */
export function transactionSeverity(step: SessionStep, e: RetsErrorInfo): 'failed' | 'warning' {
  if (step === 'logout') return 'warning';
  if (step === 'object' && e.replyCode !== undefined && e.replyCode >= 20400 && e.replyCode < 20500) return 'warning';
  return 'failed';
}
