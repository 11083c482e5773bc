// A hostile MLS's "photo" opened in a new tab of Debian's Chromium, from browser mode's own origin:
// an SVG whose <script href="2"> loads the next GetObject part (application/javascript), and an HTML
// page labelled image/png. Either would set the tab's title and save a snippet through the API with
// the user's cookie; neither may run.
import { expect, test } from '@playwright/test';
import { callHost, freshDirs, startHost, type RunningHost } from './host';
import { hostileKeys, startHostileRets, type HostileRets } from '../host/hostileRets';

let host: RunningHost;
let mls: HostileRets;

test.beforeAll(async () => {
  mls = await startHostileRets({ bigBytes: 1024 });
  host = await startHost(freshDirs());
});

test.afterAll(async () => {
  await host?.stop();
  await mls?.close();
});

test('a hostile photo opened in a new tab runs no script', async ({ browser }) => {
  const { profile } = await callHost<{ profile: { id: string } }>(host, 'profiles.create', { name: 'Hostile MLS', loginUrl: mls.loginUrl, username: 'joe', password: 'pw' });
  const urls: string[] = [];
  for (const key of [hostileKeys.svgScript, hostileKeys.htmlAsPng]) {
    const { objects } = await callHost<{ objects: { url: string }[] }>(host, 'objects.list', { profileId: profile.id, resource: 'Property', key });
    urls.push(objects[0].url);
  }
  const context = await browser.newContext();
  const app = await context.newPage();
  await app.goto(host.openUrl); // the token becomes the session cookie the hostile script would use
  const appTitle = await app.title();

  for (const url of urls) {
    const tab = await context.newPage();
    const before = await tab.title();
    // An attachment starts a download instead of a page: goto reports that, which is the point.
    const opened = await tab.goto(`${host.url}${url}`).then(() => 'page', (e: Error) => e.message);
    expect(await tab.title()).toBe(before);
    expect(opened).toMatch(/Download is starting/);
    await tab.close();
  }
  expect(await app.title()).toBe(appTitle);
  // A real photo still opens as an image.
  const { objects } = await callHost<{ objects: { url: string }[] }>(host, 'objects.list', { profileId: profile.id, resource: 'Property', key: hostileKeys.png });
  const photo = await app.context().newPage();
  const shown = await photo.goto(`${host.url}${objects[0].url}`);
  expect(shown?.headers()['content-type']).toBe('image/png');
  const { snippets } = await callHost<{ snippets: { name: string }[] }>(host, 'snippets.list');
  expect(snippets.map((s) => s.name)).not.toContain('pwned');
  await context.close();
});
