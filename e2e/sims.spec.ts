import type { Page } from '@playwright/test';
import { expectNoViolations, inEachColourScheme } from './axe';
import { expectFieldErrorsExposed } from './field-errors';
import {
  expect,
  test,
  UPSTREAM,
  openIn,
  resetUpstream,
  upstreamRequests,
  type Mode,
} from './fixtures';

// "Use a real device" in the Preview, in demo mode (MSW in the tab) and in live mode (the
// production server proxying to the 1NCE API stand-in, which serves the same simulated fleet).

const TEMPLATE = 'https://hook.example.com/d/:iccid:/:imsi:?ip=:ip:';
// From the simulated fleet (src/mocks/sims.ts): the example device is "Cold-chain truck 12".
const EXAMPLE = { iccid: '8988228066612345678', imsi: '901405100012345', ip: '10.203.51.17' };
const PALLET = { iccid: '8988228066612345619', imsi: '901405100012286', ip: '10.203.50.84' };
const PALLET_LUHN = '89882280666123456190';
const METER = { iccid: '8988228066612345734', imsi: '901405100012401', ip: '10.203.51.89' };
const urlFor = (device: typeof EXAMPLE) =>
  `https://hook.example.com/d/${device.iccid}/${device.imsi}?ip=${device.ip}`;

test.beforeEach(async ({ request }) => {
  await resetUpstream(request);
});

async function openForm(page: Page, mode: Mode) {
  await openIn(page, mode, '/integrations/new');
  await page.getByLabel('Endpoint URL').fill(TEMPLATE);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByLabel('Final URL')).toHaveText(urlFor(EXAMPLE));
  return { preview, search: preview.getByRole('combobox', { name: 'Use a real device' }) };
}

// What reaches the stand-in while searching: in live mode through the console's server, exactly
// as the spec defines it; in demo mode nothing (the tab's MSW answers).
const bearer = (path: string) => ({ method: 'GET', path, authorization: 'Bearer' });
const SIM_REQUESTS: Record<Mode, object[]> = {
  demo: [],
  live: [
    bearer('/management-api/v1/sims?page=1&pageSize=100'),
    bearer('/management-api/v1/sims?page=2&pageSize=100'),
    bearer(`/management-api/v1/sims/${METER.iccid}`),
    bearer(`/management-api/v1/sims?q=ip_address%3A${EXAMPLE.ip}`),
    bearer(`/management-api/v1/sims/${PALLET.iccid}`),
  ],
};

for (const mode of ['demo', 'live'] as const) {
  test(`${mode}: search by label, ICCID and IP address, choose, and the Preview injects that SIM`, async ({
    page,
    request,
  }) => {
    const { preview, search } = await openForm(page, mode);
    await request.post(`${UPSTREAM}/__control/clear-requests`);

    await search.fill('pallet tracker 0417');
    const pallet = page.getByRole('option', { name: /^Pallet tracker 0417, / });
    await expect(pallet).toHaveAccessibleName(
      `Pallet tracker 0417, ICCID ${PALLET.iccid}, IP address ${PALLET.ip}, Enabled`,
    );
    // The fleet of 150 SIMs: two pages of 100.
    await expect(preview.getByText('1 SIM matches.')).toBeVisible();
    // Measured by the browser (Resource Timing): what filling the search cost.
    const fill = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => /\/v1\/sims\?page=/.test(entry.name))
        .map((entry) => ({
          search: new URL(entry.name).search,
          start: entry.startTime,
          end: (entry as PerformanceResourceTiming).responseEnd,
        })),
    );
    expect(fill.map((item) => item.search)).toEqual([
      '?page=1&pageSize=100',
      '?page=2&pageSize=100',
    ]);
    console.log(
      `${mode}: ${fill.length} requests filled the SIM search in ${Math.round(fill.at(-1)!.end - fill[0]!.start)} ms (${fill.map((item) => Math.round(item.end - item.start)).join(' + ')} ms each)`,
    );
    await pallet.click();
    await expect(preview.getByLabel('Final URL')).toHaveText(urlFor(PALLET));

    // A whole ICCID: one GET /v1/sims/{iccid}.
    await search.fill(METER.iccid);
    await page.getByRole('option', { name: /^Smart meter Altona-21, / }).click();
    await expect(preview.getByLabel('Final URL')).toHaveText(urlFor(METER));

    await search.fill(EXAMPLE.ip);
    await page.getByRole('option', { name: /^Cold-chain truck 12, / }).click();
    await expect(preview.getByLabel('Final URL')).toHaveText(urlFor(EXAMPLE));

    // The 20-digit form (with the Luhn check digit) is sent as the 19 digits.
    await search.fill(PALLET_LUHN);
    await page.getByRole('option', { name: /^Pallet tracker 0417, / }).click();
    await expect(preview.getByLabel('Final URL')).toHaveText(urlFor(PALLET));
    await preview.getByRole('button', { name: 'Use the example device' }).click();
    await expect(preview.getByLabel('Final URL')).toHaveText(urlFor(EXAMPLE));

    const log = await upstreamRequests(request);
    expect(log.filter((item) => item.path.includes('/v1/sims'))).toEqual(SIM_REQUESTS[mode]);
  });

  test(`${mode}: an unknown ICCID says so, and the Preview keeps its device`, async ({ page }) => {
    const { preview, search } = await openForm(page, mode);
    await search.fill('8988228066600000000');
    await expect(search).toHaveAttribute('aria-invalid', 'true');
    await expect(search).toHaveAccessibleDescription(/No SIM with ICCID 8988228066600000000\./);
    await expectFieldErrorsExposed(page);
    await expect(preview.getByLabel('Final URL')).toHaveText(urlFor(EXAMPLE));
  });
}

test('live: an API user that may not read SIMs (403) keeps the example device', async ({
  page,
  request,
}) => {
  const { preview, search } = await openForm(page, 'live');
  await request.post(`${UPSTREAM}/__control/fail-next`, {
    data: { status: 403, path: '/v1/sims' },
  });
  await search.fill('truck');
  await expect(
    preview.getByText('Your API user may not read SIMs, so the Preview keeps its device.'),
  ).toBeVisible();
  await expect(page.getByRole('option')).toHaveCount(0);
  await expect(preview.getByLabel('Final URL')).toHaveText(urlFor(EXAMPLE));
});

test('live: a 429 is waited out as Retry-After says, then the search goes on', async ({
  page,
  request,
}) => {
  const { preview, search } = await openForm(page, 'live');
  await request.post(`${UPSTREAM}/__control/fail-next`, {
    data: { status: 429, headers: { 'retry-after': '2' }, path: '/v1/sims' },
  });
  await search.fill('truck 12');
  await expect(
    preview.getByText('1NCE asked to wait 2 s (too many requests); the search goes on by itself.'),
  ).toBeVisible();
  await page.getByRole('option', { name: /^Cold-chain truck 12, / }).click();
  await expect(preview.getByLabel('Final URL')).toHaveText(urlFor(EXAMPLE));
});

test('axe (light and dark): the open list of SIMs, a Disabled one, and an error', async ({
  page,
}) => {
  const { preview, search } = await openForm(page, 'demo');
  await search.fill('water level gauge elbe');
  await expect(page.getByRole('option', { name: /, Disabled$/ }).first()).toBeVisible();
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await inEachColourScheme(page, async () => {
    await expect(page.getByRole('option', { name: /, Disabled$/ }).first()).toBeVisible();
    await expectNoViolations(page);
  });

  await search.fill('89882280666123456180');
  await expect(preview.getByText('is not the check digit')).toBeVisible();
  await inEachColourScheme(page, () => expectNoViolations(page));
});
