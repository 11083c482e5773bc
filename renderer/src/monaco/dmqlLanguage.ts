// The DMQL2 language in Monaco: id, bracket rules, colouring by the shared lexer (dmqlTokens.ts),
// and both themes (light and dark, following the app's theme). Completion, hover and diagnostics are registered in dmqlProviders.
import { monaco } from './setup';
import { effectiveTheme, onThemeChange } from '../shell/theme';
import { DMQL_INITIAL_STATE, tokenizeDmqlLine } from './dmqlTokens';
import { lineTokensProvider } from './lineTokens';

export const DMQL = 'dmql2';
let registered = false;

/** Each token class's colour in the light and dark editor themes, and whether it is bold. */
const TOKEN_COLOURS: readonly (readonly [token: string, light: string, dark: string, bold?: boolean])[] = [
  ['field', '0b5cad', '79b8ff', true],
  ['operator.eq', '6a737d', '8b949e'],
  ['operator.logic', 'b0306f', 'f778ba', true],
  ['operator.not', 'b0306f', 'f778ba', true],
  ['operator.range', '8250df', 'd2a8ff'],
  ['operator.value', '8250df', 'd2a8ff'],
  ['operator.wildcard', '8250df', 'd2a8ff'],
  ['keyword', 'b35900', 'ffa657'],
  ['number', '116329', '7ee787'],
  ['number.date', '116329', '7ee787'],
  ['string', '953800', 'ffa198'],
  ['string.value', '24292f', 'e6edf3'],
  ['delimiter.paren', '57606a', '8b949e'],
  // $filter (odataLanguage.ts)
  ['keyword.operator', 'b0306f', 'f778ba', true],
  ['function', '6639ba', 'd2a8ff'],
  ['constant', 'b35900', 'ffa657'],
  ['operator.path', '57606a', '8b949e'],
  ['operator.lambda', '57606a', '8b949e'],
  ['string.invalid', 'cf222e', 'ff7b72'],
];

function themeRules(theme: 'light' | 'dark') {
  return TOKEN_COLOURS.map(([token, light, dark, bold]) => ({ token, foreground: theme === 'light' ? light : dark, ...(bold ? { fontStyle: 'bold' } : {}) }));
}

export function registerDmqlLanguage(): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: DMQL, aliases: ['DMQL2', 'dmql'] });
  monaco.languages.setLanguageConfiguration(DMQL, {
    brackets: [['(', ')']],
    autoClosingPairs: [{ open: '(', close: ')' }, { open: '"', close: '"' }],
    surroundingPairs: [{ open: '(', close: ')' }],
    wordPattern: /[A-Za-z_][\w.]*|-?\d[\d.:T-]*/,
  });
  monaco.languages.setTokensProvider(DMQL, lineTokensProvider(DMQL_INITIAL_STATE, tokenizeDmqlLine));
  monaco.editor.defineTheme('rw-light', { base: 'vs', inherit: true, rules: themeRules('light'), colors: { 'editor.background': '#ffffff', 'editor.lineHighlightBackground': '#f4f6fa' } });
  monaco.editor.defineTheme('rw-dark', { base: 'vs-dark', inherit: true, rules: themeRules('dark'), colors: { 'editor.background': '#1e2126', 'editor.lineHighlightBackground': '#252930' } });
}

export function currentTheme(): string {
  return effectiveTheme() === 'dark' ? 'rw-dark' : 'rw-light';
}

/** Keeps Monaco's theme in step with the app's (the title bar's pick, or the OS). */
export function followAppTheme(): () => void {
  const apply = () => monaco.editor.setTheme(currentTheme());
  apply();
  return onThemeChange(apply);
}
