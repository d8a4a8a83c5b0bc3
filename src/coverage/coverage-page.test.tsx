import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { db } from '@/mocks/db';
import { server } from '@/mocks/node';
import { renderApp } from '@/test/render';

const OPS_WATCHDOG = 'q8Lw0bXr4TnUe2GhY6vKd';
const COLUMNS = ['Telemetry data', 'Lifecycle', 'Error', 'Geofence', 'Location'];

/** The row's subscription cells, by column, as a screen reader reads them. */
function cells(name: string | RegExp) {
  const row = screen.getByRole('row', { name });
  const [, ...events] = within(row).getAllByRole('cell');
  return Object.fromEntries(COLUMNS.map((column, index) => [column, events[index]!.textContent]));
}

async function openCoverage() {
  const view = renderApp('/coverage');
  // The seed fills two pages: the last row comes from the second.
  await screen.findByRole('rowheader', { name: /Warehouse sensors/ }, { timeout: 10_000 });
  return view;
}

describe('CoveragePage', { timeout: 40_000 }, () => {
  it('is linked from the list', async () => {
    const { user } = renderApp('/integrations');
    await user.click(await screen.findByRole('link', { name: 'Event coverage' }));
    expect(await screen.findByRole('heading', { name: 'Event coverage', level: 1 })).toBeVisible();
  });

  it('has a row per integration across pages, with its state and what it subscribes to', async () => {
    await openCoverage();
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Integration',
      'State',
      ...COLUMNS,
    ]);
    // Every integration of every page, each once.
    // 14 seeded integrations and the totals row.
    expect(screen.getAllByRole('rowheader')).toHaveLength(15);
    expect(cells(/^Fleet telemetry/)).toEqual({
      'Telemetry data': 'Subscribed',
      Lifecycle: 'Subscribed',
      Error: 'Not subscribed',
      Geofence: 'Not subscribed',
      Location: 'Not subscribed',
    });
    const coldChain = screen.getByRole('row', { name: /Cold-chain alerts/ });
    expect(within(coldChain).getByText('Failed')).toBeInTheDocument();
    expect(within(coldChain).getByRole('link', { name: 'Cold-chain alerts' })).toHaveAttribute(
      'href',
      '/integrations/AP3dIUs3c7_Oo2yJYaXWg',
    );
    expect(screen.getByRole('row', { name: /IoT Core/ })).toHaveTextContent('AWS');
  });

  it('counts Active webhooks only in the totals', async () => {
    await openCoverage();
    // Ops watchdog counts for Error; the Failed Cold-chain alerts does not. Nor does the AWS
    // integration's Location, nor the Rollout done webhooks' Telemetry data and Lifecycle.
    expect(cells(/^Active webhooks/)).toEqual({
      'Telemetry data': '5',
      Lifecycle: '4',
      Error: '1',
      Geofence: '3',
      Location: '3',
    });
  });

  it('says nothing about failures while an Active webhook subscribes to Error', async () => {
    await openCoverage();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create an Error watchdog' })).toBeNull();
  });

  it('warns when no Active webhook subscribes to Error, and creates the watchdog', async () => {
    db.remove(OPS_WATCHDOG);
    const { user, router } = await openCoverage();
    const warning = screen.getByRole('alert', { name: 'No Active webhook hears about failures' });
    expect(warning).toHaveTextContent('CloudIntegrator[IntegrationDisabled]');
    expect(warning).toHaveTextContent(/only to webhooks subscribed to Error/);
    // The Failed webhook subscribed to Error is named: it does not hear about failures either.
    expect(within(warning).getByRole('link', { name: 'Cold-chain alerts' })).toBeInTheDocument();

    await user.click(within(warning).getByRole('button', { name: 'Create an Error watchdog' }));
    // The form's lazy module graph is imported for the first time in this file.
    expect(
      await screen.findByRole('heading', { name: 'New webhook', level: 1 }, { timeout: 15_000 }),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/integrations/new');
    expect(screen.getByLabelText(/Integration name/)).toHaveValue('Error watchdog');
    expect(screen.getByLabelText(/Endpoint URL/)).toHaveValue('');
    await waitFor(() => expect(screen.getByRole('checkbox', { name: /^Error/ })).toBeChecked());
    for (const other of ['Telemetry data', 'Lifecycle', 'Geofence', 'Location']) {
      expect(screen.getByRole('checkbox', { name: new RegExp(`^${other}`) })).not.toBeChecked();
    }

    await user.type(screen.getByLabelText(/Endpoint URL/), 'https://watchdog.example.com/1nce');
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));
    await screen.findByRole('heading', { name: 'Error watchdog', level: 1 }, { timeout: 15_000 });
    expect(db.list().find((item) => item.name === 'Error watchdog')).toMatchObject({
      url: 'https://watchdog.example.com/1nce',
      eventTypes: [{ type: 'ERROR' }],
    });
  });

  it('keeps the first page and offers Try again when a later page fails; no verdict on Error', async () => {
    db.remove(OPS_WATCHDOG);
    server.use(
      http.get('*/v1/integrate/clouds', ({ request }) =>
        new URL(request.url).searchParams.get('page') === '2'
          ? HttpResponse.json(
              { statusCode: 500, statusText: 'Internal Server Error', errors: [] },
              { status: 500 },
            )
          : undefined,
      ),
    );
    renderApp('/coverage');
    expect(
      await screen.findByRole('alert', { name: 'Could not load every integration' }),
    ).toHaveTextContent('Showing the first 1 of 2 pages.');
    expect(screen.getByRole('rowheader', { name: /Fleet telemetry/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create an Error watchdog' })).toBeNull();
  });
});
