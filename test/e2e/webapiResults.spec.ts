// Web API results in Debian's Chromium against browser mode and "Demo MLS (Web API)": a snippet
// file with a $expand=Media query is imported (one bad entry skipped, with its reason), loaded and
// run; the grid shows the expanded Media as a photo count, the row details show it as a structure,
// the gallery shows the record's Media photos and the viewer opens one; the export writes a CSV
// (DisplayName headers, the Media as MediaURLs joined by the chosen separator) checked against the
// server's data read by paging the Web API directly; snippets are exported to a file and imported
// back under new ids. Screenshots in both themes: test-results/screenshots/webapi-photos-*.png,
// webapi-export-*.png, webapi-snippets-*.png.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { callHost, freshDirs, startHost, type RunningHost } from './host';
import * as app from './app';
import type { Entity } from './app';
import { parseCsv } from '../host/csv';

test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let page: Page;

const SNIPPET = {
  name: 'Listings with photos (Web API)', tags: ['webapi'], protocol: 'webapi', resource: 'Property', class: 'Property', query: '',
  select: ['ListingKey', 'ListPrice', 'City'], odata: { orderby: 'ListingKey', expand: 'Media' }, options: { limit: 40 },
};

const themed = (name: string) => app.shotBoth(page, name);
const serverRows = (set: string, options: Record<string, string>) => app.serverRows(host, set, options);

async function openSnippetFiles(): Promise<void> {
  await page.getByTestId('open-snippets').click();
  await page.getByTestId('snippet-files-open').click();
  await expect(page.getByTestId('snippet-files')).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
  host = await startHost(freshDirs());
  page = await app.newPage(browser, { acceptDownloads: true });
  await page.context().addInitScript(() => { if (!localStorage.getItem('rw.profile')) localStorage.setItem('rw.profile', 'demo-webapi'); });
  await app.openApp(page, host.openUrl);
});

test.afterAll(() => app.closeApp(page, host));

test('imports a snippet file: the valid snippet under a new id, the bad one skipped with its reason', async () => {
  await openSnippetFiles();
  const file = JSON.stringify({ snippets: [SNIPPET, { name: 'Broken', resource: 'Property' }] });
  await page.getByTestId('snippets-import-input').setInputFiles({ name: 'team-snippets.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  const done = page.getByTestId('snippets-imported');
  await expect(done).toContainText('Imported 1 snippet: Listings with photos (Web API)');
  await expect(page.getByTestId('snippets-skipped')).toContainText('snippet 2 “Broken”: class:');
  await themed('webapi-snippets-import');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('snippet-files')).toHaveCount(0);
});

test('loads and runs it: expanded Media as a photo count, nested in the details, photos in the gallery', async () => {
  await page.getByTestId('palette-item').filter({ hasText: SNIPPET.name }).click();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('running')).toHaveCount(0, { timeout: 60_000 });
  const grid = page.getByTestId('results-grid');
  await expect(grid.locator('[role=columnheader][data-col=Media]')).toBeVisible();
  const first = grid.locator('[data-row="0"]');
  await expect(first.locator('[role=gridcell]').filter({ hasText: /^\d+ photos?$/ })).toHaveCount(1);
  const [listing] = await serverRows('Property', { $select: 'ListingKey', $orderby: 'ListingKey', $top: '1', $expand: 'Media' });
  const media = (listing!.Media as Entity[]).sort((a, b) => Number(a.Order) - Number(b.Order));
  await expect(first).toContainText(`${media.length} photo`);

  await first.click();
  const details = page.getByTestId('row-details');
  await expect(details.locator('[data-col=Media]').getByTestId('nested-value')).toContainText(`${media.length} items`);
  await expect(details.locator('[data-col=Media]').getByTestId('nested-item').first()).toContainText(String(media[0]!.MediaURL));
  const thumbs = page.getByTestId('photo-thumb');
  await expect(thumbs).toHaveCount(media.length, { timeout: 30_000 });
  await expect(thumbs.first().locator('img')).toHaveJSProperty('complete', true);
  expect(await thumbs.first().locator('img').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await expect(thumbs.first()).toHaveAttribute('title', /^Preferred · /);
  await themed('webapi-photos-gallery');
  await thumbs.nth(1).click();
  const box = page.getByTestId('lightbox');
  await expect(box.locator('img')).toBeVisible();
  await expect(page.getByTestId('lightbox-pos')).toHaveText(`2 / ${media.length}`);
  await expect(page.getByTestId('lightbox-desc')).toContainText(String(media[1]!.ShortDescription));
  await themed('webapi-photos-viewer');
  await page.keyboard.press('Escape');
  await expect(box).toHaveCount(0);
});

test("exports CSV with DisplayName headers and Media URLs joined, matching the server's data", async () => {
  await page.getByTestId('export-open').click();
  const dlg = page.getByTestId('export-dialog');
  await expect(dlg.getByTestId('export-query')).toContainText('$expand=Media');
  await dlg.locator('select[name=header]').selectOption('DisplayName');
  await dlg.locator('input[name=collectionSeparator]').fill(' | ');
  await dlg.getByTestId('export-start').click();
  await expect(dlg.getByTestId('export-done')).toBeVisible({ timeout: 60_000 });
  await themed('webapi-export-done');
  const [download] = await Promise.all([page.waitForEvent('download'), dlg.getByTestId('export-download').click()]);
  const table = parseCsv(readFileSync((await download.path())!, 'utf8'));
  const expected = await serverRows('Property', { $select: SNIPPET.select.join(','), $orderby: 'ListingKey', $expand: 'Media' });
  const { metadata } = await callHost<{ metadata: { resources: { id: string; classes: { fields: { systemName: string; longName: string }[] }[] }[] } }>(host, 'metadata.get', { profileId: 'demo-webapi' });
  const fields = metadata.resources.find((r) => r.id === 'Property')!.classes[0]!.fields;
  expect(table[0]).toEqual([...SNIPPET.select.map((c) => fields.find((f) => f.systemName === c)!.longName), 'Media']);
  expect(table.slice(1)).toEqual(expected.map((r) => [
    String(r.ListingKey), r.ListPrice === null ? '' : String(r.ListPrice), r.City === null ? '' : String(r.City),
    (r.Media as Entity[]).map((m) => m.MediaURL).join(' | '),
  ]));
  expect(table.length - 1).toBeGreaterThan(SNIPPET.options.limit); // every page, not the rows on screen
  await page.keyboard.press('Escape');
});

test('exports the snippets to a file and imports that file back under new ids', async () => {
  await openSnippetFiles();
  await expect(page.getByTestId('snippet-pick-item')).toHaveCount(1);
  await page.getByTestId('snippets-export').click();
  await expect(page.getByTestId('snippets-exported')).toContainText('Exported 1 snippet');
  await themed('webapi-snippets-export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('snippets-download').click()]);
  const path = (await download.path())!;
  const file = JSON.parse(readFileSync(path, 'utf8')) as { snippets: Entity[] };
  expect(file.snippets).toHaveLength(1);
  expect(file.snippets[0]).toMatchObject(SNIPPET);
  await page.getByTestId('snippets-import-input').setInputFiles(path);
  await expect(page.getByTestId('snippets-imported')).toContainText('Imported 1 snippet');
  await expect(page.getByTestId('snippet-pick-item')).toHaveCount(2);
  const { snippets } = await callHost<{ snippets: { id: string; name: string }[] }>(host, 'snippets.list');
  const ids = snippets.filter((s) => s.name === SNIPPET.name).map((s) => s.id);
  expect(new Set(ids).size).toBe(2);
});
