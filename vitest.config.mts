import { defineConfig } from 'vitest/config';

// Unit and integration tests (real HTTP on 127.0.0.1). Keychain tests run under their own
// config inside a D-Bus session (test/run.mjs); browser tests run under Playwright.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/keychain/**', 'test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/samples/globalSetup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
