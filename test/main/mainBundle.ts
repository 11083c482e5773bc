// Builds the Electron main process and preload exactly as Forge's Vite plugin does (its own config
// generator over forge.config.ts), into a temp app laid out like the package: .vite/build/main.js
// and preload.js, .vite/renderer/main_window/ (a small page standing in for the renderer build),
// and node_modules holding the native keychain module and a stand-in `electron` (the real one
// cannot run here). The stand-in module hands out whatever electronStandIn.ts installed.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { build, mergeConfig, type InlineConfig } from 'vite';
import ViteConfigGenerator from '@electron-forge/plugin-vite/dist/ViteConfig';
import type { VitePluginConfig } from '@electron-forge/plugin-vite/dist/Config';
import forgeConfig from '../../forge.config';
import { STAND_IN_KEY } from './electronStandIn';

const root = join(__dirname, '..', '..');
const BUILT_ENTRIES = ['electron/main/main.ts', 'electron/main/preload.ts'];

export interface MainBundle {
  /** The temp app folder (removed by dispose). */
  dir: string;
  mainJs: string;
  preloadJs: string;
  rendererDir: string;
  /** Loads main.js afresh (a new module instance, as a new process would) with the installed stand-in. */
  loadMain(): void;
  dispose(): void;
}

/** The page the app scheme serves in these tests: an index and one asset. */
export const RENDERER_FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>RETS Workbench</title><script type="module" src="./assets/app.js"></script>',
  'assets/app.js': 'document.title = "RETS Workbench";\n',
};

export async function buildMainBundle(): Promise<MainBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'rw-main-'));
  const out = join(dir, '.vite', 'build');
  const rendererDir = join(dir, '.vite', 'renderer', 'main_window');
  const plugin = (forgeConfig.plugins![0] as unknown as { config: VitePluginConfig }).config;
  const gen = new ViteConfigGenerator({ ...plugin, build: plugin.build.filter((b) => BUILT_ENTRIES.includes(String(b.entry))) }, root, true);
  for (const c of await gen.getBuildConfigs()) {
    await build(mergeConfig(c, { logLevel: 'silent', build: { outDir: out, emptyOutDir: false, sourcemap: false } } as InlineConfig));
  }

  for (const [name, text] of Object.entries(RENDERER_FILES)) {
    mkdirSync(join(rendererDir, name, '..'), { recursive: true });
    writeFileSync(join(rendererDir, name), text);
  }
  // A file beside the renderer folder whose name starts like it: a prefix check alone would let it out.
  mkdirSync(join(dir, '.vite', 'renderer', 'main_window_private'), { recursive: true });
  writeFileSync(join(dir, '.vite', 'renderer', 'main_window_private', 'secret.txt'), 'not for the page');

  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, 'electron'), { recursive: true });
  writeFileSync(join(modules, 'electron', 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
  writeFileSync(join(modules, 'electron', 'index.js'), `module.exports = globalThis[Symbol.for(${JSON.stringify(STAND_IN_KEY)})].module;\n`);
  // As in the package: the native keychain module sits in node_modules beside the app.
  symlinkSync(join(root, 'node_modules', '@napi-rs'), join(modules, '@napi-rs'), 'dir');

  const mainJs = join(out, 'main.js');
  const load = createRequire(mainJs);
  return {
    dir, mainJs, preloadJs: join(out, 'preload.js'), rendererDir,
    loadMain() {
      forgetModulesUnder(dir, load.cache);
      load(mainJs);
    },
    dispose() {
      forgetModulesUnder(dir, load.cache);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Drops the temp app's modules (main, its chunks, the stand-in module) from require's cache. */
export function forgetModulesUnder(dir: string, cache: NodeJS.Require['cache']): void {
  for (const key of Object.keys(cache)) if (key.startsWith(dir + sep)) delete cache[key];
}
