import '@mantine/core/styles/SegmentedControl.layer.css';
import { Paper, SegmentedControl, Stack, Text, Title, useMatches } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import type { WebhookDefinition } from '@/placeholders/inject';
import { PreviewBody } from '@/placeholders/preview-body';
import { PreviewCurl } from '@/placeholders/preview-curl';
import {
  PreviewDevice,
  exampleDevice,
  type DevicePicker,
  type DeviceState,
} from '@/placeholders/preview-device';
import { PreviewRequest, PreviewWarnings } from '@/placeholders/preview-request';
import { SCENARIOS, buildPreview, contextFor, type Scenario } from '@/placeholders/preview';

interface PreviewPanelProps {
  definition: WebhookDefinition;
  eventTypes: string[];
  jsonPayloadEnabled: boolean;
  integration: { id: string; name: string };
  eventTypeLabel: (type: string) => string;
  /** Set where the panel is sticky, so all of it stays reachable by scrolling inside it. */
  maxHeight?: string;
  /** A search for a real device, given by the page; `source` ends "Values from …". */
  devicePicker?: DevicePicker;
  /** The warnings' title: the form's "Check before saving" unless the page says otherwise. */
  warningsTitle?: string;
}

export function PreviewPanel({
  definition,
  eventTypes,
  jsonPayloadEnabled,
  integration,
  eventTypeLabel,
  maxHeight,
  devicePicker,
  warningsTitle = 'Check before saving',
}: PreviewPanelProps) {
  const headingId = useId();
  const [scenario, setScenario] = useState<Scenario>('device');
  const [deviceState, setDeviceState] = useState<DeviceState>(exampleDevice);
  const { device } = deviceState;
  const orientation = useMatches<'vertical' | 'horizontal'>({ base: 'vertical', xs: 'horizontal' });

  const preview = useMemo(
    () =>
      buildPreview({ definition, eventTypes, jsonPayloadEnabled, scenario, device, integration }),
    [definition, eventTypes, jsonPayloadEnabled, scenario, device, integration],
  );
  const context = contextFor(scenario, device);
  const explanation = SCENARIOS.find((item) => item.value === scenario)?.explanation;

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
        <PreviewDevice
          state={deviceState}
          onChange={setDeviceState}
          disabled={scenario !== 'device'}
          devicePicker={devicePicker}
        />

        <PreviewWarnings warnings={preview.warnings} title={warningsTitle} />
        <PreviewRequest definition={definition} context={context} />
        <PreviewBody bodies={preview.bodies} scenario={scenario} eventTypeLabel={eventTypeLabel} />
        <PreviewCurl preview={preview} />
      </Stack>
    </Paper>
  );
}
