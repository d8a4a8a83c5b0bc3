import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { expectFieldErrorsExposed } from './field-errors';
import {
  expect,
  test,
  CLOUDS as API,
  FLEET,
  UPSTREAM,
  UPSTREAM_HOST,
  apiToken,
  demoOnNetwork,
  openIn,
  resetUpstream,
  upstreamRequests,
} from './fixtures';

// Issue 10: Export, and Import with a plan, in both modes; read back from the backend itself.
const OPS_URL = 'https://hooks.opsgenie.example.net/v2/1nce-integrations';
const REDACTED = '<redacted>';

interface Webhook {
  id: string;
  name: string;
  type: string;
  url?: string;
  headers?: Record<string, string>;
  jsonPayloadEnabled?: boolean;
}
interface ExportFile {
  format: string;
  source: string;
  webhooks: { name: string; headers: Record<string, string> }[];
  aws: { name: string }[];
}

const token = apiToken;

/** Every integration's detail as the backend holds it: MSW inside the tab, or the stand-in. */
async function readBack(page: Page, request: APIRequestContext, live: boolean): Promise<Webhook[]> {
  if (!live) {
    return page.evaluate(async (api) => {
      const list = (await (await fetch(`${api}?pageSize=100`)).json()) as {
        items: { id: string }[];
      };
      return Promise.all(list.items.map(async ({ id }) => (await fetch(`${api}/${id}`)).json()));
    }, API);
  }
  const headers = { authorization: `Bearer ${await token(request)}` };
  const list = (await (
    await request.get(`${UPSTREAM}${API}?pageSize=100`, { headers })
  ).json()) as {
    items: { id: string }[];
  };
  return Promise.all(
    list.items.map(async ({ id }) =>
      (await request.get(`${UPSTREAM}${API}/${id}`, { headers })).json(),
    ),
  );
}

/** The list, loaded; in the demo, with its requests on the network, where the tests watch them. */
async function open(page: Page, live: boolean, shown = 'Fleet telemetry') {
  await openIn(page, live ? 'live' : 'demo');
  await expect(page.getByRole('link', { name: shown })).toBeVisible();
  if (!live) await demoOnNetwork(page);
}

async function exportFile(page: Page): Promise<{ name: string; file: ExportFile }> {
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export webhooks' });
  await expect(dialog.getByText(/\d+ webhooks? .*to export\./)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  await expect(dialog.getByText(/written to integrator-console-webhooks-/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as ExportFile;
  return { name: download.suggestedFilename(), file };
}

async function importFile(page: Page, content: string, name = 'export.json') {
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import webhooks' });
  await dialog.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  });
  return dialog;
}

const crafted = (fleetUrl: string) =>
  JSON.stringify({
    format: 'integrator-console/webhooks',
    version: 1,
    exportedAt: '2026-12-01T00:00:00.000Z',
    source: 'staging',
    webhooks: [
      {
        name: 'Imported A',
        url: 'https://a.example.com/hook',
        headers: { 'x-api-key': 'a-key' },
        eventTypes: [{ type: 'ERROR' }],
        jsonPayloadEnabled: true,
      },
      { name: 'Imported clash', url: OPS_URL, headers: {}, eventTypes: [{ type: 'ERROR' }] },
      {
        name: 'Fleet telemetry',
        url: fleetUrl,
        headers: { 'x-api-key': REDACTED, 'x-device-imsi': ':imsi:', 'x-new': '1' },
        eventTypes: [{ type: 'TELEMETRY_DATA' }, { type: 'LIFECYCLE' }],
        jsonPayloadEnabled: false,
      },
      {
        name: 'Insecure',
        url: 'http://plain.example.com',
        headers: {},
        eventTypes: [{ type: 'ERROR' }],
      },
      {
        name: 'Needs secret',
        url: 'https://s.example.com',
        headers: { authorization: REDACTED },
        eventTypes: [{ type: 'ERROR' }],
      },
    ],
  });

test.beforeEach(async ({ request }) => {
  await resetUpstream(request);
});

for (const live of [false, true]) {
  const mode = live ? 'live' : 'demo';

  test(`${mode}: export every webhook, then a re-import changes nothing`, async ({
    page,
    request,
  }) => {
    await open(page, live);
    const { name, file } = await exportFile(page);
    expect(name).toMatch(/^integrator-console-webhooks-\d{4}-\d\d-\d\d\.json$/);
    expect(file.format).toBe('integrator-console/webhooks');
    expect(file.source).toBe(live ? UPSTREAM_HOST : 'demo');
    const stored = await readBack(page, request, live);
    const webhooks = stored.filter((item) => item.type === 'WEBHOOK');
    expect(file.webhooks.map((entry) => entry.name).sort()).toEqual(
      webhooks.map((item) => item.name).sort(),
    );
    expect(file.aws.map((entry) => entry.name)).toEqual(['IoT Core eu-central-1']);
    expect(
      file.webhooks.find((entry) => entry.name === 'Fleet telemetry')!.headers['x-api-key'],
    ).toBe(REDACTED);

    const dialog = await importFile(page, JSON.stringify(file));
    await expect(dialog.getByText(`${webhooks.length} unchanged`)).toBeVisible();
    await expect(dialog.getByText('0 to create')).toBeVisible();
    await expect(dialog.getByText('0 to update')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Nothing to apply' })).toBeDisabled();
  });

  test(`${mode}: a file with every category, applied and read back`, async ({ page, request }) => {
    await open(page, live);
    const before = await readBack(page, request, live);
    const fleetBefore = before.find((item) => item.id === FLEET)!;
    const content = crafted('https://ingest.fleetwise.example.com/v2');
    const dialog = await importFile(page, content, 'staging.json');
    for (const count of ['2 to create', '1 to update', '2 invalid']) {
      await expect(dialog.getByText(count, { exact: true })).toBeVisible();
    }
    await expect(dialog.getByRole('group', { name: 'Fleet telemetry' })).toContainText(
      'Header x-new: (none) → 1',
    );
    await expect(dialog.getByRole('group', { name: 'Insecure' })).toContainText(
      '1NCE only delivers to https:// endpoints',
    );
    await expect(dialog.getByRole('group', { name: 'Needs secret' })).toContainText(
      'enter the secret value',
    );

    await dialog.getByRole('button', { name: 'Apply 3 changes' }).click();
    await expect(dialog.getByText('2 applied, 1 failed.')).toBeVisible();
    await expect(dialog.getByRole('group', { name: 'Imported clash' })).toContainText(
      'Another integration already uses this URL',
    );

    const after = await readBack(page, request, live);
    expect(after.find((item) => item.id === FLEET)).toMatchObject({
      url: 'https://ingest.fleetwise.example.com/v2',
      headers: { ...fleetBefore.headers, 'x-new': '1' },
    });
    expect(after.find((item) => item.name === 'Imported A')).toMatchObject({
      url: 'https://a.example.com/hook',
      headers: { 'x-api-key': 'a-key' },
      jsonPayloadEnabled: true,
    });
    expect(after.filter((item) => item.name === 'Imported clash')).toEqual([]);
    expect(after).toHaveLength(before.length + 1);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(page.getByRole('link', { name: 'Imported A' })).toBeVisible();

    const again = await importFile(page, content, 'staging.json');
    for (const count of ['1 to create', '0 to update', '2 unchanged', '2 invalid']) {
      await expect(again.getByText(count, { exact: true })).toBeVisible();
    }
  });

  test(`${mode}: a malformed file is refused, naming the problem`, async ({ page }) => {
    await open(page, live);
    const writes: string[] = [];
    page.on('request', (sent) => {
      if (sent.method() !== 'GET') writes.push(`${sent.method()} ${sent.url()}`);
    });
    const dialog = await importFile(
      page,
      '{"format": "integrator-console/webhooks", "webhooks": [',
      'broken.json',
    );
    await expect(dialog.getByText(/This file is not JSON/)).toBeVisible();
    await expectFieldErrorsExposed(dialog);
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ endpoints: [] })),
    });
    await expect(
      dialog.getByText('This is not an Integrator Console export (format)'),
    ).toBeVisible();
    await expectFieldErrorsExposed(dialog);
    await expect(dialog.getByRole('button', { name: /Apply/ })).toBeDisabled();
    expect(writes.filter((write) => write.includes('/management-api/v1/'))).toEqual([]);
  });
}

test('live: export 100 webhooks (measured)', async ({ page, request }) => {
  const headers = { authorization: `Bearer ${await token(request)}` };
  const existing = (await readBack(page, request, true)).filter((item) => item.type === 'WEBHOOK');
  for (let index = existing.length; index < 100; index++) {
    const created = await request.post(`${UPSTREAM}${API}/webhooks`, {
      headers,
      data: {
        name: `Bulk ${index}`,
        url: `https://bulk.example.com/${index}`,
        headers: {},
        eventTypes: [{ type: 'ERROR' }],
      },
    });
    expect(created.status()).toBe(201);
  }
  // Newest first: the seed is on later pages now.
  await open(page, true, 'Bulk 99');
  await request.post(`${UPSTREAM}/__control/clear-requests`);
  const opened = Date.now();
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export webhooks' });
  await expect(dialog.getByText('100 webhooks and 1 AWS integration to export.')).toBeVisible();
  const started = Date.now();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  const elapsed = Date.now() - started;
  const total = Date.now() - opened;
  const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as ExportFile;
  expect(file.webhooks).toHaveLength(100);
  const log = await upstreamRequests(request);
  const lists = log.filter((entry) => /\/clouds(\?|$)/.test(entry.path)).length;
  const details = log.filter(
    (entry) => /\/clouds\/[^/?]+$/.test(entry.path) && !entry.path.endsWith('/eventTypes'),
  ).length;
  console.info(
    `Export of 100 webhooks: ${lists} list requests, ${details} detail requests; Download → file ${elapsed} ms, Export click → file ${total} ms (incl. listing)`,
  );
  expect(details).toBe(100);
});
