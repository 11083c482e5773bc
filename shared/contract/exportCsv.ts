// Export: a fresh paged search streamed to disk (not the rows on screen; Web API: every nextLink
// to the end), as CSV (RFC 4180, UTF-8 with optional BOM) or JSON Lines, written to a temp file
// and renamed only when complete.
import { z } from 'zod';
import { Id, OperationId, Progress, RetsErrorInfoSchema } from './common';
import { BaseName, FileHandle } from './files';
import { SearchQuery } from './search';

/** DisplayName (Web API annotations) reads the same place as LongName (RETS). Mapping: the target
 *  names of the profile's saved mapping (unmapped columns keep their name). */
export const CsvHeader = z.enum(['SystemName', 'StandardName', 'LongName', 'DisplayName', 'Mapping']);
export type CsvHeader = z.infer<typeof CsvHeader>;
export const CsvLookups = z.enum(['decoded', 'raw']);
/** CSV, or JSON Lines (one JSON object a line, keyed by the header names; Web API values keep their JSON types). */
export const ExportFormat = z.enum(['csv', 'jsonl']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportDestination = z.discriminatedUnion('kind', [
  /** The file the user chose in the host's save dialog (files.chooseSave, desktop). */
  z.object({ kind: z.literal('file'), handle: FileHandle }),
  /** Keep it in the host's export folder and hand back a download URL (browser mode). */
  z.object({ kind: z.literal('download'), fileName: BaseName.default('export.csv') }),
]);

export const ExportOptions = z.object({
  format: ExportFormat.default('csv'),
  header: CsvHeader.default('SystemName'),
  lookups: CsvLookups.default('decoded'),
  bom: z.boolean().default(false),
  /** Prefix cells a spreadsheet would run as formulas (`=`, `+`, `-`, `@`, tab, CR) with `'`.
   *  Unset: on when `bom` is on, off otherwise (shared/csv/formulaGuard.ts). */
  formulaGuard: z.boolean().optional(),
  /** CSV: what joins a collection's elements in one cell (Web API: collections, expanded Media as its MediaURLs). */
  collectionSeparator: z.string().max(10).default('; '),
  /** Stop after this many rows (undefined = every matching row). */
  maxRows: z.number().int().positive().optional(),
});

export const ExportStartRequest = SearchQuery.extend({
  operationId: OperationId.optional(),
  profileId: Id,
  destination: ExportDestination,
  options: ExportOptions.default(ExportOptions.parse({})),
});

export const ExportProgressEvent = Progress.extend({
  type: z.literal('export.progress'), operationId: OperationId,
  bytes: z.number().int().nonnegative(),
  /** Total rows matching, when the server counted. */
  total: z.number().int().nonnegative().optional(),
});
export const ExportDoneEvent = z.object({
  type: z.literal('export.done'), operationId: OperationId,
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  elapsedMs: z.number().nonnegative(),
  /** The written file's base name (never its folder). */
  fileName: z.string(),
  /** Browser mode: URL to download the file from the host. */
  downloadUrl: z.string().optional(),
});
export const ExportErrorEvent = z.object({ type: z.literal('export.error'), operationId: OperationId, error: RetsErrorInfoSchema });

export type ExportStartRequest = z.input<typeof ExportStartRequest>;
