import { Anchor, Paper, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { Link } from '@/ui/router';
import { eventTypeLabel, integrationTypeLabel } from '@/ui/labels';
import type { IntegrationSummary } from '@/integrations/schemas';
import { StateBadge } from '@/integrations/state-badge';
import { RelativeTime } from '@/ui/relative-time';

// Below md only the name and the state fit a phone without sideways scrolling; the type and
// event types move under the name, the first delivery is on the detail page.
export function IntegrationTable({ items, busy }: { items: IntegrationSummary[]; busy: boolean }) {
  return (
    <Paper withBorder>
      <Table
        verticalSpacing="sm"
        highlightOnHover
        aria-busy={busy}
        style={{ opacity: busy ? 0.6 : 1 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              Type
            </Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              Event types
            </Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              First successful delivery
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <IntegrationRow key={item.id} item={item} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function IntegrationRow({ item }: { item: IntegrationSummary }) {
  const explanationId = useId();
  const type = integrationTypeLabel(item.type);
  const eventTypes = item.eventTypes.map((ref) => eventTypeLabel(ref.type)).join(', ');
  return (
    <Table.Tr>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        <Anchor
          component={Link}
          to={`/integrations/${encodeURIComponent(item.id)}`}
          fw={500}
          aria-describedby={explanationId}
        >
          {item.name}
        </Anchor>
        <Text size="xs" c="dimmed" hiddenFrom="md">
          {type} · {eventTypes}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="md">{type}</Table.Td>
      <Table.Td visibleFrom="md">{eventTypes}</Table.Td>
      <Table.Td>
        <StateBadge state={item.state} explanationId={explanationId} />
      </Table.Td>
      <Table.Td visibleFrom="md">
        <RelativeTime iso={item.lastSuccessfulMessageDelivery} empty="Not yet" />
      </Table.Td>
    </Table.Tr>
  );
}
