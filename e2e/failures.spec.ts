import type { Page } from '@playwright/test';
import {
  expect,
  test,
  COLD_CHAIN,
  UPSTREAM,
  openIn,
  resetUpstream,
  runDemoRetries,
  upstreamRequests,
} from './fixtures';

// Failure history (1NCE's administration logs) on the detail page and Recent failures on the
// list, in demo mode and in live mode through the server and the API stand-in.
const LOGS_PATH = '/management-api/v1/administrationLogs';

test.beforeEach(async ({ request }) => {
  await resetUpstream(request);
});

const region = (page: Page) => page.getByRole('region', { name: 'Recent failures' });
const history = (page: Page) => page.getByRole('table', { name: 'Failure history' });
const line = (page: Page, name: string) =>
  region(page).getByRole('listitem').filter({ hasText: name });

const openLive = (page: Page, path?: string) => openIn(page, 'live', path);

async function logRequests(page: Page): Promise<string[]> {
  const requests = await upstreamRequests(page.request);
  return requests.filter((request) => request.path.startsWith(LOGS_PATH)).map(({ path }) => path);
}

test('demo: Recent failures links to the failed seed, whose history lists what 1NCE logged', async ({
  page,
}) => {
  await page.goto('/integrations?demo');
  await expect(page.getByRole('table')).toBeVisible();
  await expect(line(page, 'Cold-chain alerts')).toContainText(
    'was disabled 3 times, last 3 hours ago',
  );
  await expect(line(page, 'Plugins')).toContainText('were disabled once');
  // Above the table.
  const regionBox = await region(page).boundingBox();
  const tableBox = await page.getByRole('table').boundingBox();
  expect(regionBox!.y + regionBox!.height).toBeLessThan(tableBox!.y);

  await line(page, 'Cold-chain alerts').getByRole('link', { name: 'Failure history' }).click();
  await expect(page.getByRole('heading', { name: 'Cold-chain alerts', level: 1 })).toBeVisible();
  const rows = history(page).getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('Disabled after consecutive failed requests');
  await expect(rows.nth(1)).toContainText('3 hours ago');
  await expect(rows.nth(1)).toContainText('and name "Cold-chain alerts" was disabled');
  await expect(page.getByText(/keeps administration logs for 7 days/)).toBeVisible();
});

test('demo: a webhook that turns Failed in this session shows up in both places, and after a reload', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto('/integrations?demo');
  await expect(page.getByRole('table')).toBeVisible();
  await expect(line(page, 'Cold-chain alerts')).toBeVisible();
  await expect(line(page, 'Legacy MES bridge')).toHaveCount(0);

  // Legacy MES bridge subscribes to Lifecycle events and its endpoint never answers.
  await page.getByRole('button', { name: 'Demo controls' }).click();
  const drawer = page.getByRole('dialog', { name: 'Demo controls' });
  await drawer.getByText('Lifecycle', { exact: true }).click();
  await drawer.getByRole('button', { name: 'Send device message' }).click();
  await expect(drawer.getByText(/Legacy MES bridge/).first()).toBeVisible();
  await runDemoRetries(page);
  await expect(drawer.getByText('5 of 5 attempts failed; integration is now Failed')).toBeVisible();
  await drawer.getByRole('button', { name: 'Close demo controls' }).click();

  await expect(line(page, 'Legacy MES bridge')).toContainText('was disabled once, last just now');
  await page.reload();
  await line(page, 'Legacy MES bridge').getByRole('link', { name: 'Failure history' }).click();
  await expect(page.getByRole('heading', { name: 'Legacy MES bridge', level: 1 })).toBeVisible();
  await expect(history(page).getByRole('row')).toHaveCount(2);
  await expect(history(page)).toContainText('just now');
});

test('live: the list and the detail page share one fetch of the logs, asked for as the spec says', async ({
  page,
}) => {
  await openLive(page);
  await expect(line(page, 'Cold-chain alerts')).toContainText('was disabled 3 times');
  await line(page, 'Cold-chain alerts').getByRole('link', { name: 'Failure history' }).click();
  await expect(history(page).getByRole('row')).toHaveCount(4);

  const asked = await logRequests(page);
  expect(asked).toHaveLength(1);
  const query = new URL(asked[0]!, UPSTREAM).searchParams;
  expect(query.get('q')).toMatch(
    /^type:INTEGRATION,category:error,startDateTime:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
  );
  const since = Date.parse(query.get('q')!.split('startDateTime:')[1]!);
  expect(Math.abs(Date.now() - 7 * 24 * 3600_000 - since)).toBeLessThan(120_000);
  expect(query.get('pageSize')).toBe('25');
  expect(query.get('page')).toBe('1');

  // Restart is a mutation: the logs are asked for again with everything under 'integrations'.
  await page.getByRole('button', { name: 'Restart' }).click();
  await page.getByRole('button', { name: 'Send test message and restart' }).click();
  await expect(page.getByRole('status', { name: 'Restart succeeded' })).toBeVisible();
  await expect.poll(() => logRequests(page)).toHaveLength(2);
});

test('live: an API user who may not read logs gets one line instead, and nothing is retried', async ({
  page,
  request,
}) => {
  await request.post(`${UPSTREAM}/__control/fail-next`, {
    data: { status: 403, path: '/v1/administrationLogs', count: 2 },
  });
  await openLive(page);
  await expect(
    page.getByText(
      'Your API user may not read administration logs, so recent failures are hidden.',
    ),
  ).toBeVisible();
  await expect(region(page)).toHaveCount(0);
  await page.getByRole('link', { name: 'Cold-chain alerts' }).click();
  const section = page.getByRole('region', { name: 'Failure history' });
  await expect(section).toContainText(
    'Your API user may not read administration logs, so failure history is hidden.',
  );
  await expect(history(page)).toHaveCount(0);
  await expect(section.getByRole('button')).toHaveCount(0);
  // The rest of the page works.
  await expect(page.getByRole('region', { name: 'HTTP headers' })).toBeVisible();
  // One request from the list and one when the detail page mounted the failed query; no retries.
  // The query client retries before it reports an error, so with the line on screen every
  // request has been made (a retry would also have got the stand-in's third, successful answer).
  expect(await logRequests(page)).toHaveLength(2);
});

test('live: another error shows where the history would be, and Try again loads it', async ({
  page,
  request,
}) => {
  // The query client retries a 500 three times (1 + 2 + 4 s) before it shows the error: on the
  // page's clock, each retry is let through as soon as the one before has failed.
  await request.post(`${UPSTREAM}/__control/fail-next`, {
    data: { status: 500, path: '/v1/administrationLogs', count: 4 },
  });
  await page.clock.install();
  await openLive(page, `/integrations/${COLD_CHAIN}`);
  const section = page.getByRole('region', { name: 'Failure history' });
  const alert = section.getByRole('alert');
  await expect(async () => {
    await page.clock.fastForward(4000);
    await expect(alert).toContainText('Could not load the failure history', { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Restart' })).toBeEnabled();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(history(page).getByRole('row')).toHaveCount(4);
  expect(await logRequests(page)).toHaveLength(5);
});

declare global {
  interface Window {
    shown?: { heading?: number; history?: number };
  }
}

test(
  'live: time from navigation to the Failure history table, and the requests it takes',
  { tag: '@timing' },
  async ({ page }) => {
    await openLive(page);
    await expect(line(page, 'Cold-chain alerts')).toBeVisible();
    // performance.now() counts from the navigation's start.
    await page.addInitScript(() => {
      const shown: { heading?: number; history?: number } = {};
      window.shown = shown;
      new MutationObserver((_records, observer) => {
        if (shown.heading === undefined && document.querySelector('main h1')?.textContent) {
          shown.heading = performance.now();
        }
        const table = document.querySelector('table[aria-labelledby]');
        const label = table && document.getElementById(table.getAttribute('aria-labelledby')!);
        if (label?.textContent === 'Failure history' && table!.querySelector('tbody tr')) {
          shown.history = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const runs: { heading: number; history: number; requests: string[] }[] = [];
    for (let run = 0; run < 7; run += 1) {
      const paths: string[] = [];
      const onRequest = (req: { url: () => string }) => paths.push(new URL(req.url()).pathname);
      page.on('request', onRequest);
      await page.goto(`/integrations/${COLD_CHAIN}`);
      await expect(history(page)).toBeVisible();
      const shown = await page.evaluate(() => window.shown);
      page.off('request', onRequest);
      const requests = paths.filter((path) => path.startsWith('/management-api/'));
      runs.push({ heading: shown!.heading!, history: shown!.history!, requests });
      expect(requests.filter((path) => path === LOGS_PATH)).toHaveLength(1);
    }
    const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[3]!);
    const toHistory = median(runs.map((run) => run.history));
    const afterHeading = median(runs.map((run) => run.history - run.heading));
    console.log(
      `Failure history table visible ${toHistory} ms after navigation, ${afterHeading} ms after ` +
        `the page's heading at ${median(runs.map((run) => run.heading))} ms (medians of 7; ` +
        `history: ${runs.map((run) => Math.round(run.history)).join(', ')} ms); API requests per ` +
        `load: ${runs.map((run) => run.requests.length).join(', ')} (${runs[0]!.requests.join(', ')})`,
    );
    expect(toHistory).toBeLessThan(5000);
    // The budget: the history follows the page it sits on within 1.5 s (one request, one page).
    expect(afterHeading).toBeLessThan(1500);
  },
);
