import {
  injectDefinition,
  type DeviceContext,
  type WebhookDefinition,
} from '@/placeholders/inject';
import { sampleBody } from '@/placeholders/samples';
import { previewWarnings, type PreviewWarning } from '@/placeholders/warnings';

export type Scenario = 'device' | 'no-device' | 'test';

export const SCENARIOS: { value: Scenario; label: string; explanation: string }[] = [
  {
    value: 'device',
    label: 'Device event',
    explanation:
      'Telemetry, lifecycle, geofence and location events carry the device’s ICCID, IMSI and IP.',
  },
  {
    value: 'no-device',
    label: 'Event without device',
    explanation:
      'Events such as an admin-log ERROR have no device: every placeholder becomes “none”.',
  },
  {
    value: 'test',
    label: 'Test or Restart message',
    explanation:
      'Test and Restart send a TEST_MESSAGE in which every placeholder resolves to “none”.',
  },
];

/**
 * The device the Preview and the demo start from: shaped like a 1NCE SIM (a 19-digit ICCID
 * starting 8988, a 15-digit IMSI starting 901405, a private IPv4 address). The docs' own example
 * (1234567890123456789) stays in the placeholder tests, which check injection against it.
 */
export const EXAMPLE_DEVICE = {
  iccid: '8988228066612345678',
  imsi: '901405100012345',
  ip: '10.203.51.17',
} as const;

const DEVICE_EVENT_ORDER = ['TELEMETRY_DATA', 'LIFECYCLE', 'GEOFENCE', 'LOCATION', 'ERROR'];

export interface PreviewInput {
  definition: WebhookDefinition;
  eventTypes: string[];
  jsonPayloadEnabled: boolean;
  scenario: Scenario;
  device: DeviceContext;
  integration: { id: string; name: string };
  now?: number;
}

export interface PreviewRequest {
  method: 'POST';
  url: string;
  /** In the order they are sent; `content-type` is added unless the user set one. */
  headers: [string, string][];
  bodies: { eventType: string; body: string }[];
  warnings: PreviewWarning[];
}

export function contextFor(scenario: Scenario, device: DeviceContext): DeviceContext {
  return scenario === 'device' ? device : {};
}

/** Which event bodies this webhook would receive in a scenario, in a stable order. */
export function bodyTypes(scenario: Scenario, eventTypes: string[]): string[] {
  if (scenario === 'test') return ['TEST_MESSAGE'];
  if (scenario === 'no-device') return eventTypes.includes('ERROR') ? ['ERROR'] : [];
  return DEVICE_EVENT_ORDER.filter((type) => eventTypes.includes(type));
}

/** The header 1NCE adds to every event: none when the webhook sets a Content-Type of its own. */
export function addedContentType(headers: [string, string][]): [string, string] | undefined {
  return headers.some(([name]) => name.toLowerCase() === 'content-type')
    ? undefined
    : ['content-type', 'application/json'];
}

export function buildPreview(input: PreviewInput): PreviewRequest {
  const context = contextFor(input.scenario, input.device);
  const final = injectDefinition(input.definition, context);
  const headers = Object.entries(final.headers);
  const added = addedContentType(headers);
  if (added) headers.push(added);
  const bodies = bodyTypes(input.scenario, input.eventTypes).map((eventType) => ({
    eventType,
    body: JSON.stringify(
      sampleBody(eventType, {
        device: input.scenario === 'device' ? input.device : undefined,
        jsonPayloadEnabled: input.jsonPayloadEnabled,
        integration: input.integration,
        now: input.now,
      }),
      null,
      2,
    ),
  }));
  return {
    method: 'POST',
    url: final.url,
    headers,
    bodies,
    warnings: previewWarnings(input.definition, context),
  };
}
