import type { Page } from '@playwright/test';
import {
  expect,
  test,
  FLEET,
  PASSWORD,
  UPSTREAM,
  UPSTREAM_HOST,
  USER,
  openIn,
  resetUpstream,
  signIn,
  storedByConsole,
} from './fixtures';

// Live mode: the production server proxies to the 1NCE API stand-in started by the config.

test.beforeEach(async ({ request }) => {
  await resetUpstream(request);
});

const openLive = (page: Page, path?: string) => openIn(page, 'live', path);

test('sign in with wrong, then right credentials; live pages load no demo code', async ({
  page,
}) => {
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));

  await page.goto('/integrations?live');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fintegrations/);
  await signIn(page, 'wrong-password');
  await expect(page.getByRole('alert')).toContainText('User does not exist.');
  await expect(page.getByLabel('API username')).toHaveValue(USER);

  await page.getByLabel('API password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await expect(page.getByText(`Live: ${UPSTREAM_HOST}`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cold-chain alerts' })).toBeVisible();

  expect(loaded).toContain('/management-api/v1/integrate/clouds');
  expect(
    loaded.filter((path) => /mockServiceWorker|demo-service-worker|\/assets\/demo-/.test(path)),
  ).toEqual([]);
  // Neither localStorage nor sessionStorage (where the token is) holds the password.
  expect(await storedByConsole(page)).not.toContain(PASSWORD);
});

test('live: create, edit, Test, Restart and delete through the server', async ({ page }) => {
  await openLive(page);
  await page.getByRole('link', { name: 'New webhook' }).first().click();
  await page.getByLabel('Integration name').fill('Live e2e');
  await page.getByLabel('Endpoint URL').fill('https://live-e2e.example.com/hook');
  await page.getByRole('button', { name: 'Add header' }).click();
  await page.getByLabel('Header name').fill('x-api-key');
  await page.getByLabel('Header value').fill('live-secret');
  await page.getByRole('checkbox', { name: 'Lifecycle' }).check();
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page.getByRole('heading', { name: 'Live e2e', level: 1 })).toBeVisible();

  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('checkbox', { name: 'Location' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('region', { name: 'Configuration' })).toContainText('Location');

  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Test message delivered' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete “Live e2e”?' })
    .getByRole('button', { name: 'Delete integration' })
    .click();
  await expect(page.getByRole('link', { name: 'Fleet telemetry' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Live e2e' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Cold-chain alerts' }).click();
  await page.getByRole('button', { name: 'Restart' }).click();
  await page.getByRole('button', { name: 'Send test message and restart' }).click();
  await expect(page.getByRole('status', { name: 'Restart succeeded' })).toBeVisible();
});

test('a token that expires mid-edit: sign in again and the edit is saved as typed', async ({
  page,
  request,
}) => {
  await openLive(page, `/integrations/${FLEET}/edit`);
  const url = page.getByLabel('Endpoint URL');
  await expect(url).toHaveValue(/fleetwise/);
  await url.fill('https://ingest.fleetwise.example.com/1nce/v2/:iccid:');
  await page.getByRole('checkbox', { name: 'Geofence' }).check();

  await request.post(`${UPSTREAM}/__control/expire-tokens`);
  await page.getByRole('button', { name: 'Save changes' }).click();

  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('API username')).toHaveValue(USER);
  await dialog.getByLabel('API password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Sign in and continue' }).click();

  await expect(page.getByRole('heading', { name: 'Fleet telemetry', level: 1 })).toBeVisible();
  const configuration = page.getByRole('region', { name: 'Configuration' });
  await expect(configuration).toContainText('https://ingest.fleetwise.example.com/1nce/v2/:iccid:');
  await expect(configuration).toContainText('Geofence');
});

test('sign out returns to the start page and pages need a new sign-in', async ({ page }) => {
  await openLive(page);
  await expect(page.getByRole('link', { name: 'Fleet telemetry' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  const session = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
  expect(session).not.toContain('integrator-console:session');

  await page.goto(`/integrations/${FLEET}`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect(page.getByText('Demo mode')).toBeVisible();
});
