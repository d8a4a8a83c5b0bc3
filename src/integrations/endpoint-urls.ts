import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { DETAIL_CONCURRENCY, mapWithLimit } from '@/api/concurrency';
import { useAllIntegrations } from '@/integrations/all-integrations';
import { integrationQueries } from '@/integrations/queries';
import { INTEGRATIONS_KEY } from '@/integrations/query-keys';

/**
 * Each webhook's Endpoint URL, by id: the list does not carry it, so each detail is read (a few
 * at a time, from the cache where a detail page already read it). One that cannot be read has
 * no entry. Under the integrations' key, so a saved change reads them again.
 */
const endpointUrlsQuery = (ids: readonly string[]) =>
  queryOptions({
    queryKey: [...INTEGRATIONS_KEY, 'endpoint-urls', ids],
    queryFn: async ({ client }) =>
      new Map(
        await mapWithLimit(ids, DETAIL_CONCURRENCY, (id) =>
          client.fetchQuery(integrationQueries.detail(id)).then(
            (detail) => [id, detail.url] as const,
            () => [id, undefined] as const,
          ),
        ),
      ),
  });

/**
 * The Endpoint URLs of every webhook of the account, once every page of the list is in and
 * `wanted` (search and the duplicate-URL message read them on demand only).
 */
export function useEndpointUrls(wanted: boolean) {
  const all = useAllIntegrations();
  const { complete, items } = all;
  const webhookIds = useMemo(
    () => (complete ? items.filter((item) => item.type === 'WEBHOOK').map((item) => item.id) : []),
    [complete, items],
  );
  const enabled = wanted && webhookIds.length > 0;
  const urls = useQuery({ ...endpointUrlsQuery(webhookIds), enabled });
  return { all, urls: urls.data, reading: enabled && urls.isPending };
}
