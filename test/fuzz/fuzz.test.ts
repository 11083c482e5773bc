// The short fuzz round `npm test` runs: every registered target (targets.ts), each in its own
// process so a hang is caught, with the fixed seed. Each target is one test; a failure lists the
// inputs that hung, threw an untyped error, or made work grow faster than the input.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, describeFinding, runInChild } from './child';
import { targets } from './targets';

describe('fuzz (short round, fixed seed)', () => {
  it.each(targets.map((t) => [t.name]))('%s: no hang, no untyped exception, linear work', async (name) => {
    const r = await runInChild(name, 'short', DEFAULT_SEED);
    expect(r.findings.map(describeFinding)).toEqual([]);
    expect(r.inputs).toBeGreaterThan(0);
  }, 300_000);
});
