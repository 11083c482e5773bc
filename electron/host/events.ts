// The host's event bus: every event the renderer can receive goes through here, to the Electron
// window (IPC) or to browser mode's event streams. A stream whose reader lags says so (`hold`),
// and operations that send many events (a search's rows) wait for `room()`: the response is then
// read as fast as the page reads its rows, and unread rows do not pile up in the host.
import type { HostEvent } from '../../shared/contract';

export type EventListener = (event: HostEvent) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly held = new Set<object>();
  private waiters: (() => void)[] = [];

  emit(event: HostEvent): void {
    for (const l of [...this.listeners]) {
      try { l(event); } catch { /* one broken listener must not stop the others */ }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  get size(): number {
    return this.listeners.size;
  }

  /** A sink has more unread than it should: room() waits until it releases. */
  hold(sink: object): void {
    this.held.add(sink);
  }

  /** The sink drained (or closed). */
  release(sink: object): void {
    if (!this.held.delete(sink) || this.held.size) return;
    const w = this.waiters;
    this.waiters = [];
    for (const wake of w) wake();
  }

  /** Undefined when no sink holds; else resolves when all released (or `signal` aborts). */
  room(signal?: AbortSignal): Promise<void> | undefined {
    if (!this.held.size || signal?.aborted) return undefined;
    return new Promise((resolve) => {
      const done = () => { signal?.removeEventListener('abort', done); resolve(); };
      this.waiters.push(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
