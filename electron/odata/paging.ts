// Server-driven paging: each page's bytes go through the streaming payload parser as they arrive
// (never a page as an object tree), its nextLink is followed exactly as given, and `top` is a total
// limit over all pages: a server that treats $top as the page size still stops after `top` rows.
import type { ODataOperation } from '../../shared/odata/errors';
import { createODataPayloadParser, type ODataPayloadEvent } from '../../shared/odata/payload';
import { protocolFailure, toODataError, wrongContent, type ODataErrorContext } from './errors';
import type { ODataTransport } from './transport';
import type { ODataQueryEvent } from './types';
import { resolveNextLink } from '../../shared/odata/urls';

export interface PagingOptions {
  operation: ODataOperation;
  serviceRoot: string;
  select?: readonly string[];
  top?: number;
  maxPageSize?: number;
  maxPageBytes: number;
  signal?: AbortSignal;
}

/** Bytes of a wrong (non-JSON) page read to name it. */
const WRONG_HEAD_CAP = 64 * 1024;

function firstNonBlank(chunk: Uint8Array): number {
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i]!;
    if (b !== 32 && b !== 10 && b !== 13 && b !== 9 && b !== 0xef && b !== 0xbb && b !== 0xbf) return b;
  }
  return -1;
}

export async function* readPages(transport: ODataTransport, firstUrl: string, o: PagingOptions): AsyncGenerator<ODataQueryEvent> {
  let url: string | undefined = firstUrl;
  let totalRows = 0;
  for (let n = 1; url !== undefined; n++) {
    const current: string = url;
    const res = yield* transport.exchange({ operation: o.operation, url, accept: 'application/json', maxPageSize: o.maxPageSize, cap: o.maxPageBytes, signal: o.signal });
    const ctx: ODataErrorContext = res.context;
    const parser = createODataPayloadParser({ select: o.select });
    let nextLink: string | undefined;
    let pageRows = 0;
    let stopped = false;
    let checked = false;
    const handle = function* (events: ODataPayloadEvent[]): Generator<ODataQueryEvent> {
      for (const e of events) {
        if (e.kind === 'nextLink') nextLink = e.url;
        else if (e.kind === 'rows') {
          let batch = e.batch;
          if (o.top !== undefined && totalRows + batch.length >= o.top) {
            batch = batch.head(o.top - totalRows);
            stopped = true;
          }
          totalRows += batch.length;
          pageRows += batch.length;
          if (batch.length > 0) yield { kind: 'rows', batch };
          if (stopped) return;
        } else if (e.kind === 'context' || e.kind === 'count' || e.kind === 'columns' || e.kind === 'warning') yield e;
      }
    };
    // One iterator, released in `finally` whatever ends the page (the limit, an error, a consumer
    // that stops iterating): the socket is freed, not drained.
    const chunks = res.body[Symbol.asyncIterator]();
    try {
      const head: Uint8Array[] = [];
      let headBytes = 0;
      for (let step = await chunks.next(); !step.done; step = await chunks.next()) {
        const chunk = step.value;
        if (!checked) {
          const b = firstNonBlank(chunk);
          if (b < 0) { head.push(chunk); continue; }
          checked = true;
          if (b !== 0x7b) {
            // Not a JSON object: read a little more to name what it is (an HTML page's title).
            head.push(chunk);
            headBytes += chunk.byteLength;
            for (let more = await chunks.next(); !more.done && headBytes < WRONG_HEAD_CAP; more = await chunks.next()) { head.push(more.value); headBytes += more.value.byteLength; }
            throw wrongContent(ctx, res.status, Buffer.concat(head), res.contentType, 'JSON');
          }
          for (const h of head) yield* handle(parser.push(h));
        }
        yield* handle(parser.push(chunk));
        if (stopped) break;
      }
      if (!stopped) {
        if (!checked) throw wrongContent(ctx, res.status, new Uint8Array(0), res.contentType, 'JSON');
        yield* handle(parser.end());
      }
    } catch (e) {
      throw toODataError(e, ctx, o.signal);
    } finally {
      await chunks.return?.();
    }
    const follow = stopped || (o.top !== undefined && totalRows >= o.top) ? undefined : nextLink;
    yield { kind: 'page', page: { n, rows: pageRows, totalRows, nextLink: follow } };
    if (follow === undefined) return;
    url = resolveNextLink(o.serviceRoot, follow);
    if (url === undefined) {
      throw protocolFailure(ctx, 'The server\'s next-page link leads to another host.', `@odata.nextLink was ${transport.redact(follow)}, outside the service root's host.`, 'The workbench does not send your access token to another host; report the link to the MLS.');
    }
    if (url === current) {
      throw protocolFailure(ctx, 'The server\'s next-page link repeats the page just read.', `@odata.nextLink ${transport.redact(follow)} names the page just read: paging would never end.`, 'Report it to the MLS; add a $orderby on the key, which helps some servers page stably.');
    }
  }
}
