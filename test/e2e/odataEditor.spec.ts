// The query editor's two languages in Debian's Chromium, on bench.html (the real QueryEditor, no
// host): DMQL2 colours `.empty.` and `.EMPTY.` as the keyword the lexer reads; the $filter
// language on a RESO-shaped fixture schema completes a field, its operators and a lookup value
// (the space after an accepted operator is overtyped), function snippets and lambda variables,
// marks an unknown property and applies its did-you-mean quick fix, and hovers the property.
// Screenshots of the $filter completion in both themes go to
// test-results/screenshots/odata-editor-{light,dark}.png (the DMQL2 line: dmql-editor-light.png).
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { FilterModelInput } from '../../shared/odata/filter';
import { input } from '../odata/fixture';
import * as app from './app';
import { shots } from './app';
import { staticServer } from './staticServer';

test.describe.configure({ mode: 'serial' });

type Bench = { __bench: { mountEditor(value: string, odata?: { input: FilterModelInput; entitySet: string }): void } };

let server: Server;
let url: string;
let page: Page;

test.beforeAll(async ({ browser }) => {
  ({ server, url } = await staticServer());
  page = await app.newPage(browser, { viewport: { width: 1000, height: 520 } });
  await page.goto(`${url}bench.html`);
  mkdirSync(shots, { recursive: true });
});

test.afterAll(async () => {
  await page?.context().close();
  await new Promise((r) => server?.close(r));
});

const lines = () => app.editorLines(page);
/** The rendered colour of the token whose text is exactly `text`. */
const colourOf = (text: string) => page.getByTestId('query-editor').locator('.view-line span span').filter({ hasText: new RegExp(`^${text.replace(/[.$()]/g, '\\$&')}$`) }).first();

async function mount(value: string, odata: boolean): Promise<void> {
  await page.evaluate(([v, inp]) => (window as unknown as Bench).__bench.mountEditor(v, inp ? { input: inp, entitySet: 'Property' } : undefined), [value, odata ? input : null] as const);
  if (value) await expect(lines()).toContainText(value.replace(/ /g, '\u00a0'));
}

const typeFresh = (text: string) => app.typeFresh(page, text);
const suggestRow = (text: string) => app.suggestRow(page, text);

test('DMQL2: .empty. and .EMPTY. are coloured as the keyword the lexer reads', async () => {
  await page.emulateMedia({ colorScheme: 'light' });
  await mount('(L_Status=.empty.),(L_Type=.EMPTY.),(L_City=Sea*)', false);
  const keyword = 'rgb(179, 89, 0)'; // rw-light `keyword` (b35900)
  await expect(colourOf('.empty.')).toHaveCSS('color', keyword);
  await expect(colourOf('.EMPTY.')).toHaveCSS('color', keyword);
  await expect(colourOf('L_Status')).toHaveCSS('color', 'rgb(11, 92, 173)'); // field
  await expect(colourOf('Sea')).not.toHaveCSS('color', 'rgb(11, 92, 173)'); // a value, not a field
  await page.screenshot({ path: join(shots, 'dmql-editor-light.png'), clip: { x: 0, y: 0, width: 1000, height: 60 } });
});

async function completeLookupValue(theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await mount('', true);
  await typeFresh('Standa');
  await page.keyboard.press('Control+Space');
  await expect(suggestRow('StandardStatus')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(lines()).toHaveText('StandardStatus');
  // The space opens the operators of a string lookup field; `eq` inserts `eq ` and lists the values.
  await page.keyboard.press('Space');
  await expect(suggestRow('eq')).toBeVisible();
  await suggestRow('eq').click();
  await expect(suggestRow('Active Under Contract')).toBeVisible();
  // A space typed right after the inserted `eq ` is the same space (overtype), not a second one.
  await page.keyboard.press('Space');
  await expect(lines()).toHaveText('StandardStatus\u00a0eq\u00a0');
  await expect(suggestRow('Active Under Contract')).toBeVisible();
  await page.screenshot({ path: join(shots, `odata-editor-${theme}.png`), clip: { x: 0, y: 0, width: 1000, height: 420 } });
  await suggestRow('Active Under Contract').click();
  await expect(lines()).toHaveText("StandardStatus\u00a0eq\u00a0'Active\u00a0Under\u00a0Contract'");
  await expect(colourOf('eq')).toHaveCSS('color', theme === 'light' ? 'rgb(176, 48, 111)' : 'rgb(247, 120, 186)'); // keyword.operator
  await expect(colourOf('StandardStatus')).toHaveCSS('color', theme === 'light' ? 'rgb(11, 92, 173)' : 'rgb(121, 184, 255)'); // field
}

test('$filter: completes a field, its operators and a lookup value (light)', async () => {
  await completeLookupValue('light');
});

test('$filter: the same in the dark theme', async () => {
  await completeLookupValue('dark');
});

test('$filter: functions complete as snippets, collections offer a lambda, its variable completes', async () => {
  await page.emulateMedia({ colorScheme: 'light' });
  await mount('', true);
  await typeFresh('conta');
  await page.keyboard.press('Control+Space');
  await expect(suggestRow('contains')).toBeVisible();
  await page.keyboard.press('Enter');
  // The snippet selects its first placeholder: typing replaces `Field`.
  await page.keyboard.type('City');
  await expect(lines()).toHaveText("contains(City, 'text')");
  await expect(colourOf('contains')).toHaveCSS('color', 'rgb(102, 57, 186)'); // function

  await typeFresh('Appliances/');
  await expect(suggestRow('any(…)')).toBeVisible();
  await page.keyboard.press('Escape');
  await typeFresh('Appliances/any(x: ');
  await page.keyboard.press('Control+Space');
  await expect(suggestRow('lambda variable')).toBeVisible();
  await expect(suggestRow('lambda variable')).toContainText('Appliances');
});

test('$filter: an unknown property is marked, its did-you-mean quick fix applies, hover tells the type', async () => {
  await page.emulateMedia({ colorScheme: 'light' });
  await mount('LstPrice gt 100', true);
  await expect(page.locator('.squiggly-error').first()).toBeAttached();
  await lines().click();
  await page.keyboard.press('Home');
  await page.keyboard.press('ControlOrMeta+Period');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Write ListPrice' }).first();
  await expect(fix).toBeVisible();
  await fix.click();
  await expect(lines()).toHaveText('ListPrice\u00a0gt\u00a0100');
  await expect(page.locator('.squiggly-error')).toHaveCount(0);
  // Hover on the property: its display name and Edm type from the schema.
  await colourOf('ListPrice').hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Edm.Decimal' })).toBeVisible();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Edm.Decimal' })).toContainText('List Price');
});
