import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { failureQueries } from '@/failures/queries';
import { server } from '@/mocks/node';
import { renderApp } from '@/test/render';

const COLD_CHAIN = 'AP3dIUs3c7_Oo2yJYaXWg';
const FLEET = 'Jv2cS-pPcy0NdtQ64ycZJ';
const PARKING = 'c1RfZp7_HsWq3aJmV9yTo';
const LOGS = '*/v1/administrationLogs';
const HOUR = 3_600_000;

const apiError = (status: number, statusText: string) =>
  HttpResponse.json({ statusCode: status, statusText, errors: [] }, { status });

/** Counts requests to the logs; fails the first `failures` with `status`, then lets them through. */
function logRequests({ failures = 0, status = 500 } = {}) {
  const seen: string[] = [];
  server.use(
    http.get(LOGS, ({ request }) => {
      seen.push(request.url);
      if (seen.length <= failures) return apiError(status, status === 403 ? 'Forbidden' : 'Error');
      return undefined;
    }),
  );
  return seen;
}

function serveItems(items: Record<string, unknown>[]) {
  server.use(http.get(LOGS, () => HttpResponse.json({ page: 1, pageAmount: 1, items })));
}

const disabled = (hoursAgo: number, fields: Record<string, unknown>) => ({
  id: `log-${hoursAgo}`,
  customerId: 'c',
  type: 'INTEGRATION',
  category: 'error',
  message: 'CloudIntegrator[IntegrationDisabled]',
  timestamp: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
  ...fields,
});

describe('Failure history on the detail page', () => {
  it('lists what 1NCE logged for this integration, newest first, with exact and relative times', async () => {
    renderApp(`/integrations/${COLD_CHAIN}`);
    const table = await screen.findByRole('table', { name: 'Failure history' });
    const rows = within(table).getAllByRole('row').slice(1);
    const times = rows.map((row) => within(row).getByRole('time'));
    expect(times.map((time) => time.textContent)).toEqual([
      expect.stringMatching(/^3 hours ago \(/),
      expect.stringMatching(/^yesterday \(/),
      expect.stringMatching(/^\d+ days ago \(/),
    ]);
    rows.forEach((row, index) => {
      expect(row).toHaveTextContent('Disabled after consecutive failed requests');
      expect(row).toHaveTextContent(
        `Integration with ID ${COLD_CHAIN} and name "Cold-chain alerts" was disabled due to consecutive failed requests.`,
      );
      // The exact time in the browser's locale, beside the relative one (outside its <time>).
      const when = within(row).getAllByRole('cell')[0]!;
      expect(within(when).getByRole('time')).toBe(times[index]);
      expect(times[index]).toHaveAttribute('dateTime');
      expect(when.textContent?.replace(times[index]!.textContent ?? '', '')).toMatch(/2026/);
    });
    const instants = times.map((time) => Date.parse(time.getAttribute('dateTime')!));
    expect(instants).toEqual([...instants].sort((a, b) => b - a));
    expect(screen.getByText(/1NCE keeps administration logs for 7 days/)).toHaveTextContent(
      'does not queue its events',
    );
  });

  it('says when there were none', async () => {
    renderApp(`/integrations/${FLEET}`);
    const section = await screen.findByRole('region', { name: 'Failure history' });
    expect(await within(section).findByText('No failures in the last 7 days')).toBeInTheDocument();
    expect(within(section).queryByRole('table')).not.toBeInTheDocument();
  });

  it('keeps the history of an integration that has been restarted since', async () => {
    renderApp(`/integrations/${PARKING}`);
    const table = await screen.findByRole('table', { name: 'Failure history' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
  });

  it('hides the history with one line when the API user may not read logs, and asks once', async () => {
    const seen = logRequests({ failures: 99, status: 403 });
    renderApp(`/integrations/${COLD_CHAIN}`);
    const section = await screen.findByRole('region', { name: 'Failure history' });
    expect(
      await within(section).findByText(
        'Your API user may not read administration logs, so failure history is hidden.',
      ),
    ).toBeInTheDocument();
    expect(within(section).queryByRole('table')).not.toBeInTheDocument();
    expect(within(section).queryByRole('button')).not.toBeInTheDocument();
    expect(within(section).queryByText(/keeps administration logs/)).not.toBeInTheDocument();
    // The rest of the page works.
    expect(screen.getByRole('region', { name: 'HTTP headers' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Restart' })).toBeEnabled();
    expect(seen).toHaveLength(1);
  });

  it('shows another error where the history would be, and Try again loads it', async () => {
    const seen = logRequests({ failures: 1, status: 500 });
    const { user } = renderApp(`/integrations/${COLD_CHAIN}`);
    const section = await screen.findByRole('region', { name: 'Failure history' });
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the failure history');
    expect(alert).toHaveTextContent('internal error');
    expect(screen.getByRole('region', { name: 'HTTP headers' })).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Failure history' })).toBeInTheDocument();
    expect(seen).toHaveLength(2);
  });

  it('shows other integration errors that carry its id, in 1NCE’s words', async () => {
    serveItems([
      disabled(1, {
        message: 'CloudIntegrator[RateLimited]',
        integrationId: FLEET,
        description: 'Too many requests.',
      }),
      disabled(2, { integrationId: FLEET }),
      disabled(3, { message: 'CloudIntegrator[PluginDisabled]', integrationId: FLEET }),
    ]);
    renderApp(`/integrations/${FLEET}`);
    const table = await screen.findByRole('table', { name: 'Failure history' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('CloudIntegrator[RateLimited]Too many requests.');
    expect(rows[1]).toHaveTextContent('Disabled after consecutive failed requests');
  });
});

describe('Recent failures on the list page', () => {
  it('names each disabled integration with how often and when last, links it, and counts plugins apart', async () => {
    const { user, router } = renderApp('/integrations');
    const region = await screen.findByRole('region', { name: 'Recent failures' });
    const items = within(region).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(
        /^Cold-chain alerts was disabled 3 times, last 3 hours ago \(.*\), Failed now · Failure history$/,
      ),
      // Not on this page of the list: named as 1NCE logged it.
      expect.stringMatching(
        /^Parking sensors \(JSON\) was disabled once, last 4 days ago \(.*\) · Failure history$/,
      ),
      expect.stringMatching(
        /^Plugins were disabled once, last yesterday \(.*\) The log does not say which plugin\.$/,
      ),
    ]);
    const links = within(region).getAllByRole('link', { name: 'Failure history' });
    expect(links[0]).toHaveAccessibleDescription('Cold-chain alerts');
    expect(links[1]).toHaveAttribute('href', `/integrations/${PARKING}`);
    // The table's link keeps the integration's name to itself.
    expect(screen.getAllByRole('link', { name: 'Cold-chain alerts' })).toHaveLength(1);

    await user.click(links[0]!);
    expect(
      await screen.findByRole('heading', { name: 'Cold-chain alerts', level: 1 }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/integrations/${COLD_CHAIN}`);
  });

  it('is an alarm while a webhook it names is Failed now, and says which', async () => {
    renderApp('/integrations');
    const region = await screen.findByRole('region', { name: 'Recent failures' });
    expect(within(region).getByText('1 still Failed')).toBeInTheDocument();
    expect(within(region).getAllByRole('listitem')[0]).toHaveTextContent(/Failed now/);
    expect(region.getAttribute('style')).toMatch(/red/);
  });

  it('is history, not an alarm, once every webhook it names has recovered', async () => {
    // Fleet telemetry is Active: its failure is history.
    serveItems([disabled(1, { integrationId: FLEET })]);
    renderApp('/integrations');
    const region = await screen.findByRole('region', { name: 'Recent failures' });
    expect(within(region).getByText('none Failed now')).toBeInTheDocument();
    expect(within(region).getByRole('listitem')).not.toHaveTextContent(/Failed now/);
    expect(region.getAttribute('style')).not.toMatch(/red/);
  });

  it('folds to one line that a button opens, for a phone', async () => {
    const { user } = renderApp('/integrations');
    const region = await screen.findByRole('region', { name: 'Recent failures' });
    const toggle = within(region).getByRole('button', { name: 'Show all 3' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const list = within(region).getByRole('list');
    expect(toggle).toHaveAttribute('aria-controls', list.id);
    await user.click(toggle);
    expect(within(region).getByRole('button', { name: 'Hide' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('sits above the table', async () => {
    renderApp('/integrations');
    const region = await screen.findByRole('region', { name: 'Recent failures' });
    const table = screen.getByRole('table');
    expect(region.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('is absent when nothing failed in the last 7 days', async () => {
    serveItems([]);
    const seen = logRequests();
    const { queryClient } = renderApp('/integrations');
    expect(await screen.findByRole('link', { name: 'Cold-chain alerts' })).toBeInTheDocument();
    await waitFor(() =>
      expect(queryClient.getQueryState(failureQueries.recent().queryKey)?.status).toBe('success'),
    );
    expect(seen).toHaveLength(1);
    expect(screen.queryByRole('region', { name: 'Recent failures' })).not.toBeInTheDocument();
  });

  it('prefers the name the list shows, and falls back to the id', async () => {
    serveItems([
      disabled(1, { integrationId: FLEET, description: 'Reworded by 1NCE' }),
      disabled(2, { integrationId: 'gone-since' }),
    ]);
    renderApp('/integrations');
    const region = await screen.findByRole('region', { name: 'Recent failures' });
    expect(
      within(region)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringMatching(/^Fleet telemetry was disabled once/),
      expect.stringMatching(/^Integration gone-since was disabled once/),
    ]);
  });

  it('says in one line why it is hidden from an API user without the right, and the list works', async () => {
    logRequests({ failures: 99, status: 403 });
    renderApp('/integrations');
    expect(
      await screen.findByText(
        'Your API user may not read administration logs, so recent failures are hidden.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Recent failures' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cold-chain alerts' })).toBeInTheDocument();
  });

  it('asks once for the list, and a Refresh of logs that failed keeps the table in place', async () => {
    const seen = logRequests({ failures: 99, status: 403 });
    const { user } = renderApp('/integrations');
    const line = 'Your API user may not read administration logs, so recent failures are hidden.';
    expect(await screen.findByText(line)).toBeInTheDocument();
    expect(seen).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(screen.queryByRole('status', { name: 'Loading integrations' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cold-chain alerts' })).toBeInTheDocument();
    await waitFor(() => expect(seen).toHaveLength(2));
    expect(await screen.findByText(line)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cold-chain alerts' })).toBeInTheDocument();
  });

  it('shows another error with Try again, which loads the region', async () => {
    logRequests({ failures: 1, status: 503 });
    const { user } = renderApp('/integrations');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load recent failures');
    expect(screen.getByRole('link', { name: 'Cold-chain alerts' })).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Recent failures' })).toBeInTheDocument();
  });

  it('is asked for again by Refresh, and serves the detail page from the same fetch', async () => {
    const seen = logRequests();
    const { user } = renderApp('/integrations');
    await screen.findByRole('region', { name: 'Recent failures' });
    expect(seen).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(seen).toHaveLength(2));

    await user.click(screen.getByRole('link', { name: 'Cold-chain alerts' }));
    expect(await screen.findByRole('table', { name: 'Failure history' })).toBeInTheDocument();
    expect(seen).toHaveLength(2);
  });
});
