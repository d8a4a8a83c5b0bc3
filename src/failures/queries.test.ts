import { http, HttpResponse } from 'msw';
import { ApiError } from '@/api/errors';
import { failureFilter, fetchFailureLogs, MAX_LOG_PAGE } from '@/failures/queries';
import { server } from '@/mocks/node';

const NOW = new Date('2026-12-01T11:37:01.123Z');
const SINCE = '2026-11-24T11:37:01.123Z';

describe('failureFilter', () => {
  it.each([
    [NOW, `type:INTEGRATION,category:error,startDateTime:${SINCE}`],
    [
      new Date('2026-03-29T01:30:00Z'),
      // 7 × 24 h, not 7 calendar days: a DST change in the user's zone does not matter in UTC.
      'type:INTEGRATION,category:error,startDateTime:2026-03-22T01:30:00.000Z',
    ],
    [
      new Date(Date.UTC(2027, 0, 3)),
      'type:INTEGRATION,category:error,startDateTime:2026-12-27T00:00:00.000Z',
    ],
  ])('at %s', (now, expected) => {
    // Exact strings: the start is ISO 8601 in UTC with milliseconds and Z.
    expect(failureFilter(now)).toBe(expected);
  });
});

interface Seen {
  page: number;
  pageSize: string | null;
  q: string | null;
  concurrent: number;
}

/** An API with `total` entries, one per minute back from NOW; records what it was asked. */
function serveLogs(total: number, pageSize = 25, extra: (page: number) => unknown[] = () => []) {
  const seen: Seen[] = [];
  let inFlight = 0;
  server.use(
    http.get('*/v1/administrationLogs', async ({ request }) => {
      inFlight += 1;
      const search = new URL(request.url).searchParams;
      const page = Number(search.get('page'));
      seen.push({
        page,
        pageSize: search.get('pageSize'),
        q: search.get('q'),
        concurrent: inFlight,
      });
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      const items = Array.from({ length: pageSize }, (_, index) => (page - 1) * pageSize + index)
        .filter((n) => n < total)
        .map((n) => ({
          id: `log-${n}`,
          customerId: 'c',
          type: 'INTEGRATION',
          category: 'error',
          message: 'CloudIntegrator[IntegrationDisabled]',
          timestamp: new Date(NOW.getTime() - (n + 1) * 60_000).toISOString(),
        }));
      return HttpResponse.json({
        page,
        pageAmount: Math.ceil(total / pageSize),
        items: [...items, ...extra(page)],
      });
    }),
  );
  return seen;
}

describe('fetchFailureLogs', () => {
  it('asks with the q filter and pageSize 25, then follows pageAmount one page at a time', async () => {
    const seen = serveLogs(60);
    const result = await fetchFailureLogs({ now: NOW });
    expect(seen.map(({ page }) => page)).toEqual([1, 2, 3]);
    expect(seen.every(({ concurrent }) => concurrent === 1)).toBe(true);
    for (const request of seen) {
      expect(request.pageSize).toBe('25');
      expect(request.q).toBe(`type:INTEGRATION,category:error,startDateTime:${SINCE}`);
    }
    expect(result.items).toHaveLength(60);
    expect(result.truncated).toBe(false);
  });

  it('never asks for a page above 50, and says entries are missing', async () => {
    const seen = serveLogs(60 * 25);
    const result = await fetchFailureLogs({ now: NOW });
    expect(seen).toHaveLength(MAX_LOG_PAGE);
    expect(Math.max(...seen.map(({ page }) => page))).toBe(50);
    expect(result.items).toHaveLength(50 * 25);
    expect(result.truncated).toBe(true);
  });

  it('asks once when everything fits on one page', async () => {
    const seen = serveLogs(3);
    expect((await fetchFailureLogs({ now: NOW })).items).toHaveLength(3);
    expect(seen).toHaveLength(1);
  });

  it('stops when the API ignores page and answers page 1 again', async () => {
    const seen: number[] = [];
    server.use(
      http.get('*/v1/administrationLogs', ({ request }) => {
        seen.push(Number(new URL(request.url).searchParams.get('page')));
        return HttpResponse.json({ page: 1, pageAmount: 4, items: [] });
      }),
    );
    await fetchFailureLogs({ now: NOW });
    expect(seen).toEqual([1, 2]);
  });

  // summarizeFailures relies on this order.
  it('sorts newest first and drops unreadable items', async () => {
    server.use(
      http.get('*/v1/administrationLogs', () =>
        HttpResponse.json({
          items: [
            {
              id: 'a',
              type: 'INTEGRATION',
              category: 'error',
              message: 'm',
              timestamp: '2026-11-30T00:00:00.000Z',
            },
            {
              id: 'b',
              type: 'INTEGRATION',
              message: 'm',
              timestamp: '2026-12-01T00:00:00.000Z',
              future: { x: 1 },
            },
            { id: 'no-time', type: 'INTEGRATION', category: 'error', message: 'm' },
            {
              id: 'bad-time',
              type: 'INTEGRATION',
              category: 'error',
              message: 'm',
              timestamp: 'yesterday',
            },
            {
              type: 'INTEGRATION',
              category: 'error',
              message: 'no id',
              timestamp: '2026-11-30T00:00:00.000Z',
            },
            'not an object',
            {
              id: 'c',
              type: 'integration',
              category: 'ERROR',
              message: 'm',
              timestamp: '2026-11-29T00:00:00.000Z',
              description: 42,
            },
          ],
        }),
      ),
    );
    const { items } = await fetchFailureLogs({ now: NOW });
    expect(items.map((item) => item.id)).toEqual(['b', 'a', 'c']);
    // Unknown fields stay; a wrongly typed optional field is read as absent.
    expect(items[0]).toMatchObject({ future: { x: 1 } });
    expect(items[2]?.description).toBeUndefined();
  });

  it('counts an entry once when it moved to the next page while the pages were read', async () => {
    const seen = serveLogs(30, 25, (page) =>
      page === 2 ? [{ id: 'log-24', type: 'INTEGRATION', message: 'm', timestamp: SINCE }] : [],
    );
    const { items } = await fetchFailureLogs({ now: NOW });
    expect(seen).toHaveLength(2);
    expect(items).toHaveLength(30);
    expect(items.filter((item) => item.id === 'log-24')).toHaveLength(1);
  });

  it('reads a page without page or pageAmount as the only page', async () => {
    server.use(http.get('*/v1/administrationLogs', () => HttpResponse.json({ items: [] })));
    expect(await fetchFailureLogs({ now: NOW })).toEqual({ items: [], truncated: false });
  });

  it('fails on a page without items, and passes API errors on', async () => {
    server.use(http.get('*/v1/administrationLogs', () => HttpResponse.json({ page: 1 })));
    await expect(fetchFailureLogs({ now: NOW })).rejects.toThrow();
    server.use(
      http.get('*/v1/administrationLogs', () =>
        HttpResponse.json(
          { statusCode: 403, statusText: 'Forbidden', errors: [] },
          { status: 403 },
        ),
      ),
    );
    await expect(fetchFailureLogs({ now: NOW })).rejects.toBeInstanceOf(ApiError);
  });
});
