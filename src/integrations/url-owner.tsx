import { Anchor } from '@mantine/core';
import { useEndpointUrls } from '@/integrations/endpoint-urls';
import { Link } from '@/ui/router';

/**
 * The 409 message with a link to the webhook that already has `url`. 1NCE's 409 does not say
 * which one, and its list carries no URLs: the webhooks' Endpoint URLs are read (as search reads
 * them) and the one that has `url` is linked. Until then, or when none does, the message stands
 * alone.
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
  const { all, urls } = useEndpointUrls(url !== '');
  const id = urls && [...urls].find(([, owned]) => owned?.trim() === url)?.[0];
  return id === undefined ? undefined : all.items.find((item) => item.id === id);
}
