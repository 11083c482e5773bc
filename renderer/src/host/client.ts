// The one host client of this renderer: the Electron preload bridge when present, otherwise
// browser mode's HTTP calls and framed event stream (token from the page URL, kept for reloads).
import {
  bridgeGlobalName, bridgeTransport, createHostClient, httpTransport,
  type HostBridge, type HostClient, type HostTransport,
} from '../../../shared/contract';

export function browserToken(): string | undefined {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem('rw.token', fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem('rw.token') ?? undefined;
}

function pickTransport(): HostTransport {
  const bridge = (window as unknown as Record<string, HostBridge | undefined>)[bridgeGlobalName];
  if (bridge) return bridgeTransport(bridge);
  return httpTransport({
    token: browserToken(),
    fetch: (url, init) => window.fetch(url, init),
    delay: (ms) => new Promise((resolve) => { window.setTimeout(resolve, ms); }),
    onStreamError: (err) => { console.warn('The event stream dropped; opening it again.', err); },
  });
}

export const host: HostClient = createHostClient(pickTransport());
