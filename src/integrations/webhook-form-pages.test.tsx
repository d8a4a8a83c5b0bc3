import { screen, waitFor, within } from '@testing-library/react';
import { db } from '@/mocks/db';
import { renderApp } from '@/test/render';
import { recordRequests, said } from '@/test/requests';

const FLEET = 'Jv2cS-pPcy0NdtQ64ycZJ';

describe('NewWebhookPage', () => {
  it('creates a webhook with headers and event types and opens it', async () => {
    const { user, router } = renderApp('/integrations/new');
    await user.type(await screen.findByLabelText(/Integration name/), 'Unit webhook');
    await user.type(screen.getByLabelText(/Endpoint URL/), 'https://unit.example.com/hook');
    await user.click(screen.getByRole('button', { name: 'Add header' }));
    await user.type(screen.getByLabelText('Header name'), 'x-api-key');
    await user.type(screen.getByLabelText('Header value'), 'k1');
    await user.click(await screen.findByRole('checkbox', { name: /Telemetry data/ }));
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));

    expect(
      await screen.findByRole('heading', { name: 'Unit webhook', level: 1 }),
    ).toBeInTheDocument();
    const created = db.list().find((item) => item.name === 'Unit webhook');
    expect(created).toMatchObject({
      url: 'https://unit.example.com/hook',
      headers: { 'x-api-key': 'k1' },
      state: 'ROLLOUT_DONE',
    });
    expect(router.state.location.pathname).toBe(`/integrations/${created!.id}`);
  });

  it('shows the rules next to the fields before sending anything', async () => {
    const sent = recordRequests();
    const { user } = renderApp('/integrations/new');
    await user.type(await screen.findByLabelText(/Endpoint URL/), 'http://insecure.example.com');
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));

    // Each message at its own field, where a screen reader reads it with the field.
    await waitFor(() =>
      expect(screen.getByLabelText(/Integration name/)).toHaveAccessibleDescription(
        /Enter an integration name/,
      ),
    );
    expect(screen.getByLabelText(/Endpoint URL/)).toHaveAccessibleDescription(
      /1NCE only delivers to https:\/\/ endpoints/,
    );
    expect(screen.getByRole('group', { name: /Event types/ })).toHaveAccessibleDescription(
      /Choose at least one event type/,
    );
    // Shown above the buttons and announced, and focus is on the first field to fix.
    const form = screen.getByRole('form', { name: 'New webhook' });
    const summary = within(form)
      .getAllByRole('alert')
      .find((alert) => /Not saved: check/.test(alert.textContent ?? ''));
    expect(summary).toHaveTextContent(
      'Not saved: check these 3 fields: Integration name, Endpoint URL, Event types.',
    );
    expect(summary).toBeVisible();
    expect(screen.getByLabelText(/Integration name/)).toHaveFocus();
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(0);

    // It keeps up as the fields are fixed.
    await user.type(screen.getByLabelText(/Integration name/), 'Fixed');
    await waitFor(() =>
      expect(summary).toHaveTextContent(
        'Not saved: check these 2 fields: Endpoint URL, Event types.',
      ),
    );
  });

  it('puts a 409 next to the Endpoint URL and keeps everything typed', async () => {
    const { user, router } = renderApp('/integrations/new');
    await user.type(await screen.findByLabelText(/Integration name/), 'Duplicate URL');
    // The seeded "Cold-chain alerts" already uses this URL.
    await user.type(screen.getByLabelText(/Endpoint URL/), 'https://alerts.example.com/1nce');
    await user.click(screen.getByRole('button', { name: 'Add header' }));
    await user.type(screen.getByLabelText('Header name'), 'authorization');
    await user.type(screen.getByLabelText('Header value'), 'Bearer typed');
    await user.click(await screen.findByRole('checkbox', { name: /Lifecycle/ }));
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));

    const url = screen.getByLabelText(/Endpoint URL/);
    await waitFor(() => expect(url).toHaveAccessibleDescription(/already uses this Endpoint URL/));
    expect(url).toHaveValue('https://alerts.example.com/1nce');
    expect(screen.getByLabelText(/Integration name/)).toHaveValue('Duplicate URL');
    expect(screen.getByLabelText('Header value')).toHaveValue('Bearer typed');
    expect(screen.getByRole('checkbox', { name: /Lifecycle/ })).toBeChecked();
    expect(router.state.location.pathname).toBe('/integrations/new');
    expect(db.list().filter((item) => item.name === 'Duplicate URL')).toHaveLength(0);
  });
});

describe('EditWebhookPage', () => {
  it('sends only the fields that changed', async () => {
    const sent = recordRequests();
    const { user } = renderApp(`/integrations/${FLEET}/edit`);
    const name = await screen.findByLabelText('Integration name');
    expect(name).toHaveValue('Fleet telemetry');
    expect(name).toHaveAttribute('readonly');

    await user.click(await screen.findByRole('checkbox', { name: /Lifecycle/ }));
    await user.click(screen.getByRole('checkbox', { name: /Geofence/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(
      await screen.findByRole('heading', { name: 'Fleet telemetry', level: 1 }),
    ).toBeInTheDocument();
    // The toast, whose container loads with it (src/ui/notify.ts).
    expect(await screen.findByText('Saved changes to “Fleet telemetry”')).toBeInTheDocument();
    const patches = sent.filter((request) => request.method === 'PATCH');
    expect(patches.map(said)).toEqual([
      {
        method: 'PATCH',
        path: `/v1/integrate/clouds/webhooks/${FLEET}`,
        body: {
          eventTypes: [{ type: 'TELEMETRY_DATA', version: '1.0.0' }, { type: 'GEOFENCE' }],
        },
      },
    ]);
    const configuration = screen.getByRole('region', { name: 'Configuration' });
    expect(within(configuration).getByText(/Geofence/)).toBeInTheDocument();
    expect(within(configuration).queryByText(/Lifecycle/)).not.toBeInTheDocument();
  });

  it('sends no request when nothing changed', async () => {
    const sent = recordRequests();
    const { user } = renderApp(`/integrations/${FLEET}/edit`);
    await screen.findByLabelText('Integration name');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Nothing changed, so nothing was sent.')).toBeInTheDocument();
    expect(sent.filter((request) => request.method === 'PATCH')).toHaveLength(0);
  });

  it('sends a changed header value as the whole headers object', async () => {
    const sent = recordRequests();
    const { user } = renderApp(`/integrations/${FLEET}/edit`);
    const values = await screen.findAllByLabelText('Header value');
    await user.clear(values[0]!);
    await user.type(values[0]!, 'rotated');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('heading', { name: 'Fleet telemetry', level: 1 });
    expect(sent.find((request) => request.method === 'PATCH')?.body).toEqual({
      headers: { 'x-api-key': 'rotated', 'x-device-imsi': ':imsi:' },
    });
  });

  // Issue 8's data loss: edit, reload, save wrote an empty x-portal-secret to 1NCE.
  it(
    'keeps a credential header after a reload in the middle of an edit',
    { timeout: 60_000 },
    async () => {
      const PORTAL = 'pQ2wE4rT6yU8iO0aS_dFg';
      const before = structuredClone(db.get(PORTAL)!.headers);
      const sent = recordRequests();
      const { user: firstUser, unmount } = renderApp(`/integrations/${PORTAL}/edit`);
      const url = await screen.findByLabelText(/Endpoint URL/);
      await firstUser.type(url, '/v2');
      unmount(); // the reload: only the tab's sessionStorage survives

      const { user } = renderApp(`/integrations/${PORTAL}/edit`);
      expect(await screen.findByText('Draft restored')).toBeInTheDocument();
      expect(screen.getByLabelText(/Endpoint URL/)).toHaveValue(
        'https://portal.acme-iot.example.com/webhooks/1nce/v2',
      );
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      await screen.findByRole('heading', { name: 'Customer portal notifications', level: 1 });

      expect(sent.find((request) => request.method === 'PATCH')?.body).toEqual({
        url: 'https://portal.acme-iot.example.com/webhooks/1nce/v2',
      });
      expect(db.get(PORTAL)!.headers).toEqual(before);
    },
  );

  // Issue 26 §5: a fix saved to a Failed webhook came back to "Delivery stopped"; delivery only
  // resumes after a Restart (1NCE sends a test message and reactivates on success).
  it('saves a fix to a Failed webhook and restarts it in one go', async () => {
    const COLD_CHAIN = 'AP3dIUs3c7_Oo2yJYaXWg';
    const sent = recordRequests();
    const { user, router } = renderApp(`/integrations/${COLD_CHAIN}/edit`);
    const url = await screen.findByLabelText(/Endpoint URL/);
    await user.clear(url);
    await user.type(url, 'https://alerts-fixed.example.com/1nce');
    await user.click(screen.getByRole('button', { name: 'Save and restart' }));

    expect(
      await screen.findByText(/Saved changes to “Cold-chain alerts” and restarted it/),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/integrations/${COLD_CHAIN}`);
    expect(db.get(COLD_CHAIN)).toMatchObject({
      url: 'https://alerts-fixed.example.com/1nce',
      state: 'INTEGRATION_ACTIVE',
    });
    const writes = sent.filter((request) => request.method !== 'GET').map(said);
    expect(writes).toEqual([
      {
        method: 'PATCH',
        path: `/v1/integrate/clouds/webhooks/${COLD_CHAIN}`,
        body: { url: 'https://alerts-fixed.example.com/1nce' },
      },
      {
        method: 'POST',
        path: `/v1/integrate/clouds/webhooks/${COLD_CHAIN}/restart`,
        body: undefined,
      },
    ]);
  });

  it('keeps the save when the restart after it fails, and says delivery is still stopped', async () => {
    const COLD_CHAIN = 'AP3dIUs3c7_Oo2yJYaXWg';
    const { user } = renderApp(`/integrations/${COLD_CHAIN}/edit`);
    const url = await screen.findByLabelText(/Endpoint URL/);
    await user.clear(url);
    await user.type(url, 'https://still-down.invalid/1nce');
    await user.click(screen.getByRole('button', { name: 'Save and restart' }));

    expect(
      await screen.findByText(/Saved changes to “Cold-chain alerts”, but the restart failed/),
    ).toBeInTheDocument();
    expect(db.get(COLD_CHAIN)).toMatchObject({
      url: 'https://still-down.invalid/1nce',
      state: 'INTEGRATION_FAILED',
    });
  });

  it('offers Save and restart only for a Failed webhook', async () => {
    renderApp(`/integrations/${FLEET}/edit`);
    expect(await screen.findByRole('button', { name: 'Save changes' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save and restart' })).not.toBeInTheDocument();
  });

  it('refuses an empty credential at its field', async () => {
    const sent = recordRequests();
    const { user } = renderApp(`/integrations/${FLEET}/edit`);
    const value = (await screen.findAllByLabelText('Header value'))[0]!;
    await user.clear(value);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(value).toHaveAccessibleDescription(/Enter a value or remove the header/),
    );
    expect(sent.filter((request) => request.method === 'PATCH')).toHaveLength(0);
  });

  it('asks before leaving a form with unsaved changes', async () => {
    const { user, router } = renderApp(`/integrations/${FLEET}/edit`);
    await user.type(await screen.findByLabelText(/Endpoint URL/), '/more');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(router.state.location.pathname).toBe(`/integrations/${FLEET}/edit`);
    expect(screen.getByLabelText(/Endpoint URL/)).toHaveValue(
      'https://ingest.fleetwise.example.com/1nce/devices/:iccid:/telemetry/more',
    );
  });
});
