import { sampleBody, type SampleOptions } from '@/placeholders/samples';

const DEVICE = { iccid: '1234567890123456789', imsi: '987654321098765', ip: '192.168.1.1' };
const INTEGRATION = { id: 'AP3dIUs3c7_Oo2yJYaXWg', name: 'test_integration' };
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

const options = (overrides: Partial<SampleOptions> = {}): SampleOptions => ({
  jsonPayloadEnabled: true,
  integration: INTEGRATION,
  now: NOW,
  ...overrides,
});

const EVENT_TYPES = [
  'TELEMETRY_DATA',
  'LIFECYCLE',
  'GEOFENCE',
  'LOCATION',
  'ERROR',
  'TEST_MESSAGE',
  'SOMETHING_NEW',
];

describe('sampleBody envelope', () => {
  it.each(EVENT_TYPES)('%s with a device', (eventType) => {
    const body = sampleBody(eventType, options({ device: DEVICE }));
    expect(body).toMatchObject({
      type: eventType,
      received: String(NOW),
      version: '1.0.0',
      device: DEVICE,
    });
    expect(body.id).toEqual(expect.stringMatching(/^1-[0-9a-f]+-[0-9a-f]+$/));
    expect(body.received).toMatch(/^\d+$/);
  });

  it.each(EVENT_TYPES)('%s without a device has no device key', (eventType) => {
    const body = sampleBody(eventType, options());
    expect(body).toMatchObject({ type: eventType, received: String(NOW), version: '1.0.0' });
    expect(body).not.toHaveProperty('device');
  });

  it('uses the current time when none is given', () => {
    const before = Date.now();
    const body = sampleBody('LIFECYCLE', options({ now: undefined }));
    const received = Number(body.received);
    expect(body.received).toMatch(/^\d+$/);
    expect(received).toBeGreaterThanOrEqual(before);
    expect(received).toBeLessThanOrEqual(Date.now());
  });

  it('keeps every envelope field a string, as 1NCE sends them', () => {
    const body = sampleBody('LOCATION', options({ device: DEVICE }));
    for (const key of ['id', 'type', 'received', 'version'])
      expect(typeof body[key]).toBe('string');
  });

  it('fills the fields a partially known device lacks with empty strings', () => {
    expect(sampleBody('LIFECYCLE', options({ device: { iccid: DEVICE.iccid } })).device).toEqual({
      iccid: DEVICE.iccid,
      imsi: '',
      ip: '',
    });
  });

  it('the unknown event type gets the bare envelope', () => {
    expect(Object.keys(sampleBody('SOMETHING_NEW', options({ device: DEVICE }))).sort()).toEqual(
      ['device', 'id', 'received', 'type', 'version'].sort(),
    );
  });
});

describe('sampleBody event data', () => {
  it('TELEMETRY_DATA with JSON parsing sends the object', () => {
    const body = sampleBody('TELEMETRY_DATA', options({ jsonPayloadEnabled: true }));
    expect(body.payload).toEqual({ type: 'JSON', value: expect.any(Object) });
    const { value } = body.payload as { value: unknown };
    expect(typeof value).toBe('object');
    expect(value).not.toBeNull();
  });

  it('TELEMETRY_DATA without JSON parsing sends the same JSON as base64', () => {
    const parsed = sampleBody('TELEMETRY_DATA', options({ jsonPayloadEnabled: true }));
    const raw = sampleBody('TELEMETRY_DATA', options({ jsonPayloadEnabled: false }));
    expect(raw.payload).toEqual({
      type: 'STRING',
      encoding: 'base64',
      value: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
    });
    const encoded = (raw.payload as { value: string }).value;
    expect(JSON.parse(atob(encoded))).toEqual((parsed.payload as { value: unknown }).value);
  });

  it('TEST_MESSAGE carries the integration', () => {
    expect(sampleBody('TEST_MESSAGE', options()).integration).toEqual(INTEGRATION);
  });

  it.each([
    ['LIFECYCLE', 'lifecycle'],
    ['GEOFENCE', 'geofence'],
    ['LOCATION', 'location'],
    ['ERROR', 'error'],
  ])('%s carries %s', (eventType, key) => {
    expect(sampleBody(eventType, options({ device: DEVICE }))).toHaveProperty(key);
  });

  it.each([
    [DEVICE, 'DEVICE'],
    [undefined, 'INTEGRATION'],
  ])('ERROR for device %o is a %s error', (device, type) => {
    expect(sampleBody('ERROR', options({ device })).error).toMatchObject({ type });
  });

  it('only TEST_MESSAGE names the integration', () => {
    for (const eventType of EVENT_TYPES.filter((type) => type !== 'TEST_MESSAGE')) {
      expect(sampleBody(eventType, options())).not.toHaveProperty('integration');
    }
  });
});
