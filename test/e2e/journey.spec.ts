// The integrator's whole journey in Debian's Chromium against browser mode and the Demo MLS:
// create a profile (secret in the keychain, not on disk), explore and filter the metadata, open a
// lookup, complete and validate a query, run it, scroll and sort, open photos, export CSV and
// check it against the server's rows, save a snippet, restart the host and load it, cancel a
// slow search. Screenshots of each main screen go to test-results/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callHost, freshDirs, startHost, type HostDirs, type RunningHost } from './host';
import * as app from './app';

test.describe.configure({ mode: 'serial' });

const SECRET = 'e2e-Secret-5bd1';
let dirs: HostDirs;
let host: RunningHost;
let page: Page;

const shot = (name: string) => app.shot(page, name);
const setQuery = (text: string) => app.setQuery(page, text);
const runAndWait = () => app.runAndWait(page);

test.beforeAll(async ({ browser }) => {
  dirs = freshDirs();
  host = await startHost(dirs);
  page = await app.newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(host.openUrl);
});

test.afterAll(() => app.closeApp(page, host));

test('opens with the Demo MLS ready and its metadata in the explorer', async () => {
  await expect(page.getByTestId('profile-switcher')).toHaveValue(/.+/);
  await expect(page.locator('[data-profile="Demo MLS (RETS)"]')).toBeVisible();
  await expect(page.locator('[data-kind=resource]').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('session-state')).toHaveText(/^logged in/u);
  await expect(page.getByTestId('metadata-version')).toContainText('fields');
  await shot('01-start');
});

test('creates a profile whose password lands in the keychain, not on disk', async () => {
  await page.getByTestId('new-profile').click();
  const dlg = page.getByTestId('profile-dialog');
  await expect(dlg).toContainText('Your MLS sends you these');
  await dlg.locator('input[name=name]').fill('Slow MLS');
  await dlg.locator('input[name=loginUrl]').fill(host.demoLoginUrl);
  await dlg.locator('input[name=username]').fill('slow');
  await dlg.locator('input[name=password]').fill(SECRET);
  await shot('02-new-profile');
  await dlg.getByTestId('profile-save').click();
  await expect(dlg).toHaveCount(0);
  await expect(page.locator('[data-profile="Slow MLS"]')).toBeVisible();

  const { profiles } = await callHost<{ profiles: { name: string; hasPassword: boolean; secretStorage: string }[] }>(host, 'profiles.list');
  const p = profiles.find((x) => x.name === 'Slow MLS')!;
  expect(p.hasPassword).toBe(true);
  if (host.keychain) expect(p.secretStorage).toBe('keychain');
  const dir = join(dirs.data, 'profiles');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  expect(files.length).toBeGreaterThan(0);
  const onDisk = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  expect(onDisk).toContain('Slow MLS');
  expect(onDisk).not.toContain(SECRET);
  // back to the Demo MLS for the rest of the journey
  await page.locator('[data-profile="Demo MLS (RETS)"]').click();
  await expect(page.locator('[data-kind=resource]').first()).toBeVisible({ timeout: 60_000 });
});

test('filters the whole tree and opens a field with its lookup values', async () => {
  const filter = page.getByTestId('metadata-filter');
  // The tree recycles its row elements by slot: act on rows only once it shows the filter's
  // result (data-filter is the text it was built from).
  const fill = async (text: string) => {
    await filter.fill(text);
    await expect(page.getByTestId('metadata-tree')).toHaveAttribute('data-filter', text);
  };
  await page.keyboard.press('ControlOrMeta+K');
  await expect(filter).toBeFocused();
  await fill('list pr');
  await expect(page.locator('[data-kind=field]', { hasText: 'L_ListPrice' }).first()).toBeVisible();
  await expect(page.locator('[data-testid=metadata-tree] mark').first()).toBeVisible();
  await shot('03-explorer-filter');

  await fill('Temporarily Off');
  await expect(page.locator('[data-kind=value]', { hasText: 'Temporarily Off Market' })).toBeVisible();
  await fill('L_Status');
  await page.locator('[data-kind=field]', { hasText: 'L_Status' }).first().click();
  const details = page.getByTestId('field-details');
  await expect(details).toContainText('StandardStatus');
  await expect(details.getByTestId('lookup-values')).toContainText('Active Under Contract');
  await shot('04-field-lookups');
  await fill('');
});

test('completes a field name and flags a wrong lookup value', async () => {
  await setQuery('(L_ListPr');
  await page.keyboard.press('Control+Space');
  const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'L_ListPrice' }).first();
  await expect(item).toBeVisible();
  await shot('05-completion');
  await item.click();
  await expect(page.getByTestId('query-editor').locator('.view-lines')).toContainText('L_ListPrice');

  await setQuery('(L_Status=ZZ)');
  const diag = page.getByTestId('diagnostics');
  await expect(diag).toBeVisible();
  await expect(diag).toContainText('ZZ');
  await expect(page.locator('.squiggly-error').first()).toBeAttached();
  await shot('06-diagnostic');
});

test('runs a query, streams rows, scrolls and sorts the grid', async () => {
  await page.getByTestId('limit').fill('2000');
  await setQuery('(L_ListPrice=0+)');
  await runAndWait();
  const grid = page.getByTestId('results-grid');
  await expect(grid.locator('[role=row]').first()).toBeVisible();
  const count = Number((await grid.getAttribute('aria-rowcount')) ?? 0);
  expect(count).toBeGreaterThan(100);
  await grid.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(grid.locator(`[data-row="${count - 1}"]`)).toBeVisible();
  await grid.evaluate((el) => { el.scrollTop = 0; });

  const header = grid.locator('[role=columnheader][data-col="L_ListPrice"]');
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const colIndex = await grid.locator('[role=columnheader]').evaluateAll((hs) => hs.findIndex((h) => h.getAttribute('data-col') === 'L_ListPrice'));
  const prices = await grid.locator('[role=row]').evaluateAll((rows, ci) => rows.slice(0, 15).map((r) => Number(r.children[ci + 1]?.textContent)), colIndex); // +1: the row-number cell
  expect(prices.length).toBeGreaterThan(5);
  for (let i = 1; i < prices.length; i += 1) expect(prices[i]).toBeGreaterThanOrEqual(prices[i - 1]);
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await shot('07-results');
});

test("opens a row's details and its photos", async () => {
  const grid = page.getByTestId('results-grid');
  await grid.locator('[role=row]').first().click();
  await expect(page.getByTestId('row-details')).toContainText('L_ListPrice');
  const thumbs = page.getByTestId('photo-thumb');
  await expect(thumbs.first()).toBeVisible({ timeout: 30_000 });
  await expect(thumbs.first().locator('img')).toHaveJSProperty('complete', true);
  await shot('08-row-photos');
  await thumbs.first().click();
  await expect(page.getByTestId('lightbox').locator('img')).toBeVisible();
  await shot('09-photo-full');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lightbox')).toHaveCount(0);
});

test('exports CSV whose rows are the server rows', async () => {
  await setQuery('(L_Status=C)');
  await runAndWait();
  await expect(page.getByTestId('decoded-toggle')).toContainText('Decoded');
  await page.getByTestId('decoded-toggle').click();
  await expect(page.getByTestId('decoded-toggle')).toContainText('Raw');
  const grid = page.getByTestId('results-grid');
  const shown = Number(await grid.getAttribute('aria-rowcount'));
  expect(shown).toBeGreaterThan(0);
  await grid.locator('[role=row]').first().click();
  await grid.press('ControlOrMeta+A');
  await grid.press('ControlOrMeta+C');
  await expect(page.getByTestId('toast')).toContainText(`Copied ${shown} rows`);
  const copied = await page.evaluate(() => navigator.clipboard.readText());

  await page.getByTestId('export-open').click();
  const dlg = page.getByTestId('export-dialog');
  await dlg.locator('select[name=lookups]').selectOption('raw');
  // The formula guard follows the BOM box until it is set by hand.
  const bom = dlg.locator('input[name=bom]');
  const guard = dlg.locator('input[name=formulaGuard]');
  await expect(guard).not.toBeChecked();
  await bom.check();
  await expect(guard).toBeChecked();
  await guard.uncheck();
  await bom.uncheck();
  await bom.check();
  await expect(guard).not.toBeChecked();
  await bom.uncheck();
  await shot('10-export-dialog');
  await dlg.getByTestId('export-start').click();
  await expect(dlg.getByTestId('export-done')).toBeVisible({ timeout: 60_000 });
  await expect(dlg.getByTestId('export-progress')).toBeVisible();
  await shot('11-export-done');
  // The page sees only the file's name; the file itself comes through the download link.
  await expect(dlg.getByTestId('export-path')).toHaveText(/^[^/\\]+\.csv$/);
  const [download] = await Promise.all([page.waitForEvent('download'), dlg.getByTestId('export-download').click()]);
  const file = readFileSync((await download.path())!, 'utf8');
  const norm = (s: string) => s.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').replace(/\n$/, '');
  expect(norm(file).split('\n').length).toBe(shown + 1);
  expect(norm(file)).toBe(norm(copied));
  await page.keyboard.press('Escape');
  await page.getByTestId('decoded-toggle').click();
});

test('saves a snippet, restarts the host and loads it again', async () => {
  await setQuery('(L_Status=A),(L_ListPrice=200000-500000)');
  await page.keyboard.press('ControlOrMeta+S');
  const dlg = page.getByTestId('snippet-save');
  await dlg.locator('input[name=snippetName]').fill('Active mid-price');
  await dlg.locator('input[name=snippetTags]').fill('e2e, active');
  await dlg.getByTestId('snippet-save-ok').click();
  await expect(page.getByTestId('toast')).toContainText('Saved snippet');

  const demoBefore = host.demoLoginUrl;
  await host.stop();
  host = await startHost(dirs);
  // The Demo MLS comes back on the port it had, so profiles pointing at it keep working.
  expect(host.demoLoginUrl).toBe(demoBefore);
  // The old host's token cookie is still set for 127.0.0.1 (cookies ignore ports) and the server
  // reads the cookie before the URL's token: drop it, as a fresh browser would have none.
  await page.context().clearCookies();
  await app.openApp(page, host.openUrl);
  await page.locator('body').click({ position: { x: 700, y: 600 } });
  await page.keyboard.press('Alt+KeyP'); // browser mode: Ctrl/Cmd+P stays Print
  const palette = page.getByTestId('palette-snippets');
  await palette.locator('input').fill('mid-price');
  await expect(palette.getByTestId('palette-item')).toHaveCount(1);
  await expect(palette).toContainText('e2e');
  await shot('12-snippets');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /Active mid-price/ })).toBeVisible();
  await expect(page.getByTestId('query-editor').locator('.view-lines')).toContainText('L_ListPrice=200000-500000');
  await runAndWait();
  await page.keyboard.press('Alt+KeyR'); // browser mode: Ctrl/Cmd+R stays Reload
  await expect(page.getByTestId('palette-history').getByTestId('palette-item').first()).toContainText('L_ListPrice=200000-500000');
  await shot('13-history');
  await page.keyboard.press('Escape');
});

test('edits a profile and cancels a slow search', async () => {
  // Replace the stored password with the demo one (the old one stays in the keychain until then).
  await page.locator('[data-profile="Slow MLS"]').click();
  await page.locator('[data-profile="Slow MLS"]').getByRole('button', { name: 'Edit' }).click();
  const dlg = page.getByTestId('profile-dialog');
  await expect(dlg).toContainText('stored in');
  await expect(dlg.locator('input[name=loginUrl]')).toHaveValue(host.demoLoginUrl);
  await dlg.locator('input[name=password]').fill('demo');
  await dlg.getByTestId('profile-save').click();
  await expect(dlg).toHaveCount(0);
  await setQuery('(L_ListPrice=0+)');
  await page.getByTestId('limit').fill('NONE');
  // Run waits for the metadata (fetched again with the new password; this account sends it slowly).
  await expect(page.getByTestId('run')).toBeEnabled({ timeout: 60_000 });
  await page.getByTestId('run').click();
  await expect(page.getByTestId('running')).toBeVisible();
  await shot('14-slow-search');
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('cancelled')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('running')).toHaveCount(0);
  await shot('15-cancelled');
});

test('the doctor tests a profile step by step, and the wire log shows the requests', async () => {
  await page.locator('[data-profile="Demo MLS (RETS)"]').click();
  await page.locator('[data-profile="Demo MLS (RETS)"]').getByTestId('test-profile').click();
  const doc = page.getByTestId('doctor');
  await expect(doc.getByTestId('doctor-step').first()).toBeVisible({ timeout: 30_000 });
  await expect(doc.getByTestId('doctor-diagnosis')).toBeVisible({ timeout: 60_000 });
  await expect(doc.getByTestId('doctor-report')).not.toBeEmpty();
  await shot('16-doctor');
  await doc.getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('log-toggle').click();
  await expect(page.getByTestId('log-panel')).toContainText('Search');
  await expect(page.getByTestId('log-panel')).not.toContainText(SECRET);
  await shot('17-wire-log');
});
