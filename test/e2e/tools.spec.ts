// The workbench's tools in Debian's Chromium against browser mode and the Demo MLS: open a
// recorded metadata dump offline (COMPACT and STANDARD-XML) and a bad file; resize, reorder, hide
// and copy result columns; the keyboard (insert a field, Ctrl/Cmd+Enter, Esc cancels a slow
// search); light and dark themes. Screenshots go to test-results/screenshots/tools-*.png.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDirs, repoRoot, startHost, type RunningHost } from './host';
import { nameShim } from './chromium';

test.describe.configure({ mode: 'serial' });

const shots = join(repoRoot, 'test-results', 'screenshots');
const samples = join(repoRoot, '..', 'shared', 'rets-samples');
// Recorded responses (see ../shared/rets-samples/PROVENANCE.md):
// the CRT/Variman reference server's whole COMPACT metadata (GetMetadata Type=METADATA-SYSTEM ID=*),
const COMPACT_DUMP = join(samples, 'NationalAssociationOfRealtors__libRETS/project/librets/test/src/resources/raw-metadata');
// flexmls's STANDARD-XML METADATA-TABLE for Property class A, a whole HTTP capture (status line and headers first),
const XML_CAPTURE = join(samples, 'troydavisson__PHRETS/tests/Integration/Fixtures/Http/get/retsgw.flexmls.com/rets2_1_GetMetadata/bbe857812f04d9e40c3508c212ab0ebe.txt');
// and a Tomcat HTML error page a server sent instead of RETS.
const HTML_PAGE = join(samples, 'estately__rets/test/fixtures.rb__HTML_AUTH_FAILURE.html');

let host: RunningHost;
let page: Page;

async function shot(name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `tools-${name}.png`) });
}

const editorLines = () => page.getByTestId('query-editor').locator('.view-lines');

async function setQuery(text: string): Promise<void> {
  await editorLines().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.type(text);
  await expect(editorLines()).toContainText(text.replace(/ /g, '\u00a0').slice(0, 20));
}

async function waitDone(): Promise<void> {
  await expect(page.getByTestId('result-count')).toContainText(' s', { timeout: 30_000 });
  await expect(page.getByTestId('running')).toHaveCount(0, { timeout: 60_000 });
}

const tree = () => page.getByTestId('metadata-tree');
/** A tree row of this kind whose name (its .label) is exactly `name`. */
const treeRow = (kind: string, name: string) => tree().locator(`[data-kind=${kind}]`).filter({ has: page.locator('.label', { hasText: new RegExp(`^${name}$`) }) });
const openFile = () => page.getByTestId('open-metadata-file');
const metadataHeader = () => page.locator('.left .section-h', { hasText: 'Metadata' });

test.beforeAll(async ({ browser }) => {
  host = await startHost(freshDirs());
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  await ctx.addInitScript(nameShim);
  page = await ctx.newPage();
  await page.goto(host.openUrl);
  await expect(page.locator('[data-kind=resource]').first()).toBeVisible({ timeout: 60_000 });
});

test.afterAll(async () => {
  await page?.context().close();
  await host?.stop();
});

test('opens a recorded COMPACT metadata dump for offline exploration and filters it', async () => {
  await openFile().setInputFiles(COMPACT_DUMP);
  await expect(page.getByTestId('toast')).toContainText('Opened raw-metadata (COMPACT)');
  await expect(metadataHeader()).toContainText('raw-metadata');
  // The reference server's four resources, in its order, with their class counts.
  await expect(tree().locator('[data-kind=resource] .label')).toHaveText(['Agent', 'ActiveAgent', 'Office', 'Property']);
  await expect(tree().locator('[data-kind=resource] .badge')).toHaveText(['1', '1', '1', '6']);
  // The first resource opens; its class opens on a click and lists the 9 fields of its METADATA-TABLE.
  await expect(treeRow('class', 'AGT')).toContainText('9');
  await treeRow('class', 'AGT').click();
  await expect(treeRow('field', 'CELL_PHONE')).toContainText('Agent Cell Phone');
  await expect(treeRow('field', 'LAST_NAME')).toBeVisible();
  await tree().locator('[data-kind=resource]', { hasText: 'Property' }).click();
  await expect(treeRow('class', 'ResidentialProperty')).toContainText('Single Family');
  await expect(treeRow('class', 'CommercialProperty')).toBeVisible();
  await shot('01-compact-file');

  const filter = page.getByTestId('metadata-filter');
  // A StandardName finds its field in another resource's class.
  await filter.fill('ListingStatus');
  await expect(treeRow('field', 'LS').first()).toContainText('Listing Status');
  await expect(tree().locator('[data-kind=resource] .label')).toHaveText(['Property']);
  // A lookup value's long text finds the value under its lookup.
  await filter.fill('Temp Off Market');
  await expect(treeRow('lookup', 'LISTING_STATUS')).toBeVisible();
  await expect(tree().locator('[data-kind=value]', { hasText: 'Temp Off Market' })).toContainText('T');
  await expect(tree().locator('mark').first()).toHaveText(/Temp Off Market/i);
  await expect(tree().locator('[data-kind=field]')).toHaveCount(0);
  await filter.fill('Square Footage');
  await treeRow('field', 'SQFT').first().click();
  await expect(page.getByTestId('field-details')).toContainText('SQFT');
  await shot('02-compact-filter');
  await filter.fill('');
});

test('opens a STANDARD-XML capture; a bad file gets a clear message and the tree stays', async () => {
  const xml = readFileSync(XML_CAPTURE);
  await openFile().setInputFiles(XML_CAPTURE);
  await expect(page.getByTestId('toast')).toContainText('(STANDARD-XML)');
  const name = XML_CAPTURE.split('/').pop()!;
  await expect(metadataHeader()).toContainText(name);
  await expect(tree().locator('[data-kind=resource] .label')).toHaveText(['Property']);
  await expect(tree().locator('[data-kind=resource] .badge')).toHaveText(['1']);
  // 313 <Field> elements in class A.
  await expect(treeRow('class', 'A')).toContainText('313');
  await treeRow('class', 'A').click();
  await expect(treeRow('field', 'LIST_0')).toContainText('MLS Identifier');
  await page.getByTestId('metadata-filter').fill('matechid'); // a DBName is not searched…
  await expect(tree()).toContainText('Nothing matches');
  await page.getByTestId('metadata-filter').fill('MLS Identifier'); // …its LongName is
  await expect(treeRow('field', 'LIST_0')).toBeVisible();
  await page.getByTestId('metadata-filter').fill('');

  // An HTML error page: the message names it and says what to open; the STANDARD-XML tree stays.
  await openFile().setInputFiles(HTML_PAGE);
  const fileError = page.getByTestId('metadata-file-error');
  await expect(fileError).toContainText('could not be read as RETS metadata');
  await expect(fileError).toContainText('HTML page instead of metadata');
  await expect(fileError).toContainText('Apache Tomcat/6.0.26');
  await expect(fileError).toContainText('COMPACT or STANDARD-XML');
  await shot('03-bad-html-file');
  await expect(metadataHeader()).toContainText(name);
  await expect(treeRow('field', 'LIST_0')).toBeVisible();

  // The same capture cut off mid-body (as a dropped connection leaves it).
  await openFile().setInputFiles({ name: 'cut-off.xml', mimeType: 'text/xml', buffer: xml.subarray(0, Math.floor(xml.length / 2)) });
  await expect(fileError).toContainText('"cut-off.xml" could not be read as RETS metadata');
  await expect(fileError).toContainText('not well-formed');
  await expect(metadataHeader()).toContainText(name);
  await expect(treeRow('class', 'A')).toContainText('313');

  // Closing the file brings back the Demo MLS's metadata.
  await metadataHeader().getByRole('button', { name: 'Close file' }).click();
  await expect(metadataHeader()).not.toContainText(name);
  await expect(fileError).toHaveCount(0);
  await expect(page.getByTestId('metadata-version')).toContainText('fields');
  await expect(tree().locator('[data-kind=resource]').first()).toBeVisible();
});

test('keyboard: insert a field from the tree, complete it, Ctrl/Cmd+Enter runs from the editor and from the run bar', async () => {
  await page.getByTestId('limit').fill('20');
  await setQuery('');
  await page.keyboard.press('ControlOrMeta+K');
  await expect(page.getByTestId('metadata-filter')).toBeFocused();
  await page.keyboard.type('L_ListPrice');
  const field = treeRow('field', 'L_ListPrice').first();
  await field.dblclick();
  // An empty query gets a whole criterion, the cursor in the editor after it.
  await expect(editorLines()).toHaveText('(L_ListPrice=)');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('0+');
  await expect(editorLines()).toHaveText('(L_ListPrice=0+)');
  await page.keyboard.press('Escape'); // close any completion list Monaco opened while typing
  await page.keyboard.press('ControlOrMeta+Enter');
  await waitDone();
  const grid = page.getByTestId('results-grid');
  await expect(grid).toHaveAttribute('aria-rowcount', '20');

  // The details drawer inserts at the cursor too.
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.type('L_Status');
  await treeRow('field', 'L_Status').first().click();
  await editorLines().click();
  await page.keyboard.press('End');
  await page.keyboard.type(',(');
  await page.getByTestId('field-details').getByRole('button', { name: 'Insert into query' }).click();
  await page.keyboard.type('=A)');
  await expect(editorLines()).toHaveText('(L_ListPrice=0+),(L_Status=A)');
  await page.getByTestId('metadata-filter').fill('');

  // Ctrl/Cmd+Enter outside the editor (here in the Limit box) runs the tab too.
  await page.getByTestId('limit').fill('7');
  await page.getByTestId('limit').press('ControlOrMeta+Enter');
  await waitDone();
  await expect(grid).toHaveAttribute('aria-rowcount', '7');
  const statusCol = await grid.locator('[role=columnheader]').evaluateAll((hs) => hs.findIndex((h) => h.getAttribute('data-col') === 'L_Status'));
  expect(statusCol).toBeGreaterThanOrEqual(0);
  const statuses = await grid.locator('[role=row]').evaluateAll((rows, ci) => rows.map((r) => r.children[ci + 1]?.textContent), statusCol);
  expect(statuses).toHaveLength(7);
  for (const s of statuses) expect(s).toBe('Active'); // decoded lookup value of A
});
