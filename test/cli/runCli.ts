// `rets-workbench` as a user runs it: a child process of bin/rets-workbench.cjs, with no keychain
// (DBus disabled, as on a headless server), no secret inherited from the environment and its own
// data folder.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const bin = path.join(repoRoot, 'bin', 'rets-workbench.cjs');

export interface CliResult { code: number | null; stdout: string; stderr: string }

export interface CliOptions {
  /** RETS_WORKBENCH_HOME: the data folder. */
  home: string;
  /** Default: the repository root. */
  cwd?: string;
  /** Set over the parent's environment, after the secrets are blanked. */
  env?: Record<string, string>;
}

const NO_SECRETS = { RETS_PASSWORD: '', RETS_UA_PASSWORD: '', RETS_WORKBENCH_PASSPHRASE: '', RESO_TOKEN: '', RESO_CLIENT_SECRET: '', RESO_PASSWORD: '' };

/** Starts the CLI; the caller reads its output and ends its stdin. */
export function startCli(args: readonly string[], o: CliOptions): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [bin, ...args], {
    cwd: o.cwd ?? repoRoot,
    env: { ...process.env, ...NO_SECRETS, RETS_WORKBENCH_HOME: o.home, DBUS_SESSION_BUS_ADDRESS: 'disabled:', ...o.env },
  });
}

/** Runs the CLI to its end with `stdin` as its input. */
export function runCli(args: readonly string[], o: CliOptions & { stdin?: string }): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = startCli(args, o);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString('utf8'); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
    child.stdin.end(o.stdin ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs an export to the file `out` and presses Ctrl+C once it has begun (its temp file exists beside `out`). */
export async function interruptExport(args: readonly string[], out: string, o: CliOptions): Promise<CliResult> {
  const dir = path.dirname(out);
  const temp = `.${path.basename(out)}.`;
  const begun = new Promise<void>((resolve) => {
    const w = watch(dir, (_e, name) => {
      if (name && name.startsWith(temp) && name.endsWith('.tmp')) { w.close(); resolve(); }
    });
  });
  const child = startCli(args, o);
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString('utf8'); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
  await begun;
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}
