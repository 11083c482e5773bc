// Snippets: saved queries, one plain JSON file each (users keep them in git).
import { z } from 'zod';
import { Id, Timestamp } from './common';
import { SearchOptions, SearchQuery } from './search';

export const SnippetFields = SearchQuery.extend({
  name: z.string().trim().min(1).max(200),
  tags: z.array(z.string().trim().min(1).max(50)).default([]),
  options: SearchOptions.partial().default({}),
  description: z.string().max(5000).optional(),
});

export const Snippet = SnippetFields.extend({ id: Id, createdAt: Timestamp, updatedAt: Timestamp });

/** Save: no id creates, an id updates. */
export const SnippetSaveRequest = SnippetFields.extend({ id: Id.optional() });
export const SnippetImportRequest = z.union([
  /** JSON text of one snippet or an array of them (as snippets.export writes). */
  z.object({ content: z.string().min(1) }),
  /** A file or folder on the host's disk (desktop). */
  z.object({ path: z.string().min(1) }),
]);
export const SnippetExportRequest = z.object({
  /** Which snippets; all when absent. */
  ids: z.array(Id).optional(),
  /** Also write to this path on the host's disk (desktop). */
  path: z.string().min(1).optional(),
});
export const SnippetExportResponse = z.object({ content: z.string(), fileName: z.string(), count: z.number().int(), path: z.string().optional() });

export type Snippet = z.infer<typeof Snippet>;
export type SnippetSaveRequest = z.input<typeof SnippetSaveRequest>;
