// `rets-workbench serve [--port N] [--json] [--data DIR] [--no-demo]`: browser mode. The host
// services on 127.0.0.1 with the Demo MLS ready; open the printed URL (it carries the access
// token). On a remote machine, tunnel it: ssh -L PORT:127.0.0.1:PORT host.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowserMode, rendererBuilt, type BrowserMode } from '../server/launch';
import { intValue, parseCommandArgs, stringValue, UsageError, withUsage, type OptionsSpec } from './args';
import { packageVersion } from './version';
import type { MetadataRevision } from '../demo/index';

export interface ServeArgs { port?: number; json: boolean; dataDir?: string; demo: boolean | { metadataRevision: MetadataRevision } }

const SERVE_OPTIONS = {
  port: { type: 'string' }, json: { type: 'boolean' }, data: { type: 'string' }, 'no-demo': { type: 'boolean' }, 'demo-metadata': { type: 'string' },
} as const satisfies OptionsSpec;

/** The options serve and start share, for their usage texts. */
export const SERVE_OPTIONS_USAGE = `  --port N    the port on 127.0.0.1 (0: any free port)
  --json      one line of JSON with the URL and token, once it listens
  --data DIR  where profiles and results are kept (default: the workbench's data folder)
  --no-demo   without the Demo MLS
  --demo-metadata N  the Demo MLS serves metadata edition N (1, the default; 2: a new
              MetadataVersion with a few changes, to see a metadata change)
`;

const USAGE = `usage: rets-workbench serve [--port N] [--json] [--data DIR] [--no-demo]\n${SERVE_OPTIONS_USAGE}`;

/** serve's and start's options from argv; undefined when --help asks for the usage. Throws UsageError. */
export function parseServeArgs(args: string[]): ServeArgs | undefined {
  const { values, positionals } = parseCommandArgs(args, SERVE_OPTIONS);
  if (values.help) return undefined;
  if (positionals.length) throw new UsageError(`Unexpected argument '${positionals[0]}': this command takes options only.`);
  const port = intValue(values, 'port', 0, 65535);
  const dataDir = stringValue(values, 'data');
  const revision = intValue(values, 'demo-metadata', 1, 2) as MetadataRevision | undefined;
  const demo = values['no-demo'] === true ? false : revision && revision !== 1 ? { metadataRevision: revision } : true;
  return { json: values.json === true, demo, ...(port !== undefined ? { port } : {}), ...(dataDir !== undefined ? { dataDir } : {}) };
}

/** Starts browser mode and prints where to open it; resolves once it listens. */
export async function serve(opts: ServeArgs): Promise<BrowserMode> {
  const mode = await launchBrowserMode({ ...(opts.port !== undefined ? { port: opts.port } : {}), demo: opts.demo, version: packageVersion(), ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });
  const { server, host } = mode;
  const keychain = await host.secrets.status();
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({
      url: server.openUrl, baseUrl: server.url, token: server.token, port: server.port,
      demoLoginUrl: host.demo?.loginUrl ?? null, dataDir: host.layout.root, keychain: keychain.available, rendererBuilt: rendererBuilt(),
    })}\n`);
  } else {
    const lines = [
      'RETS Workbench (browser mode)',
      `  Open:      ${server.openUrl}`,
      `  Data:      ${host.layout.root}`,
      ...(host.demo ? [`  Demo MLS:  ${host.demo.loginUrl} (profiles "Demo MLS (RETS)" and "Demo MLS (Web API)" are ready)`] : []),
      keychain.available ? `  Keychain:  ${keychain.backend}` : `  Keychain:  none. ${keychain.message}`,
      ...(rendererBuilt() ? [] : ['  The renderer is not built (dist/renderer): run `npm run build:renderer`; the API works meanwhile.']),
      `  Remote machine? ssh -L ${server.port}:127.0.0.1:${server.port} <host>, then open the URL above locally.`,
      'Press Ctrl+C to stop.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return mode;
}

/** In a clone (Vite installed), builds dist/renderer when it is missing, saying so first. */
export function buildRendererIfMissing(command: string): void {
  if (rendererBuilt()) return;
  const root = join(__dirname, '..', '..');
  const vite = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');
  if (!existsSync(vite)) return;
  process.stdout.write('Building the renderer first (once, into dist/renderer)…\n');
  const r = spawnSync(vite, ['build', '--config', join(root, 'renderer', 'vite.config.mts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.stderr.write(`${command}: the renderer build failed; the API still runs.\n`);
}

export function untilSignal(mode: BrowserMode): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => { void mode.close().then(resolve, resolve); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export async function run(args: string[]): Promise<number> {
  return withUsage('serve', USAGE, async () => {
    const opts = parseServeArgs(args);
    if (!opts) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (!opts.json) buildRendererIfMissing('serve');
    let mode: BrowserMode;
    try {
      mode = await serve(opts);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const hint = err.code === 'EADDRINUSE' ? ` (port ${opts.port} is in use: use --port 0 for any free port)` : '';
      process.stderr.write(`serve: could not start: ${err.message}${hint}\n`);
      return 1;
    }
    await untilSignal(mode);
    return 0;
  });
}
