// The two transports behind createHostClient. Both are written against injected platform
// functions (shared/ has no DOM or Node APIs): the renderer passes its window's.
import type { CallName } from './calls';
import type { Envelope } from './common';
import type { HostTransport } from './client';

/**
 * What the Electron preload exposes on `window.retsWorkbench`: one function per call name (never a
 * generic invoke) plus the event subscription.
 */
export type HostBridge = { readonly [N in CallName]: (request: unknown) => Promise<Envelope<unknown>> } & {
  onEvent(listener: (event: unknown) => void): () => void;
};
/** The global name the preload exposes the bridge under. */
export const bridgeGlobalName = 'retsWorkbench';

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

export interface HttpTransportOptions {
  /** '' (same origin, the usual case) or the host's origin. */
  baseUrl?: string;
  /** Sent as a header; not needed once the page was opened with ?token= (the cookie is set). */
  token?: string;
  /** `window.fetch.bind(window)` */
  fetch: (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; credentials: 'same-origin' }) => Promise<{ status: number; json(): Promise<unknown> }>;
  /** `window.EventSource` (it reconnects by itself). */
  EventSource: new (url: string) => object;
}

interface EventSourceLike {
  onmessage: ((ev: { data: string }) => void) | null;
  onopen?: (() => void) | null;
  close(): void;
}

export function httpTransport(opts: HttpTransportOptions): HostTransport {
  const base = opts.baseUrl ?? '';
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.token) headers[httpPaths.tokenHeader] = opts.token;
  return {
    async call(name, request) {
      const res = await opts.fetch(base + httpPaths.call(name), { method: 'POST', headers, body: JSON.stringify(request ?? {}), credentials: 'same-origin' });
      return (await res.json()) as Envelope<unknown>;
    },
    subscribe(listener, onOpen) {
      const q = opts.token ? `?${httpPaths.tokenQuery}=${encodeURIComponent(opts.token)}` : '';
      const es = new opts.EventSource(base + httpPaths.events + q) as EventSourceLike;
      es.onmessage = (ev) => { listener(JSON.parse(ev.data)); };
      es.onopen = () => onOpen?.();
      return () => es.close();
    },
  };
}
