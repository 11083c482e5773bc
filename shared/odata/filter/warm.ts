// Builds a schema's lazy indexes up front (completion names, did-you-mean bigrams) for the
// entity type and the types its navigation reaches, so the first keystroke does not pay for them.
import { nameIndex } from './complete';
import { fieldGrams } from './didYouMean';
import type { FilterSchema } from './schema';

export function warmFilterSchema(schema: FilterSchema): FilterSchema {
  const seen = new Set([schema.root]);
  for (const f of schema.root.fields) {
    const t = f.navigation || f.kind === 'complex' ? schema.model.types.get(f.elementType) : undefined;
    if (t) seen.add(t);
  }
  for (const t of seen) { nameIndex(t); fieldGrams(t); }
  return schema;
}
