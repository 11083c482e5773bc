// Esc for whatever sits on top (a dialog, a popover, a full-size photo): a capture listener on
// window takes the key before the app's own shortcuts, so Esc closes the top thing and does not
// also cancel a running search.
import { useEffect } from 'react';
import { useLatest } from './useLatest';

/** While `onEscape` is given, Esc anywhere calls it (the key goes no further). */
export function useEscape(onEscape: ((e: KeyboardEvent) => void) | undefined): void {
  const latest = useLatest(onEscape);
  const active = onEscape !== undefined;
  useEffect(() => {
    if (!active) return undefined;
    const k = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      latest.current?.(e);
    };
    window.addEventListener('keydown', k, true);
    return () => window.removeEventListener('keydown', k, true);
  }, [active]);
}
