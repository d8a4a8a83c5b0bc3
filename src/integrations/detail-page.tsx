import '@mantine/core/styles/SimpleGrid.layer.css';
import {
  Alert,
  Anchor,
  Badge,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { Link, useParams } from '@/ui/router';
import { FailureHistory } from '@/failures/failure-history';
import { CopyValue } from '@/integrations/copy-value';
import {
  ActionResultAlert,
  useWebhookActions,
  WebhookActionButtons,
} from '@/integrations/detail-actions';
import { ErrorAlert } from '@/ui/error-alert';
import { headersToRows, rowsToHeaders } from '@/integrations/form';
import { HeadersTable } from '@/integrations/headers-table';
import { eventTypeLabel, integrationTypeLabel } from '@/ui/labels';
import { integrationQueries } from '@/integrations/queries';
import type { IntegrationDetail } from '@/integrations/schemas';
import { StateBadge, stateInfo } from '@/integrations/state-badge';
import { PreviewPanel } from '@/placeholders/preview-panel';
import { DevicePickerSlot } from '@/sims/device-picker-slot';
import { formatExact } from '@/ui/format';
import { RelativeTime } from '@/ui/relative-time';
import { PageSkeleton } from '@/ui/skeletons';
import { usePageTitle } from '@/ui/use-page-title';

export function DetailPage() {
  const { id = '' } = useParams();
  const query = useQuery(integrationQueries.detail(id));
  usePageTitle(query.data?.name ?? 'Integration');

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/integrations" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          All integrations
        </Group>
      </Anchor>
      {query.isPending ? (
        <PageSkeleton label="Loading integration" height={200} />
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
  const actions = useWebhookActions(integration);
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
        {isWebhook && <WebhookActionButtons integration={integration} actions={actions} />}
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
      <ActionResultAlert actions={actions} />

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
      warningsTitle="Check this webhook"
    />
  );
}
