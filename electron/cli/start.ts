// `npm start`: the Electron window when Electron's binary is present (through Forge's dev loop),
// otherwise a plain explanation and browser mode. Builds the renderer first when it is missing.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withUsage } from './args';
import { buildRendererIfMissing, parseServeArgs, serve, SERVE_OPTIONS_USAGE, untilSignal } from './serve';

const root = join(__dirname, '..', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/** Why Electron cannot start here, or undefined when its binary is present. */
export function electronMissingReason(): string | undefined {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(pkg)) return 'the electron package is not installed';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return existsSync(process.env.ELECTRON_OVERRIDE_DIST_PATH) ? undefined : 'ELECTRON_OVERRIDE_DIST_PATH points nowhere';
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return "Electron's binary was never downloaded (its install step did not run or could not reach GitHub)";
  const exe = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(exe)) return `Electron's binary is missing (${exe})`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display (no DISPLAY or WAYLAND_DISPLAY)';
  return undefined;
}

const USAGE = `usage: rets-workbench start [--port N] [--json] [--data DIR] [--no-demo]
The Electron window when it can start here, otherwise browser mode (as serve) with these options:
${SERVE_OPTIONS_USAGE}`;

export async function run(args: string[]): Promise<number> {
  return withUsage('start', USAGE, async () => {
    const opts = parseServeArgs(args);
    if (!opts) {
      process.stdout.write(USAGE);
      return 0;
    }
    const why = electronMissingReason();
    if (!why && process.env.RETS_WORKBENCH_BROWSER !== '1') {
      const child = spawn(bin('electron-forge'), ['start'], { cwd: root, stdio: 'inherit' });
      return new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
    }
    if (!opts.json) process.stdout.write(`Electron cannot start here: ${why ?? 'RETS_WORKBENCH_BROWSER=1 asks for browser mode'}.\nStarting browser mode instead (the same workbench in your browser).\n\n`);
    if (!opts.json) buildRendererIfMissing('start');
    const mode = await serve(opts);
    await untilSignal(mode);
    return 0;
  });
}
