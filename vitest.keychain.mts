import { defineConfig } from 'vitest/config';

// Tests against the real OS keychain: test/run.mjs starts them inside dbus-run-session with an
// unlocked gnome-keyring-daemon, so @napi-rs/keyring talks to a real Secret Service.
export default defineConfig({
  test: {
    include: ['test/keychain/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
  },
});
