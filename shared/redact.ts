// Secrets are removed where they stand as values: credential headers, URL userinfo, query, path
// and form parameters whose name says secret (or whose whole value is a known secret, such as the
// session id), and the digest `response` (derived from the password). Never as substrings of
// prose: a password `demo` must not blank "Demo User (demo)", nor `expired` the word in advice.
// The one place these rules live: the trace, the doctor, the host and the CLI all call here.

/** What a removed value is replaced by (URL-safe, so a redacted URL stays a URL). */
export const REDACTED = 'REDACTED';

const SECRET_EXACT = new Set(['pass', 'pwd', 'pw', 'sid', 'jsessionid', 'phpsessid', 'auth', 'sig', 'signature', 'apikey', 'key']);
const SECRET_PARTS = ['password', 'passwd', 'secret', 'token', 'apikey', 'sessionid', 'credential'];

/** True for a parameter or field name that carries a secret (password, ua-password, client_secret, access_token…). */
export function isSecretName(name: string): boolean {
  const n = name.toLowerCase().replace(/[-_.\s]/g, '');
  return SECRET_EXACT.has(n) || SECRET_PARTS.some((p) => n.includes(p));
}

const AUTH_HEADERS = new Set(['authorization', 'proxy-authorization', 'rets-ua-authorization']);

/** A header's value with its secret parts removed; headers that carry none come back as they are. */
export function redactHeaderValue(name: string, value: string): string {
  const n = name.toLowerCase();
  if (AUTH_HEADERS.has(n)) return redactAuthorization(value);
  if (n === 'cookie') return value.split(';').map((c) => redactPair(c, '=', () => true)).join(';');
  if (n === 'set-cookie') return value.split(/,(?=\s*[^;,=\s]+=)/).map(redactSetCookie).join(',');
  return value;
}

/** Headers as a flat record, credential and cookie values removed. */
export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k] = redactHeaderValue(k, Array.isArray(v) ? v.join(', ') : String(v));
  }
  return out;
}

// The scheme word stays (the log shows whether Basic or Digest was used), and Digest keeps its
// non-secret parameters (username, realm, uri, nonce, qop) for debugging a failed challenge.
function redactAuthorization(value: string): string {
  const m = /^\s*([A-Za-z][\w-]*)(\s+|$)/.exec(value);
  if (!m) return REDACTED;
  const scheme = m[1];
  const rest = value.slice(m[0].length);
  if (scheme.toLowerCase() !== 'digest' || !/^[\w-]+\s*=/.test(rest)) return rest ? `${scheme} ${REDACTED}` : scheme;
  return `${scheme} ${splitDigestParams(rest).map(redactDigestParam).join(', ')}`;
}

// `response` is derived from the password; `uri` repeats the request URL, query and all.
function redactDigestParam(p: string): string {
  const at = p.indexOf('=');
  const key = at < 0 ? '' : p.slice(0, at).trim().toLowerCase();
  if (key !== 'uri') return redactPair(p, '=', (k) => k.toLowerCase() === 'response' || isSecretName(k));
  const v = p.slice(at + 1).trim();
  const quoted = v.startsWith('"') && v.endsWith('"') && v.length >= 2;
  const url = redactUrl(quoted ? v.slice(1, -1) : v);
  return `${p.slice(0, at)}=${quoted ? `"${url}"` : url}`;
}

/** Digest parameters split on commas outside quotes (one pass). */
function splitDigestParams(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' && s[i - 1] !== '\\') quoted = !quoted;
    else if (c === ',' && !quoted) { out.push(s.slice(start, i).trim()); start = i + 1; }
  }
  out.push(s.slice(start).trim());
  return out.filter(Boolean);
}

function redactSetCookie(cookie: string): string {
  const semi = cookie.indexOf(';');
  const first = semi < 0 ? cookie : cookie.slice(0, semi);
  return redactPair(first, '=', () => true) + (semi < 0 ? '' : cookie.slice(semi));
}

/** `name<sep>value` with the value replaced when `secret(name, value)` says so (quotes kept). */
function redactPair(pair: string, sep: string, secret: (name: string, value: string) => boolean): string {
  const at = pair.indexOf(sep);
  if (at < 0) return pair;
  const name = pair.slice(0, at);
  const value = pair.slice(at + sep.length);
  if (!value || !secret(name.trim(), value)) return pair;
  const quoted = value.trim().startsWith('"');
  return `${name}${sep}${quoted ? `"${REDACTED}"` : REDACTED}`;
}

function decoded(s: string): string {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; }
}

/**
 * `a=1&b=2` (a query string without `?`, or a form body) with secret-named fields, and fields
 * whose whole value is one of `secrets`, given REDACTED values; everything else byte for byte.
 */
export function redactForm(body: string, secrets: readonly string[] = []): string {
  const known = new Set(secrets.filter(Boolean));
  return body.split('&').map((p) => redactPair(p, '=', (k, v) => isSecretName(decoded(k)) || known.has(decoded(v)))).join('&');
}

/**
 * A URL without userinfo, with secret query and path parameters (`;jsessionid=…`) removed, and
 * any whole path segment or parameter value equal to one of `secrets` (the session id) removed.
 */
export function redactUrl(url: string, secrets: readonly string[] = []): string {
  const known = new Set(secrets.filter(Boolean));
  const hashAt = url.indexOf('#');
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const noHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const qAt = noHash.indexOf('?');
  const query = qAt < 0 ? undefined : noHash.slice(qAt + 1);
  let head = qAt < 0 ? noHash : noHash.slice(0, qAt);
  let path = '';
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(head);
  if (scheme) {
    const slash = head.indexOf('/', scheme[0].length);
    const authority = head.slice(scheme[0].length, slash < 0 ? undefined : slash);
    const at = authority.lastIndexOf('@');
    path = slash < 0 ? '' : head.slice(slash);
    head = scheme[0] + (at < 0 ? authority : authority.slice(at + 1));
  } else {
    path = head;
    head = '';
  }
  const segments = path.split('/').map((seg) => {
    const [first, ...params] = seg.split(';');
    const base = known.has(decoded(first)) ? REDACTED : first;
    return [base, ...params.map((p) => redactPair(p, '=', (k, v) => isSecretName(k) || known.has(decoded(v))))].join(';');
  });
  return head + segments.join('/') + (query === undefined ? '' : `?${redactForm(query, secrets)}`) + hash;
}

// Each starts only where a token starts (the lookbehinds), so a long run of word characters is
// scanned once, not once per position: server text goes through these.
const URL_IN_TEXT = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()]+/gi;
const PAIR_IN_TEXT = /(?<![\w.-])([A-Za-z][\w.-]*)(\s*[=:]\s*)("[^"\r\n]*"|[^\s,;&"'()<>]+)/g;

/**
 * Prose (a server's warning, an error message) with secrets removed only where they stand as
 * values: URLs in it are redacted as URLs, and `password=…`/`token: …` pairs lose their value.
 * Words that merely equal a password are left alone.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  return text
    .replace(URL_IN_TEXT, (u) => redactUrl(u, secrets))
    .replace(PAIR_IN_TEXT, (all, name: string, sep: string, value: string, at: number, whole: string) => {
      if (!isSecretName(name) || value === REDACTED) return all;
      // "Get a new token: with client credentials…" is prose: after a colon, a plain word that the
      // sentence goes on from is not a value.
      if (sep.includes(':') && /^[A-Za-z]{1,15}$/.test(value) && /^ [A-Za-z]/.test(whole.slice(at + all.length, at + all.length + 2))) return all;
      return `${name}${sep}${value.startsWith('"') ? `"${REDACTED}"` : REDACTED}`;
    });
}
