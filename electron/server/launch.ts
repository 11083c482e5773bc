// Browser mode in one call: the host (with the Demo MLS in-process) and its HTTP server.
// Used by `rets-workbench serve` and `npm start` when Electron cannot run, and by the tests.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoMlsOptions } from '../demo/index';
import { createHost, type Host } from '../host/host';
import { defaultDataDir } from '../host/paths';
import type { SecretStoreOptions } from '../host/secrets';
import { startBrowserServer, type BrowserServer } from './server';

/** Where the renderer's Vite build lands (renderer/vite.config.mts). */
export const RENDERER_DIST = join(__dirname, '..', '..', 'dist', 'renderer');

export function rendererBuilt(dir = RENDERER_DIST): boolean {
  return existsSync(join(dir, 'index.html'));
}

export interface LaunchOptions {
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
  const host = await createHost({
    dataDir: opts.dataDir ?? defaultDataDir(),
    mode: 'browser',
    demo: opts.demo ?? true,
    ...(opts.secrets ? { secrets: opts.secrets } : {}),
    ...(opts.version ? { version: opts.version } : {}),
  });
  let server: BrowserServer;
  try {
    const rendererDir = opts.rendererDir ?? RENDERER_DIST;
    server = await startBrowserServer({
      host,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(rendererBuilt(rendererDir) ? { rendererDir } : {}),
      ...(opts.token ? { token: opts.token } : {}),
    });
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
