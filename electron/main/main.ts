// The Electron main process: one instance, one window, the host services in-process (profiles,
// keychain, RETS sessions, the Demo MLS), the renderer from app://workbench/. Typed against the
// electron package; where Electron's binary cannot run (this build machine), test/main runs the
// built bundle under a stand-in electron.
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { createHost, type Host } from '../host/host';
import { handleAppScheme, handleMediaScheme, mediaUrl, registerSchemes } from './appProtocol';
import { ExternalLinks } from './externalLinks';
import { fileDialogs } from './dialogs';
import { forwardEvents, registerIpc } from './ipc';
import { APP_ORIGIN, applySessionPolicy, guardWebContents, guardWindow, webPreferences } from './security';

const devServerUrl = typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL ? MAIN_WINDOW_VITE_DEV_SERVER_URL : undefined;
let host: Host | undefined;
let win: BrowserWindow | undefined;
const links = new ExternalLinks();
/** How long quitting waits for the host to log out and stop before the app goes anyway. */
const HOST_CLOSE_WAIT_MS = 5000;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerSchemes();
  app.on('second-instance', () => {
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => guardWebContents(contents, devServerUrl, links));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    // The quit waits (boundedly) for the host to cancel its work, log out and stop the Demo MLS.
    if (!host) return;
    event.preventDefault();
    const closing = host;
    host = undefined;
    void closeWithin(closing, HOST_CLOSE_WAIT_MS).finally(() => app.quit());
  });
  app.whenReady().then(start).catch((err: unknown) => {
    dialog.showErrorBox('RETS Workbench could not start', err instanceof Error ? err.message : String(err));
    app.quit();
  });
}

async function start(): Promise<void> {
  applySessionPolicy(devServerUrl);
  host = await createHost({
    dataDir: app.getPath('userData'),
    mode: 'electron',
    version: app.getVersion(),
    mediaUrl,
    dialogs: fileDialogs(() => win),
  });
  handleAppScheme(join(__dirname, '..', 'renderer', MAIN_WINDOW_VITE_NAME));
  handleMediaScheme(host);
  registerIpc(host, devServerUrl);
  host.events.subscribe((event) => { if (event.type === 'session.changed') links.noteLogin(event.status.login); });

  win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'RETS Workbench',
    show: false,
    backgroundColor: '#1e1e1e',
    webPreferences: webPreferences(join(__dirname, 'preload.js'), !app.isPackaged),
  });
  guardWindow(win, devServerUrl, links);
  forwardEvents(host, win.webContents);
  win.once('ready-to-show', () => win?.show());
  await win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

function closeWithin(h: Host, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); });
  return Promise.race([h.close().catch(() => undefined), late]).finally(() => clearTimeout(timer));
}
