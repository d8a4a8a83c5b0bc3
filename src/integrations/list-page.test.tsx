import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '@/mocks/node';
import { renderApp, rowFor } from '@/test/render';

describe('ListPage', () => {
  it('lists integrations with human state badges, types and event types', async () => {
    renderApp('/integrations');
    expect(await screen.findByRole('link', { name: 'Cold-chain alerts' })).toBeInTheDocument();

    expect(within(rowFor('Cold-chain alerts')).getByText('Failed')).toBeInTheDocument();
    const aws = rowFor('IoT Core eu-central-1');
    expect(within(aws).getByText('Rollout started')).toBeInTheDocument();
    expect(within(aws).getByText('AWS')).toBeInTheDocument();
    const fleet = rowFor('Fleet telemetry');
    expect(within(fleet).getByText('Active')).toBeInTheDocument();
    expect(within(fleet).getByText('Telemetry data, Lifecycle')).toBeInTheDocument();
    expect(
      within(rowFor('Warehouse sensors (staging)')).getByText('Rollout done'),
    ).toBeInTheDocument();
    expect(within(rowFor('Warehouse sensors (staging)')).getByText('Not yet')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(11);
  });

  it('explains each state on the row link, without a tab stop per badge or date', async () => {
    renderApp('/integrations');
    const link = await screen.findByRole('link', { name: 'Cold-chain alerts' });
    expect(link).toHaveAccessibleDescription(/^Failed: 1NCE stopped delivering after 5 failed/);
    const row = rowFor('Fleet telemetry');
    expect(within(row).getByRole('time')).not.toHaveAttribute('tabindex');
    expect(within(row).getByRole('time')).toHaveTextContent(/ago \(\d{1,2} \w+ \d{4}/);
    // Only controls are tab stops: a badge or a date made focusable for its tooltip would add one
    // per row. No Testing Library query finds elements by tabindex, hence the selector.
    // eslint-disable-next-line testing-library/no-node-access -- see above
    expect(screen.getByRole('main').querySelectorAll('[tabindex="0"]')).toHaveLength(0);
  });

  it("moves the focus to the new page's heading after a navigation, not on the first load", async () => {
    const { user } = renderApp('/integrations');
    const link = await screen.findByRole('link', { name: 'Cold-chain alerts' });
    expect(screen.getByRole('heading', { name: 'Integrations', level: 1 })).not.toHaveFocus();
    await user.click(link);
    const heading = await screen.findByRole('heading', { name: 'Cold-chain alerts', level: 1 });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(heading).toHaveAttribute('tabindex', '-1');
  });

  it('pages with the page and pageAmount the API returns, and keeps the page in the URL', async () => {
    const { user, router } = renderApp('/integrations');
    await screen.findByRole('link', { name: 'Cold-chain alerts' });
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    expect(await screen.findByRole('link', { name: 'Ops watchdog' })).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Cold-chain alerts' })).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');
  });

  it('shows what the API returned when it ignores the page parameter', async () => {
    server.use(
      http.get('*/v1/integrate/clouds', () =>
        HttpResponse.json({
          page: 1,
          pageAmount: 3,
          items: [
            {
              id: 'x1',
              name: 'Only page one',
              state: 'INTEGRATION_PAUSED',
              type: 'WEBHOOK',
              eventTypes: [{ type: 'TELEMETRY_DATA', version: '1.0.0' }],
              somethingNew: true,
            },
          ],
        }),
      ),
    );
    renderApp('/integrations?page=2');
    expect(
      await screen.findByText('You asked for page 2; the API returned page 1.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    // An unknown future state shows its raw value instead of breaking the list.
    expect(within(rowFor('Only page one')).getByText('INTEGRATION_PAUSED')).toBeInTheDocument();
  });

  it('shows an empty state with a way to create the first webhook', async () => {
    server.use(
      http.get('*/v1/integrate/clouds', () =>
        HttpResponse.json({ page: 1, pageAmount: 1, items: [] }),
      ),
    );
    renderApp('/integrations');
    expect(await screen.findByRole('heading', { name: 'No integrations yet' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'New webhook' })).toHaveLength(2);
  });

  it('explains a failed load and retries on request', async () => {
    let calls = 0;
    server.use(
      http.get('*/v1/integrate/clouds', () => {
        calls += 1;
        return HttpResponse.json(
          { statusCode: 500, statusText: 'Server Error', errors: [] },
          { status: 500 },
        );
      }),
    );
    const { user } = renderApp('/integrations');
    expect(
      await screen.findByRole('alert', { name: 'Could not load integrations' }),
    ).toHaveTextContent(/internal error/);
    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Cold-chain alerts' })).toBeInTheDocument();
    expect(calls).toBe(1);
  });
});
