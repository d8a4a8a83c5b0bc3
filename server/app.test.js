import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildServer, startupLines } from './app.js';

/**
 * @typedef {{ method: string, url: string, headers: import('node:http').IncomingHttpHeaders, body: Buffer }} Recorded
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, body: Buffer) => void} Behaviour
 * @typedef {{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer, text: string }} Answer
 */

const ID = 'AP3dIUs3c7_Oo2yJYaXWg';
const TIMEOUT_MS = 200;

/** @type {string} */
let distDir;
/** @type {import('fastify').FastifyInstance} */
let app;
/** @type {import('fastify').FastifyInstance} */
let unreachableApp;
/** @type {number} */
let closedPort;
/** @type {import('node:http').Server} */
let upstream;
/** Every request the fake 1NCE API received. @type {Recorded[]} */
let received = [];
/** @type {Behaviour} */
const answerOk = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
};
/** How the fake 1NCE API answers the current test. @type {Behaviour} */
let behaviour = answerOk;
/** Log lines of `app`. @type {string[]} */
const logs = [];

/** @param {import('node:http').Server | import('node:net').Server} server */
const portOf = (server) => /** @type {import('node:net').AddressInfo} */ (server.address()).port;

/** @param {import('node:http').Server | import('node:net').Server} server */
const listen = (server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'console-dist-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(
    join(distDir, 'index.html'),
    '<!doctype html><html><head><title>Integrator Console</title></head><body></body></html>',
  );
  writeFileSync(join(distDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(distDir, 'mockServiceWorker.js'), '// worker');

  upstream = createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
      });
      behaviour(req, res, body);
    });
  });
  await listen(upstream);

  app = buildServer({
    distDir,
    upstream: `http://127.0.0.1:${portOf(upstream)}/management-api/`,
    upstreamTimeoutMs: TIMEOUT_MS,
    logger: { level: 'info', stream: { write: (line) => void logs.push(line) } },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });

  // A port that was open a moment ago and is closed now: connection refused.
  const closed = createNetServer();
  await listen(closed);
  closedPort = portOf(closed);
  await new Promise((resolve) => closed.close(resolve));
  unreachableApp = buildServer({
    distDir,
    upstream: `http://127.0.0.1:${closedPort}/management-api`,
  });
  await unreachableApp.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
  await unreachableApp.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
  rmSync(distDir, { recursive: true, force: true });
});

beforeEach(() => {
  received = [];
  behaviour = answerOk;
});

afterEach(() => {
  // Stalled answers from the timeout tests.
  upstream.closeAllConnections();
});

/** @param {string} path */
const get = (path) => fetch(new URL(path, `http://127.0.0.1:${portOf(app.server)}`));

/**
 * A request with exactly this method, raw (not normalised) path, headers and body.
 * @param {string} method
 * @param {string} path
 * @param {{ headers?: Record<string, string>, body?: string | Buffer, server?: import('fastify').FastifyInstance }} [options]
 * @returns {Promise<Answer>}
 */
function send(method, path, { headers = {}, body, server = app } = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: portOf(server.server), method, path, headers },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: bytes,
            text: bytes.toString(),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** @param {Answer} answer */
const json = (answer) => JSON.parse(answer.text);

describe('production server', () => {
  it('answers health probes', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it.each(['/', '/integrations', '/integrations/AP3dIUs3c7_Oo2yJYaXWg/edit?demo'])(
    'serves the app shell for the deep link %s, never cached',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('Integrator Console');
    },
  );

  it('caches hashed assets for a year and revalidates everything else', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const worker = await get('/mockServiceWorker.js');
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing file with 404 instead of the app shell', async () => {
    expect((await get('/assets/missing-123.js')).status).toBe(404);
  });

  it('does not answer /management-api itself with the app shell', async () => {
    const response = await get('/management-api');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('refuses to start without a build', () => {
    expect(() => buildServer({ distDir: join(distDir, 'nowhere') })).toThrow(/npm run build/);
  });

  it('tells the console which API it talks to, never cached', async () => {
    const response = await get('/console-config.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.json()).toEqual({
      upstream: `127.0.0.1:${portOf(upstream)}`,
      modes: ['demo', 'live'],
    });
  });

  it.each([
    ['127.0.0.1', 'http://127.0.0.1:8080'],
    ['0.0.0.0', 'http://localhost:8080'],
    ['::', 'http://localhost:8080'],
    ['::1', 'http://[::1]:8080'],
  ])('starts with one plain line to open, for an address of %s', (address, url) => {
    expect(startupLines({ address, port: 8080 }, 'https://api.1nce.com/management-api')).toEqual([
      `Integrator Console: open ${url}`,
      'Modes: demo (simulated API in the browser) and live (1NCE API at api.1nce.com, MANAGEMENT_API_URL=https://api.1nce.com/management-api); a new tab opens demo (CONSOLE_MODES=demo,live)',
    ]);
  });

  it('names only the host of the default upstream', async () => {
    const server = buildServer({ distDir });
    const response = await server.inject('/console-config.json');
    expect(response.json()).toEqual({ upstream: 'api.1nce.com', modes: ['demo', 'live'] });
    await server.close();
  });
});

describe('the /management-api proxy: allow-list', () => {
  it.each([
    ['POST', '/management-api/v1/sims'],
    ['GET', '/management-api/v1/sims/8988280666000000000/events?page=1'],
    ['POST', '/management-api/v1/orders'],
    ['GET', '/management-api/v1/orders'],
    ['POST', '/management-api/v1/integrate/clouds/aws'],
    ['PUT', `/management-api/v1/integrate/clouds/${ID}`],
    ['GET', '/management-api/oauth/token'],
    ['GET', '/management-api/v1/integrate/clouds/../../v1/orders'],
    ['GET', '/management-api/v1/integrate/clouds/%2e%2e/%2e%2e/v1/orders'],
    ['GET', '/management-api/v1/integrate/clouds/..%2F..%2Fv1%2Forders'],
    ['GET', '/management-api/v1/sims/../sims/8988280666000000000/topup'],
    ['GET', '/management-api//v1/integrate/clouds'],
    ['GET', '/management-api/v1/integrate/clouds/'],
    ['GET', '/management-api/V1/integrate/clouds'],
    ['GET', '/management-api/'],
  ])('answers %s %s with 404 and never contacts the upstream', async (method, path) => {
    const response = await send(method, path, {
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : '{"a":1}',
    });
    expect(response.status).toBe(404);
    const relative = path.split('?')[0].slice('/management-api'.length);
    expect(json(response)).toEqual({
      statusCode: 404,
      statusText: 'Not Found',
      errors: [{ message: `This console does not forward ${method} ${relative}` }],
    });
    expect(received).toEqual([]);
  });
});

describe('the /management-api proxy: forwarding', () => {
  it('passes method, path, query and body byte for byte, with only the headers the API needs', async () => {
    const body = Buffer.from('{"url":"https://example.com/:iccid:?a=1&b=ü",  "n": 1.50}\n');
    const response = await send(
      'PATCH',
      `/management-api/v1/integrate/clouds/webhooks/${ID}?x=1&y=a%20b&y=2`,
      {
        headers: {
          authorization: 'Bearer abc.def.ghi',
          'content-type': 'application/json; charset=utf-8',
          accept: 'application/json',
          cookie: 'session=s3cr3t',
          'x-forwarded-for': '203.0.113.7',
          'x-forwarded-host': 'evil.example',
          'x-custom': 'nope',
          origin: 'http://127.0.0.1',
        },
        body,
      },
    );
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({ ok: true });
    expect(received).toHaveLength(1);
    const [forwarded] = received;
    expect(forwarded.method).toBe('PATCH');
    expect(forwarded.url).toBe(
      `/management-api/v1/integrate/clouds/webhooks/${ID}?x=1&y=a%20b&y=2`,
    );
    expect(forwarded.body.equals(body)).toBe(true);
    expect(forwarded.headers.authorization).toBe('Bearer abc.def.ghi');
    expect(forwarded.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(forwarded.headers.accept).toBe('application/json');
    expect(forwarded.headers.host).toBe(`127.0.0.1:${portOf(upstream)}`);
    for (const name of ['cookie', 'x-forwarded-for', 'x-forwarded-host', 'x-custom', 'origin']) {
      expect(forwarded.headers).not.toHaveProperty(name);
    }
  });

  it.each([
    ['POST', '/oauth/token', '{"grant_type":"client_credentials"}'],
    ['GET', '/v1/integrate/clouds?page=2&pageSize=50', undefined],
    ['GET', '/v1/integrate/clouds/eventTypes', undefined],
    ['GET', `/v1/integrate/clouds/${ID}`, undefined],
    ['DELETE', `/v1/integrate/clouds/${ID}`, undefined],
    ['POST', '/v1/integrate/clouds/webhooks', '{"name":"x"}'],
    ['POST', `/v1/integrate/clouds/webhooks/${ID}/test`, undefined],
    ['POST', `/v1/integrate/clouds/webhooks/${ID}/restart`, ''],
  ])('forwards %s %s', async (method, path, body) => {
    const response = await send(method, `/management-api${path}`, {
      headers: body ? { 'content-type': 'application/json' } : {},
      body,
    });
    expect(response.status).toBe(200);
    expect(received).toMatchObject([{ method, url: `/management-api${path}` }]);
    expect(received[0].body.toString()).toBe(body ?? '');
  });

  it('forwards a body of any content type unparsed', async () => {
    const body = Buffer.from([0x00, 0xff, 0x7b, 0x0a]);
    await send('POST', '/management-api/oauth/token', {
      headers: { 'content-type': 'application/octet-stream' },
      body,
    });
    expect(received[0].body.equals(body)).toBe(true);
    expect(received[0].headers['content-type']).toBe('application/octet-stream');
  });

  it.each([
    [500, '{"statusText":"Server Error","errors":[]}'],
    [400, '{"statusCode":400,"errorCode":"BadCredentials","message":"User does not exist."}'],
    [401, '{"statusCode":401,"statusText":"Unauthorized","errors":[]}'],
    [409, '{"statusCode":409,"statusText":"Conflict","errors":[{"message":"exists"}]}'],
  ])('keeps status %i and body of an upstream error, not its headers', async (status, body) => {
    behaviour = (_req, res) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        // A Basic challenge would make the browser ask for a password in its own dialog.
        'www-authenticate': 'Basic realm="1NCE"',
        'set-cookie': 'tracking=1',
        'x-amzn-requestid': 'abc',
      });
      res.end(body);
    };
    const response = await send('GET', '/management-api/v1/integrate/clouds');
    expect(response.status).toBe(status);
    expect(response.text).toBe(body);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers).not.toHaveProperty('set-cookie');
    expect(response.headers).not.toHaveProperty('x-amzn-requestid');
    expect(response.headers).not.toHaveProperty('www-authenticate');
  });

  it('keeps 429 with its Retry-After', async () => {
    behaviour = (_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '17' });
      res.end('{"statusCode":429,"statusText":"Too Many Requests","errors":[]}');
    };
    const response = await send('POST', '/management-api/oauth/token', { body: '{}' });
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('17');
    expect(json(response)).toMatchObject({ statusCode: 429 });
  });

  it('forwards a SIM page with its query and paging headers, and an administration-logs query', async () => {
    behaviour = (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-count-per-page': '100',
        'x-current-page': '2',
        'x-total-count': '150',
        'x-total-pages': '2',
        'x-amzn-requestid': 'abc',
      });
      res.end('[]');
    };
    const response = await send('GET', '/management-api/v1/sims?page=2&pageSize=100');
    expect(response.status).toBe(200);
    expect(response.text).toBe('[]');
    // The paging headers src/sims/queries.ts reads; X-Count-Per-Page it does not.
    expect(response.headers).toMatchObject({
      'x-current-page': '2',
      'x-total-count': '150',
      'x-total-pages': '2',
    });
    expect(response.headers).not.toHaveProperty('x-count-per-page');
    expect(response.headers).not.toHaveProperty('x-amzn-requestid');
    const q = 'q=type:INTEGRATION,category:error,startDateTime:2026-11-24T00:00:00.000Z';
    await send('GET', `/management-api/v1/administrationLogs?${q}&pageSize=25&page=1`);
    await send('GET', '/management-api/v1/sims/8988280666000000000');
    expect(received.map((item) => `${item.method} ${item.url}`)).toEqual([
      'GET /management-api/v1/sims?page=2&pageSize=100',
      `GET /management-api/v1/administrationLogs?${q}&pageSize=25&page=1`,
      'GET /management-api/v1/sims/8988280666000000000',
    ]);
  });

  it.each([
    ['POST', '/management-api/v1/sims/8988280666000000000/topup'],
    ['POST', '/management-api/v1/sims/8988280666000000000/sms'],
    ['POST', '/management-api/v1/sims/8988280666000000000/reset'],
    ['PUT', '/management-api/v1/sims/8988280666000000000'],
    ['POST', '/management-api/v1/sims/simTransfer'],
    ['GET', '/management-api/v1/administrationLogs/stats'],
  ])('refuses %s %s without asking the upstream', async (method, path) => {
    const response = await send(method, path, method === 'GET' ? {} : { body: '{}' });
    expect(response.status).toBe(404);
    expect(received).toEqual([]);
  });

  it('passes 204 with an empty body', async () => {
    behaviour = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    const response = await send('DELETE', `/management-api/v1/integrate/clouds/${ID}`);
    expect(response.status).toBe(204);
    expect(response.body.length).toBe(0);
    expect(received).toMatchObject([{ method: 'DELETE' }]);
  });

  it('answers 504 in 1NCE error shape, naming the host, when the upstream does not answer in time', async () => {
    behaviour = () => {}; // never answers
    const started = Date.now();
    const response = await send('GET', '/management-api/v1/integrate/clouds');
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 2000);
    expect(response.status).toBe(504);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    const host = `127.0.0.1:${portOf(upstream)}`;
    expect(json(response)).toEqual({
      statusCode: 504,
      statusText: 'Gateway Timeout',
      errors: [{ message: `${host} did not answer within 0.2 s` }],
      upstream: { host, cause: 'timeout', code: 'timeout', timeoutMs: TIMEOUT_MS },
    });
  });

  it('answers 504 when the upstream stalls in the middle of its body', async () => {
    behaviour = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items":[');
    };
    const response = await send('GET', '/management-api/v1/integrate/clouds');
    expect(response.status).toBe(504);
    expect(json(response)).toMatchObject({ statusCode: 504, upstream: { cause: 'timeout' } });
  });

  it('answers 502 saying the connection was refused, and by which host', async () => {
    const response = await send('GET', '/management-api/v1/integrate/clouds', {
      server: unreachableApp,
    });
    expect(response.status).toBe(502);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    const host = `127.0.0.1:${closedPort}`;
    expect(json(response)).toEqual({
      statusCode: 502,
      statusText: 'Bad Gateway',
      errors: [{ message: `${host} refused the connection (ECONNREFUSED)` }],
      upstream: { host, cause: 'refused', code: 'ECONNREFUSED' },
    });
  });

  describe.each([
    [
      'an unresolvable host',
      () => 'https://api.1nce.invalid/management-api',
      'api.1nce.invalid',
      { cause: 'dns', code: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN)$/) },
      /^The console's server could not resolve api\.1nce\.invalid \(DNS: E[A-Z_]+\)$/,
    ],
    [
      'https to a plain-HTTP port (TLS)',
      () => `https://127.0.0.1:${portOf(upstream)}/management-api`,
      undefined,
      { cause: 'tls', code: expect.stringMatching(/^ERR_SSL_/) },
      /^The TLS connection to 127\.0\.0\.1:\d+ failed \(ERR_SSL_\w+\)$/,
    ],
  ])('with %s', (_name, url, expectedHost, upstreamFields, message) => {
    /** @type {import('fastify').FastifyInstance} */
    let server;
    beforeAll(async () => {
      server = buildServer({ distDir, upstream: url() });
      await server.listen({ host: '127.0.0.1', port: 0 });
    });
    afterAll(() => server.close());

    it('answers 502 at once, saying what failed and for which host', async () => {
      const started = Date.now();
      const response = await send('POST', '/management-api/oauth/token', { server, body: '{}' });
      expect(Date.now() - started).toBeLessThan(1500);
      expect(response.status).toBe(502);
      const body = json(response);
      const host = expectedHost ?? new URL(url()).host;
      expect(body).toEqual({
        statusCode: 502,
        statusText: 'Bad Gateway',
        errors: [{ message: expect.stringMatching(message) }],
        upstream: { host, ...upstreamFields },
      });
    });
  });
});

describe('security headers', () => {
  /** @param {import('node:http').IncomingHttpHeaders} headers */
  function expectSecurityHeaders(headers) {
    const csp = String(headers['content-security-policy']);
    const directives = Object.fromEntries(
      csp.split(';').map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'worker-src': "'self'",
      'manifest-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    });
    expect(directives['script-src']).not.toContain('unsafe-inline');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers).not.toHaveProperty('cross-origin-embedder-policy');
    expect(headers).not.toHaveProperty('x-powered-by');
  }

  it.each([
    ['the page', 'GET', '/'],
    ['a deep link (SPA fallback)', 'GET', '/integrations/new'],
    ['an asset', 'GET', '/assets/index-abc123.js'],
    ['the service worker', 'GET', '/mockServiceWorker.js'],
    ['a missing asset (JSON 404)', 'GET', '/assets/missing.js'],
    ['a refused API path (JSON 404)', 'GET', '/management-api/v1/orders'],
    ['a proxied answer', 'GET', '/management-api/v1/integrate/clouds'],
    ['the health probe', 'GET', '/healthz'],
    ['the console config', 'GET', '/console-config.json'],
  ])('are on %s', async (_name, method, path) => {
    expectSecurityHeaders((await send(method, path)).headers);
  });

  it('are on a gateway error', async () => {
    const response = await send('GET', '/management-api/v1/integrate/clouds', {
      server: unreachableApp,
    });
    expect(response.status).toBe(502);
    expectSecurityHeaders(response.headers);
  });
});

describe('logs', () => {
  it('record proxied requests without tokens, headers, bodies or query strings', async () => {
    behaviour = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"access_token":"upstream-token-789","token_type":"bearer","expires_in":3600}');
    };
    logs.length = 0;
    const secrets = {
      authorization: 'Bearer secret-token-123',
      cookie: 'session=cookie-secret-456',
      'content-type': 'application/json',
    };
    await send('POST', '/management-api/oauth/token?client_secret=query-secret-000', {
      headers: secrets,
      body: '{"grant_type":"client_credentials","password":"hunter2"}',
    });
    await send('POST', '/management-api/v1/sims?token=query-secret-000', {
      headers: secrets,
      body: '{"password":"hunter2"}',
    });
    await send('GET', '/integrations?token=query-secret-000', { headers: secrets });
    await new Promise((resolve) => setTimeout(resolve, 50)); // "request completed" comes after the answer

    const all = logs.join('');
    for (const secret of [
      'secret-token-123',
      'Bearer',
      'hunter2',
      'password',
      'cookie-secret-456',
      'upstream-token-789',
      'query-secret-000',
    ]) {
      expect(all).not.toContain(secret);
    }
    const entries = logs.map((line) => JSON.parse(line));
    /** @param {Record<string, unknown>} expected */
    const linesOfRequest = (expected) => {
      const entry = entries.find((candidate) =>
        Object.entries(expected).every(([key, value]) => candidate[key] === value),
      );
      expect(entry).toBeDefined();
      return entries.filter((candidate) => candidate.reqId === entry.reqId);
    };
    // One line per proxied or refused request: no Fastify "incoming request"/"request completed".
    expect(linesOfRequest({ msg: 'proxied' })).toEqual([
      expect.objectContaining({
        msg: 'proxied',
        method: 'POST',
        path: '/oauth/token',
        upstreamStatus: 200,
        ms: expect.any(Number),
      }),
    ]);
    expect(linesOfRequest({ msg: 'refused' })).toEqual([
      expect.objectContaining({
        msg: 'refused',
        method: 'POST',
        path: '/v1/sims',
        statusCode: 404,
      }),
    ]);
    // Other requests keep Fastify's lines, with the path only.
    expect(linesOfRequest({ msg: 'incoming request' })).toEqual([
      expect.objectContaining({
        req: expect.objectContaining({ method: 'GET', url: '/integrations' }),
      }),
      expect.objectContaining({ msg: 'request completed', res: { statusCode: 200 } }),
    ]);
  });

  it('record a gateway timeout without a stack or secrets', async () => {
    behaviour = () => {};
    logs.length = 0;
    await send('GET', `/management-api/v1/integrate/clouds/${ID}`, {
      headers: { authorization: 'Bearer secret-token-123' },
    });
    const entries = logs.map((line) => JSON.parse(line));
    expect(entries).toContainEqual(
      expect.objectContaining({
        msg: 'upstream failed',
        error: 'timeout',
        path: `/v1/integrate/clouds/${ID}`,
      }),
    );
    expect(logs.join('')).not.toContain('secret-token-123');
  });
});
