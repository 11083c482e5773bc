// The mapping file: one per connection profile, plain JSON a user can keep in git beside the
// snippets. Each of the server's fields has an entry: the target field it maps to (or none), why,
// how sure the proposal is, and what the user decided; lookup fields list their values the same way.
import { z } from 'zod';

export const MAPPING_FORMAT = 'rets-workbench-mapping';
export const MAPPING_FORMAT_VERSION = 1;

export const FieldReason = z.enum([
  'standard-name', 'same-name', 'synonym', 'long-name', 'similar-name', 'lookup-values', 'user', 'none',
]);
export const ValueReason = z.enum(['same-value', 'display-name', 'short-value', 'synonym', 'user', 'none']);
/** proposed: as the workbench proposed it; confirmed: the user agreed; edited: the user chose the target; rejected: no mapping. */
export const Decision = z.enum(['proposed', 'confirmed', 'edited', 'rejected']);

const Name = z.string().max(300);
const Confidence = z.number().min(0).max(1);

export const ValueMapping = z.object({
  code: Name,
  longValue: Name.default(''),
  target: Name.nullable(),
  reason: ValueReason,
  confidence: Confidence,
  status: Decision.default('proposed'),
}).strict();

export const FieldMapping = z.object({
  resource: Name,
  field: Name,
  longName: Name.default(''),
  targetResource: Name,
  target: Name.nullable(),
  reason: FieldReason,
  /** In words: what matched ("the MLS's StandardName is ListPrice"). */
  why: z.string().max(1000).default(''),
  confidence: Confidence,
  status: Decision.default('proposed'),
  values: z.array(ValueMapping).max(100_000).optional(),
}).strict();

export const MappingFile = z.object({
  format: z.literal(MAPPING_FORMAT),
  version: z.literal(MAPPING_FORMAT_VERSION),
  profileId: Name.optional(),
  source: z.object({ name: Name, kind: z.enum(['rets', 'webapi']) }).strict(),
  target: z.object({
    name: Name,
    kind: z.enum(['webapi-metadata', 'data-dictionary']),
    version: Name.optional(),
    /** Every target field by resource: what coverage counts against. */
    fields: z.record(Name, z.array(Name).max(100_000)),
  }).strict(),
  /** What the proposal could and could not use, in words (no Data Dictionary file: no synonyms). */
  notes: z.array(z.string().max(1000)).max(100).default([]),
  fields: z.array(FieldMapping).max(200_000),
}).strict();

export type FieldReason = z.infer<typeof FieldReason>;
export type ValueReason = z.infer<typeof ValueReason>;
export type Decision = z.infer<typeof Decision>;
export type ValueMapping = z.infer<typeof ValueMapping>;
export type FieldMapping = z.infer<typeof FieldMapping>;
export type MappingFile = z.infer<typeof MappingFile>;
