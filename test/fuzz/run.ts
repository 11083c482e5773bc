// `npm run fuzz`: every fuzz target (targets.ts) with a fixed seed and a fixed count, each in its
// own process so that a hang is caught and named: the child prints a progress line before every
// input, and the parent kills it when no line comes for HANG_MS.
//   npm run fuzz                       # full: n = 256 KB / 4n = 1 MB, 24 random inputs per generator
//   npm run fuzz -- --short            # the round `npm test` runs
//   npm run fuzz -- --target login --seed 7
import { DEFAULT_SEED, describeFinding, runInChild } from './child';
import { runTarget, type Mode } from './fuzz';
import { targets } from './targets';

interface Args { mode: Mode; seed: number; only: string[]; child?: string }

function parseArgs(argv: string[]): Args {
  const out: Args = { mode: 'full', seed: DEFAULT_SEED, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--short') out.mode = 'short';
    else if (a === '--seed') out.seed = Number(argv[++i]);
    else if (a === '--target') out.only.push(argv[++i]!);
    else if (a === '--child') out.child = argv[++i];
  }
  return out;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) {
    const target = targets.find((t) => t.name === args.child);
    if (!target) { process.stderr.write(`no fuzz target named ${args.child}\n`); return 2; }
    const result = runTarget(target, args.mode, args.seed);
    process.stdout.write(`= ${JSON.stringify(result)}\n`);
    return 0;
  }
  const chosen = targets.filter((t) => args.only.length === 0 || args.only.includes(t.name));
  if (chosen.length === 0) { process.stderr.write(`no fuzz target matches ${args.only.join(', ')}\n`); return 2; }
  process.stdout.write(`fuzz (${args.mode}, seed ${args.seed}): ${chosen.length} targets\n`);
  let failed = 0;
  for (const t of chosen) {
    const r = await runInChild(t.name, args.mode, args.seed);
    const peak = r.peak.generator ? `, peak ${r.peak.perByte.toFixed(1)} work/byte (${r.peak.generator}, ${r.peak.size} bytes)` : '';
    process.stdout.write(`${r.findings.length ? 'FAIL' : 'ok  '} ${t.name}: ${r.inputs} inputs${peak}\n`);
    for (const f of r.findings) process.stdout.write(`     ${describeFinding(f)}\n`);
    if (r.findings.length) failed++;
  }
  process.stdout.write(`fuzz: ${chosen.length - failed} targets passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => { process.stderr.write(`${String(e)}\n`); process.exitCode = 2; });
