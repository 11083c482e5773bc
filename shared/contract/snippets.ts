// Snippets: saved queries, one plain JSON file each (users keep them in git).
import { z } from 'zod';
import { Id, Timestamp } from './common';
import { FileHandle } from './files';
import { SearchOptions, SearchQuery } from './search';

/**
 * The profile a snippet was written on, so it can be opened translated on another MLS, and an
 * exported file still says where it came from on a machine that has no profile of that id.
 */
export const SnippetProfile = z.object({
  id: Id.optional(),
  name: z.string().trim().min(1).max(200),
  /** The metadata version the query was written against (RETS MetadataVersion), when known. */
  metadataVersion: z.string().max(100).optional(),
});

export const SnippetFields = SearchQuery.extend({
  name: z.string().trim().min(1).max(200),
  tags: z.array(z.string().trim().min(1).max(50)).default([]),
  options: SearchOptions.partial().default({}),
  description: z.string().max(5000).optional(),
  /** Absent in files written before snippets recorded it. */
  profile: SnippetProfile.optional(),
});

export const Snippet = SnippetFields.extend({ id: Id, createdAt: Timestamp, updatedAt: Timestamp });

/** Save: no id creates, an id updates. */
export const SnippetSaveRequest = SnippetFields.extend({ id: Id.optional() });
export const SnippetImportRequest = z.union([
  /** JSON text of one snippet or an array of them (as snippets.export writes). */
  z.object({ content: z.string().min(1) }),
  /** A file the user picked: files.chooseOpen (desktop) or an upload (browser mode). */
  z.object({ handle: FileHandle }),
]);
/** A snippet of an imported file that was not imported, and why. */
export const SkippedSnippet = z.object({
  /** Its place in the file, from 1. */
  item: z.number().int().positive(),
  name: z.string().optional(),
  /** The file in an imported folder (its base name). */
  file: z.string().optional(),
  reason: z.string(),
});
export const SnippetImportResponse = z.object({ imported: z.array(Snippet), skipped: z.array(SkippedSnippet).default([]) });
export const SnippetExportRequest = z.object({
  /** Which snippets; all when absent. */
  ids: z.array(Id).optional(),
  /** Also write to the file the user chose in files.chooseSave (desktop). */
  handle: FileHandle.optional(),
  /** Also keep it in the host's export folder and hand back a download URL (browser mode). */
  download: z.boolean().default(false),
}).strict();
export const SnippetExportResponse = z.object({ content: z.string(), fileName: z.string(), count: z.number().int(), downloadUrl: z.string().optional() });

export type Snippet = z.infer<typeof Snippet>;
export type SnippetProfile = z.infer<typeof SnippetProfile>;
export type SkippedSnippet = z.infer<typeof SkippedSnippet>;
export type SnippetSaveRequest = z.input<typeof SnippetSaveRequest>;
