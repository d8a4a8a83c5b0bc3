import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  List,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
  useMatches,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconTerminal2 } from '@tabler/icons-react';
import { useCallback, useId, useMemo, useState, type ComponentType } from 'react';
import { toCurl } from '@/placeholders/curl';
import type { DeviceContext, WebhookDefinition } from '@/placeholders/inject';
import {
  EXAMPLE_DEVICE,
  SCENARIOS,
  buildPreview,
  contextFor,
  type Scenario,
} from '@/placeholders/preview';
import { isSecretName } from '@/placeholders/secrets';
import { InjectedText } from '@/placeholders/template-text';

export interface PreviewPanelProps {
  definition: WebhookDefinition;
  eventTypes: string[];
  jsonPayloadEnabled: boolean;
  integration: { id: string; name: string };
  eventTypeLabel: (type: string) => string;
  /** Set where the panel is sticky, so all of it stays reachable by scrolling inside it. */
  maxHeight?: string;
  /** A search for a real device, given by the page; `source` ends "Values from …". */
  devicePicker?: ComponentType<{
    onPick: (device: DeviceContext, source: string) => void;
    disabled: boolean;
  }>;
}

/** The device whose values are injected, and where they came from when not typed or the example. */
interface DeviceState {
  device: DeviceContext;
  source?: string;
}

const exampleDevice = (): DeviceState => ({ device: { ...EXAMPLE_DEVICE } });

const MASK = '••••••••';

export function PreviewPanel({
  definition,
  eventTypes,
  jsonPayloadEnabled,
  integration,
  eventTypeLabel,
  maxHeight,
  devicePicker: DevicePicker,
}: PreviewPanelProps) {
  const headingId = useId();
  const [scenario, setScenario] = useState<Scenario>('device');
  const [{ device, source }, setDeviceState] = useState<DeviceState>(exampleDevice);
  const pickDevice = useCallback((picked: DeviceContext, from: string) => {
    setDeviceState({ device: picked, source: from });
  }, []);
  const [showSecrets, setShowSecrets] = useState(false);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const orientation = useMatches<'vertical' | 'horizontal'>({ base: 'vertical', xs: 'horizontal' });

  const preview = useMemo(
    () =>
      buildPreview({ definition, eventTypes, jsonPayloadEnabled, scenario, device, integration }),
    [definition, eventTypes, jsonPayloadEnabled, scenario, device, integration],
  );
  const context = contextFor(scenario, device);
  const explanation = SCENARIOS.find((item) => item.value === scenario)?.explanation;

  const copyCurl = async () => {
    const command = toCurl(
      {
        method: preview.method,
        url: preview.url,
        headers: preview.headers,
        body: preview.bodies[0]?.body,
      },
      { includeSecrets, isSecret: isSecretName },
    );
    try {
      await navigator.clipboard.writeText(command);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={headingId}
      tabIndex={0}
      style={{ maxHeight: maxHeight, overflowY: maxHeight ? 'auto' : undefined }}
    >
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id={headingId}>
            Preview
          </Title>
          <Text size="xs" c="dimmed">
            The request your endpoint receives, with :iccid:, :imsi: and :ip: injected as 1NCE does.
          </Text>
        </div>

        <SegmentedControl
          aria-label="Scenario"
          value={scenario}
          onChange={(value) => setScenario(value as Scenario)}
          data={SCENARIOS.map(({ value, label }) => ({ value, label }))}
          // Side by side a label wraps rather than being cut off where the panel is narrow (beside
          // the form, or on a tablet); a phone stacks them.
          orientation={orientation}
          styles={{ label: { whiteSpace: 'normal' } }}
          fullWidth
          size="xs"
        />
        <Text size="xs" c="dimmed">
          {explanation}
        </Text>
        {DevicePicker && (
          <Stack gap={4}>
            <DevicePicker onPick={pickDevice} disabled={scenario !== 'device'} />
            {source && (
              <Group gap="xs" justify="space-between" wrap="wrap">
                <Text size="xs" role="status">
                  Values from {source}.
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setDeviceState(exampleDevice())}
                >
                  Use the example device
                </Button>
              </Group>
            )}
          </Stack>
        )}
        <SimpleGrid
          spacing="xs"
          // As many columns as fit at the width a 19-digit ICCID needs, so it always shows whole.
          style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))' }}
        >
          {(
            [
              ['iccid', 'ICCID'],
              ['imsi', 'IMSI'],
              ['ip', 'IP address'],
            ] as const
          ).map(([key, label]) => (
            <TextInput
              key={key}
              label={label}
              size="xs"
              value={device[key] ?? ''}
              disabled={scenario !== 'device'}
              onChange={(event) => {
                const value = event.currentTarget.value;
                // Typed by hand: no longer the values of the SIM that was picked.
                setDeviceState((current) => ({ device: { ...current.device, [key]: value } }));
              }}
              autoComplete="off"
              spellCheck={false}
            />
          ))}
        </SimpleGrid>

        {preview.warnings.length > 0 && (
          <Alert
            color="yellow"
            icon={<IconAlertTriangle aria-hidden />}
            title="Check before saving"
            p="sm"
          >
            {/* A long URL in a warning wraps inside the alert instead of being cut off. */}
            <List size="xs" spacing={4} style={{ overflowWrap: 'anywhere' }}>
              {preview.warnings.map((warning, index) => (
                <List.Item key={index}>
                  <strong>{warningPlace(warning.where)}:</strong> {warning.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}

        <div>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Final URL
          </Text>
          <Code
            block
            data-testid="preview-url"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
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
                  <Table.Td style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>
                    {name}
                  </Table.Td>
                  <Table.Td
                    style={{
                      fontFamily: 'var(--mantine-font-family-monospace)',
                      overflowWrap: 'anywhere',
                    }}
                  >
                    {isSecretName(name) && !showSecrets ? (
                      <span aria-label={`${name} value hidden`}>{MASK}</span>
                    ) : (
                      <InjectedText template={value} context={context} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              {!Object.keys(definition.headers).some(
                (name) => name.toLowerCase() === 'content-type',
              ) && (
                <Table.Tr>
                  <Table.Td style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>
                    content-type
                  </Table.Td>
                  <Table.Td style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>
                    application/json{' '}
                    <Text span c="dimmed" fz="xs">
                      (added by 1NCE)
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </div>

        <div>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
            Body
          </Text>
          {preview.bodies.length === 0 ? (
            <Text size="xs" c="dimmed">
              {scenario === 'no-device'
                ? 'This webhook does not subscribe to Error events, so it receives no event without a device.'
                : 'Choose an event type to see the body.'}
            </Text>
          ) : (
            <Tabs defaultValue={preview.bodies[0]!.eventType} keepMounted={false}>
              <Tabs.List>
                {preview.bodies.map(({ eventType }) => (
                  <Tabs.Tab key={eventType} value={eventType} fz="xs">
                    {eventTypeLabel(eventType)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {preview.bodies.map(({ eventType, body }) => (
                <Tabs.Panel key={eventType} value={eventType} pt="xs">
                  {/* Focusable, so a long body scrolls by keyboard too. */}
                  <Code block fz="xs" style={{ maxHeight: 320, overflow: 'auto' }} tabIndex={0}>
                    {body}
                  </Code>
                </Tabs.Panel>
              ))}
            </Tabs>
          )}
        </div>

        <Group gap="sm" align="center">
          <Button
            size="xs"
            variant="light"
            leftSection={
              copied === 'ok' ? (
                <IconCheck size={14} aria-hidden />
              ) : (
                <IconTerminal2 size={14} aria-hidden />
              )
            }
            onClick={copyCurl}
          >
            Copy as cURL
          </Button>
          <Checkbox
            size="xs"
            label="Include secret values"
            checked={includeSecrets}
            onChange={(event) => {
              setIncludeSecrets(event.currentTarget.checked);
              setCopied(null);
            }}
          />
        </Group>
        <VisuallyHidden aria-live="polite">
          {copied === 'ok' ? 'cURL command copied to the clipboard' : ''}
        </VisuallyHidden>
        {copied === 'ok' && (
          <Text size="xs" c="teal">
            Copied
            {includeSecrets ? ', with secret values' : ', secret values replaced by <redacted>'}.
          </Text>
        )}
        {copied === 'failed' && (
          <Text size="xs" c="red" role="alert">
            The browser did not allow copying. Select the request above and copy it by hand.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function warningPlace(where: string): string {
  if (where === 'url') return 'Endpoint URL';
  if (where === ':ip:') return 'Device IP';
  return `Header ${where}`;
}
