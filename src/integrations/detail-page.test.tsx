import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { db } from '@/mocks/db';
import { server } from '@/mocks/node';
import { renderApp } from '@/test/render';
import { recordRequests, type SentRequest } from '@/test/requests';

const FLEET = 'Jv2cS-pPcy0NdtQ64ycZJ';
const COLD_CHAIN = 'AP3dIUs3c7_Oo2yJYaXWg';
const AWS = 'MzSca5vvHAfJ4MUUCfCGb';

/** `METHOD /path` of each request sent. */
const lines = (sent: readonly SentRequest[]) =>
  sent.map((request) => `${request.method} ${request.path}`);

describe('DetailPage', () => {
  // Issue 26 §5: every tab was "Integrator Console".
  it('names the tab after the integration, then the console, and the list after itself', async () => {
    const { user } = renderApp(`/integrations/${COLD_CHAIN}`);
    await screen.findByRole('heading', { name: 'Cold-chain alerts', level: 1 });
    await waitFor(() => expect(document.title).toBe('Cold-chain alerts · Integrator Console'));
    await user.click(screen.getByRole('link', { name: 'All integrations' }));
    await screen.findByRole('heading', { name: 'Integrations', level: 1 });
    await waitFor(() => expect(document.title).toBe('Integrations · Integrator Console'));
  });

  it('masks credential-looking header values until revealed', async () => {
    const { user } = renderApp(`/integrations/${FLEET}`);
    const headers = await screen.findByRole('region', { name: 'HTTP headers' });
    expect(within(headers).getByText(':imsi:')).toBeInTheDocument();
    expect(within(headers).queryByText('fw_live_4Tq9ZkR2mXc8VbN1sLp7')).not.toBeInTheDocument();
    expect(within(headers).getByText(/set, hidden/)).toBeInTheDocument();

    await user.click(within(headers).getByRole('button', { name: 'Show value of x-api-key' }));
    expect(within(headers).getByText('fw_live_4Tq9ZkR2mXc8VbN1sLp7')).toBeInTheDocument();
  });

  it('never calls an empty value "set, hidden"', async () => {
    db.patch(FLEET, { headers: { 'x-api-key': '', 'x-note': '' } });
    renderApp(`/integrations/${FLEET}`);
    const headers = await screen.findByRole('region', { name: 'HTTP headers' });
    expect(within(headers).getAllByText('(empty)')).toHaveLength(2);
    expect(within(headers).queryByText(/set, hidden/)).not.toBeInTheDocument();
    expect(within(headers).queryByRole('button', { name: /Show value/ })).not.toBeInTheDocument();
  });

  it('Test shows the result inline and says the state did not change', async () => {
    const { user } = renderApp(`/integrations/${COLD_CHAIN}`);
    await user.click(await screen.findByRole('button', { name: 'Test' }));
    const result = await screen.findByRole('status', { name: 'Test message delivered' });
    expect(result).toHaveTextContent('Your endpoint answered the test message.');
    expect(result).toHaveTextContent('still Failed');
    expect(db.get(COLD_CHAIN)?.state).toBe('INTEGRATION_FAILED');
  });

  it('Restart explains itself first, then shows the new state', async () => {
    const { user } = renderApp(`/integrations/${COLD_CHAIN}`);
    expect(await screen.findByText(/HTTP 503 Service Unavailable/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Restart' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restart this webhook?' });
    expect(dialog).toHaveTextContent('sends one test message');
    await user.click(within(dialog).getByRole('button', { name: 'Send test message and restart' }));

    const result = await screen.findByRole('status', { name: 'Restart succeeded' });
    expect(result).toHaveTextContent('State now:Active');
    expect(db.get(COLD_CHAIN)?.state).toBe('INTEGRATION_ACTIVE');
  });

  it("a Restart's result replaces the last Test's", async () => {
    const { user } = renderApp(`/integrations/${COLD_CHAIN}`);
    await user.click(await screen.findByRole('button', { name: 'Test' }));
    expect(await screen.findByText('Test message delivered')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Restart' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restart this webhook?' });
    await user.click(within(dialog).getByRole('button', { name: 'Send test message and restart' }));
    expect(await screen.findByText('Restart succeeded')).toBeInTheDocument();
    expect(screen.queryByText('Test message delivered')).not.toBeInTheDocument();
  });

  it('deletes while a Test is still on its way, and a double click sends one Test', async () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.post('*/v1/integrate/clouds/webhooks/:integrationId/test', async () => {
        await released;
        return HttpResponse.json({ testStatus: 'SUCCESS', message: 'Test was successful' });
      }),
    );
    const sent = recordRequests();
    try {
      const { user, router } = renderApp(`/integrations/${FLEET}`);
      await user.dblClick(await screen.findByRole('button', { name: 'Test' }));
      await user.click(screen.getByRole('button', { name: 'Delete' }));
      const dialog = await screen.findByRole('dialog', { name: 'Delete “Fleet telemetry”?' });
      await user.click(within(dialog).getByRole('button', { name: 'Delete integration' }));

      expect(
        await screen.findByRole('heading', { name: 'Integrations', level: 1 }),
      ).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/integrations');
      expect(db.get(FLEET)).toBeUndefined();
      expect(lines(sent).filter((request) => request.startsWith('POST '))).toEqual([
        `POST /v1/integrate/clouds/webhooks/${FLEET}/test`,
      ]);
      expect(lines(sent)).toContain(`DELETE /v1/integrate/clouds/${FLEET}`);
    } finally {
      release();
    }
  });

  it('deletes after a confirmation that names the integration', async () => {
    const { user, router } = renderApp(`/integrations/${FLEET}`);
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Fleet telemetry”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete integration' }));
    expect(
      await screen.findByRole('heading', { name: 'Integrations', level: 1 }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/integrations');
    expect(db.get(FLEET)).toBeUndefined();
  });

  it('never asks for a deleted integration again; only the list is fetched', async () => {
    const { user } = renderApp(`/integrations/${FLEET}`);
    // The demo's own controls listen to the simulated API as well: they must not ask either.
    expect(await screen.findAllByRole('button', { name: 'Demo controls' })).not.toHaveLength(0);
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Fleet telemetry”?' });

    const sent = recordRequests();
    await user.click(within(dialog).getByRole('button', { name: 'Delete integration' }));
    expect(await screen.findByRole('link', { name: 'Cold-chain alerts' })).toBeInTheDocument();
    // Anything a refetch would still send goes out within a few ticks of the list showing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const requests = lines(sent);
    expect(requests[0]).toMatch(new RegExp(`^DELETE .*/${FLEET}$`));
    expect(requests.slice(1).filter((request) => request.includes(FLEET))).toEqual([]);
    expect(requests.slice(1).every((request) => request.startsWith('GET '))).toBe(true);
  });

  it('shows AWS integrations read-only', async () => {
    renderApp(`/integrations/${AWS}`);
    expect(await screen.findByText('Read-only')).toBeInTheDocument();
    expect(screen.getByText('Rollout started')).toBeInTheDocument();
    for (const action of ['Test', 'Restart', 'Edit', 'Delete']) {
      expect(screen.queryByRole('button', { name: action })).not.toBeInTheDocument();
    }
  });

  it('says so when the integration does not exist', async () => {
    renderApp('/integrations/nope');
    expect(
      await screen.findByRole('alert', { name: 'Could not load this integration' }),
    ).toHaveTextContent(/no longer exists/);
  });
});
