import { coverageOf, errorWatchdog } from '@/coverage/coverage';
import type { IntegrationSummary } from '@/integrations/schemas';

const integration = (
  name: string,
  state: string,
  types: string[],
  type = 'WEBHOOK',
): IntegrationSummary => ({
  id: name,
  name,
  state,
  type,
  eventTypes: types.map((eventType) => ({ type: eventType })),
});

describe('coverageOf', () => {
  const coverage = coverageOf([
    integration('telemetry', 'INTEGRATION_ACTIVE', ['TELEMETRY_DATA', 'LIFECYCLE']),
    integration('failed errors', 'INTEGRATION_FAILED', ['ERROR', 'TELEMETRY_DATA']),
    integration('new errors', 'ROLLOUT_DONE', ['ERROR']),
    integration('aws', 'INTEGRATION_ACTIVE', ['LOCATION', 'ERROR'], 'AWS'),
    integration('future', 'SOME_NEW_STATE', ['GEOFENCE']),
    integration('all', 'INTEGRATION_ACTIVE', ['TELEMETRY_DATA', 'GEOFENCE', 'NEW_EVENT']),
  ]);

  it('has one row per integration in the given order, one cell per event type', () => {
    expect(coverage.rows.map((row) => row.name)).toEqual([
      'telemetry',
      'failed errors',
      'new errors',
      'aws',
      'future',
      'all',
    ]);
    expect(coverage.rows[0]!.subscribed).toEqual({
      TELEMETRY_DATA: true,
      LIFECYCLE: true,
      ERROR: false,
      GEOFENCE: false,
      LOCATION: false,
    });
    // An event type outside the five is not a column.
    expect(Object.keys(coverage.rows[5]!.subscribed)).toHaveLength(5);
  });

  it('counts Active webhooks only: not Failed, not Rollout done, not unknown states, not AWS', () => {
    expect(coverage.totals).toEqual({
      TELEMETRY_DATA: 2,
      LIFECYCLE: 1,
      ERROR: 0,
      GEOFENCE: 1,
      LOCATION: 0,
    });
  });

  it('names the webhooks subscribed to Error that are not Active', () => {
    expect(coverage.inactiveErrorSubscribers.map((row) => row.name)).toEqual([
      'failed errors',
      'new errors',
    ]);
  });

  it('is empty for no integrations', () => {
    expect(coverageOf([])).toEqual({
      rows: [],
      totals: { TELEMETRY_DATA: 0, LIFECYCLE: 0, ERROR: 0, GEOFENCE: 0, LOCATION: 0 },
      inactiveErrorSubscribers: [],
    });
  });
});

describe('errorWatchdog', () => {
  it('is a webhook named "Error watchdog" subscribed to Error only', () => {
    expect(errorWatchdog.values).toEqual({
      name: 'Error watchdog',
      url: '',
      headers: [],
      eventTypes: ['ERROR'],
      jsonPayloadEnabled: false,
    });
  });
});
