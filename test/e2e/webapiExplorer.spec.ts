// The Web API side of the explorer in Debian's Chromium against browser mode and the Demo MLS's
// Web API: create a client-credentials profile (its secret lands in the keychain, not on disk),
// explore the entity sets (fields with Edm types, the key marked, navigation properties), open a
// lookup whose values are read from the Lookup resource only then, filter over names, annotations
// and values, open a field's details, and run the doctor on a failing demo account. Screenshots of
// each new screen in both themes go to test-results/screenshots/webapi-*.png.
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callHost, freshDirs, startHost, type HostDirs, type RunningHost } from './host';
import * as app from './app';

test.describe.configure({ mode: 'serial' });

const SECRET = 'demo-secret';
let dirs: HostDirs;
let host: RunningHost;
let page: Page;
let demoWebApi: { loginUrl: string; webApi: { tokenUrl: string } };

interface ProfileView { id: string; name: string; type: string; loginUrl: string; hasClientSecret?: boolean; secretStorage: string; webApi?: { tokenUrl: string; clientId: string; headers: Record<string, string> } }

const shotBoth = (name: string) => app.shotBoth(page, name);

const row = (nodeId: string) => page.locator(`[data-node="${nodeId}"]`);

test.beforeAll(async ({ browser }) => {
  dirs = freshDirs();
  host = await startHost(dirs);
  const { profiles } = await callHost<{ profiles: (ProfileView & { webApi: { tokenUrl: string } })[] }>(host, 'profiles.list');
  demoWebApi = profiles.find((p) => p.id === 'demo-webapi')!;
  page = await app.newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await app.openApp(page, host.openUrl);
});

test.afterAll(() => app.closeApp(page, host));

test('creates a client-credentials profile whose secret lands in the keychain, not on disk', async () => {
  await page.getByTestId('new-profile').click();
  const dlg = page.getByTestId('profile-dialog');
  await dlg.locator('input[name=type][value=webapi]').check();
  await expect(dlg.getByTestId('webapi-form')).toBeVisible();
  await expect(dlg).toContainText('service root');
  await dlg.locator('input[name=name]').fill('Acme Web API');
  await dlg.locator('input[name=loginUrl]').fill(demoWebApi.loginUrl);
  // A token URL that is not one says so before Save.
  await dlg.locator('input[name=tokenUrl]').fill('token');
  await expect(dlg.getByTestId('profile-blocked')).toContainText('Token URL is not a web address');
  await dlg.locator('input[name=tokenUrl]').fill(demoWebApi.webApi.tokenUrl);
  await dlg.locator('input[name=clientId]').fill('demo-client');
  await dlg.locator('input[name=clientSecret]').fill(SECRET);
  await dlg.locator('input[name=scope]').fill('api');
  await dlg.locator('input[name=pageSize]').fill('50');
  await dlg.getByTestId('add-header').click();
  await dlg.locator('input[name=headerName]').fill('Authorization');
  await expect(dlg.getByTestId('profile-blocked')).toContainText('set by the workbench itself');
  await dlg.locator('input[name=headerName]').fill('X-Dataset');
  await dlg.locator('input[name=headerValue]').fill('demo');
  await expect(dlg.getByTestId('profile-blocked')).toHaveText('');
  // Test runs the Web API doctor on the form's values, in the dialog; the form comes back after.
  await dlg.getByTestId('profile-test').click();
  await expect(dlg.getByTestId('doctor-diagnosis')).toHaveAttribute('data-verdict', /^(passed|warning)$/, { timeout: 60_000 });
  await dlg.getByRole('button', { name: 'Back to the form' }).click();
  await expect(dlg.locator('input[name=clientId]')).toHaveValue('demo-client');
  await shotBoth('webapi-profile');
  await dlg.getByTestId('profile-save').click();
  await expect(dlg).toHaveCount(0);
  await expect(page.locator('[data-profile="Acme Web API"]')).toBeVisible();

  const { profiles } = await callHost<{ profiles: ProfileView[] }>(host, 'profiles.list');
  const p = profiles.find((x) => x.name === 'Acme Web API')!;
  expect(p).toMatchObject({ type: 'webapi', hasClientSecret: true, webApi: { clientId: 'demo-client', headers: { 'X-Dataset': 'demo' } } });
  if (host.keychain) expect(p.secretStorage).toBe('keychain');
  const dir = join(dirs.data, 'profiles');
  const onDisk = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  expect(onDisk).toContain('Acme Web API');
  expect(onDisk).not.toContain(SECRET);

  // Editing shows the secret as stored, never its value.
  await page.locator('[data-profile="Acme Web API"]').getByRole('button', { name: 'Edit' }).click();
  await expect(dlg.locator('input[name=clientSecret]')).toHaveValue('');
  await expect(dlg.getByTestId('secret-stored')).toContainText(host.keychain ? 'keychain' : 'memory');
  await dlg.getByRole('button', { name: 'Cancel' }).click();
});

test('explores the entity sets: fields with Edm types and the key, navigation, a lookup read on opening', async () => {
  await page.locator('[data-profile="Acme Web API"]').click();
  await expect(row('r:Property')).toBeVisible({ timeout: 60_000 });
  await expect(row('r:Property')).toHaveAttribute('aria-label', /Property entity set/);
  await expect(page.getByTestId('metadata-version')).toContainText('OData 4.01');
  if ((await row('r:Property').getAttribute('aria-expanded')) !== 'true') await row('r:Property').click();
  // Fields straight under the entity set: no class level.
  await expect(page.locator('[data-kind=class]')).toHaveCount(0);
  const key = row('f:Property:Property:ListingKey');
  await expect(key.getByTestId('field-key-mark')).toHaveText('key');
  await expect(key.getByTestId('edm-type')).toHaveText(/^String\(\d+\)$/);
  await expect(key.getByTestId('edm-type')).toHaveAttribute('title', /^Edm\.String\(\d+\)$/);
  // Navigation properties.
  await row('g:Property:navigation').click();
  await expect(row('n:Property:Media')).toContainText('Collection(');
  // A Lookup-resource lookup: its values are read when it is opened.
  await row('g:Property:lookups').click();
  const status = row('l:Property:StandardStatus');
  await status.scrollIntoViewIfNeeded();
  await expect(status.getByTestId('lookup-lazy')).toBeVisible();
  const { entries: before } = await callHost<{ entries: { url: string }[] }>(host, 'trace.list', { profileId: (await profileId('Acme Web API')) });
  expect(before.some((e) => e.url.includes('/Lookup'))).toBe(false);
  await status.click();
  await expect(page.locator('[data-node^="v:Property:StandardStatus:"]').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-node^="v:Property:StandardStatus:"]', { hasText: 'Active' }).first()).toBeVisible();
  await expect(status.getByTestId('lookup-lazy')).toHaveCount(0);
  await expect(page.getByTestId('lookup-details')).toContainText('StandardStatus');
  // The opened lookup at the top of the tree, its values below it, for the screenshot.
  const top = await status.evaluate((el) => (el as HTMLElement).offsetTop);
  await page.getByTestId('metadata-tree').evaluate((t, y) => { t.scrollTop = y - 140; }, top);
  await expect(status).toBeInViewport();
  await shotBoth('webapi-explorer');
});

const profileId = (name: string) => app.profileId(host, name);

test('one filter over names, annotations and the lookup values read', async () => {
  const filter = page.getByTestId('metadata-filter');
  const fill = async (text: string) => {
    await filter.fill(text);
    await expect(page.getByTestId('metadata-tree')).toHaveAttribute('data-filter', text);
  };
  // A lookup value read from the Lookup resource.
  await fill('pending');
  await expect(page.locator('[data-node^="v:Property:StandardStatus:"]').first()).toBeVisible();
  // A DisplayName annotation (with a space, so not the property's name) finds its field.
  const { metadata } = await callHost<{ metadata: { resources: { id: string; classes: { fields: { systemName: string; odata?: { annotations: { term: string; value?: string }[] } }[] }[] }[] } }>(host, 'metadata.get', { profileId: await profileId('Acme Web API') });
  const fields = metadata.resources.find((r) => r.id === 'Property')!.classes[0]!.fields;
  const named = fields.find((f) => f.odata?.annotations.some((a) => a.term.endsWith('.DisplayName') && a.value?.includes(' ')))!;
  const display = named.odata!.annotations.find((a) => a.term.endsWith('.DisplayName'))!.value!;
  await fill(display);
  await expect(row(`f:Property:Property:${named.systemName}`)).toBeVisible();
  await expect(page.locator('[data-kind=class]')).toHaveCount(0);
  await fill('');
});

test('a field\'s details: Edm type, facets, nullability, key, annotations and lookup values', async () => {
  await page.getByTestId('metadata-filter').fill('ListingKey');
  await expect(page.getByTestId('metadata-tree')).toHaveAttribute('data-filter', 'ListingKey');
  await row('f:Property:Property:ListingKey').click();
  const d = page.getByTestId('field-details');
  await expect(d.getByTestId('field-key')).toBeVisible();
  await expect(d.getByTestId('field-edm-type')).toHaveText(/^Edm\.String\(\d+\)$/);
  await expect(d).toContainText('Nullable');
  await expect(d.getByTestId('field-annotations')).toContainText('DisplayName');
  await expect(d).toContainText('ListingId');
  await shotBoth('webapi-field');
  await page.getByTestId('metadata-filter').fill('StandardStatus');
  await expect(page.getByTestId('metadata-tree')).toHaveAttribute('data-filter', 'StandardStatus');
  await row('f:Property:Property:StandardStatus').click();
  await expect(d.getByTestId('field-annotations')).toContainText('LookupName');
  await expect(d).toContainText('Lookup resource');
  await expect(d.getByTestId('lookup-values')).toContainText('Active');
  await page.getByTestId('metadata-filter').fill('');
});

test('the doctor on a failing demo account: steps, and invalid_client in words', async () => {
  await callHost(host, 'profiles.create', {
    name: 'Rotated secret', type: 'webapi', loginUrl: demoWebApi.loginUrl, username: '',
    webApi: { auth: 'client-credentials', tokenUrl: demoWebApi.webApi.tokenUrl, clientId: 'rotated-client', scope: 'api' }, clientSecret: SECRET,
  });
  const item = page.locator('[data-profile="Rotated secret"]');
  await expect(item).toBeVisible();
  await item.hover();
  await item.getByTestId('test-profile').click();
  const doctor = page.getByTestId('doctor');
  await expect(doctor.getByTestId('doctor-diagnosis')).toBeVisible({ timeout: 60_000 });
  await expect(doctor.getByTestId('doctor-diagnosis')).toHaveAttribute('data-verdict', 'failed');
  await expect(doctor.getByTestId('doctor-diagnosis')).toContainText('The token endpoint rejected the client id or client secret (invalid_client).');
  const failed = doctor.locator('[data-testid=doctor-step][data-status=failed]');
  await expect(failed).toHaveCount(1);
  await expect(failed.getByTestId('doctor-step-diagnosis')).toContainText('Likely cause');
  await expect(doctor.locator('[data-testid=doctor-step][data-status=passed]').first()).toBeVisible();
  await expect(doctor.getByTestId('doctor-report')).not.toContainText(SECRET);
  await shotBoth('webapi-doctor');
});
