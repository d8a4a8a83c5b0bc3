import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The demo is one demo per browser until it is reset: a new tab of the same browser (same
// context) finds the changes, an open tab follows another's, and Reset starts every tab over.
const DEMO_KEY = 'integrator-console:demo';

async function create(page: Page, name: string, url: string) {
  await page.goto('/integrations/new?demo');
  await page.getByLabel('Integration name').fill(name);
  await page.getByLabel('Endpoint URL').fill(url);
  await page.getByRole('checkbox', { name: 'Lifecycle' }).check();
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('a new tab finds the demo as the first tab left it; Reset starts both over', async ({
  context,
  page,
}) => {
  await create(page, 'Made in the first tab', 'https://first-tab.example.com/hook');
  const detail = new URL(page.url()).pathname;

  const second = await context.newPage();
  await second.goto(`${detail}?demo`);
  await expect(
    second.getByRole('heading', { name: 'Made in the first tab', level: 1 }),
  ).toBeVisible();

  // The first tab, still open on a search, follows what the second one creates.
  await page.goto('/integrations?demo&q=tab');
  await expect(page.getByRole('link', { name: 'Made in the first tab' })).toBeVisible();
  await create(second, 'Made in the second tab', 'https://second-tab.example.com/hook');
  await expect(page.getByRole('link', { name: 'Made in the second tab' })).toBeVisible();

  // Where the demo lives: the browser's localStorage, not one tab's sessionStorage.
  const stored = await second.evaluate(
    (key) => ({
      local: localStorage.getItem(key),
      session: sessionStorage.getItem(key),
    }),
    DEMO_KEY,
  );
  expect(stored.local).toContain('Made in the second tab');
  expect(stored.session).toBeNull();

  // Reset is in the demo controls, near the top; it starts every tab over.
  await second.getByRole('button', { name: 'Demo controls' }).click();
  const drawer = second.getByRole('dialog', { name: 'Demo controls' });
  await expect(drawer).toContainText('every tab of this browser');
  await drawer.getByRole('button', { name: 'Reset demo data' }).click();
  await drawer.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(page.getByRole('heading', { name: 'No integrations match' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No integrations match' })).toBeVisible();
  const third = await context.newPage();
  await third.goto(`${detail}?demo`);
  await expect(
    third
      .getByRole('heading', { name: 'Could not load this integration' })
      .or(third.getByText(/not found|no longer exists/i))
      .first(),
  ).toBeVisible();
});
