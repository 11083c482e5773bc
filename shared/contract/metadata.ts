// Metadata for a profile (cached on disk by MetadataVersion/Timestamp) or from a dump file.
// The model itself is shared/rets/metadata/model.ts; it crosses the contract as is.
import { z } from 'zod';
import { Id, Timestamp } from './common';
import { FileHandle } from './files';
import type { MetadataLookup, RetsMetadata } from '../rets/metadata/model';

/** The shared model, checked only for shape at the top (a full parse of 20,000 fields per call is waste). */
export const RetsMetadataSchema = z.custom<RetsMetadata>(
  (v) => typeof v === 'object' && v !== null && Array.isArray((v as RetsMetadata).resources) && Array.isArray((v as RetsMetadata).tables),
  { message: 'not a metadata model' },
);

export const MetadataCacheInfo = z.object({
  metadataVersion: z.string().optional(),
  metadataTimestamp: z.string().optional(),
  fetchedAt: Timestamp,
  /** True when served from the on-disk cache (the server's version matched). */
  fromCache: z.boolean(),
  fieldCount: z.number().int().nonnegative(),
  /** Why the metadata could not be kept on disk (a full disk): the call still answers; the next one fetches again. */
  saveError: z.string().optional(),
});

export const MetadataGetRequest = z.object({ profileId: Id, refresh: z.boolean().default(false) });
export const MetadataGetResponse = z.object({ metadata: RetsMetadataSchema, cache: MetadataCacheInfo });

/** Offline exploration of a dump: a file the user picked (dialog or upload handle), or small text. */
export const MetadataOpenFileRequest = z.union([
  z.object({ handle: FileHandle }),
  z.object({ name: z.string().default('metadata.xml'), content: z.string() }),
]);
export const MetadataOpenFileResponse = z.object({
  metadata: RetsMetadataSchema,
  source: z.object({ name: z.string(), bytes: z.number().int().nonnegative(), format: z.string() }),
});

/**
 * One lookup's values, read when the explorer opens it: a Web API's Lookup resource rows for a
 * LookupName (enum lookups arrive whole with the metadata).
 */
export const MetadataLookupValuesRequest = z.object({ profileId: Id, lookupName: z.string().min(1).max(500) });
export const MetadataLookupValuesResponse = z.object({
  lookup: z.custom<MetadataLookup>((v) => typeof v === 'object' && v !== null && Array.isArray((v as MetadataLookup).values), { message: 'not a lookup' }),
});

export type MetadataCacheInfo = z.infer<typeof MetadataCacheInfo>;
