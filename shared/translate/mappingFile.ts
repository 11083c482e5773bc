// The translation mapping as a file (JSON) and over the contract: a schema that checks the shape
// and caps the sizes, so a hand-edited or hostile file fails with the path of what is wrong.
import { z } from 'zod';
import type { TranslationMapping } from './types';

const name = z.string().min(1).max(256);

export const TranslationMappingSchema = z.object({
  resource: name,
  entitySet: name,
  fields: z.array(z.object({
    source: name,
    target: name,
    values: z.record(z.string().max(1024), z.string().max(1024)).optional(),
  })).max(50_000),
  classField: z.object({ field: name, values: z.record(name, z.string().max(1024)) }).optional(),
  assumptions: z.array(z.string().max(4096)).max(10_000).optional(),
});

/** Reads a mapping from parsed JSON; throws an Error naming the first problem's path. */
export function readMapping(json: unknown): TranslationMapping {
  const r = TranslationMappingSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`not a translation mapping: ${issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'unreadable'}`);
  }
  return r.data;
}
