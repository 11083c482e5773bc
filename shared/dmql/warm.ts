// Builds a schema's lazy indexes up front (completion words, did-you-mean bigrams), e.g. right
// after a class is chosen, so the first keystroke does not pay for them.
import { nameIndex } from './didYouMean';
import { fieldIndex } from './fieldIndex';
import type { DmqlSchema } from './schema';

export function warmSchema(schema: DmqlSchema): DmqlSchema {
  fieldIndex(schema);
  nameIndex(schema);
  return schema;
}
