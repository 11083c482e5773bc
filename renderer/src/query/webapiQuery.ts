// A query tab as the search it sends, the snippet it saves and the history entry it came from, for
// both protocols: a Web API tab carries its protocol and the whole query ($filter, $select,
// $orderby, $expand, $top, $count, $skip), and comes back from a snippet or a history entry the
// same. The URL shown above the editor is built by the host's own builder (shared/odata/urls.ts).
import type { z } from 'zod';
import type { ODataQueryFields, Protocol, SearchOptions } from '../../../shared/contract';
import { searchUrl } from '../../../shared/odata/urls';
import { redactUrl } from '../../../shared/redact';
import { DEFAULT_WEBAPI_OPTIONS, TAB_DEFAULTS, tabOptions, type OrderItem, type QueryTab, type WebApiOptions } from '../state/tabs';

type ODataFields = z.infer<typeof ODataQueryFields>;

/** What a search, a snippet and a history entry share (the contract's SearchQuery and options). */
export interface SavedQuery {
  protocol?: Protocol;
  resource: string;
  class: string;
  query: string;
  select: string[];
  odata?: ODataFields;
  options: Partial<SearchOptions>;
}

/** Splits at commas outside parentheses and quotes (`Media($select=a,b),Rooms`). */
export function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && c === ',') { out.push(text.slice(start, i)); start = i + 1; }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

export function orderbyText(items: readonly OrderItem[]): string {
  return items.filter((o) => o.field).map((o) => (o.desc ? `${o.field} desc` : o.field)).join(',');
}

export function parseOrderby(text: string | undefined): OrderItem[] {
  return splitTopLevel(text ?? '').map((item) => {
    const [field, dir] = item.split(/\s+/);
    return { field: field!, desc: (dir ?? '').toLowerCase() === 'desc' };
  });
}

/** The tab's $orderby, $expand, $count and $skip as the contract carries them. */
export function odataFieldsOf(o: WebApiOptions = DEFAULT_WEBAPI_OPTIONS): ODataFields {
  const orderby = orderbyText(o.orderby);
  return {
    ...(orderby ? { orderby } : {}),
    ...(o.expand.length ? { expand: o.expand.join(',') } : {}),
    count: o.count,
    ...(o.skip > 0 ? { skip: o.skip } : {}),
  };
}

/** The tab as one search: RETS as it always was (the caller maps StandardNames), a Web API tab
 *  with its protocol, entity set and OData options ($top is the limit; RETS count and format unused). */
export function savedQueryOf(tab: QueryTab): SavedQuery {
  if (tab.protocol === 'webapi') {
    return {
      protocol: 'webapi', resource: tab.resource, class: tab.resource, query: tab.query, select: tab.select,
      odata: odataFieldsOf(tab.odata), options: { limit: tab.limit, count: 0 },
    };
  }
  return {
    resource: tab.resource, class: tab.cls, query: tab.query, select: tab.select,
    options: { limit: tab.limit, count: tab.count, format: tab.format, ...(tab.offset ? { offset: tab.offset } : {}), ...(tab.standardNames ? { standardNames: true } : {}) },
  };
}

/** The tab a snippet or history entry opens: the protocol and the whole query restored. */
export function tabFromSaved(s: SavedQuery): Partial<QueryTab> {
  const o = s.options;
  const common = { resource: s.resource, query: s.query, select: s.select, limit: o.limit ?? TAB_DEFAULTS.limit };
  if (s.protocol === 'webapi') {
    const d = s.odata ?? {};
    return {
      ...common, protocol: 'webapi', cls: s.resource,
      odata: { orderby: parseOrderby(d.orderby), expand: splitTopLevel(d.expand ?? ''), count: d.count ?? false, skip: d.skip ?? 0 },
    };
  }
  return { ...common, protocol: 'rets', cls: s.class, ...tabOptions(o) };
}

/** The exact URL a Web API tab's search asks first (secret-named parameters of the root removed). */
export function shownUrl(serviceRoot: string, tab: QueryTab): string {
  const q = savedQueryOf(tab);
  return redactUrl(searchUrl(serviceRoot, q.resource, { query: q.query, select: q.select, limit: q.options.limit, count: q.options.count, ...(q.odata ? { odata: q.odata } : {}) }));
}
