// Retries with exponential backoff for the failures that pass on a second try (dropped
// connections, timeouts, 5xx, photo servers that fail the first request); never for input,
// auth or cancellation.
import { isRetsError } from '../../shared/rets/errors';

export function isRetryable(err: unknown): boolean {
  if (!isRetsError(err)) return false;
  const { kind, httpStatus } = err.info;
  if (kind === 'network' || kind === 'timeout' || kind === 'parse') return true;
  if (kind === 'http') return httpStatus === undefined || httpStatus >= 500 || httpStatus === 429;
  return false;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(t); reject(signal?.reason); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryOptions {
  attempts?: number;
  baseMs?: number;
  signal?: AbortSignal;
  retryable?: (err: unknown) => boolean;
}

/** Runs fn up to `attempts` times (backoff base, 3x base, 9x base…); returns the value and attempts used. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions = {}): Promise<{ value: T; attempts: number }> {
  const attempts = opts.attempts ?? 3;
  const base = opts.baseMs ?? 250;
  const retryable = opts.retryable ?? isRetryable;
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await fn(attempt), attempts: attempt };
    } catch (err) {
      if (attempt >= attempts || opts.signal?.aborted || !retryable(err)) throw err;
      await sleep(base * 3 ** (attempt - 1), opts.signal);
    }
  }
}
