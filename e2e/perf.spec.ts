import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import {
  expect,
  test,
  CLOUDS as LIST_PATH,
  UPSTREAM,
  apiToken,
  letTimePass,
  resetUpstream,
  signIn,
} from './fixtures';

// Performance budgets (thresholds: budgets.json). The live list's byte budgets are gated once,
// by bench:bytes (scripts/bench-load.js), as served; this spec checks which chunks load.
const budgets = JSON.parse(readFileSync(new URL('../budgets.json', import.meta.url), 'utf8')) as {
  interaction: { maxInputToPaintMs: number; headerRows: number; typedCharacters: number };
  list500: { webhooks: number; pageSize: number; maxPageChangeMs: number; maxLongTaskMs: number };
};

// Chunks of the form, its Preview and the demo backend: on demand only, never for the list.
// Each pattern must name a chunk of the build (the test checks), or a renamed chunk would pass.
// Rolldown names a shared chunk after one of its modules (the Preview panel's was reveal-*, now
// device-picker-slot-*), so such a name moves when the modules do: the check says when.
const ON_DEMAND = [
  /^webhook-form-/,
  /^new-webhook-page-/,
  /^edit-webhook-page-/,
  /^device-picker-slot-/, // the Preview panel
  /^preview-panel-/,
  // zod's full API, the Preview's scenarios and sample bodies (src/placeholders/preview.ts):
  // the form's and the demo's (scripts/first-load-chunks.js)
  /^model-/,
  /^demo-/,
  // Tooltip, Popover and the like position with it; the list's Table must not pull it in
  // (vite.config.ts gives Mantine's ScrollArea another useMergeRefs).
  /^floating-ui/,
];
const BUILT = readdirSync(new URL('../dist/assets/', import.meta.url)).filter((file) =>
  file.endsWith('.js'),
);

declare global {
  interface Window {
    perf?: {
      events: { name: string; duration: number }[];
      longTasks: number[];
      mark?: number;
      shownAt?: number;
    };
  }
}

// Tracing records a screencast, which pulls frames from the compositor and so skews the very
// input-to-paint and long-task timings measured here; the printed figures explain a failure.
test.use({ trace: 'off' });

test.beforeEach(async ({ request }) => {
  await resetUpstream(request);
});

test.afterAll(async ({ request }) => {
  await resetUpstream(request);
});

/**
 * Until no request has started for 500 ms: what is fetched once a page shows (prefetching, idle
 * loading) is counted with it.
 */
async function untilQuiet(requested: string[]) {
  let seen = -1;
  await expect
    .poll(
      () => {
        const quiet = requested.length === seen;
        seen = requested.length;
        return quiet;
      },
      { intervals: [500] },
    )
    .toBe(true);
}

/** Records every /assets/*.js the page receives, with its gzip size; and every request path. */
function recordScripts(page: Page) {
  const scripts = new Map<string, Promise<number>>();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (!/^\/assets\/.+\.js$/.test(pathname) || scripts.has(pathname)) return;
    scripts.set(
      pathname,
      response.body().then((body) => gzipSync(body, { level: 9 }).length),
    );
  });
  return {
    requested,
    async sizes() {
      const entries = await Promise.all(
        [...scripts].map(
          async ([path, size]) => [path.slice('/assets/'.length), await size] as const,
        ),
      );
      return entries.sort((a, b) => b[1] - a[1]);
    },
    clear() {
      scripts.clear();
      requested.length = 0;
    },
  };
}

test('live list page: no demo, MSW or form code, signed out or in', async ({ page }) => {
  const scripts = recordScripts(page);
  await page.goto('/integrations?live');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signIn(page);
  await expect(page.getByRole('link', { name: 'Cold-chain alerts' })).toBeVisible();
  // Anything fetched once the list shows (prefetching, idle loading) counts as the list's too.
  await untilQuiet(scripts.requested);
  const journey = await scripts.sizes();
  const journeyRequests = [...scripts.requested];

  // The list page itself: a fresh load of /integrations by a signed-in tab (the session and the
  // mode live in sessionStorage), with the HTTP cache off so every script is fetched again.
  scripts.clear();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto('/integrations');
  await expect(page.getByRole('link', { name: 'Cold-chain alerts' })).toBeVisible();
  await untilQuiet(scripts.requested);
  const list = await scripts.sizes();

  for (const requested of [journeyRequests, scripts.requested]) {
    expect(
      requested.filter((path) =>
        /mockServiceWorker|demo-service-worker|\/assets\/demo-/.test(path),
      ),
    ).toEqual([]);
  }
  for (const pattern of ON_DEMAND) {
    expect(
      BUILT.filter((file) => pattern.test(file)),
      `a chunk in dist/assets/ matches ${pattern}`,
    ).not.toEqual([]);
  }
  for (const sizes of [journey, list]) {
    expect(
      sizes.map(([name]) => name).filter((name) => ON_DEMAND.some((pattern) => pattern.test(name))),
    ).toEqual([]);
    // Recorded at all: the list route's own chunk is among what was seen (a renamed chunk or a
    // filter that matches nothing would otherwise find no demo or form code in nothing).
    expect(sizes.map(([name]) => name).filter((name) => /^list-page-/.test(name))).not.toEqual([]);
  }
});

const nextFrames = (page: Page) =>
  page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );

/**
 * Up to 3 passes of typing `text` into `field`, with the Event Timing entries of each; stops at
 * the first in which every input painted within `limit` ms. A slow app fails them all, while one
 * scheduling hiccup of a busy 2-core machine does not.
 */
async function typingPasses(page: Page, field: Locator, text: string, limit: number) {
  const passes: { worst: number; events: { name: string; duration: number }[] }[] = [];
  while (passes.length < 3 && !passes.some((pass) => pass.worst < limit)) {
    await field.fill('');
    await field.focus();
    await nextFrames(page);
    await page.evaluate(() => {
      window.perf!.events = [];
      window.perf!.mark = performance.now();
    });
    await page.keyboard.type(text, { delay: 30 });
    await expect(field).toHaveValue(text);
    // Entries are reported after the paint that ends them: two frames, then a little more.
    await nextFrames(page);
    await letTimePass(page, 250);
    const events = await page.evaluate(() => window.perf?.events ?? []);
    passes.push({ events, worst: Math.max(0, ...events.map((event) => event.duration)) });
  }
  return passes;
}

test(
  'typing into the endpoint URL with 50 headers: every input paints within budget',
  { tag: '@timing' },
  async ({ page }) => {
    const { headerRows, typedCharacters, maxInputToPaintMs } = budgets.interaction;
    await page.goto('/integrations/new?demo');
    const url = page.getByLabel('Endpoint URL');
    await expect(url).toBeVisible();
    const addHeader = page.getByRole('button', { name: 'Add header' });
    for (let i = 0; i < headerRows; i += 1) await addHeader.click();
    const names = page.getByLabel('Header name', { exact: true });
    const values = page.getByLabel('Header value', { exact: true });
    await expect(names).toHaveCount(headerRows);
    for (let i = 0; i < headerRows; i += 1) {
      await names.nth(i).fill(`x-h-${i}`);
      await values.nth(i).fill(`:iccid:-${i}`);
    }

    await page.evaluate(() => {
      // duration = from the input event's timestamp to the next paint after its handlers ran.
      // buffered: true also replays older entries (filling the headers); the mark drops them.
      const perf: NonNullable<Window['perf']> = { events: [], longTasks: [], mark: Infinity };
      window.perf = perf;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.startTime < (perf.mark ?? Infinity)) continue;
          if (/^(?:keydown|keypress|keyup|beforeinput|input)$/.test(entry.name)) {
            perf.events.push({ name: entry.name, duration: entry.duration });
          }
        }
      }).observe({
        type: 'event',
        durationThreshold: 16,
        buffered: true,
      } as PerformanceObserverInit);
    });
    const text = 'https://hooks.example.com/1nce/:iccid:/'.padEnd(typedCharacters, 'x');

    // The observer must be seen to report, or a silent one (events under the threshold, an API
    // the browser lacks) would pass every pass: one keystroke slowed on purpose has to show up.
    await url.focus();
    await page.evaluate(() => {
      const slow = () => {
        const end = performance.now() + 60;
        while (performance.now() < end);
      };
      document.addEventListener('keydown', slow, { capture: true, once: true });
      window.perf!.mark = performance.now();
    });
    await page.keyboard.press('End');
    await nextFrames(page);
    await expect
      .poll(() =>
        page.evaluate(() =>
          Math.max(
            0,
            ...(window.perf?.events ?? [])
              .filter((e) => e.name === 'keydown')
              .map((e) => e.duration),
          ),
        ),
      )
      // Event Timing rounds durations to 8 ms.
      .toBeGreaterThanOrEqual(56);

    const passes = await typingPasses(page, url, text, maxInputToPaintMs);

    console.log(
      `Input to next paint, ${typedCharacters} characters typed with ${headerRows} headers ` +
        `(budget < ${maxInputToPaintMs} ms; events under 16 ms are not reported):\n` +
        passes
          .map(
            ({ worst, events }, index) =>
              `  pass ${index + 1}: worst ${worst} ms; ${events.length} events ≥ 16 ms` +
              (events.length
                ? ` (${events.map((e) => `${e.name} ${e.duration}`).join(', ')})`
                : ''),
          )
          .join('\n'),
    );
    expect(Math.min(...passes.map((p) => p.worst))).toBeLessThan(maxInputToPaintMs);
  },
);

test(
  '500 integrations: pages are fetched one at a time and paging stays responsive',
  { tag: '@timing' },
  async ({ page, request }) => {
    const { webhooks, pageSize, maxPageChangeMs, maxLongTaskMs } = budgets.list500;
    test.setTimeout(120_000);

    // Straight to the stand-in (not through the console's server), as a script would.
    const auth = { authorization: `Bearer ${await apiToken(request)}` };
    const list = async (pageNumber: number, size = pageSize) => {
      const response = await request.get(`${UPSTREAM}${LIST_PATH}`, {
        headers: auth,
        params: { page: pageNumber, pageSize: size },
      });
      return (await response.json()) as { pageAmount: number; items: { name: string }[] };
    };
    const seeded = (await list(1, 100)).items.length;
    const seeding = Date.now();
    // In batches: fast, without opening 500 sockets at once.
    for (let start = 0; start < webhooks; start += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, webhooks - start) }, async (_, offset) => {
          const n = start + offset;
          const created = await request.post(`${UPSTREAM}${LIST_PATH}/webhooks`, {
            headers: auth,
            data: {
              name: `Load test ${String(n).padStart(3, '0')}`,
              url: `https://load-${n}.example.com/hook`,
              headers: {},
              eventTypes: [{ type: 'LIFECYCLE' }],
            },
          });
          expect(created.status(), await created.text()).toBeLessThan(300);
        }),
      );
    }
    const seededMs = Date.now() - seeding;

    // 52 with the demo's 14 seeded integrations.
    const { pageAmount } = await list(1);
    expect(pageAmount).toBe(Math.ceil((seeded + webhooks) / pageSize));

    const listRequests: URL[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.pathname === LIST_PATH) listRequests.push(url);
    });

    await page.goto('/integrations?live');
    await signIn(page);
    await expect(page.getByText(`Page 1 of ${pageAmount}`)).toBeVisible();

    await page.evaluate(() => {
      const perf: NonNullable<Window['perf']> = { events: [], longTasks: [] };
      window.perf = perf;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) perf.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      // A task made long on purpose, so the observer is seen to report before it is trusted to
      // have found none while paging.
      setTimeout(() => {
        const end = performance.now() + 80;
        while (performance.now() < end);
      });
    });
    await expect
      .poll(() => page.evaluate(() => Math.max(0, ...(window.perf?.longTasks ?? []))))
      .toBeGreaterThanOrEqual(80);
    await page.evaluate(() => (window.perf!.longTasks = []));

    /** ms from the action to the page's first row being in the DOM (before its paint). */
    async function timePageChange(pageNumber: number, act: () => Promise<void>) {
      // What the page should show, asked of the API directly.
      const name = (await list(pageNumber)).items[0]?.name ?? '';
      await page.evaluate((rowName) => {
        const perf = window.perf!;
        perf.mark = undefined;
        perf.shownAt = undefined;
        document.addEventListener('click', () => (perf.mark ??= performance.now()), {
          capture: true,
          once: true,
        });
        const observer = new MutationObserver(() => {
          if (![...document.querySelectorAll('tbody a')].some((a) => a.textContent === rowName)) {
            return;
          }
          observer.disconnect();
          perf.shownAt = performance.now();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }, name);
      await act();
      await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
      await expect(page.getByText(`Page ${pageNumber} of ${pageAmount}`)).toBeVisible();
      return page.evaluate(() => (window.perf?.shownAt ?? NaN) - (window.perf?.mark ?? NaN));
    }

    const timings: [string, number][] = [];
    // No page button for 40 shows from page 1 (1 2 3 4 5 … 52): the router is sent there the way
    // the browser's back/forward would, without reloading the page.
    timings.push([
      'jump 1 → 40 (history)',
      await timePageChange(40, () =>
        page.evaluate(() => {
          window.perf!.mark = performance.now();
          window.history.pushState(null, '', '/integrations?page=40');
          window.dispatchEvent(new PopStateEvent('popstate'));
        }),
      ),
    ]);
    timings.push([
      'click Next page 40 → 41',
      await timePageChange(41, () => page.getByRole('button', { name: 'Next page' }).click()),
    ]);
    timings.push([
      `click Page ${pageAmount} 41 → ${pageAmount}`,
      await timePageChange(pageAmount, () =>
        page.getByRole('button', { name: `Page ${pageAmount}`, exact: true }).click(),
      ),
    ]);
    timings.push([
      `click Page 1 ${pageAmount} → 1`,
      await timePageChange(1, () =>
        page.getByRole('button', { name: 'Page 1', exact: true }).click(),
      ),
    ]);
    const longTasks = await page.evaluate(() => window.perf?.longTasks ?? []);
    const longest = Math.max(0, ...longTasks);

    const pagesFetched = listRequests.map((url) => Number(url.searchParams.get('page')));
    console.log(
      [
        `${webhooks} webhooks created in ${seededMs} ms; list shows ${pageAmount} pages`,
        ...timings.map(([what, ms]) => `  ${what.padEnd(28)} ${ms.toFixed(0).padStart(5)} ms`),
        `  budget per page change       ${String(maxPageChangeMs).padStart(5)} ms`,
        `  long tasks while paging: ${longTasks.length}, longest ${longest.toFixed(0)} ms (budget ${maxLongTaskMs} ms)`,
        `  list requests: ${listRequests.map((url) => url.search).join(' ')}`,
      ].join('\n'),
    );

    // Paging, not fetching everything: every request asks for one page of the page size, only
    // pages that were shown (or a neighbour, should the list ever prefetch) are asked for.
    expect(listRequests.every((url) => url.searchParams.get('pageSize') === String(pageSize))).toBe(
      true,
    );
    const shown = [1, 40, 41, pageAmount];
    expect(pagesFetched.filter((n) => !shown.some((s) => Math.abs(s - n) <= 1))).toEqual([]);
    expect(new Set(pagesFetched).size).toBeLessThan(pageAmount / 4);
    for (const [what, ms] of timings) expect(ms, what).toBeLessThan(maxPageChangeMs);
    expect(longest).toBeLessThan(maxLongTaskMs);
  },
);
