import { createServer, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devProxyGuard } from './dev-proxy-guard.js';

/** @type {import('node:http').Server} */
let server;
/** What reached the next middleware (Vite's proxy in `npm run dev`). @type {{ url?: string, headers: import('node:http').IncomingHttpHeaders }[]} */
const passed = [];

beforeAll(async () => {
  server = createServer((req, res) =>
    devProxyGuard(req, res, () => {
      passed.push({ url: req.url, headers: { ...req.headers } });
      res.end('next');
    }),
  );
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/**
 * @param {string} method
 * @param {string} path
 * @param {Record<string, string>} [headers]
 * @returns {Promise<{ status: number, type?: string, text: string }>}
 */
function send(method, path, headers = {}) {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
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
});
