// Typed, user-facing errors of the RESO Web API (OData), in the shape of the RETS ones
// (shared/rets/errors.ts): what failed, the server's code and text, the likely cause (by HTTP
// status), what to do. The server's error body is read whatever its shape: the OData envelope
// `{"error": {"code", "message", "target", "details", "innererror"}}` (numeric codes too), the
// OData 3 `{"odata.error": ...}`, OAuth's `{"error", "error_description"}`, bare
// `{"message"}`/`{"Message"}`, Spark's `{"D": {"Code", "Message"}}`, problem+json, XML errors,
// HTML pages and plain text. At most MAX_BODY bytes are read, in linear scans.

import type { RetsErrorKind } from '../rets/errors';
import { parseJsonCapped } from './jsonCapped';

export type ODataOperation = 'ServiceDocument' | 'Metadata' | 'Query' | 'Entity' | 'Lookup' | 'Media' | 'Token' | 'Other';

/** The RETS kinds minus the RETS reply code, plus a server error body and a rate limit. */
export type ODataErrorKind = Exclude<RetsErrorKind, 'rets'> | 'odata' | 'rate-limit';

export interface ODataErrorDetail { code: string; message: string; target?: string }

/** What the server said, as far as its body tells. */
export interface ODataServerError {
  /** "odata" (the OData envelope), "json" (another JSON shape), "xml", "html", "text" or "empty". */
  shape: 'odata' | 'json' | 'xml' | 'html' | 'text' | 'empty';
  code?: string;
  message?: string;
  target?: string;
  details: ODataErrorDetail[];
  /** innererror (or other extra members) as JSON text, capped. */
  inner?: string;
}

export interface ODataErrorInfo {
  kind: ODataErrorKind;
  operation: ODataOperation;
  /** One sentence: what failed. */
  message: string;
  cause?: string;
  hint?: string;
  httpStatus?: number;
  /** The server's error code (numeric codes as text). */
  serverCode?: string;
  /** The server's own message. */
  serverMessage?: string;
  target?: string;
  details?: ODataErrorDetail[];
  /** Seconds the server asked to wait (Retry-After), when given. */
  retryAfter?: number;
  /** Request URL with secrets removed (the caller's job). */
  url?: string;
}

export class ODataError extends Error {
  readonly info: ODataErrorInfo;
  constructor(info: ODataErrorInfo, options?: { cause?: unknown }) {
    super(info.message);
    this.name = 'ODataError';
    this.info = info;
    if (options && 'cause' in options) (this as { cause?: unknown }).cause = options.cause;
  }
  get kind(): ODataErrorKind { return this.info.kind; }
}

export function isODataError(e: unknown): e is ODataError {
  return e instanceof ODataError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'ODataError' && 'info' in e);
}

/** Bytes of an error body read at most; the rest is never looked at. */
export const MAX_BODY = 64 * 1024;
const MAX_TEXT = 500;

function clip(s: string, n = MAX_TEXT): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

type Obj = Record<string, unknown>;
function isObj(v: unknown): v is Obj { return typeof v === 'object' && v !== null && !Array.isArray(v); }

/** A message member: a string, a number, or OData 3's { lang, value }. */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isObj(v) && typeof v.value === 'string') return v.value;
  return undefined;
}

function pick(o: Obj, names: string[]): unknown {
  for (const n of names) if (o[n] !== undefined && o[n] !== null) return o[n];
  return undefined;
}

function fromJson(root: unknown): ODataServerError {
  if (!isObj(root)) return { shape: 'json', message: clip(JSON.stringify(root)), details: [] };
  const envelope = isObj(root.error) ? root.error : isObj(root['odata.error']) ? root['odata.error'] : undefined;
  if (envelope) {
    const details = Array.isArray(envelope.details)
      ? envelope.details.filter(isObj).slice(0, 20).map((d) => ({ code: textOf(d.code) ?? '', message: clip(textOf(d.message) ?? ''), target: textOf(d.target) }))
      : [];
    const inner = envelope.innererror ?? envelope['@Core.ContentID'];
    return {
      shape: 'odata', code: textOf(envelope.code), message: textOf(envelope.message) !== undefined ? clip(textOf(envelope.message)!) : undefined,
      target: textOf(envelope.target), details, inner: inner === undefined ? undefined : clip(JSON.stringify(inner), 2000),
    };
  }
  // Spark's own envelope: {"D": {"Success": false, "Code": 1020, "Message": "..."}}.
  const o = isObj(root.D) ? root.D : root;
  const code = textOf(pick(o, ['code', 'Code', 'error', 'errorCode', 'ErrorCode', 'status', 'Status']));
  const message = textOf(pick(o, ['error_description', 'message', 'Message', 'errorMessage', 'ErrorMessage', 'ExceptionMessage', 'detail', 'title', 'error']));
  return { shape: 'json', code, message: message === undefined ? undefined : clip(message), details: [] };
}

/** Text between <tag ...> and </tag> (first one, any namespace prefix), tags inside removed. */
function elementText(s: string, local: string): string | undefined {
  const lower = s.toLowerCase();
  const name = local.toLowerCase();
  let i = 0;
  while (i < lower.length) {
    const lt = lower.indexOf('<', i);
    if (lt < 0) return undefined;
    let j = lt + 1;
    while (j < lower.length && /[a-z0-9_.:-]/.test(lower[j]!)) j++;
    const tag = lower.slice(lt + 1, j);
    if (tag === name || tag.endsWith(`:${name}`)) {
      const gt = lower.indexOf('>', j);
      const end = lower.indexOf(`</${tag}`, gt);
      if (gt < 0 || end < 0) return undefined;
      return stripTags(s.slice(gt + 1, end));
    }
    i = j;
  }
  return undefined;
}

function stripTags(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) { out += s.slice(i); break; }
    out += `${s.slice(i, lt)} `;
    const gt = s.indexOf('>', lt);
    if (gt < 0) break;
    i = gt + 1;
  }
  return clip(out.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&nbsp;/g, ' '));
}

/** Read an error body (bytes or text), whatever its shape; at most MAX_BODY bytes. */
export function readServerError(body: Uint8Array | string, contentType = ''): ODataServerError {
  const text = typeof body === 'string' ? body.slice(0, MAX_BODY) : new TextDecoder('utf-8').decode(body.subarray(0, MAX_BODY));
  const t = text.trim();
  if (!t) return { shape: 'empty', details: [] };
  const ct = contentType.toLowerCase();
  if (t[0] === '{' || t[0] === '[') {
    try {
      return fromJson(parseJsonCapped(t, 32));
    } catch {
      // Cut at MAX_BODY, or not JSON after all: read it as text.
    }
  }
  if (t[0] === '<') {
    const head = t.slice(0, 200).toLowerCase();
    if (ct.includes('html') || head.includes('<!doctype html') || head.includes('<html')) {
      const title = elementText(t, 'title');
      const h1 = elementText(t, 'h1');
      const message = [title, h1 && h1 !== title ? h1 : undefined].filter(Boolean).join(': ') || stripTags(t);
      return { shape: 'html', message: clip(message), details: [] };
    }
    const code = elementText(t, 'code');
    const message = elementText(t, 'message') ?? stripTags(t);
    return { shape: 'xml', code, message, details: [] };
  }
  return { shape: 'text', message: clip(t), details: [] };
}

const WHAT: Record<ODataOperation, string> = {
  ServiceDocument: 'Reading the service document', Metadata: 'Reading $metadata', Query: 'The query', Entity: 'Reading the record',
  Lookup: 'Reading the Lookup resource', Media: 'Reading media', Token: 'The token request', Other: 'The request',
};

interface Advice { cause: string; hint: string }

function advice(status: number, op: ODataOperation, server: ODataServerError, wwwAuthenticate: string): Advice {
  switch (status) {
    case 400:
      if (op === 'Token') return { cause: 'The token endpoint refused the grant (wrong grant type, client id, or scope).', hint: 'Check the client id, secret, scope and token URL in the profile against what the MLS gave you.' };
      return {
        cause: 'The server refused the request as malformed: usually a $filter, $select or $orderby it does not accept (a field name in the wrong case, a function or an `in (...)` it does not support, a value of the wrong type or a missing quote).',
        hint: 'Check the field names against $metadata (they are case-sensitive) and the filter syntax; the server\'s message usually names the part it refused.',
      };
    case 401:
      return /invalid_token|expired/i.test(`${wwwAuthenticate} ${server.code ?? ''} ${server.message ?? ''}`)
        ? { cause: 'The access token has expired or was revoked.', hint: 'Get a new token: with client credentials this is automatic; with a static token, paste a fresh one from the MLS into the profile.' }
        : { cause: 'The request carried no valid access token (missing, wrong, or for another server).', hint: 'Check the token or the client id and secret in the profile, and that the token URL belongs to this service.' };
    case 403:
      return { cause: 'The credentials are valid but not allowed this data: the resource, the fields or the dataset are outside your licence or the token\'s scope, or your IP address is not on the MLS\'s list.', hint: 'Ask the MLS which resources and fields your data licence covers (and the scope to request).' };
    case 404:
      return { cause: 'Nothing exists at this URL: a wrong service root, an entity set name in the wrong case, or a record key that does not exist.', hint: 'Check the service root path exactly as the MLS gave it (versioned paths like /v2/odata/ included) and the entity set names in $metadata.' };
    case 405:
      return { cause: 'The server does not allow this method on this URL.', hint: 'Check the service root; some servers only allow GET on entity sets.' };
    case 406:
      return { cause: 'The server cannot answer in the format asked (the Accept header or $format).', hint: 'Ask application/json for data and application/xml for $metadata; drop $format if the server rejects it.' };
    case 413:
      return { cause: 'The request is too large for the server: usually a $filter with too many clauses, or a URL beyond its length limit.', hint: 'Split the filter into several queries, or use `in (...)` on servers that support OData 4.01.' };
    case 414:
      return { cause: 'The URL is longer than the server accepts.', hint: 'Shorten the $filter or $select, or split the query.' };
    case 415:
      return { cause: 'The server does not accept the content type sent.', hint: 'For token requests, send application/x-www-form-urlencoded.' };
    case 429:
      return { cause: 'Too many requests: the server\'s rate limit (per minute, hour or day) is reached.', hint: 'Wait before the next request (the Retry-After time when given) and lower the pace in the profile\'s throttle.' };
    case 500:
      return { cause: 'The server failed while answering; often a query it could not run (too broad, or an option it mishandles).', hint: 'Try again; if it fails again with the same query, narrow it (fewer fields, a tighter filter, a smaller $top) and send the server\'s message to the MLS.' };
    case 501:
      return { cause: 'The server does not implement this query option or function.', hint: 'Rewrite the query without it (for example contains() or `in (...)` are not Core and not every server has them).' };
    case 502: case 504:
      return { cause: 'A gateway in front of the server got no good answer in time.', hint: 'Try again later; a smaller page ($top or odata.maxpagesize) can help.' };
    case 503:
      return { cause: 'The service is unavailable: maintenance, overload, or a rate limit.', hint: 'Try again later (after the Retry-After time when given).' };
    default:
      return status >= 500
        ? { cause: 'The server failed while answering.', hint: 'Try again later; if it persists, send the server\'s message to the MLS.' }
        : { cause: 'The server refused the request.', hint: 'Read the server\'s message; check the URL and the profile\'s credentials.' };
  }
}

export interface ODataHttpFailure {
  status: number;
  body: Uint8Array | string;
  contentType?: string;
  operation: ODataOperation;
  /** The Retry-After header as sent (seconds or an HTTP date). */
  retryAfter?: string;
  wwwAuthenticate?: string;
  url?: string;
  /** For HTTP dates in Retry-After: the current time (ms since epoch). */
  now?: number;
}

/** Seconds to wait from a Retry-After value (delta-seconds or an HTTP date); undefined when unreadable. */
export function retryAfterSeconds(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{1,9}$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, Math.ceil((t - now) / 1000)) : undefined;
}

/** A non-2xx answer of the Web API as a typed error the user can act on. */
export function odataHttpError(f: ODataHttpFailure): ODataErrorInfo {
  const server = readServerError(f.body, f.contentType);
  const { cause, hint } = advice(f.status, f.operation, server, f.wwwAuthenticate ?? '');
  const kind: ODataErrorKind = f.status === 401 || f.status === 403 ? 'auth'
    : f.status === 429 ? 'rate-limit'
    : server.shape === 'odata' ? 'odata' : 'http';
  const htmlNote = server.shape === 'html' ? ' The server answered with an HTML page, not an OData error: often a proxy, a login page or a wrong URL.' : '';
  const info: ODataErrorInfo = {
    kind, operation: f.operation,
    message: `${WHAT[f.operation]} failed with HTTP ${f.status}${server.message ? `: ${server.message}` : '.'}`,
    cause: cause + htmlNote, hint, httpStatus: f.status,
  };
  if (server.code !== undefined) info.serverCode = server.code;
  if (server.message !== undefined) info.serverMessage = server.message;
  if (server.target !== undefined) info.target = server.target;
  if (server.details.length) info.details = server.details;
  const wait = retryAfterSeconds(f.retryAfter, f.now ?? Date.now());
  if (wait !== undefined) { info.retryAfter = wait; info.hint = `${hint} The server asks to wait ${wait} s.`; }
  if (f.url) info.url = f.url;
  return info;
}

/** One line a person can read: message, server code and target, cause and hint. */
export function describeODataError(info: ODataErrorInfo): string {
  // A server message quoted at the end may lack its full stop; the cause follows as a new sentence.
  const parts = [/[.!?…]$/.test(info.message) ? info.message : `${info.message}.`];
  if (info.serverCode) parts.push(`Server code ${info.serverCode}${info.target ? ` (target ${info.target})` : ''}.`);
  for (const d of info.details ?? []) parts.push(`${d.code ? `${d.code}: ` : ''}${d.message}${d.target ? ` (${d.target})` : ''}.`);
  if (info.cause) parts.push(info.cause);
  if (info.hint) parts.push(info.hint);
  return parts.join(' ');
}
