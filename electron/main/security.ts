// The window's guards: the CSP on every response, permissions denied, requests only to the app's
// own origin, navigation, redirects, webviews and new windows blocked (policy.ts holds the data).
import { session, shell, type BrowserWindow, type WebContents } from 'electron';
import type { ExternalLinks } from './externalLinks';
import { isAppUrl, MEDIA_SCHEME, windowCsp } from './policy';

export { APP_ORIGIN, APP_SCHEME, DESKTOP_CSP, MEDIA_SCHEME, isAppUrl, webPreferences } from './policy';

export function applySessionPolicy(devServerUrl: string | undefined): void {
  const ses = session.defaultSession;
  // Every response gets the CSP (the dev server's too), so no remote script can ever run.
  const csp = windowCsp(devServerUrl);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
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

export function guardWebContents(contents: WebContents, devServerUrl: string | undefined, links: ExternalLinks): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Never an app window; pages the host showed (an MLS's X- capability pages) open in the user's browser.
    const external = links.allowed(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
}

export function guardWindow(win: BrowserWindow, devServerUrl: string | undefined, links: ExternalLinks): void {
  guardWebContents(win.webContents, devServerUrl, links);
}
