import { Anchor } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { DETAIL_CONCURRENCY, mapWithLimit } from '@/api/concurrency';
import { useAllIntegrations } from '@/integrations/all-integrations';
import { integrationQueries } from '@/integrations/queries';
import type { IntegrationSummary } from '@/integrations/schemas';
import { Link } from '@/ui/router';

/**
 * The 409 message with a link to the webhook that already has `url`. 1NCE's 409 does not say
 * which one, and its list carries no URLs: the webhooks' details are read (cached ones as they
 * are) until one matches. Until then, or when none does, the message stands alone.
 */
export function UrlConflictMessage({ message, url }: { message: string; url: string }) {
  const owner = useUrlOwner(url);
  if (!owner || !message.endsWith('.')) return message;
  return (
    <>
      {message.slice(0, -1)}:{' '}
      <Anchor component={Link} to={`/integrations/${encodeURIComponent(owner.id)}`} inherit>
        {owner.name}
      </Anchor>
      .
    </>
  );
}

function useUrlOwner(url: string) {
  const all = useAllIntegrations();
  const webhooks = all.complete ? all.items.filter((item) => item.type === 'WEBHOOK') : undefined;
  const owner = useQuery(urlOwnerQuery(url, webhooks));
  return owner.data ?? undefined;
}

const urlOwnerQuery = (url: string, webhooks: readonly IntegrationSummary[] | undefined) =>
  queryOptions({
    queryKey: ['url-owner', url, webhooks?.map((item) => item.id)],
    queryFn: async ({ client }) => {
      let found = false;
      const matches = await mapWithLimit(webhooks!, DETAIL_CONCURRENCY, async (item) => {
        if (found) return undefined;
        const detail = await client.fetchQuery(integrationQueries.detail(item.id));
        found ||= detail.url?.trim() === url;
        return detail.url?.trim() === url ? detail : undefined;
      });
      return matches.find((detail) => detail !== undefined) ?? null;
    },
    enabled: webhooks !== undefined && url !== '',
    gcTime: 0,
    retry: false,
  });
