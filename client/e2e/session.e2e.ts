import { expect, test } from '@playwright/test';
import { ada } from './support/people';
import { checkScreen } from './support/screens';

test('signed out, a screen sends to sign-in and back; a wrong password is explained; a reload keeps the session', async ({ page }) => {
  await page.goto('/installations');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Finstallations$/);
  await checkScreen(page, 'sign-in');

  await page.getByLabel('Email').fill(ada.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/invalid|incorrect/i);
  await expect(page.getByLabel('Email')).toHaveValue(ada.email);

  await page.getByLabel('Password').fill(ada.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/installations$/);
  await expect(page.getByRole('heading', { name: 'Installations' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Installations' })).toBeVisible();
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await checkScreen(page, 'not-found');
});
