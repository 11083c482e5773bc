// One run of an operation (a login) that several callers wait on. The run has its own signal, so
// the caller that happened to start it cannot cancel it for the others: each caller stops waiting
// on its own signal, and the run goes on to its end (its timeouts bound it), so a caller that
// arrives after another gave up still joins it. Only its owner (closing the session) aborts it.
import type { RetsTransaction } from '../../shared/rets/errors';
import { transportError } from './errors';

export class SharedRun<T> {
  private readonly controller = new AbortController();
  private readonly result: Promise<T>;

  /** Starts `run` at once with the run's own signal. */
  constructor(run: (signal: AbortSignal) => Promise<T>, private readonly transaction: RetsTransaction) {
    this.result = run(this.controller.signal);
    this.result.catch(() => undefined); // a run every caller left must not be an unhandled rejection
  }

  /** Waits for the run's result; rejects with a 'cancelled' RetsError as soon as `signal` aborts. */
  join(signal?: AbortSignal): Promise<T> {
    if (!signal) return this.result;
    if (signal.aborted) return Promise.reject(this.cancelled(signal));
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(this.cancelled(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      this.result.then(
        (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
        (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e); },
      );
    });
  }

  /** Ends the run for everyone (the session is closing). */
  abort(): void {
    this.controller.abort();
  }

  private cancelled(signal: AbortSignal): Error {
    return transportError(signal.reason, { transaction: this.transaction }, signal);
  }
}
