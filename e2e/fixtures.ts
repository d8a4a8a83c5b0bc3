import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { takeMachine } from './machine';
import { ownPorts, workerPorts } from './ports';

// What the specs share: the worker's own console server and 1NCE API stand-in
// (scripts/upstream.js; both started by playwright.config.ts, see ports.ts) with its account, the
// seeded integrations (src/mocks/seed.ts), and the steps many journeys start with.

export { expect };

/**
 * Playwright's test, with `page` and `request` pointed at the worker's own console server, and
 * run alone on the machine when it is tagged TIMING (machine.ts).
 */
export const test = base.extend<{ machine: void }>({
  baseURL: async ({}, use, testInfo) => {
    await use(`http://127.0.0.1:${workerPorts(testInfo.parallelIndex).server}`);
  },
  machine: [
    async ({}, use, testInfo) => {
      const release = await takeMachine(testInfo);
      try {
        await use();
      } finally {
        await release();
      }
    },
    // Waiting for the other worker's test (at most its timeout) is not this test's time.
    { auto: true, timeout: 200_000 },
  ],
});

export const UPSTREAM_HOST = `127.0.0.1:${ownPorts().upstream}`;
export const UPSTREAM = `http://${UPSTREAM_HOST}`;
export const USER = 'e2e-api-user';
export const PASSWORD = 'e2e-api-password';
/** The Cloud Integrator's integrations, as the console's server and the stand-in serve them. */
export const CLOUDS = '/management-api/v1/integrate/clouds';

// Seeded integrations, by id.
export const FLEET = 'Jv2cS-pPcy0NdtQ64ycZJ'; // Fleet telemetry, Active
export const COLD_CHAIN = 'AP3dIUs3c7_Oo2yJYaXWg'; // Cold-chain alerts, Failed
export const AWS = 'MzSca5vvHAfJ4MUUCfCGb'; // IoT Core eu-central-1, Rollout started
export const OPS_WATCHDOG = 'q8Lw0bXr4TnUe2GhY6vKd'; // Ops watchdog, Active, Error only
export const PORTAL = 'pQ2wE4rT6yU8iO0aS_dFg'; // Customer portal notifications, a secret header

export type Mode = 'demo' | 'live';

/** Puts the stand-in back to its seed (integrations, logs, faults, recorded requests). */
export async function resetUpstream(request: APIRequestContext) {
  const response = await request.post(`${UPSTREAM}/__control/reset`);
  expect(response.ok()).toBe(true);
}

/** Fills the sign-in page (or the sign-in-again dialog's page) with the stand-in's account. */
export async function signIn(page: Page, password = PASSWORD) {
  await page.getByLabel('API username').fill(USER);
  await page.getByLabel('API password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** `path` with the ?demo or ?live switch added to its query. */
export const withMode = (path: string, mode: Mode) =>
  `${path}${path.includes('?') ? '&' : '?'}${mode}`;

/** Opens `path` in a fresh tab in `mode`: in live mode by way of the sign-in page. */
export async function openIn(page: Page, mode: Mode, path = '/integrations') {
  await page.goto(withMode(path, mode));
  if (mode === 'live') {
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await signIn(page);
  }
}

/** The demo's list page, loaded. */
export async function openDemoList(page: Page) {
  await page.goto('/integrations?demo');
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
}

/**
 * Waits until the demo's API answers from MSW's service worker. Until then (the first second or
 * two of a load) the page answers its requests itself and no network event shows them, so a test
 * that watches the demo's requests waits for this first. The mark is src/mocks/browser.ts's.
 */
export async function demoOnNetwork(page: Page) {
  await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark).length > 0,
    'demo: API answering from the service worker',
  );
}

/** A token of the stand-in's own, for reading back what the console saved. */
export async function apiToken(request: APIRequestContext) {
  const response = await request.post(`${UPSTREAM}/management-api/oauth/token`, {
    headers: { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` },
    data: { grant_type: 'client_credentials' },
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** GET `path` from the stand-in, straight (not through the console's server). */
export async function apiGet<T>(request: APIRequestContext, path: string, token?: string) {
  const response = await request.get(`${UPSTREAM}${path}`, {
    headers: { authorization: `Bearer ${token ?? (await apiToken(request))}` },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

/** Signs in through the token endpoint and hands the session to the page, as the UI would. */
export async function startLive(page: Page, request: APIRequestContext) {
  const token = await apiToken(request);
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

/** The requests the stand-in received since the last reset or clear-requests. */
export async function upstreamRequests(request: APIRequestContext) {
  const response = await request.get(`${UPSTREAM}/__control/requests`);
  return (await response.json()) as { method: string; path: string }[];
}

/**
 * The next `count` (default 1) Cloud Integrator requests answer `status`, in the API's error
 * shape unless `body` says otherwise. Only those: the failure-history request that the list and
 * detail pages send beside them must not take a fault meant for the list or an action.
 */
export async function failNext(
  request: APIRequestContext,
  status: number,
  fault: { body?: unknown; headers?: Record<string, string>; count?: number } = {},
) {
  const response = await request.post(`${UPSTREAM}/__control/fail-next`, {
    data: { status, ...fault, path: '/v1/integrate/clouds' },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

/**
 * Runs the demo's delivery attempts of a message no endpoint answers to their end (5 attempts on
 * src/mocks/delivery.ts's schedule, 1 + 1.2 + 2.8 + 6.8 s) on the page's clock, which the test
 * installed (`page.clock.install()`) before the page loaded: the demo's backend runs in the page,
 * so its retries are the page's timers.
 */
export async function runDemoRetries(page: Page) {
  await page.clock.runFor(1000 + 1200 + 2800 + 6800);
}

/**
 * Lets `ms` pass with nothing to wait for: for a check that something does NOT happen (no
 * request, no error, no retry) within a window that no event closes, or for a wait a user is
 * told to make (Retry-After). Everything else waits for what it expects to see.
 */
export async function letTimePass(page: Page, ms: number) {
  // eslint-disable-next-line playwright/no-wait-for-timeout -- the one deliberate wait; see above
  await page.waitForTimeout(ms);
}

/** The integration as the backend holds it: the tab's MSW (demo), or the stand-in (live). */
export async function readBack<T>(mode: Mode, page: Page, request: APIRequestContext, id: string) {
  const path = `${CLOUDS}/${id}`;
  if (mode === 'demo') {
    return page.evaluate(async (url) => (await fetch(url)).json() as Promise<T>, path);
  }
  return apiGet<T>(request, path);
}

/**
 * Everything the console keeps in the browser, as text: localStorage, sessionStorage and the
 * history state. Only the demo's simulated 1NCE API (localStorage 'integrator-console:demo', one
 * demo per browser) is left out: it is demo data, and stores header values as 1NCE does. Live mode
 * never writes that key (hostile.spec checks), so there all of it is in.
 */
export function storedByConsole(page: Page) {
  return page.evaluate(() => {
    const local = { ...localStorage };
    delete local['integrator-console:demo'];
    return JSON.stringify([{ ...sessionStorage }, local, history.state]);
  });
}

/** The keys in localStorage: in live mode there are none, whatever the user did. */
export const localStorageKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage));
