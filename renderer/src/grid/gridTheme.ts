// The colours and font the DOM rows take from the theme's CSS variables, read once per theme so
// the fast-scroll canvas draws light and dark alike. A theme change (the title bar's pick, or the
// OS while on "system": shell/theme.ts) is the only thing that invalidates them.
import { useEffect, useRef } from 'react';
import { onThemeChange } from '../shell/theme';

export interface GridTheme {
  /** What shows behind rows without a stripe: the first opaque background up the tree. */
  bg: string;
  /** Font family list of the cells (--mono). */
  mono: string;
  text: string;
  muted: string;
  /** Row and cell borders (--panel-2). */
  line: string;
  rowAlt: string;
  sel: string;
}

/** The background colour that shows through `el`: its own or the nearest ancestor's that is set. */
function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c)) return c;
  }
  return getComputedStyle(el).getPropertyValue('--panel').trim() || '#fff';
}

export function readGridTheme(el: Element): GridTheme {
  const s = getComputedStyle(el);
  const v = (name: string) => s.getPropertyValue(name).trim();
  return { bg: backgroundOf(el), mono: v('--mono'), text: s.color, muted: v('--muted'), line: v('--panel-2'), rowAlt: v('--row-alt'), sel: v('--sel') };
}

/** The theme of `el`, read when first asked for and again after the theme changes. */
export function useGridTheme(): (el: Element) => GridTheme {
  const theme = useRef<GridTheme | null>(null);
  useEffect(() => {
    return onThemeChange(() => { theme.current = null; });
  }, []);
  return (el) => (theme.current ??= readGridTheme(el));
}
