// Browser mode in one call: the host (with the Demo MLS in-process) and its HTTP server.
// Used by `rets-workbench serve` and `npm start` when Electron cannot run, and by the tests.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoMlsOptions } from '../demo/index';
import { createHost, type Host } from '../host/host';
import { defaultDataDir } from '../host/paths';
import { listenOnRememberedPort } from '../host/rememberedPorts';
import type { SecretStoreOptions } from '../host/secrets';
import { startBrowserServer, type BrowserServer } from './server';

/** Where the renderer's Vite build lands (renderer/vite.config.mts). */
export const RENDERER_DIST = join(__dirname, '..', '..', 'dist', 'renderer');

export function rendererBuilt(dir = RENDERER_DIST): boolean {
  return existsSync(join(dir, 'index.html'));
}

export interface LaunchOptions {
  /** 0: any free port; absent: the port used last time when it is free. */
  port?: number;
  dataDir?: string;
  rendererDir?: string;
  demo?: boolean | DemoMlsOptions;
  token?: string;
  secrets?: SecretStoreOptions;
  version?: string;
}

export interface BrowserMode {
  host: Host;
  server: BrowserServer;
  close(): Promise<void>;
}

export async function launchBrowserMode(opts: LaunchOptions = {}): Promise<BrowserMode> {
  const dataDir = opts.dataDir ?? defaultDataDir();
  const host = await createHost({
    dataDir,
    mode: 'browser',
    demo: opts.demo ?? true,
    ...(opts.secrets ? { secrets: opts.secrets } : {}),
    ...(opts.version ? { version: opts.version } : {}),
  });
  let server: BrowserServer;
  try {
    const rendererDir = opts.rendererDir ?? RENDERER_DIST;
    const start = (port: number) => startBrowserServer({
      host, port,
      rendererDir,
      ...(opts.token ? { token: opts.token } : {}),
    });
    // No port asked for: the one from last time, so the tab's origin (and its saved state) stays.
    server = opts.port !== undefined ? await start(opts.port) : await listenOnRememberedPort(dataDir, 'browser', start);
  } catch (err) {
    await host.close();
    throw err;
  }
  return {
    host, server,
    async close() {
      await server.close();
      await host.close();
    },
  };
}
