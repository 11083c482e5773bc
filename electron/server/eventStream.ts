// Browser mode's event stream: host events to one browser tab as frames (shared/contract/frames.ts)
// on one ordered binary response, rows' bytes written as they are. Each event is encoded once,
// however many tabs listen; a keep-alive frame keeps proxies (SSH tunnels) from closing an idle stream.
import type { ServerResponse } from 'node:http';
import { encodeFrame, keepAliveFrame } from '../../shared/contract/frames';
import type { HostEvent } from '../../shared/contract';
import type { EventBus } from '../host/events';
import { SECURITY_HEADERS } from './security';

export const EVENT_STREAM_TYPE = 'application/vnd.rets-workbench.frames';

export interface EventStreamLimits {
  /** Unread bytes past which the stream holds the bus (a search waits) until it drains. */
  holdBytes: number;
  /**
   * How long a stream may hold the bus, and how much it may leave unread, before it is dropped:
   * a tab that stopped reading must not stall searches nor fill memory. The tab opens the stream
   * again and reads the host's state anew, as after any drop.
   */
  maxHoldMs: number;
  maxUnreadBytes: number;
  heartbeatMs: number;
}

export const EVENT_STREAM_LIMITS: EventStreamLimits = { holdBytes: 8 * 1024 * 1024, maxHoldMs: 20_000, maxUnreadBytes: 256 * 1024 * 1024, heartbeatMs: 15_000 };

const encoded = new WeakMap<HostEvent, Uint8Array[]>();

/** The event's frame, encoded by the first stream that sends it. */
function frameOf(event: HostEvent): Uint8Array[] {
  let f = encoded.get(event);
  if (!f) { f = encodeFrame(event); encoded.set(event, f); }
  return f;
}

export function openEventStream(res: ServerResponse, bus: EventBus, limits: EventStreamLimits = EVENT_STREAM_LIMITS): () => void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': EVENT_STREAM_TYPE,
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  let holding: ReturnType<typeof setTimeout> | undefined;
  const release = () => {
    if (holding === undefined) return;
    clearTimeout(holding);
    holding = undefined;
    bus.release(res);
  };
  const off = bus.subscribe((event) => {
    if (res.writableLength > limits.maxUnreadBytes) { stop(); return; }
    const parts = frameOf(event);
    res.cork();
    for (const p of parts) res.write(p);
    res.uncork();
    if (holding === undefined && res.writableLength > limits.holdBytes) {
      holding = setTimeout(stop, limits.maxHoldMs);
      bus.hold(res);
      res.once('drain', release);
    }
  });
  const beat = setInterval(() => res.write(keepAliveFrame()), limits.heartbeatMs);
  beat.unref();
  const close = () => { off(); clearInterval(beat); release(); };
  const stop = () => { close(); res.destroy(); };
  res.on('close', close);
  return () => { close(); res.end(); };
}
