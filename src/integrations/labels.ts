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

export const SOURCE_IPS = ['52.29.71.11', '18.157.211.95'] as const;

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export function formatRelative(iso: string, now = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const [unit, size] =
    UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? UNITS[UNITS.length - 1]!;
  return relativeFormat.format(Math.round(seconds / size), unit);
}

const exactFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'long',
});

export function formatExact(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : exactFormat.format(time);
}
