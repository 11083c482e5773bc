// The benches' client processes: a client module bundled once (esbuild) and run in a child per
// measurement, which prints its result as the last JSON line; and the CPU time a process used.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

// Inside node_modules so that a bundle's require of an external package (rets-client) resolves.
const CACHE = path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'rets-workbench-bench');

/** Bundles test/bench/<name>.ts as one plain-JS file (no tsx loader in the measured processes); returns its path. */
export function bundleClients(name: string, external: string[] = []): string {
  const outfile = path.join(CACHE, `${name}.cjs`);
  buildSync({ entryPoints: [path.join(__dirname, `${name}.ts`)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external, logLevel: 'error' });
  return outfile;
}

/** Runs the bundle with `args` (the first names the client) and parses its last stdout line. */
export function runClient<T>(bundle: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const flags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []; // e.g. --cpu-prof when tuning
    const p = spawn(process.execPath, [...flags, bundle, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    p.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`${args[0]} exited ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line) as T);
    });
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}
