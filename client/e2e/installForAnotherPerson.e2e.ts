import { expect, test } from '@playwright/test';
import { ada, admin } from './support/people';
import { card, checkScreen, createServer, signIn, signOut } from './support/screens';

test('an admin installs a server for Ada through the people search; Ada sees it as hers, installed by the admin', async ({ page }) => {
  const title = 'Issue Tracker';
  await signIn(page, admin);
  await checkScreen(page, 'catalog-empty');
  await createServer(page, title, { variable: 'TRACKER_TOKEN' });
  await checkScreen(page, 'catalog');

  await card(page, title).getByRole('button', { name: `Share ${title}` }).click();
  const share = page.getByRole('dialog', { name: `Share ${title}` });
  await share.getByRole('combobox', { name: 'Add a person' }).fill('ada');
  await share.getByRole('option', { name: /Ada Lovelace/ }).click();
  await expect(share.getByRole('list', { name: 'People and groups with access' })).toContainText('Ada Lovelace');
  await checkScreen(page, 'share-dialog');
  await share.getByRole('button', { name: 'Save sharing' }).click();
  await expect(share.getByText('Sharing saved.')).toBeVisible();
  await share.getByRole('button', { name: 'Close', exact: true }).first().click();

  await card(page, title).getByRole('button', { name: `Install ${title}` }).click();
  const install = page.getByRole('dialog', { name: `Install ${title}` });
  await install.getByLabel('For another person').check();
  await install.getByRole('combobox', { name: 'Person' }).pressSequentially('Ada', { delay: 30 });
  await expect(install.getByRole('option', { name: /Ada Lovelace/ })).toBeVisible();
  await install.getByRole('combobox', { name: 'Person' }).press('Enter');
  await expect(install.getByText('Selected: Ada Lovelace')).toBeVisible();
  await install.getByLabel('Personal access token').fill('secret-for-ada');
  await checkScreen(page, 'install-dialog');
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('status')).toHaveText('Installed for Ada Lovelace (installed by you)');
  await checkScreen(page, 'install-result');

  await install.getByRole('button', { name: 'Install again' }).click();
  await install.getByLabel('For another person').check();
  await install.getByRole('combobox', { name: 'Person' }).fill('ada@');
  await install.getByRole('option', { name: /Ada Lovelace/ }).click();
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('status')).toHaveText('Already installed for Ada Lovelace (installed by you)');
  await install.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('link', { name: 'Installations' }).click();
  const adminRow = page.getByRole('row').filter({ hasText: title.toLowerCase().replace(' ', '-') });
  await expect(adminRow).toContainText('Ada Lovelace');
  await checkScreen(page, 'installations-admin');
  await signOut(page);

  await signIn(page, ada, '/installations');
  await expect(page).toHaveURL(/\/installations$/);
  const row = page.getByRole('row').filter({ hasText: 'issue-tracker' });
  await expect(row.getByRole('cell').nth(2)).toHaveText('you');
  await expect(row.getByRole('cell').nth(3)).toHaveText(admin.name);
  await expect(row).toContainText('Active');
  await checkScreen(page, 'installations-ada');
});
