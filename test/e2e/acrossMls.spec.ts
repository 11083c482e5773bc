// The mapping and the translation in use, in Debian's Chromium against browser mode and the Demo
// MLS: a mapping proposed and a field confirmed for the Demo (RETS); a CSV export with headers by
// mapping and the grid's titles by mapping; a RETS tab's query opened as a Web API query (a new tab
// on "Demo MLS (Web API)", the translation's notes shown) and run; a RETS snippet loaded while the
// Web API profile is active, opened translated. Screenshots in both themes:
// test-results/screenshots/across-*.png.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { callHost, freshDirs, startHost, type RunningHost } from './host';
import * as app from './app';

test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let page: Page;

const shotBoth = (name: string) => app.shotBoth(page, `across-${name}`);
const typeFresh = (text: string) => app.typeFresh(page, text);
const runAndWait = () => app.runAndWait(page, 60_000);

const rowsShown = async () => Number((await page.getByTestId('result-count').locator('b').first().textContent())!.replace(/\D/g, ''));

test.beforeAll(async ({ browser }) => {
  host = await startHost(freshDirs());
  page = await app.newPage(browser);
  await app.openApp(page, host.openUrl);
});

test.afterAll(() => app.closeApp(page, host));

test('propose and confirm a mapping for the Demo (RETS)', async () => {
  await page.getByTestId('open-commands').click();
  await page.getByTestId('palette-commands').locator('input').fill('mapping');
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('mapping-panel');
  await panel.getByTestId('mapping-propose').click();
  const listPrice = panel.locator('[data-testid=mapping-row][data-field="Property.L_ListPrice"]');
  await expect(listPrice).toBeVisible({ timeout: 60_000 });
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/mapping.save') && r.status() === 200);
  await listPrice.getByRole('button', { name: 'Confirm Property.L_ListPrice' }).click();
  await saved;
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);
});

test('export CSV by mapping, and the grid titles by mapping', async () => {
  await expect(page.getByTestId('class-picker')).toHaveValue('RES', { timeout: 60_000 });
  await typeFresh('(L_ListPrice=300000+),(L_Status=|A,P),(L_City=*O*)');
  await runAndWait();
  expect(await rowsShown()).toBeGreaterThan(0);

  await page.getByTestId('columns-toggle').click();
  await page.getByTestId('titles-by-mapping').check();
  await page.keyboard.press('Escape');
  const grid = page.getByTestId('results-grid');
  await expect(grid.locator('.grid-th[data-col=L_ListPrice]')).toHaveText('ListPrice');
  await expect(grid.locator('.grid-th[data-col=L_ListingKey]')).toHaveText('ListingKey');
  await shotBoth('grid-titles');

  await page.getByTestId('export-open').click();
  const dlg = page.getByTestId('export-dialog');
  await dlg.locator('select[name=header]').selectOption('Mapping');
  await dlg.getByTestId('export-start').click();
  await expect(dlg.getByTestId('export-done')).toBeVisible({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), dlg.getByTestId('export-download').click()]);
  const header = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!.split(',');
  expect(header).toContain('ListPrice');
  expect(header).toContain('ListingKey');
  expect(header).not.toContain('L_ListPrice');
  await page.keyboard.press('Escape');
  await expect(dlg).toHaveCount(0);
});

test('a row\'s details in standard names: the mapping\'s target names and lookup values', async () => {
  const grid = page.getByTestId('results-grid');
  await grid.locator('.grid-row').first().click();
  const details = page.getByTestId('row-details');
  await expect(details.locator('dd[data-col=L_ListPrice]')).toBeVisible();
  await expect(details.locator('dt', { hasText: 'L_ListPrice' }).first()).toBeVisible();
  await details.getByTestId('row-standard-names').check();
  await expect(details.locator('dt .mono', { hasText: /^ListPrice$/ })).toBeVisible();
  await expect(details.locator('dt .mono', { hasText: /^StandardStatus$/ })).toBeVisible();
  await expect(details.locator('dd[data-col=L_Status] .rw-decoded')).toHaveText(/^(Active|Pending)$/);
  await shotBoth('row-standard-names');
  await details.getByTestId('row-standard-names').uncheck();
});

test('a RETS tab opens as a Web API query on the Demo\'s Web API, with the notes, and runs', async () => {
  await page.getByTestId('open-translated').click();
  await expect(page.getByTestId('entityset-picker')).toHaveValue('Property', { timeout: 60_000 });
  const notes = page.getByTestId('translation-notes');
  await expect(notes).toContainText('Translated from the RETS query on “Demo MLS (RETS)”');
  const editor = page.getByTestId('query-editor').locator('.view-lines');
  await expect(editor).toContainText('ListPrice ge 300000');
  await shotBoth('translated');
  await runAndWait();
  await expect(page.getByTestId('search-error')).toHaveCount(0);
  expect(await rowsShown()).toBeGreaterThan(0);
});

test('a RETS snippet loaded on the Web API profile opens translated, with what did not translate marked', async () => {
  await callHost(host, 'snippets.save', { name: 'Active RETS listings', resource: 'Property', class: 'RES', query: '(L_Status=|A),(L_ListPrice=200000+)', select: ['L_ListingKey', 'L_ListPrice'] });
  await page.getByTestId('open-snippets').click();
  await page.getByTestId('palette-snippets').getByTestId('palette-item').filter({ hasText: 'Active RETS listings' }).click();
  const notes = page.getByTestId('translation-notes');
  await expect(notes).toContainText('Snippet “Active RETS listings” is a RETS query');
  await expect(notes.getByTestId('snippet-open-as-written')).toBeVisible();
  await shotBoth('snippet-offer');
  await notes.getByTestId('snippet-open-translated').click();
  await expect(notes).toContainText('Translated from the RETS query');
  // The Select list does not carry over: said, not dropped silently.
  await expect(notes).toContainText('was not carried over');
  await expect(page.getByTestId('entityset-picker')).toHaveValue('Property');
  await expect(page.getByTestId('query-editor').locator('.view-lines')).toContainText('ListPrice ge 200000');
  await shotBoth('snippet-translated');
  await runAndWait();
  expect(await rowsShown()).toBeGreaterThan(0);
});

test('the source RETS tab carries the notes that have a range as editor markers', async () => {
  await page.locator('[data-profile="Demo MLS (RETS)"]').click();
  // The translated tab speaks RETS again: its translation's note goes with its results.
  await expect(page.getByTestId('class-picker')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('translation-notes')).toHaveCount(0);
  await page.getByRole('tab', { name: /Property RES/ }).click();
  await expect(page.getByTestId('class-picker')).toHaveValue('RES', { timeout: 60_000 });
  await expect(page.getByTestId('query-editor').locator('.view-lines')).toContainText('(L_City=*O*)');
  // The editor's own warning (a wildcard on a lookup) comes first; the translation's note is the other.
  await expect(page.getByTestId('diagnostics')).toContainText('1 more');
  await expect(page.getByTestId('query-editor').locator('.squiggly-info')).toHaveCount(1);
  await shotBoth('source-markers');
});
