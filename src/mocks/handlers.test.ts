import { db } from '@/mocks/db';

const API = 'http://localhost/management-api/v1/integrate/clouds';
const FLEET = 'Jv2cS-pPcy0NdtQ64ycZJ';
const COLD_CHAIN = 'AP3dIUs3c7_Oo2yJYaXWg';
const SMART_METER = 'rE7yU1iO3pA5sD9fG2hJk';
const LEGACY_MES = 'bS6nM1-cV4xZ8lK2jH0gF';
const AWS = 'MzSca5vvHAfJ4MUUCfCGb';
const FLEET_URL = 'https://ingest.fleetwise.example.com/1nce/devices/:iccid:/telemetry';

// The shared MSW server and the db reset come from src/test/setup.ts.

interface Call {
  status: number;
  text: string;
  // Tests read into arbitrary JSON; a typed body would only add casts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  init: { raw?: string } = {},
): Promise<Call> {
  const payload = init.raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const response = await fetch(`${API}${path}`, {
    method,
    headers: payload === undefined ? undefined : { 'content-type': 'application/json' },
    body: payload,
  });
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : undefined };
}

const validCreate = {
  name: 'New webhook',
  url: 'https://new-receiver.example.com/hook',
  headers: { 'x-api-key': 'secret' },
  eventTypes: [{ type: 'TELEMETRY_DATA' }],
};

function without(key: keyof typeof validCreate) {
  const copy: Record<string, unknown> = { ...validCreate };
  delete copy[key];
  return copy;
}

function expectApiError(result: Call, status: number, statusText: string, property?: string) {
  expect(result.status).toBe(status);
  expect(result.body).toEqual({
    statusCode: status,
    statusText,
    errors: expect.arrayContaining([
      expect.objectContaining({ message: expect.any(String) }),
    ]) as unknown,
  });
  for (const error of result.body.errors) {
    expect(error).toEqual({ property: expect.any(String), message: expect.any(String) });
  }
  if (property !== undefined) {
    expect(result.body.errors.map((error: { property: string }) => error.property)).toContain(
      property,
    );
  }
}

describe('POST /webhooks validation', () => {
  it.each([
    ['without name', without('name'), 'name'],
    ['without url', without('url'), 'url'],
    ['without headers', without('headers'), 'headers'],
    ['without eventTypes', without('eventTypes'), 'eventTypes'],
    ['with an empty name', { ...validCreate, name: '' }, 'name'],
    ['with a 129-character name', { ...validCreate, name: 'n'.repeat(129) }, 'name'],
    ['with a non-string name', { ...validCreate, name: 42 }, 'name'],
    ['with an http URL', { ...validCreate, url: 'http://new-receiver.example.com/hook' }, 'url'],
    ['with a space in the URL', { ...validCreate, url: 'https://new receiver.example.com' }, 'url'],
    ['with a relative URL', { ...validCreate, url: 'www.example.com' }, 'url'],
    ['with headers as an array', { ...validCreate, headers: [] }, 'headers'],
    ['with a nested header', { ...validCreate, headers: { a: { b: 'c' } } }, 'headers.a'],
    ['with a numeric header value', { ...validCreate, headers: { a: 1 } }, 'headers.a'],
    ['with an invalid header name', { ...validCreate, headers: { 'x key': 'v' } }, 'headers.x key'],
    ['with no event types', { ...validCreate, eventTypes: [] }, 'eventTypes'],
    [
      'with TEST_MESSAGE',
      { ...validCreate, eventTypes: [{ type: 'TEST_MESSAGE' }] },
      'eventTypes.0.type',
    ],
    [
      'with an unknown event version',
      { ...validCreate, eventTypes: [{ type: 'LIFECYCLE', version: '9.9.9' }] },
      'eventTypes.0.version',
    ],
    [
      'with an extra event type property',
      { ...validCreate, eventTypes: [{ type: 'LIFECYCLE', filter: 'x' }] },
      'eventTypes.0.filter',
    ],
    [
      'with a string jsonPayloadEnabled',
      { ...validCreate, jsonPayloadEnabled: 'yes' },
      'jsonPayloadEnabled',
    ],
    ['with an unknown property', { ...validCreate, description: 'hi' }, 'description'],
    ['with a state', { ...validCreate, state: 'INTEGRATION_ACTIVE' }, 'state'],
    ['with an array body', [validCreate], 'body'],
  ])('rejects a body %s with 400', async (_label, body, property) => {
    const result = await call('POST', '/webhooks', body);
    expectApiError(result, 400, 'Bad Request', property);
    expect((await call('GET', '')).body.items).toHaveLength(10);
    expect(db.list()).toHaveLength(14);
  });

  it('rejects a body that is not JSON', async () => {
    expectApiError(
      await call('POST', '/webhooks', undefined, { raw: '{"name":' }),
      400,
      'Bad Request',
      'body',
    );
    expectApiError(await call('POST', '/webhooks'), 400, 'Bad Request', 'body');
  });

  it('reports every problem at once', async () => {
    const result = await call('POST', '/webhooks', { name: '', url: 'http://x', extra: 1 });
    const properties = result.body.errors.map((error: { property: string }) => error.property);
    expect(properties.sort()).toEqual(['eventTypes', 'extra', 'headers', 'name', 'url']);
  });

  it.each([
    ['empty headers', { ...validCreate, headers: {} }],
    ['a 128-character name', { ...validCreate, name: 'n'.repeat(128) }],
    ['a one-character name', { ...validCreate, name: 'n' }],
    [
      'placeholders',
      {
        ...validCreate,
        url: 'https://x.example.com/:iccid:?ip=:ip:',
        headers: { 'x-imsi': ':imsi:' },
      },
    ],
    [
      'an explicit version and jsonPayloadEnabled',
      {
        ...validCreate,
        eventTypes: [{ type: 'LOCATION', version: '1.0.0' }],
        jsonPayloadEnabled: true,
      },
    ],
  ])('accepts %s with 201', async (_label, body) => {
    const result = await call('POST', '/webhooks', body);
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ name: body.name, url: body.url, headers: body.headers });
  });
});

describe('POST /webhooks', () => {
  it('answers 201 with the created Webhook in ROLLOUT_DONE', async () => {
    const result = await call('POST', '/webhooks', validCreate);
    expect(result.status).toBe(201);
    expect(result.body).toEqual({
      id: expect.stringMatching(/^[\w-]{21}$/),
      name: 'New webhook',
      url: 'https://new-receiver.example.com/hook',
      headers: { 'x-api-key': 'secret' },
      eventTypes: [{ type: 'TELEMETRY_DATA', version: '1.0.0' }],
      state: 'ROLLOUT_DONE',
      type: 'WEBHOOK',
      jsonPayloadEnabled: false,
      createdTime: expect.any(String),
      updatedTime: expect.any(String),
    });
    const detail = await call('GET', `/${result.body.id}`);
    expect(detail.body).toEqual(result.body);
    expect((await call('GET', '')).body.items[0].id).toBe(result.body.id);
  });

  it('answers 409 when another webhook already uses the URL', async () => {
    const result = await call('POST', '/webhooks', { ...validCreate, url: FLEET_URL });
    expect(result.status).toBe(409);
    expect(result.body).toEqual({
      statusCode: 409,
      statusText: 'Conflict',
      errors: [{ property: 'url', message: 'Another integration already uses this URL' }],
    });
    expect(db.list()).toHaveLength(14);
  });
});

describe('PATCH /webhooks/:id', () => {
  it.each([
    ['name', { name: 'Renamed' }, 'name'],
    ['an unknown property', { color: 'red' }, 'color'],
    ['name next to valid fields', { name: 'x', jsonPayloadEnabled: true }, 'name'],
    ['an http URL', { url: 'http://plain.example.com' }, 'url'],
    ['no event types', { eventTypes: [] }, 'eventTypes'],
    ['TEST_MESSAGE', { eventTypes: [{ type: 'TEST_MESSAGE' }] }, 'eventTypes.0.type'],
    ['a nested header', { headers: { a: { b: 1 } } }, 'headers.a'],
    ['a null jsonPayloadEnabled', { jsonPayloadEnabled: null }, 'jsonPayloadEnabled'],
    ['a string body', 'url=https://x.example.com', 'body'],
  ])('rejects %s with 400', async (_label, body, property) => {
    const before = db.get(SMART_METER);
    const result = await call('PATCH', `/webhooks/${SMART_METER}`, body);
    expectApiError(result, 400, 'Bad Request', property);
    expect(db.get(SMART_METER)).toEqual(before);
  });

  it('says that name is not patchable', async () => {
    const result = await call('PATCH', `/webhooks/${SMART_METER}`, { name: 'Renamed' });
    expect(result.body.errors).toEqual([{ property: 'name', message: 'name is not patchable' }]);
  });

  it('answers 200 with the updated Webhook', async () => {
    const result = await call('PATCH', `/webhooks/${SMART_METER}`, {
      url: 'https://metering.example.de/v2',
      headers: {},
      eventTypes: [{ type: 'TELEMETRY_DATA' }, { type: 'ERROR' }],
      jsonPayloadEnabled: true,
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      id: SMART_METER,
      name: 'Smart meter readings',
      url: 'https://metering.example.de/v2',
      headers: {},
      eventTypes: [
        { type: 'TELEMETRY_DATA', version: '1.0.0' },
        { type: 'ERROR', version: '1.0.0' },
      ],
      jsonPayloadEnabled: true,
      state: 'INTEGRATION_ACTIVE',
      type: 'WEBHOOK',
    });
    expect(result.body).not.toHaveProperty('lastSuccessfulMessageDelivery');
    expect((await call('GET', `/${SMART_METER}`)).body.lastSuccessfulMessageDelivery).toBeDefined();
  });

  it('accepts an empty patch', async () => {
    expect((await call('PATCH', `/webhooks/${SMART_METER}`, {})).status).toBe(200);
  });

  it('answers 409 when the new URL belongs to another webhook, but not for its own URL', async () => {
    const conflict = await call('PATCH', `/webhooks/${SMART_METER}`, { url: FLEET_URL });
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors).toEqual([
      { property: 'url', message: 'Another integration already uses this URL' },
    ]);
    expect((await call('PATCH', `/webhooks/${FLEET}`, { url: FLEET_URL })).status).toBe(200);
  });
});

describe('404 Not Found', () => {
  it.each([
    ['GET', '/doesNotExist123456789'],
    ['DELETE', '/doesNotExist123456789'],
    ['PATCH', '/webhooks/doesNotExist123456789'],
    ['POST', '/webhooks/doesNotExist123456789/test'],
    ['POST', '/webhooks/doesNotExist123456789/restart'],
    ['PATCH', `/webhooks/${AWS}`],
    ['POST', `/webhooks/${AWS}/test`],
    ['POST', `/webhooks/${AWS}/restart`],
  ])('%s %s', async (method, path) => {
    const body = method === 'PATCH' ? { jsonPayloadEnabled: true } : undefined;
    const result = await call(method, path, body);
    expectApiError(result, 404, 'Not Found', 'integrationId');
  });

  it('still serves the AWS integration itself', async () => {
    const result = await call('GET', `/${AWS}`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      type: 'AWS',
      state: 'ROLLOUT_STARTED',
      region: 'eu-central-1',
    });
    expect(result.body).not.toHaveProperty('url');
  });
});

describe('GET / (list)', () => {
  const summaryKeys = [
    'createdTime',
    'eventTypes',
    'id',
    'jsonPayloadEnabled',
    'lastSuccessfulMessageDelivery',
    'name',
    'state',
    'type',
    'updatedTime',
  ];

  it('pages by 10 by default, newest first, without url, headers or error', async () => {
    const first = await call('GET', '');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageAmount: 2 });
    expect(first.body.items).toHaveLength(10);
    expect(first.body.items[0].name).toBe('IoT Core eu-central-1');
    for (const item of first.body.items) {
      expect(summaryKeys).toEqual(expect.arrayContaining(Object.keys(item)));
    }

    const second = await call('GET', '?page=2');
    expect(second.body).toMatchObject({ page: 2, pageAmount: 2 });
    expect(second.body.items).toHaveLength(4);
    const coldChain = first.body.items.find((item: { id: string }) => item.id === COLD_CHAIN);
    expect(coldChain).toMatchObject({ state: 'INTEGRATION_FAILED' });
    expect(coldChain).not.toHaveProperty('error');
    expect(coldChain).not.toHaveProperty('url');
    expect(coldChain).not.toHaveProperty('headers');

    const ids = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(14);
  });

  it('honours pageSize', async () => {
    const result = await call('GET', '?page=3&pageSize=5');
    expect(result.body).toMatchObject({ page: 3, pageAmount: 3 });
    expect(result.body.items).toHaveLength(4);
    expect((await call('GET', '?pageSize=100')).body).toMatchObject({ pageAmount: 1 });
  });

  it('answers a page beyond the end with no items and the real pageAmount', async () => {
    const result = await call('GET', '?page=7');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ page: 7, pageAmount: 2, items: [] });
  });

  it('keeps pageAmount at least 1 when empty', async () => {
    for (const integration of db.list()) db.remove(integration.id);
    expect((await call('GET', '')).body).toEqual({ page: 1, pageAmount: 1, items: [] });
  });

  it.each([
    ['?page=0', 'page'],
    ['?page=abc', 'page'],
    ['?page=1.5', 'page'],
    ['?pageSize=0', 'pageSize'],
    ['?pageSize=101', 'pageSize'],
  ])('rejects %s with 400', async (query, property) => {
    expectApiError(await call('GET', query), 400, 'Bad Request', property);
  });
});

describe('GET /eventTypes', () => {
  it('describes every event type including TEST_MESSAGE', async () => {
    const result = await call('GET', '/eventTypes');
    expect(result.status).toBe(200);
    const names = result.body.eventTypes.map((eventType: { name: string }) => eventType.name);
    expect(names).toEqual([
      'TELEMETRY_DATA',
      'LIFECYCLE',
      'ERROR',
      'GEOFENCE',
      'LOCATION',
      'TEST_MESSAGE',
    ]);
    for (const eventType of result.body.eventTypes) {
      expect(eventType).toEqual({
        name: expect.any(String),
        description: expect.any(String),
        version: '1.0.0',
        payload: expect.objectContaining({ type: eventType.name, version: '1.0.0' }),
      });
    }
    expect(result.body.eventTypes[4].description).toBe(
      'Device location updates from GPS or cell tower',
    );
  });
});

describe('DELETE /:id', () => {
  it('answers 204 with an empty body, then the integration is gone', async () => {
    const result = await call('DELETE', `/${FLEET}`);
    expect(result.status).toBe(204);
    expect(result.text).toBe('');
    expectApiError(await call('GET', `/${FLEET}`), 404, 'Not Found');
    expectApiError(await call('DELETE', `/${FLEET}`), 404, 'Not Found');
  });

  it('deletes AWS integrations too', async () => {
    expect((await call('DELETE', `/${AWS}`)).status).toBe(204);
  });
});

describe('POST /webhooks/:id/test and /restart', () => {
  it('tests without changing the integration', async () => {
    const before = (await call('GET', `/${COLD_CHAIN}`)).body;
    const result = await call('POST', `/webhooks/${COLD_CHAIN}/test`);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ testStatus: 'SUCCESS', message: 'Test was successful' });
    expect((await call('GET', `/${COLD_CHAIN}`)).body).toEqual(before);
  });

  it('reports a failed test with 200 and FAILURE', async () => {
    const result = await call('POST', `/webhooks/${LEGACY_MES}/test`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      testStatus: 'FAILURE',
      message: expect.stringContaining('.invalid'),
    });
  });

  it('restarts the failed webhook', async () => {
    const result = await call('POST', `/webhooks/${COLD_CHAIN}/restart`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      restartStatus: 'SUCCESS',
      message: 'Restart was successful',
      integration: { id: COLD_CHAIN, state: 'INTEGRATION_ACTIVE', type: 'WEBHOOK' },
    });
    expect(Object.keys(result.body.integration).sort()).toEqual([
      'createdTime',
      'eventTypes',
      'id',
      'lastSuccessfulMessageDelivery',
      'name',
      'state',
      'type',
      'updatedTime',
    ]);
    const detail = (await call('GET', `/${COLD_CHAIN}`)).body;
    expect(detail.state).toBe('INTEGRATION_ACTIVE');
    expect(detail).not.toHaveProperty('error');
  });

  it('reports a failed restart with 200 and FAILURE, state unchanged', async () => {
    const result = await call('POST', `/webhooks/${LEGACY_MES}/restart`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      restartStatus: 'FAILURE',
      integration: { id: LEGACY_MES, state: 'ROLLOUT_DONE' },
    });
  });
});

describe('with the browser demo’s latency', () => {
  // In the browser every answer waits 150 ms. A change must be stored before that wait: a page
  // that reloads or navigates while its answer is on the way has still made the change, as with
  // a real API, and the next page reads it from sessionStorage.
  const KEY = 'latency-test';
  const stored = () => JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
  const json = (method: string, path: string, body?: unknown) =>
    new Request(`${API}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeEach(async () => {
    // Latency is off under Vitest; these modules are loaded afresh as the browser demo has them.
    vi.stubEnv('VITEST', '');
    vi.stubEnv('MODE', 'production');
    vi.resetModules();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it.each<[string, Request, (state: ReturnType<typeof stored>) => unknown]>([
    [
      'POST /webhooks',
      json('POST', '/webhooks', validCreate),
      (state) => state.integrations.find((item: { name: string }) => item.name === 'New webhook'),
    ],
    [
      'PATCH /webhooks/:id',
      json('PATCH', `/webhooks/${FLEET}`, { url: 'https://moved.example.com/hook' }),
      (state) =>
        state.integrations.find((item: { url?: string }) =>
          item.url?.includes('moved.example.com'),
        ),
    ],
    [
      'DELETE /:id',
      json('DELETE', `/${FLEET}`),
      (state) => !state.integrations.some((item: { id: string }) => item.id === FLEET),
    ],
    [
      'POST /webhooks/:id/test',
      json('POST', `/webhooks/${FLEET}/test`),
      (state) =>
        state.log.find((entry: { eventType: string }) => entry.eventType === 'TEST_MESSAGE'),
    ],
    [
      'POST /webhooks/:id/restart',
      json('POST', `/webhooks/${COLD_CHAIN}/restart`),
      (state) =>
        state.integrations.find(
          (item: { id: string; state: string }) =>
            item.id === COLD_CHAIN && item.state === 'INTEGRATION_ACTIVE',
        ),
    ],
  ])('%s stores its change before it answers', async (_name, request, changed) => {
    const { getResponse } = await import('msw');
    const { handlers: browserHandlers } = await import('@/mocks/handlers');
    const { db: browserDb } = await import('@/mocks/db');
    browserDb.persistTo(sessionStorage, KEY);
    expect(changed(stored())).toBeFalsy();

    let answered = false;
    const response = getResponse(browserHandlers, request).then((answer) => {
      answered = true;
      return answer;
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(answered).toBe(false);
    expect(changed(stored())).toBeTruthy();

    await vi.advanceTimersByTimeAsync(100);
    expect(answered).toBe(true);
    expect((await response)?.ok).toBe(true);
  });
});
