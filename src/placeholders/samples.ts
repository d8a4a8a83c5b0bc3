import { base64 } from '@/lib/base64';
import type { DeviceContext } from '@/placeholders/inject';

// Sample bodies in 1NCE's documented envelope (Cloud Integrator "Output Format"): one event per
// POST, `received` is a string of epoch milliseconds.

export interface SampleOptions {
  /** The device the event came from; undefined for events without one. */
  device?: DeviceContext;
  jsonPayloadEnabled: boolean;
  integration: { id: string; name: string };
  now?: number;
}

const TELEMETRY = { temperature: 4.2, humidity: 61, door: 'closed' };

function deviceOf(device: DeviceContext | undefined) {
  return device
    ? { iccid: device.iccid ?? '', imsi: device.imsi ?? '', ip: device.ip ?? '' }
    : undefined;
}

export function sampleBody(eventType: string, options: SampleOptions): Record<string, unknown> {
  const now = options.now ?? Date.now();
  const device = deviceOf(options.device);
  const envelope = {
    id: `1-${Math.floor(now / 1000).toString(16)}-5f0c2a9e3b7d41a6c8e2f014`,
    type: eventType,
    received: String(now),
    version: '1.0.0',
    ...(device && { device }),
  };
  switch (eventType) {
    case 'TELEMETRY_DATA':
      return {
        ...envelope,
        source: 'UDP',
        // Parse JSON payload: a raw UDP/CoAP message that is valid JSON arrives parsed, else Base64.
        payload: options.jsonPayloadEnabled
          ? { type: 'JSON', value: TELEMETRY }
          : { type: 'STRING', encoding: 'base64', value: base64(JSON.stringify(TELEMETRY)) },
      };
    case 'LIFECYCLE':
      return {
        ...envelope,
        lifecycle: {
          type: 'DEVICE_FIRST_TIME_REGISTERED',
          message: 'Device registered with 1NCE OS for the first time',
        },
      };
    case 'ERROR':
      return {
        ...envelope,
        error: device
          ? {
              id: 'e-4b1f',
              type: 'DEVICE',
              message: 'Payload could not be translated',
              description: 'The Energy Saver template did not match the message',
              payloadExists: true,
            }
          : {
              id: 'e-9c2d',
              type: 'INTEGRATION',
              message: 'CloudIntegrator[IntegrationDisabled]',
              description:
                'Integration 2BLURnaUZSlbKp6vN1V5dYiJvC4 (backup-endpoint) was disabled after 5 failed attempts',
              payloadExists: false,
            },
      };
    case 'GEOFENCE':
      return {
        ...envelope,
        geofence: {
          id: 'gf-31',
          name: 'Depot Hamburg',
          type: 'ENTER',
          coordinates: ['9.9937', '53.5511'],
          source: 'GPS',
        },
      };
    case 'LOCATION':
      return {
        ...envelope,
        location: { source: 'CellTower', coordinates: ['9.9937', '53.5511'] },
      };
    case 'TEST_MESSAGE':
      return { ...envelope, integration: options.integration };
    default:
      return envelope;
  }
}
