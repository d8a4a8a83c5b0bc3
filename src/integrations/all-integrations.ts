import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { request } from '@/api/request';
import { PAGE_SIZE } from '@/integrations/queries';
import { integrationListSchema, type IntegrationList } from '@/integrations/schemas';

/**
 * Every integration of the account, for work across pages (search, export, coverage, Restart all
 * failed). The spec declares no paging parameters for this list (cloud-integrator-api.md §1.4),
 * so it asks with the list page's `page` and `pageSize`, follows the `pageAmount` 1NCE answers,
 * one request at a time, and stops when an answer is not the page it asked for (an API that
 * ignores `page` would otherwise be asked forever).
 */
export const allIntegrationsQuery = () =>
  infiniteQueryOptions({
    queryKey: ['integrations', 'all', { pageSize: PAGE_SIZE }],
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
  const query = useInfiniteQuery({ ...allIntegrationsQuery(), enabled });
  const { hasNextPage, isFetching, isError, fetchNextPage } = query;
  const pages = query.data?.pages;
  const loaded = pages?.length ?? 0;
  // `loaded` too: a fast answer can bring the next page without a render in which isFetching was
  // true, and the effect must still ask for the one after it.
  useEffect(() => {
    // Not cancelling: two components on one page (search, Restart all failed) share this query.
    if (enabled && hasNextPage && !isFetching && !isError)
      void fetchNextPage({ cancelRefetch: false });
  }, [enabled, hasNextPage, isFetching, isError, fetchNextPage, loaded]);

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
    complete: query.isSuccess && !hasNextPage && !isFetching,
    query,
  };
}
