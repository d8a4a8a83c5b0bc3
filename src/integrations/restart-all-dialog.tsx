import '@mantine/core/styles/Modal.layer.css';
import { Alert, Anchor, Box, Button, Code, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from '@/ui/router';
import { useAllIntegrations } from '@/integrations/all-integrations';
import { ErrorAlert } from '@/ui/error-alert';
import { INTEGRATIONS_KEY } from '@/integrations/query-keys';
import {
  isFailedWebhook,
  lastErrorsQuery,
  restartEach,
  summarize,
  type LastError,
  type RestartOutcome,
} from '@/integrations/restart-all';
import type { IntegrationSummary } from '@/integrations/schemas';
import { ProgressStatus } from '@/ui/progress-status';
import { notify } from '@/ui/notify';

type Phase = 'confirm' | 'running' | 'done';

export default function RestartAllDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const all = useAllIntegrations();
  const [phase, setPhase] = useState<Phase>('confirm');
  // Fixed when the user confirms: the list refreshing underneath must not move the rows.
  const [chosen, setChosen] = useState<IntegrationSummary[] | null>(null);
  const [outcomes, setOutcomes] = useState<Record<string, RestartOutcome>>({});
  const stop = useRef(false);

  const failed = chosen ?? (all.complete ? all.items.filter(isFailedWebhook) : []);
  const ids = failed.map((item) => item.id);
  const lastErrors = useQuery({
    ...lastErrorsQuery(ids),
    enabled: ids.length > 0 && phase === 'confirm',
  });

  const run = async () => {
    if (phase !== 'confirm') return;
    setPhase('running');
    setChosen(failed);
    const seen: Record<string, RestartOutcome> = {};
    await restartEach(
      ids,
      (id, outcome) => {
        seen[id] = outcome;
        setOutcomes((current) => ({ ...current, [id]: outcome }));
      },
      () => stop.current,
    );
    setPhase('done');
    // Closed mid-run: the dialog is gone, so the outcome is said where the user now is.
    if (stop.current) {
      void notify({
        color: 'yellow',
        title: 'Restart all failed stopped',
        message: summarize(
          ids.length,
          ids.map((id) => seen[id]),
        ),
      });
    }
    // Once, for the whole batch; the list, its scan and each detail page refresh from it.
    await queryClient.invalidateQueries({ queryKey: INTEGRATIONS_KEY });
  };

  const close = () => {
    // Mid-run: the restart in flight finishes (it cannot be recalled), no further one starts.
    if (phase === 'running') stop.current = true;
    onClose();
  };

  const results = ids.map((id) => outcomes[id]);
  const finished = results.filter((outcome) => outcome && outcome.kind !== 'running').length;
  const summary = summarize(ids.length, results);

  return (
    <Modal
      opened
      onClose={close}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="Restart all failed webhooks?"
      size="lg"
    >
      <Stack>
        {!all.complete && !chosen ? (
          all.query.isError ? (
            <ErrorAlert
              title="Could not load every integration"
              error={all.query.error}
              onRetry={() => all.query.fetchNextPage()}
            />
          ) : (
            <ProgressStatus
              done={all.loaded}
              total={all.pageAmount}
              label="Looking for failed webhooks"
            >
              Looking for failed webhooks: page {Math.min(all.loaded + 1, all.pageAmount ?? 1)} of{' '}
              {all.pageAmount ?? '…'}
            </ProgressStatus>
          )
        ) : failed.length === 0 ? (
          <Text size="sm">No webhook is Failed any more.</Text>
        ) : (
          <>
            <Text size="sm">
              Each of these{' '}
              {failed.length === 1 ? 'webhook gets' : `${failed.length} webhooks gets`} one test
              message, one after another. A webhook whose endpoint answers with a 2xx status within
              20 seconds becomes Active and 1NCE resumes delivering its events; the others stay
              Failed. AWS integrations are not included.
            </Text>
            <Box
              component="ul"
              aria-label="Failed webhooks"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {failed.map((item, index) => (
                <RestartRow
                  key={item.id}
                  item={item}
                  lastError={lastErrors.data?.[index]}
                  loadingError={lastErrors.isPending}
                  outcome={outcomes[item.id]}
                  onOpen={close}
                />
              ))}
            </Box>
          </>
        )}

        {phase === 'running' && (
          <Text size="sm" c="dimmed">
            Restarting {Math.min(finished + 1, ids.length)} of {ids.length}. Closing this dialog
            stops after the current restart; the ones not yet restarted stay Failed.
          </Text>
        )}
        {phase === 'done' && (
          <Alert
            role="status"
            color={results.every((outcome) => outcome?.kind === 'recovered') ? 'green' : 'yellow'}
            title={summary}
          />
        )}

        <Group justify="flex-end">
          {phase === 'confirm' ? (
            <>
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button disabled={failed.length === 0} onClick={() => void run()}>
                {failed.length === 1 ? 'Restart 1 webhook' : `Restart ${failed.length} webhooks`}
              </Button>
            </>
          ) : (
            <Button variant={phase === 'done' ? 'filled' : 'default'} onClick={close}>
              {phase === 'done' ? 'Done' : 'Stop after this one'}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function RestartRow({
  item,
  lastError,
  loadingError,
  outcome,
  onOpen,
}: {
  item: IntegrationSummary;
  lastError: LastError | undefined;
  loadingError: boolean;
  outcome: RestartOutcome | undefined;
  /** Leaving for the webhook's page closes the dialog the way its close button does. */
  onOpen: () => void;
}) {
  return (
    <Box
      component="li"
      py="xs"
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Anchor
        component={Link}
        to={`/integrations/${encodeURIComponent(item.id)}`}
        onClick={onOpen}
        fw={500}
        style={{ overflowWrap: 'anywhere' }}
      >
        {item.name}
      </Anchor>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        Last error:{' '}
        {lastError?.error ? (
          <Code>{lastError.error}</Code>
        ) : lastError?.unreadable ? (
          `could not be loaded (${lastError.unreadable})`
        ) : loadingError ? (
          'loading…'
        ) : (
          'none recorded'
        )}
      </Text>
      <OutcomeLine outcome={outcome} />
    </Box>
  );
}

function OutcomeLine({ outcome }: { outcome: RestartOutcome | undefined }) {
  if (!outcome) return null;
  switch (outcome.kind) {
    case 'running':
      return (
        <Group gap={6}>
          <Loader size="xs" aria-hidden />
          <Text size="sm">Restarting…</Text>
        </Group>
      );
    case 'recovered':
      return (
        <Text size="sm" c="green" fw={500}>
          Active again
        </Text>
      );
    case 'failing':
      return (
        <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
          Still failing: {outcome.message}
        </Text>
      );
    case 'error':
      return (
        <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
          Could not be sent: {outcome.message}
        </Text>
      );
  }
}
