import { expect, test } from '@playwright/test';
import { makeServer } from './support/api';
import { admin, paul } from './support/people';
import { card, checkScreen, signIn } from './support/screens';

test('a plain user sees "For another person" disabled with the reason, and installs for themselves', async ({ page }) => {
  const title = 'Wiki Search';
  await makeServer(admin, title, [paul]);
  await signIn(page, paul);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Catalog', 'Installations', 'Connections', 'API keys']);

  await expect(card(page, title).getByRole('button')).toHaveText(['Install']);
  await card(page, title).getByRole('button', { name: `Install ${title}` }).click();
  const install = page.getByRole('dialog', { name: `Install ${title}` });
  const forPerson = install.getByRole('radio', { name: 'For another person' });
  await expect(forPerson).toBeDisabled();
  await expect(forPerson).toHaveAccessibleDescription('Only administrators can install for another person.');
  await expect(install.getByRole('radio', { name: 'For the organisation' })).toBeDisabled();
  await expect(install.getByRole('radio', { name: 'For me' })).toBeChecked();
  await checkScreen(page, 'install-dialog-plain-user');

  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install.getByRole('status')).toHaveText('Installed for you (installed by you)');
});
