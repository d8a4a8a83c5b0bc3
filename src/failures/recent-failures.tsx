import { Anchor, Group, List, Paper, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link } from '@/ui/router';
import { hasStatus } from '@/api/errors';
import { summarizeFailures, type FailureCount } from '@/failures/match';
import {
  FAILURE_WINDOW_DAYS,
  failureQueries,
  TRUNCATED,
  type FailureLogs,
} from '@/failures/queries';
import { ErrorAlert } from '@/ui/error-alert';
import { RelativeTime } from '@/ui/relative-time';

const FORBIDDEN = 'Your API user may not read administration logs, so recent failures are hidden.';

// How long the list may wait for the logs before it shows without them.
const GRACE_MS = 1000;

/**
 * Whether the list may show yet. Recent failures go above the table: appearing after it, they
 * would push the table down under the user's pointer (a layout shift of 0.1 measured at
 * 1280×860), so the list waits while the logs are pending (until they load or fail), but never
 * longer than GRACE_MS. Logs already in the cache start no timer. Once shown, the list stays:
 * a Refresh after the logs failed makes them pending again, which must not hide the table.
 */
export function useFailuresSettled(logsPending: boolean): boolean {
  const [settled, setSettled] = useState(!logsPending);
  // Set during render, as React advises for state that follows a prop: no extra commit.
  if (!logsPending && !settled) setSettled(true);
  useEffect(() => {
    if (settled) return;
    const timer = setTimeout(() => setSettled(true), GRACE_MS);
    return () => clearTimeout(timer);
  }, [settled]);
  return settled;
}

// Module level, so the query runs it only when the logs change, not on every render.
const summarize = ({ items, truncated }: FailureLogs) => ({
  ...summarizeFailures(items),
  truncated,
});

const times = (count: number) => (count === 1 ? 'once' : `${count} times`);

/**
 * The list page's summary of the last 7 days, shown only when something failed. `names` are the
 * integrations the list shows; one on another page, or deleted since, goes by the name 1NCE logged.
 */
export function RecentFailures({ names }: { names: ReadonlyMap<string, string> }) {
  const headingId = useId();
  // The list page has already asked (it waits for the answer): an error is not asked again
  // just because this region mounts after it.
  const query = useQuery({ ...failureQueries.recent(), select: summarize, retryOnMount: false });
  if (hasStatus(query.error, 403)) return <Text size="sm">{FORBIDDEN}</Text>;
  if (query.isError && !query.data) {
    return (
      <ErrorAlert
        title="Could not load recent failures"
        error={query.error}
        onRetry={() => query.refetch()}
        note="The integrations below are not affected."
      />
    );
  }
  if (!query.data) return null;
  const { integrations, plugins, unattributed, truncated } = query.data;
  if (integrations.length === 0 && !plugins && !unattributed) return null;

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={headingId}
      style={{ borderLeft: '4px solid var(--mantine-color-red-filled)' }}
    >
      <Group gap="xs" mb="xs" align="baseline">
        <IconAlertTriangle size={18} color="var(--mantine-color-red-text)" aria-hidden />
        <Title order={2} size="h4" id={headingId}>
          Recent failures
        </Title>
        <Text size="sm" c="dimmed">
          {`last ${FAILURE_WINDOW_DAYS} days`}
        </Text>
      </Group>
      <List spacing={6} size="sm" listStyleType="none" withPadding={false}>
        {integrations.map(({ id, name, count, last }) => (
          <Line
            key={id}
            what={names.get(id) ?? name ?? `Integration ${id}`}
            verb="was"
            count={count}
            last={last}
            to={`/integrations/${encodeURIComponent(id)}`}
          />
        ))}
        {plugins && (
          <Line what="Plugins" verb="were" {...plugins} note="The log does not say which plugin." />
        )}
        {unattributed && (
          <Line what="An integration the log does not name" verb="was" {...unattributed} />
        )}
      </List>
      {truncated && (
        <Text size="sm" c="dimmed" mt="xs">
          {TRUNCATED}
        </Text>
      )}
    </Paper>
  );
}

// The link is named "Failure history", not after the integration: the table's link keeps that name
// to itself, so "Cold-chain alerts" (said to voice control, or asked for by a test) means one link.
// The integration's name is the link's description instead.
function Line({
  what,
  verb,
  count,
  last,
  to,
  note,
}: FailureCount & { what: string; verb: string; to?: string; note?: string }) {
  const whatId = useId();
  return (
    <List.Item>
      <Text span size="sm" fw={600} id={whatId} style={{ overflowWrap: 'anywhere' }}>
        {what}
      </Text>{' '}
      {verb} disabled {times(count)}, last{' '}
      <Text span size="sm" display="inline-block">
        <RelativeTime iso={last} empty="" />
      </Text>
      {to && (
        <>
          {' · '}
          <Anchor component={Link} to={to} aria-describedby={whatId}>
            Failure history
          </Anchor>
        </>
      )}
      {note && (
        <Text span size="sm" c="dimmed">
          {' '}
          {note}
        </Text>
      )}
    </List.Item>
  );
}
