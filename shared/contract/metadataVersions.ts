// Metadata over time and across servers: the versions a profile's cache keeps, the change notice a
// connection raises once, and the diff of any two metadata (a profile's current or kept version,
// or a file the user picked: the renderer holds only its handle).
import { z } from 'zod';
import { Id, Timestamp } from './common';
import { BaseName, FileHandle } from './files';
import type { MetadataDiff } from '../metadata/diff';

export const MetadataVersionInfo = z.object({
  /** The cache's id for the version (what metadata.diff takes). */
  id: z.string(),
  /** What the user calls it: the MetadataVersion (RETS), else the date it was first fetched (Web API). */
  label: z.string(),
  metadataVersion: z.string().optional(),
  metadataTimestamp: z.string().optional(),
  /** When first fetched, and when a connection last found it current. */
  fetchedAt: Timestamp,
  lastSeenAt: Timestamp,
  fieldCount: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** The start of the body's sha256 (how unversioned $metadata is told apart). */
  contentHash: z.string().optional(),
});
export type MetadataVersionInfo = z.infer<typeof MetadataVersionInfo>;

export const MetadataChange = z.object({ from: MetadataVersionInfo, to: MetadataVersionInfo });
export type MetadataChange = z.infer<typeof MetadataChange>;

export const MetadataVersionsResponse = z.object({
  /** The version in use first, then the others by when they were last seen. */
  versions: z.array(MetadataVersionInfo),
  /** A change a connection found that has not been acknowledged. */
  change: MetadataChange.optional(),
});

/** Sent once, when a connection finds a version other than the one in use. */
export const MetadataChangedEvent = z.object({ type: z.literal('metadata.changed'), profileId: Id, from: MetadataVersionInfo, to: MetadataVersionInfo });
export type MetadataChangedEvent = z.infer<typeof MetadataChangedEvent>;

/** One side of a diff: a profile's current metadata, one of its kept versions, or a picked file. */
export const MetadataDiffSide = z.union([
  z.object({ profileId: Id, version: z.string().max(200).optional() }),
  z.object({ handle: FileHandle }),
]);
export type MetadataDiffSide = z.infer<typeof MetadataDiffSide>;

export const MetadataDiffRequest = z.object({ a: MetadataDiffSide, b: MetadataDiffSide, alignment: z.enum(['versions', 'servers']).optional() });

const MetadataDiffSchema = z.custom<MetadataDiff>(
  (v) => typeof v === 'object' && v !== null && Array.isArray((v as MetadataDiff).pairs) && typeof (v as MetadataDiff).same === 'boolean',
  { message: 'not a metadata diff' },
);
export const MetadataDiffResponse = z.object({
  diff: MetadataDiffSchema,
  labels: z.object({ a: z.string(), b: z.string() }),
  /** Each side's fields that use a lookup: "Resource.SystemName" -> lookup name (to narrow the diff to some fields' lookups). */
  fieldLookups: z.object({ a: z.record(z.string(), z.string()), b: z.record(z.string(), z.string()) }),
});

/** A diff report the renderer rendered (filtered as shown): to a picked file, or a download. */
export const MetadataSaveDiffRequest = z.object({
  format: z.enum(['markdown', 'csv']),
  content: z.string().max(64 * 1024 * 1024),
  fileName: BaseName,
  handle: FileHandle.optional(),
  download: z.boolean().optional(),
});
export const MetadataSaveDiffResponse = z.object({ fileName: z.string(), bytes: z.number().int().nonnegative(), downloadUrl: z.string().optional() });
