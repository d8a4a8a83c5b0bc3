import { expect, test } from './fixtures';

const DOCS_URL = 'https://www.your-endpoint.com/events?iccid=:iccid:&ip=:ip:&imsi=:imsi:';
const DOCS_DEVICE: [string, string][] = [
  ['ICCID', '1234567890123456789'],
  ['IMSI', '987654321098765'],
  ['IP address', '192.168.1.1'],
];
const DOCS_HEADERS: [string, string][] = [
  ['x-api-key', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
  ['x-device-imsi', ':imsi:'],
  ['x-device-iccid', ':iccid:'],
  ['x-device-ip', ':ip:'],
];

test('the Preview injects placeholders exactly as the 1NCE docs show, and copies a redacted cURL', async ({
  page,
}) => {
  await page.goto('/integrations/new?demo');
  await page.getByLabel('Integration name').fill('webhook-name-1');
  await page.getByLabel('Endpoint URL').fill(DOCS_URL);
  for (const [index, [name, value]] of DOCS_HEADERS.entries()) {
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByLabel('Header name').nth(index).fill(name);
    await page.getByLabel('Header value').nth(index).fill(value);
  }
  await page.getByRole('checkbox', { name: 'Telemetry data' }).check();

  const preview = page.getByRole('region', { name: 'Preview' });
  // The docs' example device, typed in: the Preview starts from a realistic 1NCE one.
  for (const [label, value] of DOCS_DEVICE) await preview.getByLabel(label).fill(value);
  await expect(preview.getByLabel('Final URL')).toHaveText(
    'https://www.your-endpoint.com/events?iccid=1234567890123456789&ip=192.168.1.1&imsi=987654321098765',
  );
  await preview.getByRole('switch', { name: 'Show secret values' }).check();
  const headers = preview.getByRole('table', { name: 'Final headers' });
  const expected: [string, string][] = [
    ['x-api-key', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
    ['x-device-imsi', '987654321098765'],
    ['x-device-iccid', '1234567890123456789'],
    ['x-device-ip', '192.168.1.1'],
  ];
  for (const [name, value] of expected) {
    await expect(headers.getByRole('row', { name: new RegExp(`^${name} `) })).toHaveText(
      `${name}${value}`,
    );
  }
  await expect(preview.getByText(':ip: is the device’s address')).toBeVisible();

  await preview.getByText('Event without device', { exact: true }).click();
  await expect(preview.getByLabel('Final URL')).toHaveText(
    'https://www.your-endpoint.com/events?iccid=none&ip=none&imsi=none',
  );
  for (const name of ['x-device-imsi', 'x-device-iccid', 'x-device-ip']) {
    await expect(headers.getByRole('row', { name: new RegExp(`^${name} `) })).toHaveText(
      `${name}none`,
    );
  }

  await preview.getByText('Device event', { exact: true }).click();
  await preview.getByRole('button', { name: 'Copy as cURL' }).click();
  await expect(preview.getByText('secret values replaced by <redacted>')).toBeVisible();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toContain(
    "curl -X POST 'https://www.your-endpoint.com/events?iccid=1234567890123456789&ip=192.168.1.1&imsi=987654321098765'",
  );
  expect(clipboard).toContain("-H 'x-api-key: <redacted>'");
  expect(clipboard).toContain("-H 'x-device-imsi: 987654321098765'");
  expect(clipboard).not.toContain('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  expect(clipboard).toContain('"type": "TELEMETRY_DATA"');
});

test('the detail page previews the saved definition, with Test messages resolving to none', async ({
  page,
}) => {
  await page.goto('/integrations/Jv2cS-pPcy0NdtQ64ycZJ?demo');
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByLabel('Final URL')).toHaveText(
    'https://ingest.fleetwise.example.com/1nce/devices/8988228066612345678/telemetry',
  );
  await preview.getByText('Test or Restart message', { exact: true }).click();
  await expect(preview.getByLabel('Final URL')).toHaveText(
    'https://ingest.fleetwise.example.com/1nce/devices/none/telemetry',
  );
  await expect(preview.getByRole('tab', { name: 'Test message' })).toBeVisible();
});

for (const [size, viewport] of [
  ['desktop', { width: 1280, height: 860 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`the example device is a 1NCE-like SIM, its ICCID shown whole (${size})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    for (const path of ['/integrations/new?demo', '/integrations/Jv2cS-pPcy0NdtQ64ycZJ?demo']) {
      await page.goto(path);
      const preview = page.getByRole('region', { name: 'Preview' });
      const iccid = preview.getByLabel('ICCID');
      await expect(iccid).toHaveValue('8988228066612345678');
      await expect(preview.getByLabel('IMSI')).toHaveValue('901405100012345');
      await expect(preview.getByLabel('IP address')).toHaveValue('10.203.51.17');
      const overflow = await iccid.evaluate((input) => input.scrollWidth - input.clientWidth);
      expect(overflow, `ICCID cut off on ${path}`).toBeLessThanOrEqual(0);
    }
  });
}
