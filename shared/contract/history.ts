// Query history: every search run, with its outcome.
import { z } from 'zod';
import { Id, RetsErrorInfoSchema, Timestamp } from './common';
import { SearchOptions, SearchQuery } from './search';

/** 'empty': the search ran and found no records. */
export const HistoryStatus = z.enum(['ok', 'empty', 'error', 'cancelled', 'running']);

export const HistoryEntry = SearchQuery.extend({
  id: Id,
  profileId: Id,
  options: SearchOptions.partial().default({}),
  status: HistoryStatus,
  /** Rows received and the server's count when asked. */
  rows: z.number().int().nonnegative(),
  count: z.number().int().nonnegative().optional(),
  elapsedMs: z.number().nonnegative(),
  startedAt: Timestamp,
  error: RetsErrorInfoSchema.optional(),
});

export const HistoryListRequest = z.object({ profileId: Id.optional(), limit: z.number().int().positive().max(10000).default(500) });
export const HistoryListResponse = z.object({ entries: z.array(HistoryEntry) });
export const HistoryClearRequest = z.object({ profileId: Id.optional() });

export type HistoryEntry = z.infer<typeof HistoryEntry>;
