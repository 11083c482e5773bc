// The window's security policy as plain data and pure functions (no electron import, so tests
// can check it): contextIsolation, sandbox, no Node in the page, a strict CSP with no remote code
// (Monaco is bundled; its workers come from blob:), and which URLs count as the app itself.
import type { WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../server/security';

/** The app's own origin: the renderer is served from this privileged scheme (see appProtocol.ts). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://workbench`;
export const MEDIA_SCHEME = 'rw-media';

/** `devTools` only where the app is not packaged: users' builds have none. */
export function webPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** CSP for the desktop window: the browser-mode policy plus the photo scheme for <img>. */
export const DESKTOP_CSP = CONTENT_SECURITY_POLICY.replace("img-src 'self' data: blob:", `img-src 'self' data: blob: ${MEDIA_SCHEME}:`);

/** Whether a URL is the app's own page (production scheme, or the Vite dev server in development). */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  try {
    const u = new URL(url);
    if (`${u.protocol}//${u.host}` === APP_ORIGIN) return true;
    if (devServerUrl) {
      const d = new URL(devServerUrl);
      return u.origin === d.origin;
    }
    return false;
  } catch {
    return false;
  }
}


/** The sender of an IPC message is trusted only as the top frame of the app's own page. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined, devServerUrl: string | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url, devServerUrl);
}

/**
 * The CSP for the window. In development only (Forge's Vite dev server), the dev server's origin,
 * its HMR websocket and Vite's inline React-refresh preamble are allowed; packaged builds get
 * DESKTOP_CSP unchanged.
 */
export function windowCsp(devServerUrl: string | undefined): string {
  if (!devServerUrl) return DESKTOP_CSP;
  const origin = new URL(devServerUrl).origin;
  const ws = origin.replace(/^http/, 'ws');
  return DESKTOP_CSP
    .replace("script-src 'self'", `script-src 'self' 'unsafe-inline' ${origin}`)
    .replace("connect-src 'self'", `connect-src 'self' ${origin} ${ws}`);
}
