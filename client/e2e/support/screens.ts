import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { MCP_TEST_ADDRESS } from './backend';
import type { Person } from './people';

const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
mkdirSync(screenshots, { recursive: true });

/** Saves a screenshot (e2e/screenshots, not committed) and fails on any serious or critical axe violation. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `accessibility of ${name}`).toEqual([]);
}

export async function signIn(page: Page, person: Pick<Person, 'email' | 'password'>, path = '/catalog'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to MCP Registry' })).toBeVisible();
}

/** A catalog server created through the form; returns its title. */
export async function createServer(page: Page, title: string, options: { variable?: string } = {}): Promise<void> {
  await page.goto('/catalog');
  await page.getByRole('link', { name: 'Add a server' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('URL').fill(`http://${MCP_TEST_ADDRESS}/mcp`);
  if (options.variable) {
    await page.getByRole('button', { name: 'Add a setting' }).click();
    await page.getByLabel('Setting 1 name').fill(options.variable);
    await page.getByLabel('Setting 1 label').fill('Personal access token');
  }
  await page.getByRole('button', { name: 'Add server' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

export function card(page: Page, title: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
}
