import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  Pagination,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/integrations/error-alert';
import {
  eventTypeLabel,
  formatExact,
  formatRelative,
  integrationTypeLabel,
} from '@/integrations/labels';
import { integrationQueries } from '@/integrations/queries';
import type { IntegrationSummary } from '@/integrations/schemas';
import { StateBadge } from '@/integrations/state-badge';

export function ListPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedPage = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const query = useQuery(integrationQueries.list(requestedPage));
  const { data } = query;

  const goTo = (page: number) =>
    setSearchParams(page === 1 ? {} : { page: String(page) }, { preventScrollReset: false });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Integrations</Title>
          <Text c="dimmed" size="sm">
            Where 1NCE forwards your devices&apos; events.
          </Text>
        </div>
        <Group gap="xs">
          <Tooltip label="Refresh">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Refresh"
              loading={query.isFetching}
              onClick={() => query.refetch()}
            >
              <IconRefresh size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Button component={Link} to="/integrations/new" leftSection={<IconPlus size={16} />}>
            New webhook
          </Button>
        </Group>
      </Group>

      {query.isError && !data ? (
        <ErrorAlert
          title="Could not load integrations"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : query.isPending ? (
        <ListSkeleton />
      ) : data && data.items.length === 0 && data.page === 1 ? (
        <EmptyState />
      ) : data ? (
        <>
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
      ) : null}
    </Stack>
  );
}

function IntegrationTable({ items, busy }: { items: IntegrationSummary[]; busy: boolean }) {
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={720}>
        <Table
          verticalSpacing="sm"
          highlightOnHover
          aria-busy={busy}
          style={{ opacity: busy ? 0.6 : 1 }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Type</Table.Th>
              <Table.Th scope="col">Event types</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">First successful delivery</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/integrations/${encodeURIComponent(item.id)}`}
                    fw={500}
                  >
                    {item.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{integrationTypeLabel(item.type)}</Table.Td>
                <Table.Td>
                  {item.eventTypes.map((ref) => eventTypeLabel(ref.type)).join(', ')}
                </Table.Td>
                <Table.Td>
                  <StateBadge state={item.state} />
                </Table.Td>
                <Table.Td>
                  <RelativeTime iso={item.lastSuccessfulMessageDelivery} empty="Not yet" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

export function RelativeTime({ iso, empty }: { iso: string | undefined; empty: string }) {
  if (!iso)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  return (
    <Tooltip label={formatExact(iso)}>
      <Text component="time" dateTime={iso} size="sm" tabIndex={0}>
        {formatRelative(iso)}
      </Text>
    </Tooltip>
  );
}

function ListSkeleton() {
  return (
    <Stack gap="xs" aria-label="Loading integrations" role="status">
      {Array.from({ length: 5 }, (_, index) => (
        <Skeleton key={index} height={40} />
      ))}
    </Stack>
  );
}

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
