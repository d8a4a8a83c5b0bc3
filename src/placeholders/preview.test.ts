import type { WebhookDefinition } from '@/placeholders/inject';
import {
  bodyTypes,
  buildPreview,
  contextFor,
  EXAMPLE_DEVICE,
  SCENARIOS,
  type PreviewInput,
  type Scenario,
} from '@/placeholders/preview';
import { previewWarnings } from '@/placeholders/warnings';

// 1NCE's documented example, verbatim: the device, the definition and (below) the results.
const DOCS_DEVICE = { iccid: '1234567890123456789', imsi: '987654321098765', ip: '192.168.1.1' };
const DOCS_DEFINITION: WebhookDefinition = {
  url: 'https://www.your-endpoint.com/events?iccid=:iccid:&ip=:ip:&imsi=:imsi:',
  headers: {
    'x-api-key': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    'x-device-imsi': ':imsi:',
    'x-device-iccid': ':iccid:',
    'x-device-ip': ':ip:',
  },
};
const INTEGRATION = { id: 'AP3dIUs3c7_Oo2yJYaXWg', name: 'webhook-name-1' };
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
// Deliberately not in delivery order, so the preview's own ordering is what gets tested.
const ALL_TYPES = ['ERROR', 'LOCATION', 'TELEMETRY_DATA', 'GEOFENCE', 'LIFECYCLE'];

const input = (overrides: Partial<PreviewInput> = {}): PreviewInput => ({
  definition: DOCS_DEFINITION,
  eventTypes: ALL_TYPES,
  jsonPayloadEnabled: true,
  scenario: 'device',
  device: DOCS_DEVICE,
  integration: INTEGRATION,
  now: NOW,
  ...overrides,
});

const CONTENT_TYPE: [string, string] = ['content-type', 'application/json'];
const NONE_HEADERS: [string, string][] = [
  ['x-api-key', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
  ['x-device-imsi', 'none'],
  ['x-device-iccid', 'none'],
  ['x-device-ip', 'none'],
  CONTENT_TYPE,
];

describe('the example device', () => {
  it('looks like a 1NCE SIM: 19-digit ICCID from 8988, 15-digit IMSI from 901405, IPv4', () => {
    expect(EXAMPLE_DEVICE.iccid).toMatch(/^8988\d{15}$/);
    expect(EXAMPLE_DEVICE.imsi).toMatch(/^901405\d{9}$/);
    expect(EXAMPLE_DEVICE.ip).toMatch(/^(\d{1,3})(\.\d{1,3}){3}$/);
    expect(EXAMPLE_DEVICE).not.toEqual(DOCS_DEVICE);
    expect(SCENARIOS.map((scenario) => scenario.value)).toEqual(['device', 'no-device', 'test']);
  });
});

describe('buildPreview: device event', () => {
  it('injects the device and sends one body per selected event type', () => {
    const preview = buildPreview(input());
    expect(preview.method).toBe('POST');
    expect(preview.url).toBe(
      'https://www.your-endpoint.com/events?iccid=1234567890123456789&ip=192.168.1.1&imsi=987654321098765',
    );
    expect(preview.headers).toEqual([
      ['x-api-key', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
      ['x-device-imsi', '987654321098765'],
      ['x-device-iccid', '1234567890123456789'],
      ['x-device-ip', '192.168.1.1'],
      CONTENT_TYPE,
    ]);
    expect(preview.bodies.map((body) => body.eventType)).toEqual([
      'TELEMETRY_DATA',
      'LIFECYCLE',
      'GEOFENCE',
      'LOCATION',
      'ERROR',
    ]);
    for (const { eventType, body } of preview.bodies) {
      expect(JSON.parse(body)).toMatchObject({ type: eventType, device: DOCS_DEVICE });
    }
  });

  it.each<[string[], string[]]>([
    [[], []],
    [['TELEMETRY_DATA'], ['TELEMETRY_DATA']],
    [
      ['LOCATION', 'TELEMETRY_DATA'],
      ['TELEMETRY_DATA', 'LOCATION'],
    ],
    [
      ['ERROR', 'LIFECYCLE'],
      ['LIFECYCLE', 'ERROR'],
    ],
    [['GEOFENCE', 'GEOFENCE'], ['GEOFENCE']],
    [['TEST_MESSAGE', 'SOMETHING_NEW'], []],
    [ALL_TYPES, ['TELEMETRY_DATA', 'LIFECYCLE', 'GEOFENCE', 'LOCATION', 'ERROR']],
  ])('selection %j sends %j', (eventTypes, expected) => {
    const preview = buildPreview(input({ eventTypes }));
    expect(preview.bodies.map((body) => body.eventType)).toEqual(expected);
  });

  it('bodies are the pretty-printed samples for the device', () => {
    const preview = buildPreview(input({ jsonPayloadEnabled: false }));
    expect(preview.bodies[0]!.body).toBe(
      [
        '{',
        '  "id": "1-6b02d940-5f0c2a9e3b7d41a6c8e2f014",',
        '  "type": "TELEMETRY_DATA",',
        '  "received": "1795348800000",',
        '  "version": "1.0.0",',
        '  "device": {',
        '    "iccid": "1234567890123456789",',
        '    "imsi": "987654321098765",',
        '    "ip": "192.168.1.1"',
        '  },',
        '  "source": "UDP",',
        '  "payload": {',
        '    "type": "STRING",',
        '    "encoding": "base64",',
        '    "value": "eyJ0ZW1wZXJhdHVyZSI6NC4yLCJodW1pZGl0eSI6NjEsImRvb3IiOiJjbG9zZWQifQ=="',
        '  }',
        '}',
      ].join('\n'),
    );
    for (const { eventType, body } of preview.bodies) {
      expect(body.startsWith('{\n  "id": ')).toBe(true);
      expect(JSON.parse(body)).toMatchObject({ type: eventType, received: '1795348800000' });
    }
  });

  it('follows the jsonPayloadEnabled flag', () => {
    const payloadType = (jsonPayloadEnabled: boolean) =>
      JSON.parse(buildPreview(input({ jsonPayloadEnabled })).bodies[0]!.body).payload.type;
    expect(payloadType(true)).toBe('JSON');
    expect(payloadType(false)).toBe('STRING');
  });

  it('uses a partially known device as given', () => {
    const preview = buildPreview(input({ device: { iccid: '8988' } }));
    expect(preview.url).toBe('https://www.your-endpoint.com/events?iccid=8988&ip=none&imsi=none');
  });
});

describe('buildPreview: event without device', () => {
  it('injects none everywhere even though a device is configured', () => {
    const preview = buildPreview(input({ scenario: 'no-device' }));
    expect(preview.url).toBe('https://www.your-endpoint.com/events?iccid=none&ip=none&imsi=none');
    expect(preview.headers).toEqual(NONE_HEADERS);
  });

  it.each<[string[], string[]]>([
    [ALL_TYPES, ['ERROR']],
    [['ERROR'], ['ERROR']],
    [['TELEMETRY_DATA', 'LOCATION'], []],
    [[], []],
  ])('selection %j sends %j', (eventTypes, expected) => {
    const preview = buildPreview(input({ scenario: 'no-device', eventTypes }));
    expect(preview.bodies.map((body) => body.eventType)).toEqual(expected);
  });

  it('the ERROR body has no device', () => {
    const [error] = buildPreview(input({ scenario: 'no-device' })).bodies;
    const body = JSON.parse(error!.body);
    expect(body).not.toHaveProperty('device');
    expect(body.error.type).toBe('INTEGRATION');
  });
});

describe('buildPreview: test message', () => {
  it.each<[string[]]>([[ALL_TYPES], [['TELEMETRY_DATA']], [[]]])(
    'sends one TEST_MESSAGE with none everywhere for selection %j',
    (eventTypes) => {
      const preview = buildPreview(input({ scenario: 'test', eventTypes }));
      expect(preview.url).toBe('https://www.your-endpoint.com/events?iccid=none&ip=none&imsi=none');
      expect(preview.headers).toEqual(NONE_HEADERS);
      expect(preview.bodies.map((body) => body.eventType)).toEqual(['TEST_MESSAGE']);
      const body = JSON.parse(preview.bodies[0]!.body);
      expect(body).toMatchObject({ type: 'TEST_MESSAGE', integration: INTEGRATION });
      expect(body).not.toHaveProperty('device');
    },
  );
});

describe('buildPreview: content-type', () => {
  it.each([
    ['content-type', 'text/plain'],
    ['Content-Type', 'application/cloudevents+json'],
    ['CONTENT-TYPE', 'application/x-www-form-urlencoded'],
  ])('keeps the user’s %s and adds none', (name, value) => {
    const definition = { url: 'https://example.com/x', headers: { a: '1', [name]: value } };
    expect(buildPreview(input({ definition })).headers).toEqual([
      ['a', '1'],
      [name, value],
    ]);
  });

  it.each(['x-content-type', 'content-types', 'content'])('%s is not content-type', (name) => {
    const definition = { url: 'https://example.com/x', headers: { [name]: 'x' } };
    expect(buildPreview(input({ definition })).headers).toEqual([[name, 'x'], CONTENT_TYPE]);
  });

  it('adds it last when there are no headers', () => {
    const definition = { url: 'https://example.com/x', headers: {} };
    expect(buildPreview(input({ definition })).headers).toEqual([CONTENT_TYPE]);
  });

  it('injects into a user content-type as well', () => {
    const definition = { url: 'https://example.com/x', headers: { 'Content-Type': 'x/:iccid:' } };
    expect(buildPreview(input({ definition })).headers).toEqual([
      ['Content-Type', 'x/1234567890123456789'],
    ]);
  });
});

describe('buildPreview: warnings', () => {
  const SCENARIO_VALUES: Scenario[] = ['device', 'no-device', 'test'];

  it.each(SCENARIO_VALUES)('passes the warnings for the %s context through', (scenario) => {
    const definition = {
      url: 'https://:iccid:.example.com/x?ip=:ip:&d=:unknown:',
      headers: { 'x-t': ':tracking_id:' },
    };
    const preview = buildPreview(input({ scenario, definition }));
    expect(preview.warnings).toEqual(
      previewWarnings(definition, contextFor(scenario, DOCS_DEVICE)),
    );
    expect(preview.warnings.length).toBeGreaterThan(0);
  });

  it('warns about a device value only in the device scenario', () => {
    const definition = { url: 'https://example.com/x', headers: { 'x-device-iccid': ':iccid:' } };
    const device = { iccid: 'bad\nvalue' };
    expect(buildPreview(input({ definition, device })).warnings).toEqual([
      {
        where: 'x-device-iccid',
        message: expect.stringContaining('not a valid HTTP header value'),
      },
    ]);
    expect(buildPreview(input({ definition, device, scenario: 'test' })).warnings).toEqual([]);
  });

  it('has no warnings for a clean definition', () => {
    const definition = { url: 'https://example.com/x?iccid=:iccid:', headers: { k: ':imsi:' } };
    expect(buildPreview(input({ definition })).warnings).toEqual([]);
  });
});

describe('contextFor and bodyTypes', () => {
  it.each<[Scenario, object]>([
    ['device', EXAMPLE_DEVICE],
    ['no-device', {}],
    ['test', {}],
  ])('%s uses %o', (scenario, expected) => {
    expect(contextFor(scenario, EXAMPLE_DEVICE)).toEqual(expected);
  });

  it.each<[Scenario, string[], string[]]>([
    ['device', ALL_TYPES, ['TELEMETRY_DATA', 'LIFECYCLE', 'GEOFENCE', 'LOCATION', 'ERROR']],
    ['device', ['LOCATION'], ['LOCATION']],
    ['no-device', ALL_TYPES, ['ERROR']],
    ['no-device', ['LOCATION'], []],
    ['test', [], ['TEST_MESSAGE']],
    ['test', ALL_TYPES, ['TEST_MESSAGE']],
  ])('%s with %j → %j', (scenario, eventTypes, expected) => {
    expect(bodyTypes(scenario, eventTypes)).toEqual(expected);
  });
});
