// Browser end-to-end tests: Playwright driving Debian's Chromium (never `npx playwright
// install`) against browser mode of the real host with the Demo MLS. globalSetup builds the
// renderer once; each spec file starts (and restarts) its own host through test/e2e/host.ts.
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './test/e2e/chromium';


export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/globalSetup.ts',
  outputDir: 'test-results/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    colorScheme: 'light',
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      // Playwright gives every launch a fresh temporary user-data dir.
      args: chromiumArgs,
    },
  },
});
