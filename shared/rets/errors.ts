// Typed, user-facing errors. Every failure the user can meet is described by RetsErrorInfo: the
// plain-data form that crosses IPC and is shown in the UI. Node-side code throws RetsError
// (which carries the same info); the renderer only ever sees the info. Never put secrets in any
// field: URLs are stored with credentials and session ids removed.
import { z } from 'zod';

export const RetsTransaction = z.enum(['Login', 'Logout', 'GetMetadata', 'Search', 'GetObject', 'Action', 'Other']);
export type RetsTransaction = z.infer<typeof RetsTransaction>;

export const RetsErrorKind = z.enum([
  'network', //  DNS, refused, reset, TLS…
  'timeout', //  connect or idle timeout
  'cancelled', // the user (or caller) aborted
  'http', //     non-2xx HTTP status that is not auth
  'auth', //     401/403, wrong credentials or scheme
  'rets', //     a non-zero RETS ReplyCode
  'parse', //    the body could not be understood (HTML page, malformed XML, truncated)
  'protocol', // the server broke a protocol rule (e.g. ignored Offset)
  'input', //    the user's input is invalid (bad URL, bad option)
  'internal',
]);
export type RetsErrorKind = z.infer<typeof RetsErrorKind>;

/** The error shape, declared once: the contract sends it, the type is derived from it. */
export const RetsErrorInfoSchema = z.object({
  kind: RetsErrorKind,
  transaction: RetsTransaction,
  /** One sentence: what failed. */
  message: z.string(),
  /** The likely cause, in plain words. */
  cause: z.string().optional(),
  /** What to do about it. */
  hint: z.string().optional(),
  httpStatus: z.number().int().optional(),
  replyCode: z.number().int().optional(),
  replyText: z.string().optional(),
  /** Request URL with secrets removed. */
  url: z.string().optional(),
  /** The failed request's entry in the profile's request log (the inspector). */
  traceId: z.number().int().optional(),
});
export type RetsErrorInfo = z.infer<typeof RetsErrorInfoSchema>;

export class RetsError extends Error {
  readonly info: RetsErrorInfo;
  constructor(info: RetsErrorInfo, options?: { cause?: unknown }) {
    super(info.message);
    this.name = 'RetsError';
    this.info = info;
    if (options && 'cause' in options) (this as { cause?: unknown }).cause = options.cause;
  }
  get kind(): RetsErrorKind { return this.info.kind; }
  get replyCode(): number | undefined { return this.info.replyCode; }
}

export function isRetsError(e: unknown): e is RetsError {
  return e instanceof RetsError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'RetsError' && 'info' in e);
}

/** One line a person can read: message, reply code and text, cause and hint. */
export function describeError(info: RetsErrorInfo): string {
  const parts = [info.message];
  if (info.replyCode !== undefined) parts.push(`RETS ${info.replyCode}${info.replyText ? ` "${info.replyText}"` : ''}.`);
  else if (info.httpStatus !== undefined) parts.push(`HTTP ${info.httpStatus}.`);
  if (info.cause) parts.push(info.cause);
  if (info.hint) parts.push(info.hint);
  return parts.join(' ');
}
