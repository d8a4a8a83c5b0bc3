import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// The fault matrix, in live mode: every fault the API (or the network) can throw at create, edit,
// Test and Restart. Each cell checks the message is specific and where the user is looking, that
// nothing typed is lost, and that the same action works once the fault clears.

const UPSTREAM = `http://127.0.0.1:${process.env.UPSTREAM_PORT ?? 4174}`;
const USER = 'e2e-api-user';
const PASSWORD = 'e2e-api-password';
const FLEET = 'Jv2cS-pPcy0NdtQ64ycZJ';
const COLD_CHAIN = 'AP3dIUs3c7_Oo2yJYaXWg';

/** Signs in through the token endpoint and hands the session to the page, as the UI would. */
async function startLive(page: Page, request: APIRequestContext) {
  const response = await request.post(`${UPSTREAM}/management-api/oauth/token`, {
    headers: { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` },
    data: { grant_type: 'client_credentials' },
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  await page.addInitScript(
    ([token, username]) => {
      if (sessionStorage.getItem('integrator-console:session')) return;
      sessionStorage.setItem('integrator-console:mode', 'live');
      sessionStorage.setItem(
        'integrator-console:session',
        JSON.stringify({ token, username, expiresAt: Date.now() + 3_600_000 }),
      );
    },
    [token, USER],
  );
}

interface Fault {
  name: string;
  /** Makes the action's next request fail. */
  inject: (page: Page, request: APIRequestContext) => Promise<void>;
  /** What the user must read, for a form (create/edit) and for Test/Restart. */
  formMessage: RegExp;
  actionMessage: RegExp;
  /** What to do before the retry, beyond clicking again. */
  recover?: (page: Page) => Promise<void>;
  /** The action completes by itself after the fault (no second click). */
  selfHealing?: boolean;
}

// Faults for Cloud Integrator requests only: the failure-history request that the list and detail
// pages send beside them must not take a fault meant for the list or an action.
const INTEGRATIONS_PATH = '/v1/integrate/clouds';

/**
 * The next `count` (default 1) Cloud Integrator requests answer `status`, in the API's error
 * shape unless `body` says otherwise.
 */
async function failNext(
  request: APIRequestContext,
  status: number,
  fault: { body?: unknown; headers?: Record<string, string>; count?: number } = {},
) {
  const response = await request.post(`${UPSTREAM}/__control/fail-next`, {
    data: { status, ...fault, path: INTEGRATIONS_PATH },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

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
  },
  {
    name: '401 (token expired)',
    inject: async (_page, request) => {
      await request.post(`${UPSTREAM}/__control/expire-tokens`);
    },
    formMessage: /Sign in again/,
    actionMessage: /Sign in again/,
    selfHealing: true,
    recover: async (page) => {
      const dialog = page.getByRole('dialog', { name: 'Sign in again' });
      await dialog.getByLabel('API password').fill(PASSWORD);
      await dialog.getByRole('button', { name: 'Sign in and continue' }).click();
    },
  },
  {
    name: '403',
    inject: (_page, request) => failNext(request, 403),
    formMessage: /not allowed to do this/,
    actionMessage: /not allowed to do this/,
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
  },
  {
    name: '429 with Retry-After',
    inject: (_page, request) => failNext(request, 429, { headers: { 'retry-after': '2' } }),
    formMessage: /Too many requests to the 1NCE API\. Try again in 2 s\./,
    actionMessage: /Too many requests to the 1NCE API\. Try again in 2 s\./,
    recover: (page) => page.waitForTimeout(2100),
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
    name: '10-second stall',
    inject: async (page) => {
      await page.route(
        '**/management-api/v1/**',
        async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 10_000));
          await route.continue();
        },
        { times: 1 },
      );
    },
    formMessage: /taking longer than usual/,
    actionMessage: /taking longer than usual/,
    selfHealing: true,
  },
];

interface Action {
  name: string;
  open: (page: Page) => Promise<void>;
  run: (page: Page) => Promise<void>;
  isForm: boolean;
  succeeded: (page: Page) => Promise<void>;
  kept?: (page: Page) => Promise<void>;
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
    run: (page) => page.getByRole('button', { name: 'Create webhook' }).click(),
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
    run: (page) => page.getByRole('button', { name: 'Save changes' }).click(),
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
    run: (page) => page.getByRole('button', { name: 'Test', exact: true }).click(),
    succeeded: (page) =>
      expect(page.getByText('Test message delivered')).toBeVisible({ timeout: 20_000 }),
  },
  {
    name: 'Restart',
    isForm: false,
    open: async (page) => {
      await page.goto(`/integrations/${COLD_CHAIN}`);
      await page.getByRole('button', { name: 'Restart' }).click();
      await expect(page.getByRole('dialog', { name: 'Restart this webhook?' })).toBeVisible();
    },
    run: (page) => page.getByRole('button', { name: 'Send test message and restart' }).click(),
    succeeded: (page) =>
      expect(page.getByText('Restart succeeded')).toBeVisible({ timeout: 20_000 }),
  },
];

test.beforeEach(async ({ request }) => {
  await request.post(`${UPSTREAM}/__control/reset`);
});

for (const action of ACTIONS) {
  test.describe(`${action.name} under faults`, () => {
    for (const fault of FAULTS) {
      test(fault.name, async ({ page, request }) => {
        test.setTimeout(60_000);
        await startLive(page, request);
        await action.open(page);
        await fault.inject(page, request);
        await action.run(page);

        const message = action.isForm ? fault.formMessage : fault.actionMessage;
        await expect(page.getByText(message).first()).toBeVisible({ timeout: 8_000 });
        if (action.kept) await action.kept(page);

        await fault.recover?.(page);
        if (!fault.selfHealing) await action.run(page);
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
  await page.goto('/integrations/new');
  await page.getByLabel('Integration name').fill('Double click');
  await page.getByLabel('Endpoint URL').fill('https://double.example.com/hook');
  await page.getByRole('checkbox', { name: 'Error' }).check();
  await request.post(`${UPSTREAM}/__control/clear-requests`);
  await failNext(request, 500);
  await page.getByRole('button', { name: 'Create webhook' }).dblclick();
  await expect(page.getByText(/internal error/).first()).toBeVisible();
  await page.waitForTimeout(3000);
  const posts = async () =>
    (
      (await (await request.get(`${UPSTREAM}/__control/requests`)).json()) as {
        method: string;
        path: string;
      }[]
    ).filter((entry) => entry.method === 'POST' && entry.path.endsWith('/webhooks'));
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
  const lists = (
    (await (await request.get(`${UPSTREAM}/__control/requests`)).json()) as {
      path: string;
    }[]
  ).filter((entry) => entry.path.startsWith('/management-api/v1/integrate/clouds?page=1&'));
  // Two 503s, the 429, then the answer: page 1 is asked for once per try, also by the list's
  // background scan of every page (it shares the list's request).
  expect(lists.length).toBe(4);
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
  await expect(page.getByText('Draft restored')).toBeVisible();
  await expect(page.getByText(/enter the value of x-api-key again/)).toBeVisible();
  await expect(page.getByLabel('Integration name')).toHaveValue('Draft webhook');
  await expect(page.getByLabel('Endpoint URL')).toHaveValue('https://draft.example.com/hook');
  await expect(page.getByLabel('Header name')).toHaveValue('x-api-key');
  await expect(page.getByLabel('Header value')).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: 'Geofence' })).toBeChecked();
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  expect(stored).not.toContain('draft-secret-value');
});
