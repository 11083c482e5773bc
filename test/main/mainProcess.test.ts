// The Electron main process as Forge builds it (test/main/mainBundle.ts), run under plain Node with
// a stand-in `electron` (electronStandIn.ts): it starts the host once ready, wires one IPC handler
// per contract call and the preload to them, refuses calls from other frames, serves the renderer
// and photos on its schemes, locks the window down, hands the OS only https pages the host showed,
// focuses the first instance when a second starts, and closes the host before quitting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { callNames } from '../../shared/contract';
import type { Envelope } from '../../shared/contract/common';
import type { HostEventOf, HostInfo, LoginInfo, ObjectInfo, Profile, SessionStatus } from '../../shared/contract';
import { callChannel, EVENT_CHANNEL } from '../../electron/main/ipcChannels';
import { DESKTOP_CSP } from '../../electron/main/policy';
import { startMiniRets, type MiniRets } from '../client/miniRets';
import { data, launchMain, quitApp, runOperation, schemeGet, startDesktopApp, type Bridge } from './desktopApp';
import type { ElectronStandIn, Frame, StandInOptions, StandInWindow } from './electronStandIn';
import { buildMainBundle, RENDERER_FILES, type MainBundle } from './mainBundle';
import { wireRows } from '../../shared/contract/compactRows';

// Never the developer's own keychain: no Secret Service answers, so secrets stay in memory.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/rets-workbench-test-bus';

let bundle: MainBundle;
beforeAll(async () => { bundle = await buildMainBundle(); }, 120_000);
afterAll(() => bundle?.dispose());

const launch = (opts: Partial<StandInOptions> = {}) => launchMain(bundle, opts);

describe('the desktop app, started as a user starts it', () => {
  let electron: ElectronStandIn;
  let win: StandInWindow;
  let bridge: Bridge;
  let beforeReady: { ipc: number; windows: number; protocols: number; calls: string[] };
  let mls: MiniRets;
  const SUPPORT_PAGE = 'https://support.example-mls.test/help?topic=rets';

  beforeAll(async () => {
    mls = await startMiniRets({ relativeUrls: false, withAction: false, extraCapabilities: [`X-SupportSite=${SUPPORT_PAGE}`, 'X-Phish=javascript:alert(1)'] });
    electron = launch();
    beforeReady = { ipc: electron.ipcHandlers.size, windows: electron.windows.length, protocols: electron.protocolHandlers.size, calls: [...electron.calls] };
    electron.app.fireReady();
    win = await electron.firstPageLoaded();
    bridge = electron.mainWorld.retsWorkbench as Bridge;
  }, 60_000);
  afterAll(async () => {
    if (electron) await quitApp(electron);
    await mls?.close();
  });

  it('takes the single-instance lock and registers its schemes before ready, and starts nothing earlier', () => {
    expect(beforeReady.calls.slice(0, 2)).toEqual(['app.requestSingleInstanceLock', 'protocol.registerSchemesAsPrivileged']);
    expect(electron.privilegedSchemes.map((s) => [s.scheme, s.privileges.standard, s.privileges.secure])).toEqual([['app', true, true], ['rw-media', true, true]]);
    expect(beforeReady).toMatchObject({ ipc: 0, windows: 0, protocols: 0 });
  });

  it('starts the host once ready (the Demo MLS answers) and shows one window, with no error', async () => {
    expect(electron.errorBoxes).toEqual([]);
    expect(electron.windows).toHaveLength(1);
    expect(win.shown).toBe(true);
    expect(electron.calls).toContain('webContents.loadURL app://workbench/index.html');
    const info = data<HostInfo>(await bridge['host.info']({}));
    expect(info).toMatchObject({ mode: 'electron', version: '0.1.0' });
    expect(JSON.parse(readFileSync(join(electron.opts.paths, 'userData', 'ports.json'), 'utf8'))).toEqual({ demo: Number(new URL(info.demo!.loginUrl).port) });
    const demo = await fetch(info.demo!.loginUrl);
    await demo.arrayBuffer();
    expect(demo.status).toBe(401); // a RETS server asking for the demo login
  });

  it('registers exactly one IPC handler per contract call, and nothing else', () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(callNames.map(callChannel).sort());
    expect(electron.calls.filter((c) => c.startsWith('ipcMain.handle '))).toHaveLength(callNames.length);
  });

  it("gives the page, through the preload beside main.js, one function per contract call, each reaching the host", async () => {
    expect(win.webPreferences.preload).toBe(bundle.preloadJs);
    expect(Object.keys(bridge).sort()).toEqual([...callNames, 'onEvent'].sort());
    for (const name of callNames) {
      // A request no schema accepts: the host answers each call with its own validation error.
      const env = await bridge[name](42);
      expect(env.ok, name).toBe(false);
      expect(env.ok ? '' : env.error.message, name).not.toBe('');
    }
    const { profiles } = data<{ profiles: Profile[] }>(await bridge['profiles.list']({}));
    expect(profiles[0]).toMatchObject({ id: 'demo', builtin: true });
  });

  it("refuses calls from any frame but the app's own top frame, before they reach the host", async () => {
    const top = electron.topFrame();
    const others: (Frame | null)[] = [
      { url: 'app://workbench/index.html', parent: top }, // a subframe of the app
      { url: 'https://evil.example/', parent: null }, // the window navigated away
      { url: 'app://evil/index.html', parent: null }, // another host on the app scheme
      { url: 'file:///etc/passwd', parent: null },
      null, // a frame already gone
    ];
    const planted = { name: 'planted', query: '(A=1)', resource: 'Property', class: 'RES' };
    for (const frame of others) {
      const env = await electron.invoke(callChannel('snippets.save'), frame, planted) as Envelope<unknown>;
      expect(env.ok, JSON.stringify(frame?.url)).toBe(false);
      expect(env.ok ? '' : env.error.kind).toBe('auth');
    }
    const names = async () => data<{ snippets: { name: string }[] }>(await electron.invoke(callChannel('snippets.list'), top, {}) as Envelope<unknown>).snippets.map((s) => s.name);
    expect(await names()).not.toContain('planted');
    // The same request from the app's top frame is one the host takes.
    data(await electron.invoke(callChannel('snippets.save'), top, planted) as Envelope<unknown>);
    expect(await names()).toContain('planted');
  });

  it('opens the window isolated, sandboxed, without Node, and with dev tools while not packaged', () => {
    expect(win.webPreferences).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
      webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, devTools: true,
    });
    expect(existsSync(String(win.webPreferences.preload))).toBe(true);
  });

  it('serves the renderer on app:// with the CSP, falling back to index.html for app routes', async () => {
    const index = await schemeGet(electron, 'app://workbench/index.html');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['content-security-policy']).toBe(DESKTOP_CSP);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.body.toString()).toBe(RENDERER_FILES['index.html']);
    const script = await schemeGet(electron, 'app://workbench/assets/app.js');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.body.toString()).toBe(RENDERER_FILES['assets/app.js']);
    for (const route of ['app://workbench/', 'app://workbench/explorer/Property']) {
      const r = await schemeGet(electron, route);
      expect(r.headers['content-security-policy'], route).toBe(DESKTOP_CSP);
      expect(r.body.toString(), route).toBe(RENDERER_FILES['index.html']);
    }
  });

  it('never serves a file outside the renderer folder on app://, however the path is spelled', async () => {
    const attempts = [
      'app://workbench/../../etc/passwd',
      'app://workbench/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      'app://workbench/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      'app://workbench/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://workbench/..%5c..%5c..%5c..%5c..%5c..%5c..%5cetc%5cpasswd',
      'app://workbench/%252e%252e%252f%252e%252e%252fetc%252fpasswd',
      'app://workbench/%2Fetc%2Fpasswd',
      'app://workbench//etc/passwd',
      // The sibling folder whose name starts like the renderer's.
      'app://workbench/..%2fmain_window_private%2fsecret.txt',
      'app://workbench/%2e%2e%2fmain_window_private%2fsecret.txt',
      `app://workbench/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f${encodeURIComponent(bundle.dir.slice(1))}%2f.vite%2frenderer%2fmain_window_private%2fsecret.txt`,
    ];
    for (const url of attempts) {
      const r = await schemeGet(electron, url);
      const body = r.body.toString();
      expect(body, url).not.toContain('root:');
      expect(body, url).not.toContain('not for the page');
      expect(r.status === 404 || body === RENDERER_FILES['index.html'], `${url}: ${r.status}`).toBe(true);
    }
  });

  it('answers a malformed path on app:// with 400 and another host with 404, never an error', async () => {
    expect((await schemeGet(electron, 'app://workbench/%E0%A4%A')).status).toBe(400);
    expect((await schemeGet(electron, 'app://workbench/%')).status).toBe(400);
    expect((await schemeGet(electron, 'app://evil/index.html')).status).toBe(404);
  });

  it("serves a listing's photos and an export's file on the media scheme", async () => {
    const found = await runOperation(bridge, 'search.start', { profileId: 'demo', resource: 'Property', class: 'RES', query: '(L_PictureCount=3+)', select: ['L_ListingKey'], options: { limit: 1 } });
    expect(found.at(-1)?.type).toBe('search.done');
    // Host events reach the page through the one event channel.
    expect(win.webContents.sent.length).toBeGreaterThan(0);
    expect(win.webContents.sent.every((m) => m.channel === EVENT_CHANNEL)).toBe(true);
    const key = found.flatMap((e) => (e.type === 'search.rows' ? wireRows(e) : []))[0][0];

    const { objects } = data<{ objects: ObjectInfo[] }>(await bridge['objects.list']({ profileId: 'demo', resource: 'Property', key }));
    expect(objects.length).toBeGreaterThanOrEqual(3);
    const photo = objects[0];
    expect(photo.url).toBe(`rw-media://media/demo/Property/Photo/${key}/${photo.objectId}`);
    const full = await schemeGet(electron, photo.url);
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('image/png');
    // Item 1's rules on the desktop scheme too (hostile bodies: test/host/media.test.ts).
    expect(full.headers['content-security-policy']).toBe("default-src 'none'; img-src 'self'; sandbox");
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    expect([...full.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const thumb = await schemeGet(electron, photo.thumbnailUrl!);
    expect(thumb.status).toBe(200);
    expect(thumb.body.length).toBeLessThan(full.body.length);

    expect((await schemeGet(electron, `rw-media://media/demo/Property/Photo/${key}/999`)).status).toBe(404);
    expect((await schemeGet(electron, 'rw-media://downloads/no-such-export')).status).toBe(404);

    const exported = await runOperation(bridge, 'export.start', {
      profileId: 'demo', resource: 'Property', class: 'RES', query: `(L_ListingKey=${key})`, select: ['L_ListingKey'], destination: { kind: 'download', fileName: 'one.csv' },
    });
    expect(exported.at(-1)?.type).toBe('export.done');
    const done = exported.at(-1) as HostEventOf<'export.done'>;
    const file = await schemeGet(electron, `rw-media://downloads/${done.operationId}`);
    expect(file.status).toBe(200);
    expect(done.fileName).toBe('one.csv');
    expect(file.body.toString()).toBe(`L_ListingKey\r\n${key}\r\n`);
  });

  it('refuses navigation away from the app, new windows, webviews, outside requests and permissions', async () => {
    const contents = win.webContents;
    expect(contents.navigate('app://workbench/index.html')).toBe(true);
    for (const url of ['https://evil.example/', 'http://127.0.0.1:1/', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)']) {
      expect(contents.navigate(url), url).toBe(false);
      expect(contents.navigate(url, 'will-redirect'), url).toBe(false);
      expect(contents.openWindow(url), url).toEqual({ action: 'deny' });
    }
    expect(contents.openWindow('app://workbench/index.html')).toEqual({ action: 'deny' });
    expect(contents.attachWebview()).toBe(false);
    expect(electron.openedExternally).toEqual([]);

    const ses = electron.session;
    expect(await ses.allowsRequest('app://workbench/assets/app.js')).toBe(true);
    expect(await ses.allowsRequest('rw-media://media/demo/Property/Photo/1/1')).toBe(true);
    for (const url of ['https://evil.example/x.js', `${mls.url}/rets/login`, 'file:///etc/passwd']) expect(await ses.allowsRequest(url), url).toBe(false);
    const headers = await ses.responseHeaders('app://workbench/index.html', { 'Content-Security-Policy': ["default-src *"] });
    expect(headers['Content-Security-Policy']).toEqual([DESKTOP_CSP]);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) expect(await ses.grants(p), p).toBe(false);
    expect(ses.permissionCheckHandler?.(undefined, 'media', 'app://workbench', {})).toBe(false);
  });

  it('opens in the browser only the https pages a login showed, nothing else the page names', async () => {
    const contents = win.webContents;
    expect(contents.openWindow(SUPPORT_PAGE)).toEqual({ action: 'deny' });
    expect(electron.openedExternally).toEqual([]); // not shown by any login yet

    const { profile } = data<{ profile: Profile }>(await bridge['profiles.create']({ name: 'Mini MLS', loginUrl: mls.loginUrl, username: 'joe', password: 'pw', userAgent: 'Workbench/1.0' }));
    const status = data<SessionStatus>(await bridge['session.connect']({ profileId: profile.id }));
    expect(status.state).toBe('connected');
    expect((status.login as LoginInfo).capabilities['X-SupportSite']).toBe(SUPPORT_PAGE);

    expect(contents.openWindow(SUPPORT_PAGE)).toEqual({ action: 'deny' }); // never an app window
    expect(electron.openedExternally).toEqual([SUPPORT_PAGE]);
    const refused = [
      'https://support.example-mls.test/other', 'https://joe:pw@support.example-mls.test/help?topic=rets', `${mls.url}/rets/search`,
      'javascript:alert(1)', 'file:///etc/passwd', 'smb://attacker.example/share', 'https://evil.example/',
    ];
    for (const url of refused) contents.openWindow(url);
    expect(electron.openedExternally).toEqual([SUPPORT_PAGE]);
  });

  it('focuses the running window when a second instance starts', () => {
    win.minimize();
    const focused = win.focusCount;
    electron.app.fireSecondInstance();
    expect(win.isMinimized()).toBe(false);
    expect(win.focusCount).toBe(focused + 1);
  });

  it('closes the host before the app quits: sessions logged out, the Demo MLS stopped', async () => {
    const demoUrl = data<HostInfo>(await bridge['host.info']({})).demo!.loginUrl;
    let loggedOutBeforeQuit = false;
    electron.app.once('will-quit', () => { loggedOutBeforeQuit = mls.log.some((r) => r.path === '/rets/logout'); });
    electron.app.quit();
    expect(electron.app.hasQuit).toBe(false); // it waits for the host
    await electron.app.quitted;
    expect(loggedOutBeforeQuit).toBe(true);
    expect(electron.windows).toEqual([]);
    await expect(fetch(demoUrl)).rejects.toThrow();
    expect(electron.errorBoxes).toEqual([]);
  });
});

describe('a packaged build', () => {
  it('has no dev tools, and quits with its host when its window is closed', async () => {
    const { electron, win, bridge } = await startDesktopApp(bundle, { isPackaged: true });
    expect(win.webPreferences).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true, nodeIntegration: false });
    const info = data<HostInfo>(await bridge['host.info']({}));
    win.close();
    await electron.app.quitted;
    await expect(fetch(info.demo!.loginUrl)).rejects.toThrow();
    expect(electron.errorBoxes).toEqual([]);
  }, 60_000);
});

describe('a second instance', () => {
  it('quits at once when another instance holds the lock, registering nothing', () => {
    const electron = launch({ singleInstanceLock: false });
    expect(electron.app.hasQuit).toBe(true);
    expect(electron.calls).toEqual(['app.requestSingleInstanceLock', 'app.quit']);
    expect(electron.privilegedSchemes).toEqual([]);
  });
});

describe('a start that fails', () => {
  it('tells the user why in an error box and quits, instead of leaving a dead window', async () => {
    // A broken package: the renderer's index.html is missing, so the window cannot load.
    const index = join(bundle.rendererDir, 'index.html');
    renameSync(index, `${index}.away`);
    try {
      const electron = launch();
      electron.app.fireReady();
      await electron.app.quitted;
      expect(electron.errorBoxes).toHaveLength(1);
      expect(electron.errorBoxes[0].title).toBe('RETS Workbench could not start');
      expect(electron.errorBoxes[0].content).not.toBe('');
      expect(electron.windows).toEqual([]);
    } finally {
      renameSync(`${index}.away`, index);
    }
  });
});
