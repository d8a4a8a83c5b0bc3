import type { Page } from '@playwright/test';
import {
  expect,
  test,
  FLEET,
  OPS_WATCHDOG,
  openIn as open,
  readBack as readIntegration,
  resetUpstream,
  storedByConsole,
} from './fixtures';

// Issue 10: the Event coverage page with its Error watchdog shortcut, and Duplicate, in both
// modes; what was saved is read back from the backend (the tab's MSW, or the 1NCE stand-in).
const WARNING = 'No Active webhook hears about failures';

interface Webhook {
  name: string;
  url: string;
  headers: Record<string, string>;
  eventTypes: { type: string }[];
  jsonPayloadEnabled: boolean;
}

const readBack = (...args: Parameters<typeof readIntegration>) => readIntegration<Webhook>(...args);

/** The totals row's count under an event type column. */
const total = (page: Page, column: number) =>
  page
    .getByRole('row', { name: /^Active webhooks/ })
    .getByRole('cell')
    .nth(column + 1);
const ERROR_COLUMN = 2;

for (const mode of ['demo', 'live'] as const) {
  test.describe(mode, () => {
    test.beforeEach(async ({ request }) => {
      await resetUpstream(request);
    });

    test('coverage page; the Error watchdog shortcut ends its warning', async ({ page }) => {
      // Without the seeded Ops watchdog, no Active webhook subscribes to Error.
      await open(page, mode, `/integrations/${OPS_WATCHDOG}`);
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('link', { name: 'Event coverage' }).click();

      await expect(page.getByRole('heading', { name: 'Event coverage', level: 1 })).toBeVisible();
      const fleet = page.getByRole('row', { name: /^Fleet telemetry/ });
      await expect(fleet.getByRole('cell')).toHaveText([
        'Active',
        'Subscribed',
        'Subscribed',
        'Not subscribed',
        'Not subscribed',
        'Not subscribed',
      ]);
      // The second page's rows are in too.
      await expect(page.getByRole('rowheader', { name: /Warehouse sensors/ })).toBeVisible();
      await expect(total(page, ERROR_COLUMN)).toHaveText('0');
      const warning = page.getByRole('alert').filter({ hasText: WARNING });
      await expect(warning).toContainText('CloudIntegrator[IntegrationDisabled]');

      await warning.getByRole('button', { name: 'Create an Error watchdog' }).click();
      await expect(page.getByLabel('Integration name')).toHaveValue('Error watchdog');
      await expect(page.getByRole('checkbox', { name: 'Error' })).toBeChecked();
      for (const other of ['Telemetry data', 'Lifecycle', 'Geofence', 'Location']) {
        await expect(page.getByRole('checkbox', { name: other })).not.toBeChecked();
      }
      await page.getByLabel('Endpoint URL').fill('https://alerts.example.com/1nce-errors');
      await page.getByRole('button', { name: 'Create webhook' }).click();
      await expect(page.getByRole('heading', { name: 'Error watchdog', level: 1 })).toBeVisible();
      // New webhooks are Rollout done; a Test changes no state. A Restart whose test message is
      // answered makes it Active (the lifecycle in cloud-integrator-api.md), as would a first
      // delivered Error event, which only a platform failure sends.
      await page.getByRole('button', { name: 'Restart', exact: true }).click();
      await page
        .getByRole('dialog', { name: 'Restart this webhook?' })
        .getByRole('button', { name: 'Send test message and restart' })
        .click();
      await expect(page.getByRole('status').filter({ hasText: 'Restart succeeded' })).toContainText(
        'Active',
      );

      await page.goto('/coverage');
      await expect(page.getByRole('row', { name: /^Error watchdog/ })).toContainText('Active');
      await expect(total(page, ERROR_COLUMN)).toHaveText('1');
      await expect(page.getByRole('alert').filter({ hasText: WARNING })).toHaveCount(0);
    });

    test('Duplicate a webhook with a credential header under a new URL', async ({
      page,
      request,
    }) => {
      await open(page, mode, `/integrations/${FLEET}`);
      await expect(page.getByRole('heading', { name: 'Fleet telemetry', level: 1 })).toBeVisible();
      const original = await readBack(mode, page, request, FLEET);
      const secret = original.headers['x-api-key']!;
      expect(secret).toBeTruthy();

      await page.getByRole('button', { name: 'Duplicate' }).click();
      await expect(page.getByRole('heading', { name: 'New webhook', level: 1 })).toBeVisible();
      await expect(page.getByLabel('Integration name')).toHaveValue('Fleet telemetry (copy)');
      await expect(page.getByLabel('Endpoint URL')).toHaveValue('');
      await expect(page.getByLabel('Header value').first()).toHaveValue(secret);
      // In this tab's memory only.
      expect(page.url()).not.toContain(secret);
      // The console's own storage (drafts, mode) and history; in the demo, localStorage also
      // holds the simulated 1NCE API's data, which stores the secret as 1NCE does: left out.
      expect(await storedByConsole(page)).not.toContain(secret);

      await page.getByLabel('Endpoint URL').fill('https://copy.fleetwise.example.com/1nce');
      await page.getByRole('button', { name: 'Create webhook' }).click();
      await expect(
        page.getByRole('heading', { name: 'Fleet telemetry (copy)', level: 1 }),
      ).toBeVisible();
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      expect(id).not.toBe(FLEET);

      const copy = await readBack(mode, page, request, id);
      expect(copy).toMatchObject({
        name: 'Fleet telemetry (copy)',
        url: 'https://copy.fleetwise.example.com/1nce',
        headers: original.headers,
        eventTypes: original.eventTypes.map(({ type }) => expect.objectContaining({ type })),
        jsonPayloadEnabled: original.jsonPayloadEnabled,
      });
      expect((await readBack(mode, page, request, FLEET)).name).toBe('Fleet telemetry');
    });
  });
}
