// Streaming searches: start -> operation id; columns, rows batches, count, maxrows, progress,
// then exactly one of done / error; cancel at any time.
import { z } from 'zod';
import { SEARCH_FORMATS } from '../rets/search/types';
import { Id, OperationId, Progress, RetsErrorInfoSchema } from './common';

export const SearchFormat = z.enum(SEARCH_FORMATS);

export const Protocol = z.enum(['rets', 'webapi']);

/** The Web API query options beyond $filter (`query`), $select (`select`) and $top (`options.limit`). */
export const ODataQueryFields = z.object({
  /** e.g. `ListPrice desc,ListingKey`. */
  orderby: z.string().max(2000).optional(),
  /** e.g. `Media`. */
  expand: z.string().max(2000).optional(),
  /** Ask the server for @odata.count. */
  count: z.boolean().optional(),
  skip: z.number().int().nonnegative().optional(),
});

/**
 * What to search: shared by search, export, history and snippets. RETS: resource, class, DMQL2
 * query and SystemNames. Web API: resource = class = the entity set, query = $filter, select =
 * $select, `odata` the other options. Records written before Web API profiles have no protocol: RETS.
 */
export const SearchQuery = z.object({
  protocol: Protocol.optional(),
  resource: z.string().min(1),
  class: z.string().min(1),
  query: z.string(),
  /** SystemNames (Web API: property names) to return; empty = all. */
  select: z.array(z.string().min(1)).default([]),
  odata: ODataQueryFields.optional(),
});

export const SearchOptions = z.object({
  /** Rows to ask for; 'NONE' = the server's maximum. */
  limit: z.union([z.number().int().positive(), z.literal('NONE')]).default(100),
  offset: z.number().int().positive().optional(),
  /** 0 = no count, 1 = count and rows, 2 = count only. */
  count: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(1),
  format: SearchFormat.default('COMPACT-DECODED'),
  standardNames: z.boolean().default(false),
  restrictedIndicator: z.string().max(10).optional(),
  /** Follow MAXROWS with Offset until the limit is reached. */
  pageAll: z.boolean().default(false),
});

export const SearchStartRequest = SearchQuery.extend({
  operationId: OperationId.optional(),
  profileId: Id,
  options: SearchOptions.default(SearchOptions.parse({})),
});

export const SearchColumnsEvent = z.object({ type: z.literal('search.columns'), operationId: OperationId, columns: z.array(z.string()) });
/**
 * A batch of rows as one string, never a JSON array per row (compactRows.ts reads it). With `sep`:
 * each row is its cells joined by `sep`, and `ends[i]` is where row i ends in `text` (the next
 * row starts there). Without: `ends[i]` is where cell i ends, `width` cells a row.
 * The host sends `bytes` (the same text as UTF-8, `ends` then byte offsets) in place of `text`, so
 * it never turns row bytes into strings nor escapes them; `textRows` gives the `text` form.
 */
export const SearchRowsEvent = z.object({
  type: z.literal('search.rows'), operationId: OperationId,
  /** Index of the first row of this batch in the whole result. */
  start: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
  width: z.number().int().nonnegative(),
  text: z.string().optional(),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected a Uint8Array').optional(),
  sep: z.string().length(1).optional(),
  ends: z.array(z.number().int().nonnegative()),
}).refine((e) => (e.text === undefined) !== (e.bytes === undefined), { message: 'search.rows carries either text or bytes' });
export const SearchCountEvent = z.object({ type: z.literal('search.count'), operationId: OperationId, count: z.number().int().nonnegative() });
export const SearchMaxRowsEvent = z.object({ type: z.literal('search.maxrows'), operationId: OperationId });
export const SearchProgressEvent = Progress.extend({ type: z.literal('search.progress'), operationId: OperationId });
/** Web API: one server page read (rows so far, and whether the server offers another page). */
export const SearchPageEvent = z.object({
  type: z.literal('search.page'), operationId: OperationId,
  /** 1-based page number. */
  n: z.number().int().positive(),
  /** Rows this page delivered, and rows so far. */
  rows: z.number().int().nonnegative(),
  totalRows: z.number().int().nonnegative(),
  /** The server's next-page link (secrets removed), when paging can go on. */
  nextLink: z.string().optional(),
  more: z.boolean(),
});
export const SearchDoneEvent = z.object({
  type: z.literal('search.done'), operationId: OperationId,
  rows: z.number().int().nonnegative(),
  count: z.number().int().nonnegative().optional(),
  /** The server stopped at its row limit (more rows match). */
  maxrows: z.boolean(),
  elapsedMs: z.number().nonnegative(),
  cancelled: z.boolean(),
  /** 20201 "no records found" and friends, when not an error. */
  replyCode: z.number().int().optional(),
  replyText: z.string().optional(),
  warnings: z.array(z.string()).default([]),
});
export const SearchErrorEvent = z.object({ type: z.literal('search.error'), operationId: OperationId, error: RetsErrorInfoSchema });

export type SearchQuery = z.infer<typeof SearchQuery>;
export type Protocol = z.infer<typeof Protocol>;
export type SearchOptions = z.infer<typeof SearchOptions>;
export type SearchStartRequest = z.input<typeof SearchStartRequest>;
