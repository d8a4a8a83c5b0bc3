import { Anchor, Box, Button, Group, List, Paper, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { Link } from '@/ui/router';
import { hasStatus } from '@/api/errors';
import { summarizeFailures, type FailureCount } from '@/failures/match';
import {
  FAILURE_WINDOW_DAYS,
  failureQueries,
  TRUNCATED,
  type FailureLogs,
} from '@/failures/queries';
import { useAllIntegrations } from '@/integrations/all-integrations';
import type { IntegrationSummary } from '@/integrations/schemas';
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
 * The list page's summary of the last 7 days, shown only when something failed. `shown` are the
 * integrations the list shows; one on another page, or deleted since, goes by the name 1NCE logged.
 * It is history, not an alarm: red only while an integration it names is Failed now. On a phone it
 * folds to its heading line, so the list's first rows stay on the first screen.
 */
export function RecentFailures({ shown }: { shown: readonly IntegrationSummary[] | undefined }) {
  const headingId = useId();
  const listId = useId();
  const [expanded, setExpanded] = useState(false);
  // The list's first page, or every page when a search or Restart all failed loaded them: never
  // fetched for this alone. An integration in neither is not known to be Failed now.
  const all = useAllIntegrations({ enabled: false });
  const current = useMemo(
    () => new Map([...all.items, ...(shown ?? [])].map((item) => [item.id, item])),
    [all.items, shown],
  );
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

  const failingNow = (id: string) => current.get(id)?.state === 'INTEGRATION_FAILED';
  const stillFailed = integrations.filter(({ id }) => failingNow(id)).length;
  const lines = integrations.length + (plugins ? 1 : 0) + (unattributed ? 1 : 0);
  const Icon = stillFailed > 0 ? IconAlertTriangle : IconHistory;

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={headingId}
      style={{
        borderLeft: `4px solid var(--mantine-color-${stillFailed > 0 ? 'red-filled' : 'default-border'})`,
      }}
    >
      <Group gap="xs" align="baseline" wrap="nowrap">
        <Icon
          size={18}
          color={`var(--mantine-color-${stillFailed > 0 ? 'red-text' : 'dimmed'})`}
          aria-hidden
          style={{ flexShrink: 0, alignSelf: 'center' }}
        />
        <Group gap="xs" align="baseline" style={{ flex: 1 }}>
          <Title order={2} size="h4" id={headingId} style={{ whiteSpace: 'nowrap' }}>
            Recent failures
          </Title>
          <Text size="sm" c="dimmed">
            {`last ${FAILURE_WINDOW_DAYS} days · `}
            <Text
              span
              inherit
              c={stillFailed > 0 ? 'var(--mantine-color-red-text)' : undefined}
              fw={500}
              style={{ whiteSpace: 'nowrap' }}
            >
              {stillFailed > 0 ? `${stillFailed} still Failed` : 'none Failed now'}
            </Text>
          </Text>
        </Group>
        <Button
          hiddenFrom="sm"
          variant="subtle"
          size="compact-sm"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((open) => !open)}
        >
          {expanded ? 'Hide' : `Show all ${lines}`}
        </Button>
      </Group>
      <Box visibleFrom={expanded ? undefined : 'sm'} mt="xs">
        <List id={listId} spacing={6} size="sm" listStyleType="none" withPadding={false}>
          {integrations.map(({ id, name, count, last }) => (
            <Line
              key={id}
              what={current.get(id)?.name ?? name ?? `Integration ${id}`}
              verb="was"
              count={count}
              last={last}
              failingNow={failingNow(id)}
              to={`/integrations/${encodeURIComponent(id)}`}
            />
          ))}
          {plugins && (
            <Line
              what="Plugins"
              verb="were"
              {...plugins}
              note="The log does not say which plugin."
            />
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
      </Box>
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
  failingNow = false,
}: FailureCount & {
  what: string;
  verb: string;
  to?: string;
  note?: string;
  failingNow?: boolean;
}) {
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
      {failingNow && (
        <Text span size="sm" c="var(--mantine-color-red-text)" fw={500}>
          , Failed now
        </Text>
      )}
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
