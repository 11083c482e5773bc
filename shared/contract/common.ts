// Building blocks every part of the contract uses: ids, the user-facing error shape, the
// response envelope, and the small helpers that declare a call or an event once.
import { z } from 'zod';
import type { RetsErrorInfo } from '../rets/errors';

export const Id = z.string().min(1).max(200);
/**
 * Ids of long operations (search, export, doctor, photo pulls). Chosen by the caller or the host.
 * An id names a folder (exports/<id>/): no dots or slashes, so it can never climb out.
 */
export const OperationId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only (at most 64)');
export type OperationId = z.infer<typeof OperationId>;

/** ISO-8601 date-time text. */
export const Timestamp = z.string();

/**
 * A profile or snippet file the host could not read (hand-edited, merged badly): shown, never
 * dropped. `fixed`: the host read it and fixed it itself (a copied file given its own id); the
 * message says what it did.
 */
export const UnreadableFile = z.object({ file: z.string(), message: z.string(), fixed: z.boolean().optional() });
export type UnreadableFile = z.infer<typeof UnreadableFile>;

// The error shape is declared once, with the errors themselves (shared/rets/errors.ts).
export { RetsErrorInfoSchema, RetsErrorKind, RetsTransaction } from '../rets/errors';

/** Every response on the wire: the call's value, or a typed error. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: RetsErrorInfo };

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });

/** Declares one named call: its request and its response. */
export function call<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, doc: string) {
  return { request, response, doc };
}

/** Start of a long operation: the caller may pick the id (so it can listen before starting). */
export const OperationStarted = z.object({ operationId: OperationId });
export const CancelRequest = z.object({ operationId: OperationId });
export const CancelResponse = z.object({ cancelled: z.boolean() });

/** Progress every long operation reports. */
export const Progress = z.object({
  rows: z.number().int().nonnegative(),
  rowsPerSec: z.number().nonnegative(),
  elapsedMs: z.number().nonnegative(),
});
