// HTTP authentication as RETS servers do it: Digest (RFC 2617, qop=auth, MD5 and MD5-sess) and
// Basic, plus the RETS-UA-Authorization check (RETS 1.7.2 §3.10 as implemented by clients).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DemoAccount } from './accounts';

export const REALM = 'Demo MLS RETS Server';
const NONCE_LIFETIME_MS = 60 * 60 * 1000;

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

export class Authenticator {
  private readonly secret = randomBytes(16);
  readonly opaque = randomBytes(8).toString('hex');

  /** A stateless nonce: issue time plus an HMAC, so any nonce we issued can be checked without a table. */
  nonce(now = Date.now()): string {
    const ts = now.toString(36);
    return `${ts}.${createHmac('sha256', this.secret).update(ts).digest('hex').slice(0, 24)}`;
  }

  challenge(account: DemoAccount | undefined, stale = false): string[] {
    const digest = `Digest realm="${REALM}", qop="auth", nonce="${this.nonce()}", opaque="${this.opaque}"${stale ? ', stale=true' : ''}`;
    const basic = `Basic realm="${REALM}"`;
    if (account?.auth === 'basic') return [basic];
    if (account?.auth === 'digest') return [digest];
    return [digest];
  }

  private nonceState(nonce: string): 'ok' | 'stale' | 'bad' {
    const [ts, mac] = nonce.split('.');
    if (!ts || !mac) return 'bad';
    const want = createHmac('sha256', this.secret).update(ts).digest('hex').slice(0, 24);
    if (want.length !== mac.length || !timingSafeEqual(Buffer.from(want), Buffer.from(mac))) return 'bad';
    return Date.now() - parseInt(ts, 36) > NONCE_LIFETIME_MS ? 'stale' : 'ok';
  }

  /**
   * Checks an Authorization header. Returns the user name it claims and whether the proof holds
   * for `password`; `stale` when a Digest nonce expired (the client should retry silently).
   */
  verify(header: string | undefined, method: string, password: (user: string) => string | undefined, allowed: (user: string) => DemoAccount['auth'] | undefined):
    { user?: string; ok: boolean; stale?: boolean } {
    if (!header) return { ok: false };
    const space = header.indexOf(' ');
    const scheme = header.slice(0, space).toLowerCase();
    const rest = header.slice(space + 1);
    if (scheme === 'basic') {
      const decoded = Buffer.from(rest.trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const user = decoded.slice(0, colon);
      const pw = password(user);
      const mode = allowed(user);
      return { user, ok: colon > 0 && pw !== undefined && mode !== 'digest' && decoded.slice(colon + 1) === pw };
    }
    if (scheme !== 'digest') return { ok: false };
    const p = parseParams(rest);
    const user = p.username;
    const pw = password(user ?? '');
    if (!user || pw === undefined || allowed(user) === 'basic') return { user, ok: false };
    const state = this.nonceState(p.nonce ?? '');
    if (state === 'bad') return { user, ok: false };
    let ha1 = md5(`${user}:${p.realm ?? REALM}:${pw}`);
    if ((p.algorithm ?? '').toLowerCase() === 'md5-sess') ha1 = md5(`${ha1}:${p.nonce}:${p.cnonce}`);
    const ha2 = md5(`${method}:${p.uri}`);
    const expected = p.qop ? md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`) : md5(`${ha1}:${p.nonce}:${ha2}`);
    const ok = expected === (p.response ?? '').toLowerCase() && (p.realm ?? REALM) === REALM;
    if (ok && state === 'stale') return { user, ok: false, stale: true };
    return { user, ok };
  }
}

/** Parses `a="b", c=d` (quoted or bare values, commas inside quotes kept). */
export function parseParams(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
  return out;
}

/** The RETS-UA-Authorization value a client must send (hash of the whole User-Agent). */
export function uaDigest(userAgent: string, uaPassword: string, requestId: string, sessionId: string, version: string): string {
  const a1 = md5(`${userAgent.trim()}:${uaPassword.trim()}`);
  return md5(`${a1}:${requestId.trim()}:${sessionId.trim()}:${version.trim()}`);
}

/** The user name an Authorization header claims, without checking it (to pick the challenge). */
export function claimedUser(header: string | undefined): string | undefined {
  if (!header) return undefined;
  if (/^basic /i.test(header)) {
    const d = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    return d.slice(0, Math.max(0, d.indexOf(':')));
  }
  return parseParams(header.slice(header.indexOf(' ') + 1)).username;
}
