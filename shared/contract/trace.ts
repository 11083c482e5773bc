// The session's request log for the log panel. URLs and headers have secrets removed by the host.
import { z } from 'zod';
import { Id, RetsErrorInfoSchema, Timestamp } from './common';

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

export const TraceListRequest = z.object({ profileId: Id, afterId: z.number().int().optional() });
export const TraceListResponse = z.object({ entries: z.array(TraceEntry) });
export const TraceEntryEvent = z.object({ type: z.literal('trace.entry'), entry: TraceEntry });

export type TraceEntry = z.infer<typeof TraceEntry>;
