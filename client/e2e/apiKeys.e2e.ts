import { expect, test } from '@playwright/test';
import { admin } from './support/people';
import { checkScreen, signIn } from './support/screens';

test('a new API key is shown once, can be copied, and is never shown again', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, admin, '/keys');
  await checkScreen(page, 'api-keys-empty');
  await page.getByLabel('Key name').fill('terraform');
  await page.getByRole('button', { name: 'Create key' }).click();

  const dialog = page.getByRole('dialog', { name: 'API key “terraform” created' });
  const secret = await dialog.getByLabel('Your new API key').inputValue();
  expect(secret).toMatch(/^mcpr_/);
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByText('Copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await checkScreen(page, 'api-key-created');
  await dialog.getByRole('button', { name: 'I have saved it' }).click();

  const row = page.getByRole('row').filter({ hasText: 'terraform' });
  await expect(row).toBeVisible();
  await checkScreen(page, 'api-keys');
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: 'terraform' })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
});
