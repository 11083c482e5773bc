// Runs a fuzz target in its own process (run.ts --child NAME) and watches it: the child prints a
// progress line before every input, and a child silent for HANG_MS is killed and reported as a
// hang on the input it last announced.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Finding, Mode, TargetResult } from './fuzz';

export const DEFAULT_SEED = 20261207;
/** A parse that makes no progress for this long is a hang (inputs are at most 1 MB). */
export const HANG_MS = 60_000;

/** Runs one target in a child process; a hang or a crash becomes a finding. */
export function runInChild(target: string, mode: Mode, seed: number): Promise<TargetResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'run.ts'), '--child', target, '--seed', String(seed), ...(mode === 'short' ? ['--short'] : [])], {
      cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let last = '(starting)';
    let result: TargetResult | undefined;
    let stderr = '';
    let pending = '';
    let hung = false;
    let timer = setTimeout(onHang, HANG_MS);
    function onHang(): void { hung = true; child.kill('SIGKILL'); }
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (data: string) => {
      clearTimeout(timer);
      timer = setTimeout(onHang, HANG_MS);
      pending += data;
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (line.startsWith('@ ')) last = line.slice(2);
        else if (line.startsWith('= ')) result = JSON.parse(line.slice(2)) as TargetResult;
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => { stderr = (stderr + d).slice(-2000); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (result && code === 0) { resolve(result); return; }
      const [generator = '', size = '0'] = splitLast(last);
      const problem = hung ? `hang: no progress for ${HANG_MS / 1000} s` : `the fuzz process died (${code ?? signal}): ${stderr.trim().split('\n').slice(-3).join(' ')}`;
      const finding: Finding = { target, generator, size: Number(size), problem };
      resolve({ target, inputs: 0, findings: [finding], peak: { perByte: 0, generator: '', size: 0 } });
    });
  });
}

function splitLast(line: string): [string, string] {
  const sp = line.lastIndexOf(' ');
  return sp < 0 ? [line, '0'] : [line.slice(0, sp), line.slice(sp + 1)];
}

export function describeFinding(f: Finding): string {
  return `${f.target} / ${f.generator} (${f.size} bytes): ${f.problem}`;
}

