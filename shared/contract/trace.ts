// The profile's request log (the request inspector). URLs, headers and form bodies have secrets
// removed by the host before anything is stored; the list carries summaries, one entry's headers
// and kept body come through trace.get.
import { z } from 'zod';
import { Id, RetsErrorInfoSchema, Timestamp } from './common';
import { FileHandle } from './files';

export const TraceEntry = z.object({
  /** Increasing per profile; pass the last one seen as `afterId` to get only newer entries. */
  id: z.number().int().nonnegative(),
  profileId: Id,
  transaction: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().int().optional(),
  replyCode: z.number().int().optional(),
  replyText: z.string().optional(),
  startedAt: Timestamp,
  durationMs: z.number().nonnegative().optional(),
  bytes: z.number().int().nonnegative().optional(),
  requestHeaders: z.record(z.string(), z.string()).default({}),
  responseHeaders: z.record(z.string(), z.string()).default({}),
  error: RetsErrorInfoSchema.optional(),
});

/** One multipart part: its headers (as sent) and the size of its body. */
export const TracePart = z.object({ headers: z.record(z.string(), z.string()), bytes: z.number().int().nonnegative(), error: z.string().optional() });

/** What is kept of a response body: whole, or its first and last 64 KB, or nothing (with why). */
export const TraceBody = z.object({
  total: z.number().int().nonnegative(),
  kept: z.enum(['whole', 'head-tail', 'none']),
  /** Why nothing is kept ("it carries credentials"). */
  note: z.string().optional(),
  contentType: z.string(),
  /** Bytes that are not text (images, multipart): head and tail are then empty. */
  binary: z.boolean(),
  /** Bytes kept on disk (all of them for logins and metadata; first and last 64 KB of searches and objects). */
  keptBytes: z.number().int().nonnegative(),
  /** The first bytes shown, and the last ones (empty when the head shows all that was kept). */
  head: z.string(),
  tail: z.string(),
  headBytes: z.number().int().nonnegative(),
  tailBytes: z.number().int().nonnegative(),
  parts: z.array(TracePart).optional(),
  /** All parts seen (the list stops at a few hundred). */
  partCount: z.number().int().nonnegative().optional(),
});

export const TraceDetail = TraceEntry.extend({
  statusText: z.string().optional(),
  /** The form body sent (POST), secret fields removed. */
  requestBody: z.string().optional(),
  /** Why the request body is not shown. */
  requestBodyNote: z.string().optional(),
  body: TraceBody,
});

export const TraceListRequest = z.object({ profileId: Id, afterId: z.number().int().optional() });
export const TraceGetRequest = z.object({ profileId: Id, id: z.number().int().nonnegative() });
/** Save the kept response as `curl -i` would: to a handle from files.chooseSave (purpose 'response'), or as a download. */
export const TraceSaveRequest = z.object({ profileId: Id, id: z.number().int().nonnegative(), handle: FileHandle.optional(), download: z.boolean().optional() });
export const TraceSaveResponse = z.object({ fileName: z.string(), bytes: z.number().int().nonnegative(), downloadUrl: z.string().optional() });
export const TraceListResponse = z.object({ entries: z.array(TraceEntry) });
export const TraceEntryEvent = z.object({ type: z.literal('trace.entry'), entry: TraceEntry });

export type TraceEntry = z.infer<typeof TraceEntry>;
export type TraceDetail = z.infer<typeof TraceDetail>;
export type TraceBody = z.infer<typeof TraceBody>;
