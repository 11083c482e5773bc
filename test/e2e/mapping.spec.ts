// The mapping panel in Debian's Chromium against browser mode and the Demo MLS: opened from the
// command palette for the Demo (RETS), a proposal against the Demo's Web API, a field confirmed,
// a lookup field's values, the coverage view; the mapping file exported as a download. Screenshots
// in both themes: test-results/screenshots/mapping-*.png.
import { expect, test, type Page } from '@playwright/test';
import { callHost, freshDirs, startHost, type RunningHost } from './host';
import * as app from './app';

test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let page: Page;

const shotBoth = (name: string) => app.shotBoth(page, `mapping-${name}`);

test.beforeAll(async ({ browser }) => {
  host = await startHost(freshDirs());
  page = await app.newPage(browser);
  await app.openApp(page, host.openUrl);
});

test.afterAll(() => app.closeApp(page, host));

const row = (key: string) => page.locator(`[data-testid=mapping-row][data-field="${key}"]`);

test('open the mapping for the Demo, propose, confirm a field, see its values and the coverage', async () => {
  await page.getByTestId('open-commands').click();
  const commands = page.getByTestId('palette-commands');
  await commands.locator('input').fill('mapping');
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('mapping-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('mapping-empty')).toBeVisible();
  await expect(panel.getByLabel('Target')).toHaveValue('demo-webapi');

  await panel.getByTestId('mapping-propose').click();
  await expect(row('Property.L_ListPrice')).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByTestId('mapping-notes')).toContainText('No Data Dictionary file');
  const listPrice = row('Property.L_ListPrice');
  await expect(listPrice.getByLabel('Target for Property.L_ListPrice')).toHaveValue('ListPrice');
  await expect(listPrice).toContainText('StandardName');
  await expect(listPrice).toContainText("The MLS's StandardName is ListPrice.");
  await expect(listPrice).toHaveAttribute('data-status', 'proposed');

  const saved = page.waitForResponse((r) => r.url().endsWith('/api/mapping.save') && r.status() === 200);
  await listPrice.getByRole('button', { name: 'Confirm Property.L_ListPrice' }).click();
  await saved;
  await expect(row('Property.L_ListPrice')).toHaveAttribute('data-status', 'confirmed');

  // A lookup field's values: MLS code -> the Web API's value.
  await panel.getByLabel('Filter fields').fill('L_Status');
  await row('Property.L_Status').getByRole('button', { name: '8/8' }).click();
  const values = panel.getByTestId('mapping-values');
  await expect(values).toContainText('Active Under Contract');
  // The Demo's Web API profile serves its lookups as Lookup resource rows: the value is the string itself.
  await expect(values.getByLabel('Target value for AC')).toHaveValue('Active Under Contract');
  await panel.getByLabel('Filter fields').fill('');
  await shotBoth('fields');
  // Long names in Why break between words, and a field name after its resource's dot.
  await panel.getByLabel('Filter fields').fill('Timestamp');
  await expect(row('Property.L_StatusDate')).toBeVisible();
  await shotBoth('why');
  await panel.getByLabel('Filter fields').fill('');

  await panel.getByTestId('mapping-coverage-tab').click();
  const coverage = panel.getByTestId('mapping-coverage');
  await expect(coverage.getByTestId('coverage-confirmed')).toHaveText('1');
  const present = Number(await coverage.getByTestId('coverage-present').textContent());
  expect(present).toBeGreaterThan(150);
  await expect(coverage.getByTestId('coverage-resource').filter({ hasText: 'Property' })).toContainText('/ ');
  await shotBoth('coverage');

  // The file on the host side holds the confirmation.
  const got = await callHost<{ mapping: { fields: { field: string; status: string }[] } }>(host, 'mapping.get', { profileId: 'demo' });
  expect(got.mapping.fields.find((f) => f.field === 'L_ListPrice')?.status).toBe('confirmed');
});

test('export gives a download of the mapping file', async () => {
  const panel = page.getByTestId('mapping-panel');
  await panel.getByRole('button', { name: 'Export…' }).click();
  const link = panel.getByTestId('mapping-download');
  await expect(link).toBeVisible();
  await expect(link).toHaveText('Download mapping-demo.json');

  // Esc closes the panel while focus is inside it, like a dialog.
  await panel.getByRole('button', { name: 'Export…' }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
});
