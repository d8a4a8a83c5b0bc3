import { createServer, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devProxyGuard, keepForwardedResponseHeaders } from './dev-proxy-guard.js';

/** @type {import('node:http').Server} */
let server;
/** What reached the next middleware (Vite's proxy in `npm run dev`). @type {{ url?: string, headers: import('node:http').IncomingHttpHeaders }[]} */
const passed = [];

/** `npm run dev` for these modes, Vite's proxy replaced by a recorder. @param {import('./modes.js').Mode[]} modes */
async function devServer(modes) {
  const guard = devProxyGuard(modes);
  const created = createServer((req, res) =>
    guard(req, res, () => {
      passed.push({ url: req.url, headers: { ...req.headers } });
      res.end('next');
    }),
  );
  await new Promise((resolve) => created.listen(0, '127.0.0.1', () => resolve(undefined)));
  return created;
}

beforeAll(async () => {
  server = await devServer(['demo', 'live']);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/**
 * @param {string} method
 * @param {string} path
 * @param {Record<string, string>} [headers]
 * @param {import('node:http').Server} [to]
 * @returns {Promise<{ status: number, type?: string, text: string }>}
 */
function send(method, path, headers = {}, to = server) {
  const { port } = /** @type {import('node:net').AddressInfo} */ (to.address());
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], text }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('devProxyGuard', () => {
  it.each([
    ['POST', '/management-api/v1/sims'],
    ['POST', '/management-api/v1/orders'],
    ['GET', '/management-api/v1/integrate/clouds/../../v1/orders'],
    ['GET', '/management-api/v1/integrate/clouds/%2e%2e/sims'],
    ['GET', '/management-api'],
    ['GET', '/management-apiv1/integrate/clouds'],
  ])('answers %s %s with 404 JSON', async (method, path) => {
    passed.length = 0;
    const response = await send(method, path);
    expect(response.status).toBe(404);
    expect(response.type).toMatch(/application\/json/);
    expect(JSON.parse(response.text)).toMatchObject({ statusCode: 404, statusText: 'Not Found' });
    expect(passed).toEqual([]);
  });

  it('lets allow-listed requests through with only the headers the API needs', async () => {
    passed.length = 0;
    const response = await send('GET', '/management-api/v1/integrate/clouds?page=2', {
      authorization: 'Bearer t',
      accept: 'application/json',
      cookie: 'other-app=1',
      origin: 'http://localhost:5173',
      'x-forwarded-for': '203.0.113.7',
    });
    expect(response.text).toBe('next');
    expect(passed).toHaveLength(1);
    expect(passed[0].url).toBe('/management-api/v1/integrate/clouds?page=2');
    expect(Object.keys(passed[0].headers).sort()).toEqual(['accept', 'authorization']);
  });

  it('leaves everything outside /management-api alone', async () => {
    passed.length = 0;
    await send('GET', '/src/main.tsx', { cookie: 'a=1' });
    expect(passed).toEqual([
      { url: '/src/main.tsx', headers: expect.objectContaining({ cookie: 'a=1' }) },
    ]);
  });

  it('refuses even allow-listed requests where only the demo is offered, as the server does', async () => {
    const demoOnly = await devServer(['demo']);
    passed.length = 0;
    try {
      const response = await send('POST', '/management-api/oauth/token', {}, demoOnly);
      expect(response.status).toBe(404);
      expect(JSON.parse(response.text)).toEqual({
        statusCode: 404,
        statusText: 'Not Found',
        errors: [{ message: 'This console does not forward POST /oauth/token' }],
      });
      expect(passed).toEqual([]);
    } finally {
      await new Promise((resolve) => demoOnly.close(resolve));
    }
  });
});

describe('keepForwardedResponseHeaders', () => {
  it('passes back only what the production proxy does: no login challenge, no cookie', async () => {
    // A 1NCE API answering as it might, over real HTTP, as Vite's proxy receives it.
    const upstream = createServer((_req, res) => {
      res.writeHead(401, {
        'content-type': 'application/json',
        'www-authenticate': 'Basic realm="1NCE"',
        'set-cookie': 'tracking=1',
        'retry-after': '3',
        'x-total-count': '150',
        'x-amzn-requestid': 'abc',
      });
      res.end('{}');
    });
    await new Promise((resolve) => upstream.listen(0, '127.0.0.1', () => resolve(undefined)));
    try {
      const { port } = /** @type {import('node:net').AddressInfo} */ (upstream.address());
      const proxyRes = await new Promise((resolve, reject) =>
        httpRequest({ host: '127.0.0.1', port, path: '/v1/sims' }, resolve)
          .on('error', reject)
          .end(),
      );
      keepForwardedResponseHeaders(proxyRes);
      proxyRes.resume();
      expect(proxyRes.headers).toEqual({
        'content-type': 'application/json',
        'retry-after': '3',
        'x-total-count': '150',
      });
    } finally {
      await new Promise((resolve) => upstream.close(resolve));
    }
  });
});
