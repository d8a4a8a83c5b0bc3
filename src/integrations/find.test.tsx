import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { matches, readFilters, withFilters } from '@/integrations/find';
import { db } from '@/mocks/db';
import { server } from '@/mocks/node';
import { renderApp } from '@/test/render';
import { listPagesAsked, recordRequests } from '@/test/requests';

const addWebhooks = (count: number) => {
  for (let n = 0; n < count; n++) {
    db.create({
      name: `Bulk ${String(n).padStart(2, '0')}`,
      url: `https://bulk-${n}.example.com/hook`,
      headers: {},
      eventTypes: [{ type: 'LIFECYCLE' }],
    });
  }
};

const tableNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('filters in the URL', () => {
  it.each([
    ['', { q: '', state: '', type: '' }],
    [
      '?q=Ops&state=INTEGRATION_FAILED&type=AWS',
      { q: 'Ops', state: 'INTEGRATION_FAILED', type: 'AWS' },
    ],
    ['?state=PAUSED&type=azure', { q: '', state: '', type: '' }],
  ])('reads %s', (search, expected) => {
    expect(readFilters(new URLSearchParams(search))).toEqual(expected);
  });

  it('drops the page and empty values when a filter changes', () => {
    const next = withFilters(new URLSearchParams('page=2&q=a&type=AWS'), {
      q: '',
      state: 'ROLLOUT_DONE',
    });
    expect(next.toString()).toBe('type=AWS&state=ROLLOUT_DONE');
  });
});

describe('matches', () => {
  const fleet = {
    id: 'f',
    name: 'Fleet telemetry',
    state: 'INTEGRATION_ACTIVE',
    type: 'WEBHOOK',
    eventTypes: [],
  };
  const any = { q: '', state: '', type: '' };
  const url = 'https://ingest.fleetwise.example.com/1nce/devices/:iccid:/telemetry';
  it.each([
    ['', undefined, true],
    ['TELEMETRY', undefined, true],
    ['  fleet ', undefined, true],
    ['fleetwise', undefined, false],
    ['fleetwise', url, true],
    ['FLEETWISE.example', url, true],
    ['/devices/:iccid:', url, true],
    ['https://other.example.com', url, false],
  ])('%j with URL %s: %s', (q, endpoint, expected) => {
    expect(matches(fleet, { ...any, q }, endpoint)).toBe(expected);
  });

  it('applies state and type to a URL match too', () => {
    expect(matches(fleet, { q: 'fleetwise', state: 'INTEGRATION_FAILED', type: '' }, url)).toBe(
      false,
    );
  });
});

describe('Find on the list page', () => {
  it('finds a webhook by its Endpoint URL, which the list does not carry, and says so in its label', async () => {
    const { user } = renderApp('/integrations');
    await screen.findByRole('link', { name: 'Cold-chain alerts' });
    const box = screen.getByRole('textbox', { name: 'Search integrations by name or URL' });
    expect(box).toHaveAttribute('placeholder', 'Name or endpoint URL contains…');

    await user.type(box, 'fleetwise.example');
    expect(
      await screen.findByText('1 of 14 integrations', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(tableNames()).toEqual(['Fleet telemetry']);
  });

  it('searches names across every page, case-insensitively, and puts the search in the URL without a history entry per key', async () => {
    const { user, router } = renderApp('/integrations');
    await screen.findByRole('link', { name: 'Cold-chain alerts' });
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Ops watchdog' })).not.toBeInTheDocument();

    await user.type(
      screen.getByRole('textbox', { name: 'Search integrations by name or URL' }),
      'WATCHDOG',
    );
    // Ops watchdog is on page 2 of the paged list.
    // Typing 8 characters under a busy machine's jsdom, then the debounce: allow more than 5 s.
    expect(
      await screen.findByRole('link', { name: 'Ops watchdog' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(await screen.findByText('1 of 14 integrations')).toBeInTheDocument();
    expect(tableNames()).toEqual(['Ops watchdog']);
    expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe('?q=WATCHDOG'));
    expect(router.state.historyAction).toBe('REPLACE');

    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(await screen.findByText('Page 1 of 2')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Search integrations by name or URL' })).toHaveValue(
      '',
    );
    expect(router.state.location.search).toBe('');
    expect(screen.getAllByRole('row')).toHaveLength(11);
  });

  it('filters by state and type over every page, and shows N of M', async () => {
    const { user, router } = renderApp('/integrations?page=2');
    await screen.findByRole('link', { name: 'Ops watchdog' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'Active');
    expect(await screen.findByText('10 of 14 integrations')).toBeInTheDocument();
    expect(tableNames()).toContain('Fleet telemetry');
    expect(tableNames()).toContain('Ops watchdog');
    expect(router.state.location.search).toBe('?state=INTEGRATION_ACTIVE');

    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'Rollout started');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'AWS');
    expect(await screen.findByText('1 of 14 integrations')).toBeInTheDocument();
    expect(tableNames()).toEqual(['IoT Core eu-central-1']);
    expect(router.state.location.search).toBe('?state=ROLLOUT_STARTED&type=AWS');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Webhook');
    expect(
      await screen.findByRole('heading', { name: 'No integrations match' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(await screen.findByText('Page 1 of 2')).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('combobox', { name: 'State' })).toHaveValue('');
  });

  it('follows Back and Forward in the search box', async () => {
    const { user, router } = renderApp('/integrations');
    await screen.findByRole('link', { name: 'Cold-chain alerts' });
    const box = screen.getByRole('textbox', { name: 'Search integrations by name or URL' });
    await user.type(box, 'watch');
    await waitFor(() => expect(router.state.location.search).toBe('?q=watch'));
    await user.click(await screen.findByRole('button', { name: 'Clear search and filters' }));
    expect(await screen.findByText('Page 1 of 2')).toBeInTheDocument();
    expect(box).toHaveValue('');
    await act(() => router.navigate(-1));
    expect(await screen.findByText('1 of 14 integrations')).toBeInTheDocument();
    expect(box).toHaveValue('watch');
  });

  it('opens a deep link filtered, with the search box and filters showing it', async () => {
    renderApp('/integrations?q=ALERTS&type=WEBHOOK');
    expect(await screen.findByText('2 of 14 integrations')).toBeInTheDocument();
    expect(tableNames().sort()).toEqual(['Cold-chain alerts', 'Geofence alerts to Slack']);
    expect(screen.getByRole('textbox', { name: 'Search integrations by name or URL' })).toHaveValue(
      'ALERTS',
    );
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveValue('WEBHOOK');
    expect(screen.getByRole('combobox', { name: 'State' })).toHaveValue('');
    // Recent failures stay above the results.
    expect(screen.getByRole('region', { name: /Recent failures/ })).toBeInTheDocument();
  });

  it('says how far it got when the account has more than 3 pages', async () => {
    addWebhooks(30); // 44 integrations: 5 pages of 10
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get('*/v1/integrate/clouds', async ({ request }) => {
        if (new URL(request.url).searchParams.get('page') === '4') await gate;
        // Nothing returned: the request goes on to the regular handler.
      }),
    );
    const sent = recordRequests();
    renderApp('/integrations?q=bulk');
    const progress = await screen.findByRole('progressbar', {
      name: /Loading every page: 3 of 5 loaded/,
    });
    expect(progress).toBeInTheDocument();
    expect(screen.getByText('Loading page 4 of 5')).toBeInTheDocument();
    expect(screen.getByText(/found so far in 30 integrations/)).toBeInTheDocument();
    release();
    expect(await screen.findByText('30 of 44 integrations')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    const allPages = listPagesAsked(sent);
    expect(new Set(allPages)).toEqual(
      new Set([1, 2, 3, 4, 5].map((page) => `?page=${page}&pageSize=10`)),
    );
  });

  it('keeps paging as it is without a search or filter, and shows no progress for 2 pages', async () => {
    const { user, router } = renderApp('/integrations');
    await screen.findByRole('link', { name: 'Cold-chain alerts' });
    expect(screen.getAllByRole('row')).toHaveLength(11);
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    expect(await screen.findByText('Page 2 of 2')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');
    expect(screen.queryByText(/ of 14 integrations/)).not.toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
