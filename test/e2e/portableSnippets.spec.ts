// Portable snippets across two MLSs, in Debian's Chromium against browser mode: a snippet saved on
// the Demo MLS (RETS) is loaded while "Demo B (RETS)" is active (the Demo's second naming, dialect
// b: the same listings under other SystemNames, lookup codes and class names), offered translated
// or as written, opened translated (B's names, codes and class, the notes with what had no
// counterpart) and run; and a history entry run on B, re-run on the Demo, offered translated back.
// Screenshots in both themes: test-results/screenshots/portable-*.png.
import { expect, test, type Page } from '@playwright/test';
import { startDemoMls, type DemoMls } from '../../electron/demo/index';
import * as app from './app';
import { callHost, freshDirs, startHost, type RunningHost } from './host';

test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let demoB: DemoMls;
let page: Page;

const shotBoth = (name: string) => app.shotBoth(page, `portable-${name}`);
const typeFresh = (text: string) => app.typeFresh(page, text);
const runAndWait = () => app.runAndWait(page, 60_000);

const rowsShown = async () => Number((await page.getByTestId('result-count').locator('b').first().textContent())!.replace(/\D/g, ''));

test.beforeAll(async ({ browser }) => {
  // The same listings as the host's Demo (its default size and seed), named as another MLS would.
  [host, demoB] = await Promise.all([startHost(freshDirs()), startDemoMls({ dialect: 'b' })]);
  await callHost(host, 'profiles.create', { name: 'Demo B (RETS)', loginUrl: demoB.loginUrl, username: 'demo', password: 'demo', userAgent: 'Workbench-Test/1.0' });
  page = await app.newPage(browser);
  await app.openApp(page, host.openUrl);
});

test.afterAll(async () => {
  await app.closeApp(page, host);
  await demoB?.close();
});

test('a snippet saved on the Demo records the profile it was written on', async () => {
  await expect(page.getByTestId('class-picker')).toHaveValue('RES', { timeout: 60_000 });
  await typeFresh('(L_Status=|A,P),(L_ListPrice=250000+),(LFD_SHOWING=|1)');
  await page.keyboard.press('ControlOrMeta+S');
  const dlg = page.getByTestId('snippet-save');
  await dlg.locator('input[name=snippetName]').fill('Active over 250k');
  await dlg.getByTestId('snippet-save-ok').click();
  await expect(page.getByTestId('toast')).toContainText('Saved snippet');
  const { snippets } = await callHost<{ snippets: { name: string; profile?: { id?: string; name: string } }[] }>(host, 'snippets.list');
  expect(snippets.find((s) => s.name === 'Active over 250k')?.profile).toMatchObject({ id: 'demo', name: 'Demo MLS (RETS)' });
});

test('loaded on Demo B, it is offered translated or as written; translated, it speaks B\'s names and runs', async () => {
  await page.locator('[data-profile="Demo B (RETS)"]').click();
  await expect(page.locator('[data-kind=resource]').first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('open-snippets').click();
  const item = page.getByTestId('palette-snippets').getByTestId('palette-item').filter({ hasText: 'Active over 250k' });
  // The palette says where a snippet was written.
  await expect(item).toContainText('written on “Demo MLS (RETS)”');
  await shotBoth('palette');
  await item.click();
  const notes = page.getByTestId('translation-notes');
  await expect(notes).toContainText('Snippet “Active over 250k” was written on “Demo MLS (RETS)”');
  await expect(notes.getByTestId('snippet-open-translated')).toHaveText('Open translated for “Demo B (RETS)”');
  await expect(notes.getByTestId('snippet-open-as-written')).toHaveText('Open as written');
  await shotBoth('offer');
  await notes.getByTestId('snippet-open-translated').click();
  await expect(notes).toContainText('Translated from the RETS query on “Demo MLS (RETS)”');
  await expect(notes).toContainText('not everything translated');
  // What had no counterpart is said, quoting the part of the snippet.
  await expect(notes).toContainText('LFD_SHOWING');
  await expect(notes).toContainText('no counterpart on “Demo B (RETS)”');
  await expect(page.getByTestId('class-picker')).toHaveValue('SF');
  await expect(page.getByTestId('query-editor').locator('.view-lines')).toContainText('(LM_STATUS=|ACT,PND),(LM_LIST_PRICE=250000+)');
  await shotBoth('translated');
  await runAndWait();
  await expect(page.getByTestId('search-error')).toHaveCount(0);
  expect(await rowsShown()).toBeGreaterThan(0);
  await shotBoth('ran');
});

test('"Open as written" keeps the snippet as it was saved', async () => {
  await page.getByTestId('open-snippets').click();
  await page.getByTestId('palette-snippets').getByTestId('palette-item').filter({ hasText: 'Active over 250k' }).click();
  await page.getByTestId('translation-notes').getByTestId('snippet-open-as-written').click();
  await expect(page.getByTestId('query-editor').locator('.view-lines')).toContainText('(L_Status=|A,P)');
});

test('a history entry that ran on Demo B, re-run on the Demo, is offered translated back', async () => {
  await page.locator('[data-profile="Demo MLS (RETS)"]').click();
  await expect(page.locator('[data-kind=resource]').first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('open-history').click();
  const entry = page.getByTestId('palette-history').getByTestId('palette-item').filter({ hasText: 'LM_STATUS' }).first();
  await expect(entry).toContainText('Demo B (RETS) · '); // history mixes connections: each entry names its own
  await entry.click();
  const notes = page.getByTestId('translation-notes');
  await expect(notes).toContainText('This query ran on “Demo B (RETS)”');
  await expect(notes.getByTestId('history-run-as-written')).toBeVisible();
  await notes.getByTestId('history-open-translated').click();
  await expect(notes).toContainText('Translated from the RETS query on “Demo B (RETS)” — translated completely');
  await expect(page.getByTestId('class-picker')).toHaveValue('RES');
  await expect(page.getByTestId('query-editor').locator('.view-lines')).toContainText('(L_Status=|A,P),(L_ListPrice=250000+)');
  await shotBoth('history-back');
  await runAndWait();
  expect(await rowsShown()).toBeGreaterThan(0);
});
