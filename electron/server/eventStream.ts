// Browser mode's event stream: host events to one browser tab as frames (shared/contract/frames.ts)
// on one ordered binary response, rows' bytes written as they are. Each event is encoded once,
// however many tabs listen; a keep-alive frame keeps proxies (SSH tunnels) from closing an idle stream.
import type { ServerResponse } from 'node:http';
import { encodeFrame, keepAliveFrame } from '../../shared/contract/frames';
import type { HostEvent } from '../../shared/contract';
import type { EventBus } from '../host/events';
import { SECURITY_HEADERS } from './security';

export const EVENT_STREAM_TYPE = 'application/vnd.rets-workbench.frames';
/**
 * Bytes a tab may leave unread before its stream is dropped (memory stays bounded; the tab opens
 * the stream again and reads the host's state anew, as after any drop).
 */
export const MAX_UNREAD_BYTES = 256 * 1024 * 1024;

const encoded = new WeakMap<HostEvent, Uint8Array[]>();

/** The event's frame, encoded by the first stream that sends it. */
function frameOf(event: HostEvent): Uint8Array[] {
  let f = encoded.get(event);
  if (!f) { f = encodeFrame(event); encoded.set(event, f); }
  return f;
}

export function openEventStream(res: ServerResponse, bus: EventBus, heartbeatMs = 15_000, maxUnread = MAX_UNREAD_BYTES): () => void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': EVENT_STREAM_TYPE,
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  const off = bus.subscribe((event) => {
    if (res.writableLength > maxUnread) { stop(); return; }
    const parts = frameOf(event);
    if (parts.length === 1) { res.write(parts[0]); return; }
    res.cork();
    for (const p of parts) res.write(p);
    res.uncork();
  });
  const beat = setInterval(() => res.write(keepAliveFrame()), heartbeatMs);
  beat.unref();
  const close = () => { off(); clearInterval(beat); };
  const stop = () => { close(); res.destroy(); };
  res.on('close', close);
  return () => { close(); res.end(); };
}
