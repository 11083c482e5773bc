#!/usr/bin/env node
// Entry of `npx rets-workbench …`: the CLI is TypeScript run through tsx (its loader registers
// both the CommonJS and the ESM hooks), so the same sources serve the CLI, the host services and
// the tests without a separate build step.
const { pathToFileURL } = require('node:url');
const { join } = require('node:path');

(async () => {
  await import(pathToFileURL(require.resolve('tsx')).href);
  const mod = await import(pathToFileURL(join(__dirname, '..', 'electron', 'cli', 'main.ts')).href);
  const main = mod.main ?? mod.default.main;
  const code = await main(process.argv.slice(2));
  if (typeof code === 'number') process.exitCode = code;
})().catch((err) => {
  process.stderr.write(`rets-workbench: ${err && err.message ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
