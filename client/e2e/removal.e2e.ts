import { expect, test } from '@playwright/test';
import { makeServer } from './support/api';
import { admin } from './support/people';
import { card, checkScreen, signIn } from './support/screens';

async function installForMe(page: import('@playwright/test').Page, title: string) {
  await page.goto('/catalog');
  await card(page, title).getByRole('button', { name: `Install ${title}` }).click();
  const install = page.getByRole('dialog', { name: `Install ${title}` });
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('status')).toHaveText('Installed for you (installed by you)');
  await install.getByRole('button', { name: 'Done' }).click();
}

test('uninstall asks first; deleting an installed server offers to delete it with its installations', async ({ page }) => {
  const title = 'Calendar Bridge';
  const server = await makeServer(admin, title);
  await signIn(page, admin);
  await installForMe(page, title);

  await page.getByRole('link', { name: 'Installations' }).click();
  await page.getByRole('button', { name: `Uninstall ${server.serverName} for you` }).click();
  const confirm = page.getByRole('dialog', { name: `Uninstall ${server.serverName}?` });
  await checkScreen(page, 'uninstall-confirm');
  await confirm.getByRole('button', { name: 'Uninstall' }).click();
  await expect(page.getByRole('row').filter({ hasText: server.serverName })).toHaveCount(0);

  await installForMe(page, title);
  await card(page, title).getByRole('button', { name: `Delete ${title}` }).click();
  const remove = page.getByRole('dialog', { name: `Delete ${title}?` });
  await remove.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(remove.getByRole('alert')).toBeVisible();
  await expect(remove).toContainText('It is installed.');
  await checkScreen(page, 'delete-installed-server');
  await remove.getByRole('button', { name: 'Delete with its installations' }).click();
  await expect(card(page, title)).toHaveCount(0);
  await page.getByRole('link', { name: 'Installations' }).click();
  await expect(page.getByRole('row').filter({ hasText: server.serverName })).toHaveCount(0);
});
