// Starts browser mode of the real host (`rets-workbench serve --json --port 0`) with the Demo
// MLS, in its own data folder, inside a D-Bus session with an unlocked gnome-keyring so secrets
// go to a real keychain. Restartable with the same folders, as a user would restart the app.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');

export interface HostDirs { home: string; data: string }
export interface RunningHost { url: string; openUrl: string; token: string; dirs: HostDirs; stop(): Promise<void> }

export function freshDirs(): HostDirs {
  const base = mkdtempSync(join(tmpdir(), 'rw-e2e-'));
  return { home: base, data: join(base, 'workbench') };
}

export async function startHost(dirs: HostDirs): Promise<RunningHost> {
  const serve = `exec node ${JSON.stringify(join(repoRoot, 'bin', 'rets-workbench.cjs'))} serve --json --port 0`;
  const useKeyring = existsSync('/usr/bin/dbus-run-session') && existsSync('/usr/bin/gnome-keyring-daemon');
  const env = { ...process.env, RETS_WORKBENCH_HOME: dirs.data, HOME: dirs.home, XDG_DATA_HOME: join(dirs.home, 'share'), XDG_CONFIG_HOME: join(dirs.home, 'config') };
  const child: ChildProcess = useKeyring
    ? spawn('dbus-run-session', ['--', 'bash', '-c', `printf %s rets-workbench-e2e | gnome-keyring-daemon --unlock --components=secrets >/dev/null && ${serve}`], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('bash', ['-c', serve], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not print its URL in 30 s\n${stderr}`)), 30_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const l = out.split('\n').find((x) => x.trim().startsWith('{'));
      if (l) { clearTimeout(timer); resolve(l); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}\n${stderr}`)); });
  });
  const info = JSON.parse(line) as { url: string; token: string; openUrl?: string };
  const openUrl = info.openUrl ?? `${info.url.replace(/\/$/, '')}/?token=${encodeURIComponent(info.token)}`;
  return {
    url: info.url, token: info.token, openUrl, dirs,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) { resolve(); return; }
      child.once('exit', () => resolve());
      try { process.kill(-child.pid!, 'SIGTERM'); } catch { resolve(); }
      setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000).unref();
    }),
  };
}
