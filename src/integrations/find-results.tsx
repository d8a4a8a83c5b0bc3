import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from '@/ui/router';
import { useEndpointUrls } from '@/integrations/endpoint-urls';
import { ErrorAlert } from '@/ui/error-alert';
import { matches, withFilters, type Filters } from '@/integrations/find';
import { IntegrationTable } from '@/integrations/integration-table';
import { RowsSkeleton } from '@/ui/skeletons';
import { ProgressStatus } from '@/ui/progress-status';

// Up to 3 pages load in about the time one page change takes; beyond that the wait is worth
// saying how far it got.
const PROGRESS_AFTER_PAGES = 3;

/**
 * The list narrowed by search and filters, over every page of the account: matches show as
 * pages arrive; "N of M" once the last page is in.
 */
export function FindResults({ filters, above }: { filters: Filters; above?: ReactNode }) {
  const [, setSearchParams] = useSearchParams();
  const searching = filters.q.trim() !== '';
  const { all, urls, reading: readingUrls } = useEndpointUrls(searching);
  const { items, loaded, pageAmount, complete, query } = all;
  const found = useMemo(
    () => items.filter((item) => matches(item, filters, urls?.get(item.id))),
    [items, filters, urls],
  );
  const clear = () =>
    setSearchParams((params) => withFilters(params, { q: '', state: '', type: '' }));

  if (query.isPending) {
    return <RowsSkeleton label="Loading integrations" rows={5} height={40} />;
  }
  if (query.isError && !query.data) {
    return (
      <ErrorAlert
        title="Could not load integrations"
        error={query.error}
        onRetry={() => query.refetch()}
      />
    );
  }

  const total = pageAmount ?? 0;
  const loading = !complete && !query.isError;
  return (
    <Stack gap="sm">
      {above}
      {loading && total > PROGRESS_AFTER_PAGES && (
        <ProgressStatus
          done={loaded}
          total={total}
          label={`Loading every page: ${loaded} of ${total} loaded`}
        >
          Loading page {Math.min(loaded + 1, total)} of {total}
        </ProgressStatus>
      )}
      {query.isError && (
        <ErrorAlert
          title={`Could not load page ${loaded + 1} of ${total}`}
          error={query.error}
          note="The matches below come from the pages that did load."
          onRetry={() => query.fetchNextPage()}
        />
      )}
      <Text size="sm" c="dimmed" role="status">
        {complete && !readingUrls
          ? `${found.length} of ${items.length} integrations`
          : readingUrls
            ? `${found.length} found so far by name; reading each webhook's Endpoint URL…`
            : `${found.length} found so far in ${items.length} integrations`}
      </Text>
      {found.length > 0 ? (
        <IntegrationTable items={found} busy={false} />
      ) : (
        complete &&
        !readingUrls && (
          <Paper withBorder p="xl">
            <Stack align="center" gap="sm">
              <Title order={2} size="h3">
                No integrations match
              </Title>
              <Text c="dimmed" ta="center">
                None of the {items.length} integrations matches this search and these filters.
              </Text>
              <Button variant="default" onClick={clear}>
                Clear search and filters
              </Button>
            </Stack>
          </Paper>
        )
      )}
      {found.length > 0 && (
        <Text size="sm">
          <Anchor component="button" type="button" underline="always" onClick={clear}>
            Clear search and filters
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
