// The ports the host listened on last time, kept in <data>/ports.json. Reusing them on the next
// start keeps URLs stable across restarts: a profile the user pointed at the Demo MLS keeps
// working, and browser mode's origin (so the tab's saved state) stays the same.
import { join } from 'node:path';
import { serialized } from './fileQueue';
import { readJsonFile, writeJsonAtomic } from './files';

export type PortKey = 'demo' | 'browser';

function portsFile(dataDir: string): string {
  return join(dataDir, 'ports.json');
}

async function readPorts(dataDir: string): Promise<Partial<Record<PortKey, number>>> {
  try {
    const value = await readJsonFile(portsFile(dataDir));
    return value && typeof value === 'object' ? (value as Partial<Record<PortKey, number>>) : {};
  } catch {
    return {}; // a damaged file only costs the remembered ports
  }
}

/** Read and written in one queue: the demo and browser ports remembered at once both land. */
function remember(dataDir: string, key: PortKey, port: number): Promise<void> {
  return serialized(portsFile(dataDir), async () => {
    const ports = await readPorts(dataDir);
    if (ports[key] === port) return;
    await writeJsonAtomic(portsFile(dataDir), { ...ports, [key]: port }).catch(() => undefined);
  });
}

const validPort = (p: unknown): p is number => Number.isInteger(p) && (p as number) > 0 && (p as number) < 65536;

/**
 * Starts a listener on the port it had last time, or on any free port when that one is taken
 * (another program, or a second copy of the workbench), and remembers the port it got.
 */
export async function listenOnRememberedPort<T extends { port: number }>(dataDir: string, key: PortKey, listen: (port: number) => Promise<T>): Promise<T> {
  const last = (await readPorts(dataDir))[key];
  let started: T | undefined;
  if (validPort(last)) {
    try {
      started = await listen(last);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' && (err as NodeJS.ErrnoException).code !== 'EACCES') throw err;
    }
  }
  started ??= await listen(0);
  await remember(dataDir, key, started.port);
  return started;
}
