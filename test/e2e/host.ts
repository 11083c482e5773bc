// Starts browser mode of the real host (`rets-workbench serve --json --port 0`) with the Demo
// MLS, in its own data folder, inside a D-Bus session with an unlocked gnome-keyring so secrets
// go to a real keychain. Restartable with the same folders, as a user would restart the app.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');

export interface HostDirs { home: string; data: string }
export interface RunningHost { url: string; openUrl: string; token: string; demoLoginUrl: string; keychain: boolean; dirs: HostDirs; pid: number; stop(): Promise<void> }

/** Folders made by this worker: gone when it exits, so no run finds another's data (or fills /tmp). */
const made: string[] = [];
process.once('exit', () => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

/** A new home and data folder for one spec's host (kept across its restarts). */
export function freshDirs(): HostDirs {
  const base = mkdtempSync(join(tmpdir(), 'rw-e2e-'));
  made.push(base);
  return { home: base, data: join(base, 'workbench') };
}

/**
 * `keychain: false` runs the host as on a headless server: no D-Bus session, so no keychain answers.
 * `args` are more serve options (e.g. --demo-metadata 2).
 */
export async function startHost(dirs: HostDirs, opts: { keychain?: boolean; args?: string[] } = {}): Promise<RunningHost> {
  const serve = `exec node ${JSON.stringify(join(repoRoot, 'bin', 'rets-workbench.cjs'))} serve --json --port 0${(opts.args ?? []).map((a) => ` ${JSON.stringify(a)}`).join('')}`;
  const useKeyring = opts.keychain !== false && existsSync('/usr/bin/dbus-run-session') && existsSync('/usr/bin/gnome-keyring-daemon');
  const env = {
    ...process.env, RETS_WORKBENCH_HOME: dirs.data, HOME: dirs.home, XDG_DATA_HOME: join(dirs.home, 'share'), XDG_CONFIG_HOME: join(dirs.home, 'config'),
    ...(opts.keychain === false ? { DBUS_SESSION_BUS_ADDRESS: 'disabled:' } : {}),
  };
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
  // `url` opens the app with the token (it becomes a cookie); `baseUrl` is the bare origin.
  const info = JSON.parse(line) as { url: string; baseUrl?: string; token: string; demoLoginUrl?: string; keychain?: boolean };
  const openUrl = info.url.includes('token=') ? info.url : `${info.url.replace(/\/$/, '')}/?token=${encodeURIComponent(info.token)}`;
  return {
    url: (info.baseUrl ?? info.url).replace(/\?.*$/, '').replace(/\/$/, ''), token: info.token, openUrl, dirs,
    demoLoginUrl: info.demoLoginUrl ?? '', keychain: info.keychain === true, pid: child.pid!,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) { resolve(); return; }
      child.once('exit', () => resolve());
      try { process.kill(-child.pid!, 'SIGTERM'); } catch { resolve(); }
      setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000).unref();
    }),
  };
}

/** One contract call straight to the host (what the renderer's transport does). */
export async function callHost<T>(host: RunningHost, name: string, request: unknown = {}): Promise<T> {
  const res = await fetch(`${host.url}/api/${name}`, {
    method: 'POST', body: JSON.stringify(request),
    headers: { 'content-type': 'application/json', 'x-rets-workbench-token': host.token, origin: host.url },
  });
  const env = (await res.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!env.ok) throw new Error(`${name}: ${env.error?.message}`);
  return env.data as T;
}
