import { expect, test } from '@playwright/test';
import { makeServer } from './support/api';
import { admin } from './support/people';
import { card, checkScreen, signIn } from './support/screens';

test('an admin adds a user, changes a role, builds a team and installs a server for it', async ({ page }) => {
  await signIn(page, admin, '/admin/users');
  await page.getByLabel('Email').fill('lin@e2e.test');
  await page.getByLabel('Name').fill('Lin Clerk');
  await page.getByLabel('Initial password').fill('lin-password-e2e');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText('Added lin@e2e.test.')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'lin@e2e.test' });
  await expect(row).toContainText('USER');
  await checkScreen(page, 'users');
  await row.getByRole('combobox', { name: 'Role of lin@e2e.test' }).click();
  await page.getByRole('option', { name: 'ADMIN' }).click();
  await expect(row.getByRole('combobox', { name: 'Role of lin@e2e.test' })).toHaveText(/ADMIN/);
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: 'lin@e2e.test' })).toContainText('ADMIN');

  await page.getByRole('link', { name: 'Groups' }).click();
  await page.getByLabel('Group name').fill('Platform');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('heading', { name: 'Members of Platform' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Add a member' }).fill('ada');
  await page.getByRole('option', { name: /Ada Lovelace/ }).click();
  await expect(page.getByRole('list', { name: 'Members of Platform' })).toContainText('Ada Lovelace');
  await page.getByRole('combobox', { name: 'Add a member' }).fill('grace');
  await page.getByRole('option', { name: /Grace Admin/ }).click();
  await expect(page.getByRole('list', { name: 'Members of Platform' })).toContainText('Grace Admin');
  await checkScreen(page, 'groups');

  const title = 'Team Dashboard';
  await makeServer(admin, title);
  await page.getByRole('link', { name: 'Catalog' }).click();
  await card(page, title).getByRole('button', { name: `Install ${title}` }).click();
  const install = page.getByRole('dialog', { name: `Install ${title}` });
  await install.getByLabel('For a team').check();
  await install.getByRole('combobox', { name: 'Team' }).fill('Plat');
  await install.getByRole('option', { name: /Platform/ }).click();
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('status')).toHaveText('Installed for the Platform team (installed by you)');
});
