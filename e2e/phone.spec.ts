import type { Locator, Page } from '@playwright/test';
import { expectNoViolations, inEachColourScheme } from './axe';
import { expect, test, COLD_CHAIN as FAILED_ID, openIn, resetUpstream } from './fixtures';

// A phone (390 × 844) in both colour schemes (switched in one load) and both modes: nothing
// scrolls sideways, nothing that matters is off-screen or cut off, and axe finds nothing.

const SCENARIOS = [
  ['Device event', 'carry the device’s ICCID, IMSI and IP'],
  ['Event without device', 'every placeholder becomes “none”'],
  ['Test or Restart message', 'Test and Restart send a TEST_MESSAGE'],
] as const;
// Long enough that a warning quoting it cannot fit a phone's line.
const LONG_URL =
  'https://hooks example.com/receivers/averyveryverylongpathsegmentwithoutanybreaks/and/more?iccid=:iccid:';

test.use({ viewport: { width: 390, height: 844 } });

async function openPage(page: Page, mode: 'demo' | 'live', path: string) {
  if (mode === 'demo') {
    await page.goto(`${path}${path.includes('?') ? '&' : '?'}demo`);
    await expect(page.getByText('Demo mode')).toBeVisible();
    return;
  }
  await resetUpstream(page.request);
  await openIn(page, 'live', path);
  await expect(page.getByText(/^Live/)).toBeVisible();
}

async function expectNoSideScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `the page is ${scrollWidth} px wide`).toBeLessThanOrEqual(innerWidth);
}

/**
 * Visible, whole, inside the viewport's width, and not hidden by an ancestor that clips it:
 * the element itself is what is hit at its centre.
 */
async function expectFullyShown(locator: Locator) {
  await expect(locator).toBeVisible();
  const report = await locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const problems: string[] = [];
    if (box.left < 0 || box.right > window.innerWidth + 0.5) {
      problems.push(`spans x ${box.left}–${box.right} of ${window.innerWidth}`);
    }
    if (element.scrollWidth > element.clientWidth + 1) {
      problems.push(`content ${element.scrollWidth} px in ${element.clientWidth} px`);
    }
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === 'visible') continue;
      const clip = parent.getBoundingClientRect();
      if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) {
        problems.push(`cut off by ${parent.tagName}.${parent.className.split(' ')[0]}`);
        break;
      }
    }
    return problems;
  });
  expect(report, `${locator}`).toEqual([]);
}

async function attachScreenshot(page: Page, name: string) {
  await test.info().attach(name, {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
}

for (const mode of ['demo', 'live'] as const) {
  test.describe(`phone, ${mode} mode, light and dark`, () => {
    test('the list shows every name and state without scrolling sideways', async ({ page }) => {
      await openPage(page, mode, '/integrations');
      await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
      const rows = page.getByRole('row').filter({ has: page.getByRole('link') });
      await expect(rows).toHaveCount(10);
      await inEachColourScheme(page, async (scheme) => {
        await expectNoSideScroll(page);
        for (const row of await rows.all()) {
          await expectFullyShown(row.getByRole('link'));
          await expectFullyShown(row.locator('.mantine-Badge-root'));
        }
        const failed = rows.filter({ hasText: 'Cold-chain alerts' });
        await expectFullyShown(failed.getByText('Failed', { exact: true }));
        await expectFullyShown(
          page
            .getByRole('banner')
            .getByRole('button', { name: /Demo|Sign out/ })
            .first(),
        );
        await expectNoViolations(page);
        await attachScreenshot(page, `list-${mode}-${scheme}`);
      });
    });

    test('the create form and its Preview: every scenario and warning fits', async ({ page }) => {
      await openPage(page, mode, '/integrations/new');
      await expect(page.getByRole('heading', { name: 'New webhook', level: 1 })).toBeVisible();
      await page.getByLabel('Endpoint URL').fill(LONG_URL);
      const preview = page.getByRole('region', { name: 'Preview' });
      const warnings = preview.getByRole('alert').filter({ hasText: 'Check before saving' });
      await expect(warnings).toContainText('After injection this is not a valid');
      const scenarios = preview.getByRole('radiogroup', { name: 'Scenario' });
      // Each round ends on "Device event", where the page starts.
      await inEachColourScheme(page, async (scheme) => {
        await expectNoSideScroll(page);
        for (const item of await warnings.getByRole('listitem').all()) {
          await expectFullyShown(item);
        }
        for (const [name] of SCENARIOS) {
          await expectFullyShown(scenarios.getByText(name, { exact: true }));
        }
        // "Test or Restart message" first: the one a phone used to cut off.
        for (const [name, explanation] of [...SCENARIOS].reverse()) {
          await scenarios.getByText(name, { exact: true }).click();
          await expect(scenarios.getByRole('radio', { name })).toBeChecked();
          await expect(preview).toContainText(explanation);
        }
        await expectNoSideScroll(page);
        await expectNoViolations(page);
        await attachScreenshot(page, `form-${mode}-${scheme}`);
      });
    });

    test('the detail page of a Failed webhook', async ({ page }) => {
      await openPage(page, mode, `/integrations/${FAILED_ID}`);
      await expect(
        page.getByRole('heading', { name: 'Cold-chain alerts', level: 1 }),
      ).toBeVisible();
      await expect(page.getByText('Delivery stopped')).toBeVisible();
      await inEachColourScheme(page, async (scheme) => {
        await expectNoSideScroll(page);
        await expectFullyShown(page.getByRole('main').getByText('Failed', { exact: true }).first());
        for (const name of ['Test', 'Restart', 'Edit', 'Delete']) {
          await expectFullyShown(
            page
              .getByRole('main')
              .getByRole(name === 'Edit' ? 'link' : 'button', { name, exact: true }),
          );
        }
        const scenarios = page.getByRole('radiogroup', { name: 'Scenario' });
        for (const [name] of SCENARIOS) {
          await expectFullyShown(scenarios.getByText(name, { exact: true }));
        }
        await expectNoViolations(page);
        await attachScreenshot(page, `detail-${mode}-${scheme}`);
      });
    });
  });
}

for (const mode of ['demo', 'live'] as const) {
  test(`${mode}: Event coverage scrolls its table in its own box, the header stays in view`, async ({
    page,
  }) => {
    await openPage(page, mode, '/coverage');
    const table = page.getByRole('region', { name: 'Event coverage table' });
    await expect(table.getByRole('rowheader', { name: /Warehouse sensors/ })).toBeVisible();
    // scrollingElement: what the user scrolls; every one of the 56 visually hidden
    // "Subscribed" words included.
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, `the page is ${scrollWidth} px wide`).toBeLessThanOrEqual(innerWidth);
    // "Sign in to 1NCE" and "Demo controls" in the demo, "Sign out" live.
    const controls = page
      .getByRole('banner')
      .getByRole('button')
      .or(page.getByRole('banner').getByRole('link'));
    await expect(controls.first()).toBeVisible();
    for (const control of await controls.all()) await expectFullyShown(control);
    // The table scrolls inside its box; each column's header can be read whole in it.
    expect(await table.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    for (const name of ['Telemetry data', 'Lifecycle', 'Error', 'Geofence', 'Location']) {
      const header = table.getByRole('columnheader', { name, exact: true });
      await header.scrollIntoViewIfNeeded();
      await expectFullyShown(header);
    }
    await expectNoViolations(page);
    await attachScreenshot(page, `coverage-${mode}`);
  });
}

/** Recent failures' lines: folded behind a button on a phone, shown on a desktop. */
const showRecentFailures = {
  phone: async (region: Locator, line: Locator) => {
    await expect(line).toBeHidden();
    await region.getByRole('button', { name: 'Show all 3' }).click();
  },
  desktop: async (region: Locator) => {
    await expect(region.getByRole('button', { name: /^Show all/ })).toBeHidden();
  },
};

for (const [size, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  test(`${size}: the list's first row is on the first screen, below Recent failures`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openPage(page, 'demo', '/integrations');
    const region = page.getByRole('region', { name: 'Recent failures' });
    await expect(region).toBeVisible();
    const firstRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('link') })
      .first();
    await expect(firstRow).toBeVisible();
    // Whole, without scrolling, once Restart all failed (shown after the data) is in.
    await expect(page.getByRole('button', { name: 'Restart all failed' })).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const box = (await firstRow.boundingBox())!;
    expect(box.y + box.height, 'bottom of the first row').toBeLessThanOrEqual(viewport.height);
    await expect(region).toContainText('1 still Failed');
    const line = region.getByRole('listitem').filter({ hasText: 'Cold-chain alerts' });
    await showRecentFailures[size](region, line);
    await expect(line).toContainText('Failed now');
    await expectFullyShown(line.getByRole('link', { name: 'Failure history' }));
    await expectNoSideScroll(page);
    await attachScreenshot(page, `list-first-screen-${size}`);
  });
}

test('beside the form on a narrow desktop, every scenario label is whole', async ({ page }) => {
  // The panel is narrowest just above the width where it moves beside the form.
  await page.setViewportSize({ width: 1200, height: 860 });
  await openPage(page, 'demo', '/integrations/new');
  const scenarios = page.getByRole('radiogroup', { name: 'Scenario' });
  for (const [name] of SCENARIOS) {
    await expectFullyShown(scenarios.getByText(name, { exact: true }));
  }
});

test('"Sign in to 1NCE" is in the phone header in demo mode and opens the sign-in page', async ({
  page,
}) => {
  await openPage(page, 'demo', '/integrations');
  const signIn = page.getByRole('banner').getByRole('link', { name: 'Sign in to 1NCE' });
  await expectFullyShown(signIn);
  await expectFullyShown(page.getByRole('banner').getByRole('button', { name: 'Demo controls' }));
  await signIn.click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel('API username')).toBeVisible();
});

/** The toast must not cover the header: their boxes do not overlap. */
async function expectClearOfHeader(page: Page, toast: Locator) {
  const header = await page.getByRole('banner').boundingBox();
  const box = await toast.boundingBox();
  expect(header && box).toBeTruthy();
  expect(box!.y, 'toast top').toBeGreaterThanOrEqual(header!.y + header!.height);
}

/** Where the toast sits, beyond clear of the header. */
const toastPlaces = {
  // At the bottom, clear of the page's title too.
  phone: async (toast: Locator, viewport: { width: number; height: number }) => {
    const box = await toast.boundingBox();
    expect(box!.y + box!.height).toBeGreaterThan(viewport.height / 2);
  },
  desktop: async () => {},
};

for (const [size, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 860 }],
] as const) {
  test(`${size}: a toast names the trimmed name and leaves the header's controls free`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openPage(page, 'demo', '/integrations/new');
    await page.getByLabel('Integration name').fill('  Padded name  ');
    await page.getByLabel('Endpoint URL').fill('https://padded.example.com/hook');
    await page.getByRole('checkbox', { name: 'Lifecycle' }).check();
    await page.getByRole('button', { name: 'Create webhook' }).click();
    const toast = page.locator('.mantine-Notification-root');
    await expect(toast).toHaveText('Created “Padded name”');
    // Waits for the toast to settle and pauses its auto-close while it is measured.
    await toast.hover();
    await expectClearOfHeader(page, toast);
    await toastPlaces[size](toast, viewport);
    await expect(
      page.getByRole('banner').getByRole('button', { name: 'Demo controls' }),
    ).toBeVisible();
  });
}
