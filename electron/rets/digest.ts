// HTTP Digest (RFC 2617 / RFC 7616, MD5 and MD5-sess, qop=auth or none) and the
// WWW-Authenticate parser. RETS servers mostly use Digest; some send no qop, some mark an
// expired nonce with stale=true, which means "answer again with the new nonce", not "wrong password".
import { createHash, randomBytes } from 'node:crypto';

export interface AuthChallenge {
  /** Lower-case scheme name: 'digest', 'basic', … */
  scheme: string;
  /** Parameters with lower-case names, values unquoted. */
  params: Record<string, string>;
}

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  /** 'auth' when the server offers it, otherwise undefined (RFC 2069 style). */
  qop?: 'auth';
  algorithm: 'MD5' | 'MD5-sess';
  stale: boolean;
}

export function md5hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** Parse one or more WWW-Authenticate header values into challenges (several may share a line). */
export function parseAuthenticate(header: string | string[] | undefined): AuthChallenge[] {
  if (header === undefined) return [];
  const values = Array.isArray(header) ? header : [header];
  const out: AuthChallenge[] = [];
  for (const value of values) parseOneHeader(value, out);
  return out;
}

function parseOneHeader(s: string, out: AuthChallenge[]): void {
  let i = 0;
  let current: AuthChallenge | undefined;
  const skip = (): void => { while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === ',')) i++; };
  while (true) {
    skip();
    if (i >= s.length) return;
    const start = i;
    while (i < s.length && !/[\s=,]/.test(s[i])) i++;
    const token = s.slice(start, i);
    let j = i;
    while (j < s.length && (s[j] === ' ' || s[j] === '\t')) j++;
    if (s[j] === '=' && current) {
      i = j + 1;
      while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
      let value = '';
      if (s[i] === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length) i++;
          value += s[i++];
        }
        i++;
      } else {
        const vs = i;
        while (i < s.length && s[i] !== ',') i++;
        value = s.slice(vs, i).trim();
      }
      current.params[token.toLowerCase()] = value;
    } else if (s[j] === '=' && !current) {
      // A parameter with no scheme before it: skip the value.
      i = j + 1;
      while (i < s.length && s[i] !== ',') i++;
    } else {
      current = { scheme: token.toLowerCase(), params: {} };
      out.push(current);
    }
  }
}

/** The Digest challenge among those parsed, or undefined. */
export function toDigestChallenge(c: AuthChallenge): DigestChallenge | undefined {
  if (c.scheme !== 'digest' || c.params.nonce === undefined) return undefined;
  const qops = (c.params.qop ?? '').split(',').map((q) => q.trim().toLowerCase());
  const algorithm = (c.params.algorithm ?? 'MD5').toUpperCase() === 'MD5-SESS' ? 'MD5-sess' : 'MD5';
  return {
    realm: c.params.realm ?? '',
    nonce: c.params.nonce,
    opaque: c.params.opaque,
    qop: qops.includes('auth') ? 'auth' : undefined,
    algorithm,
    stale: (c.params.stale ?? '').toLowerCase() === 'true',
  };
}

export interface DigestInput {
  username: string;
  password: string;
  realm: string;
  method: string;
  uri: string;
  nonce: string;
  algorithm?: 'MD5' | 'MD5-sess';
  qop?: 'auth';
  nc?: string;
  cnonce?: string;
}

/** The `response` value of a Digest Authorization header. */
export function digestResponse(d: DigestInput): string {
  let ha1 = md5hex(`${d.username}:${d.realm}:${d.password}`);
  if (d.algorithm === 'MD5-sess') ha1 = md5hex(`${ha1}:${d.nonce}:${d.cnonce ?? ''}`);
  const ha2 = md5hex(`${d.method}:${d.uri}`);
  if (d.qop === 'auth') return md5hex(`${ha1}:${d.nonce}:${d.nc}:${d.cnonce}:auth:${ha2}`);
  return md5hex(`${ha1}:${d.nonce}:${ha2}`);
}

const quote = (v: string): string => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Digest state for one challenge: answers any number of requests on the same nonce, counting
 * nc up by one each time (servers that check nc reject a repeat).
 */
export class DigestAuth {
  private nc = 0;
  private readonly cnonceFixed?: string;
  constructor(
    readonly challenge: DigestChallenge,
    private readonly username: string,
    private readonly password: string,
    options: { cnonce?: string } = {},
  ) {
    this.cnonceFixed = options.cnonce;
  }

  /** The Authorization header value for one request (uri = path + query as sent). */
  authorize(method: string, uri: string): string {
    const c = this.challenge;
    this.nc++;
    const nc = this.nc.toString(16).padStart(8, '0');
    const cnonce = this.cnonceFixed ?? randomBytes(8).toString('hex');
    const needsCnonce = c.qop === 'auth' || c.algorithm === 'MD5-sess';
    const response = digestResponse({
      username: this.username, password: this.password, realm: c.realm, method, uri,
      nonce: c.nonce, algorithm: c.algorithm, qop: c.qop, nc, cnonce,
    });
    const parts = [
      `username=${quote(this.username)}`, `realm=${quote(c.realm)}`, `nonce=${quote(c.nonce)}`, `uri=${quote(uri)}`,
    ];
    if (c.algorithm === 'MD5-sess') parts.push('algorithm=MD5-sess');
    if (c.qop === 'auth') parts.push('qop=auth', `nc=${nc}`);
    if (needsCnonce) parts.push(`cnonce=${quote(cnonce)}`);
    parts.push(`response=${quote(response)}`);
    if (c.opaque !== undefined) parts.push(`opaque=${quote(c.opaque)}`);
    return `Digest ${parts.join(', ')}`;
  }
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
