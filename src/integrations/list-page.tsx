import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  Pagination,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus, IconRefresh } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useDeferredValue, useMemo } from 'react';
import { Link, useSearchParams } from '@/ui/router';
import { failureQueries } from '@/failures/queries';
import { RecentFailures, useFailuresSettled } from '@/failures/recent-failures';
import { ErrorAlert } from '@/ui/error-alert';
import { isFiltering, readFilters } from '@/integrations/find';
import { FindControls } from '@/integrations/find-controls';
import { IntegrationTable } from '@/integrations/integration-table';
import { integrationQueries } from '@/integrations/queries';
import { INTEGRATIONS_KEY } from '@/integrations/query-keys';
import { RestartAllFailed } from '@/integrations/restart-all-failed';
import { TransferActions } from '@/transfer/transfer-actions';
import { RowsSkeleton } from '@/ui/skeletons';
import { Hint } from '@/ui/hint';
import { usePageTitle } from '@/ui/use-page-title';

// Only a search or filter shows it: it stays out of the list's first load.
const FindResults = lazy(() =>
  import('@/integrations/find-results').then((module) => ({ default: module.FindResults })),
);

export function ListPage() {
  usePageTitle('Integrations');
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedPage = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const query = useQuery(integrationQueries.list(requestedPage));
  const failures = useQuery(failureQueries.recent());
  const settled = useFailuresSettled(failures.isPending);
  // Deferred, and only once the failures have settled: the list's render (a Mantine row per
  // integration, Recent failures) runs as background work React slices and the browser can
  // interrupt, not as one long task when the last answer arrives. TanStack Query's updates are
  // synchronous renders; with `settled` outside the deferred value, the one that settled it
  // rendered the whole list at once (a 56 ms task at 1 × CPU, 224 ms in Lighthouse's mobile
  // profile). The skeleton stays until the background render is done.
  const data = useDeferredValue(
    useMemo(() => (settled ? query.data : undefined), [settled, query.data]),
  );
  const queryClient = useQueryClient();

  const filters = readFilters(searchParams);

  const goTo = (page: number) => setSearchParams(page === 1 ? {} : { page: String(page) });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Integrations</Title>
          <Text c="dimmed" size="sm">
            Where 1NCE forwards your devices&apos; events.
          </Text>
          <Anchor component={Link} to="/coverage" size="sm">
            Event coverage
          </Anchor>
        </div>
        <Group gap="xs">
          <Hint label="Refresh">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Refresh"
              loading={query.isFetching || failures.isFetching}
              onClick={() =>
                void queryClient.refetchQueries({ queryKey: INTEGRATIONS_KEY, type: 'active' })
              }
            >
              <IconRefresh size={18} aria-hidden />
            </ActionIcon>
          </Hint>
          <TransferActions />
          <Button component={Link} to="/integrations/new" leftSection={<IconPlus size={16} />}>
            New webhook
          </Button>
        </Group>
      </Group>

      <FindControls />

      {isFiltering(filters) ? (
        <Suspense fallback={<ListSkeleton />}>
          <FindResults
            filters={filters}
            above={
              settled && (
                <>
                  <RestartAllFailed shown={data} />
                  <RecentFailures shown={data?.items} />
                </>
              )
            }
          />
        </Suspense>
      ) : query.isError && !data ? (
        <ErrorAlert
          title="Could not load integrations"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : !data ? (
        <ListSkeleton />
      ) : data.items.length === 0 && data.page === 1 ? (
        <>
          <RecentFailures shown={data?.items} />
          <EmptyState />
        </>
      ) : (
        <>
          {/* With the data, not in the header: appearing there when the answer came, it pushed
              the whole page down on a phone (a layout shift Lighthouse counted, 0.12). */}
          <RestartAllFailed shown={data} />
          <RecentFailures shown={data?.items} />
          {query.isError && (
            <Alert color="yellow" title="Showing the last loaded list">
              Refreshing failed: {query.error.message}
            </Alert>
          )}
          {data.page !== requestedPage && (
            <Alert color="blue">
              You asked for page {requestedPage}; the API returned page {data.page}.
            </Alert>
          )}
          <IntegrationTable items={data.items} busy={query.isPlaceholderData} />
          {data.items.length === 0 && (
            <Text c="dimmed">
              Page {data.page} is empty.{' '}
              <Anchor component="button" type="button" underline="always" onClick={() => goTo(1)}>
                Go to the first page
              </Anchor>
            </Text>
          )}
          {data.pageAmount > 1 && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                Page {data.page} of {data.pageAmount}
              </Text>
              <Pagination
                total={data.pageAmount}
                value={data.page}
                onChange={goTo}
                aria-label="Pages"
                getControlProps={(control) =>
                  control === 'previous'
                    ? { 'aria-label': 'Previous page' }
                    : control === 'next'
                      ? { 'aria-label': 'Next page' }
                      : {}
                }
                getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

// The list's rows while they load; the filtered view (find-results.tsx) shows the same.
const ListSkeleton = () => <RowsSkeleton label="Loading integrations" rows={5} height={40} />;

function EmptyState() {
  return (
    <Paper withBorder p="xl">
      <Stack align="center" gap="sm">
        <Title order={2} size="h3">
          No integrations yet
        </Title>
        <Text c="dimmed" ta="center" maw={480}>
          Create a webhook and 1NCE will forward your devices&apos; telemetry, lifecycle, error,
          geofence and location events to your HTTPS endpoint.
        </Text>
        <Button component={Link} to="/integrations/new" leftSection={<IconPlus size={16} />}>
          New webhook
        </Button>
      </Stack>
    </Paper>
  );
}
