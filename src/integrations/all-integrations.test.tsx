import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { createQueryClient } from '@/api/query-client';
import { nextPage, useAllIntegrations } from '@/integrations/all-integrations';
import { INTEGRATIONS_KEY } from '@/integrations/query-keys';
import { db } from '@/mocks/db';
import { server } from '@/mocks/node';
import { listPagesAsked, recordRequests } from '@/test/requests';

function renderAll(options?: { enabled?: boolean }) {
  const queryClient = createQueryClient({ retry: false, invalidates: INTEGRATIONS_KEY });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return renderHook(({ enabled }) => useAllIntegrations({ enabled }), {
    wrapper,
    initialProps: { enabled: options?.enabled ?? true },
  });
}

const page = (page: number, pageAmount: number, ids: string[]) => ({
  page,
  pageAmount,
  items: ids.map((id) => ({
    id,
    name: id,
    state: 'INTEGRATION_ACTIVE',
    type: 'WEBHOOK',
    eventTypes: [],
  })),
});

describe('useAllIntegrations', () => {
  it('loads every page of the account, one after another, each integration once', async () => {
    const sent = recordRequests();
    const { result } = renderAll();
    await waitFor(() => expect(result.current.complete).toBe(true));
    expect(result.current.items.map((item) => item.id).sort()).toEqual(
      db
        .list()
        .map((item) => item.id)
        .sort(),
    );
    expect(result.current.loaded).toBe(2);
    expect(result.current.pageAmount).toBe(2);
    expect(listPagesAsked(sent)).toEqual(['?page=1&pageSize=10', '?page=2&pageSize=10']);
  });

  it('two users of the list on one page do not cancel each other’s page requests', async () => {
    const sent = recordRequests();
    const queryClient = createQueryClient({ retry: false, invalidates: INTEGRATIONS_KEY });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => [useAllIntegrations(), useAllIntegrations()] as const, {
      wrapper,
    });
    await waitFor(() => expect(result.current.every((all) => all.complete)).toBe(true));
    expect(listPagesAsked(sent)).toEqual(['?page=1&pageSize=10', '?page=2&pageSize=10']);
  });

  it('asks for nothing until enabled', async () => {
    const sent = recordRequests();
    const { result, rerender } = renderAll({ enabled: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listPagesAsked(sent)).toEqual([]);
    expect(result.current.complete).toBe(false);
    rerender({ enabled: true });
    await waitFor(() => expect(result.current.complete).toBe(true));
    expect(listPagesAsked(sent)).toHaveLength(2);
  });

  it('follows pageAmount and does not double an item that moved to the next page', async () => {
    server.use(
      http.get('*/v1/integrate/clouds', ({ request }) => {
        const n = Number(new URL(request.url).searchParams.get('page'));
        return HttpResponse.json(page(n, 3, n === 1 ? ['a', 'b'] : n === 2 ? ['b', 'c'] : ['d']));
      }),
    );
    const { result } = renderAll();
    await waitFor(() => expect(result.current.complete).toBe(true));
    expect(result.current.items.map((item) => item.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(result.current.loaded).toBe(3);
  });

  it('stops when the API answers another page than the one asked for (page ignored)', async () => {
    const sent = recordRequests();
    server.use(http.get('*/v1/integrate/clouds', () => HttpResponse.json(page(1, 4, ['a']))));
    const { result } = renderAll();
    await waitFor(() => expect(result.current.complete).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listPagesAsked(sent)).toEqual(['?page=1&pageSize=10', '?page=2&pageSize=10']);
    expect(result.current.items.map((item) => item.id)).toEqual(['a']);
  });

  it('keeps what it loaded and stops on an error', async () => {
    server.use(
      http.get('*/v1/integrate/clouds', ({ request }) =>
        new URL(request.url).searchParams.get('page') === '1'
          ? HttpResponse.json(page(1, 2, ['a']))
          : HttpResponse.json(
              { statusCode: 500, statusText: 'Server Error', errors: [] },
              { status: 500 },
            ),
      ),
    );
    const { result } = renderAll();
    await waitFor(() => expect(result.current.query.isError).toBe(true));
    expect(result.current.items.map((item) => item.id)).toEqual(['a']);
    expect(result.current.complete).toBe(false);
  });
});

describe('nextPage', () => {
  it.each([
    [page(1, 1, []), 1, undefined],
    [page(1, 3, []), 1, 2],
    [page(2, 3, []), 2, 3],
    [page(3, 3, []), 3, undefined],
    [page(1, 3, []), 2, undefined],
  ])('after %o as page %i of the pages asked: %s', (last, count, expected) => {
    const pages = Array.from({ length: count }, () => last);
    expect(nextPage(last, pages)).toBe(expected);
  });
});
