// Tabs whose Run waits for the user's answer about the errors in the query (run anyway / fix):
// a small store outside React, as Run comes from the button, the editor and the global key.
import { useSyncExternalStore } from 'react';

const pending = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function changed(): void { version += 1; for (const l of listeners) l(); }

export function askToConfirm(tabId: string): void { pending.add(tabId); changed(); }
export function clearConfirm(tabId: string): void { if (pending.delete(tabId)) changed(); }

export function useConfirmPending(tabId: string): boolean {
  useSyncExternalStore((l) => { listeners.add(l); return () => { listeners.delete(l); }; }, () => version);
  return pending.has(tabId);
}
