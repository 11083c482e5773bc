// Keyboard focus for a modal: it starts inside, and Tab / Shift+Tab go round its controls instead
// of walking into the page behind the overlay (which the mouse cannot reach either).
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
}

/** Moves focus into `root` unless a control there already has it (an autoFocus field): the first
 *  control of its body, else its first control. */
export function focusInto(root: HTMLElement | null, body: HTMLElement | null): void {
  if (!root || root.contains(document.activeElement)) return;
  (focusables(body ?? root)[0] ?? focusables(root)[0])?.focus();
}

/** onKeyDown for the modal: Tab past the last control comes back to the first, and the reverse. */
export function keepTabInside(e: ReactKeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Tab') return;
  const all = focusables(e.currentTarget);
  if (!all.length) return;
  const first = all[0]!;
  const last = all[all.length - 1]!;
  const at = document.activeElement;
  if (e.shiftKey && (at === first || !e.currentTarget.contains(at))) { e.preventDefault(); last.focus(); }
  else if (!e.shiftKey && (at === last || !e.currentTarget.contains(at))) { e.preventDefault(); first.focus(); }
}
