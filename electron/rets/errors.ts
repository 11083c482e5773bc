// Turns every way a RETS request can fail into a typed RetsError that speaks to the user:
// network failures (by Node/undici error code), timeouts, cancellation, HTTP statuses, HTML pages
// where XML was expected, and RETS reply codes. Nothing here lets a bare stack trace through.
import { RetsError, isRetsError, type RetsErrorInfo, type RetsTransaction } from '../../shared/rets/errors';
import { replyCodeInfo } from '../../shared/rets/replyCodes';
import { htmlSummary, htmlTitle, looksLikeHtml } from '../../shared/rets/envelope';

export interface ErrorContext {
  transaction: RetsTransaction;
  /** Redacted URL. */
  url?: string;
  /** The request's entry in the request log. */
  traceId?: number;
}

const NETWORK: Record<string, { message: string; cause: string; hint: string; kind?: 'timeout' }> = {
  ENOTFOUND: { message: 'The server name could not be found (DNS).', cause: 'The host name in the URL does not resolve.', hint: 'Check the spelling of the login URL and your network or VPN.' },
  EAI_AGAIN: { message: 'The server name could not be resolved right now (DNS).', cause: 'The DNS server did not answer.', hint: 'Check your network connection and try again.' },
  ECONNREFUSED: { message: 'The server refused the connection.', cause: 'Nothing is listening on that host and port, or a firewall rejects it.', hint: 'Check the port in the login URL and whether the server is up.' },
  ECONNRESET: { message: 'The server closed the connection abruptly.', cause: 'The connection was reset, often by a firewall, a proxy or an IP allow-list.', hint: 'Ask the MLS whether your IP address is whitelisted, then retry.' },
  EPIPE: { message: 'The connection broke while sending.', cause: 'The server closed the connection.', hint: 'Retry; if it persists, ask the MLS whether your IP is whitelisted.' },
  ETIMEDOUT: { message: 'The connection timed out.', cause: 'The server did not answer in time.', hint: 'Check the URL and your network; raise the connect timeout in the profile if the server is slow.', kind: 'timeout' },
  EHOSTUNREACH: { message: 'The server is unreachable.', cause: 'No network route to the host.', hint: 'Check your network or VPN.' },
  ENETUNREACH: { message: 'The network is unreachable.', cause: 'This machine has no route to that network.', hint: 'Check your network connection.' },
  UND_ERR_CONNECT_TIMEOUT: { message: 'Connecting to the server timed out.', cause: 'The server did not accept the connection within the connect timeout.', hint: 'Check the host and port; firewalls that drop packets look like this.', kind: 'timeout' },
  UND_ERR_HEADERS_TIMEOUT: { message: 'The server did not start answering in time.', cause: 'No response headers arrived within the response timeout.', hint: 'The server may be overloaded, or slow to start big answers: retry, or raise the profile\'s response timeout.', kind: 'timeout' },
  UND_ERR_BODY_TIMEOUT: { message: 'The server stopped sending mid-response.', cause: 'No data arrived within the response timeout while the body was being read.', hint: 'Retry; for big searches use a smaller Limit or raise the profile\'s response timeout.', kind: 'timeout' },
  UND_ERR_SOCKET: { message: 'The connection closed before the response was complete.', cause: 'The server or a proxy closed the connection (the body is truncated).', hint: 'Retry; if it persists, try a smaller request.' },
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: { message: 'The response was cut short.', cause: 'The server sent fewer bytes than it announced (truncated body).', hint: 'Retry; if it persists, report it to the MLS.' },
  UND_ERR_CLOSED: { message: 'The connection was closed.', cause: 'The session was closed while the request was running.', hint: 'Log in again.' },
  UND_ERR_DESTROYED: { message: 'The connection was closed.', cause: 'The session was closed while the request was running.', hint: 'Log in again.' },
};

const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH|ERR_CERT)/;

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 5; depth++) {
    const obj = cur as { code?: unknown; errors?: unknown[]; cause?: unknown };
    if (typeof obj.code === 'string' && obj.code !== 'UND_ERR') return obj.code;
    if (Array.isArray(obj.errors) && obj.errors.length) cur = obj.errors[0];
    else cur = obj.cause;
  }
  return undefined;
}

/** "The server refused the connection (mls.example:6103)." — which server, since the error box
 *  shows the message and not the URL (a typo in the host or port is the usual cause). */
function namingHost(message: string, url: string | undefined): string {
  if (!url || !URL.canParse(url)) return message;
  const { host } = new URL(url);
  return host && message.endsWith('.') ? `${message.slice(0, -1)} (${host}).` : message;
}

/** Map a thrown transport error (undici, Node net/tls, abort) to a RetsError. */
export function transportError(e: unknown, ctx: ErrorContext, signal?: AbortSignal): RetsError {
  if (isRetsError(e)) return e;
  if (signal?.aborted || (e as { name?: string })?.name === 'AbortError' || errorCode(e) === 'UND_ERR_ABORTED' || errorCode(e) === 'ABORT_ERR') {
    return new RetsError({ ...ctx, kind: 'cancelled', message: `${ctx.transaction} was cancelled.`, cause: 'The request was cancelled before it finished.' }, { cause: e });
  }
  const code = errorCode(e);
  if (code && TLS_CODES.test(code)) {
    return new RetsError({
      ...ctx, kind: 'network', message: 'The secure (TLS) connection could not be established.',
      cause: `The server's certificate or TLS setup was rejected (${code}).`,
      hint: 'Check that the URL uses the right scheme (http/https) and that the certificate is valid.',
    }, { cause: e });
  }
  const known = code ? NETWORK[code] : undefined;
  if (known) {
    return new RetsError({ ...ctx, kind: known.kind ?? 'network', message: namingHost(known.message, ctx.url), cause: known.cause, hint: known.hint }, { cause: e });
  }
  const text = e instanceof Error ? e.message : String(e);
  return new RetsError({
    ...ctx, kind: 'network', message: `${ctx.transaction} failed: ${text}`,
    cause: code ? `Network error ${code}.` : 'An unexpected network error.',
    hint: 'Retry; check the URL and your network.',
  }, { cause: e });
}

/** Does this body look like an HTML page rather than RETS XML? */
export function isHtmlBody(contentType: string | undefined, head: string): boolean {
  const start = head.replace(/^\uFEFF/, '').trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('<?xml') || start.startsWith('<rets')) return false;
  return looksLikeHtml(head) || (contentType !== undefined && /text\/html/i.test(contentType) && start.startsWith('<'));
}

/** RETS reply codes inside a 401 body that mean "User-Agent authentication", not the user's password. */
const UA_CODES = new Set([20037, 20041]);

/** An HTTP status that is not 2xx, with what the body said (if anything readable). */
export function httpError(status: number, ctx: ErrorContext, opts: {
  body?: string; contentType?: string; replyCode?: number; replyText?: string; uaPasswordSet?: boolean; retryAfter?: string;
}): RetsError {
  const base: RetsErrorInfo = { ...ctx, kind: 'http', httpStatus: status, message: '', replyCode: opts.replyCode, replyText: opts.replyText };
  const body = opts.body ?? '';
  const html = body && isHtmlBody(opts.contentType, body) ? htmlSummary(body) : undefined;
  if (status === 401) {
    const uaHint = (opts.replyCode !== undefined && UA_CODES.has(opts.replyCode)) || /user[- ]?agent|\bUA\b/i.test(opts.replyText ?? body.slice(0, 2000));
    if (uaHint) {
      return new RetsError({
        ...base, kind: 'auth', message: 'The server refused the User-Agent authentication.',
        cause: opts.uaPasswordSet ? 'The User-Agent or UA password does not match what the MLS registered (both are case-sensitive).' : 'This MLS requires a registered User-Agent with a UA password, and none is set.',
        hint: 'Enter the exact User-Agent and UA password the MLS gave you.',
      });
    }
    return new RetsError({
      ...base, kind: 'auth', message: 'The server rejected the username or password.',
      cause: `HTTP 401: the credentials were not accepted (or the account is locked or not yet enabled).${html ? ` The server sent an HTML page: "${html}".` : ''}`,
      hint: 'Check the username and password; if they are right, ask the MLS whether the account and your IP address are enabled.',
    });
  }
  if (status === 403) {
    return new RetsError({
      ...base, kind: 'auth', message: 'The server refused access (HTTP 403).',
      cause: html ? `The server sent a block page: "${html}". This is usually an IP allow-list or a firewall.` : 'Access is forbidden, usually because your IP address is not on the MLS allow-list.',
      hint: 'Ask the MLS to whitelist your public IP address.',
    });
  }
  if (status === 429) {
    const wait = opts.retryAfter ? ` The server asks to wait ${opts.retryAfter} seconds.` : '';
    return new RetsError({
      ...base, message: 'The server is rate-limiting this account (HTTP 429).',
      cause: `Too many requests in a short time.${wait}`,
      hint: 'Wait, then retry; set a request limit per minute in the connection profile to stay under the MLS limit.',
    });
  }
  // A RETS reply inside an error status (e.g. HTTP 400 + 20036 for a refused RETS-Version): explain the code.
  if (opts.replyCode !== undefined && opts.replyCode !== 0) {
    const info = replyCodeInfo(opts.replyCode);
    return new RetsError({
      ...base, kind: 'rets', message: `The server refused ${ctx.transaction} (HTTP ${status}): ${info.name}.`,
      cause: info.meaning,
      hint: status === 400 ? `${info.action} A refused RETS-Version also looks like this: try another version in the profile.` : info.action,
    });
  }
  const what = html ? ` The server sent an HTML page: "${html}".` : '';
  if (status >= 500) {
    return new RetsError({ ...base, message: `The server failed with HTTP ${status}.`, cause: `A server-side error.${what}`, hint: 'Retry later; if it persists, report it to the MLS.' });
  }
  if (status >= 300 && status < 400) {
    return new RetsError({ ...base, message: `The server redirected (HTTP ${status}).`, cause: 'RETS servers do not normally redirect; the URL may be out of date.', hint: 'Check the login URL (http vs https, path) with the MLS.' });
  }
  if (status === 404) {
    return new RetsError({ ...base, message: 'The server has no such address (HTTP 404).', cause: `The URL path is wrong.${what}`, hint: 'Check the login URL; capability URLs come from the login response.' });
  }
  return new RetsError({
    ...base, message: `The server answered HTTP ${status}.`,
    cause: opts.replyCode !== undefined ? 'The server refused the request; see the RETS reply.' : `The request was refused.${what}`,
    hint: status === 400 ? 'Check the RETS version in the profile and the request parameters.' : 'Check the request and the profile settings.',
  });
}

/** An HTML page (error, login or block page) where RETS XML was expected. */
export function htmlInsteadOfXml(ctx: ErrorContext, body: string, status?: number): RetsError {
  const title = htmlTitle(body);
  const what = [status === undefined ? '' : `HTTP ${status}`, title ? `"${title}"` : ''].filter(Boolean).join(', ');
  return new RetsError({
    ...ctx, kind: 'parse', httpStatus: status,
    message: `The server sent an HTML page${what ? ` (${what})` : ''} instead of a RETS response to ${ctx.transaction}.`,
    cause: `It said: "${htmlSummary(body)}". This is usually an error page from a web server or proxy, or a block page.`,
    hint: 'Check the URL; if it is right, the server has a problem or your IP is blocked.',
  });
}

/** A body that could not be read as RETS (truncated, malformed, empty). */
export function parseError(ctx: ErrorContext, detail: string, cause?: unknown): RetsError {
  return new RetsError({
    ...ctx, kind: 'parse', message: `The ${ctx.transaction} response could not be read.`,
    cause: detail, hint: 'Retry; if it persists, save the response from the log panel and report it.',
  }, cause === undefined ? undefined : { cause });
}

/** A non-zero RETS ReplyCode, explained from the reply-code catalogue. */
export function replyError(ctx: ErrorContext, replyCode: number, replyText: string, httpStatus?: number): RetsError {
  const info = replyCodeInfo(replyCode);
  return new RetsError({
    ...ctx, kind: 'rets', replyCode, replyText, httpStatus,
    message: `The server refused ${ctx.transaction}: ${info.name}.`,
    cause: info.meaning,
    hint: info.action,
  });
}

/** Session-expiry answers after which one new login and a retry are worth it (PHRETS does the same). */
export function isSessionExpired(e: unknown): boolean {
  if (!isRetsError(e)) return false;
  const { replyCode, httpStatus } = e.info;
  return replyCode === 20701 || replyCode === 20037 || httpStatus === 401;
}

/** The server broke a protocol rule (ignored Offset, missing capability…). */
export function protocolError(ctx: ErrorContext, message: string, cause: string, hint: string): RetsError {
  return new RetsError({ ...ctx, kind: 'protocol', message, cause, hint });
}

export function inputError(ctx: ErrorContext, message: string, hint: string): RetsError {
  return new RetsError({ ...ctx, kind: 'input', message, hint });
}
