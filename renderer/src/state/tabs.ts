// Query tabs: each has its own protocol, resource/class, query, Select and options. They survive a
// restart (localStorage); results do not (they live in a SearchRun per tab). A Web API tab's
// resource and class are both the entity set, its query is the $filter, and `odata` holds the
// query bar's other options ($orderby, $expand, $count, $skip; $top is the limit).
import { useCallback, useEffect, useState } from 'react';
import { SearchOptions, type Protocol, type SearchFormat } from '../../../shared/contract';
import type { z } from 'zod';

/** One $orderby item: a property path and its direction. */
export interface OrderItem { field: string; desc: boolean }

/** A Web API tab's query options beyond $filter, $select and $top. */
export interface WebApiOptions {
  orderby: OrderItem[];
  /** Navigation properties to expand (e.g. Media). */
  expand: string[];
  /** Ask for @odata.count. */
  count: boolean;
  /** Rows to skip ($skip); 0 = none. */
  skip: number;
}

export const DEFAULT_WEBAPI_OPTIONS: WebApiOptions = { orderby: [], expand: [], count: true, skip: 0 };

export interface QueryTab {
  id: string;
  /** Which protocol the tab speaks; tabs written before Web API profiles have none: RETS. */
  protocol?: Protocol;
  /** Web API tabs: $orderby, $expand, $count, $skip. */
  odata?: WebApiOptions;
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
  /** The other protocol's query, kept while the tab speaks this one: a DMQL2 query is no $filter,
   *  so switching connections swaps the two rather than marking one in the other's language. */
  otherQuery?: string;
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
  if (t.title) return t.title;
  if (t.protocol === 'webapi') return t.resource || 'New query';
  return t.cls ? `${t.resource} ${t.cls}` : 'New query';
}

/** The patch that makes a tab speak the profile's protocol: a Web API tab's class is its entity
 *  set (the first one the metadata lists when the tab's resource is not one); a RETS tab coming
 *  back from the Web API picks its class again. Undefined when the tab already fits. */
export function protocolPatch(tab: QueryTab, protocol: Protocol, entitySets: readonly string[]): Partial<QueryTab> | undefined {
  const swap = { query: tab.otherQuery ?? '', otherQuery: tab.query };
  if (protocol === 'rets') return tab.protocol === 'webapi' ? { protocol: 'rets', cls: '', select: [], odata: undefined, ...swap } : undefined;
  const known = entitySets.find((e) => e === tab.resource) ?? entitySets.find((e) => e.toLowerCase() === tab.resource.toLowerCase());
  const es = known ?? (entitySets.includes('Property') ? 'Property' : entitySets[0]) ?? '';
  if (tab.protocol === 'webapi' && tab.resource === es && tab.cls === es && tab.odata) return undefined;
  return {
    protocol: 'webapi', resource: es, cls: es, ...(es !== tab.resource ? { select: [] } : {}), odata: tab.odata ?? { ...DEFAULT_WEBAPI_OPTIONS },
    ...(tab.protocol !== 'webapi' ? swap : {}),
  };
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
