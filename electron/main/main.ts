// The Electron main process: one instance, one window, the host services in-process (profiles,
// keychain, RETS sessions, the Demo MLS), the renderer from app://workbench/. Typed against the
// electron package; it runs only where Electron's binary exists (not on this build machine).
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { createHost, type Host } from '../host/host';
import { handleAppScheme, handleMediaScheme, mediaUrl, registerSchemes } from './appProtocol';
import { fileDialogs } from './dialogs';
import { forwardEvents, registerIpc } from './ipc';
import { APP_ORIGIN, applySessionPolicy, guardWebContents, guardWindow, webPreferences } from './security';

const devServerUrl = typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL ? MAIN_WINDOW_VITE_DEV_SERVER_URL : undefined;
let host: Host | undefined;
let win: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerSchemes();
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => guardWebContents(contents, devServerUrl));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => { void host?.close(); });
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

  win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'RETS Workbench',
    show: false,
    backgroundColor: '#1e1e1e',
    webPreferences: webPreferences(join(__dirname, 'preload.js')),
  });
  guardWindow(win, devServerUrl);
  forwardEvents(host, win.webContents);
  win.once('ready-to-show', () => win?.show());
  await win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}
