import '@mantine/core/styles/Switch.layer.css';
import { Alert, Code, Group, List, Switch, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { DeviceContext, WebhookDefinition } from '@/placeholders/inject';
import { addedContentType } from '@/placeholders/preview';
import { isSecretName } from '@/placeholders/secrets';
import { InjectedText } from '@/placeholders/template-text';
import type { PreviewWarning } from '@/placeholders/warnings';

const MASK = '••••••••';
const MONOSPACE = 'var(--mantine-font-family-monospace)';

/**
 * What to check: said above the request, each with where it was found. `title` fits the page: a
 * form asks before saving, a saved webhook's page cannot.
 */
export function PreviewWarnings({
  warnings,
  title,
}: {
  warnings: PreviewWarning[];
  title: string;
}) {
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title={title} p="sm">
      {/* A long URL in a warning wraps inside the alert instead of being cut off. */}
      <List size="xs" spacing={4} style={{ overflowWrap: 'anywhere' }}>
        {warnings.map((warning, index) => (
          <List.Item key={index}>
            <strong>{warningPlace(warning.where)}:</strong> {warning.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function warningPlace(where: string): string {
  if (where === 'url') return 'Endpoint URL';
  if (where === ':ip:') return 'Device IP';
  return `Header ${where}`;
}

/** The final URL and headers, with each injected placeholder marked where it was replaced. */
export function PreviewRequest({
  definition,
  context,
}: {
  definition: WebhookDefinition;
  context: DeviceContext;
}) {
  const [showSecrets, setShowSecrets] = useState(false);
  const added = addedContentType(Object.entries(definition.headers));
  return (
    <>
      <div>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Final URL
        </Text>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <Text span c="dimmed" inherit>
            POST{' '}
          </Text>
          <span aria-label="Final URL">
            {definition.url ? <InjectedText template={definition.url} context={context} /> : '—'}
          </span>
        </Code>
      </div>

      <div>
        <Group justify="space-between" align="center">
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Final headers
          </Text>
          {Object.keys(definition.headers).some(isSecretName) && (
            <Switch
              size="xs"
              label="Show secret values"
              checked={showSecrets}
              onChange={(event) => setShowSecrets(event.currentTarget.checked)}
            />
          )}
        </Group>
        <Table withTableBorder fz="xs" verticalSpacing={4} aria-label="Final headers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Header</Table.Th>
              <Table.Th scope="col">Value sent</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(definition.headers).map(([name, value]) => (
              <Table.Tr key={name}>
                <Table.Td style={{ fontFamily: MONOSPACE }}>{name}</Table.Td>
                <Table.Td style={{ fontFamily: MONOSPACE, overflowWrap: 'anywhere' }}>
                  {isSecretName(name) && !showSecrets ? (
                    <span aria-label={`${name} value hidden`}>{MASK}</span>
                  ) : (
                    <InjectedText template={value} context={context} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {added && (
              <Table.Tr>
                <Table.Td style={{ fontFamily: MONOSPACE }}>{added[0]}</Table.Td>
                <Table.Td style={{ fontFamily: MONOSPACE }}>
                  {added[1]}{' '}
                  <Text span c="dimmed" fz="xs">
                    (added by 1NCE)
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}
