import { request as httpRequest } from 'node:http';
import { getResponse } from 'msw';
import { db } from '@/mocks/db';
import { handlers } from '@/mocks/handlers';
import { createUpstream, type Upstream } from './server';

// A Node test (vitest's 'upstream' project): no MSW server runs in this process, so every
// request below goes over the socket, through the token check and the request log.

const BASIC = `Basic ${btoa('e2e-api-user:e2e-api-password')}`;
const CLOUDS = '/management-api/v1/integrate/clouds';
const FLEET = 'Jv2cS-pPcy0NdtQ64ycZJ';

interface Call {
  status: number;
  headers: Headers;
  text: string;
  // Tests read into arbitrary JSON; a typed body would only add casts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

let upstream: Upstream;
let origin: string;

async function call(
  method: string,
  path: string,
  init: { authorization?: string; body?: unknown; raw?: string; base?: string } = {},
): Promise<Call> {
  const payload = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const headers: Record<string, string> = {};
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (init.authorization) headers.authorization = init.authorization;
  const response = await fetch(`${init.base ?? origin}${path}`, { method, headers, body: payload });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text ? JSON.parse(text) : undefined,
  };
}

const requestToken = (
  authorization = BASIC,
  body: unknown = { grant_type: 'client_credentials' },
) => call('POST', '/management-api/oauth/token', { authorization, body });

async function token(base?: string): Promise<string> {
  const response = await call('POST', '/management-api/oauth/token', {
    authorization: BASIC,
    body: { grant_type: 'client_credentials' },
    base,
  });
  expect(response.status).toBe(200);
  return response.body.access_token;
}

const control = (action: string, body?: unknown) =>
  call(action === 'requests' ? 'GET' : 'POST', `/__control/${action}`, { body });

beforeAll(async () => {
  upstream = createUpstream();
  origin = `http://127.0.0.1:${await upstream.listen(0)}`;
});
afterAll(() => upstream.close());
beforeEach(async () => {
  expect((await control('reset')).status).toBe(204);
});

describe('POST /management-api/oauth/token', () => {
  it('issues a bearer token for the right credentials', async () => {
    const response = await requestToken();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status_code: 200,
      access_token: expect.stringMatching(/^[\w-]{64,}$/),
      token_type: 'bearer',
      expires_in: 3600,
      userId: 'user',
      scope: 'all',
    });
    expect((await requestToken()).body.access_token).not.toBe(response.body.access_token);
  });

  it.each([
    ['a wrong password', 'e2e-api-user:nope'],
    ['an unknown user', 'someone:e2e-api-password'],
  ])('answers 400 BadCredentials for %s', async (_case, pair) => {
    const response = await requestToken(`Basic ${btoa(pair)}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      errorCode: 'BadCredentials',
      message: 'User does not exist.',
    });
  });

  it.each([
    ['no Authorization header', ''],
    ['a Bearer header', 'Bearer abc'],
    ['Basic without a password', `Basic ${btoa('e2e-api-user')}`],
  ])('answers 400 AuthValidationError for %s', async (_case, authorization) => {
    const response = await requestToken(authorization);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      errorCode: 'AuthValidationError',
      message: expect.stringMatching(/username or password/),
    });
  });

  it.each([
    ['a missing grant_type', {}],
    ['another grant_type', { grant_type: 'password' }],
  ])('answers 400 BodyValidationError for %s', async (_case, body) => {
    const response = await requestToken(BASIC, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, errorCode: 'BodyValidationError' });
  });

  it('answers 400 BodyValidationError for a body that is not JSON', async () => {
    const response = await call('POST', '/management-api/oauth/token', {
      authorization: BASIC,
      raw: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(400);
    expect(response.body.errorCode).toBe('BodyValidationError');
  });

  it('honours custom credentials and token lifetime', async () => {
    const custom = createUpstream({
      tokenLifetimeS: 60,
      credentials: { username: 'alice', password: 's3cret' },
    });
    const base = `http://127.0.0.1:${await custom.listen(0)}`;
    try {
      const path = '/management-api/oauth/token';
      const body = { grant_type: 'client_credentials' };
      const ok = await call('POST', path, {
        authorization: `Basic ${btoa('alice:s3cret')}`,
        body,
        base,
      });
      expect(ok.status).toBe(200);
      expect(ok.body.expires_in).toBe(60);
      const fresh = { authorization: `Bearer ${ok.body.access_token}`, base };
      expect((await call('GET', CLOUDS, fresh)).status).toBe(200);

      // The token is this instance's: the other upstream does not know it.
      expect((await call('GET', CLOUDS, { authorization: fresh.authorization })).status).toBe(401);

      const now = Date.now();
      vi.spyOn(Date, 'now').mockReturnValue(now + 61_000);
      const expired = await call('GET', CLOUDS, fresh);
      expect(expired.status).toBe(401);
      expect(expired.body.errors).toEqual([{ message: 'The incoming token has expired' }]);
      vi.restoreAllMocks();

      expect((await call('POST', path, { authorization: BASIC, body, base })).status).toBe(400);
    } finally {
      vi.restoreAllMocks();
      await custom.close();
    }
  });
});

describe('bearer checks on /management-api/v1', () => {
  it('answers 401 without a token', async () => {
    const response = await call('GET', CLOUDS);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      statusCode: 401,
      statusText: 'Unauthorized',
      errors: [{ message: 'Missing bearer token' }],
    });
  });

  it('answers 401 for a token it never issued', async () => {
    const response = await call('GET', CLOUDS, { authorization: 'Bearer not-a-real-token' });
    expect(response.status).toBe(401);
    expect(response.body.errors).toEqual([{ message: 'The incoming token has expired' }]);
  });

  it('answers 401 for a Basic header', async () => {
    const response = await call('GET', CLOUDS, { authorization: BASIC });
    expect(response.status).toBe(401);
    expect(response.body.errors).toEqual([{ message: 'Missing bearer token' }]);
  });

  it('after expire-tokens, rejects the old token and accepts a fresh one', async () => {
    const old = `Bearer ${await token()}`;
    expect((await call('GET', CLOUDS, { authorization: old })).status).toBe(200);

    expect((await control('expire-tokens')).status).toBe(204);
    const rejected = await call('GET', CLOUDS, { authorization: old });
    expect(rejected.status).toBe(401);
    expect(rejected.body).toEqual({
      statusCode: 401,
      statusText: 'Unauthorized',
      errors: [{ message: 'The incoming token has expired' }],
    });

    const fresh = `Bearer ${await token()}`;
    expect((await call('GET', CLOUDS, { authorization: fresh })).status).toBe(200);
  });
});

describe('the MSW handlers behind a token', () => {
  let authorization: string;
  beforeEach(async () => {
    authorization = `Bearer ${await token()}`;
  });

  it('lists the same data as the handlers do in-process', async () => {
    const response = await call('GET', `${CLOUDS}?page=1&pageSize=2`, { authorization });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.body).toMatchObject({
      page: 1,
      pageAmount: Math.ceil(db.list().length / 2),
    });
    expect(response.body.items).toHaveLength(2);

    // The same request answered in-process by the same handlers.
    const inProcess = await getResponse(
      handlers,
      new Request(`http://localhost${CLOUDS}?page=1&pageSize=2`),
    );
    expect(response.body).toEqual(await inProcess?.json());
  });

  it('passes the handlers’ validation errors through', async () => {
    const response = await call('GET', `${CLOUDS}?pageSize=0`, { authorization });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, statusText: 'Bad Request' });
  });

  it('creates a webhook (201) that GET by id then returns', async () => {
    const created = await call('POST', `${CLOUDS}/webhooks`, {
      authorization,
      body: {
        name: 'E2E webhook',
        url: 'https://e2e-receiver.example.com/hook',
        headers: { 'x-api-key': 'secret' },
        eventTypes: [{ type: 'TELEMETRY_DATA', version: '1.0.0' }],
        jsonPayloadEnabled: true,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'E2E webhook', type: 'WEBHOOK' });

    const fetched = await call('GET', `${CLOUDS}/${created.body.id}`, { authorization });
    expect(fetched.status).toBe(200);
    expect(fetched.body).toMatchObject({
      id: created.body.id,
      name: 'E2E webhook',
      url: 'https://e2e-receiver.example.com/hook',
    });
    expect(db.get(created.body.id)).toBeDefined();
  });

  it('patches with a request body', async () => {
    const flipped = !db.get(FLEET)?.jsonPayloadEnabled;
    const patched = await call('PATCH', `${CLOUDS}/webhooks/${FLEET}`, {
      authorization,
      body: { jsonPayloadEnabled: flipped },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.jsonPayloadEnabled).toBe(flipped);
    expect(db.get(FLEET)?.jsonPayloadEnabled).toBe(flipped);
  });

  it('answers DELETE with a bodiless 204, and reset brings the webhook back', async () => {
    const deleted = await new Promise<{ status?: number; headers: object; raw: string }>(
      (resolve, reject) => {
        const req = httpRequest(`${origin}${CLOUDS}/${FLEET}`, {
          method: 'DELETE',
          headers: { authorization },
        });
        req.on('error', reject);
        req.on('response', (res) => {
          let raw = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (raw += chunk));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, raw }));
        });
        req.end();
      },
    );
    expect(deleted.status).toBe(204);
    expect(deleted.raw).toBe('');
    expect(deleted.headers).not.toHaveProperty('content-length');
    expect(deleted.headers).not.toHaveProperty('transfer-encoding');
    expect((await call('GET', `${CLOUDS}/${FLEET}`, { authorization })).status).toBe(404);

    await control('reset');
    const fresh = `Bearer ${await token()}`;
    expect((await call('GET', `${CLOUDS}/${FLEET}`, { authorization: fresh })).status).toBe(200);
    // reset revokes tokens too.
    expect((await call('GET', CLOUDS, { authorization })).status).toBe(401);
  });
});

describe('fail-next', () => {
  it('answers the injected status once, then normally', async () => {
    const authorization = `Bearer ${await token()}`;
    const injected = await control('fail-next', {
      status: 503,
      body: { message: 'maintenance' },
      headers: { 'retry-after': '2' },
    });
    expect(injected.status).toBe(200);

    const failed = await call('GET', CLOUDS, { authorization });
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ message: 'maintenance' });
    expect(failed.headers.get('retry-after')).toBe('2');

    expect((await call('GET', CLOUDS, { authorization })).status).toBe(200);
  });

  it('honours count, defaults to the error shape and leaves the token endpoint alone', async () => {
    await control('fail-next', { status: 500, count: 2 });
    const authorization = `Bearer ${await token()}`;
    for (let i = 0; i < 2; i += 1) {
      const failed = await call('GET', `${CLOUDS}/${FLEET}`, { authorization });
      expect(failed.status).toBe(500);
      expect(failed.body).toEqual({
        statusCode: 500,
        statusText: 'Internal Server Error',
        errors: [],
      });
    }
    expect((await call('GET', `${CLOUDS}/${FLEET}`, { authorization })).status).toBe(200);
  });

  it('does not spend the fault on a request without a valid token', async () => {
    await control('fail-next', { status: 502 });
    expect((await call('GET', CLOUDS)).status).toBe(401);
    const authorization = `Bearer ${await token()}`;
    expect((await call('GET', CLOUDS, { authorization })).status).toBe(502);
    expect((await call('GET', CLOUDS, { authorization })).status).toBe(200);
  });

  it('scopes a fault to a path when asked, leaving other requests alone', async () => {
    const authorization = `Bearer ${await token()}`;
    await control('fail-next', { status: 403, path: '/v1/administrationLogs' });
    expect((await call('GET', CLOUDS, { authorization })).status).toBe(200);
    const logs = '/management-api/v1/administrationLogs';
    expect((await call('GET', logs, { authorization })).status).toBe(403);
    expect((await call('GET', logs, { authorization })).status).not.toBe(403);
    expect((await control('fail-next', { status: 500, path: 'v1/sims' })).status).toBe(400);
  });

  it('scopes a fault to whole path segments', async () => {
    const authorization = `Bearer ${await token()}`;
    await control('fail-next', { status: 503, path: '/v1/integrate/clouds' });
    expect((await call('GET', `${CLOUDS}X`, { authorization })).status).toBe(404);
    expect((await call('GET', `${CLOUDS}/${FLEET}`, { authorization })).status).toBe(503);
    expect((await call('GET', `${CLOUDS}/${FLEET}`, { authorization })).status).toBe(200);
    await control('fail-next', { status: 503, path: '/v1/integrate/clouds/' });
    expect((await call('GET', `${CLOUDS}/${FLEET}`, { authorization })).status).toBe(503);
  });

  it('rejects an invalid fault', async () => {
    const response = await control('fail-next', { status: 42 });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].property).toBe('status');
  });
});

describe('the request log', () => {
  it('records method, path and only the authorization scheme', async () => {
    const accessToken = await token();
    await call('GET', `${CLOUDS}?page=1`, { authorization: `Bearer ${accessToken}` });
    await call('GET', CLOUDS);

    const log = await control('requests');
    expect(log.status).toBe(200);
    expect(log.body).toEqual([
      { method: 'POST', path: '/management-api/oauth/token', authorization: 'Basic' },
      { method: 'GET', path: `${CLOUDS}?page=1`, authorization: 'Bearer' },
      { method: 'GET', path: CLOUDS, authorization: null },
    ]);
    expect(log.text).not.toContain(accessToken);
    expect(log.text).not.toContain(BASIC.slice('Basic '.length));

    expect((await control('clear-requests')).status).toBe(204);
    expect((await control('requests')).body).toEqual([]);
  });

  it('keeps the last 200 requests', async () => {
    for (let i = 0; i < 205; i += 1) await call('GET', `/nowhere/${i}`);
    const log = (await control('requests')).body;
    expect(log).toHaveLength(200);
    expect(log[0].path).toBe('/nowhere/5');
    expect(log[199].path).toBe('/nowhere/204');
  });
});

describe('other paths', () => {
  it.each([
    ['outside the API', 'GET', '/nowhere'],
    ['under the prefix but not /v1', 'GET', '/management-api/sims'],
    ['GET on the token path', 'GET', '/management-api/oauth/token'],
    ['an unknown control', 'POST', '/__control/nothing'],
  ])('answers 404 in the API error shape %s', async (_case, method, path) => {
    const response = await call(method, path);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ statusCode: 404, statusText: 'Not Found', errors: [] });
  });

  it('answers 404 for an unknown /v1 path once authorised', async () => {
    const authorization = `Bearer ${await token()}`;
    const response = await call('GET', '/management-api/v1/unknown', { authorization });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ statusCode: 404, statusText: 'Not Found', errors: [] });
  });

  it('answers GET /healthz', async () => {
    expect((await call('GET', '/healthz')).status).toBe(200);
  });
});

describe('device-message', () => {
  it('sends a device event through the db, as Demo controls do', async () => {
    const sent = await control('device-message', { eventType: 'LIFECYCLE' });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ integrationName: 'Fleet telemetry', outcome: 'delivered' }),
      ]),
    );
    expect((await control('device-message', { eventType: 'ERROR' })).status).toBe(400);
  });
});
