// A collection request: $filter through the shared evaluator, $orderby, the $skip/$top window,
// server-driven paging (Prefer: odata.maxpagesize, $skiptoken nextLinks), then the page streamed
// as JSON row by row through the Demo's BodyWriter (backpressure, fault modes).
import type { ServerResponse } from 'node:http';
import { children, compileFilter, parseFilter, validateFilter, type Expr } from '../../../shared/odata/filter';
import type { BodyFaults } from '../bodyWriter';
import { BodyWriter } from '../bodyWriter';
import { DEFAULT_PAGE_SIZE, FILTER_CLAUSE_LIMIT, MAX_PAGE_SIZE, STRICT_FILTER_CLAUSE_LIMIT, type WebClient } from './accounts';
import type { JsonValue, WebTable } from './entities';
import { WebApiError } from './errors';
import { readQueryOptions, skiptokenOf, type QueryOptions } from './queryOptions';
import { rowJson, rowView } from './rows';
import type { WebService } from './service';

export interface CollectionRequest {
  service: WebService;
  table: WebTable;
  params: URLSearchParams;
  client: WebClient | undefined;
  /** The Prefer header. */
  prefer: string | undefined;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  now: Date;
}

/** Comparisons, `in`, `has`, function tests and lambdas in a filter: what a server's limit counts. */
export function clauseCount(e: Expr): number {
  let n = 0;
  const stack: Expr[] = [e];
  while (stack.length) {
    const x = stack.pop()!;
    if ((x.kind === 'binary' && !['add', 'sub', 'mul', 'div', 'divby', 'mod'].includes(x.op)) || x.kind === 'in' || x.kind === 'lambda') n++;
    stack.push(...children(x));
  }
  return n;
}

function matcher(req: CollectionRequest, filter: string): (row: number) => boolean {
  const schema = req.service.schemas.get(req.table.entitySet)!;
  const parsed = parseFilter(filter);
  const problems = validateFilter(filter, schema).filter((d) => d.severity === 'error');
  if (!parsed.ast || problems.length) {
    const first = problems[0];
    throw new WebApiError(400, first?.code === 'unknown-field' || first?.code === 'field-case' ? 'InvalidProperty' : 'InvalidFilter',
      `The $filter is invalid: ${first?.message ?? 'it cannot be read'}`, '$filter',
      problems.map((d) => ({ code: d.code, message: `${d.message} (at ${d.range.start}..${d.range.end})`, target: '$filter' })));
  }
  const limit = req.client?.failure === 'filter-limit' ? STRICT_FILTER_CLAUSE_LIMIT : FILTER_CLAUSE_LIMIT;
  const clauses = clauseCount(parsed.ast.expr);
  if (clauses > limit) {
    throw new WebApiError(413, 'FilterTooComplex', `The $filter has ${clauses} comparisons; this server accepts at most ${limit}. Split the query, or use in (...) for lists of values.`, '$filter');
  }
  const predicate = compileFilter(parsed.ast, { schema, now: () => req.now });
  const { view, at } = rowView(req.table, req.service.style);
  return (row) => { at(row); return predicate(view); };
}

function compare(a: JsonValue, b: JsonValue): number {
  // OData: null sorts before every value in ascending order.
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(req: CollectionRequest, o: QueryOptions, rows: number[]): number[] {
  if (o.orderby.length === 0) return rows;
  const keys = o.orderby.map((item) => {
    const get = item.prop.get;
    // Enum members sort by their value, which is the lookup's order.
    const index = req.service.style === 'enum' && item.prop.lookup ? new Map(item.prop.lookup.values.map((v, i) => [v.value, i])) : undefined;
    const values = new Map<number, JsonValue>();
    for (const r of rows) { const v = get(r); values.set(r, index && v !== null ? index.get(v as string) ?? -1 : v); }
    return { values, sign: item.desc ? -1 : 1 };
  });
  return rows.sort((x, y) => {
    for (const k of keys) { const c = compare(k.values.get(x)!, k.values.get(y)!); if (c) return c * k.sign; }
    return x - y;
  });
}

function pageSizeOf(prefer: string | undefined): { size: number; applied?: string } {
  const m = /(?:^|[,;\s])odata\.maxpagesize\s*=\s*"?(\d{1,9})"?/i.exec(prefer ?? '');
  if (!m) return { size: DEFAULT_PAGE_SIZE };
  const size = Math.max(1, Math.min(Number(m[1]), MAX_PAGE_SIZE));
  return { size, applied: `odata.maxpagesize=${size}` };
}

const enc = (v: string) => encodeURIComponent(v).replace(/%24/g, '$').replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');

export interface PagePlan {
  rows: number[];
  from: number;
  to: number;
  total: number;
  nextLink?: string;
  applied?: string;
  options: QueryOptions;
}

const KEPT_RESULTS = 4;

/** The matching rows in order. A first page computes them; its nextLinks reuse them, so a paging run sees one snapshot (now() included). */
function matchingRows(req: CollectionRequest, o: QueryOptions): number[] {
  const key = `${req.table.entitySet}?${o.filter ?? ''}&${o.orderby.map((x) => `${x.prop.name} ${x.desc ? 'desc' : 'asc'}`).join(',')}&${req.client?.failure === 'filter-limit' ? 'strict' : ''}`;
  const cache = req.service.results;
  const kept = cache.get(key);
  if (kept && o.skiptoken > 0) return kept;
  const match = o.filter !== undefined ? matcher(req, o.filter) : undefined;
  const rows: number[] = [];
  for (let r = 0; r < req.table.count; r++) if (!match || match(r)) rows.push(r);
  const result = ordered(req, o, rows);
  cache.delete(key);
  if (cache.size >= KEPT_RESULTS) cache.delete(cache.keys().next().value as string);
  cache.set(key, result);
  return result;
}

export function planPage(req: CollectionRequest): PagePlan {
  const o = readQueryOptions(req.params, req.table);
  const rows = matchingRows(req, o);
  const total = rows.length;
  const page = pageSizeOf(req.prefer);
  let size = page.size;
  let end = o.top !== undefined ? Math.min(total, o.skip + o.top) : total;
  // ($top=0 still means no rows: a page size of 0 would send clients round a nextLink loop.)
  if (req.client?.failure === 'top-as-page-size' && o.top) { size = Math.min(o.top, size); end = total; }
  const from = Math.min(total, o.skip + o.skiptoken);
  const to = Math.min(end, from + size);
  const plan: PagePlan = { rows, from, to, total, options: o, ...(page.applied ? { applied: page.applied } : {}) };
  if (to < end) {
    const query = [...o.passThrough.map(([k, v]) => `${k}=${enc(v)}`), `$skiptoken=${skiptokenOf(to - o.skip)}`].join('&');
    plan.nextLink = `${req.baseUrl}${req.service.path}/${req.table.entitySet}?${query}`;
  }
  return plan;
}

export function contextUrl(req: CollectionRequest, o: QueryOptions): string {
  const select = o.select ? `(${[...o.select.map((p) => p.name), ...(o.expandMedia ? ['Media()'] : [])].join(',')})` : '';
  return `${req.baseUrl}${req.service.path}/$metadata#${req.table.entitySet}${select}`;
}

export async function sendCollection(req: CollectionRequest, res: ServerResponse, headers: Record<string, string>, faults: BodyFaults): Promise<void> {
  const plan = planPage(req);
  const o = plan.options;
  const props = o.select ?? req.table.props;
  const json = rowJson(req.table, props, req.service.style, o.expandMedia);
  res.writeHead(200, { ...headers, 'Content-Type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8', ...(plan.applied ? { 'Preference-Applied': plan.applied } : {}) });
  const w = new BodyWriter(res, faults);
  let head = `{"@odata.context":${JSON.stringify(contextUrl(req, o))}`;
  if (o.count) head += `,"@odata.count":${req.client?.failure === 'string-count' ? `"${plan.total}"` : plan.total}`;
  await w.write(`${head},"value":[`);
  for (let k = plan.from; k < plan.to; k++) await w.write((k > plan.from ? ',' : '') + json(plan.rows[k]));
  await w.write(plan.nextLink ? `],"@odata.nextLink":${JSON.stringify(plan.nextLink)}}` : ']}');
  await w.end();
}
