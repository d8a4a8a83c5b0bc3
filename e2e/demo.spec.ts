import type { Page } from '@playwright/test';
import { expect, test, openDemoList as openList, runDemoRetries } from './fixtures';

// Each test gets a fresh browser context, so a fresh tab and a freshly seeded demo.

async function createWebhook(
  page: Page,
  {
    name,
    url,
    headers = [],
    eventTypes,
  }: {
    name: string;
    url: string;
    headers?: [string, string][];
    eventTypes: string[];
  },
) {
  await page.getByRole('link', { name: 'New webhook' }).first().click();
  await expect(page.getByRole('heading', { name: 'New webhook' })).toBeVisible();
  await page.getByLabel('Integration name').fill(name);
  await page.getByLabel('Endpoint URL').fill(url);
  for (const [index, [key, value]] of headers.entries()) {
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByLabel('Header name').nth(index).fill(key);
    await page.getByLabel('Header value').nth(index).fill(value);
  }
  for (const eventType of eventTypes) {
    await page.getByRole('checkbox', { name: eventType }).check();
  }
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('the list shows integrations with states and pages', async ({ page }) => {
  await openList(page);
  await expect(page.getByText('Demo mode')).toBeVisible();
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: 'Cold-chain alerts' })).toContainText('Failed');
  await expect(page.getByRole('row').filter({ hasText: 'Rollout started' })).toContainText('AWS');

  await page.getByRole('button', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Page 2 of \d/)).toBeVisible();
});

test('create a webhook with two headers and two event types, then find it in the list', async ({
  page,
}) => {
  await openList(page);
  await createWebhook(page, {
    name: 'E2E telemetry',
    url: 'https://e2e.example.com/hook?iccid=:iccid:',
    headers: [
      ['x-api-key', 'e2e-secret'],
      ['x-device-imsi', ':imsi:'],
    ],
    eventTypes: ['Telemetry data', 'Lifecycle'],
  });
  await expect(page.getByText('Rollout done').first()).toBeVisible();
  const headers = page.getByRole('region', { name: 'HTTP headers' });
  await expect(headers).toContainText('x-device-imsi');
  await expect(headers).not.toContainText('e2e-secret');
  await headers.getByRole('button', { name: 'Show value of x-api-key' }).click();
  await expect(headers).toContainText('e2e-secret');

  await page.getByRole('link', { name: 'All integrations' }).click();
  const row = page.getByRole('row').filter({ hasText: 'E2E telemetry' });
  await expect(row).toContainText('Telemetry data, Lifecycle');
  await expect(row).toContainText('Rollout done');
});

test('edit the event types of a webhook', async ({ page }) => {
  await openList(page);
  await createWebhook(page, {
    name: 'E2E edit me',
    url: 'https://edit.example.com/hook',
    eventTypes: ['Telemetry data'],
  });
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByLabel('Integration name')).toHaveAttribute('readonly');
  await page.getByRole('checkbox', { name: 'Telemetry data' }).uncheck();
  await page.getByRole('checkbox', { name: 'Geofence' }).check();
  await page.getByRole('checkbox', { name: 'Location' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const configuration = page.getByRole('region', { name: 'Configuration' });
  await expect(configuration).toContainText('Geofence');
  await expect(configuration).toContainText('Location');
  await expect(configuration).not.toContainText('Telemetry data');
});

test('the Test button reports the result inline and leaves the state unchanged', async ({
  page,
}) => {
  await openList(page);
  await createWebhook(page, {
    name: 'E2E test me',
    url: 'https://test.example.com/hook',
    eventTypes: ['Lifecycle'],
  });
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  const result = page.getByRole('status').filter({ hasText: 'Test message delivered' });
  await expect(result).toContainText('Your endpoint answered the test message.');
  await expect(result).toContainText('still Rollout done');
});

test('a webhook on a .invalid endpoint turns Failed after device messages; Restart revives the seeded failed one', async ({
  page,
}) => {
  await page.clock.install();
  await openList(page);
  await createWebhook(page, {
    name: 'E2E unreachable',
    url: 'https://down.invalid/hook',
    eventTypes: ['Telemetry data'],
  });
  await page.getByRole('button', { name: 'Demo controls' }).click();
  const drawer = page.getByRole('dialog', { name: 'Demo controls' });
  await drawer.getByRole('button', { name: 'Send device message' }).click();
  await expect(drawer.getByText(/E2E unreachable/).first()).toBeVisible();
  await runDemoRetries(page);
  await expect(drawer.getByText('5 of 5 attempts failed; integration is now Failed')).toBeVisible();
  await drawer.getByRole('button', { name: 'Close demo controls' }).click();
  await expect(page.getByText('Delivery stopped')).toBeVisible();
  await expect(page.getByText('Failed', { exact: true }).first()).toBeVisible();

  await page.getByRole('link', { name: 'All integrations' }).click();
  await page.getByRole('link', { name: 'Cold-chain alerts' }).click();
  await expect(page.getByText('Delivery stopped')).toBeVisible();
  await page.getByRole('button', { name: 'Restart' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restart this webhook?' });
  await expect(dialog).toContainText('sends one test message');
  await dialog.getByRole('button', { name: 'Send test message and restart' }).click();
  const result = page.getByRole('status').filter({ hasText: 'Restart succeeded' });
  await expect(result).toContainText('Active');
  await expect(page.getByText('Delivery stopped')).toBeHidden();
});

test('delete a webhook after confirming its name', async ({ page }) => {
  await openList(page);
  await createWebhook(page, {
    name: 'E2E delete me',
    url: 'https://delete.example.com/hook',
    eventTypes: ['Error'],
  });
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “E2E delete me”?' });
  await dialog.getByRole('button', { name: 'Delete integration' }).click();
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fleet telemetry' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'E2E delete me' })).toHaveCount(0);
});

test('a detail page survives a reload by URL, with demo changes kept in the tab', async ({
  page,
}) => {
  await openList(page);
  await createWebhook(page, {
    name: 'E2E reload',
    url: 'https://reload.example.com/hook',
    eventTypes: ['Location'],
  });
  const url = page.url();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'E2E reload', level: 1 })).toBeVisible();
  expect(page.url()).toBe(url);
  await page.goto(url.replace(/\?.*$/, ''));
  await expect(page.getByRole('heading', { name: 'E2E reload', level: 1 })).toBeVisible();
});
