import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { hasStatus } from '@/api/errors';
import { failuresOf, messageLabel } from '@/failures/match';
import { FAILURE_WINDOW_DAYS, failureQueries, TRUNCATED } from '@/failures/queries';
import type { AdminLog } from '@/failures/schemas';
import { ErrorAlert } from '@/ui/error-alert';
import { formatExact } from '@/ui/format';
import { RelativeTime } from '@/ui/relative-time';
import { RowsSkeleton } from '@/ui/skeletons';

const FORBIDDEN = 'Your API user may not read administration logs, so failure history is hidden.';
// The contract's delivery rules: 5 attempts per event, then the integration is Failed and gets
// nothing until a Restart, which sends only a TEST_MESSAGE. Nothing documents a queue or a replay.
const RETENTION =
  '1NCE keeps administration logs for 7 days. While an integration is Failed, 1NCE does not queue its events: a Restart does not deliver them later.';

/** The detail page's section: what 1NCE logged about this integration in the last 7 days. */
export function FailureHistory({ integrationId }: { integrationId: string }) {
  const headingId = useId();
  const query = useQuery(failureQueries.recent());
  const entries = useMemo(
    () => query.data && failuresOf(query.data.items, integrationId),
    [query.data, integrationId],
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" mb="xs" id={headingId}>
        Failure history
      </Title>
      {hasStatus(query.error, 403) ? (
        <Text size="sm">{FORBIDDEN}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {RETENTION}
          </Text>
          {query.isPending ? (
            <RowsSkeleton label="Loading failure history" rows={2} height={32} />
          ) : query.isError && !query.data ? (
            <ErrorAlert
              title="Could not load the failure history"
              error={query.error}
              onRetry={() => query.refetch()}
              note="The rest of this page is not affected."
            />
          ) : query.data && entries ? (
            <>
              <FailureTable entries={entries} labelledBy={headingId} />
              {query.data.truncated && (
                <Text size="sm" c="dimmed">
                  {TRUNCATED}
                </Text>
              )}
            </>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}

function FailureTable({ entries, labelledBy }: { entries: AdminLog[]; labelledBy: string }) {
  if (entries.length === 0) {
    return <Text size="sm">{`No failures in the last ${FAILURE_WINDOW_DAYS} days`}</Text>;
  }
  return (
    <Table aria-labelledby={labelledBy} verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">When</Table.Th>
          <Table.Th scope="col">What 1NCE logged</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td style={{ verticalAlign: 'top', minWidth: '8rem' }}>
              {/* Read once: RelativeTime already tells a screen reader the exact time. */}
              <Text size="sm" aria-hidden>
                {formatExact(entry.timestamp)}
              </Text>
              <Text component="div" size="sm" c="dimmed">
                <RelativeTime iso={entry.timestamp} empty="" exactShown />
              </Text>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere', verticalAlign: 'top' }}>
              <Text size="sm" fw={500}>
                {messageLabel(entry) ?? entry.message}
              </Text>
              {entry.description && (
                <Text size="sm" c="dimmed">
                  {entry.description}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
