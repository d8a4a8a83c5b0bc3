import type { QueryKey } from '@tanstack/react-query';

/**
 * The key every integration query starts with (the list, each detail, the scans across pages, the
 * failure logs): what any change to an integration makes stale. A module of its own, so app/ can
 * hand it to the query client without loading the feature's queries into the entry chunk.
 */
export const INTEGRATIONS_KEY = ['integrations'] as const;

/** The key of one integration's detail. */
export const detailKey = (id: string) => [...INTEGRATIONS_KEY, 'detail', id] as const;

/** The integration a detail query is about; undefined for any other query. */
export const detailIdOf = (queryKey: QueryKey) =>
  queryKey[0] === INTEGRATIONS_KEY[0] && queryKey[1] === 'detail' ? String(queryKey[2]) : undefined;
