// Photos and other objects of a record, via GetObject. The host caches them on disk and serves
// them at URLs the renderer can put in <img src> (host-relative in browser mode, a custom scheme
// in Electron); it retries with backoff. `retry` asks again for objects that failed.
import { z } from 'zod';
import { Id, RetsErrorInfoSchema } from './common';

export const ObjectListRequest = z.object({
  profileId: Id,
  resource: z.string().min(1),
  /** The record's key (e.g. the listing id). */
  key: z.string().min(1),
  /** Object type from METADATA-OBJECT; Photo by default. */
  type: z.string().min(1).default('Photo'),
  /** Ignore failures remembered from an earlier try and fetch again. */
  retry: z.boolean().default(false),
});

export const ObjectInfo = z.object({
  objectId: z.number().int().nonnegative(),
  contentType: z.string(),
  description: z.string().default(''),
  preferred: z.boolean().default(false),
  /** URL of the thumbnail (null when the server has no Thumbnail type). */
  thumbnailUrl: z.string().nullable(),
  /** URL of the full-size object, fetched (and cached) on first use. */
  url: z.string(),
  bytes: z.number().int().nonnegative().optional(),
  /** A per-object failure (the rest of the response is fine). */
  error: RetsErrorInfoSchema.optional(),
});

export const ObjectListResponse = z.object({
  resource: z.string(),
  key: z.string(),
  type: z.string(),
  objects: z.array(ObjectInfo),
  /** How many attempts the host needed (retries with backoff). */
  attempts: z.number().int().positive(),
});

export type ObjectInfo = z.infer<typeof ObjectInfo>;
