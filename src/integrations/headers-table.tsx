import '@mantine/core/styles/Tooltip.layer.css';
import { ActionIcon, Code, Group, Paper, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { headersToRows } from '@/integrations/form';
import { RevealIcon, revealLabel } from '@/integrations/reveal';
import { isSecretName } from '@/placeholders/secrets';

export function HeadersTable({ headers }: { headers: Record<string, unknown> }) {
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
