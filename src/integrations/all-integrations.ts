import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import { useAllPages } from '@/api/all-pages';
import { request } from '@/api/request';
import { integrationQueries, PAGE_SIZE } from '@/integrations/queries';
import { INTEGRATIONS_KEY } from '@/integrations/query-keys';
import { integrationListSchema, type IntegrationList } from '@/integrations/schemas';

/**
 * Every integration of the account, for work across pages (search, export, coverage, Restart all
 * failed). The spec declares no paging parameters for this list (cloud-integrator-api.md §1.4),
 * so it asks with the list page's `page` and `pageSize`, follows the `pageAmount` 1NCE answers,
 * one request at a time, and stops when an answer is not the page it asked for (an API that
 * ignores `page` would otherwise be asked forever).
 */
const allIntegrationsQuery = () =>
  infiniteQueryOptions({
    queryKey: [...INTEGRATIONS_KEY, 'all', { pageSize: PAGE_SIZE }],
    queryFn: ({ pageParam, signal }) =>
      request('/v1/integrate/clouds', integrationListSchema, {
        query: { page: pageParam, pageSize: PAGE_SIZE },
        signal,
      }),
    initialPageParam: 1,
    getNextPageParam: nextPage,
  });

export function nextPage(last: IntegrationList, pages: IntegrationList[]): number | undefined {
  return last.page === pages.length && last.page < last.pageAmount ? last.page + 1 : undefined;
}

/** Loads every page while `enabled`, one after another; `loaded`/`pageAmount` give the progress. */
export function useAllIntegrations({ enabled = true }: { enabled?: boolean } = {}) {
  const queryClient = useQueryClient();
  // Until this query has data, the list's first page in the cache is its first page too, as old
  // as the list's: the list has usually just asked for it, and asking again on every visit
  // would double that request. (TanStack applies initialData whenever the query has no data,
  // so it is read on each render until then.) A refetch asks for every page itself.
  const listFirstPage = () => queryClient.getQueryState(integrationQueries.list(1).queryKey);
  const query = useInfiniteQuery({
    ...allIntegrationsQuery(),
    enabled,
    initialData: (): InfiniteData<IntegrationList, number> | undefined => {
      const first = listFirstPage()?.data;
      return first?.page === 1 ? { pages: [first], pageParams: [1] } : undefined;
    },
    initialDataUpdatedAt: () => listFirstPage()?.dataUpdatedAt,
  });
  useAllPages(query, enabled);
  const pages = query.data?.pages;
  const loaded = pages?.length ?? 0;

  const items = useMemo(() => {
    const seen = new Map<string, IntegrationList['items'][number]>();
    for (const item of pages?.flatMap((page) => page.items) ?? []) {
      if (!seen.has(item.id)) seen.set(item.id, item);
    }
    return [...seen.values()];
  }, [pages]);
  return {
    /** Every integration loaded so far, each once (one that moved between pages is not doubled). */
    items,
    /** Pages loaded, and how many the API says there are: the progress. */
    loaded,
    pageAmount: pages?.at(-1)?.pageAmount,
    /** The last page is in and nothing is being fetched. */
    complete: query.isSuccess && !query.hasNextPage && !query.isFetching,
    query,
  };
}
