// Bundles the CLI (electron/cli/main.ts and everything it loads, the host, the Demo MLS and the
// browser-mode server included) into dist/cli as plain ES modules, split at the commands' dynamic
// imports so `rets-workbench dmql format` loads only what it needs. Only native runtime modules
// (package.json "dependencies") and Electron stay outside. The installed package runs this bundle;
// a clone runs the TypeScript sources through tsx.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outdir = join(root, 'dist', 'cli');
rmSync(outdir, { recursive: true, force: true });

// ES modules have no __dirname or require: bundled CommonJS dependencies and our own
// package-relative paths (dist/cli is two levels down, as electron/cli is) get them back here.
const banner = [
  "import { createRequire as __rwCreateRequire } from 'node:module';",
  "import { fileURLToPath as __rwFileURLToPath } from 'node:url';",
  "import { dirname as __rwDirname } from 'node:path';",
  'const require = __rwCreateRequire(import.meta.url);',
  'const __filename = __rwFileURLToPath(import.meta.url);',
  'const __dirname = __rwDirname(__filename);',
].join('\n');

// Node's ES module loader wants the file of a package subpath that has no "exports" map.
const nativeSubpaths = {
  name: 'native-subpaths',
  setup(b) {
    b.onResolve({ filter: /^@napi-rs\/keyring\/keytar$/ }, () => ({ path: '@napi-rs/keyring/keytar.js', external: true }));
  },
};

await build({
  plugins: [nativeSubpaths],
  entryPoints: { main: join(root, 'electron', 'cli', 'main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
});
process.stdout.write(`CLI bundled into ${outdir}\n`);
