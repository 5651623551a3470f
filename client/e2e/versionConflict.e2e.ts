import { expect, test } from '@playwright/test';
import { makeServer, renameServer } from './support/api';
import { admin } from './support/people';
import { checkScreen, signIn } from './support/screens';

test('saving over someone else’s change says so, keeps the edits, and Reload shows their version', async ({ page }) => {
  const server = await makeServer(admin, 'Release Notes');
  await signIn(page, admin, `/catalog/${server.serverName}/edit`);
  await expect(page.getByRole('heading', { name: 'Edit Release Notes' })).toBeVisible();
  await checkScreen(page, 'server-edit');
  await page.getByLabel('Title').fill('Release Notes (mine)');

  await renameServer(admin, server, 'Release Notes (theirs)');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('alert')).toContainText('This server was changed by someone else — reload');
  await expect(page.getByLabel('Title')).toHaveValue('Release Notes (mine)');
  await checkScreen(page, 'server-edit-conflict');
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Release Notes (theirs)');

  await page.getByLabel('Title').fill('Release Notes v2');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Release Notes v2' })).toBeVisible();
});
