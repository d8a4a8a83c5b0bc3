import '@mantine/core/styles/Drawer.layer.css';
import '@mantine/core/styles/SegmentedControl.layer.css';
import {
  Alert,
  Badge,
  Button,
  Code,
  Drawer,
  Group,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconBroadcast } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from '@/ui/router';
import { eventTypeLabel } from '@/ui/labels';
import { db } from '@/mocks/db';
import type { DeliveryLogEntry } from '@/mocks/delivery-log';
import { EXAMPLE_DEVICE } from '@/placeholders/preview';

type DeviceEventType = 'TELEMETRY_DATA' | 'LIFECYCLE';

const OUTCOME_COLOR: Record<DeliveryLogEntry['outcome'], string> = {
  delivered: 'green',
  failed: 'orange',
  disabled: 'red',
};

/** The demo controls' drawer: loaded when first asked for (demo-controls.tsx), kept after. */
export function DemoDrawer({
  opened,
  onMounted,
  onClose,
  liveOffered,
}: {
  opened: boolean;
  /** Called once it has rendered (closed): see demo-controls.tsx. */
  onMounted: () => void;
  onClose: () => void;
  liveOffered: boolean;
}) {
  useEffect(onMounted, [onMounted]);
  const [eventType, setEventType] = useState<DeviceEventType>('TELEMETRY_DATA');
  const [confirmReset, setConfirmReset] = useState(false);
  const [log, setLog] = useState(() => db.log());
  useEffect(() => db.subscribe(() => setLog(db.log())), []);

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title="Demo controls"
      closeButtonProps={{ 'aria-label': 'Close demo controls' }}
    >
      <Stack gap="lg">
        <Text size="sm">
          This console is talking to a simulated 1NCE API that runs in this browser. Your changes
          are kept in every tab of this browser until you reset them.
        </Text>
        {/* Near the top: where a user looks for it when the demo should start over. */}
        <Stack gap="xs" component="section" aria-labelledby="reset-heading">
          <Title order={2} size="h5" id="reset-heading">
            Start over
          </Title>
          {confirmReset ? (
            <Alert color="orange" title="Reset demo data?">
              <Text size="sm" mb="xs">
                Every change you made is replaced by the original sample integrations, in every tab
                of this browser.
              </Text>
              <Group>
                <Button
                  color="orange"
                  size="xs"
                  onClick={() => {
                    db.reset();
                    setConfirmReset(false);
                  }}
                >
                  Yes, reset
                </Button>
                <Button variant="default" size="xs" onClick={() => setConfirmReset(false)}>
                  Cancel
                </Button>
              </Group>
            </Alert>
          ) : (
            <Button variant="default" color="orange" onClick={() => setConfirmReset(true)}>
              Reset demo data
            </Button>
          )}
        </Stack>

        <Stack gap="xs" component="section" aria-labelledby="simulate-heading">
          <Title order={2} size="h5" id="simulate-heading">
            Simulate a device message
          </Title>
          <Text size="xs" c="dimmed">
            A device (ICCID {EXAMPLE_DEVICE.iccid}) sends an event; every subscribed webhook that is
            not Failed receives it. Endpoints on a <Code>.invalid</Code> host never answer, so 1NCE
            retries (demo delays are seconds, not minutes) and marks the webhook Failed after 5
            attempts.
          </Text>
          <SegmentedControl
            aria-label="Device event type"
            value={eventType}
            onChange={(value) => setEventType(value as DeviceEventType)}
            data={[
              { value: 'TELEMETRY_DATA', label: eventTypeLabel('TELEMETRY_DATA') },
              { value: 'LIFECYCLE', label: eventTypeLabel('LIFECYCLE') },
            ]}
          />
          <Button
            leftSection={<IconBroadcast size={16} aria-hidden />}
            onClick={() => db.sendDeviceMessage(eventType)}
          >
            Send device message
          </Button>
        </Stack>

        <Stack gap="xs" component="section" aria-labelledby="log-heading">
          <Title order={2} size="h5" id="log-heading">
            Deliveries
          </Title>
          {log.length === 0 ? (
            <Text size="sm" c="dimmed">
              No deliveries yet.
            </Text>
          ) : (
            <ScrollArea.Autosize mah={360} viewportProps={{ tabIndex: 0 }}>
              <Stack
                gap="xs"
                component="ol"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-live="polite"
              >
                {log.map((entry) => (
                  <li key={entry.id}>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Badge
                        color={OUTCOME_COLOR[entry.outcome]}
                        variant="light"
                        style={{ flexShrink: 0 }}
                      >
                        {entry.outcome}
                      </Badge>
                      <Text size="xs">
                        <strong>{entry.integrationName}</strong> · {eventTypeLabel(entry.eventType)}{' '}
                        · attempt {entry.attempt}/{entry.maxAttempts}
                        <br />
                        {entry.detail}
                      </Text>
                    </Group>
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Stack>

        {liveOffered && (
          <Stack gap="xs" component="section" aria-labelledby="account-heading">
            <Title order={2} size="h5" id="account-heading">
              Your own integrations
            </Title>
            <Text size="xs" c="dimmed">
              Sign in with your 1NCE API user to manage your real webhooks. The demo stays in this
              browser until you reset it.
            </Text>
            <Button component={Link} to="/sign-in" variant="default" onClick={onClose}>
              Sign in to 1NCE
            </Button>
          </Stack>
        )}
      </Stack>
    </Drawer>
  );
}
