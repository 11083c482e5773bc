// Whether the metadata diff is open, and with which sides: opened from the command palette (no
// sides) or from a change notice (one profile's previous and new version).
import { useSyncExternalStore } from 'react';

export type SideChoice =
  | { kind: 'profile'; profileId: string; version?: string }
  | { kind: 'file'; handle: string; name: string };

export interface DiffOpen { a?: SideChoice; b?: SideChoice; compareNow?: boolean }

let current: DiffOpen | null = null;
const listeners = new Set<() => void>();
const notify = () => { for (const l of listeners) l(); };

export function openMetadataDiff(open: DiffOpen = {}): void { current = open; notify(); }
export function closeMetadataDiff(): void { current = null; notify(); }

export function useMetadataDiffOpen(): DiffOpen | null {
  return useSyncExternalStore((l) => { listeners.add(l); return () => { listeners.delete(l); }; }, () => current);
}
