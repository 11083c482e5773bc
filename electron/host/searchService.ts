// Streaming searches for the renderer: rows go out in batches as they arrive (one string each,
// rowsWire.ts), with count, maxrows and throttled progress, and end with exactly one done or error
// event. Each run lands in the history once its first rows arrived or it ended (never before the
// request went out: a search that could not start is still one the user ran).
import type { z } from 'zod';
import type { SearchStartRequest, HostEvent } from '../../shared/contract';
import { isEmptyResultCode } from '../../shared/rets/replyCodes';
import type { EventBus } from './events';
import type { HistoryEntry } from '../../shared/contract';
import type { HistoryStore } from './history';
import { toErrorInfo } from './hostError';
import { rate, type Outcome, type OperationRunner, type RunningOperation } from './operations';
import type { SessionPool } from './sessions';
import { toPiece } from './rowsWire';
import { RowsOutbox } from './rowsOutbox';

type Req = z.output<typeof SearchStartRequest>;

/** Rows per event: big enough to be cheap, small enough for the first rows to paint at once. */
const ROWS_PER_EVENT = 1000;
/** Rows wait at most this long to be sent with the ones after them. */
const GATHER_MS = 50;

export class SearchService {
  constructor(
    private readonly pool: SessionPool,
    private readonly ops: OperationRunner,
    private readonly bus: EventBus,
    private readonly history: HistoryStore,
  ) {}

  start(req: Req): { operationId: string } {
    return this.ops.start('search', req.operationId, (op) => this.run(op, req));
  }

  cancel(operationId: string): boolean {
    return this.ops.cancel(operationId, 'search');
  }

  private async run(op: RunningOperation, req: Req): Promise<Outcome<'search'>> {
    const { id: operationId, signal } = op;
    const started = Date.now();
    const { options } = req;
    // Written once: at the first rows (status running), else at the end with the outcome.
    let entry: Promise<HistoryEntry | undefined> | undefined;
    const record = (outcome: Partial<HistoryEntry>) => {
      entry ??= this.history.add({
        profileId: req.profileId, ...(req.protocol ? { protocol: req.protocol } : {}), resource: req.resource, class: req.class, query: req.query, select: req.select,
        ...(req.odata ? { odata: req.odata } : {}),
        options, status: 'running', rows: 0, elapsedMs: 0, startedAt: new Date(started).toISOString(), ...outcome,
      }).catch(() => undefined);
      return entry;
    };
    // Every run ends with the history told, then the renderer told the history changed.
    const settle = (outcome: Partial<HistoryEntry>) => async () => {
      const first = entry === undefined;
      const e = await record(outcome);
      if (e && !first) await this.history.update(e.id, outcome);
      this.bus.emit({ type: 'history.changed' });
    };
    let rows = 0;
    let count: number | undefined;
    let maxrows = false;
    let replyCode: number | undefined;
    let replyText: string | undefined;
    const warnings: string[] = [];
    const outbox = new RowsOutbox((start, batch) => this.bus.emit({ type: 'search.rows', operationId, start, ...batch }), ROWS_PER_EVENT, GATHER_MS);
    /** Any other event of the search goes after the rows gathered before it. */
    const emit: EventBus['emit'] = (e) => { outbox.flush(); this.bus.emit(e); };
    const progress = (): HostEvent => {
      const elapsedMs = Date.now() - started;
      return { type: 'search.progress', operationId, rows, rowsPerSec: rate(rows, elapsedMs), elapsedMs };
    };
    try {
      const session = await this.pool.session(req.profileId, signal);
      const params = {
        resource: req.resource, class: req.class, query: req.query,
        ...(req.select.length ? { select: req.select } : {}),
        limit: options.limit, count: options.count, format: options.format, standardNames: options.standardNames,
        ...(options.offset !== undefined ? { offset: options.offset } : {}),
        ...(options.restrictedIndicator !== undefined ? { restrictedIndicator: options.restrictedIndicator } : {}),
        ...(req.odata ? { odata: req.odata } : {}),
      };
      const stream = options.pageAll ? session.searchAll(params, signal) : session.search(params, signal);
      for await (const ev of stream) {
        if (signal.aborted) break;
        switch (ev.kind) {
          case 'columns': emit({ type: 'search.columns', operationId, columns: [...ev.columns] }); break;
          case 'count': count = ev.count; emit({ type: 'search.count', operationId, count: ev.count }); break;
          case 'maxrows': maxrows = true; emit({ type: 'search.maxrows', operationId }); break;
          case 'page': {
            // "More available" is the Web API's maxrows: the limit stopped paging before the server ran out.
            const { n, rows: pageRows, totalRows, nextLink, more } = ev.page;
            maxrows = more;
            emit({ type: 'search.page', operationId, n, rows: pageRows, totalRows, more, ...(nextLink ? { nextLink } : {}) });
            break;
          }
          case 'status': if (ev.replyCode !== 0) { replyCode = ev.replyCode; replyText = ev.replyText; } break;
          case 'warning': if (warnings.length < 50) warnings.push(ev.message); break;
          case 'rows': {
            const b = ev.batch;
            for (let i = 0; i < b.length; i += ROWS_PER_EVENT) {
              const n = Math.min(ROWS_PER_EVENT, b.length - i);
              outbox.add(rows, toPiece(b, i, i + n));
              rows += n;
            }
            if (b.length && entry === undefined) void record({}).then(() => this.bus.emit({ type: 'history.changed' }));
            op.progress(progress);
            // A page that reads its rows slower than the server sends them: read on when it caught up.
            const room = this.bus.room(signal);
            if (room) await room;
            break;
          }
        }
      }
      const elapsedMs = Date.now() - started;
      const cancelled = signal.aborted;
      outbox.flush();
      op.progress(progress, true);
      return {
        event: {
          type: 'search.done', operationId, rows, maxrows, elapsedMs, cancelled, warnings,
          ...(count !== undefined ? { count } : {}),
          ...(replyCode !== undefined && (isEmptyResultCode(replyCode) || replyCode !== 0) ? { replyCode, replyText: replyText ?? '' } : {}),
        },
        after: settle({ status: cancelled ? 'cancelled' : rows === 0 && !count ? 'empty' : 'ok', rows, elapsedMs, ...(count !== undefined ? { count } : {}) }),
      };
    } catch (err) {
      const elapsedMs = Date.now() - started;
      const info = toErrorInfo(err, 'Search');
      outbox.flush();
      if (info.kind === 'cancelled' || signal.aborted) {
        return {
          event: { type: 'search.done', operationId, rows, maxrows, elapsedMs, cancelled: true, warnings, ...(count !== undefined ? { count } : {}) },
          after: settle({ status: 'cancelled', rows, elapsedMs }),
        };
      }
      return { event: { type: 'search.error', operationId, error: info }, after: settle({ status: 'error', rows, elapsedMs, error: info }) };
    }
  }
}
