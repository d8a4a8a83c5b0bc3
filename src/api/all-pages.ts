import type { FetchNextPageOptions } from '@tanstack/react-query';
import { useEffect } from 'react';

interface PagedQuery {
  data?: { pages: readonly unknown[] };
  hasNextPage: boolean;
  isFetching: boolean;
  isError: boolean;
  fetchNextPage: (options?: FetchNextPageOptions) => Promise<unknown>;
}

/**
 * Asks an infinite query for its next page while `enabled`, one after another, until its
 * getNextPageParam finds no more or a page fails (then nothing more until it is asked again).
 */
export function useAllPages(query: PagedQuery, enabled: boolean) {
  const { hasNextPage, isFetching, isError, fetchNextPage } = query;
  const loaded = query.data?.pages.length ?? 0;
  // `loaded` too: a fast answer can bring the next page without a render in which isFetching was
  // true, and the effect must still ask for the one after it.
  useEffect(() => {
    // Not cancelling: two components of one page can share the query (search, Restart all failed).
    if (enabled && hasNextPage && !isFetching && !isError) {
      void fetchNextPage({ cancelRefetch: false });
    }
  }, [enabled, hasNextPage, isFetching, isError, fetchNextPage, loaded]);
}
