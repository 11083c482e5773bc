#!/usr/bin/env node
// `npm test`: the whole suite, in order: lint, typecheck, unit + integration (vitest), keychain
// (vitest inside a D-Bus session with a real gnome-keyring), browser end-to-end (Playwright in
// Debian's Chromium). Prints one closing line CI can read: `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const want = (step) => only.length === 0 || only.includes(step);

let passed = 0;
let failed = 0;
const problems = [];

function run(label, cmd, args, opts = {}) {
  process.stdout.write(`\n=== ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  if (r.status !== 0) problems.push(`${label} exited with ${r.status ?? r.signal}`);
  return r.status === 0;
}

function countVitest(file, label) {
  if (!existsSync(file)) { problems.push(`${label}: no report written`); failed += 1; return; }
  const j = JSON.parse(readFileSync(file, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
  if (j.numTotalTests === 0) problems.push(`${label}: no tests ran`);
  if (j.numPendingTests || j.numTodoTests) problems.push(`${label}: ${j.numPendingTests + j.numTodoTests} skipped or todo tests`);
}

function countPlaywright(file) {
  if (!existsSync(file)) { problems.push('e2e: no report written'); failed += 1; return; }
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  passed += s.expected + (s.flaky ?? 0);
  failed += s.unexpected;
  if (s.skipped) problems.push(`e2e: ${s.skipped} skipped tests`);
}

const npx = (bin) => join(root, 'node_modules', '.bin', bin);

if (want('lint')) run('lint', npx('eslint'), ['.', '--max-warnings=0']);
if (want('typecheck')) run('typecheck', npx('tsc'), ['-b']);

if (want('unit')) {
  const out = join(results, 'vitest-unit.json');
  rmSync(out, { force: true });
  run('unit + integration', npx('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  countVitest(out, 'unit');
}

if (want('keychain') && existsSync(join(root, 'test', 'keychain'))) {
  const out = join(results, 'vitest-keychain.json');
  rmSync(out, { force: true });
  const data = mkdtempSync(join(tmpdir(), 'rw-keyring-'));
  const inner = [
    `printf %s rets-workbench-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null`,
    `${npx('vitest')} run --config vitest.keychain.mts --reporter=default --reporter=json --outputFile.json=${out}`,
  ].join(' && ');
  run('keychain', 'dbus-run-session', ['--', 'bash', '-c', inner], { env: { XDG_DATA_HOME: data, HOME: data } });
  countVitest(out, 'keychain');
  rmSync(data, { recursive: true, force: true });
}

if (want('e2e') && existsSync(join(root, 'playwright.config.ts'))) {
  const out = join(results, 'playwright.json');
  rmSync(out, { force: true });
  run('e2e', npx('playwright'), ['test'], { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: out } });
  countPlaywright(out);
}

for (const p of problems) process.stdout.write(`! ${p}\n`);
const ok = problems.length === 0 && failed === 0;
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
process.exit(ok ? 0 : 1);
