// A stand-in for the `electron` module, for running the built main process under plain Node
// (Electron's binary cannot be downloaded here). It records what main asks of app, BrowserWindow,
// ipcMain, protocol, session, dialog, shell and net, behaves as Electron documents where main
// depends on it (one handler per IPC channel, privileged schemes only before 'ready', app.quit
// emitting 'before-quit', closing the last window emitting 'window-all-closed'), and lets the test
// drive events: ready, second-instance, quitting, IPC from a chosen frame, protocol requests,
// navigation and window.open. Asking for anything it does not have throws, naming the missing
// piece, so new Electron use in main shows up here first.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STAND_IN_KEY = 'rets-workbench.electron-stand-in';

/** What Electron gives as event.senderFrame: the frame's URL and its parent (null for a top frame). */
export interface Frame { url: string; parent: Frame | null }

export interface StandInOptions {
  /** Where app.getPath(name) points: `<paths>/<name>`. */
  paths: string;
  isPackaged?: boolean;
  /** What requestSingleInstanceLock answers (false: another instance holds it). */
  singleInstanceLock?: boolean;
}

/** An Electron event: listeners may call preventDefault. */
export class StandInEvent {
  defaultPrevented = false;
  preventDefault(): void { this.defaultPrevented = true; }
}

const MIME: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.txt': 'text/plain',
};

/** net.fetch: file: URLs read from disk as Electron does (a missing file rejects), the rest through Node's fetch. */
async function netFetch(input: string | Request, init?: RequestInit): Promise<Response> {
  const url = typeof input === 'string' ? input : input.url;
  if (!url.startsWith('file:')) return fetch(input, init);
  const path = fileURLToPath(url);
  const body = await readFile(path);
  return new Response(body, { headers: { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' } });
}

export class ElectronStandIn {
  /** Every call main made, in order, by name (e.g. "protocol.handle app"). */
  readonly calls: string[] = [];
  readonly windows: StandInWindow[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly openedExternally: string[] = [];
  readonly privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[] = [];
  readonly protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  readonly ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  /** What the preload put on the page's window (contextBridge.exposeInMainWorld). */
  readonly mainWorld: Record<string, unknown> = {};
  readonly session = new StandInSession(this);
  readonly app: StandInApp;
  /** What require('electron') returns. */
  readonly module: Record<string, unknown>;
  private readonly pageListeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  private firstLoad: { promise: Promise<StandInWindow>; resolve: (w: StandInWindow) => void; reject: (e: unknown) => void };

  constructor(readonly opts: StandInOptions) {
    this.app = new StandInApp(this);
    let resolve!: (w: StandInWindow) => void; let reject!: (e: unknown) => void;
    this.firstLoad = { promise: new Promise((res, rej) => { resolve = res; reject = rej; }), resolve, reject };
    this.firstLoad.promise.catch(() => undefined);
    const standIn = (): ElectronStandIn => this;
    const BrowserWindow = class extends StandInWindow {
      static getAllWindows(): StandInWindow[] { return [...standIn().windows]; }
      constructor(options: Record<string, unknown>) { super(standIn(), options); }
    };
    const api: Record<string, unknown> = {
      app: this.app,
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
          this.record(`ipcMain.handle ${channel}`);
          // Electron refuses a second handler for a channel.
          if (this.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
          this.ipcHandlers.set(channel, handler);
        },
        removeHandler: (channel: string) => { this.record(`ipcMain.removeHandler ${channel}`); this.ipcHandlers.delete(channel); },
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => {
          this.record('protocol.registerSchemesAsPrivileged');
          if (this.app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
          this.privilegedSchemes.push(...schemes);
        },
        handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
          this.record(`protocol.handle ${scheme}`);
          if (this.protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
          this.protocolHandlers.set(scheme, handler);
        },
        isProtocolHandled: (scheme: string) => this.protocolHandlers.has(scheme),
      },
      session: { defaultSession: this.session },
      dialog: {
        showErrorBox: (title: string, content: string) => { this.record('dialog.showErrorBox'); this.errorBoxes.push({ title, content }); },
        showSaveDialog: async () => { this.record('dialog.showSaveDialog'); return { canceled: true }; },
        showOpenDialog: async () => { this.record('dialog.showOpenDialog'); return { canceled: true, filePaths: [] }; },
      },
      shell: {
        openExternal: async (url: string) => { this.record('shell.openExternal'); this.openedExternally.push(url); },
      },
      net: { fetch: (input: string | Request, init?: RequestInit) => { this.record('net.fetch'); return netFetch(input, init); } },
      // The page side, for the preload (which runs in the window's sandboxed renderer).
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => { this.record(`contextBridge.exposeInMainWorld ${key}`); this.mainWorld[key] = value; },
      },
      ipcRenderer: {
        invoke: (channel: string, ...args: unknown[]) => this.invoke(channel, this.topFrame(), ...args),
        on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
          if (!this.pageListeners.has(channel)) this.pageListeners.set(channel, new Set());
          this.pageListeners.get(channel)!.add(listener);
        },
        removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => { this.pageListeners.get(channel)?.delete(listener); },
      },
    };
    this.module = new Proxy(api, {
      get(target, key) {
        if (typeof key === 'symbol' || key in target) return target[key as string];
        if (key === '__esModule' || key === 'default' || key === 'then') return undefined;
        throw new Error(`The electron stand-in (test/main/electronStandIn.ts) has no "${key}": main uses it now, so add it there.`);
      },
    });
  }

  /** Makes require('electron') from the built app return this stand-in. */
  install(): this {
    (globalThis as Record<symbol, unknown>)[Symbol.for(STAND_IN_KEY)] = this;
    return this;
  }

  record(call: string): void { this.calls.push(call); }

  /** Resolves once the first window has loaded its page (and the preload ran); rejects if that load failed. */
  firstPageLoaded(): Promise<StandInWindow> { return this.firstLoad.promise; }

  /** @internal */ pageLoaded(win: StandInWindow, err?: unknown): void {
    if (err) this.firstLoad.reject(err); else this.firstLoad.resolve(win);
  }

  /** The app window's top frame, as the page's own ipcRenderer calls come from. */
  topFrame(): Frame {
    const win = this.windows[0];
    if (!win) throw new Error('No window: nothing can send IPC yet.');
    return win.webContents.mainFrame;
  }

  /** An ipcRenderer.invoke from `frame`: the handler's answer after a structured clone, as IPC carries it. */
  async invoke(channel: string, frame: Frame | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.ipcHandlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event = { senderFrame: frame, sender: this.windows[0]?.webContents, processId: 1, frameId: 1 };
    return structuredClone(await handler(event, ...args.map((a) => structuredClone(a))));
  }

  /** A request to one of main's protocol handlers, as the page would make it. */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.protocolHandlers.get(scheme);
    if (!handler) throw new Error(`No handler for the ${scheme}: scheme`);
    return handler(new Request(url, init));
  }

  /** @internal webContents.send reaching the page's ipcRenderer listeners. */
  deliverToPage(channel: string, args: unknown[]): void {
    for (const l of this.pageListeners.get(channel) ?? []) l({ sender: undefined }, ...args.map((a) => structuredClone(a)));
  }
}

export class StandInApp extends EventEmitter {
  private ready = false;
  private readonly readyWaiters: (() => void)[] = [];
  private quitting = false;
  private quitDone!: () => void;
  /** Resolves when the app has quit ('quit' emitted). */
  readonly quitted = new Promise<void>((resolve) => { this.quitDone = resolve; });
  hasQuit = false;
  quitRequests = 0;

  constructor(private readonly standIn: ElectronStandIn) { super(); }

  get isPackaged(): boolean { return this.standIn.opts.isPackaged ?? false; }

  requestSingleInstanceLock(): boolean {
    this.standIn.record('app.requestSingleInstanceLock');
    return this.standIn.opts.singleInstanceLock ?? true;
  }

  isReady(): boolean { return this.ready; }

  whenReady(): Promise<void> {
    this.standIn.record('app.whenReady');
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  getPath(name: string): string {
    this.standIn.record(`app.getPath ${name}`);
    return join(this.standIn.opts.paths, name);
  }

  getVersion(): string { return '0.1.0'; }
  getName(): string { return 'RETS Workbench'; }

  /** As Electron: 'before-quit' (preventable), then every window closed, then 'will-quit' and 'quit'. */
  quit(): void {
    this.standIn.record('app.quit');
    this.quitRequests += 1;
    if (this.hasQuit) return;
    const before = new StandInEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.quitting = true;
    for (const w of [...this.standIn.windows]) w.close();
    if (this.standIn.windows.length) { this.quitting = false; return; }
    const will = new StandInEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) { this.quitting = false; return; }
    this.hasQuit = true;
    this.emit('quit', new StandInEvent(), 0);
    this.quitDone();
  }

  /** Test driver: Electron has finished starting. */
  fireReady(): void {
    this.ready = true;
    this.emit('ready', new StandInEvent(), {});
    for (const w of this.readyWaiters.splice(0)) w();
  }

  /** Test driver: the user started the app again while this instance runs. */
  fireSecondInstance(argv: string[] = ['rets-workbench']): void {
    this.emit('second-instance', new StandInEvent(), argv, process.cwd(), {});
  }

  /** @internal Closing windows during a quit does not emit 'window-all-closed' (Electron's rule). */
  lastWindowClosed(): void {
    if (!this.quitting) this.emit('window-all-closed', new StandInEvent());
  }
}

class StandInSession {
  readonly beforeRequest: ((details: { url: string }, callback: (r: { cancel?: boolean }) => void) => void)[] = [];
  readonly headersReceived: ((details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void) => void)[] = [];
  permissionRequestHandler?: (wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
  permissionCheckHandler?: (wc: unknown, permission: string, origin: string, details: unknown) => boolean;
  readonly webRequest: Record<string, (...args: unknown[]) => void>;

  constructor(private readonly standIn: ElectronStandIn) {
    // Electron takes an optional filter before the listener.
    const last = <T>(args: unknown[]) => args[args.length - 1] as T;
    this.webRequest = {
      onBeforeRequest: (...args) => { standIn.record('session.webRequest.onBeforeRequest'); this.beforeRequest.push(last(args)); },
      onHeadersReceived: (...args) => { standIn.record('session.webRequest.onHeadersReceived'); this.headersReceived.push(last(args)); },
    };
  }

  setPermissionRequestHandler(h: StandInSession['permissionRequestHandler']): void { this.standIn.record('session.setPermissionRequestHandler'); this.permissionRequestHandler = h; }
  setPermissionCheckHandler(h: StandInSession['permissionCheckHandler']): void { this.standIn.record('session.setPermissionCheckHandler'); this.permissionCheckHandler = h; }

  /** Test driver: whether a request the page makes is let through (every listener must let it). */
  async allowsRequest(url: string): Promise<boolean> {
    for (const l of this.beforeRequest) {
      const r = await new Promise<{ cancel?: boolean }>((resolve) => l({ url }, resolve));
      if (r.cancel) return false;
    }
    return true;
  }

  /** Test driver: the response headers the page gets once main's listeners have seen them. */
  async responseHeaders(url: string, headers: Record<string, string[]>): Promise<Record<string, string[]>> {
    let current = headers;
    for (const l of this.headersReceived) {
      const r = await new Promise<{ responseHeaders?: Record<string, string[]> }>((resolve) => l({ url, responseHeaders: current }, resolve));
      current = r.responseHeaders ?? current;
    }
    return current;
  }

  /** Test driver: whether a permission the page asks for is granted. */
  async grants(permission: string): Promise<boolean> {
    if (!this.permissionRequestHandler) return true; // Electron's default grants
    return new Promise((resolve) => this.permissionRequestHandler!(undefined, permission, resolve, {}));
  }
}

export class StandInWindow extends EventEmitter {
  readonly webContents: StandInWebContents;
  shown = false;
  minimized = false;
  focusCount = 0;
  destroyed = false;

  constructor(private readonly standIn: ElectronStandIn, readonly options: Record<string, unknown>) {
    super();
    standIn.record('new BrowserWindow');
    this.webContents = new StandInWebContents(standIn, this);
    standIn.windows.push(this);
    standIn.app.emit('web-contents-created', new StandInEvent(), this.webContents);
  }

  get webPreferences(): Record<string, unknown> { return (this.options.webPreferences ?? {}) as Record<string, unknown>; }

  loadURL(url: string): Promise<void> { return this.webContents.loadURL(url); }
  isMinimized(): boolean { return this.minimized; }
  minimize(): void { this.minimized = true; }
  restore(): void { this.standIn.record('window.restore'); this.minimized = false; }
  focus(): void { this.standIn.record('window.focus'); this.focusCount += 1; }
  show(): void { this.standIn.record('window.show'); this.shown = true; }
  isVisible(): boolean { return this.shown; }
  isDestroyed(): boolean { return this.destroyed; }

  /** As the user closing the window: 'close' (preventable), then 'closed'; the last one emits app 'window-all-closed'. */
  close(): void {
    if (this.destroyed) return;
    const e = new StandInEvent();
    this.emit('close', e);
    if (e.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
    this.standIn.windows.splice(this.standIn.windows.indexOf(this), 1);
    if (this.standIn.windows.length === 0) this.standIn.app.lastWindowClosed();
  }
}

export class StandInWebContents extends EventEmitter {
  mainFrame: Frame = { url: 'about:blank', parent: null };
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler?: (details: { url: string; frameName: string; features: string; disposition: string }) => { action: string };
  private destroyedFlag = false;

  constructor(private readonly standIn: ElectronStandIn, private readonly win: StandInWindow) { super(); }

  setWindowOpenHandler(handler: StandInWebContents['windowOpenHandler']): void {
    this.standIn.record('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyedFlag) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
    this.standIn.deliverToPage(channel, args);
  }

  isDestroyed(): boolean { return this.destroyedFlag; }
  /** @internal */ destroy(): void { this.destroyedFlag = true; this.emit('destroyed'); }

  /** Loads a page through main's protocol handlers, runs the preload the window names, then 'ready-to-show'. */
  async loadURL(url: string): Promise<void> {
    this.standIn.record(`webContents.loadURL ${url}`);
    try {
      const res = await this.standIn.request(url);
      if (!res.ok) throw new Error(`ERR_FILE_NOT_FOUND (${res.status}) loading '${url}'`);
      await res.arrayBuffer();
      this.mainFrame = { url, parent: null };
      const preload = this.win.webPreferences.preload;
      if (typeof preload === 'string') {
        const load = createRequire(preload);
        delete load.cache[preload];
        load(preload);
      }
    } catch (err) {
      this.standIn.pageLoaded(this.win, err);
      throw err;
    }
    this.emit('did-finish-load');
    this.win.emit('ready-to-show');
    this.standIn.pageLoaded(this.win);
  }

  /** Test driver: the page tries to navigate; whether main let it. */
  navigate(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const e = new StandInEvent();
    this.emit(event, e, url);
    return !e.defaultPrevented;
  }

  /** Test driver: the page calls window.open(url) or follows a target=_blank link; main's answer. */
  openWindow(url: string): { action: string } {
    if (!this.windowOpenHandler) return { action: 'allow' }; // Electron's default opens it
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'foreground-tab' });
  }

  /** Test driver: the page tries to embed a <webview>; whether main let it. */
  attachWebview(): boolean {
    const e = new StandInEvent();
    this.emit('will-attach-webview', e, {}, {});
    return !e.defaultPrevented;
  }
}
