// The theme the user picked in the title bar (system, light or dark), kept in localStorage (UI
// state, not user data). The effective theme goes on <html data-theme> for styles.css and to
// Monaco (dmqlLanguage.ts); "system" follows the OS as it changes.
export type ThemePref = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const KEY = 'rw.theme';
const listeners = new Set<() => void>();
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function themePref(): ThemePref {
  const v = localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export function effectiveTheme(): Theme {
  const p = themePref();
  if (p !== 'system') return p;
  return darkQuery().matches ? 'dark' : 'light';
}

function apply(): void {
  const t = effectiveTheme();
  document.documentElement.dataset.theme = t;
  document.documentElement.style.colorScheme = t;
  for (const l of listeners) l();
}

export function setThemePref(p: ThemePref): void {
  if (p === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, p);
  apply();
}

/** Calls `l` whenever the effective theme may have changed; returns the unsubscribe. */
export function onThemeChange(l: () => void): () => void {
  listeners.add(l);
  return () => { listeners.delete(l); };
}

/** Once at start: set the theme before the first paint and follow the OS while on "system". */
export function startTheme(): void {
  apply();
  darkQuery().addEventListener('change', () => { if (themePref() === 'system') apply(); });
}
