import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expectFieldErrorsExposed } from './field-errors';
import {
  expect,
  test,
  COLD_CHAIN,
  FLEET,
  PASSWORD,
  UPSTREAM,
  failNext,
  letTimePass,
  resetUpstream,
  startLive,
  upstreamRequests,
} from './fixtures';

// The fault matrix, in live mode: faults the API (or the network) can throw at create, edit, Test
// and Restart. Each cell checks the message is specific and where the user is looking, that
// nothing typed is lost, and that the same action works once the fault clears. What each fault
// says is a unit table (src/api/errors.test.ts, src/integrations/form.test.ts: placeServerError);
// here each action meets one fault per way a failure reaches the user (CELLS).

/** Where a message appears: the field it concerns, the action's error alert or its "slow"
 * status, or (for an expired token) the sign-in dialog in place of any message. */
type Place = 'url field' | 'alert' | 'status' | 'sign-in dialog';

type FaultName =
  | '400 with an errors list'
  | '401 (token expired)'
  | '404 (deleted in another tab)'
  | '409'
  | '429 with Retry-After'
  | '500'
  | '503'
  | 'network down'
  | '10-second stall';

interface Fault {
  name: FaultName;
  /** Makes the action's next request fail. */
  inject: (page: Page, request: APIRequestContext) => Promise<void>;
  /** What the user must read, and where, for a form (create/edit) and for Test/Restart. */
  formMessage: RegExp;
  actionMessage: RegExp;
  formAt?: Place;
  actionAt?: Place;
  /** What gets the action through once the fault clears (default: run it again). */
  retry?: (page: Page, action: Action) => Promise<void>;
  /** Before the page loads: a fake clock, for waits that then pass at once, not in real time. */
  beforeOpen?: (page: Page) => Promise<void>;
  /** Right after the action was run. */
  afterRun?: (page: Page) => Promise<void>;
}

// The stalled request of the '10-second stall' fault: reached the route, and let through.
let stallHeld = Promise.resolve();
let releaseStall = () => {};

const FAULTS: Fault[] = [
  {
    name: '400 with an errors list',
    inject: (_page, request) =>
      failNext(request, 400, {
        body: {
          statusCode: 400,
          statusText: 'Bad Request',
          errors: [{ property: 'url', message: 'url is not reachable from 1NCE' }],
        },
      }),
    formMessage: /url is not reachable from 1NCE/,
    actionMessage: /rejected the request\. url: url is not reachable from 1NCE/,
    formAt: 'url field',
  },
  {
    name: '401 (token expired)',
    inject: async (_page, request) => {
      await request.post(`${UPSTREAM}/__control/expire-tokens`);
    },
    formMessage: /Sign in again/,
    actionMessage: /Sign in again/,
    formAt: 'sign-in dialog',
    actionAt: 'sign-in dialog',
    // The action completes by itself once signed in again (no second click).
    retry: async (page) => {
      const dialog = page.getByRole('dialog', { name: 'Sign in again' });
      await dialog.getByLabel('API password').fill(PASSWORD);
      await dialog.getByRole('button', { name: 'Sign in and continue' }).click();
    },
  },
  {
    name: '404 (deleted in another tab)',
    inject: (_page, request) => failNext(request, 404),
    formMessage: /no longer exists/,
    actionMessage: /no longer exists/,
  },
  {
    name: '409',
    inject: (_page, request) => failNext(request, 409),
    formMessage: /Another webhook already uses this Endpoint URL/,
    actionMessage: /reported a conflict/,
    formAt: 'url field',
  },
  {
    name: '429 with Retry-After',
    inject: (_page, request) => failNext(request, 429, { headers: { 'retry-after': '2' } }),
    formMessage: /Too many requests to the 1NCE API\. Try again in 2 s\./,
    actionMessage: /Too many requests to the 1NCE API\. Try again in 2 s\./,
    // As a user who waits as told: the form lets its button be pressed again after 2 s.
    retry: async (page, action) => {
      if (action.isForm) {
        await expect(action.submit(page)).toBeDisabled();
        await page.clock.fastForward(2000);
        await expect(action.submit(page)).toBeEnabled();
      }
      await action.submit(page).click();
    },
    beforeOpen: (page) => page.clock.install(),
  },
  {
    name: '500',
    inject: (_page, request) =>
      failNext(request, 500, {
        body: { statusCode: 500, statusText: 'Server Error', errors: [] },
      }),
    formMessage: /internal error/,
    actionMessage: /internal error/,
  },
  {
    name: '503',
    inject: (_page, request) => failNext(request, 503),
    formMessage: /unavailable/,
    actionMessage: /unavailable/,
  },
  {
    name: 'network down',
    inject: async (page) => {
      await page.route('**/management-api/v1/**', (route) => route.abort('internetdisconnected'), {
        times: 1,
      });
    },
    formMessage: /could not reach the server/,
    actionMessage: /could not reach the server/,
  },
  {
    // The request is held while 10 s pass on the page's clock (the message shows after 4), then
    // let through.
    name: '10-second stall',
    inject: async (page) => {
      let held = () => {};
      stallHeld = new Promise<void>((resolve) => (held = resolve));
      const released = new Promise<void>((resolve) => (releaseStall = resolve));
      await page.route(
        '**/management-api/v1/**',
        async (route) => {
          held();
          await released;
          await route.continue();
        },
        { times: 1 },
      );
    },
    afterRun: async (page) => {
      await stallHeld;
      await page.clock.fastForward(10_000);
    },
    formMessage: /taking longer than usual/,
    actionMessage: /taking longer than usual/,
    formAt: 'status',
    actionAt: 'status',
    // The stalled request completes by itself.
    retry: async () => releaseStall(),
    beforeOpen: (page) => page.clock.install(),
  },
];

interface Action {
  name: 'create' | 'edit' | 'Test' | 'Restart';
  open: (page: Page) => Promise<void>;
  /** The button that runs the action. */
  submit: (page: Page) => Locator;
  isForm: boolean;
  /** Where the action's messages appear, and the title of its error alert. */
  scope: (page: Page) => Locator;
  errorTitle: string;
  succeeded: (page: Page) => Promise<void>;
  /** What the user typed is still there. */
  kept: (page: Page) => Promise<void>;
}

const NEW_URL = 'https://faults.example.com/hook';
const EDITED_URL = 'https://ingest.fleetwise.example.com/1nce/edited/:iccid:';

const ACTIONS: Action[] = [
  {
    name: 'create',
    isForm: true,
    open: async (page) => {
      await page.goto('/integrations/new');
      await page.getByLabel('Integration name').fill('Fault matrix');
      await page.getByLabel('Endpoint URL').fill(NEW_URL);
      await page.getByRole('checkbox', { name: 'Lifecycle' }).check();
    },
    submit: (page) => page.getByRole('button', { name: 'Create webhook' }),
    scope: (page) => page.getByRole('form', { name: 'New webhook' }),
    errorTitle: 'Not saved',
    kept: async (page) => {
      await expect(page.getByLabel('Integration name')).toHaveValue('Fault matrix');
      await expect(page.getByLabel('Endpoint URL')).toHaveValue(NEW_URL);
      await expect(page.getByRole('checkbox', { name: 'Lifecycle' })).toBeChecked();
    },
    succeeded: (page) =>
      expect(page.getByRole('heading', { name: 'Fault matrix', level: 1 })).toBeVisible({
        timeout: 20_000,
      }),
  },
  {
    name: 'edit',
    isForm: true,
    open: async (page) => {
      await page.goto(`/integrations/${FLEET}/edit`);
      await page.getByLabel('Endpoint URL').fill(EDITED_URL);
      await page.getByRole('checkbox', { name: 'Geofence' }).check();
    },
    submit: (page) => page.getByRole('button', { name: 'Save changes' }),
    scope: (page) => page.getByRole('form', { name: 'Edit webhook' }),
    errorTitle: 'Not saved',
    kept: async (page) => {
      await expect(page.getByLabel('Endpoint URL')).toHaveValue(EDITED_URL);
      await expect(page.getByRole('checkbox', { name: 'Geofence' })).toBeChecked();
    },
    succeeded: (page) =>
      expect(page.getByRole('region', { name: 'Configuration' })).toContainText(EDITED_URL, {
        timeout: 20_000,
      }),
  },
  {
    name: 'Test',
    isForm: false,
    open: async (page) => {
      await page.goto(`/integrations/${FLEET}`);
      await expect(page.getByRole('heading', { name: 'Fleet telemetry' })).toBeVisible();
    },
    submit: (page) => page.getByRole('button', { name: 'Test', exact: true }),
    scope: (page) => page.getByRole('main'),
    errorTitle: 'Test could not be sent',
    kept: async () => {},
    succeeded: (page) =>
      expect(page.getByRole('status', { name: 'Test message delivered' })).toBeVisible({
        timeout: 20_000,
      }),
  },
  {
    name: 'Restart',
    isForm: false,
    open: async (page) => {
      await page.goto(`/integrations/${COLD_CHAIN}`);
      await page.getByRole('button', { name: 'Restart' }).click();
      await expect(page.getByRole('dialog', { name: 'Restart this webhook?' })).toBeVisible();
    },
    submit: (page) => page.getByRole('button', { name: 'Send test message and restart' }),
    scope: (page) => page.getByRole('dialog', { name: 'Restart this webhook?' }),
    errorTitle: 'Restart could not be sent',
    kept: async () => {},
    succeeded: (page) =>
      expect(page.getByRole('status', { name: 'Restart succeeded' })).toBeVisible({
        timeout: 20_000,
      }),
  },
];

/** The fault's message where the user is looking, not just anywhere on the page. */
async function expectMessage(page: Page, action: Action, fault: Fault) {
  const message = action.isForm ? fault.formMessage : fault.actionMessage;
  const timeout = 8_000;
  switch ((action.isForm ? fault.formAt : fault.actionAt) ?? 'alert') {
    case 'url field':
      await expect(page.getByLabel('Endpoint URL')).toHaveAttribute('aria-invalid', 'true', {
        timeout,
      });
      await expect(page.getByLabel('Endpoint URL')).toHaveAccessibleDescription(message);
      await expectFieldErrorsExposed(page);
      break;
    case 'sign-in dialog':
      await expect(page.getByRole('dialog', { name: 'Sign in again' })).toBeVisible({ timeout });
      break;
    case 'status':
      await expect(action.scope(page).getByRole('status').filter({ hasText: message })).toBeVisible(
        { timeout },
      );
      break;
    case 'alert':
      await expect(
        action.scope(page).getByRole('alert', { name: action.errorTitle }),
      ).toContainText(message, { timeout });
  }
}

async function retry(page: Page, action: Action, fault: Fault) {
  await (fault.retry ?? ((page, action) => action.submit(page).click()))(page, action);
}

test.beforeEach(async ({ request }) => {
  await resetUpstream(request);
});

/**
 * The faults each action meets here: one per way a failure reaches the user. The form (create and
 * edit share it) puts a 400's named fields and a 409 on their fields, any other answer in its
 * "Not saved" alert, and a 429 also holds its button for Retry-After; Test shows its alert under
 * the actions, Restart in its dialog; a network failure is the request layer's own error; an
 * expired token opens the sign-in dialog and the action goes on (for edit: live.spec.ts); a slow
 * answer shows where each action waits. What each other status says is the unit tables'.
 */
const CELLS: Record<Action['name'], FaultName[]> = {
  create: [
    '400 with an errors list',
    '401 (token expired)',
    '409',
    '429 with Retry-After',
    '500',
    '10-second stall',
  ],
  edit: ['404 (deleted in another tab)'],
  Test: [
    '400 with an errors list',
    '401 (token expired)',
    '503',
    'network down',
    '10-second stall',
  ],
  Restart: ['401 (token expired)', '404 (deleted in another tab)', '10-second stall'],
};

for (const action of ACTIONS) {
  test.describe(`${action.name} under faults`, () => {
    for (const fault of FAULTS.filter(({ name }) => CELLS[action.name].includes(name))) {
      test(fault.name, async ({ page, request }) => {
        await startLive(page, request);
        await fault.beforeOpen?.(page);
        await action.open(page);
        await fault.inject(page, request);
        await action.submit(page).click();
        await fault.afterRun?.(page);

        await expectMessage(page, action, fault);
        await action.kept(page);

        await retry(page, action, fault);
        await action.succeeded(page);
      });
    }
  });
}

test('a double click sends one POST, and a failed mutation is never retried on its own', async ({
  page,
  request,
}) => {
  await startLive(page, request);
  await page.clock.install();
  await page.goto('/integrations/new');
  await page.getByLabel('Integration name').fill('Double click');
  await page.getByLabel('Endpoint URL').fill('https://double.example.com/hook');
  await page.getByRole('checkbox', { name: 'Error' }).check();
  await request.post(`${UPSTREAM}/__control/clear-requests`);
  await failNext(request, 500);
  await page.getByRole('button', { name: 'Create webhook' }).dblclick();
  await expect(page.getByRole('alert', { name: 'Not saved' })).toContainText(/internal error/);
  // Nothing retries the failed POST on its own: not within a minute on the page's clock (any
  // back-off would be due), nor in the moment a request takes to reach the stand-in.
  await page.clock.fastForward(60_000);
  await letTimePass(page, 500);
  const posts = async () =>
    (await upstreamRequests(request)).filter(
      (entry) => entry.method === 'POST' && entry.path.endsWith('/webhooks'),
    );
  expect(await posts()).toHaveLength(1);

  await page.getByRole('button', { name: 'Create webhook' }).dblclick();
  await expect(page.getByRole('heading', { name: 'Double click', level: 1 })).toBeVisible();
  expect(await posts()).toHaveLength(2);
});

test('GETs retry with back-off and wait for Retry-After', async ({ page, request }) => {
  await startLive(page, request);
  await failNext(request, 503, { count: 2 });
  await failNext(request, 429, { headers: { 'retry-after': '1' } });
  await page.goto('/integrations');
  await expect(page.getByRole('link', { name: 'Fleet telemetry' })).toBeVisible({
    timeout: 20_000,
  });
  const lists = (await upstreamRequests(request)).filter((entry) =>
    entry.path.startsWith('/management-api/v1/integrate/clouds?page=1&'),
  );
  // Two 503s, the 429, then the answer: page 1 is asked for once per try, also by the list's
  // background scan of every page (it shares the list's request).
  expect(lists).toHaveLength(4);
});

test('offline: a banner says so, and the page refreshes when the connection is back', async ({
  page,
  context,
  request,
}) => {
  await startLive(page, request);
  await page.goto('/integrations');
  await expect(page.getByRole('link', { name: 'Fleet telemetry' })).toBeVisible();
  await context.setOffline(true);
  await expect(page.getByText('You are offline')).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText('You are offline')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Fleet telemetry' })).toBeVisible();
});

test('an unsaved draft survives a reload, without its credential values', async ({ page }) => {
  await page.goto('/integrations/new?demo');
  await page.getByLabel('Integration name').fill('Draft webhook');
  await page.getByLabel('Endpoint URL').fill('https://draft.example.com/hook');
  await page.getByRole('button', { name: 'Add header' }).click();
  await page.getByLabel('Header name').fill('x-api-key');
  await page.getByLabel('Header value').fill('draft-secret-value');
  await page.getByRole('checkbox', { name: 'Geofence' }).check();

  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByRole('status', { name: 'Draft restored' })).toContainText(
    /enter the value of x-api-key again/,
  );
  await expect(page.getByLabel('Integration name')).toHaveValue('Draft webhook');
  await expect(page.getByLabel('Endpoint URL')).toHaveValue('https://draft.example.com/hook');
  await expect(page.getByLabel('Header name')).toHaveValue('x-api-key');
  await expect(page.getByLabel('Header value')).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: 'Geofence' })).toBeChecked();
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  expect(stored).not.toContain('draft-secret-value');
});
