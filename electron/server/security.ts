// Browser mode's guards: a random token on every request (query once, then an HttpOnly
// SameSite=Strict cookie, or a header), and Host/Origin checks so a page on another site (or a
// DNS-rebound name pointing at 127.0.0.1) cannot talk to the host.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { httpPaths } from '../../shared/contract';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A request the server cannot read (a malformed %-escape where it needs the text): answered 400. */
export class MalformedRequest extends Error {}

/** The %-decoded text, or undefined for a malformed escape. */
export function safeDecode(text: string): string | undefined {
  try { return decodeURIComponent(text); } catch { return undefined; }
}

/** Raw (still %-encoded) cookie values by name. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    const name = i > 0 ? part.slice(0, i).trim() : '';
    if (name) out[name] = part.slice(i + 1).trim();
  }
  return out;
}

/**
 * The token a request carries: header, cookie, or `?token=` (the URL the user opened). Other
 * cookies on this host are not ours to judge; a malformed token cookie throws MalformedRequest.
 */
export function requestToken(req: IncomingMessage, url: URL): string | undefined {
  const h = req.headers[httpPaths.tokenHeader];
  if (typeof h === 'string' && h) return h;
  // The URL's token wins over the cookie: cookies ignore ports, so a cookie left by an earlier
  // `serve` on this host must not shadow the token the user just opened.
  const q = url.searchParams.get(httpPaths.tokenQuery);
  if (q) return q;
  const raw = parseCookies(req.headers.cookie)[httpPaths.tokenCookie];
  if (!raw) return undefined;
  const token = safeDecode(raw);
  if (token === undefined) throw new MalformedRequest('The token cookie has a malformed %-escape.');
  return token;
}

/** Host names the server answers to: loopback only, on its own port. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return allowedHosts(port).has(host);
}

/** Origin, when sent (browsers send it on POST and cross-origin requests), must be ours. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && allowedHosts(port).has(u.host.toLowerCase());
  } catch {
    return false;
  }
}

export function tokenCookie(token: string): string {
  return `${httpPaths.tokenCookie}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * The page's Content-Security-Policy: no remote code, Monaco's workers from blob:, images from
 * the host and data:/blob: (photos), styles inline (Monaco injects them).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
