// `npm run bench`: runs every test/bench/*.bench.ts in its own Node process (so each one's peak
// RSS is its own), one after the other, passing their tables through. A bench file prints its
// figures and the ratios against the anchors its issue names. `npm run bench -- dmql` runs only
// the files whose name contains "dmql"; arguments from the first `--option` on go to each file
// (`npm run bench -- ui --only explorer`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = __dirname;
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('--'));
const filter = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((w) => f.includes(w)))
  .sort();

let failures = 0;
for (const f of files) {
  process.stdout.write(`\n##### ${f}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(dir, f), ...options], { stdio: 'inherit', cwd: join(dir, '..', '..') });
  if (r.status !== 0) { failures += 1; process.stdout.write(`!! ${f} exited with ${r.status ?? r.signal}\n`); }
}
if (files.length === 0) process.stdout.write('no benchmarks matched\n');
process.exit(failures ? 1 : 0);
