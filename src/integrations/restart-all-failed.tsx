import { Button, Group } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from '@/ui/router';
import { useAllIntegrations } from '@/integrations/all-integrations';
import { isFiltering, readFilters } from '@/integrations/find';
import { isFailedWebhook } from '@/integrations/restart-all';
import type { IntegrationList } from '@/integrations/schemas';

const RestartAllDialog = lazy(() => import('@/integrations/restart-all-dialog'));

/**
 * Accounts up to this many pages are scanned in the background to know whether any webhook is
 * Failed. A larger one is not (50 requests on every visit would undo paging): there the button
 * shows when the page on screen, or a search that loaded everything, has a Failed webhook, and
 * the dialog itself then looks through every page.
 */
const BACKGROUND_SCAN_MAX_PAGES = 5;

/** "Restart all failed" above the list, with its dialog (loaded when first opened). */
export function RestartAllFailed({ shown }: { shown: IntegrationList | undefined }) {
  const [searchParams] = useSearchParams();
  const [open, setOpen] = useState(false);
  const small = shown !== undefined && shown.pageAmount <= BACKGROUND_SCAN_MAX_PAGES;
  const shownFailed = shown?.items.some(isFailedWebhook) ?? false;
  // Scanned only when the page on screen does not already answer the question: the scan's
  // requests and their parsing were half of the demo list's blocking time on a phone (Lighthouse
  // mobile TBT 190-260 ms without them, 370-500 ms with). The same cache entry as the search:
  // enabling it here never fetches twice.
  const all = useAllIntegrations({
    enabled: !shownFailed && (small || isFiltering(readFilters(searchParams))),
  });
  const anyFailed =
    shownFailed || (all.query.data !== undefined && all.items.some(isFailedWebhook));

  return (
    <>
      {anyFailed && (
        <Group justify="flex-end">
          <Button
            variant="light"
            color="red"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={() => setOpen(true)}
          >
            Restart all failed
          </Button>
        </Group>
      )}
      {open && (
        <Suspense fallback={null}>
          <RestartAllDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
