// The preload runs sandboxed: everything it imports (the contract's call names) is bundled into
// one CommonJS file; only `electron` stays external (Forge's defaults do that).
import { defineConfig } from 'vite';

export default defineConfig({
  build: { sourcemap: false },
});
