// The workbench's tools in Debian's Chromium against browser mode and the Demo MLS: open a
// recorded metadata dump offline (COMPACT and STANDARD-XML) and a bad file; resize, reorder, hide
// and copy result columns, the Columns popover; the keyboard (the explorer tree, insert a field,
// Ctrl/Cmd+Enter, Esc cancels a slow search); light and dark themes; login warnings for a server
// behind a tunnel. Screenshots go to test-results/screenshots/tools-*.png.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callHost, freshDirs, repoRoot, startHost, type RunningHost } from './host';
import * as app from './app';
import { startMiniRets } from '../client/miniRets';
import { tunnel } from '../client/tunnel';

test.describe.configure({ mode: 'serial' });

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

const shot = (name: string) => app.shot(page, `tools-${name}`);
const editorLines = () => app.editorLines(page);
const setQuery = (text: string) => app.setQuery(page, text);
const waitDone = () => app.waitForRun(page);

const tree = () => page.getByTestId('metadata-tree');
/** A tree row of this kind whose name (its .label) is exactly `name`. */
const treeRow = (kind: string, name: string) => tree().locator(`[data-kind=${kind}]`).filter({ has: page.locator('.label', { hasText: new RegExp(`^${name}$`) }) });
/** The tree shows the result of this filter (data-filter is the text it was built from). */
const settled = (text: string) => expect(tree()).toHaveAttribute('data-filter', text);
/** The tree recycles its row elements: act on rows only once it shows the filter's result. */
async function filterTree(text: string): Promise<void> {
  await page.getByTestId('metadata-filter').fill(text);
  await settled(text);
}
const openFile = () => page.getByTestId('open-metadata-file');
const metadataHeader = () => page.locator('.rw-left .section-h', { hasText: 'Metadata' });

test.beforeAll(async ({ browser }) => {
  host = await startHost(freshDirs());
  page = await app.newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await app.openApp(page, host.openUrl);
});

test.afterAll(() => app.closeApp(page, host));

test('opens a recorded COMPACT metadata dump for offline exploration and filters it', async () => {
  // The file goes up through the upload endpoint; the call that opens it carries only a handle.
  const uploaded = page.waitForResponse((r) => r.url().includes('/uploads?') && r.status() === 200);
  const opened = page.waitForRequest((r) => r.url().endsWith('/api/metadata.openFile'));
  await openFile().setInputFiles(COMPACT_DUMP);
  await uploaded;
  expect(Object.keys(JSON.parse((await opened).postData() ?? '{}'))).toEqual(['handle']);
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

  // A StandardName finds its field in another resource's class.
  await filterTree('ListingStatus');
  await expect(treeRow('field', 'LS').first()).toContainText('Listing Status');
  await expect(tree().locator('[data-kind=resource] .label')).toHaveText(['Property']);
  // A lookup value's long text finds the value under its lookup.
  await filterTree('Temp Off Market');
  await expect(treeRow('lookup', 'LISTING_STATUS')).toBeVisible();
  await expect(tree().locator('[data-kind=value]', { hasText: 'Temp Off Market' })).toContainText('T');
  await expect(tree().locator('mark').first()).toHaveText(/Temp Off Market/i);
  await expect(tree().locator('[data-kind=field]')).toHaveCount(0);
  await filterTree('Square Footage');
  await treeRow('field', 'SQFT').first().click();
  await expect(page.getByTestId('field-details')).toContainText('SQFT');
  await shot('02-compact-filter');
  await filterTree('');
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
  await filterTree('matechid'); // a DBName is not searched…
  await expect(tree()).toContainText('Nothing matches');
  await filterTree('MLS Identifier'); // …its LongName is
  await expect(treeRow('field', 'LIST_0')).toBeVisible();
  await filterTree('');

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

/** The row the tree's aria-activedescendant names (the keyboard's row), by its node id. */
const activeNode = () => tree().evaluate((t) => document.getElementById(t.getAttribute('aria-activedescendant') ?? '')?.getAttribute('data-node') ?? null);
/** Expects the keyboard's row to be this node, named by the tree and marked, in view. */
async function expectActive(node: string): Promise<void> {
  await expect.poll(activeNode).toBe(node);
  await expect(tree().locator('.tree-row.active')).toHaveAttribute('data-node', node);
  await expect(tree().locator('.tree-row.active')).toBeInViewport({ ratio: 0.9 }); // the list's height may be a fraction of a pixel
}
const row = (node: string) => tree().locator(`[data-node="${node}"]`);

test('keyboard: the explorer tree (arrows, Home/End, Enter opens the field, ArrowDown from the filter)', async () => {
  const filter = page.getByTestId('metadata-filter');
  await expect(tree()).toHaveAttribute('role', 'tree');
  await page.keyboard.press('ControlOrMeta+K');
  await expect(filter).toBeFocused();
  // ArrowDown from the filter box: the tree takes the keyboard, on its first row.
  await page.keyboard.press('ArrowDown');
  await expect(tree()).toBeFocused();
  await expectActive('r:Property');
  await expect(row('r:Property')).toHaveAttribute('aria-expanded', 'true');
  await expect(row('r:Property')).toHaveAttribute('aria-level', '1');
  await page.keyboard.press('ArrowDown');
  await expectActive('c:Property:RES');
  await expect(row('c:Property:RES')).toHaveAttribute('aria-level', '2');
  await expect(row('c:Property:RES')).toHaveAttribute('aria-expanded', 'false');
  // The list is virtual, so each row says its place: Property is the first of 5 resources, RES
  // the first of its 6 classes and 2 groups (Lookups, Object types).
  await expect(row('r:Property')).toHaveAttribute('aria-posinset', '1');
  await expect(row('r:Property')).toHaveAttribute('aria-setsize', '5');
  await expect(row('c:Property:RES')).toHaveAttribute('aria-posinset', '1');
  await expect(row('c:Property:RES')).toHaveAttribute('aria-setsize', '8');
  // Right opens the class, Right again enters it.
  await page.keyboard.press('ArrowRight');
  await expect(row('c:Property:RES')).toHaveAttribute('aria-expanded', 'true');
  await expectActive('c:Property:RES');
  await page.keyboard.press('ArrowRight');
  const firstField = (await activeNode())!;
  expect(firstField).toMatch(/^f:Property:RES:/);
  await expect(row(firstField)).toHaveAttribute('aria-level', '3');
  await expect(row(firstField)).not.toHaveAttribute('aria-expanded', /.*/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = (await activeNode())!;
  expect(third).not.toBe(firstField);
  // Enter opens the field's details, as a click does.
  const name = third.split(':').pop()!;
  await expect(row(third)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('field-details')).toContainText(name);
  await expect(row(third)).toHaveAttribute('aria-selected', 'true');
  await expect(tree()).toBeFocused();
  await page.emulateMedia({ colorScheme: 'light' });
  await shot('11-tree-keyboard-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('12-tree-keyboard-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // End and Home go to the last and first rows, scrolling the list to them.
  await page.keyboard.press('End');
  await expectActive('r:Media');
  expect(await tree().evaluate((t) => t.scrollTop)).toBeGreaterThan(0);
  await page.keyboard.press('Home');
  await expectActive('r:Property');
  expect(await tree().evaluate((t) => t.scrollTop)).toBe(0);
  await page.keyboard.press('PageDown');
  expect(await activeNode()).toMatch(/^f:Property:RES:/);
  await page.keyboard.press('Home');

  // Left: from a field to its class, closes the class, then to the resource.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expectActive(firstField);
  await page.keyboard.press('ArrowLeft');
  await expectActive('c:Property:RES');
  await page.keyboard.press('ArrowLeft');
  await expect(row('c:Property:RES')).toHaveAttribute('aria-expanded', 'false');
  await expect(row(firstField)).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await expectActive('r:Property');
  // Up from the first row goes back to the filter box.
  await page.keyboard.press('ArrowUp');
  await expect(filter).toBeFocused();

  // With a filter: ArrowDown enters its result; Right enters the matches (nothing closes).
  await page.keyboard.type('L_ListPrice');
  await settled('L_ListPrice');
  await page.keyboard.press('ArrowDown');
  await expect(tree()).toBeFocused();
  await expectActive('r:Property');
  await page.keyboard.press('ArrowRight');
  const cls = (await activeNode())!;
  expect(cls).toMatch(/^c:Property:/);
  await page.keyboard.press('ArrowRight');
  await expectActive(`f:${cls.slice(2)}:L_ListPrice`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('field-details')).toContainText('L_ListPrice');
  await page.keyboard.press('ArrowLeft');
  await expectActive(cls);
  await page.keyboard.press('ArrowLeft');
  await expectActive('r:Property');
  await filterTree('');
});

test('keyboard: type-ahead jumps to a name in the tree, `*` opens all sibling branches', async () => {
  await page.keyboard.press('ControlOrMeta+K');
  await filterTree('');
  await page.keyboard.press('ArrowDown');
  await expectActive('r:Property');
  await expect(row('r:Property')).toHaveAttribute('aria-expanded', 'true');
  // Classes RES, CND, LND, COM, RNT, ALL: `c` finds CND, `c` again the next one, COM.
  await page.keyboard.press('c');
  await expectActive('c:Property:CND');
  await page.keyboard.press('c');
  await expectActive('c:Property:COM');
  await expect(row('c:Property:RES')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('*');
  // Every class opened (hundreds of fields above COM now), and COM is still the row in view.
  await expectActive('c:Property:COM');
  await expect(row('c:Property:COM')).toHaveAttribute('aria-expanded', 'true');
  await expect(tree().locator('[data-kind=field]').first()).toHaveAttribute('data-node', /^f:Property:(LND|COM):/);
  await page.keyboard.press('Home');
  await expect(row('c:Property:RES')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('c');
  await page.keyboard.press('c');
  await expectActive('c:Property:COM');
  // Typing on narrows to a field name, searching down from the active row.
  await page.keyboard.press('Shift'); // any other key ends a name (as a pause does): `l_listp` is a new one
  await page.keyboard.type('l_listp');
  await expect.poll(activeNode).toMatch(/^f:Property:COM:L_ListP/);
  // Letters typed in the tree never reach the query editor or the filter.
  await expect(page.getByTestId('metadata-filter')).toHaveValue('');
  await page.keyboard.press('Home');
  await expectActive('r:Property');
  await page.keyboard.press('ArrowLeft');
  await expect(row('r:Property')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
});

test('keyboard: insert a field from the tree, complete it, Ctrl/Cmd+Enter runs from the editor and from the run bar', async () => {
  await page.getByTestId('limit').fill('20');
  await setQuery('');
  await page.keyboard.press('ControlOrMeta+K');
  await expect(page.getByTestId('metadata-filter')).toBeFocused();
  await page.keyboard.type('L_ListPrice');
  await settled('L_ListPrice');
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
  await settled('L_Status');
  await treeRow('field', 'L_Status').first().click();
  await editorLines().click();
  await page.keyboard.press('End');
  await page.keyboard.type(',(');
  await page.getByTestId('field-details').getByRole('button', { name: 'Insert into query' }).click();
  await page.keyboard.type('=A)');
  await expect(editorLines()).toHaveText('(L_ListPrice=0+),(L_Status=A)');
  // The app's other shortcuts work from inside the editor too.
  await page.keyboard.press('ControlOrMeta+L');
  await expect(page.getByTestId('log-panel')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+L');
  await expect(page.getByTestId('log-panel')).toHaveCount(0);
  await page.keyboard.press('Alt+KeyR'); // browser mode: Ctrl/Cmd+R stays Reload
  await expect(page.getByTestId('palette-history')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('palette-history')).toHaveCount(0);
  await editorLines().click();
  await page.keyboard.press('Alt+KeyP'); // browser mode: Ctrl/Cmd+P stays Print
  await expect(page.getByTestId('palette-snippets')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('palette-snippets')).toHaveCount(0);
  await expect(editorLines()).toHaveText('(L_ListPrice=0+),(L_Status=A)');
  await filterTree('');

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

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; }
    else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const grid = () => page.getByTestId('results-grid');
const header = (col: string) => grid().locator(`[role=columnheader][data-col="${col}"]`);
const headerIds = () => grid().locator('[role=columnheader]').evaluateAll((hs) => hs.map((h) => h.getAttribute('data-col')!));
/** Cell texts of one row by its data-row, without the row-number cell: the columns in view and
 *  a few beyond (columns are virtualized), from the first. */
const rowCells = (i: number) => grid().locator(`[role=row][data-row="${i}"] [role=gridcell]`).allTextContents();
/** A row's first cells are `expected`'s, as far as both go (undefined: a value not read before). */
async function expectRowStart(i: number, expected: (string | undefined)[]): Promise<void> {
  const cells = await rowCells(i);
  const known = expected.indexOf(undefined);
  const n = Math.min(cells.length, known < 0 ? expected.length : known);
  expect(n).toBeGreaterThan(4);
  expect(cells.slice(0, n)).toEqual(expected.slice(0, n));
}
const columnsButton = () => page.getByTestId('columns-toggle');
/** Esc closes the Columns popover (and gives focus back to its button). */
async function closeMenu(): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('column-menu')).toHaveCount(0);
  await expect(columnsButton()).toBeFocused();
}
const width = async (l: ReturnType<typeof header>) => (await l.boundingBox())!.width;
/** Texts of row 0's cells whose shown text runs past the cell's right edge (cells cut their text
 *  to fit their width; only a cell that clips, overflow hidden, may hold more). */
const overflowing = () => grid().locator('[role=row][data-row="0"] [role=gridcell]').evaluateAll((cells) => cells.filter((c) => {
  if (getComputedStyle(c).overflowX === 'hidden') return false;
  const text = document.createRange();
  text.selectNodeContents(c);
  return text.getBoundingClientRect().right > c.getBoundingClientRect().right + 1;
}).map((c) => c.textContent));

test('results columns: reorder by dragging, hide and show, copy selected rows as CSV', async () => {
  await expect(grid()).toHaveAttribute('aria-rowcount', '7');
  const cols = await headerIds();
  expect(cols.length).toBeGreaterThan(5);
  const row0 = Object.fromEntries(cols.map((c, i) => [c, i])) as Record<string, number>;
  const cells0 = await rowCells(0);
  expect(cells0.length).toBeGreaterThan(5);
  expect(cells0.length).toBeLessThan(cols.length); // the columns beyond the view are not rendered

  // Reorder: drop the fourth header on the second; it lands before it, and the cells move with it.
  const moved = cols[3];
  await header(moved).dragTo(header(cols[1]));
  const reordered = [cols[0], moved, cols[1], cols[2], ...cols.slice(4)];
  await expect.poll(headerIds).toEqual(reordered);
  await expectRowStart(0, reordered.map((c) => cells0[row0[c]]));

  // Hide a column through the Columns menu, and show it again.
  const hidden = cols[2];
  await page.getByRole('button', { name: 'Columns', exact: true }).click();
  const menu = page.getByTestId('column-menu');
  const toggle = menu.locator('label', { hasText: new RegExp(`^${hidden}$`) }).locator('input[type=checkbox]');
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(header(hidden)).toHaveCount(0);
  const shown = reordered.filter((c) => c !== hidden);
  expect(await headerIds()).toEqual(shown);
  await expectRowStart(0, shown.map((c) => cells0[row0[c]]));
  await shot('05-grid-columns-menu');
  await closeMenu();

  // Copy: click the first row, shift-click the third; the toolbar's Copy writes CSV of the
  // shown columns in their order (the hidden one left out).
  await grid().locator('[role=row][data-row="0"]').click();
  await grid().locator('[role=row][data-row="2"]').click({ modifiers: ['Shift'] });
  await expect(grid().locator('[role=row].selected')).toHaveCount(3);
  expect(await page.evaluate(() => String(window.getSelection()))).toBe(''); // rows, not text
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByTestId('toast')).toContainText('Copied 3 rows as CSV');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const csv = parseCsv(copied);
  expect(csv[0]).toEqual(shown);
  for (let i = 0; i < 3; i += 1) await expectRowStart(i, csv[i + 1]);
  expect(csv).toHaveLength(4);

  await page.getByRole('button', { name: 'Columns', exact: true }).click();
  await toggle.check();
  await expect(header(hidden)).toHaveCount(1);
  await menu.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(headerIds).toEqual(cols);
  await closeMenu();
});

test('results columns: resize by dragging the handle, double-click resets', async () => {
  const cols = await headerIds();
  const col = cols[1];
  const before = await width(header(col));
  expect(await overflowing()).toEqual([]);
  const handle = (await header(col).getByTestId('col-resizer').boundingBox())!;
  const y = handle.y + handle.height / 2;
  await page.mouse.move(handle.x + handle.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 + 40, y, { steps: 4 });
  await page.mouse.move(handle.x + handle.width / 2 + 90, y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => width(header(col)), { timeout: 3000 }).toBeGreaterThan(before + 80);
  const after = await width(header(col));
  expect(after).toBeLessThan(before + 100);
  // The cells of the column follow the header.
  expect((await grid().locator('[role=row][data-row="0"] [role=gridcell]').nth(1).boundingBox())!.width).toBeCloseTo(after, 0);
  expect(await overflowing()).toEqual([]);
  await expect(header(col)).toHaveAttribute('aria-sort', 'none'); // the drag did not sort
  // Released: moving the pointer on no longer changes the width (the column left resize mode).
  await page.mouse.move(handle.x + 300, y, { steps: 3 });
  expect(await width(header(col))).toBeCloseTo(after, 0);
  await shot('04-grid-resized');
  await header(col).getByTestId('col-resizer').dblclick();
  await expect.poll(() => width(header(col))).toBeCloseTo(before, 0);
  await expect(header(col)).toHaveAttribute('aria-sort', 'none');

  // The keyboard: a focused header widens with Alt+Right, narrows with Alt+Left, sorts with Enter.
  await header(col).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => width(header(col))).toBeCloseTo(before + 32, 0);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => width(header(col))).toBeCloseTo(before + 16, 0);
  await page.keyboard.press('Enter');
  await expect(header(col)).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Enter');
  await expect(header(col)).toHaveAttribute('aria-sort', 'descending');
  await page.keyboard.press('Enter');
  await expect(header(col)).toHaveAttribute('aria-sort', 'none');
  await header(col).getByTestId('col-resizer').dblclick();
  await expect.poll(() => width(header(col))).toBeCloseTo(before, 0);
});

/** Whether two boxes share any area. */
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('results columns: the Columns popover hangs under its button, on top, and toggles, Esc and a click outside close it', async () => {
  const menu = page.getByTestId('column-menu');
  await columnsButton().click();
  await expect(menu).toBeVisible();
  await expect(columnsButton()).toHaveAttribute('aria-expanded', 'true');
  const m = (await menu.boundingBox())!;
  const b = (await columnsButton().boundingBox())!;
  // Under its button, starting at its left edge, over the grid: not over the toolbar or the editor.
  expect(m.y).toBeGreaterThanOrEqual(b.y + b.height);
  expect(m.y).toBeLessThan(b.y + b.height + 12);
  expect(m.x).toBeCloseTo(b.x, 0);
  const toolbar = (await page.getByTestId('results-header').boundingBox())!;
  expect(m.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height - 1);
  for (const name of ['Decoded', 'Columns', 'Find', 'Copy', 'Export CSV…']) {
    const btn = (await page.getByTestId('results-header').getByRole('button', { name, exact: false }).first().boundingBox())!;
    expect(overlaps(m, btn), `the popover covers ${name}`).toBe(false);
  }
  expect(overlaps(m, (await page.getByTestId('query-editor').boundingBox())!)).toBe(false);
  // On top of the grid: what is under its middle and its corner is the popover.
  const onTop = (x: number, y: number) => page.evaluate(([x, y]) => !!document.elementFromPoint(x, y)?.closest('[data-testid=column-menu]'), [x, y]);
  expect(await onTop(m.x + m.width / 2, m.y + m.height / 2)).toBe(true);
  expect(await onTop(m.x + m.width - 4, m.y + m.height - 4)).toBe(true);
  // Focus starts in it, on its filter box.
  await expect(menu.getByTestId('column-filter')).toBeFocused();
  await shot('10-columns-popover');

  // Its button closes it, also right after using it (a click inside does not close it).
  const first = menu.locator('input[type=checkbox]').first();
  await first.uncheck();
  await expect(menu).toBeVisible();
  await first.check();
  await columnsButton().click();
  await expect(menu).toHaveCount(0);
  await expect(columnsButton()).toHaveAttribute('aria-expanded', 'false');
  await columnsButton().click();
  await expect(menu).toBeVisible();
  await columnsButton().click();
  await expect(menu).toHaveCount(0);

  // Esc closes it and gives focus back to its button (it does not reach the grid or the app).
  await columnsButton().click();
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(columnsButton()).toBeFocused();
  // So does Tab out of it (here Shift+Tab from its filter box).
  await page.keyboard.press('Enter');
  await expect(menu.getByTestId('column-filter')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(menu).toHaveCount(0);
  await expect(columnsButton()).toBeFocused();

  // A press outside closes it: on the editor, and on the results' count.
  await columnsButton().click();
  await expect(menu).toBeVisible();
  await editorLines().click();
  await expect(menu).toHaveCount(0);
  await columnsButton().click();
  await expect(menu).toBeVisible();
  await page.getByTestId('result-count').click();
  await expect(menu).toHaveCount(0);
  await expect(columnsButton()).toHaveAttribute('aria-expanded', 'false');
});

test('light and dark themes follow the system, the editor with them', async () => {
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  await grid().locator('[role=row][data-row="0"]').click(); // the row's details in the drawer
  await expect(page.locator('.monaco-editor').first()).not.toHaveClass(/vs-dark/);
  const light = await bg();
  await shot('06-theme-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/vs-dark/);
  await expect.poll(bg).not.toBe(light);
  const dark = await bg();
  // Dark means a dark page with light text.
  const lum = (c: string) => { const [r, g, b] = c.match(/\d+/g)!.map(Number); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  expect(lum(dark)).toBeLessThan(60);
  expect(lum(await page.evaluate(() => getComputedStyle(document.body).color))).toBeGreaterThan(180);
  await shot('07-theme-dark');
  await page.getByRole('button', { name: 'Columns', exact: true }).click();
  await shot('08-theme-dark-columns');
  await closeMenu();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('.monaco-editor').first()).not.toHaveClass(/vs-dark/);
  expect(await bg()).toBe(light);
});

test('keyboard: Esc cancels a slow search, from the editor and from elsewhere', async () => {
  await callHost(host, 'profiles.create', { name: 'Slow MLS', loginUrl: host.demoLoginUrl, username: 'slow', password: 'demo' });
  await page.reload();
  await page.locator('[data-profile="Slow MLS"]').click();
  await expect(page.getByTestId('profile-switcher')).toHaveValue(/.+/);
  // Run waits for the metadata (a Resource and Class the server has), which this account sends slowly.
  await expect(page.getByTestId('run')).toBeEnabled({ timeout: 60_000 });
  await page.getByTestId('limit').fill('NONE');
  await setQuery('(L_ListPrice=0+)');
  await page.keyboard.press('Escape'); // close any completion list Monaco opened while typing
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('running')).toBeVisible();
  await expect(page.getByTestId('query-editor').locator('textarea')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cancelled')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('running')).toHaveCount(0);

  // Outside the editor (focus on the results grid) Esc cancels too.
  await page.getByTestId('run').click();
  await expect(page.getByTestId('running')).toBeVisible();
  await expect(page.getByTestId('cancelled')).toHaveCount(0);
  await page.getByTestId('results-header').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cancelled')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('running')).toHaveCount(0);
  await shot('09-esc-cancelled');

  // A panel over the results takes Esc while it has focus: it closes and the search goes on; the
  // next Esc (focus back on the button that opened it) cancels the search.
  await page.getByTestId('run').click();
  await expect(page.getByTestId('running')).toBeVisible();
  await page.locator('[data-profile="Slow MLS"]').getByTestId('test-profile').click();
  const doctor = page.getByTestId('doctor');
  await expect(doctor).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(doctor).toHaveCount(0);
  await expect(page.getByTestId('running')).toBeVisible();
  await expect(page.getByTestId('cancelled')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cancelled')).toBeVisible({ timeout: 30_000 });

  // Another RETS connection made active: the tab keeps what Slow MLS sent, and says whose it is.
  await expect(page.getByTestId('result-source')).toHaveCount(0);
  await page.locator('[data-profile="Demo MLS (RETS)"]').click();
  await expect(page.getByTestId('result-source')).toHaveText('from “Slow MLS”');
  await expect(page.getByTestId('cancelled')).toBeVisible();
  await app.shotBoth(page, 'tools-result-source');
});

test('a server behind a tunnel: the title bar warns that its URLs go around it, until the profile keeps the login host', async () => {
  const mls = await startMiniRets({ relativeUrls: false, withAction: false });
  const tun = await tunnel(Number(new URL(mls.url).port));
  try {
    await callHost(host, 'profiles.create', { name: 'Tunnelled MLS', loginUrl: `${tun.url}/rets/login`, username: 'joe', password: 'pw', userAgent: 'Workbench/1.0' });
    await page.reload();
    await page.locator('[data-profile="Tunnelled MLS"]').click();
    await expect(page.getByTestId('session-state')).toHaveText(/^logged in/u, { timeout: 30_000 });
    const warning = page.getByTestId('login-warnings');
    await expect(warning).toHaveText('⚠ 1 login warning');
    await expect(warning).toHaveAttribute('title', new RegExp(`go to ${mls.url.replace(/[.]/g, '\\.')}, not to the login URL's host ${new URL(tun.url).host}`));
    await shot('13-login-warning');

    await page.locator('[data-profile="Tunnelled MLS"]').getByRole('button', { name: 'Edit' }).click();
    const dlg = page.getByTestId('profile-dialog');
    await dlg.locator('input[name=keepLoginHost]').check();
    await dlg.getByTestId('profile-save').click();
    await expect(dlg).toHaveCount(0);
    await page.getByTestId('metadata-refresh').click(); // logs in again with the saved profile
    await expect(page.getByTestId('session-state')).toHaveText(/^logged in/u, { timeout: 30_000 });
    await expect(warning).toHaveCount(0);
  } finally {
    await tun.close();
    await mls.close();
  }
});
