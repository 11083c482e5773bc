// The request inspector in Debian's Chromium against browser mode and the Demo MLS: a search's
// request appears in the log panel with its headers and body, "Copy as curl" puts a command with
// placeholders on the clipboard, "Save response…" downloads it as `curl -i` would and "Open…"
// reads it back, and a failed search's error box opens its request. Screenshots of the
// inspector in both themes go to test-results/screenshots/inspector-*.png.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { freshDirs, startHost, type RunningHost } from './host';
import * as app from './app';

test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let page: Page;

const setQuery = (text: string) => app.setQuery(page, text);

test.beforeAll(async ({ browser }) => {
  host = await startHost(freshDirs());
  page = await app.newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
  await app.openApp(page, host.openUrl);
});

test.afterAll(() => app.closeApp(page, host));

test('shows a search in the inspector, copies it as curl and saves the response', async () => {
  await setQuery('(L_ListPrice=200000-300000)');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('result-count')).toContainText(' s', { timeout: 30_000 });
  await expect(page.getByTestId('running')).toHaveCount(0, { timeout: 60_000 });

  await page.getByTestId('log-toggle').click();
  const list = page.getByTestId('inspector-list');
  const search = list.locator('[role=option]', { hasText: 'Search' }).first();
  await expect(search).toBeVisible();
  await search.click();
  const detail = page.getByTestId('inspector-detail');
  await expect(detail).toContainText('GET');
  await expect(detail).toContainText('200 OK');
  await expect(page.getByTestId('inspector-body')).toContainText('<COLUMNS>');

  await page.getByTestId('inspector-tab-request').click();
  await expect(detail).toContainText('RETS-Version');
  await expect(detail).toContainText('REDACTED');

  await page.getByTestId('inspector-copy-curl').click();
  await expect(page.getByTestId('toast')).toContainText('curl command copied');
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toMatch(/^curl -i \\\n {2}--digest -u 'demo':"\$RETS_PASSWORD"/);
  expect(curl).toContain('L_ListPrice');
  expect(curl).not.toContain('REDACTED');

  await page.getByTestId('inspector-copy-headers').click();
  const headers = await page.evaluate(() => navigator.clipboard.readText());
  expect(headers).toMatch(/^GET http/);
  expect(headers).toContain('\nHTTP/1.1 200 OK\n');

  // The metadata request's saved response opens again with Open….
  await page.getByTestId('inspector-filter').fill('GetMetadata');
  await list.locator('[role=option]').first().click();
  await expect(detail).toContainText('getMetadata?Type=METADATA-SYSTEM');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('inspector-save').click()]);
  expect(download.suggestedFilename()).toMatch(/^getmetadata-\d+\.http$/);
  const saved = await download.path();
  // As the user picks it from their downloads folder: the saved bytes under the saved name.
  await page.getByTestId('open-metadata-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: readFileSync(saved) });
  // The explorer now shows the file (its name in the Metadata header), not the server.
  await expect(page.getByTitle(download.suggestedFilename(), { exact: true })).toBeVisible();
  await expect(page.getByTestId('metadata-file-error')).toHaveCount(0);
  await expect(page.locator('[data-kind=resource]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Close file' }).click();
  await page.getByTestId('inspector-filter').fill('');

  await search.click();
  await page.getByTestId('inspector-tab-body').click();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // The stylesheet's variables follow the scheme: wait until the page is painted in it.
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(scheme === 'dark' ? 'rgb(23, 25, 29)' : 'rgb(247, 247, 248)');
    await app.shot(page, `inspector-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test("a failed search's error box opens its request in the inspector", async () => {
  await page.getByTestId('log-toggle').click(); // closed: the link opens it again
  await expect(page.getByTestId('log-panel')).toHaveCount(0);
  await setQuery('(NoSuchField=1)');
  await page.getByTestId('run').click();
  // The editor already flags the unknown field: Run asks first, and this test sends it anyway.
  await page.getByTestId('confirm-run').click();
  const error = page.getByTestId('search-error');
  await expect(error).toBeVisible({ timeout: 30_000 });
  await error.getByTestId('error-show-request').click();
  const detail = page.getByTestId('inspector-detail');
  await expect(detail).toContainText('NoSuchField');
  await expect(page.getByTestId('inspector-body')).toContainText('ReplyCode="20');
  await expect(page.locator('[role=option][aria-selected=true]')).toContainText('Search');
  await app.shot(page, 'inspector-error-link');
});
