// Translating a query for another profile: a DMQL2 query (against one profile's RETS metadata) as
// an OData $filter for another profile's Web API, or back; or, between two profiles of the same
// protocol (MLS A -> MLS B), through both profiles' mappings onto the standard names. The host reads
// both metadata models (cached) and uses the mapping given, else the saved ones, else proposals.
import { z } from 'zod';
import { Id } from './common';
import { TranslationMappingSchema } from '../translate/mappingFile';

export const TranslateRequest = z.object({
  from: z.enum(['dmql', 'odata']),
  /** The target's language; absent: the target profile's protocol says (the other one, before portable snippets). */
  to: z.enum(['dmql', 'odata']).optional(),
  query: z.string().max(200_000),
  /** The profile the query is written for, and the profile to translate it for. */
  sourceProfileId: Id,
  targetProfileId: Id,
  /** RETS resource (from dmql) or entity set (from odata). */
  resource: z.string().min(1).max(256),
  /** RETS class (from dmql); to dmql from odata, the class to search when the filter does not say. */
  className: z.string().min(1).max(256).optional(),
  /** The other side's entity set or RETS resource, when it is not named like the source's. */
  targetResource: z.string().min(1).max(256).optional(),
  mapping: TranslationMappingSchema.optional(),
});

export const TranslationNoteSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  range: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
});

export const TranslateResponse = z.object({
  text: z.string(),
  complete: z.boolean(),
  notes: z.array(TranslationNoteSchema),
  /** The target's language, and where the translation searches: the entity set (odata) or the RETS resource and class (dmql). */
  to: z.enum(['dmql', 'odata']).optional(),
  resource: z.string(),
  className: z.string().optional(),
});

export type TranslateRequest = z.infer<typeof TranslateRequest>;
export type TranslateResponse = z.infer<typeof TranslateResponse>;
