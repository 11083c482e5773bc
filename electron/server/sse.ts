// Server-Sent Events: host events to one browser tab, one `data:` line of JSON per event, with a
// comment heartbeat so proxies (SSH tunnels) keep the stream open.
import type { ServerResponse } from 'node:http';
import type { EventBus } from '../host/events';
import { SECURITY_HEADERS } from './security';

export function openEventStream(res: ServerResponse, bus: EventBus, heartbeatMs = 15_000): () => void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(': connected\n\n');
  const off = bus.subscribe((event) => { res.write(`data: ${JSON.stringify(event)}\n\n`); });
  const beat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
  beat.unref();
  const close = () => { off(); clearInterval(beat); };
  res.on('close', close);
  return () => { close(); res.end(); };
}
