import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import { Link } from '@/ui/router';
import type { Coverage } from '@/coverage/coverage';
import { eventTypeLabel, integrationTypeLabel } from '@/ui/labels';
import { SUBSCRIBABLE_EVENT_TYPES } from '@/integrations/schemas';
import { StateBadge } from '@/integrations/state-badge';

// On a phone the table scrolls sideways inside its own box; the names stay in view.
const STICKY: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  minWidth: 140,
  maxWidth: 240,
  overflowWrap: 'anywhere',
};

export function CoverageTable({ coverage }: { coverage: Coverage }) {
  return (
    // Focusable so a keyboard can scroll it; named so a screen reader says what the region is.
    // Positioned: VisuallyHidden's words are absolutely positioned, and without a positioned
    // ancestor inside the box they sat outside it and widened the whole page on a phone.
    <div
      role="region"
      aria-label="Event coverage table"
      tabIndex={0}
      style={{ overflowX: 'auto', maxWidth: '100%', position: 'relative' }}
    >
      <Table withRowBorders aria-label="Event types per integration" style={{ minWidth: 720 }}>
        {/* Bottom-aligned: a column name that wraps ("Telemetry data") lines up with the rest. */}
        <Table.Thead style={{ verticalAlign: 'bottom' }}>
          <Table.Tr>
            <Table.Th scope="col" style={STICKY}>
              Integration
            </Table.Th>
            <Table.Th scope="col">State</Table.Th>
            {SUBSCRIBABLE_EVENT_TYPES.map((type) => (
              <Table.Th key={type} scope="col" ta="center">
                {eventTypeLabel(type)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {coverage.rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row" style={STICKY} fw="normal">
                <Anchor
                  component={Link}
                  to={`/integrations/${encodeURIComponent(row.id)}`}
                  fw={500}
                >
                  {row.name}
                </Anchor>
                {row.type !== 'WEBHOOK' && (
                  <Text size="xs" c="dimmed">
                    {integrationTypeLabel(row.type)}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>
                <StateBadge state={row.state} />
              </Table.Td>
              {SUBSCRIBABLE_EVENT_TYPES.map((type) => (
                <Table.Td key={type} ta="center">
                  <Subscribed subscribed={row.subscribed[type]} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" style={STICKY}>
              Active webhooks
            </Table.Th>
            <Table.Td />
            {SUBSCRIBABLE_EVENT_TYPES.map((type) => (
              <Table.Td key={type} ta="center" fw={700}>
                {coverage.totals[type]}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </div>
  );
}

/** A mark and a word, never colour alone; the word is for screen readers, the mark for eyes. */
function Subscribed({ subscribed }: { subscribed: boolean }) {
  return subscribed ? (
    <>
      <IconCheck size={18} aria-hidden style={{ color: 'var(--mantine-color-green-text)' }} />
      <VisuallyHidden>Subscribed</VisuallyHidden>
    </>
  ) : (
    <>
      <IconMinus size={18} aria-hidden style={{ color: 'var(--mantine-color-dimmed)' }} />
      <VisuallyHidden>Not subscribed</VisuallyHidden>
    </>
  );
}
