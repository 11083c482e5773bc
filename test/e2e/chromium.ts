// How every browser test and benchmark launches Debian's Chromium (never `npx playwright install`).
export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];
/** tsx compiles with keepNames, so functions sent to page.evaluate call `__name`: give the page one. */
export const nameShim = 'window.__name = (f) => f;';
