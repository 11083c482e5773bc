// The renderer's typed client over any transport: the Electron preload bridge or browser mode's
// HTTP calls and framed event stream (frames.ts). Renderer code is the same in both:
//   const host = createHostClient(transport);
//   const { profiles } = await host.profiles.list();
//   const op = await host.operation('search.start', { profileId, resource, class: 'RES', query }, (e) => …);
//   op.cancel(); const last = await op.done;
import { z } from 'zod';
import { RetsError, type RetsErrorInfo } from '../rets/errors';
import { calls, type CallName, type CallRequest, type CallResponse } from './calls';
import type { Envelope } from './common';
import { HostEvent, terminalEventTypes, type HostEventOf, type HostEventType, type OperationEvent } from './events';
import { invalidRequestError } from './validate';

export interface HostTransport {
  /** Sends one call; resolves with the wire envelope. Rejects only when the transport itself fails. */
  call(name: CallName, request: unknown): Promise<Envelope<unknown>>;
  /**
   * Every host event, in order; returns the unsubscribe function. `onOpen` runs each time the event
   * stream (re)connects: events sent while it was not connected are lost, so state is read again.
   */
  subscribe(listener: (event: unknown) => void, onOpen?: () => void): () => void;
}

/** `(req?) => Promise<res>` when every request field is optional, else `(req) => …`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "every field optional" test
type CallFn<N extends CallName> = {} extends CallRequest<N>
  ? (request?: CallRequest<N>) => Promise<CallResponse<N>>
  : (request: CallRequest<N>) => Promise<CallResponse<N>>;

type Namespace<N> = N extends `${infer A}.${string}` ? A : never;
/** `host.profiles.list(…)`: the call table, nested by namespace. */
export type HostApi = {
  [A in Namespace<CallName>]: { [N in CallName as N extends `${A}.${infer M}` ? M : never]: CallFn<N> };
};

export type OperationStartCall = 'search.start' | 'export.start' | 'doctor.start';
type CancelCallFor<S extends OperationStartCall> = S extends `${infer A}.start` ? `${A}.cancel` : never;
type TerminalOf<S extends OperationStartCall> = HostEventOf<Extract<(typeof terminalEventTypes)[number], `${Namespace<S>}.${string}`>>;
type EventsOf<S extends OperationStartCall> = Extract<OperationEvent, { type: `${Namespace<S>}.${string}` }>;

export interface RunningOperation<S extends OperationStartCall> {
  operationId: string;
  /** Resolves with the operation's last event (done or error; never rejects). */
  done: Promise<TerminalOf<S>>;
  cancel(): Promise<void>;
}

export interface HostClientOptions {
  /** Validate responses and events against the schemas too (tests, development). */
  validateIncoming?: boolean;
}

export type HostClient = HostApi & {
  call<N extends CallName>(name: N, request?: CallRequest<N>): Promise<CallResponse<N>>;
  on<T extends HostEventType>(type: T, listener: (event: HostEventOf<T>) => void): () => void;
  onAny(listener: (event: HostEvent) => void): () => void;
  /** Runs each time the event stream (re)connects (browser mode): what was announced meanwhile was missed. */
  onStreamOpen(listener: () => void): () => void;
  /** Starts a long operation, listening before it starts so no event is missed. */
  operation<S extends OperationStartCall>(
    start: S, request: Omit<CallRequest<S>, 'operationId'>, listener?: (event: EventsOf<S>) => void,
  ): Promise<RunningOperation<S>>;
  close(): void;
};

let opCounter = 0;
/** A fresh operation id (unique enough within one renderer). */
export function newOperationId(prefix = 'op'): string {
  opCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${opCounter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function transportError(name: string, err: unknown): RetsErrorInfo {
  return {
    kind: 'network', transaction: 'Other',
    message: `The workbench host did not answer the call "${name}".`,
    cause: err instanceof Error ? err.message : String(err),
    hint: 'Is the workbench still running? Reload the page, or restart it.',
  };
}

export function createHostClient(transport: HostTransport, options: HostClientOptions = {}): HostClient {
  const listeners = new Set<(event: HostEvent) => void>();
  const openListeners = new Set<() => void>();
  const unsubscribe = transport.subscribe((raw) => {
    let event = raw as HostEvent;
    if (options.validateIncoming) {
      const r = HostEvent.safeParse(raw);
      if (!r.success) return; // an event this renderer does not know: ignore it (additive contract)
      event = r.data;
    }
    for (const l of [...listeners]) l(event);
  }, () => { for (const l of [...openListeners]) l(); });

  async function callHost<N extends CallName>(name: N, request?: CallRequest<N>): Promise<CallResponse<N>> {
    const parsed = calls[name].request.safeParse(request ?? {});
    if (!parsed.success) throw new RetsError(invalidRequestError(name, parsed.error));
    let envelope: Envelope<unknown>;
    try {
      envelope = await transport.call(name, parsed.data);
    } catch (err) {
      throw new RetsError(transportError(name, err), { cause: err });
    }
    if (!envelope.ok) throw new RetsError(envelope.error);
    if (options.validateIncoming) {
      const r = (calls[name].response as z.ZodType).safeParse(envelope.data);
      if (!r.success) throw new RetsError({ kind: 'internal', transaction: 'Other', message: `The host's answer to "${name}" does not match the contract: ${r.error.message}` });
    }
    return envelope.data as CallResponse<N>;
  }

  function onAny(listener: (event: HostEvent) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  const client = {
    call: callHost,
    onAny,
    onStreamOpen(listener: () => void) { openListeners.add(listener); return () => { openListeners.delete(listener); }; },
    on<T extends HostEventType>(type: T, listener: (event: HostEventOf<T>) => void) {
      return onAny((e) => { if (e.type === type) listener(e as HostEventOf<T>); });
    },
    async operation<S extends OperationStartCall>(start: S, request: Omit<CallRequest<S>, 'operationId'>, listener?: (event: EventsOf<S>) => void) {
      const ns = start.slice(0, start.indexOf('.'));
      const operationId = newOperationId(ns);
      let finish!: (e: TerminalOf<S>) => void;
      const done = new Promise<TerminalOf<S>>((resolve) => { finish = resolve; });
      const off = onAny((e) => {
        if (!('operationId' in e) || e.operationId !== operationId) return;
        listener?.(e as EventsOf<S>);
        if ((terminalEventTypes as readonly string[]).includes(e.type)) { off(); finish(e as TerminalOf<S>); }
      });
      try {
        await callHost(start, { ...request, operationId } as CallRequest<S>);
      } catch (err) {
        off();
        throw err;
      }
      const cancelName = `${ns}.cancel` as CancelCallFor<S> & CallName;
      return { operationId, done, cancel: async () => { await callHost(cancelName, { operationId } as CallRequest<typeof cancelName>); } };
    },
    close() { listeners.clear(); unsubscribe(); },
  } as Record<string, unknown>;

  // Nested namespaces: client.profiles.list(req) === client.call('profiles.list', req).
  for (const name of Object.keys(calls) as CallName[]) {
    const [ns, method] = name.split('.');
    const bucket = (client[ns] ??= {}) as Record<string, unknown>;
    bucket[method] = (request?: unknown) => callHost(name, request as CallRequest<typeof name>);
  }
  return client as unknown as HostClient;
}
