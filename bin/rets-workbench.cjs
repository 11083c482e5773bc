#!/usr/bin/env node
// Entry of `rets-workbench …`. An installed package runs the bundled CLI (dist/cli, plain
// JavaScript, built by `npm pack`); a clone runs the TypeScript sources through tsx, so the same
// sources serve the CLI, the host services and the tests without a build step.
// RETS_WORKBENCH_CLI=bundle makes a clone run its bundle (after `npm run build:cli`).
const { existsSync } = require('node:fs');
const { pathToFileURL } = require('node:url');
const { join } = require('node:path');

const root = join(__dirname, '..');
const sources = join(root, 'electron', 'cli', 'main.ts');
const bundle = join(root, 'dist', 'cli', 'main.mjs');

async function loadMain() {
  if (!existsSync(sources) || process.env.RETS_WORKBENCH_CLI === 'bundle') return import(pathToFileURL(bundle).href);
  await import(pathToFileURL(require.resolve('tsx')).href);
  return import(pathToFileURL(sources).href);
}

(async () => {
  const mod = await loadMain();
  const main = mod.main ?? mod.default.main;
  const code = await main(process.argv.slice(2));
  if (typeof code === 'number') process.exitCode = code;
})().catch((err) => {
  process.stderr.write(`rets-workbench: ${err && err.message ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
