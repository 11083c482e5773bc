// Long operations (search, export, doctor) run through one runner: it gives each an id and an
// AbortController, throttles its progress, lets cancel find it, and sends exactly one terminal
// event. The operation leaves the registry before that event goes out, so a cancel that arrives
// after the end says false, whether the operation succeeded, failed or was cancelled.
import { randomBytes } from 'node:crypto';
import type { HostEvent } from '../../shared/contract';
import type { RetsTransaction } from '../../shared/rets/errors';
import type { EventBus } from './events';
import { inputError, toErrorInfo } from './hostError';

export type OperationKind = 'search' | 'export' | 'doctor';

/** The one event that ends an operation of a kind: its done or its error event. */
export type TerminalEvent<K extends OperationKind = OperationKind> = Extract<HostEvent, { type: `${K}.done` | `${K}.error` }>;

/** How an operation ended: its terminal event, and work to do once that event is out (a history write). */
export interface Outcome<K extends OperationKind> {
  event: TerminalEvent<K>;
  after?: () => Promise<void>;
}

export interface RunningOperation {
  id: string;
  signal: AbortSignal;
  /** Sends an event that belongs to the operation (columns, rows, steps). */
  emit(event: HostEvent): void;
  /** Sends a progress event at most every PROGRESS_EVERY_MS, or now when `final`; `make` runs only when it is sent. */
  progress(make: () => HostEvent, final?: boolean): void;
}

/** Progress events at most this often: enough for a live rate, few enough to cost nothing. */
export const PROGRESS_EVERY_MS = 200;

/** The transaction an unexpected error of each kind is reported under. */
const TRANSACTION: Record<OperationKind, RetsTransaction> = { search: 'Search', export: 'Search', doctor: 'Login' };

export class OperationRunner {
  private readonly ops = new Map<string, { kind: OperationKind; controller: AbortController }>();

  constructor(private readonly bus: EventBus) {}

  /**
   * Starts `body` in the background under the caller's id (or a fresh one) and returns that id.
   * The body returns its terminal event; a throw it did not turn into one becomes the kind's error event.
   */
  start<K extends OperationKind>(kind: K, requestedId: string | undefined, body: (op: RunningOperation) => Promise<Outcome<K>>): { operationId: string } {
    const id = requestedId ?? `${kind}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    if (this.ops.has(id)) throw inputError(`An operation with id "${id}" is already running.`);
    const controller = new AbortController();
    this.ops.set(id, { kind, controller });
    let lastProgress = Date.now();
    const op: RunningOperation = {
      id,
      signal: controller.signal,
      emit: (event) => this.bus.emit(event),
      progress: (make, final) => {
        const now = Date.now();
        if (!final && now - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = now;
        this.bus.emit(make());
      },
    };
    void this.finish(id, kind, body, op);
    return { operationId: id };
  }

  private async finish<K extends OperationKind>(id: string, kind: K, body: (op: RunningOperation) => Promise<Outcome<K>>, op: RunningOperation): Promise<void> {
    let outcome: Outcome<K>;
    try {
      outcome = await body(op);
    } catch (err) {
      outcome = { event: { type: `${kind}.error`, operationId: id, error: toErrorInfo(err, TRANSACTION[kind]) } as TerminalEvent<K> };
    }
    this.ops.delete(id);
    this.bus.emit(outcome.event);
    // What follows the end (a history write) cannot change it; a failure there is not the operation's.
    await outcome.after?.().catch(() => undefined);
  }

  /** Aborts the operation; false when no such operation (of that kind) is running. */
  cancel(id: string, kind?: OperationKind): boolean {
    const op = this.ops.get(id);
    if (!op || (kind && op.kind !== kind)) return false;
    op.controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const op of this.ops.values()) op.controller.abort();
  }

  get running(): number {
    return this.ops.size;
  }
}

/** Rows per second over the elapsed time (0 before any time passed). */
export function rate(rows: number, elapsedMs: number): number {
  return elapsedMs > 0 ? Math.round((rows * 1000) / elapsedMs) : 0;
}
