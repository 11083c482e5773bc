// Completion, hover, diagnostics and their quick fixes for DMQL2, all computed by shared/dmql (the
// language) against the metadata of the tab's resource and class. Each editor model carries its
// own context; the schema is built once per (metadata, resource, class).
import { complete, hover, validate, type DmqlSchema } from '../../../shared/dmql';
import type { monaco } from './setup';
import { schemaFor, type DmqlContext } from '../query/schemaCache';
import { DMQL } from './dmqlLanguage';
import { registerLanguageProviders, type LanguageProviders } from './languageProviders';
import { OVERTYPE_CHARS } from './overtype';

export type { DmqlContext };

let providers: LanguageProviders<DmqlSchema> | undefined;

export function setModelContext(model: monaco.editor.ITextModel, ctx: DmqlContext | undefined): void {
  providers ??= registerLanguageProviders<DmqlSchema>({
    id: DMQL,
    owner: 'dmql',
    triggerCharacters: ['(', '=', ',', '|', '~', '+'],
    validate,
    complete: (text, offset, schema) => complete(text, offset, schema, { limit: 200 }),
    hover,
    afterInsert(s) {
      const last = s.insertText.charAt(s.insertText.length - 1);
      return OVERTYPE_CHARS.has(last) ? { char: last } : undefined;
    },
  });
  providers.setSchema(model, ctx ? schemaFor(ctx) : undefined);
}
