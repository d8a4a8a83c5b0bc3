import { screen, waitFor, within } from '@testing-library/react';
import { db } from '@/mocks/db';
import { renderApp } from '@/test/render';
import { recordRequests, said, type SentRequest } from '@/test/requests';
import { REDACTED, type TransferFile } from '@/transfer/format';

const FLEET = 'Jv2cS-pPcy0NdtQ64ycZJ';
const PORTAL = 'pQ2wE4rT6yU8iO0aS_dFg';
const OPS_URL = 'https://hooks.opsgenie.example.net/v2/1nce-integrations';

/** What the console sent that changes something. */
const writes = (sent: readonly SentRequest[]) =>
  sent.filter((request) => request.method !== 'GET').map(said);

/** The downloads the page starts, read back as text. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    names.push(this.download);
  });
  return {
    names,
    read: async (index = 0) => JSON.parse(await blobs[index]!.text()) as TransferFile,
  };
}

afterEach(() => vi.restoreAllMocks());

async function exportFile(user: ReturnType<typeof renderApp>['user'], includeSecrets = false) {
  await user.click(await screen.findByRole('button', { name: 'Export' }));
  const dialog = await screen.findByRole('dialog', { name: 'Export webhooks' });
  // The 14 seeded integrations: 13 webhooks and one AWS integration.
  expect(
    await within(dialog).findByText('13 webhooks and 1 AWS integration to export.'),
  ).toBeVisible();
  if (includeSecrets) {
    await user.click(within(dialog).getByRole('checkbox', { name: /Include secret values/ }));
    expect(within(dialog).getByText('The file will hold credentials')).toBeVisible();
  }
  await user.click(within(dialog).getByRole('button', { name: 'Download' }));
  expect(
    await within(dialog).findByText(
      new RegExp(
        `^13 webhooks written to integrator-console-webhooks-\\d{4}-\\d\\d-\\d\\d\\.json\\.$`,
      ),
    ),
  ).toBeVisible();
  await user.click(within(dialog).getByRole('button', { name: 'Close' }));
}

async function importFile(
  user: ReturnType<typeof renderApp>['user'],
  content: string,
  name = 'export.json',
) {
  await user.click(await screen.findByRole('button', { name: 'Import' }));
  const dialog = await screen.findByRole('dialog', { name: 'Import webhooks' });
  // Mantine's FileInput is a button; its <input type="file"> is hidden, with no role or label to
  // query by, and user.upload needs that input.
  // eslint-disable-next-line testing-library/no-node-access -- see above
  const input = dialog.querySelector<HTMLInputElement>('input[type="file"]')!;
  await user.upload(input, new File([content], name, { type: 'application/json' }));
  return dialog;
}

describe('Export and Import', () => {
  it('exports every webhook, secrets redacted, and a re-import changes nothing', async () => {
    const downloads = captureDownloads();
    const sent = recordRequests();
    const { user } = renderApp('/integrations');
    await exportFile(user);

    const file = await downloads.read();
    expect(downloads.names[0]).toMatch(/^integrator-console-webhooks-\d{4}-\d\d-\d\d\.json$/);
    expect(file).toMatchObject({
      format: 'integrator-console/webhooks',
      version: 1,
      source: 'demo',
    });
    expect(file.webhooks.map((entry) => entry.name).sort()).toEqual([
      'Asset tracker locations',
      'Cold-chain alerts',
      'Customer portal notifications',
      'Data lake archive',
      'Fleet telemetry',
      'Geofence alerts to Slack',
      'Legacy MES bridge',
      'Ops watchdog',
      'Parking sensors (JSON)',
      'Predictive maintenance',
      'SIM onboarding (CRM)',
      'Smart meter readings',
      'Warehouse sensors (staging)',
    ]);
    expect(file.aws).toEqual([{ name: 'IoT Core eu-central-1', eventTypes: expect.any(Array) }]);
    const fleet = file.webhooks.find((entry) => entry.name === 'Fleet telemetry')!;
    expect(fleet).toEqual({
      name: 'Fleet telemetry',
      url: 'https://ingest.fleetwise.example.com/1nce/devices/:iccid:/telemetry',
      headers: { 'x-api-key': REDACTED, 'x-device-imsi': ':imsi:' },
      eventTypes: [{ type: 'TELEMETRY_DATA' }, { type: 'LIFECYCLE' }],
      jsonPayloadEnabled: false,
    });

    const dialog = await importFile(user, JSON.stringify(file));
    expect(await within(dialog).findByText('13 unchanged')).toBeVisible();
    expect(within(dialog).getByText('0 to create')).toBeVisible();
    expect(within(dialog).getByText('0 to update')).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Nothing to apply' })).toBeDisabled();
    expect(writes(sent)).toEqual([]);
  });

  it('exports secret values when asked', async () => {
    const downloads = captureDownloads();
    const { user } = renderApp('/integrations');
    await exportFile(user, true);
    const file = await downloads.read();
    expect(file.webhooks.find((entry) => entry.name === 'Fleet telemetry')!.headers).toEqual(
      db.get(FLEET)!.headers,
    );
  });

  it('shows a plan with every category, applies it one request at a time and reads back the same', async () => {
    const sent = recordRequests();
    const portal = db.get(PORTAL)!;
    const content = JSON.stringify({
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
        // 1NCE allows one webhook per URL: this one's 409 must not stop the others.
        { name: 'Imported clash', url: OPS_URL, headers: {}, eventTypes: [{ type: 'ERROR' }] },
        {
          name: 'Fleet telemetry',
          url: 'https://ingest.fleetwise.example.com/v2',
          headers: { 'x-api-key': REDACTED, 'x-device-imsi': ':imsi:', 'x-new': '1' },
          eventTypes: [{ type: 'TELEMETRY_DATA' }, { type: 'LIFECYCLE' }],
          jsonPayloadEnabled: false,
        },
        {
          name: portal.name,
          url: portal.url,
          headers: Object.fromEntries(Object.keys(portal.headers!).map((key) => [key, REDACTED])),
          eventTypes: portal.eventTypes.map(({ type }) => ({ type })),
          jsonPayloadEnabled: portal.jsonPayloadEnabled,
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
    const { user } = renderApp('/integrations');
    const dialog = await importFile(user, content, 'staging.json');

    for (const count of ['2 to create', '1 to update', '1 unchanged', '2 invalid']) {
      expect(await within(dialog).findByText(count)).toBeVisible();
    }
    const update = within(dialog).getByRole('group', { name: 'Fleet telemetry' });
    expect(update).toHaveTextContent(
      'Endpoint URL: https://ingest.fleetwise.example.com/1nce/devices/:iccid:/telemetry → https://ingest.fleetwise.example.com/v2',
    );
    expect(update).toHaveTextContent('Header x-new: (none) → 1');
    // Event types by the names the rest of the console uses.
    expect(within(dialog).getByRole('group', { name: 'Imported A' })).toHaveTextContent(
      'https://a.example.com/hook · Error',
    );
    expect(dialog).not.toHaveTextContent(/TELEMETRY_DATA|\bERROR\b/);
    expect(dialog).not.toHaveTextContent('fw_live');
    expect(within(dialog).getByRole('group', { name: 'Insecure' })).toHaveTextContent(
      '1NCE only delivers to https:// endpoints',
    );
    expect(within(dialog).getByRole('group', { name: 'Needs secret' })).toHaveTextContent(
      'Header authorization: enter the secret value',
    );
    expect(writes(sent)).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Apply 3 changes' }));
    expect(await within(dialog).findByText('2 applied, 1 failed.')).toBeVisible();
    expect(within(dialog).getByRole('group', { name: 'Imported clash' })).toHaveTextContent(
      /Failed.*url: Another integration already uses this URL/,
    );

    expect(writes(sent)).toEqual([
      {
        method: 'PATCH',
        path: `/v1/integrate/clouds/webhooks/${FLEET}`,
        body: {
          url: 'https://ingest.fleetwise.example.com/v2',
          headers: {
            'x-api-key': 'fw_live_4Tq9ZkR2mXc8VbN1sLp7',
            'x-device-imsi': ':imsi:',
            'x-new': '1',
          },
        },
      },
      {
        method: 'POST',
        path: '/v1/integrate/clouds/webhooks',
        body: {
          name: 'Imported A',
          url: 'https://a.example.com/hook',
          headers: { 'x-api-key': 'a-key' },
          eventTypes: [{ type: 'ERROR' }],
          jsonPayloadEnabled: true,
        },
      },
      {
        method: 'POST',
        path: '/v1/integrate/clouds/webhooks',
        body: expect.objectContaining({ name: 'Imported clash' }),
      },
    ]);
    expect(db.get(FLEET)).toMatchObject({
      url: 'https://ingest.fleetwise.example.com/v2',
      headers: { 'x-api-key': 'fw_live_4Tq9ZkR2mXc8VbN1sLp7', 'x-new': '1' },
    });
    expect(db.list().find((item) => item.name === 'Imported A')).toMatchObject({
      url: 'https://a.example.com/hook',
      headers: { 'x-api-key': 'a-key' },
      jsonPayloadEnabled: true,
    });
    expect(db.list().some((item) => item.name === 'Imported clash')).toBe(false);
    expect(db.get(PORTAL)!.headers).toEqual(portal.headers);
    // The list shows the new webhook without a reload.
    expect(await screen.findByRole('link', { name: 'Imported A' })).toBeInTheDocument();

    // The same file again: what was applied is now unchanged.
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    const again = await importFile(user, content, 'staging.json');
    for (const count of ['1 to create', '0 to update', '3 unchanged', '2 invalid']) {
      expect(await within(again).findByText(count)).toBeVisible();
    }
  });

  it.each([
    ['not JSON', 'name,url\nA,https://a.example.com', /This file is not JSON/],
    [
      'another format',
      JSON.stringify({ endpoints: [] }),
      /This is not an Integrator Console export \(format\)/,
    ],
    [
      'a wrong field',
      JSON.stringify({
        format: 'integrator-console/webhooks',
        version: 1,
        exportedAt: '',
        source: '',
        webhooks: [{ name: 'x', url: 5, eventTypes: [] }],
      }),
      /webhooks\[0\]\.url: /,
    ],
  ])('refuses %s, naming the problem, and sends nothing', async (_, content, message) => {
    const sent = recordRequests();
    const { user } = renderApp('/integrations');
    const dialog = await importFile(user, content, 'bad.json');
    expect(await within(dialog).findByText(message)).toBeVisible();
    expect(within(dialog).getByRole('button', { name: /Apply/ })).toBeDisabled();
    await waitFor(() => expect(writes(sent)).toEqual([]));
  });
});
