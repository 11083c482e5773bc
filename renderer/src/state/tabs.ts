// Query tabs: each has its own resource/class, query, Select and options. They survive a
// restart (localStorage); results do not (they live in a SearchRun per tab).
import { useCallback, useEffect, useState } from 'react';
import type { ODataQueryFields, Protocol, SearchFormat } from '../../../shared/contract';
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
  /** Web API tabs: the protocol, and the options beyond $filter/$select/$top ($orderby, $expand, $count). */
  protocol?: Protocol;
  odata?: z.infer<typeof ODataQueryFields>;
  /** The user chose "run anyway" for queries with errors in this tab, and not to be asked again. */
  runWithErrors?: boolean;
}

const KEY = 'rw.tabs.v1';
let seq = 0;

export function newTab(partial: Partial<QueryTab> = {}): QueryTab {
  seq += 1;
  return {
    id: `t${Date.now().toString(36)}${seq}`, title: '', resource: '', cls: '', query: '', select: [],
    limit: 100, count: 1, format: 'COMPACT', ...partial,
  };
}

function load(): { tabs: QueryTab[]; active: string } {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) {
      const v = JSON.parse(raw) as { tabs: QueryTab[]; active: string };
      if (Array.isArray(v.tabs) && v.tabs.length) return v;
    }
  } catch { /* a broken store starts fresh */ }
  const t = newTab();
  return { tabs: [t], active: t.id };
}

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
  const close = useCallback((id: string) => {
    setState((s) => {
      const i = s.tabs.findIndex((t) => t.id === id);
      const tabs = s.tabs.filter((t) => t.id !== id);
      if (!tabs.length) { const t = newTab(); return { tabs: [t], active: t.id }; }
      return { tabs, active: s.active === id ? tabs[Math.max(0, i - 1)].id : s.active };
    });
  }, []);
  const activate = useCallback((id: string) => setState((s) => ({ ...s, active: id })), []);
  const active = state.tabs.find((t) => t.id === state.active) ?? state.tabs[0];
  return { tabs: state.tabs, active, update, add, close, activate };
}
