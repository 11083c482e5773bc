// Completion, hover, diagnostics and quick fixes for $filter, computed by shared/odata/filter
// against the schema of the tab's entity set (filterSchema of a model built from $metadata).
//
//   setODataContext(model, { schema: filterSchema(buildFilterModel(csdlToFilterInput(doc)), 'Property') })
import { completeFilter, hoverFilter, validateFilter, type FilterSchema } from '../../../shared/odata/filter';
import { ODATA_FILTER } from './odataLanguage';
import { registerLanguageProviders, type LanguageProviders } from './languageProviders';
import type { monaco } from './setup';

export interface ODataContext { schema: FilterSchema }

let providers: LanguageProviders<FilterSchema> | undefined;

export function setODataContext(model: monaco.editor.ITextModel, ctx: ODataContext | undefined): void {
  providers ??= registerLanguageProviders<FilterSchema>({
    id: ODATA_FILTER,
    owner: 'odata',
    // Space: after `ListPrice ` come its operators, after `gt ` its values.
    triggerCharacters: [' ', '(', '/', ',', "'"],
    validate: validateFilter,
    complete: (text, offset, schema) => completeFilter(text, offset, schema, { limit: 200 }),
    hover: hoverFilter,
    // Operators insert `gt ` or `in (`: the space or paren typed next is the same one, and the
    // values follow.
    afterInsert(s) {
      if (s.kind !== 'operator') return undefined;
      const last = s.insertText.charAt(s.insertText.length - 1);
      return last === ' ' || last === '(' ? { char: last, suggest: true } : undefined;
    },
  });
  providers.setSchema(model, ctx?.schema);
}
