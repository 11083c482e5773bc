// Running the built main process on the stand-in, for tests: start it as Electron would (load,
// then 'ready'), call the host through the page's bridge as the renderer does, read responses
// from main's schemes (app://, rw-media://) whole, run long operations to their end, and quit.
//   const bundle = await buildMainBundle();            // once per test file, in beforeAll
//   const app = await startDesktopApp(bundle);
//   const photo = await schemeGet(app.electron, 'rw-media://media/…');   // { status, headers, body }
//   await quitApp(app.electron);
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '../../shared/contract/common';
import type { HostEvent } from '../../shared/contract';
import { ElectronStandIn, type StandInOptions, type StandInWindow } from './electronStandIn';
import type { MainBundle } from './mainBundle';

/** What the preload puts on window.retsWorkbench: one function per contract call, and onEvent. */
export type Bridge = Record<string, (request?: unknown) => Promise<Envelope<unknown>>> & { onEvent(listener: (e: HostEvent) => void): () => void };

export interface DesktopApp { electron: ElectronStandIn; win: StandInWindow; bridge: Bridge }

/** Loads main on a fresh stand-in (its own app.getPath folder, removed with the bundle); 'ready' is the caller's to fire. */
export function launchMain(bundle: MainBundle, opts: Partial<StandInOptions> = {}): ElectronStandIn {
  const paths = mkdtempSync(join(bundle.dir, 'paths-'));
  const electron = new ElectronStandIn({ paths, ...opts }).install();
  bundle.loadMain();
  return electron;
}

/** Launches main, fires 'ready' and waits for its window to load the page and run the preload. */
export async function startDesktopApp(bundle: MainBundle, opts: Partial<StandInOptions> = {}): Promise<DesktopApp> {
  const electron = launchMain(bundle, opts);
  electron.app.fireReady();
  const win = await electron.firstPageLoaded();
  return { electron, win, bridge: electron.mainWorld.retsWorkbench as Bridge };
}

/** Quits as the user would (app.quit) and waits until the app has quit. */
export async function quitApp(electron: ElectronStandIn): Promise<void> {
  if (electron.app.hasQuit) return;
  electron.app.quit();
  await electron.app.quitted;
}

/** The data of an envelope; an error envelope throws with its message. */
export function data<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(env.error.message);
  return env.data as T;
}

/** A response from one of main's protocol handlers, read whole. */
export async function schemeGet(electron: ElectronStandIn, url: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const res = await electron.request(url);
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => { headers[name] = value; });
  return { status: res.status, headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** Starts a long operation through the bridge and collects its events (through the page's event channel) until its last. */
export async function runOperation(bridge: Bridge, call: string, request: Record<string, unknown>): Promise<HostEvent[]> {
  const operationId = `${call.split('.')[0]}-main-${Math.random().toString(36).slice(2, 8)}`;
  const events: HostEvent[] = [];
  let off = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    off = bridge.onEvent((e) => {
      if (!('operationId' in e) || e.operationId !== operationId) return;
      events.push(e);
      if (/\.(done|error)$/.test(e.type)) resolve();
    });
  });
  try {
    data(await bridge[call]({ ...request, operationId }));
    await done;
  } finally {
    off();
  }
  return events;
}
