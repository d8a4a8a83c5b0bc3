import type { Locator, Page } from '@playwright/test';
import { expectNoViolations, inEachColourScheme } from './axe';
import { expectFieldErrorsExposed } from './field-errors';
import { expectMantineStylesLoaded } from './mantine-styles';
import {
  expect,
  test,
  AWS as AWS_ID,
  COLD_CHAIN as FAILED_ID,
  FLEET as ACTIVE_ID,
  OPS_WATCHDOG,
  openDemoList,
  openIn,
  resetUpstream,
  signIn,
} from './fixtures';

// Accessibility: axe on every page, state and dialog in both colour schemes, switched in one
// load (and, once, that each Mantine component's stylesheet loaded), a keyboard-only journey, and
// validation errors that are announced. Each test gets a fresh, freshly seeded tab.

/** Waits for finite transitions (dialogs fading in), so axe sees final colours, not a fade. */

async function openDemo(page: Page, path: string) {
  await page.goto(`${path}${path.includes('?') ? '&' : '?'}demo`);
  await expect(page.getByText('Demo mode')).toBeVisible();
}

async function openDetail(page: Page, id: string, name: string) {
  await openDemo(page, `/integrations/${id}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

async function openNewForm(page: Page) {
  await openDemo(page, '/integrations/new');
  await expect(page.getByRole('checkbox', { name: 'Telemetry data' })).toBeVisible();
}

async function openList(page: Page) {
  await openDemoList(page);
  await expect(page.getByText('Demo mode')).toBeVisible();
}

interface Scenario {
  name: string;
  /** Brings the page into the state to check. */
  open: (page: Page) => Promise<void>;
  /** For a passing state: that it is still shown, before each colour scheme's check. */
  still?: (page: Page) => Promise<void>;
}

const scenarios: Scenario[] = [
  { name: 'integrations list', open: openList },
  {
    name: 'integrations list, page 2',
    open: async (page) => {
      await openDemo(page, '/integrations?page=2');
      await expect(page.getByText(/Page 2 of \d/)).toBeVisible();
    },
  },
  {
    name: 'detail page of an Active webhook, with the Preview',
    open: async (page) => {
      await openDetail(page, ACTIVE_ID, 'Fleet telemetry');
      await expect(page.getByRole('region', { name: 'Preview' })).toBeVisible();
    },
  },
  {
    name: 'detail page of a Failed webhook',
    open: async (page) => {
      await openDetail(page, FAILED_ID, 'Cold-chain alerts');
      await expect(page.getByText('Delivery stopped')).toBeVisible();
    },
  },
  {
    name: 'detail page of an AWS integration',
    open: async (page) => {
      await openDetail(page, AWS_ID, 'IoT Core eu-central-1');
      await expect(page.getByText('Read-only')).toBeVisible();
    },
  },
  { name: 'new webhook form, empty', open: openNewForm },
  {
    name: 'new webhook form with errors',
    open: async (page) => {
      await openNewForm(page);
      await page.getByLabel('Endpoint URL').fill('http://insecure.example.com');
      await page.getByRole('button', { name: 'Add header' }).click();
      await page.getByRole('button', { name: 'Create webhook' }).click();
      await expect(page.getByLabel('Integration name')).toHaveAccessibleDescription(
        /Enter an integration name/,
      );
      await expect(page.getByLabel('Endpoint URL')).toHaveAccessibleDescription(
        /1NCE only delivers to https:\/\/ endpoints/,
      );
      await expect(page.getByLabel('Header name')).toHaveAccessibleDescription(
        /Enter a header name/,
      );
      await expect(page.getByRole('group', { name: 'Event types' })).toHaveAccessibleDescription(
        /Choose at least one event type/,
      );
      await expectFieldErrorsExposed(page);
    },
  },
  {
    name: 'event coverage page with the Error watchdog warning',
    open: async (page) => {
      await openDetail(page, OPS_WATCHDOG, 'Ops watchdog');
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('link', { name: 'Event coverage' }).click();
      await expect(page.getByRole('button', { name: 'Create an Error watchdog' })).toBeVisible();
    },
  },
  {
    name: 'new webhook form from Duplicate',
    open: async (page) => {
      await openDetail(page, ACTIVE_ID, 'Fleet telemetry');
      await page.getByRole('button', { name: 'Duplicate' }).click();
      await expect(page.getByLabel('Integration name')).toHaveValue('Fleet telemetry (copy)');
      await expect(page.getByRole('checkbox', { name: 'Telemetry data' })).toBeChecked();
    },
  },
  {
    name: 'edit form',
    open: async (page) => {
      await openDemo(page, `/integrations/${ACTIVE_ID}/edit`);
      await expect(page.getByLabel('Endpoint URL')).toHaveValue(/fleetwise/);
    },
  },
  {
    name: '404 page',
    open: async (page) => {
      await openDemo(page, '/nope');
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    },
  },
  {
    name: 'sign-in start page',
    open: async (page) => {
      await page.goto('/sign-in');
      await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible();
    },
  },
  {
    name: 'sign-in start page with empty fields',
    open: async (page) => {
      await page.goto('/sign-in');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      expect(await expectFieldErrorsExposed(page)).toEqual([
        'Enter your API username',
        'Enter your API password',
      ]);
    },
  },
  {
    name: 'sign-in start page with "Sign-in failed"',
    open: async (page) => {
      await page.goto('/sign-in');
      await signIn(page, 'wrong-password');
      await expect(page.getByRole('alert')).toContainText('Sign-in failed');
    },
  },
  {
    name: 'live list after signing in',
    open: async (page) => {
      await resetUpstream(page.request);
      await openIn(page, 'live');
      await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Cold-chain alerts' })).toBeVisible();
    },
  },
  {
    name: 'Restart confirmation dialog',
    open: async (page) => {
      await openDetail(page, FAILED_ID, 'Cold-chain alerts');
      await page.getByRole('button', { name: 'Restart' }).click();
      await expect(page.getByRole('dialog', { name: 'Restart this webhook?' })).toBeVisible();
    },
  },
  {
    name: 'integrations list, filtered (deep link)',
    open: async (page) => {
      await openDemo(page, '/integrations?q=alerts&type=WEBHOOK');
      await expect(page.getByText('2 of 14 integrations')).toBeVisible();
    },
  },
  {
    name: 'Restart all failed dialog with its results',
    open: async (page) => {
      await openList(page);
      await page.getByRole('button', { name: 'Restart all failed' }).click();
      const dialog = page.getByRole('dialog', { name: 'Restart all failed webhooks?' });
      await dialog.getByRole('button', { name: 'Restart 1 webhook' }).click();
      await expect(dialog.getByRole('status')).toHaveText('1 restarted, 0 still failing');
    },
  },
  {
    name: 'Delete confirmation dialog',
    open: async (page) => {
      await openDetail(page, ACTIVE_ID, 'Fleet telemetry');
      await page.getByRole('button', { name: 'Delete' }).click();
      await expect(page.getByRole('dialog', { name: 'Delete “Fleet telemetry”?' })).toBeVisible();
    },
  },
  {
    name: 'Demo controls drawer with deliveries',
    open: async (page) => {
      await openList(page);
      await page.getByRole('button', { name: 'Demo controls' }).click();
      const drawer = page.getByRole('dialog', { name: 'Demo controls' });
      await drawer.getByRole('button', { name: 'Send device message' }).click();
      await expect(drawer.getByRole('listitem').first()).toBeVisible();
    },
  },
  {
    name: '"Leave without saving?" dialog',
    open: async (page) => {
      await openDemo(page, `/integrations/${ACTIVE_ID}/edit`);
      await page.getByLabel('Endpoint URL').fill('https://changed.example.com/hook');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible();
    },
  },
  {
    name: 'Test result alert',
    open: async (page) => {
      await openDetail(page, ACTIVE_ID, 'Fleet telemetry');
      await page.getByRole('button', { name: 'Test', exact: true }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'Test message delivered' }),
      ).toBeVisible();
    },
  },
  {
    name: 'Export dialog',
    open: async (page) => {
      await openList(page);
      await page.getByRole('button', { name: 'Export' }).click();
      await expect(page.getByRole('checkbox', { name: /Include secret values/ })).toBeVisible();
    },
  },
  {
    name: 'toast after saving an edit',
    open: async (page) => {
      await openDemo(page, `/integrations/${ACTIVE_ID}/edit`);
      await page.getByRole('checkbox', { name: 'Geofence' }).click();
      await page.getByRole('button', { name: 'Save changes' }).click();
      // The pointer on it holds the toast open (it closes itself after 4 s) for both schemes.
      await page.getByText('Saved changes to “Fleet telemetry”').hover();
    },
    still: (page) => expect(page.getByText('Saved changes to “Fleet telemetry”')).toBeVisible(),
  },
  {
    name: 'tooltip of a state badge',
    open: async (page) => {
      await openList(page);
      await page.getByRole('table').getByText('Failed', { exact: true }).first().hover();
      await expect(page.getByRole('tooltip')).toBeVisible();
    },
    still: (page) => expect(page.getByRole('tooltip')).toBeVisible(),
  },
];

test.describe('axe, light and dark colour schemes', () => {
  for (const scenario of scenarios) {
    test(scenario.name, async ({ page }) => {
      await scenario.open(page);
      await inEachColourScheme(page, async () => {
        // Still in the state to check (a toast or a tooltip could have gone).
        await scenario.still?.(page);
        await expectNoViolations(page);
      });
      // Once per state: which stylesheets load does not depend on the colour scheme.
      await expectMantineStylesLoaded(page);
    });
  }
});

/** Presses Tab until `target` has focus; fails if it is not reached within `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `not reached within ${max} Tab presses`).toBeFocused({ timeout: 1 });
}

test('keyboard only: create, Test and delete a webhook', async ({ page }) => {
  const name = 'Keyboard webhook';
  await openList(page);

  const newWebhook = page.getByRole('link', { name: 'New webhook' }).first();
  await tabTo(page, newWebhook);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New webhook', level: 1 })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Telemetry data' })).toBeVisible();

  const nameInput = page.getByLabel('Integration name');
  await tabTo(page, nameInput);
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  const urlInput = page.getByLabel('Endpoint URL');
  await expect(urlInput).toBeFocused();
  await page.keyboard.type('https://keyboard.example.com/hook');

  await tabTo(page, page.getByRole('button', { name: 'Add header' }));
  await page.keyboard.press('Enter');
  // A new header row takes the focus, ready for typing.
  const headerName = page.getByLabel('Header name');
  await expect(headerName).toBeFocused();
  await page.keyboard.type('x-api-key');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Header value')).toBeFocused();
  await page.keyboard.type('keyboard-secret');

  const telemetry = page.getByRole('checkbox', { name: 'Telemetry data' });
  await tabTo(page, telemetry);
  await page.keyboard.press('Space');
  await expect(telemetry).toBeChecked();

  await tabTo(page, page.getByRole('button', { name: 'Create webhook' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  const testButton = page.getByRole('button', { name: 'Test', exact: true });
  await tabTo(page, testButton);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Test message delivered' }),
  ).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Delete', exact: true }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Delete “${name}”?` });
  await expect(dialog).toBeVisible();
  // The dialog traps the focus: Tab stays inside it.
  const confirm = dialog.getByRole('button', { name: 'Delete integration' });
  await tabTo(page, confirm, 10);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fleet telemetry' })).toBeVisible();
  await expect(page.getByRole('link', { name })).toHaveCount(0);
});

/** The ids in `aria-describedby` must include an element whose text is `message`. */
async function expectDescribedBy(input: Locator, message: string) {
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription(new RegExp(escape(message)));
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(
    ids.map((id) => input.page().locator(`[id="${id}"]`).textContent()),
  );
  expect(texts).toContain(message);
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('keyboard: the demo controls open from their button, and Escape gives the focus back to it', async ({
  page,
}) => {
  await openList(page);
  const button = page.getByRole('button', { name: 'Demo controls' });
  // The drawer's code loads on the first open (src/demo/demo-controls.tsx); twice: the first
  // open mounts it, the second reuses it.
  for (let round = 0; round < 2; round += 1) {
    await button.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Demo controls' });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole('button', { name: 'Close demo controls' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(button).toBeFocused();
  }
});

test('validation errors are announced and the first invalid field gets the focus', async ({
  page,
}) => {
  await openNewForm(page);
  await page.getByRole('button', { name: 'Add header' }).click();
  await page.getByLabel('Endpoint URL').fill('http://insecure.example.com');
  await page.getByRole('button', { name: 'Create webhook' }).click();

  const nameInput = page.getByLabel('Integration name');
  await expect(nameInput).toBeFocused();
  await expectDescribedBy(nameInput, 'Enter an integration name');
  await expectDescribedBy(
    page.getByLabel('Endpoint URL'),
    '1NCE only delivers to https:// endpoints',
  );
  await expectDescribedBy(page.getByLabel('Header name'), 'Enter a header name');
  await expect(page.getByLabel('Header value')).not.toHaveAttribute('aria-invalid', 'true');
  // The checkbox group carries its error the same way.
  await expect(page.getByRole('group', { name: 'Event types' })).toHaveAccessibleDescription(
    /Choose at least one event type/,
  );

  // The errors are in the accessibility tree, not only painted on the screen.
  const form = page.getByRole('form', { name: 'New webhook' });
  const tree = await form.ariaSnapshot();
  for (const message of [
    'Enter an integration name',
    '1NCE only delivers to https:// endpoints',
    'Enter a header name',
    'Choose at least one event type',
  ]) {
    expect(tree).toContain(message);
  }
  expect(await expectFieldErrorsExposed(form)).toHaveLength(4);

  // Fixing the name moves the first invalid field on: the next submit focuses the URL.
  await nameInput.fill('Announced errors');
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page.getByLabel('Endpoint URL')).toBeFocused();
});

/** Each Tab stop from the top of a fresh page, until the focus leaves the page or wraps. */
async function tabStops(page: Page, max = 80): Promise<string[]> {
  const stops: string[] = [];
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
      const badge = element.closest('.mantine-Badge-root') ? ' (badge)' : '';
      return `${element.tagName.toLowerCase()}${badge}: ${name}`;
    });
    if (stop === null || stop === stops[0]) break;
    stops.push(stop);
  }
  return stops;
}

test('keyboard: a skip link first, no stops on badges or dates, and the focus follows navigation', async ({
  page,
}) => {
  await openList(page);
  // The first load keeps the browser's start: nothing is focused yet.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  const stops = await tabStops(page);
  const rowLinks = await page.getByRole('table').getByRole('link').allTextContents();
  expect(rowLinks).toHaveLength(10);
  expect(stops).toEqual([
    'a: Skip to content',
    'a: Integrator Console',
    'a: Sign in to 1NCE',
    'button: Demo controls',
    // The page's links and actions, in reading order: the coverage view beside the heading,
    // then the toolbar.
    'a: Event coverage',
    'button: Refresh',
    'button: Export',
    'button: Import',
    'a: New webhook',
    // Find: the search box, then the State and Type filters (named by their labels).
    'input: ',
    'select: Any stateActiveFailedRollout doneRollout startedRollout failed',
    'select: Any typeWebhookAWS',
    // Above the list, with the data (the seed has a Failed webhook, so it is offered).
    'button: Restart all failed',
    // Recent failures: one link per disabled integration (the seed has two).
    'a: Failure history',
    'a: Failure history',
    ...rowLinks.map((name) => `a: ${name}`),
    'button: Page 1',
    'button: Page 2',
    'button: Next page',
  ]);
  // The explanations a badge's tooltip gives stay with the row's link.
  await expect(page.getByRole('link', { name: 'Cold-chain alerts' })).toHaveAccessibleDescription(
    /^Failed: 1NCE stopped delivering/,
  );

  // The skip link takes the focus past the header to the page's heading.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Cold-chain alerts' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeFocused();

  // After a navigation the new page's heading has the focus, also when it comes after loading.
  await page.getByRole('link', { name: 'Cold-chain alerts' }).click();
  const heading = page.getByRole('heading', { name: 'Cold-chain alerts', level: 1 });
  await expect(heading).toBeFocused();
  expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit webhook', level: 1 })).toBeFocused();
  await page.goBack();
  await expect(heading).toBeFocused();
});
