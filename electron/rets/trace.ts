// Per-session request log for the UI's log panel: a bounded ring of entries, secrets removed
// before anything is stored (URLs lose passwords and session ids, auth/cookie headers are masked,
// by the rules in shared/redact).
import { redactHeaders } from '../../shared/redact';
import type { RetsTransaction } from '../../shared/rets/errors';
import type { BodyCapture } from './bodyCapture';

export interface TraceTiming {
  /** Epoch ms when the request started. */
  start: number;
  /** Epoch ms when the response headers arrived. */
  headers?: number;
  /** Epoch ms when the body was fully read (or the request failed). */
  end?: number;
}

/** T: the protocol's operation names (RETS transactions by default; the Web API client uses its own). */
export interface TraceEntry<T extends string = RetsTransaction> {
  id: number;
  transaction: T;
  method: string;
  /** Request URL with secrets removed. */
  url: string;
  status?: number;
  requestHeaders: Record<string, string>;
  responseHeaders?: Record<string, string>;
  timing: TraceTiming;
  /** Response body bytes read so far. */
  bytes: number;
  /** Request body bytes (POST). */
  requestBytes: number;
  /** Short error message if the request failed. */
  error?: string;
  /** The request's form body with secret fields removed (POST). */
  requestBody?: string;
  /** Why no body of this exchange is kept (it carries credentials). */
  bodyWithheld?: string;
  /** What is kept of the response body as it streams (absent when withheld or never read). */
  capture?: BodyCapture;
}

export type TraceEvent = 'begin' | 'headers' | 'end';
export type TraceListener<T extends string = RetsTransaction> = (entry: Readonly<TraceEntry<T>>, event: TraceEvent) => void;

export class Trace<T extends string = RetsTransaction> {
  private readonly entries: TraceEntry<T>[] = [];
  private readonly listeners = new Set<TraceListener<T>>();
  private nextId = 1;
  private ids: () => number = () => this.nextId++;

  constructor(readonly limit = 500) {}

  /** True once ids come from the host's log: only then may an error name its entry. */
  logged = false;

  /** Entry ids from the owner's sequence (the host's per-profile log), so errors can name them. */
  idsFrom(next: () => number): void {
    this.ids = next;
    this.logged = true;
  }

  begin(e: Omit<TraceEntry<T>, 'id' | 'bytes' | 'timing'> & { timing?: TraceTiming }): TraceEntry<T> {
    const entry: TraceEntry<T> = { ...e, id: this.ids(), bytes: 0, timing: e.timing ?? { start: Date.now() } };
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    this.emit(entry, 'begin');
    return entry;
  }

  headers(entry: TraceEntry<T>, status: number, responseHeaders: Record<string, string | string[] | undefined>): void {
    entry.status = status;
    entry.responseHeaders = redactHeaders(responseHeaders);
    entry.timing.headers = Date.now();
    this.emit(entry, 'headers');
  }

  end(entry: TraceEntry<T>, error?: string): void {
    if (entry.timing.end !== undefined) return;
    entry.timing.end = Date.now();
    if (error) entry.error = error;
    this.emit(entry, 'end');
    // The listeners took what they keep; the list must not hold 128 KB per request.
    delete entry.capture;
  }

  /** A copy of the entries, oldest first (without their body captures). */
  list(): TraceEntry<T>[] {
    return this.entries.map(({ capture: _capture, ...e }) => ({ ...e, timing: { ...e.timing } }));
  }

  clear(): void {
    this.entries.length = 0;
  }

  /** Called on begin, headers and end of every request; returns the unsubscribe function. */
  subscribe(listener: TraceListener<T>): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  private emit(entry: TraceEntry<T>, event: TraceEvent): void {
    for (const l of this.listeners) {
      try { l(entry, event); } catch { /* a listener's failure must not break the request */ }
    }
  }
}
