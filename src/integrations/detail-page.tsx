import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCheck,
  IconPencil,
  IconPlayerPlay,
  IconRefresh,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { SLOW_MESSAGE, useSlowHint } from '@/app/use-slow-hint';
import { FailureHistory } from '@/failures/failure-history';
import { CopyValue } from '@/integrations/copy-value';
import { DuplicateButton } from '@/integrations/duplicate';
import { ErrorAlert } from '@/integrations/error-alert';

import { eventTypeLabel, formatExact, integrationTypeLabel } from '@/integrations/labels';
import { headersToRows, rowsToHeaders } from '@/integrations/form';
import { RelativeTime } from '@/integrations/relative-time';
import {
  deleteIntegration,
  integrationQueries,
  restartWebhook,
  testWebhook,
} from '@/integrations/queries';
import type { IntegrationDetail, RestartResult, TestResult } from '@/integrations/schemas';
import { StateBadge, stateInfo } from '@/integrations/state-badge';
import { PreviewPanel } from '@/placeholders/preview-panel';
import { DevicePickerSlot } from '@/sims/device-picker-slot';
import { RevealIcon, revealLabel } from '@/integrations/reveal';
import { isSecretName } from '@/placeholders/secrets';

export function DetailPage() {
  const { id = '' } = useParams();
  const query = useQuery(integrationQueries.detail(id));

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/integrations" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          All integrations
        </Group>
      </Anchor>
      {query.isPending ? (
        <Stack role="status" aria-label="Loading integration">
          <Skeleton height={36} width="40%" />
          <Skeleton height={200} />
        </Stack>
      ) : query.isError ? (
        <ErrorAlert
          title="Could not load this integration"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : (
        <IntegrationView key={id} integration={query.data} />
      )}
    </Stack>
  );
}

function IntegrationView({ integration }: { integration: IntegrationDetail }) {
  const isWebhook = integration.type === 'WEBHOOK';
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {integration.name}
          </Title>
          <Group gap="xs">
            <StateBadge state={integration.state} />
            <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
              {integrationTypeLabel(integration.type)}
            </Badge>
          </Group>
        </Stack>
        {isWebhook && <WebhookActions integration={integration} onResult={setResult} />}
      </Group>

      {integration.state === 'INTEGRATION_FAILED' && (
        <FailureExplanation integration={integration} />
      )}
      {!isWebhook && (
        <Alert color="gray" title="Read-only">
          {integrationTypeLabel(integration.type)} integrations are rolled out with their
          CloudFormation stack in the 1NCE portal; this console shows them but does not change them.
        </Alert>
      )}
      {result && <ActionResultAlert result={result} />}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title="Configuration">
          <Field label="Event types">
            <Group gap={6}>
              {integration.eventTypes.map((ref) => (
                <Badge key={ref.type} variant="light" style={{ textTransform: 'none' }}>
                  {eventTypeLabel(ref.type)}
                  {ref.version ? ` ${ref.version}` : ''}
                </Badge>
              ))}
            </Group>
          </Field>
          <Field label="Parse JSON payload">{integration.jsonPayloadEnabled ? 'On' : 'Off'}</Field>
          {isWebhook && (
            <Field label="Endpoint URL">
              <Group gap={4} wrap="nowrap" align="flex-start">
                <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
                  {integration.url}
                </Code>
                {integration.url && <CopyValue value={integration.url} label="Copy endpoint URL" />}
              </Group>
            </Field>
          )}
          {integration.awsAccountId && (
            <Field label="AWS account">{integration.awsAccountId}</Field>
          )}
          {integration.region && <Field label="Region">{integration.region}</Field>}
        </Section>
        <Section title="Status">
          <Field label="State">{stateInfo(integration.state).next}</Field>
          <Field label="First successful delivery">
            <RelativeTime iso={integration.lastSuccessfulMessageDelivery} empty="Not yet" />
          </Field>
          {integration.createdTime && (
            <Field label="Created">{formatExact(integration.createdTime)}</Field>
          )}
          {integration.updatedTime && (
            <Field label="Updated">{formatExact(integration.updatedTime)}</Field>
          )}
          <Field label="ID">
            <Group gap={4} wrap="nowrap">
              <Code>{integration.id}</Code>
              <CopyValue value={integration.id} label="Copy ID" />
            </Group>
          </Field>
        </Section>
      </SimpleGrid>
      <FailureHistory integrationId={integration.id} />

      {isWebhook && <HeadersTable headers={integration.headers ?? {}} />}
      {isWebhook && <SavedPreview integration={integration} />}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm" component="dl" m={0}>
        {children}
      </Stack>
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </div>
  );
}

function HeadersTable({ headers }: { headers: Record<string, unknown> }) {
  const [revealed, setRevealed] = useState<Set<string>>(new Set());
  const rows = headersToRows(headers);
  const toggle = (name: string) =>
    setRevealed((current) => {
      const next = new Set(current);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  return (
    <Paper withBorder p="md" component="section" aria-label="HTTP headers">
      <Title order={2} size="h4" mb="sm">
        HTTP headers
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No custom headers. 1NCE sends the event as JSON with no authentication.
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Header name</Table.Th>
              <Table.Th scope="col">Header value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ key: name, value, unreadable }) => {
              const secret = isSecretName(name) && value !== '';
              const shown = !secret || revealed.has(name);
              return (
                <Table.Tr key={name}>
                  <Table.Td>
                    <Code>{name}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {unreadable ? (
                        <Text size="sm" c="dimmed">
                          (1NCE did not return the value)
                        </Text>
                      ) : value === '' ? (
                        <Text size="sm" c="dimmed">
                          (empty)
                        </Text>
                      ) : shown ? (
                        <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
                          {value}
                        </Code>
                      ) : (
                        <Text size="sm" c="dimmed" aria-label={`${name} value hidden`}>
                          •••••••• (set, hidden)
                        </Text>
                      )}
                      {secret && (
                        <Tooltip label={shown ? 'Hide value' : 'Show value'}>
                          <ActionIcon
                            variant="subtle"
                            size="sm"
                            aria-label={revealLabel(name, shown)}
                            aria-pressed={shown}
                            onClick={() => toggle(name)}
                          >
                            <RevealIcon revealed={shown} size={14} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function FailureExplanation({ integration }: { integration: IntegrationDetail }) {
  return (
    <Alert color="red" title="Delivery stopped" icon={<IconAlertTriangle aria-hidden />}>
      <Stack gap={6}>
        <Text size="sm">
          1NCE marked this webhook Failed after 5 unsuccessful delivery attempts (each must get a
          2xx answer within 20 seconds). Events that happen while it is Failed are not queued.
        </Text>
        {integration.error && (
          <Text size="sm">
            Last error: <Code>{integration.error}</Code>
          </Text>
        )}
        <Text size="sm">Fix the endpoint, then use Restart to resume delivery.</Text>
      </Stack>
    </Alert>
  );
}

type ActionResult =
  | { kind: 'test'; result: TestResult; stateBefore: string }
  | { kind: 'restart'; result: RestartResult }
  | { kind: 'test-error'; error: unknown };

function WebhookActions({
  integration,
  onResult,
}: {
  integration: IntegrationDetail;
  onResult: (result: ActionResult | null) => void;
}) {
  const navigate = useNavigate();
  const [restartOpen, setRestartOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);

  const test = useMutation({ mutationFn: testWebhook });
  const restart = useMutation({ mutationFn: restartWebhook });
  const remove = useMutation({
    mutationFn: deleteIntegration,
    meta: { deletedId: integration.id },
  });

  // isPending updates on the next render; the ref stops a fast double click sending twice.
  const inFlight = useRef(false);
  const once = (run: (done: () => void) => void) => {
    if (inFlight.current) return;
    inFlight.current = true;
    run(() => (inFlight.current = false));
  };
  const testSlow = useSlowHint(test.isPending);
  const restartSlow = useSlowHint(restart.isPending);

  const runTest = () =>
    once((done) => {
      onResult(null);
      test.mutate(integration.id, {
        onSuccess: (result) => onResult({ kind: 'test', result, stateBefore: integration.state }),
        onError: (error) => onResult({ kind: 'test-error', error }),
        onSettled: done,
      });
    });

  const runRestart = () =>
    once((done) => {
      onResult(null);
      restart.mutate(integration.id, {
        onSuccess: (result) => {
          setRestartOpen(false);
          onResult({ kind: 'restart', result });
        },
        onSettled: done,
      });
    });

  const runDelete = () =>
    once((done) =>
      remove.mutate(integration.id, {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `Deleted “${integration.name.trim()}”` });
          // Replaced: Back must not lead to the page of what no longer exists.
          navigate('/integrations', { replace: true });
        },
        onSettled: done,
      }),
    );

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
          onClick={() => {
            restart.reset();
            setRestartOpen(true);
          }}
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
          onClick={() => {
            remove.reset();
            setDeleteOpen(true);
          }}
        >
          Delete
        </Button>
      </Group>
      {testSlow && (
        <Text size="sm" c="dimmed" role="status">
          {SLOW_MESSAGE}
        </Text>
      )}

      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={restartOpen}
        onClose={() => setRestartOpen(false)}
        title="Restart this webhook?"
      >
        <Stack>
          <Text size="sm">
            Restart sends one test message to <Code>{integration.url}</Code>. If your endpoint
            answers with a 2xx status within 20 seconds, “{integration.name}” becomes Active and
            1NCE resumes delivering events. If not, it stays {stateInfo(integration.state).label}.
          </Text>
          <Text size="sm" c="dimmed">
            Placeholders such as :iccid: resolve to “none” in this test message.
          </Text>
          {restart.isError && (
            <ErrorAlert title="Restart could not be sent" error={restart.error} />
          )}
          {restartSlow && (
            <Text size="sm" c="dimmed" role="status">
              {SLOW_MESSAGE}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRestartOpen(false)}>
              Cancel
            </Button>
            <Button loading={restart.isPending} onClick={runRestart}>
              Send test message and restart
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={deleteOpen}
        onClose={() => setDeleteOpen(false)}
        title={`Delete “${integration.name}”?`}
      >
        <Stack>
          <Text size="sm">
            1NCE stops forwarding events to this endpoint immediately. This cannot be undone.
          </Text>
          {remove.isError && <ErrorAlert title="Could not delete" error={remove.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleteOpen(false)}>
              Cancel
            </Button>
            <Button color="red" loading={remove.isPending} onClick={runDelete}>
              Delete integration
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ActionResultAlert({ result }: { result: ActionResult }) {
  if (result.kind === 'test-error') {
    return (
      <ErrorAlert
        title="Test could not be sent"
        error={result.error}
        note="No test message went out and nothing changed. Use Test again once this is resolved."
      />
    );
  }
  const status = result.kind === 'test' ? result.result.testStatus : result.result.restartStatus;
  const ok = status === 'SUCCESS';
  const titles =
    result.kind === 'test'
      ? ['Test message delivered', 'Test message failed']
      : ['Restart succeeded', 'Restart failed'];
  const newState = result.kind === 'restart' ? result.result.integration?.state : undefined;
  return (
    <Alert
      role="status"
      color={ok ? 'green' : 'red'}
      icon={ok ? <IconCheck aria-hidden /> : <IconX aria-hidden />}
      title={ok ? titles[0] : titles[1]}
    >
      <Text size="sm">
        {status}: {result.result.message ?? 'No message.'}
      </Text>
      {result.kind === 'test' && (
        <Text size="sm" c="dimmed">
          A test never changes the state: it is still {stateInfo(result.stateBefore).label}.
        </Text>
      )}
      {newState && (
        <Group gap={6} mt={4}>
          <Text size="sm">State now:</Text>
          <StateBadge state={newState} />
        </Group>
      )}
    </Alert>
  );
}

function SavedPreview({ integration }: { integration: IntegrationDetail }) {
  const definition = useMemo(
    () => ({
      url: integration.url ?? '',
      headers: rowsToHeaders(headersToRows(integration.headers)),
    }),
    [integration.url, integration.headers],
  );
  const eventTypes = useMemo(
    () => integration.eventTypes.map((ref) => ref.type),
    [integration.eventTypes],
  );
  const identity = useMemo(
    () => ({ id: integration.id, name: integration.name }),
    [integration.id, integration.name],
  );
  return (
    <PreviewPanel
      definition={definition}
      eventTypes={eventTypes}
      jsonPayloadEnabled={integration.jsonPayloadEnabled ?? false}
      integration={identity}
      eventTypeLabel={eventTypeLabel}
      devicePicker={DevicePickerSlot}
    />
  );
}
