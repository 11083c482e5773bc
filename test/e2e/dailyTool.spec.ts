// Issue 13's rough edges, in Debian's Chromium against browser mode and the Demo MLS: the
// completion list in both themes (no app CSS inside Monaco), the theme switch, the connection
// dialog's checks and in-place test, Limit/Offset as typed and paging, the status bar against the
// log, the placeholder and StandardNames, operator overtype, Run on a logged-out profile, Run
// asking about errors, quick fixes, the problems widget, the footer, tree names, fitted and frozen
// columns, the Columns filter, the partial-sort note, resizable panes, the palettes and their
// keys, row and lookup details, the photo viewer. Screenshots: test-results/screenshots/daily-*.png.
import { expect, test, type Page } from '@playwright/test';
import { callHost, freshDirs, startHost, type RunningHost } from './host';
import * as app from './app';

test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let page: Page;

const shot = (name: string) => app.shot(page, `daily-${name}`);
const shotBoth = (name: string) => app.shotBoth(page, `daily-${name}`);
const editor = () => page.getByTestId('query-editor');
const editorLines = () => app.editorLines(page);
const setQuery = (text: string) => app.setQuery(page, text);
const runAndWait = () => app.runAndWait(page);
const demoProfileId = () => app.profileId(host, 'Demo MLS (RETS)');

async function lastSearchUrl(): Promise<string> {
  const { entries } = await callHost<{ entries: { transaction: string; url: string }[] }>(host, 'trace.list', { profileId: await demoProfileId() });
  return entries.filter((e) => /search/i.test(e.transaction)).pop()?.url ?? '';
}

test.beforeAll(async ({ browser }) => {
  host = await startHost(freshDirs());
  page = await app.newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await app.openApp(page, host.openUrl);
});

test.afterAll(() => app.closeApp(page, host));

test('the completion list reads in both themes: no app rule reaches Monaco’s spans', async () => {
  await setQuery('(L_Sta');
  await page.keyboard.press('Control+Space');
  const row = page.locator('.suggest-widget .monaco-list-row.focused');
  await expect(row).toBeVisible();
  for (const t of ['light', 'dark'] as const) {
    await page.locator(`[data-theme-choice=${t}]`).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', t);
    await editorLines().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Space');
    await expect(row).toBeVisible();
    const look = await row.evaluate((r) => {
      const left = r.querySelector('.left')!;
      const right = r.querySelector('.right')!;
      const label = r.querySelector('.label-name') ?? left;
      const bg = (el: Element) => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const c = getComputedStyle(e).backgroundColor;
          if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
        }
        return '';
      };
      const border = (el: Element) => ['Top', 'Right', 'Bottom', 'Left'].map((s) => getComputedStyle(el).getPropertyValue(`border-${s.toLowerCase()}-width`)).join(' ');
      return { leftBorder: border(left), rightBorder: border(right), leftGrid: getComputedStyle(left).gridArea, color: getComputedStyle(label).color, bg: bg(label) };
    });
    expect(look.leftBorder).toBe('0px 0px 0px 0px');
    expect(look.rightBorder).toBe('0px 0px 0px 0px');
    expect(look.leftGrid).not.toBe('left');
    expect(look.color).not.toBe(look.bg);
    await shot(`completion-${t}`);
    await page.keyboard.press('Escape');
  }
  await page.locator('[data-theme-choice=light]').click();
});

test('the theme switch is remembered across a reload, and "system" follows the OS', async () => {
  await page.locator('[data-theme-choice=dark]').click();
  await page.reload();
  await expect(page.locator('[data-kind=resource]').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(editor().locator('.monaco-editor')).toHaveClass(/vs-dark/);
  await page.locator('[data-theme-choice=system]').click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(editor().locator('.monaco-editor')).not.toHaveClass(/vs-dark/);
});

test('accepting a field completion then typing = gives one =', async () => {
  await setQuery('(L_Stat');
  await page.keyboard.press('Control+Space');
  const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'L_Status' }).first();
  await expect(item).toBeVisible();
  await item.click();
  await expect(editorLines()).toHaveText('(L_Status=)');
  await page.keyboard.press('Escape'); // the value list that opens after `=`
  await page.keyboard.type('=');
  await expect(editorLines()).toHaveText('(L_Status=)');
  await page.keyboard.type('|A');
  await expect(editorLines()).toHaveText('(L_Status=|A)');
  // Typed by hand (no completion), a second = stays: the user meant it.
  await setQuery('(L_Status==');
  await expect(editorLines()).toContainText('(L_Status==');
});

test('the placeholder is a query that works on the class; StandardNames is an option and is sent', async () => {
  await setQuery('');
  await expect(editor()).toContainText('(L_Status=|A),(L_ListPrice=0+)');
  await page.getByTestId('standard-names').check();
  await expect(editor()).toContainText('(StandardStatus=|A),(ListPrice=0+)');
  await shot('placeholder-standard-names');
  await setQuery('(StandardStatus=|A),(ListPrice=0+)');
  await expect(page.getByTestId('diagnostics')).toHaveCount(0);
  await runAndWait();
  await expect(page.getByTestId('search-error')).toHaveCount(0);
  await expect(page.locator('.grid-th[data-col=ListPrice]')).toBeVisible();
  expect(await lastSearchUrl()).toContain('StandardNames=1');
  await page.getByTestId('standard-names').uncheck();
  await setQuery('(L_Status=|A),(L_ListPrice=0+)');
  await runAndWait();
  await expect(page.getByTestId('search-error')).toHaveCount(0);
  expect(await lastSearchUrl()).toContain('StandardNames=0');
});

test('Limit and Offset keep what is typed, say what is wrong, and page by Limit', async () => {
  const limit = page.getByTestId('limit');
  await limit.fill('');
  await expect(limit).toHaveValue('');
  await expect(page.getByTestId('run-blocked')).toContainText('Limit is empty');
  await expect(page.getByTestId('run')).toBeDisabled();
  await limit.pressSequentially('500');
  await expect(limit).toHaveValue('500');
  await expect(page.getByTestId('run-blocked')).toHaveCount(0);
  for (const bad of ['0', '-5', 'abc']) {
    await limit.fill(bad);
    await expect(limit).toHaveValue(bad);
    await expect(limit).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('run')).toBeDisabled();
  }
  await shot('limit-invalid');
  await limit.fill('NONE');
  await expect(page.getByTestId('run')).toBeEnabled();
  await page.getByTestId('offset').fill('0');
  await expect(page.getByTestId('run-blocked')).toContainText('Offset counts from 1');
  await page.getByTestId('offset').fill('');

  await limit.fill('5');
  await setQuery('(L_Status=|A)');
  await runAndWait();
  const firstKey = () => page.getByTestId('results-grid').locator('[role=row]').first().locator('[role=gridcell]').nth(1).textContent();
  const page1 = await firstKey();
  await expect(page.getByTestId('page-prev')).toBeDisabled();
  await page.getByTestId('page-next').click();
  await expect(page.getByTestId('offset')).toHaveValue('6');
  await expect(page.getByTestId('running')).toHaveCount(0, { timeout: 60_000 });
  await expect.poll(firstKey).not.toBe(page1);
  expect(await lastSearchUrl()).toContain('Offset=6');
  await page.getByTestId('page-prev').click();
  await expect(page.getByTestId('offset')).toHaveValue('');
  await expect(page.getByTestId('running')).toHaveCount(0, { timeout: 60_000 });
  await expect.poll(firstKey).toBe(page1);
});

test('the status bar counts what the log lists, and its last time is the log’s last', async () => {
  await runAndWait();
  await page.getByTestId('log-toggle').click();
  const log = page.getByTestId('log-panel');
  await expect(log).toBeVisible();
  const { entries } = await callHost<{ entries: { durationMs?: number }[] }>(host, 'trace.list', { profileId: await demoProfileId() });
  await expect(page.getByTestId('status-requests')).toHaveText(`requests ${entries.length}`);
  await expect(log).toContainText(`${entries.length} kept`);
  await expect(page.getByTestId('status-last')).toHaveText(`last ${Math.round(entries[entries.length - 1].durationMs!)} ms`);
  await expect(log.locator('.insp-row').first()).toContainText(`${Math.round(entries[entries.length - 1].durationMs!)} ms`);
  await runAndWait();
  await expect(page.getByTestId('status-requests')).toHaveText(`requests ${entries.length + 1}`);
  await expect(log).toContainText(`${entries.length + 1} kept`);
  await shotBoth('status-log');
  await page.getByTestId('log-toggle').click();
});

test('Run asks before sending a query with errors; Fix goes to it; a quick fix repairs it', async () => {
  await page.getByTestId('limit').fill('20');
  await setQuery('(L_ListPrise=100000+)');
  await expect(page.getByTestId('diagnostics')).toContainText('L_ListPrice');
  const before = (await lastSearchUrl());
  await page.getByTestId('run').click();
  const confirm = page.getByTestId('run-confirm');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('L_ListPrise');
  await shotBoth('run-confirm');
  expect(await lastSearchUrl()).toBe(before);
  await confirm.getByTestId('confirm-fix').click();
  await expect(confirm).toHaveCount(0);
  // The problems widget: titled in words, not the model's file name; Esc closes it.
  const problems = page.locator('.marker-widget');
  await expect(problems).toBeVisible();
  await expect(page.locator('.zone-widget .peekview-title')).not.toContainText('.dmql');
  await expect(page.locator('.zone-widget .peekview-title')).toContainText('DMQL2 query');
  await shotBoth('problems');
  await editor().locator('textarea').first().focus();
  await page.keyboard.press('Escape');
  await expect(problems).toHaveCount(0);

  // Quick fix (Ctrl+.) on the misspelt field.
  await editorLines().click();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget').getByText('Write L_ListPrice');
  await expect(fix).toBeVisible();
  await shotBoth('quick-fix');
  await fix.click();
  await expect(editorLines()).toHaveText('(L_ListPrice=100000+)');

  // A wrong lookup value and a missing paren have their fixes too.
  await setQuery('(L_Status=|Activ');
  await page.keyboard.press('Escape'); // the value completion list
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget').getByText('Write A', { exact: true }).click();
  await expect(editorLines()).toHaveText('(L_Status=|A)');
  await setQuery('(L_Status=|A');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Delete'); // the `)` the editor closed the paren with
  await expect(editorLines()).toHaveText('(L_Status=|A');
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget').getByText('Add `)`').click();
  await expect(editorLines()).toHaveText('(L_Status=|A)');

  // "Run anyway" with "don't ask again" sends it, and this tab does not ask again.
  await setQuery('(L_ListPrise=100000+)');
  await page.getByTestId('run').click();
  await page.getByTestId('confirm-remember').check();
  await page.getByTestId('confirm-run').click();
  await expect(page.getByTestId('search-error')).toBeVisible({ timeout: 30_000 });
  // The header says the search failed, not "0 rows" (which would read as "nothing matched").
  await expect(page.getByTestId('result-count')).toHaveText(/^failed · \d+\.\d\d s/);
  await shotBoth('search-failed');
  expect(await lastSearchUrl()).toContain('L_ListPrise');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-confirm')).toHaveCount(0);
});

test('a logged-out profile (dropper: no metadata) cannot Run a search it does not show', async () => {
  const { profile } = await callHost<{ profile: { id: string } }>(host, 'profiles.create', { name: 'Dropper', loginUrl: host.demoLoginUrl, username: 'dropper', password: 'demo' });
  await page.getByTestId('profile-switcher').selectOption(profile.id);
  await expect(page.getByTestId('metadata-error')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('resource-picker')).toHaveValue('');
  await expect(page.getByTestId('run')).toBeDisabled();
  await expect(page.getByTestId('run-blocked')).toContainText('No metadata');
  await expect(page.getByTestId('export-open')).toBeDisabled();
  await shotBoth('logged-out');
  const { entries } = await callHost<{ entries: { transaction: string }[] }>(host, 'trace.list', { profileId: profile.id });
  await page.keyboard.press('ControlOrMeta+Enter');
  const after = await callHost<{ entries: { transaction: string }[] }>(host, 'trace.list', { profileId: profile.id });
  expect(after.entries.filter((e) => /search/i.test(e.transaction))).toHaveLength(entries.filter((e) => /search/i.test(e.transaction)).length);
  await page.getByTestId('profile-switcher').selectOption(await demoProfileId());
  await expect(page.locator('[data-kind=resource]').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('run')).toBeEnabled();
});

test('the metadata footer shows all of itself; tree rows have separated names', async () => {
  const foot = page.getByTestId('metadata-version');
  await expect(foot).toBeVisible();
  const cut = await foot.evaluate((f) => Array.from(f.children).some((c) => {
    const r = c.getBoundingClientRect(), b = f.getBoundingClientRect();
    return r.right > b.right + 0.5 || r.bottom > b.bottom + 0.5;
  }));
  expect(cut).toBe(false);
  await page.getByTestId('metadata-filter').fill('L_Status');
  const row = page.locator('[data-kind=field]', { hasText: 'L_Status' }).first();
  await expect(row).toHaveAttribute('aria-label', /^L_Status, Status, lookup field/);
  await page.getByTestId('metadata-filter').fill('');
});

test('columns: widths from content, frozen first column, a filter and hide all, the partial-sort note', async () => {
  await page.getByTestId('limit').fill('50');
  await setQuery('(L_Status=|A)');
  await runAndWait();
  const grid = page.getByTestId('results-grid');
  // No value is cut in a column narrower than the widest width a column may take.
  const cutBesideRoom = await grid.evaluate((g) => {
    const rows = Array.from(g.querySelectorAll('[role=row]')).slice(0, 20);
    return rows.flatMap((r) => Array.from(r.querySelectorAll('.grid-td.cut')).filter((c) => (c as HTMLElement).offsetWidth < 360).map((c) => c.textContent));
  });
  expect(cutBesideRoom).toEqual([]);

  // Sorting 50 of many rows says so.
  await grid.locator('.grid-th[data-col=L_ListPrice]').click();
  await expect(page.getByTestId('sort-note')).toContainText('only the 50 loaded rows');

  // Frozen: the first column stays put when the grid scrolls sideways.
  const first = grid.locator('[role=row]').first().locator('[role=gridcell]').first();
  const x0 = (await first.boundingBox())!.x;
  await grid.evaluate((g) => { g.scrollLeft = 600; g.dispatchEvent(new Event('scroll')); });
  await expect.poll(async () => Math.round((await first.boundingBox())!.x)).toBe(Math.round(x0));
  await shotBoth('frozen-sorted');
  await grid.evaluate((g) => { g.scrollLeft = 0; });

  await page.getByTestId('columns-toggle').click();
  const menu = page.getByTestId('column-menu');
  await menu.getByTestId('column-filter').fill('price');
  const labels = await menu.locator('label:not(.check)').allTextContents();
  expect(labels.length).toBeGreaterThan(0);
  for (const l of labels) expect(l.toLowerCase()).toContain('price');
  await shotBoth('columns-filter');
  await menu.getByTestId('columns-hide-all').click();
  await expect(grid.locator('.grid-th[data-col=L_ListPrice]')).toHaveCount(0);
  await expect(grid.locator('.grid-th[data-col=L_Status]')).toHaveCount(1);
  await menu.getByTestId('column-filter').fill('');
  await menu.getByTestId('columns-hide-all').click();
  await expect(grid.locator('.grid-th:not(.rownum)')).toHaveCount(1);
  await menu.getByTestId('columns-show-all').click();
  await expect(grid.locator('.grid-th[data-col=L_ListPrice]')).toHaveCount(1);
  await page.keyboard.press('Escape');
});

test('panes resize by dragging and keep their sizes after a reload', async () => {
  const left = page.locator('aside.rw-left');
  const w0 = (await left.boundingBox())!.width;
  const handle = page.getByTestId('splitter-left');
  const b = (await handle.boundingBox())!;
  const y = b.y + b.height - 120; // beside the grid, away from the editor's own splitter
  await page.mouse.move(b.x + b.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 + 120, y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await left.boundingBox())!.width)).toBe(Math.round(w0 + 120));
  const editorH = (await page.locator('.editor-wrap').boundingBox())!.height;
  await page.getByTestId('splitter-editor').focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  await expect.poll(async () => Math.round((await page.locator('.editor-wrap').boundingBox())!.height)).toBe(Math.round(editorH + 48));
  const right = page.locator('aside.rw-right');
  const r0 = (await right.boundingBox())!.width;
  await page.getByTestId('splitter-right').focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => Math.round((await right.boundingBox())!.width)).toBe(Math.round(r0 + 16));
  await page.reload();
  await expect(page.locator('[data-kind=resource]').first()).toBeVisible({ timeout: 60_000 });
  expect(Math.round((await left.boundingBox())!.width)).toBe(Math.round(w0 + 120));
  expect(Math.round((await page.locator('.editor-wrap').boundingBox())!.height)).toBe(Math.round(editorH + 48));
  await shotBoth('panes-resized');
  await page.getByTestId('splitter-left').dblclick();
  await page.getByTestId('splitter-editor').dblclick();
  await page.getByTestId('splitter-right').dblclick();
  await expect.poll(async () => Math.round((await left.boundingBox())!.width)).toBe(Math.round(w0));
});

test('snippets, history and every command from visible buttons and browser-safe keys', async () => {
  await page.getByTestId('open-history').click();
  await expect(page.getByTestId('palette-history')).toBeVisible();
  await expect(page.getByTestId('palette-item').first()).toBeVisible();
  await shotBoth('history');
  await page.keyboard.press('Escape');
  await page.getByTestId('open-snippets').click();
  await expect(page.getByTestId('palette-snippets')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 700, y: 880 } });
  await page.keyboard.press('Alt+KeyR');
  await expect(page.getByTestId('palette-history')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+KeyP');
  await expect(page.getByTestId('palette-snippets')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+Shift+KeyP');
  const commands = page.getByTestId('palette-commands');
  await expect(commands).toBeVisible();
  await commands.locator('input').fill('history');
  await shotBoth('commands');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('palette-history')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('open-commands').click();
  await commands.locator('input').fill('theme dark');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.locator('[data-theme-choice=light]').click();
  await page.locator('body').click({ position: { x: 700, y: 880 } });
  await page.keyboard.press('?');
  const sheet = page.getByTestId('shortcuts');
  await expect(sheet).toContainText('Alt+P');
  await expect(sheet).toContainText('Alt+R');
  await expect(sheet.locator('.kbd', { hasText: /^Ctrl\/Cmd\+[PR]$/ })).toHaveCount(0);
  await shotBoth('shortcuts');
  await page.keyboard.press('Escape');
});

test('row details show LongName and the decoded lookup beside its code; a lookup lists its fields', async () => {
  await page.getByTestId('limit').fill('20');
  await setQuery('(L_Status=|A)');
  await runAndWait();
  await page.getByTestId('results-grid').locator('[role=row]').first().click();
  const details = page.getByTestId('row-details');
  await expect(details.locator('dt', { hasText: 'L_ListPrice' })).toContainText('List Price');
  const status = details.locator('dd[data-col=L_Status]');
  await expect(status.locator('.rw-code')).toHaveText('A');
  await expect(status.locator('.rw-decoded')).toHaveText('Active');
  await expect(page.getByTestId('photo-thumb').first()).toBeVisible({ timeout: 30_000 });
  await shotBoth('row-details');

  await page.getByTestId('metadata-filter').fill('Status');
  await page.locator('[data-kind=lookup]', { hasText: 'Status' }).first().click();
  const used = page.getByTestId('lookup-used-by');
  await expect(used).toContainText('L_Status');
  await expect(used).toContainText('RES');
  await shotBoth('lookup-used-by');
  await page.getByTestId('metadata-filter').fill('');
});

test('the photo viewer: next and previous (arrow keys), download, description', async () => {
  await page.getByTestId('results-grid').locator('[role=row]').first().click();
  const thumbs = page.getByTestId('photo-thumb');
  await expect(thumbs.nth(1)).toBeVisible({ timeout: 30_000 });
  const n = await thumbs.count();
  await thumbs.first().click();
  const box = page.getByTestId('lightbox');
  await expect(box.locator('img')).toBeVisible();
  await expect(page.getByTestId('lightbox-pos')).toHaveText(`1 / ${n}`);
  const desc1 = await page.getByTestId('lightbox-desc').textContent();
  expect(desc1?.trim()).toBeTruthy();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lightbox-pos')).toHaveText(`2 / ${n}`);
  await page.getByTestId('lightbox-next').click();
  await expect(page.getByTestId('lightbox-pos')).toHaveText(`${Math.min(3, n) === 3 ? 3 : 1} / ${n}`);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('lightbox-pos')).toHaveText(`2 / ${n}`);
  await expect(page.getByTestId('lightbox-download')).toHaveAttribute('download', /-\d+\.(jpg|png|gif|webp)$/);
  const download = page.waitForEvent('download');
  await page.getByTestId('lightbox-download').click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/-\d+\.(jpg|png|gif|webp)$/);
  await shotBoth('photo-viewer');
  await page.keyboard.press('Escape');
  await expect(box).toHaveCount(0);
});

test('the New connection dialog checks every field and tests in place', async () => {
  await page.getByTestId('new-profile').click();
  const dlg = page.getByTestId('profile-dialog');
  await dlg.locator('input[name=name]').fill('Checked MLS');
  await dlg.locator('input[name=loginUrl]').fill('not a url at all');
  await expect(dlg).toContainText('Login URL is not a web address');
  await dlg.locator('input[name=connectTimeout]').fill('0');
  await expect(dlg).toContainText('Connect timeout must be from 1 to 300');
  await dlg.locator('input[name=throttle]').fill('lots');
  await expect(dlg).toContainText('Throttle “lots” is not a whole number');
  await expect(dlg.getByTestId('profile-save')).toBeDisabled();
  await expect(dlg.getByTestId('profile-test')).toBeDisabled();
  await expect(dlg.getByTestId('profile-blocked')).toContainText('Fix');
  await shotBoth('profile-invalid');
  await dlg.locator('input[name=loginUrl]').fill(host.demoLoginUrl);
  await dlg.locator('input[name=connectTimeout]').fill('15');
  await dlg.locator('input[name=throttle]').fill('0');
  await dlg.locator('input[name=username]').fill('demo');
  await dlg.locator('input[name=password]').fill('wrong');
  await expect(dlg.getByTestId('profile-save')).toBeEnabled();
  await dlg.getByTestId('profile-test').click();
  await expect(dlg.getByTestId('profile-test-error')).toBeVisible({ timeout: 30_000 });
  await dlg.locator('input[name=password]').fill('demo');
  await expect(dlg.getByTestId('profile-test-error')).toHaveCount(0);
  await dlg.getByTestId('profile-test').click();
  await expect(dlg.getByTestId('profile-test-ok')).toContainText('Logged in', { timeout: 30_000 });
  await shotBoth('profile-tested');
  await page.keyboard.press('Escape');
  await expect(dlg).toHaveCount(0);
});
