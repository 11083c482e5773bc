// RETS-UA-Authorization (RETS 1.7.2 §3.x, RCP 36): proves the client software is the one the MLS
// registered. The whole User-Agent is hashed (every implementation does so), case-sensitively.
import { md5hex } from './digest';

export interface UaAuthInput {
  userAgent: string;
  uaPassword: string;
  /** RETS-Request-ID if one is sent; empty otherwise. */
  requestId?: string;
  /** Value of the RETS-Session-ID cookie; empty before login. */
  sessionId?: string;
  /** The RETS-Version header value, in full (e.g. "RETS/1.7.2"). */
  retsVersion: string;
}

/** a1 = MD5(UserAgent ":" UA-Password) */
export function uaA1(userAgent: string, uaPassword: string): string {
  return md5hex(`${userAgent.trim()}:${uaPassword.trim()}`);
}

/** The hex digest: MD5(a1 ":" RequestID ":" SessionID ":" Version). */
export function uaDigest(i: UaAuthInput): string {
  const a1 = uaA1(i.userAgent, i.uaPassword);
  return md5hex(`${a1}:${(i.requestId ?? '').trim()}:${(i.sessionId ?? '').trim()}:${i.retsVersion.trim()}`);
}

/** The full header value: `Digest <32 hex>`. */
export function uaAuthorizationHeader(i: UaAuthInput): string {
  return `Digest ${uaDigest(i)}`;
}
