// Forge's Vite plugin merges this over its main-process defaults (a CommonJS lib in .vite/build/).
// Vite 8 resolves a plain (client) build for the browser and stops on Node imports, so the main
// process is built as an SSR (Node) build with every dependency bundled: the package carries no
// node_modules except the native keychain module, which stays external (unpacked from asar).
import { defineConfig } from 'vite';

export const NATIVE_EXTERNALS = ['@napi-rs/keyring', '@napi-rs/keyring/keytar'];

export default defineConfig({
  build: {
    ssr: true,
    sourcemap: true,
    rollupOptions: { external: ['electron', ...NATIVE_EXTERNALS] },
  },
  ssr: { noExternal: true, external: NATIVE_EXTERNALS },
});
