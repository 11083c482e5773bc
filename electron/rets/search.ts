// Search: one request streamed through the search parser, and the auto-pager (searchAll) that
// follows <MAXROWS/> with Offset. Events are yielded as the body arrives; the body is pulled with
// for-await, so a consumer that awaits each event slows the socket (backpressure, no queue).
import { createSearchParser } from '../../shared/rets/search/index';
import type { RowBatch, SearchEvent, SearchParser } from '../../shared/rets/search/types';
import { isEmptyResultCode } from '../../shared/rets/replyCodes';
import { RetsError, isRetsError } from '../../shared/rets/errors';
import type { SessionCore } from './core';
import { htmlInsteadOfXml, isHtmlBody, transportError, parseError, protocolError, replyError, type ErrorContext } from './errors';
import { redactUrl } from '../../shared/redact';
import type { PageInfo, SearchParams } from './types';

/** The RETS arguments of a search. */
export function searchArgs(p: SearchParams): Record<string, string | undefined> {
  return {
    SearchType: p.resource,
    Class: p.class,
    Query: p.query,
    QueryType: p.queryType ?? 'DMQL2',
    Format: p.format ?? 'COMPACT-DECODED',
    Count: p.count === undefined ? undefined : String(p.count),
    Select: p.select === undefined ? undefined : Array.isArray(p.select) ? p.select.join(',') : p.select,
    Limit: p.limit === undefined ? undefined : String(p.limit),
    Offset: p.offset === undefined ? undefined : String(p.offset),
    StandardNames: p.standardNames === undefined ? undefined : p.standardNames ? '1' : '0',
    RestrictedIndicator: p.restrictedIndicator,
  };
}

/** A signal that the stream must restart after a re-login (thrown inside, caught by streamSearch). */
class Relogin {
  constructor(readonly error: unknown) {}
}

export async function* streamSearch(core: SessionCore, params: SearchParams, signal?: AbortSignal): AsyncGenerator<SearchEvent> {
  for (let attempt = 0; ; attempt++) {
    try {
      yield* searchOnce(core, params, attempt, signal);
      return;
    } catch (e) {
      const error = e instanceof Relogin ? e.error : e;
      if (!core.shouldRelogin(error, attempt)) throw error;
      await core.relogin(signal);
    }
  }
}

async function* searchOnce(core: SessionCore, params: SearchParams, attempt: number, signal?: AbortSignal): AsyncGenerator<SearchEvent> {
  const url = core.capabilityUrl('Search', 'Search');
  const res = await core.open({ transaction: 'Search', url, params: searchArgs(params), signal });
  const ctx = res.context;
  // Sniff the format: some servers answer STANDARD-XML whatever Format asked for.
  const parser = createSearchParser('auto');
  let sawStatus = false;
  let first = true;
  let yieldedData = false;
  const handle = function* (events: SearchEvent[]): Generator<SearchEvent> {
    for (const ev of events) {
      if (signal?.aborted) throw transportError(signal.reason, ctx, signal);
      if (ev.kind === 'status') {
        if (ev.where === 'RETS') sawStatus = true;
        checkStatus(ctx, ev, core, attempt, yieldedData);
      } else if (ev.kind === 'rows' || ev.kind === 'columns') {
        yieldedData = true;
      }
      yield ev;
    }
  };
  for await (const chunk of res.body) {
    if (first) {
      first = false;
      const head = new TextDecoder().decode(chunk.subarray(0, 512));
      if (isHtmlBody(res.contentType, head)) throw htmlInsteadOfXml(ctx, head + new TextDecoder().decode(chunk.subarray(512, 4096)), res.status);
    }
    yield* handle(pushSafe(parser, chunk, ctx));
  }
  yield* handle(endSafe(parser, ctx));
  if (!sawStatus) throw parseError(ctx, 'The body held no <RETS> reply (empty or not RETS XML).');
}

function checkStatus(ctx: ErrorContext, ev: Extract<SearchEvent, { kind: 'status' }>, core: SessionCore, attempt: number, yieldedData: boolean): void {
  if (ev.replyCode === 0 || isEmptyResultCode(ev.replyCode)) return;
  // A RETS-STATUS after data (e.g. 20208 after MAXROWS) is a note on a good result, not a failure.
  if (ev.where === 'RETS-STATUS' && yieldedData) return;
  const error = replyError(ctx, ev.replyCode, ev.replyText);
  if (!yieldedData && core.shouldRelogin(error, attempt)) throw new Relogin(error);
  throw error;
}

function pushSafe(parser: SearchParser, chunk: Uint8Array, ctx: ErrorContext): SearchEvent[] {
  try { return parser.push(chunk); } catch (e) { throw parserFailure(e, ctx, 'The search response is malformed'); }
}

function endSafe(parser: SearchParser, ctx: ErrorContext): SearchEvent[] {
  try { return parser.end(); } catch (e) { throw parserFailure(e, ctx, 'The search response ended badly'); }
}

/** The parser's own RetsError gets this request's transaction and URL; anything else becomes a parse error. */
function parserFailure(e: unknown, ctx: ErrorContext, what: string): RetsError {
  if (isRetsError(e)) return new RetsError({ ...e.info, transaction: ctx.transaction, url: ctx.url }, { cause: e });
  return parseError(ctx, `${what}: ${(e as Error).message}`, e);
}

/** First rows of a page, to recognise a server that returns the same page whatever the Offset. */
function fingerprint(batch: RowBatch): string {
  const n = Math.min(batch.length, 10);
  const rows: string[] = [];
  for (let i = 0; i < n; i++) rows.push(batch.row(i).join('\u0001'));
  return rows.join('\u0002');
}

export interface SearchAllOptions {
  onPage?: (page: PageInfo) => void;
}

/**
 * Follow <MAXROWS/> with Offset until the server has sent everything (or `limit` rows). Yields the
 * columns and count once, rows of every page, and a final maxrows event only if rows remain.
 * 20201 is an empty result. A page that repeats the previous one stops with a protocol error.
 */
export async function* searchAllPages(core: SessionCore, params: SearchParams, options: SearchAllOptions = {}, signal?: AbortSignal): AsyncGenerator<SearchEvent> {
  const limit = typeof params.limit === 'number' ? params.limit : Infinity;
  let offset = params.offset ?? 1;
  let totalRows = 0;
  let count: number | undefined;
  let previous: string | undefined;
  for (let page = 1; ; page++) {
    const pageParams: SearchParams = { ...params, offset, limit: Number.isFinite(limit) ? limit - totalRows : params.limit };
    let rows = 0;
    let maxrows = false;
    let print: string | undefined;
    for await (const ev of streamSearch(core, pageParams, signal)) {
      if (ev.kind === 'rows') {
        if (print === undefined) {
          print = fingerprint(ev.batch);
          if (page > 1 && print === previous) throw sameOffsetError(core, offset);
        }
        rows += ev.batch.length;
        yield ev;
      } else if (ev.kind === 'maxrows') {
        maxrows = true;
      } else if (ev.kind === 'columns' || ev.kind === 'count') {
        if (page === 1) yield ev;
        if (ev.kind === 'count') count ??= ev.count;
      } else if (ev.kind === 'status') {
        if (page === 1 || ev.replyCode !== 0) yield ev;
      } else {
        yield ev;
      }
    }
    totalRows += rows;
    options.onPage?.({ page, offset, rows, totalRows, maxrows });
    const reachedCount = count !== undefined && totalRows >= count;
    if (!maxrows || rows === 0 || totalRows >= limit || reachedCount || params.count === 2) {
      if (maxrows && rows === 0) yield { kind: 'warning', message: `The server said more rows match (MAXROWS) but sent none at Offset ${offset}; paging stopped.` };
      else if (maxrows && !reachedCount && totalRows >= limit) yield { kind: 'maxrows' };
      return;
    }
    previous = print;
    offset += rows;
  }
}

function sameOffsetError(core: SessionCore, offset: number) {
  return protocolError(
    { transaction: 'Search', url: safeUrl(core) },
    'The server ignores Offset: it sent the same page again, so paging stopped.',
    `The page requested at Offset=${offset} repeats the previous page. This server does not support Offset paging.`,
    'Narrow the query (for example by a date or price range) so each search fits in one page, or page by a key field.',
  );
}

function safeUrl(core: SessionCore): string | undefined {
  try {
    const url = core.capabilityUrl('Search', 'Search');
    return redactUrl(url, core.transport.secrets(url));
  } catch {
    return undefined;
  }
}
