// The DMQL2 language in Monaco: id, bracket rules, colouring by the shared lexer (dmqlTokens.ts),
// and both themes (light and dark, following the app's theme). Completion, hover and diagnostics are registered in dmqlProviders.
import { monaco } from './setup';
import { effectiveTheme, onThemeChange } from '../shell/theme';
import { DMQL_INITIAL_STATE, tokenizeDmqlLine } from './dmqlTokens';
import { lineTokensProvider } from './lineTokens';

export const DMQL = 'dmql2';
let registered = false;

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
  monaco.editor.defineTheme('rw-light', {
    base: 'vs', inherit: true,
    rules: [
      { token: 'field', foreground: '0b5cad', fontStyle: 'bold' },
      { token: 'operator.eq', foreground: '6a737d' },
      { token: 'operator.logic', foreground: 'b0306f', fontStyle: 'bold' },
      { token: 'operator.not', foreground: 'b0306f', fontStyle: 'bold' },
      { token: 'operator.range', foreground: '8250df' },
      { token: 'operator.value', foreground: '8250df' },
      { token: 'operator.wildcard', foreground: '8250df' },
      { token: 'keyword', foreground: 'b35900' },
      { token: 'number', foreground: '116329' },
      { token: 'number.date', foreground: '116329' },
      { token: 'string', foreground: '953800' },
      { token: 'string.value', foreground: '24292f' },
      { token: 'delimiter.paren', foreground: '57606a' },
      // $filter (odataLanguage.ts)
      { token: 'keyword.operator', foreground: 'b0306f', fontStyle: 'bold' },
      { token: 'function', foreground: '6639ba' },
      { token: 'constant', foreground: 'b35900' },
      { token: 'operator.path', foreground: '57606a' },
      { token: 'operator.lambda', foreground: '57606a' },
      { token: 'string.invalid', foreground: 'cf222e' },
    ],
    colors: { 'editor.background': '#ffffff', 'editor.lineHighlightBackground': '#f4f6fa' },
  });
  monaco.editor.defineTheme('rw-dark', {
    base: 'vs-dark', inherit: true,
    rules: [
      { token: 'field', foreground: '79b8ff', fontStyle: 'bold' },
      { token: 'operator.eq', foreground: '8b949e' },
      { token: 'operator.logic', foreground: 'f778ba', fontStyle: 'bold' },
      { token: 'operator.not', foreground: 'f778ba', fontStyle: 'bold' },
      { token: 'operator.range', foreground: 'd2a8ff' },
      { token: 'operator.value', foreground: 'd2a8ff' },
      { token: 'operator.wildcard', foreground: 'd2a8ff' },
      { token: 'keyword', foreground: 'ffa657' },
      { token: 'number', foreground: '7ee787' },
      { token: 'number.date', foreground: '7ee787' },
      { token: 'string', foreground: 'ffa198' },
      { token: 'string.value', foreground: 'e6edf3' },
      { token: 'delimiter.paren', foreground: '8b949e' },
      { token: 'keyword.operator', foreground: 'f778ba', fontStyle: 'bold' },
      { token: 'function', foreground: 'd2a8ff' },
      { token: 'constant', foreground: 'ffa657' },
      { token: 'operator.path', foreground: '8b949e' },
      { token: 'operator.lambda', foreground: '8b949e' },
      { token: 'string.invalid', foreground: 'ff7b72' },
    ],
    colors: { 'editor.background': '#1e2126', 'editor.lineHighlightBackground': '#252930' },
  });
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
