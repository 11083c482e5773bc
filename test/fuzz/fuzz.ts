// Runs one fuzz target's generators and judges every run by counted work (meter.ts), not by a
// clock: work per input byte under a bound, and work at 4n at most ~4x the work at n for the
// generators whose inputs keep their shape as they grow. A thrown value must be the parser's
// typed error. Hangs are caught by the parent process (run.ts), which watches the progress lines.
import { writeSync } from 'node:fs';
import { isRetsError } from '../../shared/rets/errors';
import { currentWork, installMeter, resetWork, takeLongSubjectRegexes } from './meter';
import { REVIEWED_REGEXES } from './reviewedRegexes';
import { int, seeded } from './rng';
import type { FuzzTarget } from './types';

export type Mode = 'short' | 'full';

export interface ModeSettings {
  /** n and 4n for the scaling generators. */
  sizes: [number, number];
  /** Random inputs per generator (sizes up to maxSize). */
  randomCount: number;
  maxSize: number;
}

export const MODES: Record<Mode, ModeSettings> = {
  short: { sizes: [64 * 1024, 256 * 1024], randomCount: 2, maxSize: 1 << 20 },
  full: { sizes: [256 * 1024, 1 << 20], randomCount: 24, maxSize: 1 << 20 },
};

/**
 * Counted work per input byte allowed. A linear parser here does tens of units a byte (a
 * decode, a few searches, slices of what it keeps); a rescan at every candidate does thousands.
 */
export const MAX_WORK_PER_BYTE = 200;
/**
 * Work at 4n over work at n: 4 when linear, 16 when quadratic. Parsers that retry a cut element
 * once the held bytes double land anywhere in one doubling, so linear reads as up to ~7.
 */
export const MAX_GROWTH = 8;

export interface Finding { target: string; generator: string; size: number; problem: string }

export interface TargetResult {
  target: string;
  inputs: number;
  findings: Finding[];
  /** The highest work per byte seen, and where. */
  peak: { perByte: number; generator: string; size: number };
}

/** A line the parent reads: where the child is (so a hang names its input). */
function progress(line: string): void {
  writeSync(1, `@ ${line}\n`);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function runTarget(target: FuzzTarget, mode: Mode, seed: number): TargetResult {
  installMeter();
  const settings = MODES[mode];
  const typed = target.typed ?? isRetsError;
  const result: TargetResult = { target: target.name, inputs: 0, findings: [], peak: { perByte: 0, generator: '', size: 0 } };
  const finding = (generator: string, size: number, problem: string): void => {
    if (result.findings.length < 20) result.findings.push({ target: target.name, generator, size, problem });
  };

  const measure = (generator: string, bytes: Uint8Array): number => {
    progress(`${generator} ${bytes.length}`);
    result.inputs++;
    resetWork();
    try {
      target.parse(bytes);
    } catch (e) {
      if (!typed(e)) finding(generator, bytes.length, `untyped exception: ${describe(e)}`);
    }
    const work = currentWork();
    for (const [re, chars] of takeLongSubjectRegexes()) {
      if (!REVIEWED_REGEXES.has(re)) finding(generator, bytes.length, `regex ${re} ran over ${chars} characters: scan with indexOf instead, or review it as linear (reviewedRegexes.ts)`);
    }
    const perByte = work / (bytes.length + 1024);
    if (perByte > result.peak.perByte) result.peak = { perByte, generator, size: bytes.length };
    if (perByte > MAX_WORK_PER_BYTE) finding(generator, bytes.length, `work ${work} is ${perByte.toFixed(0)} per byte (bound ${MAX_WORK_PER_BYTE})`);
    return work;
  };

  for (const g of target.generators) {
    const base = seed ^ hash(`${target.name}/${g.name}`);
    if (g.scaling) {
      const [n, n4] = settings.sizes;
      const w1 = measure(g.name, g.make(n, seeded(base)));
      const w4 = measure(g.name, g.make(n4, seeded(base)));
      if (w4 > MAX_GROWTH * Math.max(w1, n)) {
        finding(g.name, n4, `work grows superlinearly: ${w1} at ${n} bytes, ${w4} at ${n4} (x${(w4 / Math.max(w1, 1)).toFixed(1)} for x4 input)`);
      }
    }
    const rng = seeded(base + 1);
    for (let k = 0; k < settings.randomCount; k++) {
      // Mostly small inputs (odd shapes), some up to the largest size.
      const size = rng() < 0.7 ? int(rng, 0, 4096) : int(rng, 4096, settings.maxSize);
      measure(g.name, g.make(size, rng));
    }
  }
  return result;
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e).slice(0, 200);
  const frame = e.stack?.split('\n').find((l) => /\/(shared|electron)\//.test(l))?.trim() ?? '';
  return `${e.name}: ${e.message.slice(0, 200)}${frame ? ` (${frame})` : ''}`;
}
