// Builds the renderer for both Electron (file://) and browser mode (served by the host): relative
// base, everything bundled locally (Monaco with only the features we use and its editor worker).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
    sourcemap: false,
    // bench.html mounts the grid and explorer with synthetic data for test/bench/ui.bench.ts.
    rollupOptions: { input: { index: fileURLToPath(new URL('index.html', import.meta.url)), bench: fileURLToPath(new URL('bench.html', import.meta.url)) } },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
