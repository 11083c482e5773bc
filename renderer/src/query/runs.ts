// One SearchRun per query tab, kept outside React so results survive tab switches.
import { useSyncExternalStore } from 'react';
import { host } from '../host/client';
import { SearchRun, type RunState } from '../host/searchRun';

const runs = new Map<string, SearchRun>();

export function runFor(tabId: string): SearchRun {
  let r = runs.get(tabId);
  if (!r) { r = new SearchRun(host); runs.set(tabId, r); }
  return r;
}

/** Drops a tab's results (cancelling a search still running): the tab now speaks another protocol
 *  to another server, and rows or an error from the last one would be read as this one's. */
export function forgetRun(tabId: string): void {
  const r = runs.get(tabId);
  if (!r) return;
  runs.delete(tabId);
  void r.cancel();
}

export function useRun(tabId: string): RunState {
  const r = runFor(tabId);
  return useSyncExternalStore(r.subscribe, r.getSnapshot);
}
