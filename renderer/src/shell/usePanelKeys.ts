// A panel laid over the centre (the doctor, the mapping) is not modal, but Esc closes it like a
// dialog while focus is inside it. The key is taken where it lands, so Esc in a panel does not
// also reach the app's keys (cancelling a running search), and Esc elsewhere leaves the panel open.
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useLatest } from './useLatest';

/** Props for the panel's root: focus moves in when it opens and back to where it was when it
 *  closes; Esc inside it calls `onClose`. */
export function usePanelKeys(onClose: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useLatest(onClose);
  useEffect(() => {
    const panel = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (panel && !panel.contains(document.activeElement)) panel.focus();
    return () => {
      const at = document.activeElement;
      const lost = !at || at === document.body || !!panel?.contains(at);
      if (lost && before?.isConnected && before !== document.body) before.focus();
    };
  }, []);
  const onKeyDown = (e: ReactKeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.stopPropagation();
    close.current();
  };
  return { ref, tabIndex: -1, onKeyDown };
}
