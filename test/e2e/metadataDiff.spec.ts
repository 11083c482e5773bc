// Metadata over time in Debian's Chromium against browser mode: the Demo MLS restarted with its
// second metadata edition (a new MetadataVersion), the change notice seen once, the changes one
// click away, the differences-only filter, the Markdown export (a download), and the RETS and Web
// API sides of the Demo compared. Screenshots: test-results/screenshots/metadata-diff-*.png.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { freshDirs, startHost, type HostDirs, type RunningHost } from './host';
import * as app from './app';

test.describe.configure({ mode: 'serial' });

let dirs: HostDirs;
let host: RunningHost;
let page: Page;

const shotBoth = (name: string) => app.shotBoth(page, `metadata-diff-${name}`);
const openApp = () => app.openApp(page, host.openUrl);

test.beforeAll(async ({ browser }) => {
  dirs = freshDirs();
  host = await startHost(dirs);
  page = await app.newPage(browser, { acceptDownloads: true });
  await openApp();
  await expect(page.getByTestId('metadata-version')).toContainText('v01.72.10042');
  await expect(page.getByTestId('metadata-change-notice')).toHaveCount(0);
  // The Web API side's $metadata is read once in this edition too, then the RETS side is the active one again.
  await page.locator('[data-profile="Demo MLS (Web API)"]').click();
  await expect(page.getByTestId('entityset-picker')).toBeVisible({ timeout: 60_000 });
  await page.locator('[data-profile="Demo MLS (RETS)"]').click();
  await expect(page.getByTestId('metadata-version')).toContainText('v01.72.10042', { timeout: 60_000 });
  // The MLS publishes new metadata between two runs of the app.
  await host.stop();
  host = await startHost(dirs, { args: ['--demo-metadata', '2'] });
});

test.afterAll(() => app.closeApp(page, host));

test('a new MetadataVersion is announced, and the changes are one click away', async () => {
  await openApp();
  await expect(page.getByTestId('metadata-version')).toContainText('v01.72.10043');
  const notice = page.getByTestId('metadata-change-notice');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('Metadata changed · Demo MLS (RETS)');
  await expect(notice).toContainText('01.72.10043');
  await expect(notice).toContainText('was 01.72.10042');
  await shotBoth('notice');

  await page.getByTestId('metadata-change-show').click();
  const view = page.getByTestId('metadata-diff');
  await expect(view).toBeVisible();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('diff-summary')).toContainText('Demo MLS (RETS) @ 01.72.10042 → Demo MLS (RETS) @ 01.72.10043');
  const table = page.getByTestId('diff-table');
  await expect(table.locator('tr[data-change=added]').first()).toContainText('L_GreenVerification');
  await expect(table.locator('tr[data-change="changed maximumLength"]').first()).toBeVisible();
  await expect(table.locator('tr[data-change=renamed]')).toContainText('Active Contingent');
  // The toolbar keeps one line at 1440x900: Compare is level with side A and inside the dialog;
  // a version's full name is its select's tooltip.
  const box = async (id: string) => (await page.getByTestId(id).boundingBox())!;
  const [compare, sideA, dialog] = [await box('diff-compare'), await box('diff-version-a'), await box('metadata-diff')];
  expect(Math.abs((compare.y + compare.height / 2) - (sideA.y + sideA.height / 2))).toBeLessThan(4);
  expect(compare.x + compare.width).toBeLessThanOrEqual(dialog.x + dialog.width);
  await expect(page.getByTestId('diff-version-a')).toHaveAttribute('title', /^01\.72\.10042 · \d{4}-\d\d-\d\d/);
  await shotBoth('versions');
});

test('differences only: unchanged pairs come and go with the filter', async () => {
  const table = page.getByTestId('diff-table');
  const filter = page.getByTestId('diff-differences-only');
  await expect(filter).toBeChecked();
  await expect(table.locator('tr[data-change=same]')).toHaveCount(0);
  const differences = await table.locator('tbody tr').count();
  await filter.uncheck();
  await expect(table.locator('tr[data-change=same]').first()).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(differences);
  await filter.check();
  await expect(table.locator('tbody tr')).toHaveCount(differences);
});

test('export as Markdown: a download with every difference', async () => {
  const download = page.waitForEvent('download');
  await page.getByTestId('diff-export-markdown').click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^metadata-diff-.+\.md$/);
  const text = readFileSync((await d.path())!, 'utf8');
  expect(text).toContain('# Metadata diff: Demo MLS (RETS) @ 01.72.10042 → Demo MLS (RETS) @ 01.72.10043');
  expect(text).toContain('| field | added | Property |');
  expect(text).toContain('L_GreenVerification');
  expect(text).toContain('Active Contingent');
  await expect(page.getByTestId('toast')).toContainText('Saved metadata-diff-');
});

test('the RETS and Web API sides of the Demo: fields paired by StandardName', async () => {
  await page.getByTestId('diff-source-a').selectOption({ label: 'Demo MLS (RETS)' });
  await page.getByTestId('diff-source-b').selectOption({ label: 'Demo MLS (Web API)' });
  await page.getByTestId('diff-compare').click();
  await expect(page.getByTestId('diff-summary')).toContainText('Demo MLS (RETS) (current) → Demo MLS (Web API) (current)', { timeout: 60_000 });
  await expect(page.getByTestId('diff-summary')).toContainText('by StandardName, then names');
  // L_ListPrice (its StandardName ListPrice) pairs with the Web API's ListPrice, whether or not a property differs.
  await page.getByTestId('diff-differences-only').uncheck();
  const listPrice = page.getByTestId('diff-table').locator('tr', { hasText: 'L_ListPrice' }).first();
  await expect(listPrice).toContainText('ListPrice');
  await expect(listPrice).toContainText('StandardName');
  await page.getByTestId('diff-differences-only').check();
  await shotBoth('servers');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('metadata-diff')).toHaveCount(0);
});

test('the notice is said once: not again after a reload', async () => {
  // The notice reads the profile's versions once its metadata has loaded: wait for that answer.
  const versionsRead = page.waitForResponse((r) => r.url().endsWith('/api/metadata.versions') && r.ok());
  await openApp();
  await expect(page.getByTestId('metadata-version')).toContainText('v01.72.10043');
  const answer = (await (await versionsRead).json()) as { data: { change?: unknown; versions: unknown[] } };
  expect(answer.data.versions).toHaveLength(2);
  expect(answer.data.change).toBeUndefined();
  await expect(page.getByTestId('metadata-change-notice')).toHaveCount(0);
});

test("a Web API's $metadata, which has no version, is said changed by its content, not by a date it 'reports'", async () => {
  await page.locator('[data-profile="Demo MLS (Web API)"]').click();
  const notice = page.getByTestId('metadata-change-notice').filter({ hasText: 'Demo MLS (Web API)' });
  await expect(notice).toContainText('The server sends another $metadata', { timeout: 60_000 });
  await expect(notice).toContainText('told apart by its content');
  await expect(notice).not.toContainText('now reports');
  await shotBoth('notice-webapi');
});
