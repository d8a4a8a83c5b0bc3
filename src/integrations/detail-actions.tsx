import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import {
  IconCheck,
  IconPencil,
  IconPlayerPlay,
  IconRefresh,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useMutation, type MutateOptions, type UseMutationOptions } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from '@/ui/router';
import { DuplicateButton } from '@/integrations/duplicate';
import { ErrorAlert } from '@/ui/error-alert';
import {
  deleteIntegration,
  integrationQueries,
  restartWebhook,
  testWebhook,
} from '@/integrations/queries';
import type { IntegrationDetail } from '@/integrations/schemas';
import { StateBadge, stateInfo } from '@/integrations/state-badge';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { SLOW_MESSAGE, useSlowHint } from '@/ui/use-slow-hint';
import { notify } from '@/ui/notify';

/**
 * A mutation whose `send` goes out once while one is in flight: isPending updates on the next
 * render, so a fast double click would otherwise send twice. Each action has a guard of its own,
 * so a stalled Test never holds back a Delete. The mutation's own onSettled opens the guard again,
 * which fires even after a reset() has detached this observer from it.
 */
function useSingleFlight<TData, TVariables>(options: UseMutationOptions<TData, Error, TVariables>) {
  const inFlight = useRef(false);
  const mutation = useMutation({
    ...options,
    onSettled: () => {
      inFlight.current = false;
    },
  });
  /** Whether it was sent: false while the last one is still on its way. */
  const send = (variables: TVariables, callbacks?: MutateOptions<TData, Error, TVariables>) => {
    if (inFlight.current) return false;
    inFlight.current = true;
    mutation.mutate(variables, callbacks);
    return true;
  };
  return { ...mutation, send };
}

/**
 * The webhook's actions, held by the page so the result alert can sit apart from the buttons.
 * Test's variables are the integration as it was when sent: its result names that state.
 */
export function useWebhookActions(integration: IntegrationDetail) {
  const test = useSingleFlight({
    mutationFn: (sent: IntegrationDetail) => testWebhook(sent.id),
  });
  const restart = useSingleFlight({ mutationFn: restartWebhook });
  const remove = useSingleFlight({
    mutationFn: deleteIntegration,
    meta: { removes: integrationQueries.detail(integration.id).queryKey },
  });
  return { test, restart, remove };
}

type WebhookActions = ReturnType<typeof useWebhookActions>;

export function WebhookActionButtons({
  integration,
  actions: { test, restart, remove },
}: {
  integration: IntegrationDetail;
  actions: WebhookActions;
}) {
  const navigate = useNavigate();
  const [restartOpen, setRestartOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const testSlow = useSlowHint(test.isPending);
  const restartSlow = useSlowHint(restart.isPending);

  // A new Test or Restart replaces the result on show; a Delete leaves the page instead.
  const runTest = () => {
    if (test.send(integration)) restart.reset();
  };

  const runRestart = () => {
    if (restart.send(integration.id, { onSuccess: () => setRestartOpen(false) })) test.reset();
  };

  const runDelete = () =>
    remove.send(integration.id, {
      onSuccess: () => {
        void notify({ color: 'green', message: `Deleted “${integration.name.trim()}”` });
        // Replaced: Back must not lead to the page of what no longer exists.
        navigate('/integrations', { replace: true });
      },
    });

  // Opening a dialog clears only a failed attempt's error: a result on show stays until the next
  // action, and an attempt still on its way keeps its callbacks (reset() would drop them).
  const openDialog = (action: { isError: boolean; reset: () => void }, show: () => void) => {
    if (action.isError) action.reset();
    show();
  };

  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconPlayerPlay size={16} aria-hidden />}
          loading={test.isPending}
          onClick={runTest}
        >
          Test
        </Button>
        <Button
          variant={integration.state === 'INTEGRATION_FAILED' ? 'filled' : 'default'}
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={() => openDialog(restart, () => setRestartOpen(true))}
        >
          Restart
        </Button>
        <Button
          variant="default"
          component={Link}
          to={`/integrations/${encodeURIComponent(integration.id)}/edit`}
          leftSection={<IconPencil size={16} aria-hidden />}
        >
          Edit
        </Button>
        <DuplicateButton webhook={integration} />
        <Button
          variant="light"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => openDialog(remove, () => setDeleteOpen(true))}
        >
          Delete
        </Button>
      </Group>
      {testSlow && (
        <Text size="sm" c="dimmed" role="status">
          {SLOW_MESSAGE}
        </Text>
      )}

      <ConfirmDialog
        opened={restartOpen}
        title="Restart this webhook?"
        onCancel={() => setRestartOpen(false)}
        onConfirm={runRestart}
        confirmLabel="Send test message and restart"
        loading={restart.isPending}
      >
        <RestartExplanation integration={integration} />
        <Text size="sm" c="dimmed">
          Placeholders such as :iccid: resolve to “none” in this test message.
        </Text>
        {restart.isError && <ErrorAlert title="Restart could not be sent" error={restart.error} />}
        {restartSlow && (
          <Text size="sm" c="dimmed" role="status">
            {SLOW_MESSAGE}
          </Text>
        )}
      </ConfirmDialog>

      <ConfirmDialog
        opened={deleteOpen}
        title={`Delete “${integration.name}”?`}
        onCancel={() => setDeleteOpen(false)}
        onConfirm={runDelete}
        confirmLabel="Delete integration"
        confirmColor="red"
        loading={remove.isPending}
      >
        <Text size="sm">
          1NCE stops forwarding events to this endpoint immediately. This cannot be undone.
        </Text>
        {remove.isError && <ErrorAlert title="Could not delete" error={remove.error} />}
      </ConfirmDialog>
    </Stack>
  );
}

function RestartExplanation({ integration }: { integration: IntegrationDetail }) {
  const url = <Code>{integration.url}</Code>;
  // An Active webhook has nothing to restart: say that, rather than what it "stays".
  if (integration.state === 'INTEGRATION_ACTIVE') {
    return (
      <Text size="sm">
        “{integration.name}” is Active: 1NCE is already delivering its events. Restart sends one
        test message to {url}. Whether or not your endpoint answers it, delivery goes on as it is.
      </Text>
    );
  }
  const label = stateInfo(integration.state).label;
  return (
    <Text size="sm">
      Restart sends one test message to {url}. If your endpoint answers with a 2xx status within 20
      seconds, “{integration.name}” becomes Active and 1NCE resumes delivering events. If it does
      not, “{integration.name}” stays {label}
      {integration.state === 'INTEGRATION_FAILED'
        ? ' and its events are still not delivered.'
        : ': nothing changes.'}
    </Text>
  );
}

/** What the last Test or Restart answered; a Restart that failed to send says so in its dialog. */
export function ActionResultAlert({ actions: { test, restart } }: { actions: WebhookActions }) {
  // Closing a result forgets it: the next Test or Restart shows its own in the same place.
  const dismiss = () => {
    test.reset();
    restart.reset();
  };
  if (test.isError) {
    return (
      <ErrorAlert
        title="Test could not be sent"
        error={test.error}
        note="No test message went out and nothing changed. Use Test again once this is resolved."
      />
    );
  }
  if (test.isSuccess) {
    return (
      <ResultAlert
        titles={['Test message delivered', 'Test message failed']}
        status={test.data.testStatus}
        message={test.data.message}
        onClose={dismiss}
      >
        <Text size="sm" c="dimmed">
          A test never changes the state: it is still {stateInfo(test.variables.state).label}.
        </Text>
      </ResultAlert>
    );
  }
  if (restart.isSuccess) {
    const newState = restart.data.integration?.state;
    return (
      <ResultAlert
        titles={['Restart succeeded', 'Restart failed']}
        status={restart.data.restartStatus}
        message={restart.data.message}
        onClose={dismiss}
      >
        {newState && (
          <Group gap={6} mt={4}>
            <Text size="sm">State now:</Text>
            <StateBadge state={newState} />
          </Group>
        )}
      </ResultAlert>
    );
  }
  return null;
}

// 1NCE's own words for a delivered test message; the title already says it, in the app's words.
const SUCCESS_MESSAGE = /^\s*(test|restart) was successful\.?\s*$/i;

/**
 * 1NCE's status and message as a sentence: a success in the app's words, a failure with 1NCE's
 * reason, and a status this console does not know (a future one) shown as it came.
 */
export function resultText(status: string, message: string | undefined): string {
  if (status === 'SUCCESS') {
    return !message || SUCCESS_MESSAGE.test(message)
      ? 'Your endpoint answered the test message.'
      : `Your endpoint answered the test message. 1NCE says: ${message}`;
  }
  if (status === 'FAILURE') return message ? `1NCE says: ${message}` : '1NCE gave no reason.';
  return `1NCE answered “${status}”${message ? `: ${message}` : '.'}`;
}

function ResultAlert({
  titles: [succeeded, failed],
  status,
  message,
  onClose,
  children,
}: {
  /** For a SUCCESS status and for any other. */
  titles: [string, string];
  status: string;
  message: string | undefined;
  onClose: () => void;
  children: ReactNode;
}) {
  const ok = status === 'SUCCESS';
  return (
    <Alert
      role="status"
      color={ok ? 'green' : 'red'}
      icon={ok ? <IconCheck aria-hidden /> : <IconX aria-hidden />}
      title={ok ? succeeded : failed}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      <Text size="sm">{resultText(status, message)}</Text>
      {children}
    </Alert>
  );
}
