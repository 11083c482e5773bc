// The OData $filter language in Monaco: id, bracket and quote rules, and colouring by the shared
// $filter lexer (odataTokens.ts). Themes are shared with DMQL2 (dmqlLanguage.ts defines them).
import { monaco } from './setup';
import { registerDmqlLanguage } from './dmqlLanguage';
import { lineTokensProvider } from './lineTokens';
import { ODATA_INITIAL_STATE, tokenizeODataLine } from './odataTokens';

export const ODATA_FILTER = 'odata-filter';
let registered = false;

export function registerODataLanguage(): void {
  if (registered) return;
  registered = true;
  registerDmqlLanguage(); // the rw-light / rw-dark themes
  monaco.languages.register({ id: ODATA_FILTER, aliases: ['OData $filter', '$filter'] });
  monaco.languages.setLanguageConfiguration(ODATA_FILTER, {
    brackets: [['(', ')']],
    autoClosingPairs: [{ open: '(', close: ')' }, { open: "'", close: "'", notIn: ['string'] }],
    surroundingPairs: [{ open: '(', close: ')' }, { open: "'", close: "'" }],
    // Property paths and dotted names (geo.distance, NS.Enum) are words; so are $it and $count.
    wordPattern: /\$?[A-Za-z_][\w.]*|-?\d[\d.:T-]*/,
  });
  monaco.languages.setTokensProvider(ODATA_FILTER, lineTokensProvider(ODATA_INITIAL_STATE, tokenizeODataLine));
}
