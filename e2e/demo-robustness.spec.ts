import { existsSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.js';
import { expect, test, FLEET, demoOnNetwork, letTimePass } from './fixtures';

// Demo mode across full page loads: the simulated API lives in the tab (MSW's service worker
// plus sessionStorage), so reloads, Back and Forward are where it can lose state or break.

/** Uncaught errors, unhandled rejections and console errors, with the page they came from. */
function collectProblems(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
  });
  return problems;
}

/** Every time a service worker registration of the origin goes away (unregistered, deleted). */
async function watchRegistrations(context: BrowserContext, page: Page) {
  const deleted: string[] = [];
  const cdp = await context.newCDPSession(page);
  cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
    for (const registration of registrations) {
      if (registration.isDeleted) deleted.push(registration.scopeURL);
    }
  });
  await cdp.send('ServiceWorker.enable');
  return deleted;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

async function expectListShown(page: Page) {
  await expect(heading(page, 'Integrations')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fleet telemetry' })).toBeVisible();
}

test('reloads, Back and Forward in the demo raise no errors and keep its service worker', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const problems = collectProblems(page);
  const deleted = await watchRegistrations(context, page);

  await page.goto('/integrations?demo');
  await expectListShown(page);
  await page.getByRole('link', { name: 'Fleet telemetry' }).click();
  await expect(heading(page, 'Fleet telemetry')).toBeVisible();
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(heading(page, 'Edit webhook')).toBeVisible();

  for (let round = 0; round < 2; round += 1) {
    await page.reload();
    await expect(heading(page, 'Edit webhook')).toBeVisible();
    await page.goto('/integrations/new');
    await expect(heading(page, 'New webhook')).toBeVisible();
    await page.goBack();
    await expect(heading(page, 'Edit webhook')).toBeVisible();
    await page.goBack();
    await expect(heading(page, 'Fleet telemetry')).toBeVisible();
    await page.goForward();
    await expect(heading(page, 'Edit webhook')).toBeVisible();
    await page.goForward();
    await expect(heading(page, 'New webhook')).toBeVisible();
    await page.reload();
    await expect(heading(page, 'New webhook')).toBeVisible();
    await page.goBack();
    await expect(heading(page, 'Edit webhook')).toBeVisible();
  }
  await page.goto(`/integrations/${FLEET}`);
  await expect(heading(page, 'Fleet telemetry')).toBeVisible();
  // Still the simulated API, answering from the service worker, after all those loads.
  await demoOnNetwork(page);
  const answer = page.waitForResponse((response) => response.url().includes('/v1/integrate/'));
  await page.getByRole('link', { name: 'All integrations' }).click();
  await expectListShown(page);
  expect((await answer).fromServiceWorker()).toBe(true);
  // A failed registration.update() rejects about 2 s after the load that started it.
  await letTimePass(page, 3000);

  expect(problems).toEqual([]);
  expect(deleted, 'the demo’s service worker was unregistered during the journey').toEqual([]);
});

test('a live page removes the demo’s service worker before it makes a request', async ({
  page,
}) => {
  const registrations = () =>
    page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
  await page.goto('/integrations?demo');
  await expectListShown(page);
  expect(await registrations()).toBe(1);
  await page.goto('/integrations?live');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await registrations()).toBe(0);
});

test('a demo change whose answer is still on its way when the page reloads is kept', async ({
  page,
}) => {
  await page.goto(`/integrations/${FLEET}?demo`);
  await expect(heading(page, 'Fleet telemetry')).toBeVisible();
  await demoOnNetwork(page);
  await page.getByRole('button', { name: 'Delete' }).click();
  const sent = page.waitForRequest((request) => request.method() === 'DELETE');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete integration' }).click();
  await sent;
  // The simulated API answers 150 ms later; the page does not wait for it.
  await page.reload();
  await expect(page.getByRole('alert', { name: 'Could not load this integration' })).toContainText(
    /no longer exists/,
  );
  await page.getByRole('link', { name: 'All integrations' }).click();
  await expect(page.getByRole('link', { name: 'Cold-chain alerts' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fleet telemetry' })).toHaveCount(0);
});

test('after Delete, the deleted integration is never asked for again', async ({ page }) => {
  await page.goto('/integrations?demo');
  await expectListShown(page);
  await page.getByRole('link', { name: 'Fleet telemetry' }).click();
  await expect(heading(page, 'Fleet telemetry')).toBeVisible();
  await demoOnNetwork(page);
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes(FLEET)) asked.push(request.method());
  });

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete integration' }).click();
  await expect(heading(page, 'Integrations')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cold-chain alerts' })).toBeVisible();
  await letTimePass(page, 1000);
  expect(asked).toEqual(['DELETE']);
  // Back goes to where the user was before the deleted integration's page, not to it.
  await page.goBack();
  await expect(heading(page, 'Integrations')).toBeVisible();
  await letTimePass(page, 1000);
  expect(asked).toEqual(['DELETE']);
});

test('a page that Back restores from the back/forward cache still talks to the simulated API', async ({
  playwright,
  baseURL,
}) => {
  // Playwright launches Chromium with that cache off; people's browsers have it on.
  const browser = await playwright.chromium.launch({
    ...(existsSync(CHROMIUM_PATH)
      ? { executablePath: CHROMIUM_PATH, args: ['--headless', ...CHROMIUM_FLAGS] }
      : {}),
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
  try {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const problems = collectProblems(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await page.goto('/integrations?demo');
    await expectListShown(page);
    await page.goto('about:blank');
    // Away from the demo for a while: the browser stops the idle service worker, which forgets
    // the pages it mocked for.
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.goBack({ waitUntil: 'commit' });
    await expectListShown(page);
    await demoOnNetwork(page);

    const detail = page.waitForResponse((response) => response.url().includes(FLEET));
    await page.getByRole('link', { name: 'Fleet telemetry' }).click();
    const response = await detail;
    expect(response.fromServiceWorker()).toBe(true);
    expect(response.status()).toBe(200);
    await expect(heading(page, 'Fleet telemetry')).toBeVisible();
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});
