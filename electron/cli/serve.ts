// `rets-workbench serve [--port N] [--json] [--data DIR] [--no-demo]`: browser mode. The host
// services on 127.0.0.1 with the Demo MLS ready; open the printed URL (it carries the access
// token). On a remote machine, tunnel it: ssh -L PORT:127.0.0.1:PORT host.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowserMode, rendererBuilt, type BrowserMode } from '../server/launch';

export interface ServeArgs { port?: number; json: boolean; dataDir?: string; demo: boolean }

function usage(): string {
  return 'usage: rets-workbench serve [--port N] [--json] [--data DIR] [--no-demo]\n';
}

export function parseServeArgs(args: string[]): ServeArgs | string {
  const out: ServeArgs = { json: false, demo: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') { out.json = true; continue; }
    if (a === '--no-demo') { out.demo = false; continue; }
    if (a === '--help' || a === '-h') return '';
    const [name, inline] = a.split('=', 2);
    const value = inline ?? args[++i];
    if (name === '--port') {
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < 0 || n > 65535) return '--port needs a port number (0 = any free port)';
      out.port = n;
    } else if (name === '--data') {
      if (!value) return '--data needs a folder';
      out.dataDir = value;
    } else {
      return `unknown option ${a}`;
    }
  }
  return out;
}

export function version(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Starts browser mode and prints where to open it; resolves once it listens. */
export async function serve(opts: ServeArgs): Promise<BrowserMode> {
  const mode = await launchBrowserMode({ ...(opts.port !== undefined ? { port: opts.port } : {}), demo: opts.demo, version: version(), ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });
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
  const opts = parseServeArgs(args);
  if (typeof opts === 'string') {
    process.stderr.write(opts ? `serve: ${opts}\n${usage()}` : usage());
    return opts ? 2 : 0;
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
}
