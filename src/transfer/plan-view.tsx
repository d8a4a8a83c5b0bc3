import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { eventTypeLabel, integrationTypeLabel } from '@/ui/labels';
import type { RowKey, RowResult } from '@/transfer/apply';
import type { FieldChange, Plan } from '@/transfer/plan';

export type Results = ReadonlyMap<RowKey, RowResult | 'pending'>;

const FIELD_NAMES: Record<FieldChange['field'], string> = {
  url: 'Endpoint URL',
  headers: 'Header',
  eventTypes: 'Event types',
  jsonPayloadEnabled: 'JSON payload',
};

function planCounts(plan: Plan) {
  return [
    { label: 'to create', count: plan.create.length, color: 'blue' },
    { label: 'to update', count: plan.update.length, color: 'violet' },
    { label: 'unchanged', count: plan.unchanged.length, color: 'gray' },
    { label: 'invalid', count: plan.invalid.length, color: 'red' },
    { label: 'only in this account', count: plan.onlyInAccount.length, color: 'gray' },
  ];
}

/** The plan as the user reads it before Apply, and each row's outcome after. */
export function PlanView({ plan, results }: { plan: Plan; results: Results }) {
  return (
    <Stack gap="md">
      <Group gap="xs" aria-label="Plan summary" role="group">
        {planCounts(plan).map(({ label, count, color }) => (
          <Badge key={label} color={color} variant="light" size="lg" tt="none">
            {count} {label}
          </Badge>
        ))}
      </Group>
      <Section title="To create" count={plan.create.length}>
        {plan.create.map((entry) => (
          <Row key={entry.index} name={entry.name} result={results.get(`create:${entry.index}`)}>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {entry.input.url} ·{' '}
              {entry.input.eventTypes.map(({ type }) => eventTypeLabel(type)).join(', ')}
            </Text>
          </Row>
        ))}
      </Section>
      <Section title="To update" count={plan.update.length}>
        {plan.update.map((entry) => (
          <Row key={entry.index} name={entry.name} result={results.get(`update:${entry.index}`)}>
            <List size="xs" spacing={2}>
              {entry.changes.map((change) => (
                <List.Item key={`${change.field}:${change.header ?? ''}`}>
                  <Text span size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {FIELD_NAMES[change.field]}
                    {change.header ? ` ${change.header}` : ''}: {change.before} → {change.after}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Row>
        ))}
      </Section>
      <Section title="Invalid (not sent)" count={plan.invalid.length}>
        {plan.invalid.map((entry) => (
          <Row key={entry.index} name={entry.name || `webhooks[${entry.index}]`}>
            <List size="xs" spacing={2}>
              {entry.reasons.map((reason) => (
                <List.Item key={reason}>
                  <Text span size="xs" c="red.8" style={{ overflowWrap: 'anywhere' }}>
                    {reason}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Row>
        ))}
      </Section>
      <Section title="Unchanged" count={plan.unchanged.length}>
        <Text size="sm">{plan.unchanged.map((entry) => entry.name).join(', ')}</Text>
      </Section>
      <Section
        title="Only in this account (kept: import never deletes)"
        count={plan.onlyInAccount.length}
      >
        <Text size="sm">
          {plan.onlyInAccount
            .map((item) =>
              item.type === 'WEBHOOK'
                ? item.name
                : `${item.name} (${integrationTypeLabel(item.type)})`,
            )
            .join(', ')}
        </Text>
      </Section>
    </Stack>
  );
}

function Section({
  title,
  count,
  children,
}: {
  title: string;
  count: number;
  children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <section aria-label={title}>
      <Title order={3} size="h5" mb={4}>
        {title} ({count})
      </Title>
      <Stack gap={6}>{children}</Stack>
    </section>
  );
}

function Row({
  name,
  result,
  children,
}: {
  name: string;
  result?: RowResult | 'pending';
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="xs" role="group" aria-label={name}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {name}
        </Text>
        {result === 'pending' ? (
          <Badge color="gray" variant="light" tt="none">
            Waiting
          </Badge>
        ) : result?.ok ? (
          <Badge color="green" variant="light" tt="none">
            Done
          </Badge>
        ) : result ? (
          <Badge color="red" variant="light" tt="none">
            Failed
          </Badge>
        ) : null}
      </Group>
      {children}
      {result && result !== 'pending' && !result.ok && (
        <Text size="xs" c="red.8" role="alert" style={{ overflowWrap: 'anywhere' }}>
          {result.message}
        </Text>
      )}
    </Paper>
  );
}
