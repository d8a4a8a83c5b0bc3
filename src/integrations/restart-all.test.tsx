import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { summarize } from '@/integrations/restart-all';
import { db } from '@/mocks/db';
import { toListItem } from '@/mocks/integration-store';
import { server } from '@/mocks/node';
import { renderApp, rowFor } from '@/test/render';
import { listPagesAsked, recordRequests, type SentRequest } from '@/test/requests';

const COLD_CHAIN = 'AP3dIUs3c7_Oo2yJYaXWg';
const AWS = 'MzSca5vvHAfJ4MUUCfCGb';

/**
 * A webhook on a `.invalid` host, made Failed the demo's way: 5 unanswered deliveries. Telemetry,
 * not Lifecycle: the seeded Legacy MES bridge (also `.invalid`) would fail along with it.
 */
function failingWebhook(name: string) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  try {
    const created = db.create({
      name,
      url: `https://${name.toLowerCase().replace(/\W+/g, '-')}.invalid/hook`,
      headers: {},
      eventTypes: [{ type: 'TELEMETRY_DATA' }],
    });
    db.sendDeviceMessage('TELEMETRY_DATA');
    vi.runAllTimers();
    expect(db.get(created.id)?.state).toBe('INTEGRATION_FAILED');
    return created.id;
  } finally {
    vi.useRealTimers();
  }
}

/** The restarts among the requests sent, as `start <id>` and `end <id>` in the order they happened. */
function restartLog(sent: readonly SentRequest[]) {
  const events: [number, string][] = [];
  for (const request of sent) {
    const id = /webhooks\/([^/]+)\/restart$/.exec(request.path)?.[1];
    if (!id) continue;
    events.push([request.sentOrder, `start ${id}`]);
    if (request.answeredOrder !== undefined) events.push([request.answeredOrder, `end ${id}`]);
  }
  return events.toSorted(([a], [b]) => a - b).map(([, line]) => line);
}

describe('summarize', () => {
  it.each([
    [2, [{ kind: 'recovered' }, { kind: 'failing', message: 'x' }], '1 restarted, 1 still failing'],
    [
      3,
      [{ kind: 'recovered' }, { kind: 'error', message: 'x' }],
      '1 restarted, 0 still failing, 1 could not be sent, 1 not tried',
    ],
  ] as const)('%i webhooks: %j', (total, outcomes, expected) => {
    expect(summarize(total, outcomes)).toBe(expected);
  });
});

describe('Restart all failed', () => {
  it('restarts every failed webhook one at a time: one recovers, one does not', async () => {
    const downId = failingWebhook('Down endpoint');
    const sent = recordRequests();
    const { user } = renderApp('/integrations');

    await user.click(await screen.findByRole('button', { name: 'Restart all failed' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restart all failed webhooks?' });
    expect(dialog).toHaveTextContent('one test message');
    const rows = within(within(dialog).getByRole('list', { name: 'Failed webhooks' })).getAllByRole(
      'listitem',
    );
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('Down endpoint')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Cold-chain alerts')).toBeInTheDocument();
    // The last error of each, from its detail.
    await within(rows[1]!).findByText(/HTTP 503 Service Unavailable/);
    await within(rows[0]!).findByText(
      /delivery attempts to https:\/\/down-endpoint\.invalid\/hook failed/,
    );
    expect(dialog).not.toHaveTextContent('IoT Core');
    // Each name leads to its webhook's page.
    expect(within(rows[0]!).getByRole('link', { name: 'Down endpoint' })).toHaveAttribute(
      'href',
      `/integrations/${downId}`,
    );

    await user.click(within(dialog).getByRole('button', { name: 'Restart 2 webhooks' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      '1 restarted, 1 still failing',
    );
    expect(within(rows[1]!).getByText('Active again')).toBeInTheDocument();
    expect(
      within(rows[0]!).getByText(
        /^Still failing: Restart failed: test message could not be delivered/,
      ),
    ).toBeInTheDocument();
    // One at a time, in the order listed.
    expect(restartLog(sent)).toEqual([
      `start ${downId}`,
      `end ${downId}`,
      `start ${COLD_CHAIN}`,
      `end ${COLD_CHAIN}`,
    ]);
    expect(db.get(COLD_CHAIN)?.state).toBe('INTEGRATION_ACTIVE');
    expect(db.get(downId)?.state).toBe('INTEGRATION_FAILED');

    // The list refreshed: Cold-chain alerts is Active on it now.
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await within(rowFor('Cold-chain alerts')).findByText('Active');
    expect(screen.getByRole('button', { name: 'Restart all failed' })).toBeInTheDocument();
  });

  it('links each name to its webhook page, which opens in place of the dialog', async () => {
    const { user, router } = renderApp('/integrations');
    await user.click(await screen.findByRole('button', { name: 'Restart all failed' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restart all failed webhooks?' });
    const list = await within(dialog).findByRole('list', { name: 'Failed webhooks' });
    await user.click(within(list).getByRole('link', { name: 'Cold-chain alerts' }));
    expect(
      await screen.findByRole('heading', { name: 'Cold-chain alerts', level: 1 }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/integrations/${COLD_CHAIN}`);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('after Refresh, lists a webhook that turned Failed since the page loaded', async () => {
    const { user } = renderApp('/integrations');
    await user.click(await screen.findByRole('button', { name: 'Restart all failed' }));
    let dialog = await screen.findByRole('dialog', { name: 'Restart all failed webhooks?' });
    await within(dialog).findByRole('button', { name: 'Restart 1 webhook' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    failingWebhook('Down endpoint');
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await screen.findByRole('link', { name: 'Down endpoint' });
    await within(rowFor('Down endpoint')).findByText('Failed');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Refresh' })).not.toHaveAttribute('data-loading'),
    );

    await user.click(screen.getByRole('button', { name: 'Restart all failed' }));
    dialog = await screen.findByRole('dialog', { name: 'Restart all failed webhooks?' });
    const list = await within(dialog).findByRole('list', { name: 'Failed webhooks' });
    expect(list).toHaveTextContent('Down endpoint');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
  });

  it('leaves AWS integrations out, even a failed one', async () => {
    server.use(
      http.get('*/v1/integrate/clouds', () =>
        HttpResponse.json({
          page: 1,
          pageAmount: 1,
          items: db
            .list()
            .map(toListItem)
            .map((item) => (item.id === AWS ? { ...item, state: 'INTEGRATION_FAILED' } : item)),
        }),
      ),
    );
    const { user } = renderApp('/integrations');
    await user.click(await screen.findByRole('button', { name: 'Restart all failed' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restart all failed webhooks?' });
    const list = await within(dialog).findByRole('list', { name: 'Failed webhooks' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(list).toHaveTextContent('Cold-chain alerts');
    expect(list).not.toHaveTextContent('IoT Core eu-central-1');
    expect(within(dialog).getByRole('button', { name: 'Restart 1 webhook' })).toBeInTheDocument();
  });

  it('is not offered when no webhook is Failed on any page', async () => {
    db.restart(COLD_CHAIN);
    const sent = recordRequests();
    renderApp('/integrations');
    await screen.findByRole('link', { name: 'Cold-chain alerts' });
    // Both pages were looked at.
    await waitFor(() => expect(listPagesAsked(sent)).toContain('?page=2&pageSize=10'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByRole('button', { name: 'Restart all failed' })).not.toBeInTheDocument();
    // Each page once: the scan takes page 1 from the list's own request.
    expect(listPagesAsked(sent).toSorted()).toEqual(['?page=1&pageSize=10', '?page=2&pageSize=10']);
  });

  it('with a Failed webhook on screen, offers it without scanning the other pages', async () => {
    const sent = recordRequests();
    renderApp('/integrations');
    await screen.findByRole('link', { name: 'Cold-chain alerts' });
    expect(await screen.findByRole('button', { name: 'Restart all failed' })).toBeInTheDocument();
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(listPagesAsked(sent)).toEqual(['?page=1&pageSize=10']);
  });

  it('offers it when the failed webhook is only on page 2', async () => {
    db.restart(COLD_CHAIN);
    // Newest first: 10 new webhooks push the failed one to page 2.
    const downId = failingWebhook('Down endpoint');
    const pageOne = db
      .list()
      .slice(0, 10)
      .map((item) => item.id);
    for (let n = 0; n < 10; n++) {
      db.create({
        name: `Newer ${n}`,
        url: `https://newer-${n}.example.com/hook`,
        headers: {},
        eventTypes: [{ type: 'LIFECYCLE' }],
      });
    }
    expect(pageOne).toContain(downId);
    renderApp('/integrations');
    await screen.findByRole('link', { name: 'Newer 0' });
    expect(screen.queryByRole('link', { name: 'Down endpoint' })).not.toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Restart all failed' })).toBeInTheDocument();
  });

  it('closing mid-run stops after the current restart and says how it ended', async () => {
    failingWebhook('Down endpoint');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.post('*/webhooks/:id/restart', async () => {
        await gate;
      }),
    );
    const sent = recordRequests();
    const { user } = renderApp('/integrations');
    await user.click(await screen.findByRole('button', { name: 'Restart all failed' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restart all failed webhooks?' });
    await user.click(await within(dialog).findByRole('button', { name: 'Restart 2 webhooks' }));
    expect(
      await within(dialog).findByText(/Closing this dialog stops after the current restart/),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Stop after this one' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    release();
    expect(
      await screen.findByText('0 restarted, 1 still failing, 1 not tried'),
    ).toBeInTheDocument();
    expect(restartLog(sent).filter((line) => line.startsWith('start'))).toHaveLength(1);
    expect(db.get(COLD_CHAIN)?.state).toBe('INTEGRATION_FAILED');
  });
});
