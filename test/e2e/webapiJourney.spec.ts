// The newcomer's RESO Web API journey in one spec, on a fresh data folder, in Debian's Chromium
// against browser mode and the Demo MLS's Web API: pick "Demo MLS (Web API)" and run it; create a
// client-credentials profile (its secret lands in the keychain, not on disk); explore the entity
// sets and a lookup read on opening; write a $filter with completion and see a diagnostic marker;
// run it and page (page info, Load more); open a row's photos; export CSV and check it against the
// server's data; save and reload a snippet; run the doctor on a failing Demo account from the
// profile dialog. Then the seams between the protocols: a $metadata file opened while a RETS
// connection is active cannot be run against it, and each protocol keeps its own query in a tab.
// Screenshots of each screen in both themes: test-results/screenshots/journey-webapi-*.png.
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callHost, freshDirs, startHost, type HostDirs, type RunningHost } from './host';
import * as app from './app';
import type { Entity } from './app';
import { parseCsv } from '../host/csv';

test.describe.configure({ mode: 'serial' });

const SECRET = 'demo-secret';
const FILTER = "StandardStatus eq 'Active' and ListPrice gt 100000";
const SELECT = ['ListingKey', 'ListPrice', 'City'];
let dirs: HostDirs;
let host: RunningHost;
let page: Page;
let demo: { loginUrl: string; webApi: { tokenUrl: string; clientId: string; scope?: string } };

interface ProfileView { id: string; name: string; type: string; hasClientSecret?: boolean; secretStorage: string; webApi?: { clientId: string } }
interface FieldView { systemName: string; longName: string }

const lines = () => app.editorLines(page);
const row = (nodeId: string) => page.locator(`[data-node="${nodeId}"]`);
const suggestRow = (text: string) => app.suggestRow(page, text);
const shotBoth = (name: string) => app.shotBoth(page, `journey-webapi-${name}`);
const typeFresh = (text: string) => app.typeFresh(page, text);
const runAndWait = () => app.runAndWait(page, 60_000);
const profileId = (name: string) => app.profileId(host, name);

const token = () => app.demoToken(host, SECRET);

const serverRows = (set: string, options: Record<string, string>) => app.serverRows(host, set, options, SECRET);

test.beforeAll(async ({ browser }) => {
  dirs = freshDirs();
  host = await startHost(dirs);
  const { profiles } = await callHost<{ profiles: (ProfileView & typeof demo)[] }>(host, 'profiles.list');
  demo = profiles.find((p) => p.id === 'demo-webapi')!;
  page = await app.newPage(browser, { acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(host.openUrl);
});

test.afterAll(() => app.closeApp(page, host));

test('picks "Demo MLS (Web API)": entity sets, the OData version, a $filter example, and a run that pages', async () => {
  await expect(page.locator('[data-profile="Demo MLS (Web API)"]')).toBeVisible({ timeout: 60_000 });
  // A RETS search first, on the tab the Web API profile then takes over: its rows are not this server's.
  await expect(page.locator('[data-kind=resource]').first()).toBeVisible({ timeout: 60_000 });
  await typeFresh('(L_Status=|A)');
  await runAndWait();
  await expect(page.getByTestId('result-count')).toHaveText(/^\d+ of \d+ rows/);
  await page.locator('[data-profile="Demo MLS (Web API)"]').click();
  await expect(page.getByTestId('entityset-picker')).toHaveValue('Property', { timeout: 60_000 });
  await expect(page.getByTestId('result-count')).toHaveText(/^Results appear here/);
  await expect(row('r:Property')).toBeVisible();
  // The title bar says what a Web API's metadata has: its OData version and when it was read.
  await expect(page.getByTestId('title-metadata')).toHaveText(/^OData 4\.01 · metadata \d{4}-\d\d-\d\d$/);
  // The empty editor shows a $filter for this entity set, not a DMQL2 query (StandardStatus's values
  // live in the Lookup resource, unread until a filter or the explorer needs them: the price alone).
  const placeholder = page.getByTestId('query-editor').locator('.editorPlaceholder');
  await expect(placeholder).toHaveText('ListPrice gt 0   Ctrl+Space completes · Ctrl+Enter runs');
  await runAndWait();
  await expect(page.getByTestId('page-info')).toHaveText(/^page 1, 100 rows, more available$/);
  await expect(page.getByTestId('odata-url')).toHaveText(/\/Property\?\$top=100&\$count=true$/);
  await shotBoth('demo');
});

test('creates a client-credentials profile: the secret lands in the keychain, not on disk', async () => {
  await page.getByTestId('new-profile').click();
  const dlg = page.getByTestId('profile-dialog');
  await dlg.locator('input[name=type][value=webapi]').check();
  await expect(dlg.getByTestId('webapi-form')).toBeVisible();
  await dlg.locator('input[name=name]').fill('Acme Web API');
  await dlg.locator('input[name=loginUrl]').fill(demo.loginUrl);
  await dlg.locator('input[name=tokenUrl]').fill(demo.webApi.tokenUrl);
  await dlg.locator('input[name=clientId]').fill(demo.webApi.clientId);
  await dlg.locator('input[name=clientSecret]').fill(SECRET);
  await dlg.locator('input[name=scope]').fill(demo.webApi.scope ?? 'api');
  await dlg.locator('input[name=pageSize]').fill('50');
  await shotBoth('profile');
  // Test runs the Web API doctor on the form's values, inside the dialog; the form comes back after.
  await dlg.getByTestId('profile-test').click();
  await expect(dlg.getByTestId('doctor-diagnosis')).toHaveAttribute('data-verdict', /^(passed|warning)$/, { timeout: 60_000 });
  await expect(dlg.locator('[data-testid=doctor-step][data-id=odataMetadata][data-status=passed]')).toHaveCount(1);
  await shotBoth('profile-test');
  await dlg.getByRole('button', { name: 'Back to the form' }).click();
  await expect(dlg.locator('input[name=clientSecret]')).toHaveValue(SECRET);
  await dlg.getByTestId('profile-save').click();
  await expect(dlg).toHaveCount(0);
  await expect(page.locator('[data-profile="Acme Web API"]')).toBeVisible();

  const { profiles } = await callHost<{ profiles: ProfileView[] }>(host, 'profiles.list');
  const p = profiles.find((x) => x.name === 'Acme Web API')!;
  expect(p).toMatchObject({ type: 'webapi', hasClientSecret: true, webApi: { clientId: demo.webApi.clientId } });
  if (host.keychain) expect(p.secretStorage).toBe('keychain');
  const dir = join(dirs.data, 'profiles');
  const onDisk = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  expect(onDisk).toContain('Acme Web API');
  expect(onDisk).not.toContain(SECRET);
});

test('explores the entity sets: Edm types, the key, and a lookup whose values are read on opening', async () => {
  await page.locator('[data-profile="Acme Web API"]').click();
  await expect(row('r:Property')).toBeVisible({ timeout: 60_000 });
  if ((await row('r:Property').getAttribute('aria-expanded')) !== 'true') await row('r:Property').click();
  const key = row('f:Property:Property:ListingKey');
  await expect(key.getByTestId('field-key-mark')).toHaveText('key');
  await expect(key.getByTestId('edm-type')).toHaveText(/^String\(\d+\)$/);
  await row('g:Property:lookups').click();
  const status = row('l:Property:StandardStatus');
  await status.scrollIntoViewIfNeeded();
  await expect(status.getByTestId('lookup-lazy')).toBeVisible();
  // Nothing read from the Lookup resource yet (the query tab reads a lookup once its $filter names the field).
  const { entries: before } = await callHost<{ entries: { url: string }[] }>(host, 'trace.list', { profileId: await profileId('Acme Web API') });
  expect(before.some((e) => e.url.includes('/Lookup'))).toBe(false);
  await status.click();
  await expect(page.locator('[data-node^="v:Property:StandardStatus:"]', { hasText: 'Active' }).first()).toBeVisible({ timeout: 30_000 });
  await expect(status.getByTestId('lookup-lazy')).toHaveCount(0);
  await expect(page.getByTestId('lookup-details')).toContainText('StandardStatus');
  await shotBoth('explorer');
});

test('writes a $filter with completion, sees a diagnostic marker, fixes it', async () => {
  await expect(page.getByTestId('entityset-picker')).toHaveValue('Property');
  await typeFresh('Standa');
  await page.keyboard.press('Control+Space');
  await suggestRow('StandardStatus').click();
  await page.keyboard.press('Space');
  await suggestRow('eq').click();
  await expect(suggestRow('Active')).toBeVisible();
  await shotBoth('completion');
  await suggestRow('Active').click();
  await expect(lines()).toHaveText("StandardStatus\u00a0eq\u00a0'Active'");
  await page.keyboard.press('End');
  await page.keyboard.type(' and ListPrise gt 100000');
  await expect(page.locator('.squiggly-error').first()).toBeAttached();
  await expect(page.getByTestId('diagnostics')).toContainText('ListPrise');
  await shotBoth('diagnostic');
  await typeFresh(FILTER);
  await expect(page.getByTestId('diagnostics')).toHaveCount(0);
});

test('runs it with $select and $orderby: page info, Load more, the URL shown is the one sent', async () => {
  const { metadata } = await callHost<{ metadata: { resources: { id: string; classes: { fields: FieldView[] }[] }[] } }>(host, 'metadata.get', { profileId: await profileId('Acme Web API') });
  const fields = metadata.resources.find((r) => r.id === 'Property')!.classes[0]!.fields;
  await page.getByTestId('select-picker').click();
  for (const name of SELECT) {
    await page.getByPlaceholder('Filter fields').fill(name);
    const f = fields.find((x) => x.systemName === name)!;
    await page.locator(`.colmenu label[title="${f.longName}"]`).filter({ hasText: name }).first().locator('input').check();
  }
  await page.mouse.move(700, 800); // the picker closes when the pointer leaves it
  await expect(page.getByTestId('select-picker')).toHaveText(/3 fields/);
  await page.getByTestId('orderby-add').click();
  await page.getByLabel('$orderby field 1').selectOption('ListingKey');
  await page.getByTestId('expand-Media').check();
  await runAndWait();
  // The profile's page size is 50: two pages fill the 100 asked for, and the server has more.
  await expect(page.getByTestId('page-info')).toHaveText('page 2, 100 rows, more available');
  const shown = await page.getByTestId('odata-url').textContent();
  const { entries } = await callHost<{ entries: { id: number; transaction: string; url: string }[] }>(host, 'trace.list', { profileId: await profileId('Acme Web API') });
  expect(entries.filter((e) => e.transaction === 'Query').some((e) => e.url === shown)).toBe(true);
  await page.getByTestId('load-more').click();
  await expect(page.getByTestId('page-info')).toHaveText(/^page \d+, 200 rows/, { timeout: 60_000 });
  await expect(page.getByTestId('result-count')).toContainText('200');
  await page.getByTestId('copy-url').click();
  await expect(page.getByTestId('toast')).toHaveText('URL copied');
  await shotBoth('results');
});

test("opens a row's photos from its Media", async () => {
  const first = page.getByTestId('results-grid').locator('[data-row="0"]');
  const [listing] = await serverRows('Property', { $filter: FILTER, $select: 'ListingKey', $orderby: 'ListingKey', $top: '1', $expand: 'Media' });
  const media = listing!.Media as Entity[];
  expect(media.length).toBeGreaterThan(1);
  await expect(first).toContainText(`${media.length} photo`);
  await first.click();
  const thumbs = page.getByTestId('photo-thumb');
  await expect(thumbs).toHaveCount(media.length, { timeout: 30_000 });
  await expect(thumbs.first().locator('img')).toHaveJSProperty('complete', true);
  expect(await thumbs.first().locator('img').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await shotBoth('photos');
  await thumbs.first().click();
  await expect(page.getByTestId('lightbox').locator('img')).toBeVisible();
  await expect(page.getByTestId('lightbox-pos')).toHaveText(`1 / ${media.length}`);
  await shotBoth('viewer');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lightbox')).toHaveCount(0);
});

test("exports CSV with DisplayName headers, matching the server's data row for row", async () => {
  await page.getByTestId('export-open').click();
  const dlg = page.getByTestId('export-dialog');
  await expect(dlg.getByTestId('export-query')).toContainText('$expand=Media');
  // A keyboard user starts inside the modal, and Tab goes round its controls, not into the page behind.
  await expect(dlg.locator(':focus')).toHaveCount(1);
  for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
  await expect(dlg.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Shift+Tab');
  await expect(dlg.locator(':focus')).toHaveCount(1);
  await dlg.locator('select[name=header]').selectOption('DisplayName');
  await dlg.locator('input[name=collectionSeparator]').fill(' | ');
  await dlg.getByTestId('export-start').click();
  await expect(dlg.getByTestId('export-done')).toBeVisible({ timeout: 60_000 });
  await shotBoth('export');
  const [download] = await Promise.all([page.waitForEvent('download'), dlg.getByTestId('export-download').click()]);
  const table = parseCsv(readFileSync((await download.path())!, 'utf8'));
  const { metadata } = await callHost<{ metadata: { resources: { id: string; classes: { fields: FieldView[] }[] }[] } }>(host, 'metadata.get', { profileId: await profileId('Acme Web API') });
  const fields = metadata.resources.find((r) => r.id === 'Property')!.classes[0]!.fields;
  expect(table[0]).toEqual([...SELECT.map((c) => fields.find((f) => f.systemName === c)!.longName), 'Media']);
  const expected = await serverRows('Property', { $filter: FILTER, $select: SELECT.join(','), $orderby: 'ListingKey', $expand: 'Media' });
  expect(table.slice(1)).toEqual(expected.map((r) => [
    String(r.ListingKey), r.ListPrice === null ? '' : String(r.ListPrice), r.City === null ? '' : String(r.City),
    (r.Media as Entity[]).map((m) => m.MediaURL).join(' | '),
  ]));
  expect(table.length - 1).toBeGreaterThan(200); // every page, not the rows on screen
  await page.keyboard.press('Escape');
  await expect(dlg).toHaveCount(0);
});

test('saves the query as a snippet and reloads it as the same Web API query', async () => {
  await page.getByTestId('save-snippet').click();
  const save = page.getByTestId('snippet-save');
  await save.locator('input[name=snippetName]').fill('Active over 100k');
  await save.getByTestId('snippet-save-ok').click();
  await expect(save).toHaveCount(0);
  await page.getByRole('tab', { selected: true }).getByRole('button', { name: 'Close tab' }).click();
  await page.getByTestId('open-snippets').click();
  await expect(page.getByTestId('palette-snippets')).toBeVisible();
  await shotBoth('snippets');
  await page.getByTestId('palette-snippets').getByTestId('palette-item').filter({ hasText: 'Active over 100k' }).click();
  await expect(page.getByRole('tab', { selected: true })).toContainText('Active over 100k');
  await expect(lines()).toHaveText(FILTER.replaceAll(' ', '\u00a0'));
  await expect(page.getByTestId('select-picker')).toHaveText(/3 fields/);
  await expect(page.getByLabel('$orderby field 1')).toHaveValue('ListingKey');
  await expect(page.getByTestId('expand-Media')).toBeChecked();
});

test('runs the doctor on a failing Demo account from the profile dialog’s Test: invalid_client in words', async () => {
  await page.getByTestId('new-profile').click();
  const dlg = page.getByTestId('profile-dialog');
  await dlg.locator('input[name=type][value=webapi]').check();
  await dlg.locator('input[name=name]').fill('Rotated secret');
  await dlg.locator('input[name=loginUrl]').fill(demo.loginUrl);
  await dlg.locator('input[name=tokenUrl]').fill(demo.webApi.tokenUrl);
  await dlg.locator('input[name=clientId]').fill('rotated-client');
  await dlg.locator('input[name=clientSecret]').fill(SECRET);
  await dlg.getByTestId('profile-test').click();
  const doctor = dlg.getByTestId('doctor');
  await expect(doctor.getByTestId('doctor-diagnosis')).toHaveAttribute('data-verdict', 'failed', { timeout: 60_000 });
  await expect(doctor.getByTestId('doctor-diagnosis')).toContainText('(invalid_client)');
  const failed = doctor.locator('[data-testid=doctor-step][data-status=failed]');
  await expect(failed).toHaveCount(1);
  await expect(failed.getByTestId('doctor-step-diagnosis')).toContainText('Likely cause');
  await expect(doctor.getByTestId('doctor-report')).not.toContainText(SECRET);
  await shotBoth('doctor');
});

test('a $metadata file opened while a RETS connection is active cannot be run against it; each protocol keeps its query', async () => {
  await page.getByTestId('profile-dialog').getByRole('button', { name: 'Back to the form' }).click();
  await page.getByTestId('profile-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('profile-dialog')).toHaveCount(0);
  await page.locator('[data-profile="Demo MLS (RETS)"]').click();
  await expect(page.getByTestId('class-picker')).toBeVisible({ timeout: 60_000 });
  // The snippet's $filter is kept aside while the tab speaks DMQL2.
  await expect(lines()).not.toContainText('StandardStatus');
  await typeFresh('(ListPrice=100000+)');
  const res = await fetch(`${demo.loginUrl}/$metadata`, { headers: { authorization: `Bearer ${await token()}`, accept: 'application/xml' } });
  expect(res.status).toBe(200);
  await page.getByTestId('open-metadata-file').setInputFiles({ name: 'demo-metadata.xml', mimeType: 'application/xml', buffer: Buffer.from(await res.text()) });
  await expect(page.getByTestId('entityset-picker')).toBeVisible({ timeout: 30_000 });
  await expect(lines()).toHaveText(FILTER.replaceAll(' ', '\u00a0'));
  await expect(page.getByTestId('run-blocked')).toContainText('“Demo MLS (RETS)” is a RETS connection');
  await expect(page.getByTestId('run')).toBeDisabled();
  await expect(page.getByTestId('odata-url')).toHaveCount(0); // no URL made of the RETS login URL
  await shotBoth('offline-blocked');
  await page.getByRole('button', { name: 'Close file' }).click();
  await expect(page.getByTestId('class-picker')).toBeVisible({ timeout: 30_000 });
  await expect(lines()).toHaveText('(ListPrice=100000+)');
  await expect(page.getByTestId('run-blocked')).toHaveCount(0);
});

test("the status bar shows the server's quota from its rate-limit headers", async () => {
  await callHost(host, 'profiles.create', {
    name: 'Rate limited', type: 'webapi', loginUrl: demo.loginUrl, username: '',
    webApi: { auth: 'client-credentials', tokenUrl: demo.webApi.tokenUrl, clientId: 'ratelimit-client', scope: 'api' }, clientSecret: SECRET,
  });
  await page.locator('[data-profile="Rate limited"]').click();
  await expect(page.getByTestId('entityset-picker')).toBeVisible({ timeout: 60_000 });
  await runAndWait();
  await expect(page.getByTestId('status-quota')).toHaveText(/^quota [\d,]+\/[\d,]+ left \((burst|hour)\) · resets /, { timeout: 30_000 });
  await shotBoth('quota');
});

test('a RETS connection whose login fails, picked after a Web API one: the tab says why it cannot run, without the last rows', async () => {
  await callHost(host, 'profiles.create', { name: 'Password changed', loginUrl: host.demoLoginUrl, username: 'badpass', password: 'demo' });
  await page.locator('[data-profile="Password changed"]').click();
  await expect(page.getByTestId('session-state')).toHaveText(/login failed/, { timeout: 60_000 });
  await expect(page.getByTestId('run-blocked')).toContainText('its login failed (the Metadata pane says why)');
  await expect(page.getByTestId('run-blocked')).not.toContainText('metadata file');
  await expect(page.getByTestId('result-count')).toHaveText(/^Results appear here/);
  // The tab strip is one row: no vertical scroll bar of its own (a 1 px overflow showed one).
  expect(await page.locator('.tabs').evaluate((e) => (e as HTMLElement).offsetWidth - e.clientWidth)).toBe(0);
  await shotBoth('login-failed');
  // The fix is in the connection's form, one click from the error.
  await page.getByTestId('metadata-error').getByTestId('metadata-error-edit').click();
  const dlg = page.getByTestId('profile-dialog');
  await expect(dlg.locator('input[name=name]')).toHaveValue('Password changed');
  await dlg.getByRole('button', { name: 'Cancel' }).click();
  await expect(dlg).toHaveCount(0);
});
