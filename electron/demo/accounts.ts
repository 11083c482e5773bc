// The demo accounts. Each one rehearses one thing integrators meet on real MLS servers.
import type { RetsVersion } from './metadataColumns';

export type FailureMode =
  | 'none' | 'basic-only' | 'user-agent' | 'ip-whitelist' | 'bad-password' | 'rate-limit' | 'slow' | 'drop-connection'
  | 'session-timeout' | 'flaky-photos' | 'rets-1.5-only' | 'html-error' | 'rets-1.8';

export interface DemoAccount {
  username: string;
  password: string;
  /** User-Agent the account is registered for; '' = any User-Agent accepted. */
  userAgent: string;
  /** UA password for RETS-UA-Authorization; '' = not required. */
  userAgentPassword: string;
  version: RetsVersion;
  auth: 'digest' | 'basic' | 'both';
  failure: FailureMode;
  /** What the account rehearses, for --json and the README. */
  description: string;
}

export const DEMO_USER_AGENT = 'RETSWorkbench/1.0';
export const RATE_LIMIT_PER_MINUTE = 10;
export const SLOW_DELAY_MS = 1500;
export const SHORT_SESSION_SECONDS = 5;

const base = { password: 'demo', userAgent: '', userAgentPassword: '', version: '1.7.2' as RetsVersion, auth: 'both' as const };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { ...base, username: 'demo', failure: 'none', description: 'Works: RETS 1.7.2, Digest or Basic, any User-Agent.' },
  { ...base, username: 'basic', auth: 'basic', failure: 'basic-only', description: 'Accepts HTTP Basic only (no Digest challenge), as some MLSs do.' },
  { ...base, username: 'uaauth', userAgent: DEMO_USER_AGENT, userAgentPassword: 'uasecret', failure: 'user-agent',
    description: `Requires User-Agent ${DEMO_USER_AGENT} and RETS-UA-Authorization with UA password "uasecret" (missing: 20041, wrong: 20037).` },
  { ...base, username: 'ipblocked', failure: 'ip-whitelist', description: 'Password is right but the IP is not whitelisted: login gets HTTP 403 with ReplyCode 20036 naming the refused address.' },
  { ...base, username: 'badpass', password: 'expired', failure: 'bad-password', description: 'Password was changed at the MLS: every login gets HTTP 401 whatever is sent.' },
  { ...base, username: 'ratelimit', failure: 'rate-limit', description: `Allows ${RATE_LIMIT_PER_MINUTE} requests a minute, then HTTP 429 with Retry-After and a RETS error (20036/20210/20512/20412).` },
  { ...base, username: 'slow', failure: 'slow', description: `Every response waits ${SLOW_DELAY_MS} ms and then trickles its body.` },
  { ...base, username: 'dropper', failure: 'drop-connection', description: 'Search, metadata and object responses are cut off mid-body (socket destroyed after a few KB).' },
  { ...base, username: 'shortsession', failure: 'session-timeout', description: `Session expires after ${SHORT_SESSION_SECONDS} s (TimeoutSeconds says 1800): then HTTP 401 "Session expired" with 20701; log in again.` },
  { ...base, username: 'flakyphotos', failure: 'flaky-photos', description: 'Each photo fails on the first request (20409 Object unavailable, RETS-Error: 1 in multipart) and works when asked again.' },
  { ...base, username: 'rets15', version: '1.5', failure: 'rets-1.5-only', description: 'A RETS 1.5 server: answers RETS/1.5 whatever version is asked, 1.5 metadata columns, RFC 1123 dates.' },
  { ...base, username: 'htmlerror', failure: 'html-error', description: 'Login works, then every transaction returns an HTML error page (HTTP 500, text/html) instead of RETS XML.' },
  { ...base, username: 'rets18', version: '1.8', failure: 'rets-1.8', description: 'A RETS 1.8 server: Info= login lines, 1.8 metadata columns.' },
];

export function findAccount(username: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((a) => a.username === username);
}
