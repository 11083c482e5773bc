// Long operations (search, export, doctor): an id, an AbortController, and exactly one terminal
// event. The registry refuses a duplicate id and lets cancel find the operation.
import { randomBytes } from 'node:crypto';
import { inputError } from './hostError';

export interface Operation {
  id: string;
  kind: string;
  controller: AbortController;
  startedAt: number;
}

export class OperationRegistry {
  private readonly ops = new Map<string, Operation>();

  /** Registers an operation under the caller's id (or a fresh one). */
  begin(kind: string, requestedId?: string): Operation {
    const id = requestedId ?? `${kind}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    if (this.ops.has(id)) throw inputError(`An operation with id "${id}" is already running.`);
    const op: Operation = { id, kind, controller: new AbortController(), startedAt: Date.now() };
    this.ops.set(id, op);
    return op;
  }

  /**
   * Begins an operation and runs it in the background; it leaves the registry when `run`
   * settles. Returns the id the caller hands back to the renderer.
   */
  launch(kind: string, requestedId: string | undefined, run: (id: string, signal: AbortSignal) => Promise<void>): { operationId: string } {
    const op = this.begin(kind, requestedId);
    void run(op.id, op.controller.signal).finally(() => this.end(op.id));
    return { operationId: op.id };
  }

  end(id: string): void {
    this.ops.delete(id);
  }

  /** Aborts the operation; false when no such operation is running. */
  cancel(id: string, kind?: string): boolean {
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
