import type { APIRequestContext, Page } from '@playwright/test';
import {
  expect,
  test,
  UPSTREAM,
  openIn,
  resetUpstream,
  runDemoRetries,
  type Mode,
} from './fixtures';

// Find across pages and Restart all failed, in demo mode (MSW in the tab) and in live mode
// (the console's server in front of the 1NCE API stand-in, which runs the same handlers).
async function open(page: Page, mode: Mode, path = '/integrations') {
  await openIn(page, mode, path);
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
}

/** A device message whose deliveries to an endpoint that never answers all fail. */
const failDeliveries: Record<Mode, (page: Page, request: APIRequestContext) => Promise<void>> = {
  // 5 unanswered deliveries on the demo's schedule, run on the page's clock.
  demo: async (page) => {
    await page.getByRole('button', { name: 'Demo controls' }).click();
    const drawer = page.getByRole('dialog', { name: 'Demo controls' });
    await drawer.getByRole('button', { name: 'Send device message' }).click();
    await expect(drawer.getByText(/E2E unreachable/).first()).toBeVisible();
    await runDemoRetries(page);
    await expect(
      drawer.getByText('5 of 5 attempts failed; integration is now Failed'),
    ).toBeVisible();
    await drawer.getByRole('button', { name: 'Close demo controls' }).click();
  },
  live: async (_page, request) => {
    const sent = await request.post(`${UPSTREAM}/__control/device-message`, {
      data: { eventType: 'TELEMETRY_DATA' },
    });
    expect(sent.ok()).toBe(true);
  },
};

const tableLinks = (page: Page) => page.getByRole('table').getByRole('link');

for (const mode of ['demo', 'live'] as const) {
  test.describe(mode, () => {
    test.beforeEach(async ({ request }) => {
      await resetUpstream(request);
    });

    test('search and filters cover every page and survive a reload', async ({ page }) => {
      await open(page, mode);
      await expect(page.getByText('Page 1 of 2')).toBeVisible();
      await expect(page.getByRole('link', { name: 'Ops watchdog' })).toHaveCount(0);

      await page.getByLabel('State').selectOption({ label: 'Active' });
      await expect(page.getByText('10 of 14 integrations')).toBeVisible();
      // One from each page of the paged list.
      await expect(page.getByRole('link', { name: 'Fleet telemetry' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Ops watchdog' })).toBeVisible();
      await expect(page.getByText('Page 1 of 2')).toHaveCount(0);

      await page.getByRole('textbox', { name: 'Search integrations' }).fill('WATCH');
      await expect(page.getByText('1 of 14 integrations')).toBeVisible();
      await expect(tableLinks(page)).toHaveText(['Ops watchdog']);
      await expect(page).toHaveURL(/[?&]state=INTEGRATION_ACTIVE/);
      await expect(page).toHaveURL(/[?&]q=WATCH/);

      await page.reload();
      await expect(page.getByText('1 of 14 integrations')).toBeVisible();
      await expect(tableLinks(page)).toHaveText(['Ops watchdog']);
      await expect(page.getByRole('textbox', { name: 'Search integrations' })).toHaveValue('WATCH');
      await expect(page.getByLabel('State')).toHaveValue('INTEGRATION_ACTIVE');

      await page.getByLabel('Type').selectOption({ label: 'AWS' });
      await expect(page.getByRole('heading', { name: 'No integrations match' })).toBeVisible();
      await page.getByRole('button', { name: 'Clear search and filters' }).click();
      await expect(page.getByText('Page 1 of 2')).toBeVisible();
      await expect(tableLinks(page)).toHaveCount(10);
      await expect(page.getByRole('textbox', { name: 'Search integrations' })).toHaveValue('');
    });

    test('Restart all failed: one recovers, one stays failing', async ({ page, request }) => {
      test.setTimeout(90_000);
      // For the demo's deliveries (failDeliveries); in live mode they run in the stand-in.
      await page.clock.install();
      await open(page, mode);
      await page.getByRole('link', { name: 'New webhook' }).first().click();
      await page.getByLabel('Integration name').fill('E2E unreachable');
      await page.getByLabel('Endpoint URL').fill('https://down.invalid/hook');
      await page.getByRole('checkbox', { name: 'Telemetry data' }).check();
      await page.getByRole('button', { name: 'Create webhook' }).click();
      await expect(page.getByRole('heading', { name: 'E2E unreachable', level: 1 })).toBeVisible();

      await failDeliveries[mode](page, request);
      await page.getByRole('link', { name: 'All integrations' }).click();
      const unreachable = page.getByRole('row').filter({ hasText: 'E2E unreachable' });
      await expect(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await expect(unreachable).toContainText('Failed', { timeout: 2_000 });
      }).toPass({ timeout: 30_000 });

      await page.getByRole('button', { name: 'Restart all failed' }).click();
      const dialog = page.getByRole('dialog', { name: 'Restart all failed webhooks?' });
      const rows = dialog.getByRole('list', { name: 'Failed webhooks' }).getByRole('listitem');
      await expect(rows).toHaveCount(2);
      const coldChain = rows.filter({ hasText: 'Cold-chain alerts' });
      const down = rows.filter({ hasText: 'E2E unreachable' });
      await expect(coldChain).toContainText('HTTP 503 Service Unavailable');
      await expect(down).toContainText('down.invalid/hook failed');
      await expect(dialog).toContainText('one test message');
      await dialog.getByRole('button', { name: 'Restart 2 webhooks' }).click();

      await expect(dialog.getByRole('status')).toHaveText('1 restarted, 1 still failing', {
        timeout: 30_000,
      });
      await expect(coldChain).toContainText('Active again');
      await expect(down).toContainText('Still failing: Restart failed');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('row').filter({ hasText: 'Cold-chain alerts' })).toContainText(
        'Active',
      );
      await expect(unreachable).toContainText('Failed');
    });
  });
}
