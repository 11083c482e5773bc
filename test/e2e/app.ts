// What the browser specs do with the app's page: open it, type a query, run it and wait, take
// screenshots (in both themes). Each spec binds these to its own page and file-name prefix.
import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { nameShim } from './chromium';
import { callHost, repoRoot, type RunningHost } from './host';

export const shots = join(repoRoot, 'test-results', 'screenshots');

/** A page in a fresh context (1440x900 unless `options` say otherwise), not yet navigated. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  await ctx.addInitScript(nameShim);
  return ctx.newPage();
}

/** Opens the app and waits for the metadata tree to show a resource. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('[data-kind=resource]').first()).toBeVisible({ timeout: 60_000 });
}

/** What a spec's afterAll undoes: its page's context, then its host (either may not have started). */
export async function closeApp(page: Page | undefined, host: RunningHost | undefined): Promise<void> {
  await page?.context().close();
  await host?.stop();
}

/** test-results/screenshots/<name>.png */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

/** The title bar's theme switch, pressed without moving focus (an open popup stays open) and
 *  straight on the button (an open dialog's overlay covers it). */
export async function pickTheme(page: Page, t: 'light' | 'dark' | 'system'): Promise<void> {
  await page.locator(`[data-theme-choice=${t}]`).evaluate((b) => (b as HTMLButtonElement).click());
  if (t !== 'system') await expect(page.locator('html')).toHaveAttribute('data-theme', t);
}

/** The same screen in both themes, <name>-light.png and <name>-dark.png; light again after. */
export async function shotBoth(page: Page, name: string): Promise<void> {
  for (const t of ['light', 'dark'] as const) {
    await pickTheme(page, t);
    await shot(page, `${name}-${t}`);
  }
  await pickTheme(page, 'light');
}

export const editorLines = (page: Page) => page.getByTestId('query-editor').locator('.view-lines');
export const suggestRow = (page: Page, text: string) => page.locator('.suggest-widget .monaco-list-row', { hasText: text }).first();

/** Replaces the query editor's text by typing `text`. */
export async function typeFresh(page: Page, text: string): Promise<void> {
  await editorLines(page).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.type(text);
}

/** typeFresh, then waits until the editor shows the text's start. */
export async function setQuery(page: Page, text: string): Promise<void> {
  await typeFresh(page, text);
  if (text) await expect(editorLines(page)).toContainText(text.replace(/ /g, '\u00a0').slice(0, 20));
}

/** Waits for the run under way to finish: its count and time shown, nothing running. */
export async function waitForRun(page: Page, countTimeout = 30_000): Promise<void> {
  await expect(page.getByTestId('result-count')).toContainText(' s', { timeout: countTimeout });
  await expect(page.getByTestId('running')).toHaveCount(0, { timeout: 60_000 });
}

/** Presses Run and waits for the run to finish. */
export async function runAndWait(page: Page, countTimeout = 30_000): Promise<void> {
  await page.getByTestId('run').click();
  await waitForRun(page, countTimeout);
}

/** The id of the saved profile named `name`. */
export async function profileId(host: RunningHost, name: string): Promise<string> {
  const { profiles } = await callHost<{ profiles: { id: string; name: string }[] }>(host, 'profiles.list');
  return profiles.find((p) => p.name === name)!.id;
}

export type Entity = Record<string, unknown>;

/** An access token for "Demo MLS (Web API)", asked of the Demo's token endpoint directly. */
export async function demoToken(host: RunningHost, clientSecret = 'demo-secret'): Promise<string> {
  const { profile } = await callHost<{ profile: { webApi: { tokenUrl: string; clientId: string; scope?: string } } }>(host, 'profiles.get', { id: 'demo-webapi' });
  const res = await fetch(profile.webApi.tokenUrl, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: profile.webApi.clientId, client_secret: clientSecret, scope: profile.webApi.scope ?? 'api' }).toString(),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Every row of a Web API query, read from the Demo MLS directly (its token, its nextLinks). */
export async function serverRows(host: RunningHost, set: string, options: Record<string, string>, clientSecret = 'demo-secret'): Promise<Entity[]> {
  const auth = `Bearer ${await demoToken(host, clientSecret)}`;
  const { profile } = await callHost<{ profile: { loginUrl: string } }>(host, 'profiles.get', { id: 'demo-webapi' });
  const rows: Entity[] = [];
  let next: string | undefined = `${profile.loginUrl}/${set}?${Object.entries(options).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
  while (next) {
    const res = await fetch(next, { headers: { authorization: auth, accept: 'application/json', prefer: 'odata.maxpagesize=200' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { value: Entity[]; '@odata.nextLink'?: string };
    rows.push(...body.value);
    next = body['@odata.nextLink'];
  }
  return rows;
}
