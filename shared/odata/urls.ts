// Web API URLs: the service root kept exactly as given (versioned paths, dataset segments), query
// options encoded value by value, and nextLinks followed exactly as the server sent them. Pure:
// the host builds the requests it sends with these, and the renderer shows the same URL.

/** The query options a request carries ($filter, $select, $orderby, $top, $skip, $count, $expand). */
export interface ODataQueryOptions {
  filter?: string;
  select?: readonly string[];
  /** e.g. `ModificationTimestamp,ListingKey` or `ListPrice desc`. */
  orderby?: string;
  /** A total limit over every page, whatever the server does with $top. */
  top?: number;
  skip?: number;
  count?: boolean;
  /** e.g. `Media`. */
  expand?: string;
}

/** A protocol-neutral search (the contract's SearchQuery and options) as far as the URL needs it. */
export interface SearchUrlParams {
  query: string;
  select?: readonly string[];
  limit?: number | 'NONE';
  /** RETS-style 1-based offset; `odata.skip` wins. */
  offset?: number;
  /** 0 = no count, 1 = count and rows, 2 = count only; `odata.count` wins. */
  count?: 0 | 1 | 2;
  odata?: { orderby?: string; expand?: string; count?: boolean; skip?: number };
}

/** The search as OData query options: $filter, $select, $orderby, $top, $skip, $count, $expand. */
export function searchQueryOptions(params: SearchUrlParams): ODataQueryOptions {
  const o = params.odata ?? {};
  const filter = params.query.trim();
  const skip = o.skip ?? (params.offset !== undefined && params.offset > 1 ? params.offset - 1 : undefined);
  const count = o.count ?? (params.count !== undefined && params.count > 0);
  // RETS count=2 (count only): no rows, just the count.
  const top = params.count === 2 ? 0 : typeof params.limit === 'number' ? params.limit : undefined;
  return {
    ...(filter ? { filter } : {}),
    ...(params.select?.length ? { select: params.select } : {}),
    ...(o.orderby?.trim() ? { orderby: o.orderby.trim() } : {}),
    ...(top !== undefined ? { top } : {}),
    ...(skip ? { skip } : {}),
    ...(count ? { count: true } : {}),
    ...(o.expand?.trim() ? { expand: o.expand.trim() } : {}),
  };
}

/** The root with one trailing slash, so relative references resolve beneath it. */
export function rootWithSlash(serviceRoot: string): string {
  const q = serviceRoot.search(/[?#]/);
  const path = q < 0 ? serviceRoot : serviceRoot.slice(0, q);
  return path.endsWith('/') ? path : `${path}/`;
}

/** Query options the service root itself carries (Bridge's `?access_token=`), kept on every request to it. */
function rootQuery(serviceRoot: string): string {
  const q = serviceRoot.indexOf('?');
  return q < 0 ? '' : serviceRoot.slice(q + 1).split('#')[0]!;
}

/** `<root>/<path>` with the root's own query options kept. */
export function underRoot(serviceRoot: string, path: string, options: [string, string][] = []): string {
  const parts = [rootQuery(serviceRoot), ...options.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)].filter(Boolean);
  return `${rootWithSlash(serviceRoot)}${path}${parts.length ? `?${parts.join('&')}` : ''}`;
}

/** A string literal for $filter: single quotes doubled. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function queryUrl(serviceRoot: string, entitySet: string, o: ODataQueryOptions): string {
  const opts: [string, string][] = [];
  if (o.filter) opts.push(['$filter', o.filter]);
  if (o.select?.length) opts.push(['$select', o.select.join(',')]);
  if (o.orderby) opts.push(['$orderby', o.orderby]);
  if (o.top !== undefined) opts.push(['$top', String(o.top)]);
  if (o.skip) opts.push(['$skip', String(o.skip)]);
  if (o.count) opts.push(['$count', 'true']);
  if (o.expand) opts.push(['$expand', o.expand]);
  return underRoot(serviceRoot, encodeURIComponent(entitySet), opts);
}

/**
 * The URL a nextLink names: an absolute one byte for byte; a relative one (`Property?$skip=10`,
 * `/v2/odata/Property?$skiptoken=x`) resolved against the service root. Undefined when it leaves the
 * root's origin (the access token must not travel to another host).
 */
export function resolveNextLink(serviceRoot: string, link: string): string | undefined {
  const root = new URL(rootWithSlash(serviceRoot));
  let target: URL;
  try { target = new URL(link, root); } catch { return undefined; }
  if (target.origin !== root.origin) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(link) ? link : target.href;
}

/** The exact URL a search's first request goes to (the host sends this one; the editor shows it). */
export function searchUrl(serviceRoot: string, entitySet: string, params: SearchUrlParams): string {
  return queryUrl(serviceRoot, entitySet, searchQueryOptions(params));
}
