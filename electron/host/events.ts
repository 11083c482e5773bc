// The host's event bus: every event the renderer can receive goes through here, to the Electron
// window (IPC) or to browser mode's event streams.
import type { HostEvent } from '../../shared/contract';

export type EventListener = (event: HostEvent) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

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
}
