import { Alert, Anchor, Button, Code, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useNavigate } from '@/ui/router';
import { coverageOf, errorWatchdog, type CoverageRow } from '@/coverage/coverage';
import { CoverageTable } from '@/coverage/coverage-table';
import { useAllIntegrations } from '@/integrations/all-integrations';
import { ErrorAlert } from '@/ui/error-alert';
import { handOverToNewWebhook } from '@/integrations/hand-over';
import { ProgressStatus } from '@/ui/progress-status';
import { usePageTitle } from '@/ui/use-page-title';

export function CoveragePage() {
  usePageTitle('Event coverage');
  const all = useAllIntegrations();
  const coverage = useMemo(() => coverageOf(all.items), [all.items]);
  const { query } = all;
  // Every page is in: a refetch in the background keeps showing what was loaded.
  const settled = query.isSuccess && !query.hasNextPage;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/integrations" size="sm">
          Back to integrations
        </Anchor>
        <Title order={1}>Event coverage</Title>
        <Text c="dimmed" size="sm">
          Which event types each integration receives. The totals count Active webhooks: those 1NCE
          is delivering to now.
        </Text>
      </div>
      {query.isError ? (
        <ErrorAlert
          title="Could not load every integration"
          error={query.error}
          onRetry={() => void query.refetch()}
          note={
            all.loaded > 0
              ? `Showing the first ${all.loaded} of ${all.pageAmount ?? '?'} pages.`
              : undefined
          }
        />
      ) : (
        !settled && <Loading loaded={all.loaded} pageAmount={all.pageAmount} />
      )}
      {settled && coverage.totals.ERROR === 0 && (
        <WatchdogWarning inactive={coverage.inactiveErrorSubscribers} />
      )}
      {all.loaded > 0 &&
        (coverage.rows.length > 0 ? (
          <CoverageTable coverage={coverage} />
        ) : (
          <Text>No integrations yet.</Text>
        ))}
      {all.loaded === 0 && !query.isError && <Skeleton height={240} />}
    </Stack>
  );
}

function Loading({ loaded, pageAmount }: { loaded: number; pageAmount: number | undefined }) {
  const label =
    pageAmount === undefined
      ? 'Loading integrations…'
      : `Loading integrations: page ${loaded} of ${pageAmount}`;
  return (
    <ProgressStatus done={loaded} total={pageAmount} label="Integrations loaded" animated>
      {label}
    </ProgressStatus>
  );
}

function WatchdogWarning({ inactive }: { inactive: CoverageRow[] }) {
  const navigate = useNavigate();
  return (
    <Alert
      color="yellow"
      title="No Active webhook hears about failures"
      icon={<IconAlertTriangle aria-hidden />}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          1NCE reports a disabled integration (
          <Code style={{ overflowWrap: 'anywhere' }}>CloudIntegrator[IntegrationDisabled]</Code>)
          only to webhooks subscribed to Error. None of your Active webhooks is, so when an
          integration stops delivering, nobody is told.
        </Text>
        {inactive.length > 0 && (
          <Text size="sm">
            Subscribed to Error but not Active:{' '}
            {inactive.map((row, index) => (
              <span key={row.id}>
                {index > 0 && ', '}
                {/* The alert's own text colour, underlined: the link colour on the yellow
                    alert misses AA contrast in the dark scheme. */}
                <Anchor
                  component={Link}
                  to={`/integrations/${encodeURIComponent(row.id)}`}
                  c="inherit"
                  underline="always"
                >
                  {row.name}
                </Anchor>
              </span>
            ))}
            . A webhook becomes Active with its first successful delivery, or when a Restart from
            its page gets its test message answered.
          </Text>
        )}
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => navigate(handOverToNewWebhook(errorWatchdog))}
        >
          Create an Error watchdog
        </Button>
      </Stack>
    </Alert>
  );
}
