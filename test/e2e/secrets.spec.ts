// A box with no keychain (headless Linux, browser mode): after a restart a profile whose password
// was kept in memory says so plainly and the app asks for the password for the session; the opt-in
// encrypted secrets file keeps it across restarts, behind a passphrase asked once per start. And
// the doctor's failed step shows its cause and what to do. Screenshots in light and dark go to
// test-results/screenshots/secrets-*.png and doctor-*.png.
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Profile } from '../../shared/contract';
import * as app from './app';
import { callHost, freshDirs, startHost, type HostDirs, type RunningHost } from './host';

const PASSPHRASE = 'e2e passphrase for the secrets file';
let host: RunningHost | undefined;
let dirs: HostDirs;
test.afterAll(async () => { await host?.stop(); });

async function restart(): Promise<RunningHost> {
  await host?.stop();
  host = await startHost(dirs, { keychain: false });
  return host;
}

async function open(browser: Browser, h: RunningHost, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await app.newPage(browser, { viewport: { width: 1280, height: 800 }, colorScheme });
  await page.goto(h.openUrl);
  return page;
}

const shoot = app.shot;

test.describe.configure({ mode: 'serial' });

test('after a restart: "No password is stored…" and a password prompt for the session', async ({ browser }) => {
  dirs = freshDirs();
  const h = await restart();
  expect(h.keychain).toBe(false);
  const { profile } = await callHost<{ profile: Profile }>(h, 'profiles.create', { name: 'Headless MLS', loginUrl: h.demoLoginUrl, username: 'demo', password: 'demo' });
  expect(profile.secretStorage).toBe('memory');

  const h2 = await restart();
  // Dark first: the light pass types the password, which the host then keeps for its session.
  for (const scheme of ['dark', 'light'] as const) {
    const page = await open(browser, h2, scheme);
    await expect(page.getByTestId('secrets-notice')).toContainText('No keychain here: passwords last until the workbench stops.');
    await page.locator('[data-profile="Headless MLS"]').click();
    const prompt = page.getByTestId('password-prompt');
    await expect(prompt).toContainText('No password is stored for this profile (no keychain here): enter it.');
    await expect(page.getByTestId('metadata-error')).toContainText('No password is stored for this profile (no keychain here): enter it.');
    await expect(page.getByTestId('metadata-error')).not.toContainText('rejected');
    await shoot(page, `secrets-password-prompt-${scheme}`);
    if (scheme === 'dark') { await page.context().close(); continue; }
    await prompt.locator('input[name="sessionPassword"]').fill('demo');
    await page.getByTestId('password-prompt-ok').click();
    await expect(prompt).toHaveCount(0);
    await expect(page.getByTestId('metadata-version')).toBeVisible();
    await page.locator('[data-profile="Headless MLS"]').hover();
    await page.locator('[data-profile="Headless MLS"]').getByTitle('Edit').click();
    await expect(page.getByTestId('secret-place')).toHaveText('· kept in memory for this session only (no keychain here)');
    await shoot(page, 'secrets-edit-dialog-light');
    await page.context().close();
  }
});

test('the encrypted secrets file: turned on, then unlocked once per start', async ({ browser }) => {
  const h = host!;
  await callHost(h, 'profiles.sessionSecrets', { id: (await callHost<{ profiles: Profile[] }>(h, 'profiles.list')).profiles.find((p) => p.name === 'Headless MLS')!.id, password: 'demo' });
  let page = await open(browser, h);
  await page.getByTestId('create-secrets-open').click();
  const create = page.getByTestId('unlock-secrets');
  await create.locator('input[name="passphrase"]').fill(PASSPHRASE);
  await create.locator('input[name="passphraseAgain"]').fill(`${PASSPHRASE}x`);
  await expect(page.getByTestId('passphrase-mismatch')).toBeVisible();
  await expect(page.getByTestId('unlock-secrets-ok')).toBeDisabled();
  await shoot(page, 'secrets-create-file-light');
  await create.locator('input[name="passphraseAgain"]').fill(PASSPHRASE);
  await page.getByTestId('unlock-secrets-ok').click();
  await expect(page.getByTestId('toast')).toHaveText('Secrets file created; 1 password moved into it');
  await page.context().close();

  const h2 = await restart();
  for (const scheme of ['dark', 'light'] as const) {
    page = await open(browser, h2, scheme);
    const dialog = page.getByTestId('unlock-secrets');
    await expect(dialog).toContainText('Enter its passphrase');
    await dialog.locator('input[name="passphrase"]').fill('not the passphrase');
    await page.getByTestId('unlock-secrets-ok').click();
    await expect(dialog).toContainText('The passphrase does not open the secrets file.');
    await shoot(page, `secrets-unlock-wrong-${scheme}`);
    if (scheme === 'dark') { await page.context().close(); continue; }
    await dialog.locator('input[name="passphrase"]').fill(PASSPHRASE);
    await page.getByTestId('unlock-secrets-ok').click();
    await expect(page.getByTestId('toast')).toHaveText('Secrets file unlocked');
    await page.locator('[data-profile="Headless MLS"]').click();
    await expect(page.getByTestId('metadata-version')).toBeVisible();
    await expect(page.getByTestId('password-prompt')).toHaveCount(0);
    await page.context().close();
  }
});

test('the doctor panel shows a failed step\'s cause and what to do', async ({ browser }) => {
  const h = host!;
  await callHost(h, 'profiles.create', { name: 'Wrong password', loginUrl: h.demoLoginUrl, username: 'badpass', password: 'nope' });
  for (const scheme of ['light', 'dark'] as const) {
    const page = await open(browser, h, scheme);
    await page.locator('[data-profile="Wrong password"]').hover();
    await page.locator('[data-profile="Wrong password"]').getByTestId('test-profile').click();
    await expect(page.getByTestId('doctor-diagnosis')).toBeVisible();
    const failed = page.locator('[data-testid="doctor-step"][data-status="failed"]');
    await expect(failed).toHaveCount(1);
    const d = failed.getByTestId('doctor-step-diagnosis');
    await expect(d).toContainText('Likely cause:');
    await expect(d).toContainText('Server reply: HTTP 401');
    await expect(d).toContainText('What to do:');
    await shoot(page, `doctor-failed-step-${scheme}`);
    await page.context().close();
  }
});
