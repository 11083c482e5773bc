// A running (or finished) search as a small external store: batches are appended to one row store
// as they arrive and listeners are told at most once a frame, so 100,000 streaming rows never
// re-render React per batch.
import type { RetsErrorInfo } from '../../../shared/rets/errors';
import type { HostClient } from '../../../shared/contract';
import type { SavedQuery } from '../query/webapiQuery';
import { toErrorInfo } from './errors';
import { RowStore } from '../grid/rowStore';
import { rowCap } from '../grid/rowCap';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunState {
  status: RunStatus;
  columns: string[];
  /** The loaded rows, appended in place as batches arrive (`version` says when). */
  rows: RowStore;
  count?: number;
  maxrows: boolean;
  startedAt: number;
  elapsedMs: number;
  /** Time from start to the first batch (for the status line and the benchmark). */
  firstRowsMs?: number;
  replyCode?: number;
  replyText?: string;
  error?: RetsErrorInfo;
  warnings: string[];
  /** Web API: the last server page read (its number counts the pages of earlier loads too). */
  page?: { n: number; rows: number; totalRows: number; more: boolean; nextLink?: string };
  /** The connection the search ran on: its rows stay on the tab when the active connection
   *  changes (to another of the same protocol), and the results header names it then. */
  profileId?: string;
  /** Bumped on every change; the grid keys its memo on it. */
  version: number;
}

/** A query tab's search (the query a snippet or a history entry keeps) against a profile. */
export interface RunRequest extends SavedQuery {
  profileId: string;
}

export function emptyRun(): RunState {
  return { status: 'idle', columns: [], rows: new RowStore(), maxrows: false, startedAt: 0, elapsedMs: 0, warnings: [], version: 0 };
}

export class SearchRun {
  state: RunState = emptyRun();
  /** `schedule` runs the listeners' wake-up once per frame in the page (tests pass their own). */
  constructor(
    private readonly host: Pick<HostClient, 'operation'>,
    private readonly schedule: (wake: () => void) => void = (wake) => { requestAnimationFrame(wake); },
  ) {}

  private listeners = new Set<() => void>();
  private scheduled = false;
  private cancelFn?: () => Promise<void>;
  /** Cancel asked for (Esc, the Cancel button) before the host answered search.start with the
   *  operation: it is sent as soon as the host does, rather than dropped. */
  private cancelPending = false;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  getSnapshot = (): RunState => this.state;

  private update(patch: Partial<RunState>, now = false): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    if (now) { this.flush(); return; }
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }
  private flush(): void {
    this.scheduled = false;
    for (const l of [...this.listeners]) l();
  }

  /** `append`: the rows (and pages) go on after the ones shown (Web API "Load more"). */
  async start(req: RunRequest, append = false): Promise<void> {
    if (this.state.status === 'running') await this.cancel();
    const startedAt = performance.now();
    const prev = this.state;
    const rows = append ? prev.rows : new RowStore(rowCap());
    const pageBase = append ? prev.page?.n ?? 0 : 0;
    const rowBase = append ? rows.length : 0;
    this.cancelPending = false;
    this.state = append
      ? { ...emptyRun(), status: 'running', startedAt, rows, columns: prev.columns, count: prev.count, page: prev.page, profileId: req.profileId, version: prev.version + 1 }
      : { ...emptyRun(), status: 'running', startedAt, rows, profileId: req.profileId, version: this.state.version + 1 };
    this.flush();
    try {
      const op = await this.host.operation('search.start', {
        profileId: req.profileId, resource: req.resource, class: req.class, query: req.query, select: req.select, options: req.options,
        ...(req.protocol ? { protocol: req.protocol } : {}), ...(req.odata ? { odata: req.odata } : {}),
      }, (e) => {
        const elapsedMs = performance.now() - startedAt;
        switch (e.type) {
          case 'search.columns': this.update({ columns: e.columns, elapsedMs }); break;
          case 'search.rows':
            rows.append(e);
            this.update({ rows, elapsedMs, firstRowsMs: this.state.firstRowsMs ?? elapsedMs });
            break;
          case 'search.count': this.update({ count: e.count }); break;
          case 'search.maxrows': this.update({ maxrows: true }); break;
          case 'search.page': this.update({ page: { n: pageBase + e.n, rows: e.rows, totalRows: rowBase + e.totalRows, more: e.more, ...(e.nextLink ? { nextLink: e.nextLink } : {}) } }); break;
          case 'search.progress': this.update({ elapsedMs }); break;
          case 'search.done':
            this.update({
              status: e.cancelled ? 'cancelled' : 'done', elapsedMs: e.elapsedMs || elapsedMs, count: e.count ?? this.state.count,
              maxrows: e.maxrows || this.state.maxrows, replyCode: e.replyCode, replyText: e.replyText, warnings: e.warnings ?? [],
            }, true);
            break;
          case 'search.error':
            this.update({ status: e.error.kind === 'cancelled' ? 'cancelled' : 'error', error: e.error, elapsedMs }, true);
            break;
          default: break;
        }
      });
      this.cancelFn = op.cancel;
      if (this.cancelPending) await this.cancel();
    } catch (err) {
      this.update({ status: 'error', error: toErrorInfo(err), elapsedMs: performance.now() - startedAt }, true);
    }
  }

  async cancel(): Promise<void> {
    if (this.state.status !== 'running') return;
    if (!this.cancelFn) { this.cancelPending = true; return; }
    this.cancelPending = false;
    const c = this.cancelFn;
    this.cancelFn = undefined;
    try { await c(); } catch { /* already finished */ }
  }
}
