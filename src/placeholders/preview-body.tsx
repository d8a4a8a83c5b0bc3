import '@mantine/core/styles/Tabs.layer.css';
import { Code, Tabs, Text } from '@mantine/core';
import type { PreviewRequest, Scenario } from '@/placeholders/preview';

/** One tab per event body this webhook would receive in the scenario. */
export function PreviewBody({
  bodies,
  scenario,
  eventTypeLabel,
}: {
  bodies: PreviewRequest['bodies'];
  scenario: Scenario;
  eventTypeLabel: (type: string) => string;
}) {
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
        Body
      </Text>
      {bodies.length === 0 ? (
        <Text size="xs" c="dimmed">
          {scenario === 'no-device'
            ? 'This webhook does not subscribe to Error events, so it receives no event without a device.'
            : 'Choose an event type to see the body.'}
        </Text>
      ) : (
        <Tabs defaultValue={bodies[0]!.eventType} keepMounted={false}>
          <Tabs.List>
            {bodies.map(({ eventType }) => (
              <Tabs.Tab key={eventType} value={eventType} fz="xs">
                {eventTypeLabel(eventType)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {bodies.map(({ eventType, body }) => (
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
  );
}
