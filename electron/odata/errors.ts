// Every way a Web API request can fail, as a typed ODataError that speaks to the user: network
// failures and timeouts (the RETS client's table, by Node/undici code), cancellation, HTTP statuses
// with the server's error body (shared/odata/errors), HTML where JSON was expected, unreadable
// payloads and rate limits that ask for too long a wait.
import { ODataError, odataHttpError, readServerError, type ODataErrorInfo, type ODataOperation } from '../../shared/odata/errors';
import { isODataParseError } from '../../shared/odata/parseError';
import { isRetsError } from '../../shared/rets/errors';
import { transportError as retsTransportError } from '../rets/errors';

export interface ODataErrorContext {
  operation: ODataOperation;
  /** Redacted URL. */
  url?: string;
}

/** A thrown transport error (undici, Node net/tls, abort) or a payload parse error as an ODataError. */
export function toODataError(e: unknown, ctx: ODataErrorContext, signal?: AbortSignal): ODataError {
  if (e instanceof ODataError) return e;
  if (isODataParseError(e)) return parseFailure(ctx, e.message, e);
  const r = retsTransportError(e, { transaction: 'Other', url: ctx.url }, signal);
  const kind = r.info.kind === 'rets' ? 'network' : r.info.kind;
  const message = r.info.kind === 'cancelled' ? `${describe(ctx.operation)} was cancelled.` : r.info.message;
  return new ODataError({ kind, operation: ctx.operation, url: ctx.url, message, cause: r.info.cause, hint: r.info.hint }, { cause: isRetsError(e) ? e : r.cause ?? e });
}

function describe(op: ODataOperation): string {
  switch (op) {
    case 'Query': return 'The query';
    case 'Metadata': return 'Reading $metadata';
    case 'ServiceDocument': return 'Reading the service document';
    case 'Token': return 'The token request';
    case 'Media': return 'Reading media';
    case 'Lookup': return 'Reading the Lookup resource';
    case 'Entity': return 'Reading the record';
    default: return 'The request';
  }
}

/** A non-2xx answer, its body (at most a few KB read) explained. */
export function httpFailure(ctx: ODataErrorContext, status: number, body: Uint8Array, headers: Record<string, string | string[] | undefined>, now: number): ODataError {
  const info: ODataErrorInfo = odataHttpError({
    status, body, operation: ctx.operation, url: ctx.url, now,
    contentType: headerText(headers['content-type']),
    retryAfter: headerText(headers['retry-after']) || undefined,
    wwwAuthenticate: headerText(headers['www-authenticate']) || undefined,
  });
  return new ODataError(info);
}

/** A 2xx answer whose bytes are not what was asked (an HTML page where JSON was expected). */
export function wrongContent(ctx: ODataErrorContext, status: number, head: Uint8Array, contentType: string, expected: 'JSON' | 'XML'): ODataError {
  const server = readServerError(head, contentType);
  const what = server.shape === 'html' ? `an HTML page${server.message ? ` titled "${server.message}"` : ''}` : `${contentType || 'something else'}`;
  return new ODataError({
    kind: 'parse', operation: ctx.operation, url: ctx.url, httpStatus: status,
    message: `${describe(ctx.operation)} got ${what} (HTTP ${status}) where ${expected} was expected.`,
    cause: 'A proxy, a login or maintenance page, or a wrong service root answered instead of the OData service.',
    hint: 'Check the service root exactly as the MLS gave it; open it in a browser to see what answers there.',
  });
}

export function parseFailure(ctx: ODataErrorContext, detail: string, cause?: unknown): ODataError {
  return new ODataError({
    kind: 'parse', operation: ctx.operation, url: ctx.url,
    message: `${describe(ctx.operation)}: the response could not be read.`,
    cause: detail, hint: 'Retry; if it persists, save the response from the log panel and report it to the MLS.',
  }, cause === undefined ? undefined : { cause });
}

export function tooLarge(ctx: ODataErrorContext, cap: number): ODataError {
  return new ODataError({
    kind: 'parse', operation: ctx.operation, url: ctx.url,
    message: `${describe(ctx.operation)}: the response is larger than ${Math.round(cap / 1048576)} MB.`,
    cause: 'The server sent more than one answer of this kind should ever hold.',
    hint: 'Ask for smaller pages (odata.maxpagesize) or fewer fields ($select).',
  });
}

export function waitTooLong(ctx: ODataErrorContext, status: number, waitMs: number, capMs: number): ODataError {
  const secs = Math.ceil(waitMs / 1000);
  return new ODataError({
    kind: 'rate-limit', operation: ctx.operation, url: ctx.url, httpStatus: status, retryAfter: secs,
    message: `The server asks to wait ${secs} s before the next request (HTTP ${status}), longer than the ${Math.round(capMs / 1000)} s the workbench waits.`,
    cause: status === 429 ? 'The account\'s rate limit (per minute, hour or day) is used up.' : 'The service is unavailable for now (maintenance or overload).',
    hint: `Try again after ${secs} s; lower the requests per minute in the profile to stay under the limit.`,
  });
}

export function protocolFailure(ctx: ODataErrorContext, message: string, cause: string, hint: string): ODataError {
  return new ODataError({ kind: 'protocol', operation: ctx.operation, url: ctx.url, message, cause, hint });
}

export function headerText(v: string | string[] | undefined): string {
  return Array.isArray(v) ? v.join(', ') : (v ?? '');
}
