// The desktop renderer is the browser-mode renderer (renderer/vite.config.mts),
// built into .vite/renderer/main_window/ where the main process serves it from app://workbench/.
import { defineConfig, mergeConfig, type UserConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import rendererConfig from '../../renderer/vite.config.mts';

const outDir = fileURLToPath(new URL('../../.vite/renderer/main_window', import.meta.url));

export default defineConfig(async (env) => {
  const base = typeof rendererConfig === 'function' ? await rendererConfig(env) : rendererConfig;
  return mergeConfig(base as UserConfig, { build: { outDir, emptyOutDir: true } });
});
