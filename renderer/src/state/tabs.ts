// Query tabs: each has its own resource/class, query, Select and options. They survive a
// restart (localStorage); results do not (they live in a SearchRun per tab).
import { useCallback, useEffect, useState } from 'react';
import { SearchOptions, type SearchFormat } from '../../../shared/contract';
import type { z } from 'zod';

export interface QueryTab {
  id: string;
  title: string;
  resource: string;
  cls: string;
  query: string;
  select: string[];
  limit: number | 'NONE';
  offset?: number;
  count: 0 | 1 | 2;
  format: z.infer<typeof SearchFormat>;
  /** Ask with StandardNames=1: the query and Select use standard names. */
  standardNames?: boolean;
  /** The Limit / Offset box's text while it does not parse (limit and offset keep the last good value). */
  limitText?: string;
  offsetText?: string;
  /** The user chose "run anyway" for queries with errors in this tab, and not to be asked again. */
  runWithErrors?: boolean;
}

const KEY = 'rw.tabs.v1';
const contractDefaults = SearchOptions.parse({});
/**
 * A new tab's search options: the contract's defaults, but raw codes (COMPACT), because the grid
 * decodes lookups itself and Raw/Decoded is then a flip rather than another search.
 */
export const TAB_DEFAULTS = { limit: contractDefaults.limit, count: contractDefaults.count, format: 'COMPACT' } as const satisfies Partial<QueryTab>;

type TabOptions = Pick<QueryTab, 'limit' | 'count' | 'format' | 'offset' | 'standardNames'>;

/** A tab's options from saved ones (a snippet, a history entry): each kept, the defaults where missing. */
export function tabOptions(o: Partial<z.output<typeof SearchOptions>>): TabOptions {
  return {
    limit: o.limit ?? TAB_DEFAULTS.limit, count: o.count ?? TAB_DEFAULTS.count, format: o.format ?? TAB_DEFAULTS.format,
    ...(o.offset ? { offset: o.offset } : {}), ...(o.standardNames ? { standardNames: true } : {}),
  };
}
let seq = 0;

export function newTab(partial: Partial<QueryTab> = {}): QueryTab {
  seq += 1;
  return {
    id: `t${Date.now().toString(36)}${seq}`, title: '', resource: '', cls: '', query: '', select: [],
    ...TAB_DEFAULTS, ...partial,
  };
}

export interface TabsState { tabs: QueryTab[]; active: string }

/** The tabs kept in the store, or one fresh tab when there are none or the store is broken. */
export function readTabs(raw: string | null): TabsState {
  try {
    if (raw) {
      const v = JSON.parse(raw) as TabsState;
      if (Array.isArray(v.tabs) && v.tabs.length) return v;
    }
  } catch { /* a broken store starts fresh */ }
  const t = newTab();
  return { tabs: [t], active: t.id };
}

/** Closing a tab activates its left neighbour (if it was active); closing the last leaves a fresh one. */
export function closeTab(s: TabsState, id: string): TabsState {
  const i = s.tabs.findIndex((t) => t.id === id);
  const tabs = s.tabs.filter((t) => t.id !== id);
  if (!tabs.length) { const t = newTab(); return { tabs: [t], active: t.id }; }
  return { tabs, active: s.active === id ? tabs[Math.max(0, i - 1)].id : s.active };
}

const load = (): TabsState => readTabs(localStorage.getItem(KEY));

export function tabTitle(t: QueryTab): string {
  return t.title || (t.cls ? `${t.resource} ${t.cls}` : 'New query');
}

export function useTabs() {
  const [state, setState] = useState(load);
  useEffect(() => { localStorage.setItem(KEY, JSON.stringify(state)); }, [state]);
  const update = useCallback((id: string, patch: Partial<QueryTab>) => {
    setState((s) => ({ ...s, tabs: s.tabs.map((t) => (t.id === id ? { ...t, ...patch } : t)) }));
  }, []);
  const add = useCallback((partial?: Partial<QueryTab>) => {
    const t = newTab(partial);
    setState((s) => ({ tabs: [...s.tabs, t], active: t.id }));
    return t;
  }, []);
  const close = useCallback((id: string) => setState((s) => closeTab(s, id)), []);
  const activate = useCallback((id: string) => setState((s) => ({ ...s, active: id })), []);
  const active = state.tabs.find((t) => t.id === state.active) ?? state.tabs[0];
  return { tabs: state.tabs, active, update, add, close, activate };
}
