// A running (or finished) search as a small external store: batches are appended to one array
// as they arrive and listeners are told at most once a frame, so 100,000 streaming rows never
// re-render React per batch.
import type { RetsErrorInfo } from '../../../shared/rets/errors';
import type { SearchOptions, SearchStartRequest } from '../../../shared/contract';
import { host } from './client';
import { toErrorInfo } from './errors';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunState {
  status: RunStatus;
  columns: string[];
  rows: string[][];
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
  /** Bumped on every change; the grid keys its memo on it. */
  version: number;
}

export interface RunRequest {
  profileId: string;
  resource: string;
  class: string;
  query: string;
  select: string[];
  options: Partial<SearchOptions>;
  /** Web API: the protocol and $orderby, $expand, $count. */
  protocol?: SearchStartRequest['protocol'];
  odata?: SearchStartRequest['odata'];
}

export function emptyRun(): RunState {
  return { status: 'idle', columns: [], rows: [], maxrows: false, startedAt: 0, elapsedMs: 0, warnings: [], version: 0 };
}

export class SearchRun {
  state: RunState = emptyRun();
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
    requestAnimationFrame(() => this.flush());
  }
  private flush(): void {
    this.scheduled = false;
    for (const l of [...this.listeners]) l();
  }

  async start(req: RunRequest): Promise<void> {
    if (this.state.status === 'running') await this.cancel();
    const startedAt = performance.now();
    const rows: string[][] = [];
    this.cancelPending = false;
    this.state = { ...emptyRun(), status: 'running', startedAt, rows, version: this.state.version + 1 };
    this.flush();
    try {
      const op = await host.operation('search.start', {
        profileId: req.profileId, resource: req.resource, class: req.class, query: req.query, select: req.select, options: req.options,
        ...(req.protocol ? { protocol: req.protocol } : {}), ...(req.odata ? { odata: req.odata } : {}),
      }, (e) => {
        const elapsedMs = performance.now() - startedAt;
        switch (e.type) {
          case 'search.columns': this.update({ columns: e.columns, elapsedMs }); break;
          case 'search.rows':
            for (const r of e.rows) rows.push(r);
            this.update({ rows, elapsedMs, firstRowsMs: this.state.firstRowsMs ?? elapsedMs });
            break;
          case 'search.count': this.update({ count: e.count }); break;
          case 'search.maxrows': this.update({ maxrows: true }); break;
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
