// A mapping per connection profile: the server's fields to a target vocabulary (the RESO Data
// Dictionary names by default), kept as one plain JSON file per profile. The file format itself
// is shared/mapping/types.ts; it crosses the contract as is.
import { z } from 'zod';
import { Id } from './common';
import { FileHandle } from './files';
import { MappingFile } from '../mapping/types';

export { MappingFile };
export type { Decision, FieldMapping, ValueMapping } from '../mapping/types';

/** Where the target names come from: a profile's metadata (a Web API's names are the DD's), or a Data Dictionary file the user picked. */
export const MappingTarget = z.union([
  z.object({ kind: z.literal('profile'), profileId: Id }).strict(),
  z.object({ kind: z.literal('dictionary'), handle: FileHandle }).strict(),
]);

export const MappingProposeRequest = z.object({
  profileId: Id,
  /** Default: the Demo MLS's Web API. */
  target: MappingTarget.optional(),
  /** A Data Dictionary file whose synonyms improve proposals against a profile target. */
  dictionary: FileHandle.optional(),
}).strict();

export const MappingCoverage = z.object({
  resources: z.array(z.object({ resource: z.string(), present: z.array(z.string()), missing: z.array(z.string()) })),
  extra: z.array(z.object({ resource: z.string(), field: z.string() })),
  counts: z.object({
    targetFields: z.number().int(), present: z.number().int(), missing: z.number().int(), extra: z.number().int(),
    sourceFields: z.number().int(), proposed: z.number().int(), confirmed: z.number().int(), rejected: z.number().int(),
  }),
});

/** A profile's mapping (null when none was proposed or imported yet) and its coverage. */
export const MappingResponse = z.object({ mapping: MappingFile.nullable(), coverage: MappingCoverage.nullable() });

export const MappingSaveRequest = z.object({ profileId: Id, mapping: MappingFile }).strict();

export const MappingImportRequest = z.union([
  z.object({ profileId: Id, content: z.string().min(1) }).strict(),
  z.object({ profileId: Id, handle: FileHandle }).strict(),
]);

export const MappingExportRequest = z.object({
  profileId: Id,
  /** Also write to the file the user chose in files.chooseSave (desktop). */
  handle: FileHandle.optional(),
  /** Also keep it in the host's export folder and hand back a download URL (browser mode). */
  download: z.boolean().default(false),
}).strict();
export const MappingExportResponse = z.object({ content: z.string(), fileName: z.string(), downloadUrl: z.string().optional() });

export type MappingTarget = z.infer<typeof MappingTarget>;
export type MappingResponse = z.infer<typeof MappingResponse>;
