// Profile files the user copied or broke by hand: the connections list names the broken file
// with its reason, and says which copy the host gave its own id (both copies stay usable).
import { expect, test } from '@playwright/test';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile } from '../../shared/contract';
import * as app from './app';
import { callHost, freshDirs, startHost, type RunningHost } from './host';

let host: RunningHost;
test.afterAll(async () => { await host?.stop(); });

test('a copied profile file is listed as fixed, a broken one as unreadable, and the copy is a connection of its own', async ({ browser }) => {
  host = await startHost(freshDirs());
  const { profile } = await callHost<{ profile: Profile }>(host, 'profiles.create', { name: 'Copied MLS', loginUrl: host.demoLoginUrl, username: 'demo', password: 'demo' });
  const dir = join(host.dirs.data, 'profiles');
  copyFileSync(join(dir, `${profile.id}.json`), join(dir, `${profile.id} copy.json`));
  writeFileSync(join(dir, 'merge-conflict.json'), '{\n<<<<<<< HEAD\n');

  const page = await app.newPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(host.openUrl);
  const box = page.getByTestId('unreadable-files');
  await expect(box).toContainText('1 connection file could not be read');
  await expect(box).toContainText('merge-conflict.json');
  await expect(box).toContainText('1 connection file was fixed');
  await expect(box).toContainText(`${profile.id} copy.json: A copy of ${profile.id}.json`);
  await expect(page.locator('[data-profile="Copied MLS"]')).toHaveCount(2);
  await app.shot(page, 'data-files-fixed-copy');
  await page.context().close();
});
