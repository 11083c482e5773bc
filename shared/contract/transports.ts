// The two transports behind createHostClient; both deliver the host's events as it emits them
// (search.rows with `bytes`, read by compactRows.ts). Both are written against injected platform
// functions (shared/ has no DOM or Node APIs): the renderer passes its window's.
import type { CallName } from './calls';
import type { Envelope } from './common';
import type { HostTransport } from './client';
import { FrameReader } from './frames';

/**
 * What the Electron preload exposes on `window.retsWorkbench`: one function per call name (never a
 * generic invoke) plus the event subscription.
 */
export type HostBridge = { readonly [N in CallName]: (request: unknown) => Promise<Envelope<unknown>> } & {
  onEvent(listener: (event: unknown) => void): () => void;
};
/** The global name the preload exposes the bridge under. */
export const bridgeGlobalName = 'retsWorkbench';

/** Electron: events come by IPC (structured clone: search.rows `bytes` arrive as a Uint8Array, as over HTTP). */
export function bridgeTransport(bridge: HostBridge): HostTransport {
  return {
    call: (name, request) => bridge[name](request),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}

/** Browser mode's HTTP API paths. */
export const httpPaths = {
  call: (name: CallName) => `/api/${name}`,
  events: '/api/events',
  /** POST a file's bytes (application/octet-stream) with ?purpose=&name=: answers an UploadResponse. */
  upload: '/uploads',
  /** Header carrying the token when it is not in the cookie. */
  tokenHeader: 'x-rets-workbench-token',
  tokenCookie: 'rw_token',
  tokenQuery: 'token',
} as const;

/** The reader of a fetch() response's body (`response.body.getReader()`). */
export interface ByteStreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}

export interface HttpFetchInit {
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body?: string;
  credentials: 'same-origin';
}

export interface HttpTransportOptions {
  /** '' (same origin, the usual case) or the host's origin. */
  baseUrl?: string;
  /** Sent as a header; not needed once the page was opened with ?token= (the cookie is set). */
  token?: string;
  /** `window.fetch.bind(window)` */
  fetch: (url: string, init: HttpFetchInit) => Promise<{ status: number; json(): Promise<unknown>; body: { getReader(): ByteStreamReader } | null }>;
  /** Waits before the event stream is opened again: `(ms) => new Promise((r) => setTimeout(r, ms))`. */
  delay: (ms: number) => Promise<void>;
  /** The event stream dropped or broke (a FrameError): it is opened again after a wait. */
  onStreamError?: (err: unknown) => void;
}

/** Waits before opening a dropped event stream again: doubling from the first to the last. */
export const STREAM_RETRY_MS = { first: 500, max: 10_000 } as const;

export function httpTransport(opts: HttpTransportOptions): HostTransport {
  const base = opts.baseUrl ?? '';
  const tokenHeaders: Record<string, string> = opts.token ? { [httpPaths.tokenHeader]: opts.token } : {};
  const headers: Record<string, string> = { 'content-type': 'application/json', ...tokenHeaders };
  return {
    async call(name, request) {
      const res = await opts.fetch(base + httpPaths.call(name), { method: 'POST', headers, body: JSON.stringify(request ?? {}), credentials: 'same-origin' });
      return (await res.json()) as Envelope<unknown>;
    },
    subscribe(listener, onOpen) {
      let closed = false;
      let reader: ByteStreamReader | undefined;
      /** One connection: its events in order until it ends; throws when it cannot open or breaks. */
      const readStream = async (): Promise<void> => {
        const res = await opts.fetch(base + httpPaths.events, { method: 'GET', headers: tokenHeaders, credentials: 'same-origin' });
        if (res.status !== 200 || !res.body) throw new Error(`The host's event stream answered HTTP ${res.status}.`);
        reader = res.body.getReader();
        if (closed) return;
        onOpen?.();
        const frames = new FrameReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (closed) return;
          if (done) { frames.end(); throw new Error("The host's event stream ended."); }
          if (value) for (const e of frames.push(value)) deliver(listener, e);
        }
      };
      void (async () => {
        let wait: number = STREAM_RETRY_MS.first;
        while (!closed) {
          reader = undefined;
          try {
            await readStream();
          } catch (err) {
            if (!closed) opts.onStreamError?.(err);
          }
          if (closed) break;
          // A stream that opened and dropped is opened again soon; one that does not open, less and less often.
          wait = reader ? STREAM_RETRY_MS.first : Math.min(wait * 2, STREAM_RETRY_MS.max);
          await opts.delay(wait);
        }
      })();
      return () => { closed = true; void reader?.cancel().catch(() => undefined); };
    },
  };
}

/** A listener that throws does not stop the stream: its error is reported as uncaught. */
function deliver(listener: (event: unknown) => void, event: object): void {
  try {
    listener(event);
  } catch (err) {
    queueMicrotask(() => { throw err; });
  }
}
