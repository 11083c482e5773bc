// The window's security settings and guards, kept in one place so they can be read at a glance:
// contextIsolation, sandbox, no Node in the page, a strict CSP with no remote code (Monaco is
// bundled; its workers come from blob:), navigation and new windows blocked, permissions denied.
import { session, shell, type BrowserWindow, type WebContents, type WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../server/security';

/** The app's own origin: the renderer is served from this privileged scheme (see appProtocol.ts). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://workbench`;
export const MEDIA_SCHEME = 'rw-media';

export function webPreferences(preload: string): WebPreferences {
  return {
    preload,
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

export function applySessionPolicy(devServerUrl: string | undefined): void {
  const ses = session.defaultSession;
  // Every response gets the CSP (the dev server's too), so no remote script can ever run.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DESKTOP_CSP] } });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Nothing but the app's origin and its dev server may be fetched by the page.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAppUrl(details.url, devServerUrl) || details.url.startsWith(`${MEDIA_SCHEME}:`) || details.url.startsWith('devtools:')
      || details.url.startsWith('blob:') || details.url.startsWith('data:') || (devServerUrl !== undefined && details.url.startsWith('ws://127.0.0.1'));
    callback({ cancel: !ok });
  });
}

export function guardWebContents(contents: WebContents, devServerUrl: string | undefined): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to documentation open in the user's browser, never in an app window.
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function guardWindow(win: BrowserWindow, devServerUrl: string | undefined): void {
  guardWebContents(win.webContents, devServerUrl);
}
