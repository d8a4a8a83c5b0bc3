const EVENT_TYPE_LABELS: Record<string, string> = {
  TELEMETRY_DATA: 'Telemetry data',
  LIFECYCLE: 'Lifecycle',
  ERROR: 'Error',
  GEOFENCE: 'Geofence',
  LOCATION: 'Location',
  TEST_MESSAGE: 'Test message',
};

const TYPE_LABELS: Record<string, string> = { WEBHOOK: 'Webhook', AWS: 'AWS' };

/** Unknown values fall back to a readable form of the raw string, never to nothing. */
function humanize(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const eventTypeLabel = (type: string) => EVENT_TYPE_LABELS[type] ?? humanize(type);
export const integrationTypeLabel = (type: string) => TYPE_LABELS[type] ?? humanize(type);
