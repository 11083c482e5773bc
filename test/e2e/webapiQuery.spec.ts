// A Web API query tab in Debian's Chromium against browser mode and the Demo MLS's Web API: picking
// "Demo MLS (Web API)" gives an entity set picker and the OData options (no Class, no RETS-only
// controls); the $filter editor completes from the service's metadata and marks an unknown
// property (its quick fix applies); the run shows "page N, M rows, more available", Load more asks
// the next rows, auto paging follows the server's pages to $top; the URL shown is the one the host
// sent (its request log, trace.get) and copies; a history entry re-runs, and a saved snippet loads,
// as the same Web API tab.
// Screenshots: test-results/screenshots/webapi-query-{light,dark}.png.
import { expect, test, type Page } from '@playwright/test';
import { callHost, freshDirs, startHost, type HostDirs, type RunningHost } from './host';
import * as app from './app';

test.describe.configure({ mode: 'serial' });

const PROFILE = 'demo-webapi';
let dirs: HostDirs;
let host: RunningHost;
let page: Page;

const lines = () => app.editorLines(page);
const operator = () => page.getByTestId('query-editor').locator('.view-line span span').filter({ hasText: /^gt$/ }).first();
const suggestRow = (text: string) => app.suggestRow(page, text);
const typeFresh = (text: string) => app.typeFresh(page, text);
const runAndWait = () => app.runAndWait(page);

/** The URL of the newest Web API query the host sent, from its request log (trace.list, then trace.get). */
async function lastQueryUrl(): Promise<string> {
  const { entries } = await callHost<{ entries: { id: number; transaction: string }[] }>(host, 'trace.list', { profileId: PROFILE });
  const last = entries.filter((e) => e.transaction === 'Query').at(-1);
  expect(last, 'a Query in the request log').toBeTruthy();
  return (await callHost<{ url: string }>(host, 'trace.get', { profileId: PROFILE, id: last!.id })).url;
}

test.beforeAll(async ({ browser }) => {
  dirs = freshDirs();
  host = await startHost(dirs);
  page = await app.newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(host.openUrl);
});

test.afterAll(() => app.closeApp(page, host));

test('Demo MLS (Web API) opens a Web API tab: entity set, OData options, no RETS-only controls', async () => {
  await expect(page.locator('[data-profile="Demo MLS (Web API)"]')).toBeVisible({ timeout: 60_000 });
  await page.locator('[data-profile="Demo MLS (Web API)"]').click();
  await expect(page.getByTestId('entityset-picker')).toHaveValue('Property', { timeout: 60_000 });
  await expect(page.getByTestId('class-picker')).toHaveCount(0);
  await expect(page.getByTestId('standard-names')).toHaveCount(0);
  await expect(page.getByLabel('Format')).toHaveCount(0);
  await expect(page.getByTestId('run-blocked')).toHaveCount(0);
  await expect(page.getByTestId('expand-Media')).toBeVisible();
  await expect(page.getByTestId('odata-url')).toHaveText(/\/Property\?\$top=100&\$count=true$/);
});

test('$filter completes from the metadata and an unknown property is marked, then fixed', async () => {
  await typeFresh('Standa');
  await page.keyboard.press('Control+Space');
  await expect(suggestRow('StandardStatus')).toBeVisible();
  await suggestRow('StandardStatus').click();
  await expect(lines()).toHaveText('StandardStatus');
  await page.keyboard.press('Space');
  await expect(suggestRow('eq')).toBeVisible();
  await suggestRow('eq').click();
  await expect(suggestRow('Active')).toBeVisible();
  await page.keyboard.press('Escape');

  await typeFresh('ListPrise gt 100000');
  await expect(page.locator('.squiggly-error').first()).toBeAttached();
  await expect(page.getByTestId('diagnostics')).toContainText('ListPrise');
  await lines().click();
  await page.keyboard.press('Home');
  await page.keyboard.press('ControlOrMeta+Period');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'ListPrice' }).first();
  await expect(fix).toBeVisible();
  await fix.click();
  await expect(lines()).toHaveText('ListPrice\u00a0gt\u00a0100000');
  await expect(page.getByTestId('diagnostics')).toHaveCount(0);
  // Hover on the property: its Edm type from the service's metadata.
  await page.getByTestId('query-editor').locator('.view-line span span').filter({ hasText: /^ListPrice$/ }).first().hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Edm.Int32' })).toContainText('List Price');
  await page.mouse.move(700, 700);
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Edm.Int32' })).toBeHidden();
});

test('runs with $orderby and $select: page info, Load more, and the URL shown is the one sent', async () => {
  await page.getByTestId('orderby-add').click();
  await page.getByLabel('$orderby field 1').selectOption('ListPrice');
  await page.getByTestId('orderby-dir').click();
  await page.getByTestId('limit').fill('50');
  await page.getByTestId('select-picker').click();
  await page.getByRole('button', { name: 'First 12' }).click();
  await page.mouse.move(700, 800); // the picker closes when the pointer leaves it
  await expect(page.getByPlaceholder('Filter fields')).toHaveCount(0);
  await expect(page.getByTestId('select-picker')).toHaveText(/12 fields/);
  const url = page.getByTestId('odata-url');
  await expect(url).toContainText('$filter=ListPrice%20gt%20100000&$select=ListingKey%2C');
  await expect(url).toContainText('&$orderby=ListPrice%20desc&$top=50&$count=true');
  const shown = await url.textContent();
  await runAndWait();
  await expect(page.getByTestId('page-info')).toHaveText('page 1, 50 rows, more available');
  expect(await lastQueryUrl()).toBe(shown);

  await page.getByTestId('load-more').click();
  await expect(page.getByTestId('page-info')).toHaveText('page 2, 100 rows, more available', { timeout: 60_000 });
  await expect(page.getByTestId('result-count')).toContainText('100');
  expect(await lastQueryUrl()).toContain('$top=50&$skip=50&$count=true');

  await page.getByTestId('copy-url').click();
  await expect(page.getByTestId('toast')).toHaveText('URL copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await app.shot(page, `webapi-query-${theme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('auto paging follows the server\'s pages up to $top', async () => {
  await typeFresh('ListPrice gt 0');
  await page.getByTestId('odata-count').uncheck();
  await page.getByTestId('limit').fill('1200');
  await runAndWait();
  // The Demo's pages hold 1,000 rows: the second page is read, and paging stops at $top.
  await expect(page.getByTestId('page-info')).toHaveText('page 2, 1,200 rows, more available');
  expect(await lastQueryUrl()).not.toContain('$count');
});

test('a Web API history entry re-runs as the same Web API tab', async () => {
  await page.keyboard.press('Escape');
  await page.getByTestId('open-history').click();
  const item = page.getByTestId('palette-history').getByTestId('palette-item').filter({ hasText: 'ListPrice gt 100000' }).last();
  await expect(item).toBeVisible();
  await item.click();
  await expect(page.getByRole('tab', { selected: true })).toContainText('Property');
  await expect(lines()).toHaveText('ListPrice\u00a0gt\u00a0100000');
  await expect(page.getByTestId('orderby-item')).toHaveCount(1);
  await expect(page.getByLabel('$orderby field 1')).toHaveValue('ListPrice');
  await expect(page.getByTestId('orderby-dir')).toHaveText(/desc/);
  await expect(page.getByTestId('odata-count')).toBeChecked();
  await expect(page.getByTestId('limit')).toHaveValue('50');
  await expect(page.getByTestId('page-info')).toHaveText(/^page 1, 50 rows/, { timeout: 60_000 });
  // The editor speaks $filter: `gt` is coloured as its operator.
  await expect(operator()).toHaveCSS('color', 'rgb(176, 48, 111)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(operator()).toHaveCSS('color', 'rgb(247, 120, 186)');
  await app.shot(page, 'webapi-query-history-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('a Web API snippet saves the whole query and loads it back as a Web API tab', async () => {
  await page.getByTestId('expand-Media').check();
  await page.getByTestId('save-snippet').click();
  const dlg = page.getByTestId('snippet-save');
  await dlg.locator('input[name=snippetName]').fill('Pricey with photos');
  await dlg.getByTestId('snippet-save-ok').click();
  await expect(dlg).toHaveCount(0);
  await page.getByRole('tab', { selected: true }).getByRole('button', { name: 'Close tab' }).click();
  await page.getByTestId('open-snippets').click();
  await page.getByTestId('palette-snippets').getByTestId('palette-item').filter({ hasText: 'Pricey with photos' }).click();
  await expect(page.getByRole('tab', { selected: true })).toContainText('Pricey with photos');
  await expect(lines()).toHaveText('ListPrice\u00a0gt\u00a0100000');
  await expect(page.getByTestId('expand-Media')).toBeChecked();
  await expect(page.getByTestId('odata-url')).toHaveText(/\$orderby=ListPrice%20desc&\$top=50&\$count=true&\$expand=Media$/);
});
