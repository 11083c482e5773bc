// The results grid's fast-scroll canvas in Debian's Chromium, on bench.html (the real grid with
// 100,000 synthetic rows, no host): while the grid scrolls, canvas tiles cover the body; once
// scrolling settles the DOM rows show exactly the rows the scroll position implies. Screenshots of both,
// light and dark, go to test-results/screenshots/grid-*.png.
import { expect, test, type Page } from '@playwright/test';
import type { Server } from 'node:http';
import * as app from './app';
import { staticServer } from './staticServer';

test.describe.configure({ mode: 'serial' });

const ROW = 24;
const ROWS = 100_000;
// renderer/src/bench/synthetic.ts: what row r shows in a column.
const words = ['List', 'Price', 'Status', 'Area', 'Room', 'Bath', 'Bed', 'Garage', 'School', 'Tax', 'Lot', 'Year', 'Built', 'Agent', 'Office', 'Pool', 'View', 'Water', 'Roof', 'Heat'];
const cellOf = (r: number, c: number) => (c === 0 ? String(r + 1) : c % 3 === 0 ? String((r * 7919 + c) % 900000) : `${words[(r + c) % 20]} ${r % 97}`);

let server: Server;
let url: string;
let page: Page;

test.beforeAll(async ({ browser }) => {
  ({ server, url } = await staticServer());
  page = await app.newPage(browser);
  // Page timers under Playwright's clock: pausing it holds the grid in its scrolling state (its
  // settle timer cannot fire) at a known position for a screenshot of the canvas.
  await page.clock.install();
  await page.goto(`${url}bench.html`);
  await page.evaluate(() => (window as unknown as { __bench: { mountGrid(n: number): number } }).__bench.mountGrid(100_000));
  await expect(page.locator('.grid-row').first()).toBeVisible();
});

test.afterAll(async () => {
  await page?.context().close();
  server?.close();
});

const grid = () => page.getByTestId('results-grid');

const shot = (name: string) => app.shot(page, `grid-${name}`);

type Step = { canvas: boolean; drawn: boolean; covers: boolean; onTop: boolean };

/** Scrolls `frames` steps of 9 rows from `from` px, and says after each scroll event (which the
 *  grid handles first) whether the body shows its canvas tiles, each drawn and opaque, together
 *  covering the view under the header, on top of the DOM rows. */
function scrollFrames(from: number, frames: number): Promise<Step[]> {
  return grid().evaluate(async (el, [from, frames]) => {
    const out: Step[] = [];
    for (let i = 1; i <= frames; i += 1) {
      const scrolled = new Promise<void>((r) => el.addEventListener('scroll', () => r(), { once: true }));
      el.scrollTo(0, from + i * 216);
      await scrolled;
      const host = el.querySelector('.grid-canvas') as HTMLElement;
      const tiles = Array.from(host.querySelectorAll('canvas')).filter((c) => getComputedStyle(c).display !== 'none');
      // Opaque everywhere, and drawn on: more than one colour (stripes, lines, text).
      const drawnOn = (c: HTMLCanvasElement) => {
        const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let opaque = 0, other = 0;
        for (let k = 0; k < px.length; k += 4) {
          if (px[k + 3] === 255) opaque += 1;
          if (px[k] !== px[0] || px[k + 1] !== px[1] || px[k + 2] !== px[2]) other += 1;
        }
        return opaque === px.length / 4 && other > 100;
      };
      const head = el.querySelector('.grid-head')!.getBoundingClientRect().bottom, bottom = el.getBoundingClientRect().top + el.clientHeight;
      const boxes = tiles.map((c) => c.getBoundingClientRect()).sort((a, b) => a.top - b.top);
      const covers = boxes.length > 0 && boxes[0].top <= head && boxes[boxes.length - 1].bottom >= bottom
        && boxes.every((b, k) => k === 0 || Math.abs(b.top - boxes[k - 1].bottom) < 0.5);
      out.push({
        canvas: getComputedStyle(host).display !== 'none' && getComputedStyle(host).visibility === 'visible',
        drawn: tiles.length > 0 && tiles.every(drawnOn), covers,
        onTop: [0.1, 0.5, 0.9].every((y) => document.elementFromPoint(300, head + y * (bottom - head))?.classList.contains('grid-tile') === true),
      });
    }
    return out;
  }, [from, frames] as const);
}

/** Pauses the page's clock: the grid's settle timer cannot fire, so the grid stays in its
 *  scrolling state however slowly the steps come, until the returned function resumes it. */
async function pauseClock(): Promise<() => Promise<void>> {
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000)); // ahead of the page clock, which runs on meanwhile
  return () => page.clock.resume();
}

/** After scrolling settles: the rows whose boxes show in the body under the header, top to bottom,
 *  with their row-number cell, COL_0 and COL_3 texts and their offset from the body's top. */
async function settledRows() {
  await expect(grid().locator('.grid-body')).not.toHaveClass(/fast/);
  return grid().evaluate((el) => {
    const bottom = el.getBoundingClientRect().top + el.clientHeight; // above the horizontal scrollbar
    const head = el.querySelector('.grid-head')!.getBoundingClientRect();
    const rows = Array.from(el.querySelectorAll<HTMLElement>('[role=row]')).filter((r) => {
      const b = r.getBoundingClientRect();
      return b.bottom > head.bottom && b.top < bottom && getComputedStyle(r).visibility === 'visible';
    });
    return {
      scrollTop: el.scrollTop, viewHeight: el.clientHeight, headHeight: head.height,
      rows: rows.map((r) => ({ index: Number(r.dataset.row), top: r.getBoundingClientRect().top - head.bottom, cells: Array.from(r.children).map((c) => c.textContent ?? '') }))
        .sort((a, b) => a.top - b.top),
    };
  });
}

async function expectRowsAt(): Promise<void> {
  const s = await settledRows();
  const first = Math.floor(s.scrollTop / ROW);
  const last = Math.min(ROWS - 1, Math.ceil((s.scrollTop + s.viewHeight - s.headHeight) / ROW) - 1);
  expect(s.rows.map((r) => r.index)).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
  for (const r of s.rows) {
    expect(r.top).toBeCloseTo(r.index * ROW - s.scrollTop, 0);
    expect(r.cells[0]).toBe(String(r.index + 1)); // the row-number cell
    expect(r.cells[1]).toBe(cellOf(r.index, 0));
    expect(r.cells[4]).toBe(cellOf(r.index, 3));
    expect(r.cells[2]).toBe(cellOf(r.index, 1)); // textContent is the whole value, cut or not
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`scrolls on a canvas and settles on the DOM rows it implies (${scheme})`, async () => {
    await page.emulateMedia({ colorScheme: scheme });
    await grid().evaluate((el) => el.scrollTo(0, 0));
    await expect(grid().locator('.grid-body')).not.toHaveClass(/fast/);
    // A brisk continuous scroll: every step shows the canvas, drawn, opaque, covering the view.
    const resume = await pauseClock();
    const start = scheme === 'light' ? 10 : 123_457;
    const frames = await scrollFrames(start, 60);
    expect(frames).toEqual(frames.map(() => ({ canvas: true, drawn: true, covers: true, onTop: true })));
    // The same position drawn on the canvas and, settled, by the DOM rows.
    await expect(grid().locator('.grid-body')).toHaveClass(/fast/);
    await shot(`${scheme}-canvas`);
    await resume();
    await expectRowsAt();
    await expect(grid().locator('.grid-canvas')).toBeHidden();
    await shot(`${scheme}-dom`);
  });
}

test('a press on the rows ends the canvas at once and the click selects the row under it', async () => {
  await page.emulateMedia({ colorScheme: 'light' });
  const resume = await pauseClock();
  await scrollFrames(5, 4);
  await expect(grid().locator('.grid-body')).toHaveClass(/fast/);
  const box = (await grid().boundingBox())!;
  // The fifth row under the header: the click lands on a real DOM row.
  await page.mouse.click(box.x + 300, box.y + 26 + 4 * ROW + 12);
  // The clock is still paused: the press, not the settle timer, brought the rows back.
  await expect(grid().locator('.grid-body')).not.toHaveClass(/fast/);
  await expect(grid().locator('[role=row].selected')).toHaveCount(1);
  await resume();
  const s = await settledRows();
  const selected = await grid().locator('[role=row].selected').getAttribute('data-row');
  expect(Number(selected)).toBe(Math.floor((s.scrollTop + 4 * ROW + 12) / ROW));
});

test('a key other than a scrolling one ends the canvas at once: Ctrl+A selects every row, on DOM rows; the canvas draws the selection', async () => {
  await grid().focus();
  const resume = await pauseClock();
  await scrollFrames(24 * 300, 3);
  await expect(grid().locator('.grid-body')).toHaveClass(/fast/);
  await grid().press('ControlOrMeta+A');
  // Still paused: the key, not the settle timer, brought the rows back, every one selected.
  await expect(grid().locator('.grid-body')).not.toHaveClass(/fast/);
  const s = await settledRows();
  expect(s.rows.length).toBeGreaterThan(30);
  await expect(grid().locator('[role=row]:not(.selected)')).toHaveCount(0);
  // The canvas draws the selection as the rows do.
  await scrollFrames(24 * 400, 2);
  await expect(grid().locator('.grid-body')).toHaveClass(/fast/);
  await shot('light-selected-canvas');
  await resume();
  await expectRowsAt();
  await shot('light-selected-dom');
});
