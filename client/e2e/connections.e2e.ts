import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { installThroughApi, makeServerWithConfig, userIdOf } from './support/api';
import { KEYED_PEER_HEADER, KEYED_PEER_SECRET, peerUrl } from './support/peers';
import type { PeerUrlName } from './support/peers';
import { ada, admin } from './support/people';
import { card, checkScreen, signIn } from './support/screens';

/** An OAuth server is known to need a sign-in once a connection attempt met its 401: Reconnect, then Connect. */
async function startSignIn(page: Page, title: string) {
  const server = card(page, title);
  await server.getByRole('button', { name: `Reconnect ${title}` }).click();
  await expect(server.getByText('This server needs you to sign in: choose Connect.')).toBeVisible();
  await expect(server.getByText('Needs your sign-in')).toBeVisible();
  const popup = page.waitForEvent('popup');
  await server.getByRole('button', { name: `Connect ${title}`, exact: true }).click();
  return { server, popup: await popup };
}

async function oauthServerFor(title: string, url: PeerUrlName, adaId: string) {
  const server = await makeServerWithConfig(admin, title, { url: peerUrl(url) }, [ada]);
  await installThroughApi(admin, server, { userId: adaId });
}

test('Ada connects what was installed for her: her own token, an OAuth sign-in in a popup, a refused and an abandoned sign-in', async ({ page }) => {
  const adaId = await userIdOf(admin, ada.email);
  const weather = await makeServerWithConfig(admin, 'Weather Desk', {
    url: peerUrl('E2E_KEYED_MCP_URL'),
    headers: { [KEYED_PEER_HEADER]: '{{WEATHER_TOKEN}}' },
    customUserVars: { WEATHER_TOKEN: { title: 'Weather token', description: 'From your Weather Desk profile' } },
  }, [ada]);
  await installThroughApi(admin, weather, { userId: adaId });
  const calendar = await makeServerWithConfig(admin, 'Team Calendar', { url: peerUrl('E2E_OAUTH_MCP_URL') });
  await installThroughApi(admin, calendar, { scope: 'org' });
  await oauthServerFor('Locked Vault', 'E2E_DENYING_OAUTH_MCP_URL', adaId);
  await oauthServerFor('Slow Sign-in', 'E2E_HOLDING_OAUTH_MCP_URL', adaId);

  await signIn(page, ada, '/catalog');
  await page.getByRole('link', { name: 'Connections' }).click();
  await expect(page).toHaveURL(/\/connections$/);
  const weatherCard = card(page, 'Weather Desk');
  await expect(weatherCard.getByText('Needs your settings')).toBeVisible();
  await expect(weatherCard).toContainText('missing values: WEATHER_TOKEN');
  await expect(card(page, 'Team Calendar').getByText('Not connected')).toBeVisible();
  await checkScreen(page, 'connections');

  await weatherCard.getByRole('button', { name: 'Reconnect Weather Desk' }).click();
  await expect(weatherCard.getByRole('alert')).toContainText('WEATHER_TOKEN');

  await weatherCard.getByRole('button', { name: 'Your settings for Weather Desk' }).click();
  const settings = page.getByRole('dialog', { name: 'Your settings for Weather Desk' });
  await expect(settings.getByText('Weather token: not set')).toBeVisible();
  await settings.getByLabel('Weather token', { exact: true }).fill('not-the-secret');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Weather token: set')).toBeVisible();
  await expect(settings.getByLabel('Replace Weather token')).toHaveValue('');
  await checkScreen(page, 'connection-settings');
  await settings.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(weatherCard.getByText('Needs your settings')).toBeVisible();
  await expect(weatherCard).toContainText('the server answered HTTP 401');

  await weatherCard.getByRole('button', { name: 'Your settings for Weather Desk' }).click();
  await settings.getByLabel('Replace Weather token').fill(KEYED_PEER_SECRET);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('status')).toContainText('Saved');
  await settings.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(weatherCard.getByText('Connected', { exact: true })).toBeVisible();
  await weatherCard.getByRole('button', { name: 'Reconnect Weather Desk' }).click();
  await expect(weatherCard.getByRole('status')).toContainText('(3 tools)');

  const signedIn = await startSignIn(page, 'Team Calendar');
  await expect(signedIn.popup.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await signedIn.popup.waitForEvent('close');
  await expect(signedIn.server.getByText('Connected', { exact: true })).toBeVisible();
  await expect(signedIn.server.getByRole('status')).toContainText('(1 tool)');
  await checkScreen(page, 'connections-connected');

  const refused = await startSignIn(page, 'Locked Vault');
  await expect(refused.popup.getByRole('heading', { name: 'Sign-in failed' })).toBeVisible();
  await expect(refused.server.getByRole('alert')).toContainText('The sign-in was refused at the server');

  const abandoned = await startSignIn(page, 'Slow Sign-in');
  await expect(abandoned.server.getByText('Finish signing in in the window that opened')).toBeVisible();
  await abandoned.popup.close();
  await expect(abandoned.server.getByRole('alert')).toContainText('The sign-in window was closed before the sign-in finished.');
  await expect(abandoned.server.getByRole('button', { name: 'Connect Slow Sign-in', exact: true })).toBeEnabled();

  await page.getByRole('link', { name: 'Installations' }).click();
  const weatherRow = page.getByRole('row').filter({ hasText: weather.serverName });
  await expect(weatherRow.getByRole('cell').nth(5)).toHaveText('Connected');
  await expect(page.getByRole('row').filter({ hasText: calendar.serverName }).getByRole('cell').nth(5)).toHaveText('Connected');

  await page.getByRole('link', { name: 'Connections' }).click();
  await card(page, 'Team Calendar').getByRole('button', { name: 'Sign out of Team Calendar' }).click();
  await expect(card(page, 'Team Calendar').getByText('Needs your sign-in')).toBeVisible();
  await expect(card(page, 'Team Calendar').getByRole('button', { name: 'Connect Team Calendar', exact: true })).toBeVisible();
});

test('the sign-in window\'s pages say what happened without a session', async ({ page }) => {
  await page.goto('/oauth/success?serverName=team-calendar');
  await expect(page.getByRole('status')).toHaveText('You are signed in to team-calendar.');
  await checkScreen(page, 'oauth-success');
  await page.goto('/oauth/error?error=flow_expired');
  await expect(page.getByRole('alert')).toHaveText('The sign-in took too long and expired. Start it again.');
  await checkScreen(page, 'oauth-error');
});
